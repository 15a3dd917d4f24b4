"""The target a story gives an event its sentence leaves without one.

A story is set somewhere (actors.article: the home country, the one it names most). When a foreign actor
reacts in it without naming whom at ("the UK urged an end to the violence", "China deployed troops and
warned", "Israeli tanks fired"), an analyst codes the reaction as aimed at the country the story is about,
as ICEWS and the news coding guide do. Only acts that are aimed at someone take it: statements,
appeals, consultations, cooperation, demands, criticism, rejection, threats, and force; not an actor's own
preparations (intent 03, mobilization 15) or domestic acts."""

from __future__ import annotations

from whowhom.events.event import Event

AIMED = ("01", "02", "04", "05", "11", "12", "13", "19")


def aim(events: list[Event], home: str | None) -> None:
    """Give the home country as target to each asserted aimed act of a foreign actor that has none
    (marked "+topic" in its rule, a little less confident)."""
    if not home:
        return
    for e in events:
        if e.target or not e.source or e.source[:3] == home or e.modality != "asserted" \
                or e.cameo_root not in AIMED or e.section == "comment":
            continue
        e.target, e.rule = home, e.rule + "+topic"
        e.confidence = round(max(0.05, e.confidence - 0.1), 2)
