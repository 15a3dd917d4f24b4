"""Loads the trigger patterns (data/events/*.tsv): which words code which CAMEO event."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

VERB_TARGETS = ("dobj", "dative", "to", "with", "on", "against", "at", "toward", "towards", "into")
NOUN_TARGETS = ("on", "against", "with", "to", "of", "toward", "towards", "at", "into", "over")

# A pattern's own preposition that leads to the one the act is at (other cues lead to its matter:
# "argue over", "barred from").
AIMING = ("about", "upon")


def kind(pos: str) -> str | None:
    """The dictionaries' part of speech (Pattern.pos) of a spaCy coarse tag: "V", "N", "A" (adjectives:
    only feelings, events/reaction.py) or None."""
    return "V" if pos in ("VERB", "AUX") else "N" if pos in ("NOUN", "PROPN") else "A" if pos == "ADJ" else None


def hyphen_stems(word: str) -> tuple[str, ...]:
    """The verb a past participle at the end of a hyphened word may be ("u.s.-sponsored" -> "sponsor",
    "sponsored"), which the coder reads for rows flagged `sponsor` (triggers.Matcher.hyphened) and the
    prefilter lets through; none for another word."""
    if "-" not in word.strip("-"):
        return ()
    end = word.rsplit("-", 1)[1]
    return (end[:-2], end[:-1]) if end.endswith("ed") else ()


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str                               # "V", "N" or "A"
    cues: tuple[frozenset[str], ...]       # each must match a lemma near the trigger
    code: str
    targets: tuple[str, ...]
    flags: frozenset[str]
    line: int
    cue_spec: str = "-"
    source: str = "triggers.tsv"           # the data file of the row (imported and opt-in files differ)

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


@lru_cache(maxsize=None)  # (the verb dictionaries repeat their cues thousands of times)
def _cue(spec: str) -> frozenset[str]:
    words: set[str] = set()
    for part in spec.split("|"):
        words |= classes()[part[1:]] if part.startswith("@") else {part}
    return frozenset(words)


def patterns(extra: tuple[str, ...] | None = None,
             dict_dir: str | None = None) -> dict[tuple[str, str], list[Pattern]]:
    """(lemma, pos) -> patterns, most specific (most cues) first.  Rows of triggers.tsv, then of the
    user's imported NAME.verbs.tsv (dict_dir, default whowhom.dicts.user_dir()), then of the packaged
    files named in `extra` (default ("petrarch-verbs.tsv",), none when the environment has
    WHOWHOM_PETRARCH_VERBS=0).  An earlier row wins over a later one with the same lemma, pos and cues,
    and over one with as many cues (the sort is stable)."""
    from whowhom import dicts

    if extra is None:
        on = os.environ.get("WHOWHOM_PETRARCH_VERBS", "1") not in ("", "0")
        extra = ("petrarch-verbs.tsv",) if on else ()
    dd = str(dict_dir) if dict_dir is not None else str(dicts.user_dir())
    return _patterns(tuple(extra), dd, dicts.dir_key(dd))


def _add_rows(out: dict, extra: tuple[str, ...], dict_dir: str) -> None:
    """Rows of the imported verb dictionaries and the packaged extra files.  Their cues may name
    classes of a companion file (petrarch-verbs.tsv -> petrarch-classes.tsv, NAME.verbs.tsv ->
    NAME.classes.tsv) before those of classes.tsv; a row naming an unknown class is left out."""
    from whowhom import dicts

    # (a `sponsor` row reads only the talks a verb arranges: the verb's other senses stay, "sponsored a
    # campaign", events/mediation.py)
    seen = {(p.lemma, p.pos, frozenset(p.cues)) for pats in out.values() for p in pats if "sponsor" not in p.flags}
    base = resources.files("whowhom.data") / "events"
    # the user's own imports before the generic packaged PETRARCH rows
    sources = [(p, p.with_name(p.name.replace(".verbs.tsv", ".classes.tsv")))
               for p in dicts.files(dict_dir, "verbs")]
    sources += [(base / name, base / name.replace("verbs.tsv", "classes.tsv")) for name in extra]
    for path, cpath in sources:
        own = {}
        if cpath.is_file():
            for line in cpath.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#") and "\t" in line:
                    k, words = line.split("\t")[:2]
                    own[k.strip()] = frozenset(words.strip().split("|"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            row = [f.strip() for f in line.split("\t")]
            if not line.strip() or line.startswith("#") or len(row) < 6:
                continue
            lemma, pos, cues, code, targets, flags = row[:6]
            try:
                cue_sets = tuple(own.get(c[1:]) if c[1:] in own and c[0] == "@" else _cue(c)
                                 for c in cues.split("+")) if cues != "-" else ()
            except KeyError:
                continue
            if (lemma, pos, frozenset(cue_sets)) in seen:
                continue
            seen.add((lemma, pos, frozenset(cue_sets)))
            default = VERB_TARGETS if pos == "V" else NOUN_TARGETS
            if cues in AIMING:  # ("complain about X", "call upon X": the cue leads to whom the act is at)
                default = default + (cues,)
            out.setdefault((lemma, pos), []).append(Pattern(
                lemma, pos, cue_sets, code, tuple(targets.split(",")) if targets != "-" else default,
                frozenset(flags.split(",")) if flags != "-" else frozenset(), n, cues, path.name))


@lru_cache(maxsize=4)
def _patterns(extra: tuple[str, ...], dict_dir: str, _files: tuple) -> dict[tuple[str, str], list[Pattern]]:
    # _files (dicts.dir_key) is only part of the cache key: a new import means a new load
    out: dict[tuple[str, str], list[Pattern]] = {}
    for n, (lemma, pos, cues, code, targets, flags) in _rows("triggers.tsv"):
        cue_sets = tuple(_cue(c) for c in cues.split("+")) if cues != "-" else ()
        default = VERB_TARGETS if pos == "V" else NOUN_TARGETS
        pat = Pattern(lemma, pos, cue_sets, code,
                      tuple(targets.split(",")) if targets != "-" else default,
                      frozenset(flags.split(",")) if flags != "-" else frozenset(), n, cues)
        out.setdefault((lemma, pos), []).append(pat)
    _add_rows(out, extra, dict_dir)
    for pats in out.values():
        pats.sort(key=lambda p: -len(p.cues))
    return out


def _clear() -> None:
    _patterns.cache_clear()
    _cue.cache_clear()


patterns.cache_clear = _clear  # callers clear the cache through patterns


@lru_cache(maxsize=1)
def refinements() -> dict[str, list[tuple[frozenset[str], str]]]:
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for _, (base, cls, refined) in _rows("refine.tsv"):
        out.setdefault(base, []).append((classes()[cls], refined))
    return out


@lru_cache(maxsize=1)
def negations() -> dict[str, str]:
    return {code: neg for _, (code, neg) in _rows("negation.tsv")}


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest prefix of `code` in `table`."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def negated_code(code: str) -> str | None:
    """The rejection (CAMEO 12x) that a refused or negated intent to do `code` amounts to (longest prefix)."""
    return _by_prefix(negations(), code)


@lru_cache(maxsize=1)
def _intents() -> dict[str, str]:
    return {act: intent for _, (act, intent) in _rows("intent.tsv")}


def intent_code(code: str) -> str | None:
    """CAMEO code of announcing the act `code` (03x/13x), or None where an announcement is no event."""
    hit = _by_prefix(_intents(), code)
    return code if hit in ("03", "13") else hit
