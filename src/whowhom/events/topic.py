"""The target a story gives an event its sentence leaves without one.

A story is set somewhere (actors.article: the home country, the one it names most). When a foreign actor
reacts in it without naming whom at ("the UK urged an end to the violence", "China deployed troops and
warned", "Israeli tanks fired"), an analyst codes the reaction as aimed at the country the story is about,
as ICEWS and the news coding guide do. Only acts that are aimed at someone take it (AIMED); not an actor's
own preparations (intent 03, mobilization 15) or domestic acts."""

from __future__ import annotations

from whowhom.events.event import Event

# Statements (but not the bare "said", 010, which names no one it is said to), appeals, consultations,
# cooperation, demands, criticism, rejection, threats, and force.
AIMED = ("01", "02", "04", "05", "11", "12", "13", "19")


def aim(events: list[Event], home: str | None) -> None:
    """Give the home country as target to each asserted aimed act of a foreign actor that has none
    (marked "+topic" in its rule, a little less confident)."""
    if not home:
        return
    # the home country acting on the same trigger is a co-actor ("Russian and Chinese rhetoric
    # criticized"), not a target
    alongside = {(e.section, e.sentence_index, e.trigger_start) for e in events if e.source[:3] == home}
    for e in events:
        if e.target or not e.source or e.source[:3] == home or e.modality != "asserted" \
                or e.cameo_root not in AIMED or e.cameo == "010" or e.section == "comment" \
                or (e.section, e.sentence_index, e.trigger_start) in alongside:
            continue
        e.target, e.rule = home, e.rule + "+topic"
        e.confidence = round(max(0.05, e.confidence - 0.1), 2)
