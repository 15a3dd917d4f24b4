"""A bare number that a verb of harm takes stands for people: "Bomb kills 12", "26 killed in attack on police",
"gunmen kidnapped three". News, headlines most of all, counts its victims without a noun; the number is then
a civilians' mention (CVL, with no country yet: the sentence or the story gives it, as for "people")."""

from __future__ import annotations

import numpy
from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc, Token

from whowhom.actors.mention import ActorMention

# Verbs whose object (or passive subject) is someone harmed, held or taken
HARM = {"kill", "wound", "injure", "hurt", "slay", "massacre", "execute", "murder", "behead", "abduct", "kidnap",
        "arrest", "detain", "shoot", "stab", "torture", "assassinate"}
# What a number stands for when a verb of harm takes it: the roles a victim holds
VICTIM_DEPS = {"dobj", "nsubjpass"}
# Words by which a count refers to a noun counted before it ("another 40", "40 more")
ELLIPTIC = {"another", "more", "other"}
# Entity types of numbers that are no head count ("killed in 2007", "hurt 5%")
NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def resolve(doc: Doc, mentions: list[ActorMention], headline: bool = False) -> list[ActorMention]:
    """The mentions with one more for each uncovered bare number a verb of harm takes."""
    # (only numbers can be one: read from the attribute array, no Token made for the other words)
    numbers = numpy.flatnonzero(doc.to_array(LIKE_NUM)).tolist()
    if not numbers:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = [_people(doc, doc[i]) for i in numbers if i not in covered and _victims(doc[i], headline)]
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start_char, m.end_char))


def _victims(tok: Token, headline: bool) -> bool:
    if tok.ent_type_ in NOT_COUNTS:  # (a number already: resolve reads only those)
        return False
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in HARM:
        return False
    # ("killed 20 soldiers and wounded another 40": the count is of the noun counted before)
    if any(c.lower_ in ELLIPTIC for c in tok.children) or any(_counts_noun(v) for v in _coordinated(head)):
        return False
    # ("26 killed in ...": a headline's passive without its auxiliary reads as an active verb's subject)
    headline_passive = headline and tok.dep_ == "nsubj" and head.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("dobj", "aux") for c in head.children)
    return tok.dep_ in VICTIM_DEPS or headline_passive


def _coordinated(verb: Token) -> list[Token]:
    return [verb.head] * (verb.dep_ == "conj") + [c for c in verb.children if c.dep_ == "conj"]


def _counts_noun(verb: Token) -> bool:
    """The verb's victims are a counted noun ("20 soldiers")."""
    return any(c.dep_ in VICTIM_DEPS and c.pos_ in ("NOUN", "PROPN") and any(n.dep_ == "nummod" for n in c.children)
               for c in verb.children)


def _people(doc: Doc, tok: Token) -> ActorMention:
    # (the count with its "at least", "about": the phrase the number heads)
    start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("quantmod", "advmod") and c.i < tok.i])
    span = doc[start:tok.i + 1]
    return ActorMention(start, tok.i + 1, span.start_char, span.end_char, span.text, "CVL", None, "CVL", "sector",
                        tok.i, "CVL")
