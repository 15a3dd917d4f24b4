"""Plural references to a pair named before: "the two sides", "the two leaders", "both countries" stand for
the last two actors the text named together ("Israel and the Palestinians", "Israeli-Palestinian talks",
"Fukuda played catch with his Chinese counterpart Wen").

resolve(doc, mentions) gives each such phrase two mentions over the same words, one for each actor of the
pair (the event coder reads mentions that share their words together: events/joint.py). A phrase whose pair
cannot be found is left as it was."""

from __future__ import annotations

from dataclasses import replace

import numpy
from spacy.attrs import TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from whowhom.actors.mention import ActorMention

# Plural nouns by which a story refers back to a pair: people, places, and sides of any kind.
PEOPLE = {"leader", "man", "woman", "president", "minister", "premier", "chief", "head", "statesman", "official",
          "diplomat", "envoy", "negotiator"}
PLACES = {"country", "nation", "state", "neighbour", "neighbor", "capital"}
SIDES = {"side", "party", "government", "delegation", "rival", "foe", "enemy", "adversary", "camp", "army",
         "ally", "partner", "faction"}
PAIR_NOUNS = PEOPLE | PLACES | SIDES
# Dependents by which a phrase names its own two; the words of PAIR_WORDS only say they are a pair.
OWN_DEPS = {"amod", "compound", "nmod", "prep", "appos", "relcl", "acl", "advmod", "quantmod"}
PAIR_WORDS = {"warring", "rival", "opposing", "neighbouring", "neighboring", "respective", "two", "both"}
PERSON_KINDS = {"leader", "person", "pronoun"}
HYPHENS = {"-", "–", "—"}
# The tags of a plural noun (_reference), as hashes for the tag array
PLURAL_TAGS = numpy.array([get_string_id("NNS"), get_string_id("NNPS")], dtype=numpy.uint64)
# A pair named this many sentences before the reference (or more recently) is the one it refers to.
REACH = 6


def resolve(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with two for each plural reference to a pair ("the two sides" -> ISR, PSE), in place of
    any mention found inside the reference ("leaders" coded as a bare sector)."""
    # (only plural nouns can be one: read from the tag array, no Token made for the other words)
    nouns = numpy.flatnonzero(numpy.isin(doc.to_array(TAG), PLURAL_TAGS)).tolist()
    references = [(doc[i], start) for i in nouns if (start := _reference(doc[i])) is not None]
    out = list(mentions)
    if references:  # (the pairs, read only where something may refer to one)
        sentence = {i: n for n, s in enumerate(doc.sents) for i in range(s.start, s.end)}
        pairs = named_pairs(doc, mentions)
    for tok, start in references:
        pair = _antecedent(pairs, tok, start, sentence)
        if pair is None:
            continue
        span = doc[start:tok.i + 1]
        out = [m for m in out if m.end <= start or m.start > tok.i]
        made = [_standing_for(m, span, tok) for m in pair]
        out += made
        pairs.append((tok.i, made[0], made[1]))  # ("the two leaders ... The two men"): named together again
    out.sort(key=lambda m: (m.start_char, m.end_char))
    return out


def _reference(tok: Token) -> int | None:
    """Where a plural reference to a pair begins ("the two sides", "both countries", "their two
    governments"), if tok is the noun of one."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in PAIR_NOUNS:
        return None
    # a phrase that says which two it means is no reference: "the two Arab states", "the two leaders of
    # X", "both countries, X and Y", "the only two states that ..."
    if any(c.dep_ in OWN_DEPS and c.lower_ not in PAIR_WORDS for c in tok.children):
        return None
    kids = [c for c in tok.children if c.i < tok.i]
    both = next((c for c in kids if c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj")), None)
    two = next((c for c in kids if c.lower_ == "two" and c.dep_ == "nummod"), None)
    definite = next((c for c in kids if c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "these", "those")),
                    None)
    if both is not None:
        return both.i
    if two is not None and definite is not None:
        return definite.i
    return None


def named_pairs(doc: Doc, mentions: list[ActorMention]) -> list[tuple[int, ActorMention, ActorMention]]:
    """The pairs of actors of different codes the text names together, each with the token where the pair is
    complete: coordinated ("Moscow and Beijing", "between A and B"), joined by a hyphen or in one word
    ("Israeli-Palestinian", "China-Japan", "U.S.-Russian"), or the subject of a verb and its partner after
    "with" ("A held talks with B", "A played a game with B")."""
    coded = [m for m in mentions if m.code and m.kind != "media" and not m.code.endswith("MED")]  # (a paper is no side)
    at = {i: m for m in coded for i in range(m.start, m.end)}
    found = []
    for a in coded:
        for b in coded:
            if a.start > b.start or a is b or a.code == b.code:
                continue
            if _together(doc, a, b, at):
                found.append((max(a.end, b.end) - 1, a, b))
    found.sort(key=lambda p: p[0])
    return found


def _together(doc: Doc, a: ActorMention, b: ActorMention, at: dict[int, ActorMention]) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True  # "U.S.-Russian": one word, two mentions
    if b.start == a.end + 1 and doc[a.end].text in HYPHENS:
        return True
    ha, hb = _phrase_head(doc[a.head]), _phrase_head(doc[b.head])
    if a.head != b.head and doc[b.head] in _conjuncts(doc[a.head]):  # ("the Japanese and Chinese leaders")
        return True
    if ha == hb:  # one phrase: a pair if "and" joins them ("the U.N. and European Union", however parsed), not
        # "the Afghan group's Haqqani network"
        return any(t.lower_ in ("and", "&") for t in doc[a.end:b.start])
    if hb in _conjuncts(ha):
        return True
    # the subject of a verb and its object, or its partner after "with" ("A met B", "A held talks with B")
    verb = None
    if hb.dep_ == "dobj":
        verb = hb.head
    elif hb.dep_ == "pobj" and hb.head.lower_ == "with":
        verb = hb.head.head
        for _ in range(3):  # ("played a game of catch with B": the preposition may hang from the object)
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(s.dep_ == "nsubj" and s.i in (ha.i, doc[a.head].i) for s in _conjuncts_of_children(verb))


def _conjuncts_of_children(verb: Token) -> list[Token]:
    return [c for s in verb.children if s.dep_ == "nsubj" for c in _conjuncts(s)] or []


def _phrase_head(tok: Token) -> Token:
    """The noun a name or modifier belongs to ("Israeli" -> "leaders" in "the Israeli leaders")."""
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "flat", "appos") and tok.head.i != tok.i \
            and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _conjuncts(tok: Token) -> set[Token]:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    out, frontier = {tok}, [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out.update(frontier)
    return out


def _antecedent(pairs, tok: Token, start: int, sentence: dict[int, int]) -> tuple[ActorMention, ActorMention] | None:
    """The latest pair named before the reference, within reach, that fits its noun: two countries for
    "the two countries", two people for "the two leaders"."""
    noun = tok.lemma_.lower()
    here = sentence[tok.i]
    near = [(a, b) for end, a, b in reversed(pairs) if end < start and here - sentence[end] <= REACH]
    if noun in PLACES:
        near = [(a, b) for a, b in near if a.country and b.country and a.country != b.country]
    if noun in PEOPLE:
        near = [(a, b) for a, b in near if _person(tok.doc, a) and _person(tok.doc, b)]
    return near[0] if near else None


def _person(doc: Doc, m: ActorMention) -> bool:
    """Whether a mention names people: a leader, someone by name ("Australian Timothy Weeks"), "an American",
    "officials from the U.N. and the EU"."""
    if m.kind in PERSON_KINDS or (m.kind == "demonym" and doc[m.head].tag_ in ("NN", "NNP")):
        return True
    head = _phrase_head(doc[m.head])
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in ("from", "of") and head.head.head.pos_ == "NOUN":
        head = head.head.head  # ("officials from the U.N.")
    return head.ent_type_ == "PERSON" or head.lemma_.lower() in PEOPLE


def _standing_for(m: ActorMention, span, noun: Token) -> ActorMention:
    """A mention of the reference's words standing for one actor of the pair: for "the two countries", the
    country of a leader named before."""
    if noun.lemma_.lower() in PLACES and m.country:
        m = replace(m, code=m.country, cameo=m.country, sector=None, kind="country", name=None)
    return replace(m, start=span.start, end=span.end, start_char=span.start_char, end_char=span.end_char,
                   text=span.text, head=noun.i)
