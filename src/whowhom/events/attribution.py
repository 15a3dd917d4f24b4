"""Attribution: who said or reported an event, and when the event happened (if not the article date)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from whowhom.events import dating

SPEECH_VERBS = {"say", "announce", "report", "tell", "state", "claim", "note", "stress", "add", "write",
                "declare", "confirm", "quote", "cite", "explain", "emphasize", "emphasise", "argue",
                "acknowledge", "reveal", "indicate", "remark", "assert", "insist", "observe", "comment",
                "believe", "think", "suggest", "recall", "underline", "reiterate", "publish", "tweet",
                "post", "maintain", "contend", "predict", "estimate", "admit", "point"}
WEEKDAYS = dating.WEEKDAYS | dating.TIME_WORDS


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


def event_date(trigger: Token, article_date: str | None) -> str | None:
    """The date the trigger's clause gives its event ("the 2014 annexation", "talks on Monday", "last
    month's invasion"), resolved against the article's date; otherwise the article's date (dating.py)."""
    return dating.event_date(trigger, article_date)
