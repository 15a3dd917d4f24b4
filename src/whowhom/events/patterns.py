"""Loads the trigger patterns (data/events/*.tsv): which words code which CAMEO event."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

VERB_TARGETS = ("dobj", "dative", "to", "with", "on", "against", "at", "toward", "towards", "into")
NOUN_TARGETS = ("on", "against", "with", "to", "of", "toward", "towards", "at", "into", "over")


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str                               # "V" or "N"
    cues: tuple[frozenset[str], ...]       # each must match a lemma near the trigger
    code: str
    targets: tuple[str, ...]
    flags: frozenset[str]
    line: int
    cue_spec: str = "-"

    @property
    def name(self) -> str:
        cue = "" if self.cue_spec == "-" else f"[{self.cue_spec}]"
        return f"{self.pos}:{self.lemma}{cue}->{self.code}"


def _rows(name: str):
    text = (resources.files("whowhom.data") / "events" / name).read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield n, [f.strip() for f in line.split("\t")]


@lru_cache(maxsize=1)
def classes() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split("|")) for _, row in _rows("classes.tsv")}


def _cue(spec: str) -> frozenset[str]:
    words: set[str] = set()
    for part in spec.split("|"):
        words |= classes()[part[1:]] if part.startswith("@") else {part}
    return frozenset(words)


@lru_cache(maxsize=1)
def patterns() -> dict[tuple[str, str], list[Pattern]]:
    """(lemma, pos) -> patterns, most specific (most cues) first."""
    out: dict[tuple[str, str], list[Pattern]] = {}
    for n, (lemma, pos, cues, code, targets, flags) in _rows("triggers.tsv"):
        cue_sets = tuple(_cue(c) for c in cues.split("+")) if cues != "-" else ()
        default = VERB_TARGETS if pos == "V" else NOUN_TARGETS
        pat = Pattern(lemma, pos, cue_sets, code,
                      tuple(targets.split(",")) if targets != "-" else default,
                      frozenset(flags.split(",")) if flags != "-" else frozenset(), n, cues)
        out.setdefault((lemma, pos), []).append(pat)
    for pats in out.values():
        pats.sort(key=lambda p: -len(p.cues))
    return out


@lru_cache(maxsize=1)
def refinements() -> dict[str, list[tuple[frozenset[str], str]]]:
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for _, (base, cls, refined) in _rows("refine.tsv"):
        out.setdefault(base, []).append((classes()[cls], refined))
    return out


@lru_cache(maxsize=1)
def negations() -> dict[str, str]:
    return {code: neg for _, (code, neg) in _rows("negation.tsv")}
