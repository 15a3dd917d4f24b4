"""Reactions and judgements. An actor's anger, concern or dismay at what another did is its disapproval of it (CAMEO 110),
as ICEWS and the news coding guide code "the Palestinians were angered by Israeli tenders", "the decision
angered Turkey", "China is concerned about Japan's plans", "the ministry expressed concern over the
exercises", "the visit was greeted with anger in China".

The words (rows flagged `experiencer` in data/events/triggers.tsv) name a feeling, not an act, so who
feels it and at whom is read differently from an act's doer and object (roles.py):

- a verb that puts the feeling in its object ("X angered Y", "Y was angered by X"): the one angered
  disapproves of the subject (the agent);
- an adjective said of someone ("Y is angry at X", "Y was concerned that X ..."): that someone, at the
  actor of what follows it;
- a noun of the feeling: its owner ("China's anger"), whoever expresses it ("Y voiced concern over X"),
  or where it is felt ("concern is mounting in Japan about X", "greeted with anger in China"), at the
  actor of what it is about (or of what was "greeted with" it).

What the feeling is about is read for its actor: the phrase's own ("Israeli tenders", "Japan's decision")
or one named inside it ("the visit by Gaddafi").

A judgement ("the EU considers the settlements illegal", "Russia viewed Washington's move as a threat to
peace", "Britain regards the Iranian proposal as a positive step") is criticism (111) or praise (051) of
what is judged, by the words it is judged in (speech.valence, as for "X said Y's plan is a threat")."""

from __future__ import annotations

from spacy.tokens import Token

from whowhom.actors import ActorMention
from whowhom.events import roles, speech

ABOUT = ("about", "at", "over", "by", "with", "regarding", "on", "of")
EXPRESSING = {"express", "voice", "raise", "show", "register", "convey", "vent", "state", "reiterate", "share"}
RECEIVED = {"greet", "meet", "receive", "welcome"}  # "was greeted with anger"
FEELING = {"be", "become", "grow", "remain", "seem", "appear", "feel", "get", "look", "sound"}
# "X considers Y illegal", "X called the vote a sham", "X described the raid as a massacre"
JUDGING = {"consider", "view", "regard", "deem", "see", "judge", "find", "call", "describe", "label", "brand", "dub",
           "term"}
NOT = {"not", "neither", "nor", "never", "no"}
JUDGED = 0.5  # |VADER compound| of the words a judgement is in (a noun phrase's tone is less sure than a verdict's)


def parties(tok: Token, index) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """Who feels it (the event's sources) and at whom (its targets, possibly none); None when no actor
    is named as feeling it."""
    if tok.pos_ == "ADJ" or tok.dep_ in ("acomp", "oprd"):
        felt, about = _said_of(tok, index)
    elif tok.pos_ in ("VERB", "AUX"):
        felt, about = _caused(tok, index)
    else:
        felt, about = _noun(tok, index)
    felt = [m for m in felt if m.code]
    if not felt:
        return None
    own = {m.code for m in felt}
    return felt, [m for m in about if m.code and m.code not in own]


def _of(phrase: Token | None, index) -> list[ActorMention]:
    """The actors of a phrase: its own, or those named inside it."""
    if phrase is None:
        return []
    return roles.actors_at(phrase, index) or roles.inner(phrase, index)


def _objects(head: Token, index, preps=ABOUT) -> list[ActorMention]:
    """The actors of what a feeling is about: its prepositions' objects, or the subject of the clause it
    governs ("concerned that an Afghan consultant remains jailed")."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp") and (found := _of(p, index)):
                    return found
    for c in head.children:
        if c.dep_ == "ccomp":
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if found := _of(subj, index):
                return found
    return []


def _subject(verb: Token) -> Token | None:
    """A verb's subject; a pronoun under a verb of saying is the speaker ("X said he was outraged")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in roles.PERSONAL:
        return roles.speaker(verb) or subj
    return subj


def _said_of(adj: Token, index):
    """"Y is angry at X", "Y was concerned that ...": only where the feeling is said of its subject (not
    "angry staffers chased them")."""
    head = adj.head
    if adj.dep_ not in ("acomp", "oprd", "ROOT") or head.lemma_.lower() not in FEELING | {adj.lemma_.lower()}:
        return [], []
    # (through the parse's chains: "X said he was concerned" is X's concern)
    subj = roles.subject(head)[0] if head.i != adj.i else _subject(adj)
    # (what it is at hangs on the adjective or on its verb: "was furious at X")
    return _of(subj, index), _objects(adj, index) or (_objects(head, index) if head.i != adj.i else [])


def _caused(verb: Token, index):
    """"X angered Y" (Y feels it, at X) and "Y was angered by X"."""
    subj = _subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        return _of(subj, index), _of(roles.agent(verb), index) or _objects(verb, index)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (roles.actors_at(obj, index) if obj is not None else []), _of(subj, index)


def _noun(noun: Token, index):
    """The feeling named by a noun: whose, and at whom."""
    felt = roles.actors_at(noun, index)  # "China's anger", "Chinese anger"
    about = _objects(noun, index)
    head = noun.head
    if not felt and noun.dep_ == "dobj" and head.lemma_.lower() in EXPRESSING:
        felt = _of(_subject(head), index)  # "the ministry expressed concern over ..."
        about = about or _objects(head, index)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with" and head.head.lemma_.lower() in RECEIVED:
        # "the visit was greeted with anger in China": felt where it is, at the author of what was greeted
        greeted = head.head
        felt = felt or _where(noun, index)
        about = about or _of(_subject(greeted), index)
    if not felt and noun.dep_ == "nsubj":
        felt = _where(head, index)  # "concern is mounting in Japan about ..."
        about = about or _objects(head, index)
    return felt, about


def _where(head: Token, index) -> list[ActorMention]:
    """The country a feeling is found in: "in Japan"."""
    return [m for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children if p.dep_ == "pobj" for m in roles.actors_at(p, index)
            if m.kind in ("country", "capital")]


def judgement(verb: Token, index) -> tuple[str, list[ActorMention]] | None:
    """What "X considers (views, regards) Y (as) Z" does: (CAMEO code, actors of Y), or None where no
    word of blame or praise judges Y (or nothing is judged: "X is considering sending troops")."""
    if verb.lemma_.lower() not in JUDGING:
        return None
    judged, words = None, []
    for c in verb.children:
        if c.dep_ == "dobj":
            judged = c
        elif c.dep_ == "prep" and c.lower_ == "as":
            words += [t for p in c.children if p.dep_ == "pobj" for t in p.subtree]
        elif c.dep_ in ("oprd", "acomp"):
            words += list(c.subtree)
        elif c.dep_ == "ccomp" and c.pos_ in ("ADJ", "VERB") and (subj := _subject(c)) is not None \
                and not any(a.dep_ in ("aux", "auxpass") for a in c.children):
            # a small clause: "considers the settlements illegal", "considers the US biased"
            judged, words = subj, [t for t in c.subtree if t not in set(subj.subtree)]
    if judged is None or not words:
        return None
    # (a verdict denied in its own words, "called the vote neither free nor fair", is the verdict turned round)
    kept = [t for t in words if t.lower_ not in NOT]
    tone = speech.valence(kept, any(c.dep_ == "neg" for c in verb.children), JUDGED)
    tone = -tone if len(kept) < len(words) else tone
    about = [m for m in _of(judged, index) if m.code]
    if tone < 0:
        return "111", about
    return ("051", about) if tone > 0 and about else None
