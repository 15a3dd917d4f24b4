"""The stages wired together: read -> page anatomy -> parse -> actors -> events.

Each stage is a plain function over one document, so an executor (in-process now; worker processes and
Dask later) can run them without changing a stage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from whowhom import nlp
from whowhom.actors import ActorCoder
from whowhom.events.coder import EventCoder
from whowhom.events.event import Event
from whowhom.io.readers import RawDoc
from whowhom.page import Article, extract


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


def code_article(article: Article) -> list[Event]:
    model, actors, coder = _stages()
    events: list[Event] = []
    for section, text in sections(article):
        doc = model(text)
        mentions = actors.find(doc, date=article.date)
        if section == "headline" and nlp.is_title_case(text):
            # Title Case confuses the tagger: re-parse in sentence case, keeping actor names capitalised.
            doc = model(nlp.sentence_case(text, [(m.start_char, m.end_char) for m in mentions if m.country or len(m.code) > 3]))
            mentions = actors.find(doc, date=article.date)
        events += coder.code_doc(doc, mentions, doc_id=article.id, section=section,
                                 article_date=article.date)
    return events


def run(raws: Iterable[RawDoc]) -> Iterator[Coded]:
    for raw in raws:
        article = extract(raw)
        yield Coded(article, code_article(article))


# ---------------------------------------------------------------------- corpus scale (ingest)
# The functions below give exactly the events of code_article, for many articles at a time: texts that
# cannot give an event (prefilter.py) are never parsed, the rest go through nlp.pipe in batches.

def code_articles(articles: list[Article], batch_size: int = 32) -> list[list[Event]]:
    """Events of each article, as code_article gives them, parsing only texts that can give events."""
    from whowhom import prefilter

    model, actors, coder = _stages()
    pf = prefilter.get(model, coder)
    jobs = []  # (article index, section, text)
    for i, article in enumerate(articles):
        for section, text in sections(article):
            # headlines are always parsed: a Title Case one is re-parsed in sentence case (below), and
            # they are a few words long
            if section == "headline" or pf.wants(text):
                jobs.append((i, section, text))
    out: list[list[Event]] = [[] for _ in articles]
    docs = model.pipe((text for _, _, text in jobs), batch_size=batch_size)
    for (i, section, text), doc in zip(jobs, docs):
        article = articles[i]
        mentions = actors.find(doc, date=article.date)
        if section == "headline" and nlp.is_title_case(text):
            doc = model(nlp.sentence_case(text, [(m.start_char, m.end_char) for m in mentions
                                                 if m.country or len(m.code) > 3]))
            mentions = actors.find(doc, date=article.date)
        out[i] += coder.code_doc(doc, mentions, doc_id=article.id, section=section, article_date=article.date)
    return out


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def junk_reason(article: Article) -> str | None:
    """Why an article is not worth coding (empty, not English), or None."""
    text = "\n".join(t for t in (article.title, article.body) if t)
    if not text.strip():
        return "empty page (no headline or text found)"
    if sum(c.isalpha() for c in text[:3000]) >= 40:
        lang, prob = _language_identifier().classify(text[:3000])
        if lang != "en" and prob >= 0.9:  # short or mixed texts give low confidence: keep them
            return f"not English ({lang})"
    return None


def input_hash(raw) -> str:
    """Content hash of one input (a page or a record), to skip inputs a store already holds."""
    import hashlib
    key = "\x1f".join(str(x) for x in (raw.kind, raw.date, raw.url, raw.fallback_date, raw.content))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def skip_hash(skip) -> str:
    import hashlib
    return hashlib.sha256(f"skip\x1f{skip.id}\x1f{skip.reason}".encode()).hexdigest()[:32]


def _extract(raw: RawDoc) -> Article:
    article = extract(raw)
    if article.date is None and getattr(raw, "fallback_date", None):
        article.date = raw.fallback_date  # a WARC record's capture date, when the page gives none
    return article


def analyse(inputs: list) -> list:
    """Extract, filter and code a batch of inputs (RawDoc, or io.readers.Skip); one store Item each, in
    order. Nothing here raises for a bad page: it becomes a skipped Item with its reason."""
    from whowhom.store import Item

    items, todo = [], []
    for raw in inputs:
        if not isinstance(raw, RawDoc):
            items.append(Item(skip_hash(raw), raw.id, skipped=raw.reason))
            continue
        h = input_hash(raw)
        try:
            article = _extract(raw)
        except Exception as e:  # noqa: BLE001 -- one broken page must not stop a corpus
            items.append(Item(h, raw.id, skipped=f"extraction failed ({type(e).__name__})"))
            continue
        reason = junk_reason(article)
        items.append(Item(h, raw.id, skipped=reason))
        if reason is None:
            todo.append((items[-1], article))
    for (item, article), events in zip(todo, code_articles([a for _, a in todo])):
        item.coded = Coded(article, events)
    return items


def warm_up() -> None:
    """Load the model, coders and prefilter once (a worker process's initializer)."""
    from whowhom import prefilter
    model, _, coder = _stages()
    prefilter.get(model, coder)
