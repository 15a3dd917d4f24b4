"""The stages wired together: read -> page anatomy -> parse -> actors -> events.

Each stage is a plain function over one document, so an executor (in-process now; worker processes and
Dask later) can run them without changing a stage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import numpy
from spacy.attrs import IS_SPACE, NORM, SENT_START, SPACY
from spacy.tokens import Doc

from whowhom import nlp
from whowhom.actors import ActorCoder
from whowhom.actors.article import ArticleActors, datelines
from whowhom.actors.leaders import date_int
from whowhom.events.calibration import calibrate
from whowhom.events.coder import EventCoder
from whowhom.events.dating import mark_background
from whowhom.events.event import Event
from whowhom.events.location import Pieces, locate
from whowhom.events import topic
from whowhom.events.filters import merge_repeats, partnerless, political
from whowhom.events.weigh import weigh_all
from whowhom.io.readers import RawDoc, Skip
from whowhom.page import Article, extract
from whowhom.page.genre import genre


@dataclass
class Coded:
    article: Article
    events: list[Event]


@lru_cache(maxsize=1)
def _stages():
    return nlp.load(), ActorCoder(), EventCoder()


def sections(article: Article) -> Iterator[tuple[str, str]]:
    """The texts that are coded, each with its section label. Chrome other than comments is never coded;
    comments are coded but kept apart as section "comment"."""
    if article.title:
        yield "headline", article.title
    if article.body:
        yield "article", article.body
    for part in article.comments:
        yield "comment", part.text


def _code(doc: Doc, article: Article, section: str, offset: int = 0, first_sentence: int = 0,
          later: list | None = None, register: ArticleActors | None = None,
          pieces: Pieces | None = None) -> list[Event]:
    """Events of one parsed text (every component run, NER included); `offset` and `first_sentence` place
    a piece of a section in it; `register` holds the people of the article read so far; the Doc read goes
    into `pieces` (where the events' places are read from)."""
    model, actors, coder = _stages()
    skip = datelines(nlp.text_of(doc)) if section == "article" and offset == 0 else []
    mentions = actors.find(doc, date=article.date, skip=skip)
    if section == "headline" and nlp.is_title_case(nlp.text_of(doc)):
        # Title Case confuses the tagger: re-parse in sentence case, keeping actor names capitalised.
        doc = model(nlp.sentence_case(nlp.text_of(doc), [(m.start_char, m.end_char) for m in mentions
                                                 if m.country or len(m.code) > 3]))
        mentions = actors.find(doc, date=article.date)
    register = register or ArticleActors(actors, date_int(article.date))
    mentions = register.resolve(doc, mentions, pronouns=section != "headline", section=section,
                                first_sentence=first_sentence, offset=offset)
    if pieces is not None:
        pieces.add(section, offset, doc)
    return coder.code_doc(doc, mentions, doc_id=article.id, section=section, article_date=article.date,
                          offset=offset, first_sentence=first_sentence, later=later)


# The body is read before the headline, so the headline's surnames find the people of the story.
READING_ORDER = {"article": 0, "headline": 1, "comment": 2}
SECTION_ORDER = {"headline": 0, "article": 1, "comment": 2}


def finish(events: list[Event], article: Article, uncoded: bool = False, home: str | None = None,
           pieces: Pieces | None = None) -> list[Event]:
    """The post-passes over an article's coded events: the story's country as the target of aimed acts
    that have none (`home`, events/topic.py), none from a story of sport or show business (page/genre.py),
    one record for one act (filters.merge_repeats) and no event without a political actor (both unless
    `uncoded`), nor cooperation or aid with no partner, background marks, calibrated confidence, then where each happened (from the parsed `pieces`)."""
    if not uncoded and genre(article.body):
        return []  # (a story of sport or show business: its acts are no political events)
    topic.aim(events, home)
    events = [e for e in merge_repeats(events) if (uncoded or political(e)) and not partnerless(e)]
    mark_background(events, article.date)
    calibrate(events)
    locate(events, article.body, pieces, home)
    return events


def code_article(article: Article, uncoded: bool = False) -> list[Event]:
    """The events of an article; with `uncoded`, also those with no political actor on either side."""
    model, actors, _ = _stages()
    register = ArticleActors(actors, date_int(article.date))
    register.read_setting(model.make_doc(article.body) if article.body else None)
    texts = list(sections(article))
    coded: dict[int, list[Event]] = {}
    pieces = Pieces()
    for k in sorted(range(len(texts)), key=lambda k: READING_ORDER[texts[k][0]]):
        section, text = texts[k]
        coded[k] = _code(model(text), article, section, register=register, pieces=pieces)
    return finish([e for k in range(len(texts)) for e in coded[k]], article, uncoded, register.home, pieces)


# Pages a batch of run(): code_articles parses their texts eight at a time, of like length (more pages, likelier
# lengths: fewer parser steps).
RUN_BATCH = 16


def run(raws: Iterable, uncoded: bool = False, batch_size: int = RUN_BATCH) -> Iterator[Coded | Skip]:
    """Each input coded, in order; an input that cannot be read (a Skip from io.iter_inputs) or whose page
    fails to extract or code comes out as a Skip with its reason, and the rest go on. Pages are coded
    `batch_size` at a time by code_articles, which gives exactly code_article's events while parsing only
    what can give one (with `uncoded`, whose events need no known actor, every text is parsed)."""
    batch: list = []
    for raw in raws:
        batch.append(raw if not isinstance(raw, RawDoc) else _extracted(raw))
        if len(batch) >= batch_size:
            yield from _coded(batch, uncoded)
            batch = []
    yield from _coded(batch, uncoded)


def _extracted(raw: RawDoc) -> tuple[str, Article] | Skip:
    """(input id, its article), or why it gives none."""
    article = _article_of(raw)
    if isinstance(article, str):
        return Skip(raw.id, article)
    reason = junk_reason(article)
    if reason is not None and reason.startswith("not English"):
        return Skip(raw.id, reason)  # (an empty page is still an article without events)
    return raw.id, article


def _coded(batch: list, uncoded: bool) -> Iterator[Coded | Skip]:
    todo = [item[1] for item in batch if isinstance(item, tuple)]
    found = iter(zip(todo, _code_each(todo, "all", uncoded)))
    for item in batch:
        if not isinstance(item, tuple):
            yield item
            continue
        article, evs = next(found)
        yield Skip(item[0], evs) if isinstance(evs, str) else Coded(article, evs)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [""])[0][:200]


# ---------------------------------------------------------------------- corpus scale (ingest)
# code_articles gives exactly the events of code_article, for many articles at a time: texts that cannot
# give an event (prefilter.wants) are never parsed, the rest go through nlp.pipe in batches without NER,
# and NER runs only on those that have a trigger (prefilter.triggered). Headlines are always parsed in
# full: a Title Case one is re-parsed in sentence case with its actor names kept, found with NER.
# Small nlp.pipe batches: spaCy's time per token is the same from 4 texts a batch up, its memory is not
# (a batch of 32 long bodies adds about 250 MB to a worker).

def code_articles(articles: list[Article], batch_size: int | None = None, sentences: str = "all") -> list[list[Event]]:
    """Events of each article, as code_article gives them, parsing only texts that can give events
    (sentences="all"); or only the sentences that name a known actor (sentences="actors", see below).
    Batches: 8 whole texts, or 64 pieces and headlines (short: a seventh less time per token than 8)."""
    from whowhom import prefilter

    if sentences not in ("all", "actors"):
        raise ValueError(f"sentences must be 'all' or 'actors', not {sentences!r}")
    model, _, coder = _stages()
    pf = prefilter.get(model, coder)
    later: list = []  # the trained components weigh every text's events in one batch at the end
    bodies: dict = {}  # each body's tokens, by article
    # (a story of sport or show business gives no events: finish drops them, so it is not parsed at all)
    news = [genre(article.body) is None for article in articles]
    if sentences == "all":
        jobs = [job for job in _whole_jobs(articles, model, pf, bodies) if news[job[0]]]
        out, homes, pieces = _parse_and_code(articles, jobs, pf, batch_size or 8, later, bodies)
    else:
        jobs = [job for job in _actor_jobs(articles, model, pf, bodies) if news[job[0]]]
        out, homes, pieces = _parse_and_code(articles, jobs, pf, batch_size or 64, later, bodies)
    weigh_all(later)  # (it may add events to the pieces' lists: read them only now)
    # (after weighing: the role tagger may give a blank source's event a known target)
    return [finish([e for part in parts for e in part], article, home=home, pieces=read)
            for article, parts, home, read in zip(articles, out, homes, pieces)]


def _parse_and_code(articles: list[Article], jobs: list[tuple], pf, batch_size: int, later: list | None = None,
                    bodies: dict | None = None) -> tuple[list[list[list[Event]]], list[str | None], list[Pieces]]:
    """Code jobs (article index, section, text or Doc, offset, first sentence): parsed in batches without
    NER, NER only where the coder's trigger test passes (headlines always); `later` as code_doc takes it.
    For each article, the lists of events of its pieces (code_doc's own lists, which weigh_all(later) may
    still add to); and the country each story is set in, read from its body's tokens (`bodies`: the
    token Docs of the bodies, by article, where the caller has them); and each article's parsed pieces."""
    model, actors, _ = _stages()
    ner = model.get_pipe("ner")
    # each article's pieces in reading order, with one register of its people (as code_article reads it)
    jobs = sorted(jobs, key=lambda job: (job[0], READING_ORDER[job[1]]))
    registers: dict[int, ArticleActors] = {}
    parts: list[list[tuple[int, list[Event]]]] = [[] for _ in articles]
    pieces = [Pieces() for _ in articles]
    # Parsed in batches of texts of like length: the parser steps a batch's texts together, as many steps
    # as its longest text needs, and each step costs about as much for one text as for many.
    parsed: list[Doc | None] = [None] * len(jobs)
    by_length = sorted(range(len(jobs)), key=lambda k: len(jobs[k][2]))
    for start in range(0, len(jobs), batch_size):
        batch = by_length[start:start + batch_size]
        docs = model.pipe([jobs[k][2] for k in batch], batch_size=batch_size, disable=["ner"])
        todo = [(k, doc) for k, doc in zip(batch, docs) if jobs[k][1] == "headline" or pf.triggered(doc)]
        for (k, _), doc in zip(todo, ner.pipe([doc for _, doc in todo], batch_size=batch_size)):
            parsed[k] = doc
    for (i, section, _, at, first), doc in zip(jobs, parsed):
        if doc is None:  # (no trigger)
            continue
        if i not in registers:
            registers[i] = ArticleActors(actors, date_int(articles[i].date))
            body = (bodies or {}).get(i)
            if body is None and articles[i].body:
                body = model.make_doc(articles[i].body)
            registers[i].read_setting(body)
        parts[i].append((SECTION_ORDER[section], _code(doc, articles[i], section, at, first, later, registers[i],
                                                       pieces[i])))
    # (back in the order of the article's sections, as code_article gives them)
    return ([[events for _, events in sorted(p, key=lambda part: part[0])] for p in parts],
            [registers[i].home if i in registers else None for i in range(len(articles))], pieces)


def _whole_jobs(articles: list[Article], model, pf, bodies: dict) -> list[tuple]:
    """code_articles' jobs for sentences="all": each text that can give an event, as its Doc of tokens
    (tokenized once: the prefilter reads it, the pipeline parses it); each body's tokens go into `bodies`."""
    jobs = []
    for i, article in enumerate(articles):
        for section, text in sections(article):
            if not text:
                continue
            doc = model.make_doc(text)
            if section == "article":
                bodies[i] = doc
            if pf.wants(doc):
                jobs.append((i, section, doc, 0, 0))
    return jobs


# sentences="actors" (what ingest does unless told otherwise): an event whose source and target are both
# unknown ("a car bomb killed ...") enters no dyad, actor or GDELT row, so it is not coded, and a sentence
# that names no known actor is never parsed. The model's small sentence recognizer (senter, a tenth of the
# parser's cost) cuts each body and comment into sentences; runs of consecutive sentences that name a known
# actor and hold a usable trigger (prefilter.sentence_wants) are parsed as pieces, with those sentence
# boundaries kept, so sentence numbers stay those of the whole text. On news pages this parses about a
# third of the text. Headlines are coded whole, as above.

def _pieces(model, pf, text: str) -> tuple[list[tuple[Doc, int, int]], Doc]:
    """(piece, its first character in `text`, the index of its first sentence) for each run of sentences
    of `text` that can give an event with a known actor; and the text's tokens."""
    doc = model.make_doc(text)
    tokens = doc
    if "senter" in model.component_names:
        doc = model.get_pipe("senter")(doc)
    else:  # a model without one: punctuation rules
        doc = _sentencizer()(doc)
    # a line break ends a sentence (the parser reads one so; senter, trained on running text, does not)
    # (sentence starts go in as an array: Token.is_sent_start's setter scans the whole Doc at every call)
    texts = nlp.words_of(doc)
    space, starts, spaced, norms = doc.to_array([IS_SPACE, SENT_START, SPACY, NORM]).T
    breaks = [i + 1 for i in space.nonzero()[0].tolist()
              if i + 1 < len(doc) and not space[i + 1] and "\n" in texts[i]]
    if breaks:
        starts[breaks] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    sents = list(doc.sents)
    keep = [pf.sentence_wants(texts[s.start:s.end]) for s in sents]
    out, i = [], 0
    while i < len(sents):
        if not keep[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(sents) and keep[j + 1]:
            j += 1
        # the piece is a new Doc of the same tokens (a tenth of the cost of tokenizing its text again),
        # with the norms the tokenizer's exceptions set ("n't" -> "not"); its text is text[at:end], so its
        # last token has no trailing space
        lo, hi = sents[i].start, sents[j].end
        spaces = spaced[lo:hi].astype(bool).tolist()
        spaces[-1] = False
        piece = Doc(model.vocab, words=texts[lo:hi], spaces=spaces)
        first = numpy.full(hi - lo, -1, dtype=numpy.int64)
        first[[s.start - lo for s in sents[i:j + 1]]] = 1
        piece.from_array([SENT_START, NORM], numpy.stack([first.astype(numpy.uint64), norms[lo:hi]], axis=1))
        out.append((piece, sents[i].start_char, i))
        i = j + 1
    return out, tokens


@lru_cache(maxsize=1)
def _sentencizer():
    from spacy.pipeline import Sentencizer
    return Sentencizer()


def _actor_jobs(articles: list[Article], model, pf, bodies: dict) -> list[tuple]:
    """code_articles' jobs for sentences="actors": headlines whole (those that can give an event), pieces of
    bodies and comments; each body's tokens go into `bodies`, by article."""
    jobs = []
    for i, article in enumerate(articles):
        for section, text in sections(article):
            if section == "headline":
                doc = model.make_doc(text)  # (tokenized once: tested, then parsed)
                if pf.wants(doc):  # (lower-case word lemmas: the test holds for its sentence-case re-parse too)
                    jobs.append((i, section, doc, 0, 0))
            elif text and text.strip():
                pieces, tokens = _pieces(model, pf, text)
                jobs += [(i, section, piece, at, first) for piece, at, first in pieces]
                if section == "article":
                    bodies[i] = tokens
    return jobs


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def junk_reason(article: Article) -> str | None:
    """Why an article is not worth coding (empty, not English), or None."""
    text = "\n".join(t for t in (article.title, article.body) if t)
    if not text.strip():
        return "empty page (no headline or text found)"
    letters = [c for c in text[:3000] if c.isalpha()]
    # Chinese or Japanese packs a sentence in a few letters: a short page scores low with langid, but
    # its script already says it is not English.
    latin = sum(c < "\u0250" for c in letters)
    if len(letters) >= 40 or (len(letters) >= 10 and latin < 0.5 * len(letters)):
        lang, prob = _language_identifier().classify(text[:3000])
        if lang != "en" and (prob >= 0.9 or latin < 0.5 * len(letters)):  # short or mixed texts give
            return f"not English ({lang})"                                 # low confidence: keep them
    return None


def input_hash(raw) -> str:
    """Content hash of one input (a page or a record), to skip inputs a store already holds. Kept on the
    input: ingest asks for it before extraction and again with the input's results (a page is some
    200 KB to hash)."""
    import hashlib
    known = raw.__dict__.get("_input_hash")
    if known is None:
        key = "\x1f".join(str(x) for x in (raw.kind, raw.date, raw.url, raw.fallback_date, raw.content))
        known = raw.__dict__["_input_hash"] = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return known


def skip_hash(skip) -> str:
    import hashlib
    return hashlib.sha256(f"skip\x1f{skip.id}\x1f{skip.reason}".encode()).hexdigest()[:32]


def extract_dated(raw: RawDoc) -> Article:
    """The article of a page, with its date: the one given with the input, else the page's own, else a
    WARC record's capture date; `date_source` says which."""
    article = fit_for_parser(extract(raw))
    if raw.date:
        article.date_source = "input"
    elif article.date:
        article.date_source = "page"
    elif getattr(raw, "fallback_date", None):
        article.date, article.date_source = raw.fallback_date, "capture"
    return article


# A text longer than this is cut at a paragraph break before it. News articles run to some 60,000
# characters; spaCy refuses a text over its max_length (1,000,000) and its memory grows with the text.
MAX_TEXT_CHARS = 200_000


def fit_for_parser(article: Article) -> Article:
    """The article with its headline, body and comments cut to MAX_TEXT_CHARS each (never a crash on a
    page too long for the parser)."""
    article.title = _cut(article.title)
    article.body = _cut(article.body) or ""
    for part in article.comments:
        part.text = _cut(part.text)
    return article


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_TEXT_CHARS:
        return text
    head = text[:MAX_TEXT_CHARS]
    at = max(head.rfind("\n\n"), head.rfind("\n"))
    return head[:at] if at > MAX_TEXT_CHARS // 2 else head.rsplit(" ", 1)[0]


def analyse(inputs: list, sentences: str = "all") -> list[list]:
    """Extract, filter and code a batch of inputs (RawDoc, or io.readers.Skip): for each, in order,
    [input hash, name, Coded or None, skip reason or None], the fields of a store Item (plain lists, so a
    worker process never loads the store). Nothing here raises for a bad page: it becomes a skip with
    its reason."""
    out, todo = [], []
    for raw in inputs:
        if not isinstance(raw, RawDoc):
            out.append([skip_hash(raw), raw.id, None, raw.reason])
            continue
        article = _article_of(raw)
        reason = article if isinstance(article, str) else junk_reason(article)
        out.append([input_hash(raw), raw.id, None, reason])
        if reason is None:
            todo.append((out[-1], article))
    for (row, article), events in zip(todo, _code_each([a for _, a in todo], sentences)):
        if isinstance(events, str):
            row[3] = events
        else:
            row[2] = Coded(article, events)
    return out


def _article_of(raw: RawDoc) -> Article | str:
    """The input's article, or why extraction failed (one broken page must not stop a batch)."""
    try:
        return extract_dated(raw)
    except Exception as e:  # noqa: BLE001
        return f"extraction failed ({type(e).__name__})"


def _code_each(articles: list[Article], sentences: str, uncoded: bool = False) -> list[list[Event] | str]:
    """Each article's events, or why it could not be coded: the batch coded together, and if it breaks,
    each article alone, so that one bad page costs only itself."""
    try:
        return [code_article(a, True) for a in articles] if uncoded else code_articles(articles, sentences=sentences)
    except Exception:  # noqa: BLE001
        return [_code_alone(a, sentences, uncoded) for a in articles]


def _code_alone(article: Article, sentences: str, uncoded: bool = False) -> list[Event] | str:
    """One article's events, or why it could not be coded."""
    try:
        return code_article(article, True) if uncoded else code_articles([article], sentences=sentences)[0]
    except Exception as e:  # noqa: BLE001
        return f"coding failed ({type(e).__name__}: {_first_line(e)})"


def warm_up() -> None:
    """Load the model, coders, prefilter and language identifier once (a worker process's initializer),
    then set the garbage collector for a long run."""
    import gc

    from whowhom import prefilter
    model, _, coder = _stages()
    prefilter.get(model, coder)
    _language_identifier()
    # The models and dictionaries are millions of objects that live as long as the process: frozen, no
    # collection walks them again; a larger young generation collects less often (4% less CPU a page).
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
