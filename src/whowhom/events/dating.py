"""When an event happened, as its own clause says, resolved against the article's date; and whether the
article only recalls it (background).

    event_date(trigger, "2008-01-08") -> "2007-12" for "... expelled the envoys last month"
    mark_background(events, "2008-01-08")

A date counts for an event only when it is attached to the event's clause in the parse: to the trigger
("the 1979 siege", "yesterday's attack", "talks in June 2006"), to the noun of a time phrase of the
trigger ("in the 1967 war"), to the verb that governs a noun trigger ("launched an attack on Monday"), or
as the date a "when" clause describes ("in 1989, when it crushed ..."). A date elsewhere in the sentence
dates another event. dateparser reads the phrase; the output keeps the phrase's precision, as a coder
writes it: "YYYY-MM-DD", "YYYY-MM" (a month, or a week) or "YYYY"."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store imports the date helpers without loading spaCy
    from spacy.tokens import Token

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# time words the model does not always tag as dates
TIME_WORDS = {"today", "yesterday", "tomorrow", "week", "month", "year", "weekend", "morning", "evening", "night"}
# prepositions that put an event at a time; "since", "after", "before", "until", "by" relate it to one
POINT_PREPS = {"in", "on", "at", "during"}
SEQUEL_PREPS = {"after", "following"}
# dependencies by which a date modifies a word: "Friday", "the 2014 annexation", "last month's vote",
# "six years ago", "earlier this month"
MODIFIERS = {"npadvmod", "tmod", "nummod", "compound", "amod", "poss", "nmod", "advmod", "obl"}
WEEKDAYS = {d.lower() for d in calendar.day_name}
BACKGROUND_DAYS = 31  # an event dated more than a month before its article is recalled, not reported
FORMATS = {"day": "%Y-%m-%d", "part_of_day": "%Y-%m-%d", "week": "%Y-%m", "month": "%Y-%m", "year": "%Y"}


def parse_day(value: str | None) -> dt.date | None:
    """The date of an ISO "YYYY-MM-DD..." string, or None."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value or "")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def first_day(value: str | None) -> dt.date | None:
    """The earliest day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date can mean (where the store counts it)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)) if m else None
    except ValueError:
        return None


def last_day(value: str | None) -> dt.date | None:
    """The latest day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date can mean (a year ends on 31 December)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 12), m.group(3)
    try:
        return dt.date(year, month, int(day) if day else calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def is_background(event_date: str | None, article_date: str | None) -> bool:
    """Whether an event dated event_date ended more than a month before the article's date."""
    end, article = last_day(event_date), parse_day(article_date)
    return bool(end and article) and (article - end).days > BACKGROUND_DAYS


def mark_background(events: list, article_date: str | None) -> None:
    """Set each event's `background` from its date and the article's (a pipeline post-pass)."""
    for ev in events:
        ev.background = is_background(ev.event_date, article_date)


def count_date(event_date: str | None, article_date: str | None) -> str | None:
    """The date an event is counted on in a time series: its own, unless that only names the period
    the article is in ("this year", "earlier this month"), when the article's day is the better guess."""
    if event_date and article_date and article_date.startswith(event_date):
        return article_date
    return event_date or article_date


# ---------------------------------------------------------------------- finding the event's date phrase

def event_date(trigger: Token, article_date: str | None) -> str | None:
    """The date the trigger's clause gives its event, else the article's date."""
    base = parse_day(article_date)
    future = _future(trigger)
    for tok in _date_words(trigger):
        for phrase in _texts(tok):
            found = resolve(phrase, base, future)
            if found:
                return article_date if found == article_date else found
    return article_date


def _date_words(trigger: Token):
    """The head words of the date phrases attached to the trigger's clause, nearest first."""
    for tok in _clause(trigger):
        yield from _attached(tok, sequel=trigger.pos_ == "NOUN")
        when = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < tok.i), None)
        if when is not None and when.i > 1:
            # "since 1989, when it crushed the protests": a when-clause describes the date just before it
            # (the parser hangs the clause on the main verb)
            before = tok.doc[when.i - 1]
            before = tok.doc[when.i - 2] if before.is_punct else before
            if _is_date(before):
                yield before


def _clause(trigger: Token) -> list[Token]:
    """The trigger, the verb that governs it if it is not one ("launched an attack"), and the verbs a
    participle or infinitive without its own subject belongs to ("raided the town on Tuesday, killing
    ten", "seized Gaza in June after defeating ...", "sought in an October tape to patch up splits")."""
    chain = [trigger]
    tok = trigger
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok.i != trigger.i:
        chain.append(tok)
    while tok.tag_ in ("VBG", "VBN", "VB") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        head = tok.head
        if tok.dep_ == "pcomp" and head.dep_ == "prep":  # "seized Gaza in June after defeating ..."
            head = head.head
        elif tok.dep_ not in ("advcl", "xcomp"):
            break
        if head.pos_ not in ("VERB", "AUX") or head.i == tok.i:
            break
        tok = head
        chain.append(tok)
    return chain


def _attached(tok: Token, sequel: bool = False):
    for c in tok.children:
        if c.dep_ in MODIFIERS and _is_date(c):
            yield c
        elif c.dep_ in ("compound", "amod"):  # "the 2001 U.S.-led invasion"
            yield from (m for m in c.children if m.dep_ in ("compound", "nummod") and _is_date(m))
        elif c.dep_ == "prep" and c.lower_ in SEQUEL_PREPS and sequel:
            # "sanctions after the 2014 annexation": an event named by a noun, recalled as what followed a
            # dated one, belongs to its year ("talks collapsed after the 2001 attacks" is news of today)
            yield from (m for p in c.children if p.dep_ == "pobj" for m in p.children
                        if m.dep_ in ("nummod", "compound", "amod") and YEAR.match(m.text))
        elif c.dep_ == "prep" and c.lower_ in POINT_PREPS:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if _is_date(p):
                    yield p
                    continue
                # "in the 1967 war", "during an operation in May 2007": the time noun's own date
                for m in p.children:
                    if m.dep_ in ("nummod", "compound", "amod", "poss", "npadvmod") and _is_date(m):
                        yield m
                    elif m.dep_ == "prep" and m.lower_ in POINT_PREPS:
                        yield from (q for q in m.children if q.dep_ == "pobj" and _is_date(q))


def _is_date(tok: Token) -> bool:
    if tok.tag_ in ("NNS", "NNPS"):  # "in recent years", "for two weeks", "the 1990s": a stretch of time
        return False
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WEEKDAYS or tok.lower_ in TIME_WORDS \
        or bool(YEAR.match(tok.text))


def _texts(tok: Token) -> list[str]:
    """The ways to read a date phrase headed by tok, best first: its whole date entity ("Nov. 11"), its
    subtree ("last week", "six years ago") without a possessive ending ("last month's"), the word alone."""
    out = []
    if tok.ent_type_ in ("DATE", "TIME"):
        from whowhom.nlp import entity_of  # (here: the store imports this module without spaCy)
        ent = entity_of(tok.doc, tok.i)
        if ent is not None:
            out.append(" ".join(t.text for t in ent if not t.is_punct or t.text == "."))
    out.append(" ".join(t.text for t in tok.subtree if t.dep_ != "case" and not t.is_punct))
    out.append(tok.text)
    return list(dict.fromkeys(out))


def _future(trigger: Token) -> bool:
    """Whether the trigger's clause speaks of what will happen ("will visit Lithuania on Friday")."""
    tok = trigger
    while True:
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head


# ---------------------------------------------------------------------- reading the phrase

@lru_cache(maxsize=8)
def _parser(base: dt.date, prefer: str):
    """dateparser's reader for one article's day (its settings are fixed when it is made)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True})


@lru_cache(maxsize=4096)
def resolve(phrase: str, base: dt.date | None, future: bool = False) -> str | None:
    """A date phrase ("Monday", "last month", "March 1999", "some six years ago") as "YYYY-MM-DD",
    "YYYY-MM" or "YYYY" against the article's day `base` (past dates preferred unless `future`); None if
    it names no date, or only one relative to a day we do not know."""
    words = phrase.split()
    if base is None:
        # without the article's day only absolute dates resolve: those that do not move with the base
        one, two = (resolve(phrase, dt.date(y, 6, 15), future) for y in (2001, 2011))
        return one if one == two else None
    lower = {w.lower() for w in words}
    if lower & WEEKDAYS and not lower & {"last", "next", "this"}:
        # a bare weekday is the one on or before the article's day (on or after, for what will happen)
        base += dt.timedelta(days=-1 if future else 1)
    parser = _parser(base, "future" if future else "past")
    for i in range(len(words)):  # "some six years ago", "late last year": the longest tail that parses
        data = parser.get_date_data(" ".join(words[i:]))
        if data.date_obj is not None:
            return data.date_obj.strftime(FORMATS[data.period]) if data.period in FORMATS else None
    return None
