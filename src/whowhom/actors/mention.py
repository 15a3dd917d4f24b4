"""An actor mention found in a parsed sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ActorMention:
    start: int            # first token index in the Doc
    end: int              # one past the last token index in the Doc
    start_char: int       # character offsets in the Doc's text
    end_char: int
    text: str             # the mention as written, e.g. "the Chinese Defense Ministry"
    code: str             # CAMEO-style code: "CHN", "RUSGOV", "CHNMIL", "NATO", "WST", "IGOUNO"...
    country: str | None   # ISO alpha-3 / CAMEO country part ("RUS"), None for IGOs and groups
    sector: str | None    # CAMEO agent part ("GOV", "MIL", "MED", "EDU", "REB", ...), None if bare
    kind: str             # "country", "demonym", "capital", "metonym", "org", "group", "leader", "sector"
    head: int             # token index of the syntactic head of the mention
    cameo: str = ""       # full PETRARCH/Phoenix-style code: "IGOWSTNAT" for NATO, "IGOUNO" for UN, "USAGOVJUD"
    name: str | None = None  # readable name of a matched person or organisation ("Vladimir Putin")
    inferred: bool = False   # the country comes from the sentence or the story, not the phrase ("troops")
