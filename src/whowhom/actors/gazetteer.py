"""Token-level gazetteer matching over a spaCy Doc (longest, non-overlapping, case-aware).

Patterns are stored pre-tokenised (spaCy English tokenizer), so matching is a dict look-up of normalised
token tuples; this is what a PhraseMatcher(attr="LOWER") does, with no matcher to build at start-up, plus
a case check: a pattern word written with a capital never matches an all-lower-case word ("turkey",
"china plates"), and short all-capital acronyms ("US", "UN", "SCO") must be upper case in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.tokens import Doc

from whowhom.actors.loader import ActorData, Entry, norm
from whowhom.nlp import words_of


@dataclass(slots=True)
class Hit:
    start: int          # token indices in the Doc
    end: int
    entry: Entry | None  # gazetteer entry, or None for an agent (sector) word
    sector: str | None = None
    cameo: str = ""
    code: str = ""       # resolved code (leaders: by date)
    country: str | None = None
    char_start: int | None = None   # set when the hit is part of one token ("U.S.-Japanese")
    char_end: int | None = None


def case_ok(surface: tuple[str, ...], tokens) -> bool:
    for k, (pat, tok) in enumerate(zip(surface, tokens)):
        text = tok if isinstance(tok, str) else tok.text
        if not pat[:1].isupper() or k and surface[k - 1] == "-":
            continue  # (the part after a hyphen is written either way: "Ban Ki-moon", "Ki-Moon")
        if text.islower():
            return False
        letters = [c for c in pat if c.isalpha()]
        if pat.isupper() and 2 <= len(letters) <= 3 and not text.isupper():
            return False
    return True


def match_gazetteer(data: ActorData, toks: Doc, lo: int, hi: int, keep=None) -> list[tuple[int, int, Entry]]:
    """All candidate matches in [lo, hi) of the Doc `toks` that `keep` accepts, then the longest
    non-overlapping ones."""
    norms = [norm(w) for w in words_of(toks)[lo:hi]]
    cands = []
    for i, first in enumerate(norms):
        for n in data.gaz_lens.get(first, ()):
            if i + n > len(norms):
                continue
            e = data.gaz.get(tuple(norms[i:i + n]))
            if e is not None and case_ok(e.surface, toks[lo + i: lo + i + n]) and (keep is None or keep(e)):
                cands.append((lo + i, lo + i + n, e))
                break
    return _select(cands)


def _names(entry) -> int:
    """How many words of a gazetteer pattern are names (capitalised); agent words have none."""
    surface = getattr(entry, "surface", ()) if not isinstance(entry, tuple) else ()
    return sum(1 for w in surface if w[:1].isupper())


def match_agents(data: ActorData, toks: Doc, lo: int, hi: int, taken: set[int]) -> list[tuple[int, int, tuple]]:
    forms = []
    strings = toks.vocab.strings
    for word, lemma in zip(words_of(toks)[lo:hi], (strings[h] for h in toks.to_array(LEMMA)[lo:hi].tolist())):
        f = {norm(word)}
        if lemma:
            f.add(norm(lemma))
        forms.append(f)
    cands = []
    for i in range(len(forms)):
        if lo + i in taken:
            continue
        best = None
        for first in forms[i]:
            for n in data.agent_lens.get(first, ()):
                if i + n > len(forms) or any(lo + j in taken for j in range(i, i + n)):
                    continue
                if best and n <= best[1] - best[0]:
                    break
                val = _agent_lookup(data, forms[i:i + n])
                if val is not None:
                    best = (lo + i, lo + i + n, val)
                    break
        if best:
            cands.append(best)
    return _select(cands)


def _agent_lookup(data, forms):
    """Each word may match by its text or its lemma ("armed forces", "defence ministries")."""
    combos = [()]
    for f in forms:
        combos = [c + (x,) for c in combos for x in f]
        if len(combos) > 64:
            return None
    for c in combos:
        v = data.agents.get(c)
        if v is not None:
            return v
    return None


def _select(cands):
    # longest first; of two as long, the one with more names in it ("West Bank" over "the West")
    cands.sort(key=lambda c: (-(c[1] - c[0]), -_names(c[2]), c[0]))
    used: set[int] = set()
    out = []
    for c in cands:
        if any(i in used for i in range(c[0], c[1])):
            continue
        used.update(range(c[0], c[1]))
        out.append(c)
    out.sort(key=lambda c: c[0])
    return out
