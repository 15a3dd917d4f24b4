"""whowhom's trained components (data/models/, built by scripts/train_models.py from training/*.cfg):

- penta: the Phoenix penta class of a sentence's main event, a text classifier;
- roles: the source (S), target (T) and reciprocal (R) spans of a sentence's main event, an entity
  recogniser over the parsed sentence.

The coder uses them to weigh its events and to draw their evidence spans (events/weigh.py). Both are
optional: where a model is missing, or WHOWHOM_MODELS=off, the coder works on its rules alone.
WHOWHOM_MODELS=DIR loads them from DIR instead (cross-validation trains one set per fold)."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, HEAD, SPACY
from spacy.tokens import Doc, Span

from whowhom.events import rolefeats  # noqa: F401  (registers the role tagger's architecture)
from whowhom.nlp import words_of


def _dir() -> Path | None:
    where = os.environ.get("WHOWHOM_MODELS", "")
    if where.lower() in ("off", "0", "none"):
        return None
    return Path(where) if where else Path(str(resources.files("whowhom.data") / "models"))


@lru_cache(maxsize=4)
def _load(name: str, where: str | None, vocab_id: int | None, vocab=None):
    if where is None or not (Path(where) / name / "config.cfg").is_file():
        return None
    from whowhom.encoder import use_fast_encoders
    from whowhom.nerdecode import use_decoder
    from whowhom.nlp import fast_matmul
    model = spacy.load(Path(where) / name, vocab=vocab) if vocab is not None else spacy.load(Path(where) / name)
    model = use_fast_encoders(fast_matmul(model))
    return use_decoder(model, "roles")  # (the role tagger is an entity recogniser)


def penta_model():
    d = _dir()
    return _load("penta", str(d) if d else None, None)


def roles_model(vocab):
    """The role recogniser, sharing the main pipeline's vocabulary (it reads the parser's tags and labels)."""
    d = _dir()
    return _load("roles", str(d) if d else None, id(vocab), vocab)


def penta_probs(texts: list[str]) -> list[dict[int, float]] | None:
    """P(penta class) of each text, or None without a model."""
    model = penta_model()
    if model is None:
        return None
    return [{int(k): v for k, v in d.cats.items()} for d in model.pipe(texts)]


def role_spans(sents: list[Span]) -> list[list[tuple[int, int, str]]] | None:
    """For each sentence, the (start, end, label) token spans in its Doc of its main event's roles; None
    without a model. The sentences go through the recogniser in one batch."""
    if not sents:
        return []
    model = roles_model(sents[0].doc.vocab)
    if model is None:
        return None
    docs, arrays = [], {}
    for sent in sents:
        # (a Doc's attribute array is read once for all its sentences, not once per sentence)
        if id(sent.doc) not in arrays:
            arrays[id(sent.doc)] = (sent.doc, *_array_of(sent.doc))
        _, head, array = arrays[id(sent.doc)]
        docs.append(sentence_doc(sent, head, array))
    return [[(sent.start + e.start, sent.start + e.end, e.label_) for e in doc.ents]
            for sent, doc in zip(sents, model.get_pipe("roles").pipe(docs))]


# the entity columns a sentence's Doc leaves blank: the recogniser fills an empty slate, not the NER's
_ENTITY_COLUMNS = (ENT_IOB, ENT_TYPE)


def _array_of(doc: Doc) -> tuple[list[int], numpy.ndarray]:
    """The attributes Span.as_doc copies (but the entities), and their array."""
    head = [a for a in doc._get_array_attrs() if a not in _ENTITY_COLUMNS]
    return head, doc.to_array(head)


def sentence_doc(sent: Span, head: list[int], array: numpy.ndarray) -> Doc:
    """A sentence as a Doc of its own, as the role tagger reads it: what Span.as_doc copies (tokens,
    tags, lemmas, the parse, the tok2vec tensor), with no entities (missing, not outside). as_doc also
    works out the span's vector and its entities, token by token, which this Doc never reads; a sentence
    whose parse reaches outside it (never, for the parser's own sentences) goes through as_doc."""
    doc = sent.doc
    rows = array[sent.start:sent.end]
    heads = rows[:, head.index(HEAD)].view(numpy.int64) + numpy.arange(len(rows)) if HEAD in head else None
    if heads is not None and len(rows) and (heads.min() < 0 or heads.max() >= len(rows)):
        out = sent.as_doc(array_head=tuple(doc._get_array_attrs()))
        out.set_ents([], default="missing")
        return out
    out = Doc(doc.vocab, words=words_of(doc)[sent.start:sent.end],
              spaces=rows[:, head.index(SPACY)].astype(bool).tolist())
    out.from_array(head, rows)
    out.tensor = doc.tensor[sent.start:sent.end]
    return out


def trained_on(path: str) -> list[str]:
    """The installed components trained on this very file (all of it, not cross-validation folds): their
    scores on it are not held-out figures."""
    import hashlib
    import json

    d = _dir()
    if d is None:
        return []
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return []
    out = []
    for name in ("penta", "roles"):
        try:
            meta = json.loads((d / name / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        info = meta.get("whowhom_training") or {}
        if info.get("sha256") == digest and info.get("fold") is None:
            out.append(name)
    return out
