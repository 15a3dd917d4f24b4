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
