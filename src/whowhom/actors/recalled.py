"""Armed men, state forces and lawmakers a sentence names without a country ("the rebels", "aircraft",
"lawmakers"): those of the armed group, state or legislature the story last named with one, as a reader
takes them, rather than the country of their sentence or story (a story set in Liberia may be about Sierra
Leone's rebels; a raid on Gaza is not by Gaza's aircraft)."""

from __future__ import annotations

from dataclasses import replace

from whowhom.actors.mention import ActorMention

ARMED = {"REB", "UAF"}  # rebels, militants, insurgents; gunmen
ALLIANCES = {"NATO", "UN", "AU", "EU"}  # organisations that send forces abroad


class Recalled:
    """The countries last named with each kind of body, and the alliance last named, read through one
    article in order."""

    def __init__(self):
        self.recent: dict[str, str] = {}  # "armed", "forces", "legislature" -> country; "alliance" -> its code

    def armed(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """"Sierra Leone rebels ... the rebels", "Gaza militants ... the gunmen": armed men with no country
        of their own are those of the armed group the story last named with one, not the story's
        country (a story set in Liberia may be about Sierra Leone's rebels)."""
        return self._recall(mentions, ARMED, "armed")

    def legislators(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """"the Democratic Party-controlled House of Representatives ... Democratic lawmakers grilled a
        Ukraine specialist": lawmakers with no country are those of the legislature the story last named
        with one, whatever other country their sentence names."""
        return self._recall(mentions, {"LEG"}, "legislature")

    def forces(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """"Israeli tanks and helicopters raided Gaza ... aircraft also fired at the gunmen": armed forces
        the sentence gives no country are those of the state whose forces the story last named with one
        (not the country the story is set in: a raid on Gaza is not by Gaza's aircraft)."""
        return self._recall(mentions, {"MIL"}, "forces")

    def foreign(self, mentions: list[ActorMention]) -> list[ActorMention]:
        """"1 NATO soldier killed ... militants attack foreign and Afghan troops": forces called foreign
        (actors/offices.foreign_force) are those of the alliance the story last named (NATO, the UN, the AU,
        the EU), if any."""
        out = []
        for m in mentions:
            if m.code in ALLIANCES and m.kind != "foreign":
                self.recent["alliance"] = m.code
            elif m.kind == "foreign" and (code := self.recent.get("alliance")):
                m = replace(m, code=code, cameo=code, kind="org", inferred=True)
            out.append(m)
        return out

    def _recall(self, mentions: list[ActorMention], sectors: set[str], key: str) -> list[ActorMention]:
        """A bare mention of one of `sectors` given the country the story last named one of them with (kept
        in self.recent[key] from section to section); a mention that names its own country sets it."""
        out = []
        for m in mentions:
            country = self.recent.get(key)
            if m.code in sectors and m.country is None and country and m.kind != "foreign":
                m = replace(m, code=country + m.code, country=country, cameo=country + m.code, inferred=True)
            elif m.sector in sectors and m.country and not m.inferred:
                self.recent[key] = m.country
            out.append(m)
        return out
