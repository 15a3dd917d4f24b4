"""Read a TABARI/PETRARCH verb dictionary (CAMEO.2.0.txt) and turn it into whowhom trigger rows.

The dictionary has synonym sets (`&NAME` then `+WORD` lines), and verb blocks:

    ---  ASK   [---]  ---                       block header: name and default code ([---]: none)
    ASK [020]                                  verbs of the block, own code optional, {irregular forms}
    +ASK_FOR {+ASKED_FOR ...} [020]            multi-word verb: the word after "+" is the verb
    - * (FOR {HUMANITARIAN AID})   [0233]      patterns: "*" is the verb, words before it stand on the
    - &MILITARY * (TO +)           [154]       subject side, (PREP ...) prepositional phrases, {A B} noun
                                               phrases, &SET synonym sets, $ source, + target, ^ skip

PETRARCH applies every pattern of a block to every verb of the block, so each (verb, pattern) pair
becomes one row `lemma V cues code targets -` (data/events/triggers.tsv columns).  whowhom's matcher
looks for each cue among the trigger's dependents, in any order, and never in its subject, so: words
after the verb become cues (lower case, with a naive singular), synonym sets become classes (@NAME,
written to a companion classes file), a "+" inside (PREP ... +) becomes the target's preposition; word
order, subject-side words and the $ ^ % markers are dropped and counted.  A code [A:B] keeps A (B is the
reversed-roles event PETRARCH also codes); [:B] alone, [---] (blocking patterns) and codes CAMEO does
not know are skipped and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from whowhom.events import cameo

DETERMINERS = {"a", "an", "the"}
MARKERS = {"$": "$ source markers", "^": "^ skip markers", "%": "% compound markers", "+": "+ target markers"}
_ELEMENT = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+")


@dataclass
class Row:
    lemma: str
    cues: tuple[str, ...]     # cue specs: "word|words" or "@CLASS"
    code: str
    targets: str = "-"
    line: int = 0
    pos: str = "V"

    def key(self):
        return (self.lemma, self.pos, tuple(sorted(self.cues)))

    def tsv(self) -> str:
        return "\t".join([self.lemma, self.pos, "+".join(self.cues) or "-", self.code, self.targets, "-"])


@dataclass
class Verbs:
    rows: list[Row] = field(default_factory=list)
    classes: dict[str, list[str]] = field(default_factory=dict)   # NAME -> words
    skips: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)
    dropped: Counter = field(default_factory=Counter)              # pattern elements not carried over
    blocks: int = 0
    verbs: int = 0
    patterns: int = 0


def forms(word: str) -> str:
    """'SANCTIONS' -> 'sanctions|sanction': the matcher compares cues with a word's text and lemma, so
    the written form plus a naive singular covers most inflections."""
    w = word.lower().strip("_")
    out = [w]
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    elif len(w) > 3 and w.endswith("es") and w[:-2].endswith(("s", "x", "ch", "sh", "z")):
        out.append(w[:-2])
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.append(w[:-1])
    return "|".join(out)


def _word_ok(w: str) -> bool:
    return bool(w) and "_" not in w and not re.search(r"[^A-Za-z0-9'.-]", w)


def _code(spec: str) -> tuple[str | None, str | None]:
    """'[042:043]' -> ('042', None); '[---]' -> (None, 'null code [---]'); '[:173]' -> (None, ...)."""
    s = spec.strip("[]").replace("!", "").strip()
    if not s or s.startswith("-"):
        return None, "null code [---]"
    first = s.split(":", 1)[0].strip()
    if not first:
        return None, "reversed-roles code [:X]"
    if not cameo.is_code(first):
        return None, f"unknown CAMEO code {first}"
    return first, None


def _verb(word: str) -> tuple[str, list[str]] | None:
    """'+ASK_FOR' -> ('ask', ['for']); 'HURRY' -> ('hurry', [])."""
    parts = [p for p in word.split("_") if p]
    if not parts:
        return None
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    words = [p.lstrip("+").lower() for p in parts]
    if not all(_word_ok(w) for w in words):
        return None
    return words[head], [forms(w) for i, w in enumerate(words) if i != head]


def _pattern(body: str, out: Verbs, n: int) -> tuple[list[str], str] | None:
    """Pattern text (between '-' and the code) -> (cues, targets); None when nothing is left to match."""
    if "*" not in body:
        out.skips.append((n, "pattern without *", body.strip()))
        return None
    pre, post = body.split("*", 1)
    if pre.split():
        out.dropped["subject-side words"] += 1
    cues: list[str] = []
    targets = "-"
    for el in _ELEMENT.findall(post):
        group = el[0] in "({"
        # (a noun phrase inside a prepositional phrase: "(DURING {AIR RAID})" is "during air raid", not "during")
        inner = el[1:-1].replace("{", " ").replace("}", " ").split() if group else [el]
        if el.startswith("(") and "+" in inner and inner[0] not in ("+", "$"):
            targets = inner[0].lower()
        for w in inner:
            if w in MARKERS:
                if not (w == "+" and targets != "-"):
                    out.dropped[MARKERS[w]] += 1
                continue
            if w.startswith("&"):
                name = w[1:].rstrip("_")
                if out.classes.get(name):
                    cues.append("@" + name)
                else:
                    out.dropped["unknown synonym sets"] += 1
                continue
            if w.lower().strip("_") in DETERMINERS:
                continue
            if not _word_ok(w.strip("_")):
                out.dropped["unreadable words"] += 1
                continue
            cues.append(forms(w))
    if len(cues) > 1:
        out.dropped["word order"] += 1
    cues = list(dict.fromkeys(cues))
    if not cues:
        out.skips.append((n, "nothing left to match after the verb", body.strip()))
        return None
    return cues, targets


def read(text: str) -> Verbs:
    out = Verbs()
    block_code: str | None = None
    verbs: list[tuple[str, list[str], int]] = []      # (lemma, particle cues, line) of the current block
    in_set: str | None = None
    seen: set = set()

    def add(row: Row):
        if row.key() in seen:
            out.dropped["duplicate rows (first kept)"] += 1
            return
        seen.add(row.key())
        out.rows.append(row)

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not raw.strip():
            in_set = None   # a blank line ends a synonym set; a comment line does not
            continue
        if not line.strip():
            continue
        if line.startswith("&"):
            in_set = line[1:].strip().rstrip("_")
            out.classes.setdefault(in_set, [])
            continue
        if in_set is not None and line.startswith("+"):
            w = line[1:].strip().strip("_")
            if _word_ok(w):
                out.classes[in_set].append(forms(w))
            else:
                out.dropped["multi-word synonyms"] += 1
            continue
        in_set = None
        m = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])", line)
        if m:
            out.blocks += 1
            block_code = _code(m.group(2))[0]
            verbs = []
            continue
        if line.startswith("~"):
            out.skips.append((n, "transformation rule", line.strip()))
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*(\[[^\]]*\])\s*$", line)
            if not m or not verbs:
                out.skips.append((n, "pattern without a code" if verbs else "pattern outside a verb block",
                                  line.strip()))
                continue
            out.patterns += 1
            code, why = _code(m.group(2))
            if code is None:
                out.skips.append((n, why, line.strip()))
                continue
            got = _pattern(m.group(1), out, n)
            if got is None:
                continue
            cues, targets = got
            for lemma, particles, _ in verbs:
                add(Row(lemma, tuple(particles + [c for c in cues if c not in particles]), code, targets, n))
            continue
        # a verb line: WORD [{forms}] [[code]]
        m = re.match(r"^([^\s\[{;]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*(;.*)?$", line.strip())
        got = _verb(m.group(1)) if m else None
        if got is None or block_code is None and not verbs and out.blocks == 0:
            out.skips.append((n, "not a verb, pattern or synonym line", line.strip()))
            continue
        lemma, particles = got
        out.verbs += 1
        verbs.append((lemma, particles, n))
        code = _code(m.group(3))[0] if m.group(3) else block_code
        if code:
            add(Row(lemma, tuple(particles), code, "-", n))
    # unused synonym sets are not written
    used = {c[1:] for r in out.rows for c in r.cues if c.startswith("@")}
    out.classes = {k: v for k, v in out.classes.items() if k in used and v}
    return out


def is_verb_dictionary(text: str) -> bool:
    return bool(re.search(r"(?m)^---\s+\S+\s+\[[^\]]*\]", text))
