"""The target a story gives an event its sentence leaves without one.

A story is set somewhere (actors.article: the home country, the one it names most). When a foreign actor
reacts in it without naming whom at ("the UK urged an end to the violence", "China deployed troops and
warned", "Israeli tanks fired"), an analyst codes the reaction as aimed at the country the story is about,
as ICEWS and the news coding guide do. Only acts that are aimed at someone take it (AIMED): a foreign
force's show of strength too ("China deploys troops" in a story about Hong Kong); not an actor's own
intentions (03).

An act of the home country's own actors that falls on someone with no one named ("police arrested one
person", "the army shelled the town", "the government rejected the demands") is domestic: ICEWS codes its
target as the country's own citizens or institutions, so it takes the home country too (DOMESTIC). What
its own actors say or blame with no one named ("the minister said the law was fair", "the government
condemned the attack") is aimed at no one the story tells: it keeps no target.

A story whose headline reports a reaction to one actor ("World community lashes out at US", "Esper accuses
China of intimidation") is about that actor: the reactions in its body that name no one (criticism,
rejection, praise: REACTIONS) answer the headline's actor rather than the home country."""

from __future__ import annotations

from collections import defaultdict

from whowhom.events.event import Event
from whowhom.events.roles import REACTIONS  # (praise, criticism, rejection: what answers another's act)

# Statements (but not a foreign actor's bare "said", 010, which names no one it is said to), appeals,
# consultations, cooperation, demands, criticism, rejection, threats, shows of force, and force.
AIMED = ("01", "02", "04", "05", "11", "12", "13", "15", "19")
# At home: appeals, rejection, threats, coercion (arrests, bans), assaults and force; not meetings or
# cooperation, whose unnamed partner is as likely abroad ("Putin signed trade deals").
DOMESTIC = ("02", "12", "13", "17", "18", "19")


def aim(events: list[Event], home: str | None) -> None:
    """Give the home country as target to each asserted aimed act that has none (marked "+topic" in its
    rule, a little less confident)."""
    focus = _headline_target(events)
    if not home and not focus:
        return
    # countries acting together on one trigger ("Russian and Chinese rhetoric criticized") are co-actors,
    # neither the other's target nor their own
    acting: dict[tuple, set] = defaultdict(set)
    for e in events:
        if e.source:
            acting[(e.section, e.sentence_index, e.trigger_start)].add(e.source[:3])
    for e in events:
        if e.target or not e.source or e.modality != "asserted" or e.section == "comment":
            continue
        own = e.source[:3] == home
        together = acting[(e.section, e.sentence_index, e.trigger_start)]
        if focus and e.section == "article" and e.cameo_root in REACTIONS and e.source[:3] != focus[:3] \
                and focus[:3] not in together:
            e.target, e.rule = focus, e.rule + "+headline"
        elif not home or e.cameo_root not in (DOMESTIC if own else AIMED) or (not own and e.cameo == "010") \
                or (home in together and len(together) > 1):
            continue
        else:
            e.target, e.rule = home, e.rule + "+topic"
        e.confidence = round(max(0.05, e.confidence - 0.1), 2)


def _headline_target(events: list[Event]) -> str | None:
    """The one actor the headline's asserted reactions are aimed at, if there is one."""
    aimed = {e.target for e in events if e.section == "headline" and e.modality == "asserted" and e.target
             and e.cameo_root in REACTIONS}
    return aimed.pop() if len(aimed) == 1 else None
