"""Talks others arranged: "a conference sponsored by Bush", "a U.S.-sponsored conference", "the
Egyptian-brokered truce between Israel and Hamas", "Norway brokered a deal between the government and the
rebels". The sponsor or broker mediates between the parties (CAMEO 045), as the news coding guide codes it;
the parties are those the talks name ("between A and B", "Israeli-Palestinian talks") or, where they name
none, those who act at them ("at a conference sponsored by X, A and B pledged ..."). A sponsor with no
two parties, or one of the parties itself, mediates nothing: "X sponsored a resolution", "a summit hosted
by China with Russia"."""

from __future__ import annotations

from spacy.tokens import Token

from whowhom.actors import ActorMention
from whowhom.events import joint
from whowhom.events.filters import distinct
from whowhom.events.roles import actors_at, agent

# what is arranged between parties: talks, their meetings and what they agree
TALKS = {"talk", "talks", "negotiation", "negotiations", "conference", "summit", "meeting", "dialogue",
         "process", "truce", "ceasefire", "cease-fire", "deal", "accord", "agreement", "settlement"}
# the sponsor's words beside a participle: "Egyptian - brokered", "U.S. - brokered"
BESIDE = ("npadvmod", "compound", "nmod", "amod", "advmod")


def talks_of(verb: Token) -> Token | None:
    """The talks a sponsoring verb arranges: the noun it describes ("talks brokered by X", "X-brokered
    talks"), its object ("X brokered a deal"), or, where the parse hangs "sponsored by X" on the clause's
    verb, the talks earlier in that clause ("at a conference in Y, sponsored by X, A and B agreed")."""
    if verb.dep_ in ("amod", "acl", "relcl"):
        head = verb.head
        for _ in range(3):  # ("a conference in Geneva, sponsored by X": the parse hangs it on the place)
            if _is_talks(head):
                return head
            if head.dep_ not in ("pobj", "prep", "appos"):
                break
            head = head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and _is_talks(c)), None)
    if obj is not None:
        return obj
    if verb.dep_ == "advcl":
        return next((t for t in verb.head.subtree if t.i < verb.i and _is_talks(t) and t.dep_ == "pobj"
                     and t.head.head.i == verb.head.i), None)
    return None


def setting(talks: Token) -> bool:
    """Talks that set the scene of another act ("at a conference ..., A and B pledged"): told as a fact,
    whatever that act's own modality."""
    return talks.dep_ == "pobj" and talks.head.lower_ in joint.SETTING_PREPS \
        and talks.head.head.pos_ in ("VERB", "AUX")


def _is_talks(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in TALKS or tok.lower_ in TALKS)


def sponsors(verb: Token, index) -> list[ActorMention]:
    """Who sponsors: the agent of the participle ("by Bush"), its subject ("Norway brokered"), the words
    beside it ("Egyptian-brokered"), or the actor named in the hyphened word itself ("U.S.-sponsored")."""
    by = agent(verb)
    if by is not None:
        return actors_at(by, index)
    if verb.dep_ not in ("amod", "acl", "relcl"):
        found = [m for c in verb.children if c.dep_ == "nsubj" for m in actors_at(c, index)]
        if found:
            return found
    found = [m for c in verb.children if c.dep_ in BESIDE for m in actors_at(c, index)]
    if not found and verb.i in index:
        found = [index[verb.i]]
    return found


def parties(talks: Token, index, sponsors: list[ActorMention]) -> list[ActorMention]:
    """The parties of the talks, other than their sponsors: at least two, none of a sponsor's country."""
    def others(found):
        return [m for m in found if m.code and all(distinct(m, s) and m.start != s.start for s in sponsors)]
    found = others(joint.partners(talks, index))
    if len({m.code for m in found}) < 2:
        found = others(joint.setting_partners(talks, index))
    if len({m.code for m in found}) < 2:
        return []
    countries = {s.country for s in sponsors if s.country}
    return [] if any(m.country in countries for m in found) else joint.narrowest(found)


def mediated(verb: Token, index) -> tuple[list[ActorMention], list[ActorMention], bool] | None:
    """(sponsors, parties, whether the talks set the scene of another act: setting()) of the talks a
    sponsoring verb arranges, or None."""
    talks = talks_of(verb)
    if talks is None:
        return None
    who = [m for m in sponsors(verb, index) if m.code]
    between = parties(talks, index, who) if who else []
    return (who, between, setting(talks)) if between else None
