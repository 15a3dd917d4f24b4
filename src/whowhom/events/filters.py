"""Which of a sentence's coded events stand: no event without a political actor, none from a clause that
describes an actor, none between an actor and itself, and none that another event of the sentence says
better."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from whowhom.actors import ActorMention
from whowhom.actors.context import PRIVATE, SECTORS
from whowhom.events.event import Event
from whowhom.nlp import TokensAt


# Sectors that are political actors even where no country is known ("the government", "rebels").
POLITICAL_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "OPP", "LEG", "JUD", "PTY", "IGO"}


def political(e: Event) -> bool:
    """An event with at least one political actor on a side: a country (with or without its sector), an
    organisation, a known group, or a state or armed body whose country is not known ("the provincial
    government ordered patrols"). "Residents said a car bomb killed two people" has none: an analyst
    would not count it."""
    if getattr(e, "guessed", False):  # (set by the coder: no side is political in its own words)
        return False
    if e.cameo_root in WORDS and all(_private(code) for code in (e.source, e.target)):
        return False  # (a researcher's, a firm's or a doctor's word to no political actor: "..., said a professor")
    return any(code and (code not in SECTORS or code in POLITICAL_SECTORS) for code in (e.source, e.target))


# The verbal acts (statements, appeals, intents, consultation, cooperation) that are political only where a
# political actor is on one side (not a private one: context.PRIVATE)
WORDS = ("01", "02", "03", "04", "05")


def _private(code: str | None) -> bool:
    """No actor, or a private one, of a country or none: "USAEDU", "BUS"."""
    return not code or code in PRIVATE or len(code) == 6 and code[3:] in PRIVATE


def partnerless(e: Event) -> bool:
    """Material cooperation or aid (CAMEO 06, 07) read from a bare verb, with no partner or recipient named,
    is no event: "the central bank bought $3 billion", "Americans tend to purchase goods", "the Chinese
    government pays nothing", "the premier has committed to help out", "protesters wear masks to shield
    their identities". What is given says the act where no one is named to receive it ("supplied 94% of
    military equipment", "provided emergency food relief": a pattern with cues), and a joint act's partner is
    its target ("Moscow and Beijing held joint exercises")."""
    return e.cameo_root in ("06", "07") and not e.target and not e.target_text \
        and e.rule.startswith("V:") and "[" not in e.rule.split("->", 1)[0]


def named_political(m: ActorMention) -> bool:
    """A political actor in the sentence's own words: a named country, an organisation or group, or a
    state or armed body. "People" or "shoppers" that only the story's setting gives a country are not:
    "people are often frustrated by their remotes" is no event of the United States."""
    return bool(m.code) and ((m.country is not None and not m.inferred) or m.code not in SECTORS
                             and m.code[-3:] not in SECTORS or (m.sector or m.code[-3:]) in POLITICAL_SECTORS)


PEOPLE = ("person", "leader", "pronoun", "voice")


def distinct(a: ActorMention, b: ActorMention) -> bool:
    """Two actors, not one: different codes, two people of the same code (officials of one government:
    "the aide criticised Trump"), a person and a body of the same code ("Olmert wrote to his ministers"),
    or different phrases where one has none."""
    if a.code and b.code:
        return a.code != b.code or (a.kind in PEOPLE) != (b.kind in PEOPLE) or two_people(a, b)
    return (a.start, a.end) != (b.start, b.end)


def two_people(a: ActorMention, b: ActorMention) -> bool:
    """Two people, not one: both persons, by different surnames ("Vindman", "Trump")."""
    return a.kind in PEOPLE and b.kind in PEOPLE and _surname(a) != _surname(b)


def _surname(m: ActorMention) -> str:
    return (m.name or m.text).lower().split()[-1]


# Animals: killing, shooting or eating them is no act of force between actors
ANIMALS = set("""animal animals rabbit rabbits dog dogs cat cats bird birds whale whales dolphin dolphins fish shark
sharks deer bear bears wolf wolves fox foxes rat rats rodent rodents marmot marmots cattle cow cows sheep goat goats
pig pigs chicken chickens poultry elephant elephants rhino rhinos lion lions tiger tigers horse horses monkey monkeys
seal seals turtle turtles crocodile crocodiles snake snakes mosquito mosquitoes""".split())


# What kills or destroys with no one doing it: illness, disaster, accident
HAZARDS = set("""plague disease virus epidemic pandemic outbreak illness cancer infection flu influenza cholera ebola
malaria measles famine drought hunger starvation earthquake quake tsunami flood floods flooding storm hurricane
typhoon cyclone tornado avalanche landslide mudslide wildfire heatwave lightning crash accident collision
derailment stampede eruption death""".split())


def natural_cause(tok: Token) -> bool:
    """A deadly act done by no one: its doer is an illness, a disaster, an accident or an animal ("plague has
    killed millions", "the Black Death wiped out a third of Europe", "killed in a helicopter crash", "killed by
    the storm", "a tiger that had killed three villagers"). No actor did it; an analyst codes no force."""
    if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children):
        # (a participle or a coordinated verb with no subject of its own shares its head's doer: "the storm
        # that triggered a tidal wave, killing 138,000 people")
        return natural_cause(tok.head)
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj"):
            # (a relative pronoun stands for the noun its clause describes: "the Black Death, which wiped out")
            doer = tok.head if c.lower_ in ("which", "that") and tok.dep_ == "relcl" else c
            if doer.lemma_.lower() in HAZARDS or doer.lemma_.lower() in ANIMALS:
                return True
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in"):
            if any(p.dep_ == "pobj" and p.lemma_.lower() in HAZARDS for p in c.children):
                return True
    return False


def animal_victim(tok: Token) -> bool:
    """A violent verb done to animals ("killed and eaten a wild rabbit", "whales were killed"): no event."""
    # (an object shared with a coordinated verb: "killed and eaten a wild rabbit")
    verbs = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ANIMALS for v in verbs for c in v.children)


# A game's score, as the tokenizer leaves it ("6", "-", "3"): "beat Olaru of Romania 6-3, 6-2"
SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")


def scored(tok: Token) -> bool:
    """A violent verb with a game's score among its words is a sports result, not force ("Toronto beat
    Philadelphia 102-95")."""
    doc = tok.doc
    return any(t.text.isdigit() and t.i + 2 < len(doc) and SCORE.fullmatch(doc[t.i:t.i + 3].text)
               for c in tok.children if c.dep_ not in ("ccomp", "advcl", "relcl") for t in c.subtree)


def no_one_harmed(tok: Token) -> bool:
    """A violent trigger that no actor did to another: natural_cause, animal_victim or a game (scored)."""
    return natural_cause(tok) or animal_victim(tok) or scored(tok)


def describes(tok: Token) -> bool:
    """A simple-present relative clause describes an actor, it reports no event: "Hamas, which
    advocates X", "the faction that controls Y"."""
    return tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass")
                                                                         for c in tok.children)


def interviewed(tok: Token) -> bool:
    """"Sarkozy was asked about his phone call", "Asked whether he had seen ..., Mbeki said": a question
    put to someone by no one named (the press), not an appeal by anyone; "was asked to mediate" is one."""
    if tok.lemma_.lower() != "ask" or tok.tag_ not in ("VBN", "VBD") \
            or any(c.dep_ in ("nsubj", "agent", "dobj") for c in tok.children):
        return False
    if tok.dep_ != "advcl" and not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    about = next((c.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "about"), None)
    if any(c.dep_ == "xcomp" and (about is None or c.i < about) for c in tok.children):
        return False  # ("was asked to mediate")
    return about is not None or any(
        c.dep_ == "ccomp" and (c.left_edge.lower_ in ("whether", "if") or c.left_edge.tag_ in ("WRB", "WP", "WDT"))
        for c in tok.children)


def drop_subsumed(events: list[Event], sent: Span) -> list[Event]:
    """Drop a vaguer event of the same source and root as another in the sentence: "refused to join the
    alliance" gives "reject" (120, no target) and "reject military cooperation with X" (1212); keep 1212.
    Likewise a verb that announces an act of its own kind: "threatened to ban X" is the threat to ban
    (132), not also a bare threat (130); "agreed to open its borders" is 0351, not also 030; "vowed to attack
    X" is the threat to attack (138), not also a bare promise (030)."""
    at = TokensAt(sent)

    def governs(b: Event, a: Event) -> bool:
        t, head = at.get(a.trigger_start), at.get(b.trigger_start)
        if t is None or head is None or t.i == head.i:
            return False
        for _ in range(4):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.i == head.i:
                return True
        return False

    def better(a: Event, b: Event) -> bool:
        # (a joint act's event whose target is inferred, events/joint.py, says no more than one read)
        if a is b or a.source != b.source or a.cameo_root != b.cameo_root or a.modality != b.modality \
                or "+joint" in a.rule:
            return False
        if b.target is None and (a.target is not None or len(a.cameo) > len(b.cameo)):
            return True
        return (b.target is None or a.target == b.target) and governs(b, a)

    def announced(a: Event, b: Event) -> bool:
        # "vowed to attack X" is the threat to attack (138), not also a bare promise (030)
        return (a is not b and a.source == b.source and b.cameo in ("030", "130") and "+intent" in a.rule
                and (b.target is None or a.target == b.target) and governs(b, a))

    return [b for b in events if not any(better(a, b) or announced(a, b) for a in events)]


def drop_light(events: list[Event], sent: Span, cues: dict[int, set[int]]) -> list[Event]:
    """"held talks with X" is one meeting: where a verb's pattern word is itself an event noun coded with
    the same source and kind ("talks"), the noun's event stands for both."""
    at = TokensAt(sent).index
    nouns = {(at[e.trigger_start], e.source, e.cameo_root) for e in events}
    return [e for e in events if not any((c, e.source, e.cameo_root) in nouns
                                         for c in cues.get(at[e.trigger_start], ()) if c != at[e.trigger_start])]


def merge_repeats(events: list[Event]) -> list[Event]:
    """One act, one record: events of one trigger with the same source, target, code and modality
    (coordinated words that name one actor: "Israeli tanks and helicopters raided") are one event, the
    surest of them, whose role spans cover the words of all (an analyst counts one raid, not two)."""
    kept: dict[tuple, Event] = {}
    out = []
    for e in events:
        key = (e.section, e.sentence_index, e.trigger_start, e.source, e.target, e.cameo, e.modality)
        first = kept.get(key)
        if first is None:
            kept[key] = e
            out.append(e)
            continue
        first.confidence = max(first.confidence, e.confidence)
        for role in ("source", "target"):
            _cover(first, e, role)
    return out


def _cover(into: Event, other: Event, role: str) -> None:
    lo, hi = getattr(into, f"{role}_start"), getattr(into, f"{role}_end")
    olo, ohi = getattr(other, f"{role}_start"), getattr(other, f"{role}_end")
    if lo is None or olo is None or (lo, hi) == (olo, ohi):
        return
    lo, hi = min(lo, olo), max(hi, ohi)
    setattr(into, f"{role}_start", lo)
    setattr(into, f"{role}_end", hi)
    setattr(into, f"{role}_text", into.sentence[lo:hi])
