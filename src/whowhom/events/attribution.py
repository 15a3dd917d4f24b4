"""Attribution: who said or reported an event, and when the event happened (if not the article date)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

SPEECH_VERBS = {"say", "announce", "report", "tell", "state", "claim", "note", "stress", "add", "write",
                "declare", "confirm", "quote", "cite", "explain", "emphasize", "emphasise", "argue",
                "acknowledge", "reveal", "indicate", "remark", "assert", "insist", "observe", "comment",
                "believe", "think", "suggest", "recall", "underline", "reiterate", "publish", "tweet",
                "post", "maintain", "contend", "predict", "estimate", "admit", "point"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "in 2014" dates an event; "after/since the 2014 annexation" places it in that year too (the earliest it
# can be), which is what marks it as background rather than news of the article's day.
TIME_PREPS = {"in", "since", "after", "during", "following"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
            "tomorrow", "week", "month", "year", "weekend", "morning", "evening", "night"}


def is_date(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WEEKDAYS


def date_phrase(tok: Token) -> bool:
    """A preposition whose phrase is a date ("on Monday", "for another three months")."""
    return tok.dep_ == "prep" and any(is_date(g) for g in tok.children)


def _phrase(tok: Token) -> str:
    """The noun phrase headed by tok, without relative clauses, appositions or trailing punctuation."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    toks = [t for t in tok.doc[left:right + 1] if not t.is_punct or t.text in "-'’"]
    return " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s")


def reported_by(trigger: Token, sent: Span) -> str | None:
    """The speaker or outlet a reported event is attributed to: the subject of the speech verb that
    governs the event's clause, or the object of "according to"."""
    tok = trigger
    while tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj") and head.lemma_.lower() in SPEECH_VERBS:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if len(subj) > 1:  # "state news agency Xinhua reported" is often parsed as two subjects
                return " ".join(t.text for t in tok.doc[subj[0].left_edge.i:subj[-1].i + 1] if not t.is_punct)
            if subj and subj[0].lower_ not in ("it", "which", "that"):
                return _phrase(subj[0])
        tok = head
    for t in sent[:-1]:
        if t.lower_ == "according" and t.nbor(1).lower_ == "to":
            objs = [c for c in t.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
    return None


def _year_in(tokens) -> str | None:
    for t in tokens:
        if YEAR.match(t.text):
            return t.text
    return None


def _relative(trigger: Token, article_date: str | None) -> str | None:
    """"last month's invasion", "yesterday's attack", "last year's elections": a date before the article's
    (day, month or year, as precise as the phrase), or None."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", article_date or "")
    if not m:
        return None
    day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for c in trigger.children:
        if c.dep_ != "poss":
            continue
        if c.lower_ == "yesterday":
            return (day - dt.timedelta(days=1)).isoformat()
        if any(a.lower_ == "last" for a in c.children if a.dep_ == "amod"):
            if c.lower_ == "week":
                return (day - dt.timedelta(days=7)).isoformat()
            if c.lower_ == "month":
                first = day.replace(day=1) - dt.timedelta(days=1)
                return first.strftime("%Y-%m")
            if c.lower_ == "year":
                return str(day.year - 1)
    return None


def event_date(trigger: Token, article_date: str | None) -> str | None:
    """A year written with the trigger ("the 2014 annexation", "sanctions imposed in 2014") dates the
    event to that year, a relative one ("last month's invasion") before the article's date; otherwise the
    event is dated by its article."""
    relative = _relative(trigger, article_date)
    if relative:
        return relative
    year = _year_in(c for c in trigger.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod"))
    if not year:
        for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in TIME_PREPS):
            year = _year_in(prep.subtree)
            if year:
                break
    if not year:  # a time phrase on the governing verb, e.g. "grown closer since X after the 2014 Y"
        gov = trigger.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        if gov.i != trigger.i:
            for prep in (c for c in gov.children if c.dep_ == "prep" and c.lower_ in TIME_PREPS):
                year = _year_in(prep.subtree)
                if year:
                    break
    if year:
        if article_date and article_date.startswith(year):
            return article_date
        return year
    return article_date
