"""The phrases of event roles: the whole noun phrase an actor mention stands in (the evidence span of a
source or target), a role span of the tagger tidied into one, and phrases that name no known actor."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from whowhom.actors import ActorMention
from whowhom.events import patterns
from whowhom.events.attribution import date_phrase, is_date


RELATIVE = {"who", "which", "that", "whom"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "this", "these", "those", "one"}
PHRASE_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "flat", "predet"}
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
NP_SKIP = {"npadvmod", "relcl", "acl", "advcl", "cc", "conj", "punct", "mark", "ccomp", "xcomp", "parataxis", "aux",
           "auxpass", "neg", "nsubj", "nsubjpass", "dobj", "dative", "agent"}
CLIMB_NP = {"amod", "compound", "poss", "nmod", "flat", "nummod"}
OWNER_PREPS = ("of", "from", "by")
# what one side says or asks for, that another accepts, rejects or answers ("rejected a request by X")
UTTERANCES = {"request", "call", "appeal", "proposal", "offer", "demand", "plea", "suggestion", "plan", "bid",
              "initiative", "resolution", "motion", "allegation", "accusation", "claim", "invitation", "ultimatum",
              "decision", "order", "warning", "criticism", "statement", "remark", "comment", "proposition",
              "petition", "complaint", "deal", "draft", "condition", "recommendation", "overture", "protest"}
CHARGING = {"accuse", "charge", "convict", "suspect", "acquit", "clear", "warn", "inform", "remind", "rob",
            "deprive", "strip", "absolve"}  # verbs whose "of" phrase is the charge, not part of the target
QUANTITIES = {"dozen", "hundred", "thousand", "million", "billion", "number", "group", "handful", "score", "lot",
              "some", "many", "all", "most", "several", "each", "both", "none", "few", "more", "any"}
PREMODIFIERS = ("compound", "amod", "nummod", "poss", "det", "case", "cc")


@lru_cache(maxsize=1)
def people() -> frozenset[str]:
    """Words for troops, people and prisoners (the patterns' word classes): phrases that name someone."""
    return frozenset().union(*(patterns.classes()[k] for k in ("TROOPS", "PEOPLE", "PRISONER")))


def unresolved(tok: Token) -> ActorMention | None:
    """A noun phrase that did or suffered an event but names no actor whowhom knows ("a car bomb",
    "the villagers"): kept with an empty code, as GDELT keeps events with one blank actor."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in RELATIVE or tok.lower_ in PRONOUNS or is_date(tok):
        return None
    toks = [tok]
    frontier = [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ in PHRASE_DEPS]
        toks += frontier
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    doc = tok.doc
    span = doc[lo:hi]
    return ActorMention(lo, hi, span.start_char, span.end_char, span.text, "", None, None, "unresolved", tok.i)


def named(span: Span) -> bool:
    """Whether a phrase names someone or somewhere (a named entity), so it can stand as an actor
    whowhom has no code for; "a statement", "the curfew" cannot."""
    return any(t.ent_type_ in ACTOR_ENTS for t in span)


def someone(span: Span, index) -> bool:
    """A phrase that names an actor, someone, or people ("other Gulf states", "four members of his
    family"), not a thing ("other human rights violations")."""
    return any(i in index for i in range(span.start, span.end)) or named(span) \
        or span.root.lemma_.lower() in people()


def blank(tok: Token) -> ActorMention:
    """The unnamed doer of a passive event ("X was arrested"): no code, no span."""
    return ActorMention(tok.i, tok.i, tok.idx, tok.idx, "", "", None, None, "blank", tok.i)


def phrase(m: ActorMention, sent: Span, trigger: Token, target: bool = False) -> tuple[int, int]:
    """Character extent of the whole noun phrase an actor mention stands in ("the Russian space agency
    Roscosmos" for "Russian", "Human Rights Watch in New York"): the evidence span of a role. A target also
    takes in what annotators count as its name: the noun it stands in apposition to ("X, an aid worker"
    for "worker"), the quantity of a partitive ("dozens of X") and a hyphened modifier ("US-backed"); not
    a relative clause ("troops who shelled the town"), which annotators mostly leave out (9 in 10 on the
    Multi-CoPED roles dev set)."""
    doc = sent.doc
    tok, owner = doc[m.head], None
    climb = CLIMB_NP | {"appos"} if target else CLIMB_NP
    while True:
        tok = np_head(tok, climb, trigger)
        if target and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != trigger.i \
                and _quantity(tok.head.head):
            tok = tok.head.head
        elif target and (owned := _owned(tok, trigger)) is not None:
            owner, tok = tok, owned  # (the owner's own phrase stays whole: "lodged by the branch of X")
        else:
            break
    toks, frontier = [tok], [tok] + ([owner] if owner is not None else [])
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ not in NP_SKIP and c.i != trigger.i
                    and not (c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod", "compound"))
                    and not date_phrase(c)
                    and not (target and (_about_event(c) or _charge(c, trigger)))
                    # ("US-backed forces": the first part of a hyphened modifier hangs from the second)
                    or target and c.dep_ == "npadvmod" and c.i + 2 == t.i and doc[c.i + 1].text == "-"]
        toks += frontier
    lo = max(min(min(t.i for t in toks), m.start), sent.start)
    hi = min(max(max(t.i for t in toks) + 1, m.end), sent.end)
    # (nor does a target end in a dangling "of", "and" or "the")
    while hi - 1 > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in (")", ".")
                           or target and doc[hi - 1].pos_ in ("ADP", "CCONJ", "DET")):
        hi -= 1
    hi = _closed(doc, lo, hi, sent.end)  # ("the Indian Space Research Organization (ISRO)")
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    # (not feelings: "its concern about X" is no act an actor's phrase could describe)
    return frozenset(lemma for (lemma, pos), pats in patterns.patterns().items()
                     if pos == "N" and not all("experiencer" in p.flags for p in pats))


def _about_event(c: Token) -> bool:
    """An apposition or prepositional phrase that is about an event, not the actor: "an army camp,
    the seventh major attack this month", "suspects in the attack" (an "of" phrase is the actor's own:
    "people in need of assistance")."""
    def event(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.lemma_.lower() in _event_nouns()
    if c.dep_ == "appos":
        return event(c)
    return c.dep_ == "prep" and c.lower_ != "of" and any(p.dep_ == "pobj" and event(p) for p in c.children)


def _charge(c: Token, trigger: Token) -> bool:
    """The "of" phrase of "accused X of Y": the charge, not part of the target."""
    return c.dep_ == "prep" and c.lower_ == "of" and trigger.lemma_.lower() in CHARGING


def np_head(tok: Token, climb=CLIMB_NP, trigger: Token | None = None) -> Token:
    """The noun a modifier belongs to: "UN" -> "mission" in "the UN peacekeeping mission" (not climbing
    into the trigger)."""
    while tok.dep_ in climb and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i \
            and (trigger is None or tok.head.i != trigger.i):
        tok = tok.head
    return tok


def conjuncts(tok: Token) -> set[int]:
    """The tokens coordinated with tok ("A, B and C"), tok included."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    out, frontier = {tok.i}, [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out |= {c.i for c in frontier}
    return out


def _owned(tok: Token, trigger: Token) -> Token | None:
    """The thing the event was done to, where the actor is only its owner or author: "rejected the call
    of the European Parliament", "refused a request from X", "vetoed a resolution proposed by X". The
    target phrase is then the whole object, as annotators mark it (its code stays the owner's)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in OWNER_PREPS:
        return None
    prep = tok.head
    owner = prep.head.head if prep.dep_ == "agent" and prep.head.dep_ == "acl" else prep.head
    if prep.dep_ not in ("prep", "agent") or owner.lemma_.lower() not in UTTERANCES or owner.i == trigger.i:
        return None
    on_trigger = owner.head.i == trigger.i and owner.dep_ in ("dobj", "nsubjpass") \
        or owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.i == trigger.i
    return owner if on_trigger else None


def _quantity(tok: Token) -> bool:
    """The head of a partitive ("dozens of X", "three of the X", "some of X"), not a sum ("$5 billion of X")."""
    return (tok.like_num or tok.pos_ == "NUM" or tok.lemma_.lower() in QUANTITIES) \
        and tok.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")


def _closed(doc: Doc, a: int, b: int, end: int) -> int:
    """The end of span a..b, taking in the bracket that closes one it opened ("Lesotho Defence Force (LDF)")."""
    words = [t.text for t in doc[a:b]]
    return b + 1 if b < end and doc[b].text == ")" and words.count("(") > words.count(")") else b


def tidy(doc: Doc, a: int, b: int, trigger: Token) -> tuple[int, int]:
    """A role span of the tagger, tidied into a whole phrase: it reaches the noun its last modifier belongs
    to ("all UN" -> "all UN sanctions") and takes the article and modifiers of its head ("the Croatian
    government", "in eastern Lebanon" -> "eastern Lebanon"); it
    ends before the trigger, a date ("X in recent years", "X for another three months") or a gerund clause
    ("X saying ...", "X warning of ...") or the subject of a verb after it ("X, state media said"), which belong
    to the event or its report, not the actor; never on a dangling
    comma, "of", "and" or "the"; and keeps its closing bracket ("Lesotho Defence Force (LDF)")."""
    while b < len(doc) and doc[b - 1].dep_ in PREMODIFIERS and b <= doc[b - 1].head.i < b + 4 \
            and doc[b - 1].head.pos_ in ("NOUN", "PROPN"):
        b = doc[b - 1].head.i + 1
    for head in [t for t in doc[a:b] if not a <= t.head.i < b]:
        while any(c.i == a - 1 and c.dep_ in ("det", "predet", "poss", "nummod", "amod", "compound") for c in head.lefts):
            a -= 1
    if a < trigger.i < b:
        b = trigger.i
    b = min([t.i for t in doc[a + 1:b] if date_phrase(t) or t.tag_ == "VBG" and t.dep_ in ("acl", "advcl")]
            + [max(t.left_edge.i, a + 1) for t in doc[a + 1:b]
               if t.head.i < t.i and (_about_event(t) or _charge(t, trigger))]
            # (nor the subject of a verb after it: "attacks on Iran's parliament, state media said")
            + [t.left_edge.i for t in doc[a + 1:b] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= b
               and t.left_edge.i - 1 > a and doc[t.left_edge.i - 1].text == ","] + [b])
    while b - 1 > a and (doc[b - 1].is_punct and doc[b - 1].text != ")" or doc[b - 1].pos_ in ("ADP", "CCONJ", "DET")):
        b -= 1
    b = _closed(doc, a, b, len(doc))
    return a, b


def chars(sent: Span, a: int, b: int) -> tuple[int, int]:
    """Character offsets within the sentence of the doc's tokens a..b."""
    doc = sent.doc
    return doc[a].idx - sent.start_char, doc[b - 1].idx + len(doc[b - 1]) - sent.start_char
