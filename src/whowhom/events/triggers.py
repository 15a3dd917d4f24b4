"""Trigger matching: the words whose patterns (events/patterns.py) match a token and the cues in its clause,
the most specific pattern first."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

from whowhom.events import patterns, roles
from whowhom.events.attribution import date_phrase

TRIGGER_WORDS = "whowhom_trigger_words"  # Doc.user_data key of EventCoder.trigger_words()
# Dependents searched for cues, never crossing into another clause.
CUE_DEPS = {"dobj", "prep", "pobj", "prt", "dative", "attr", "acomp", "oprd", "amod", "compound", "det", "neg",
            "nummod", "advmod", "intj", "npadvmod", "conj", "nmod", "appos", "poss", "pcomp"}
FUNCTION_CUES = {"to", "on", "in", "at", "for", "with", "from", "by", "of", "up", "down", "off", "out", "over",
                 "into", "against", "about", "upon", "the", "a", "an", "that", "as", "back", "away"}


def _specificity(pat) -> tuple:
    """Rows whose cues name content words ("call off a strike") before rows whose cues are only
    prepositions ("demand ... on"), which match by chance; whowhom's own rows before imported ones."""
    content = sum(1 for cue in pat.cues if not cue <= FUNCTION_CUES)
    return (-content, pat.source != "triggers.tsv", -len(pat.cues))


def _scope(tok: Token, depth: int = 4) -> list[Token]:
    """Dependents of the trigger within its own clause (for cues and code refinement)."""
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                # (a date phrase is no cue: "On Monday, X called Y" is no "call on")
                # (an adjective with no subject of its own completes the verb: "let free", "set free")
                small = c.dep_ == "ccomp" and c.pos_ == "ADJ" and not any(g.dep_ == "nsubj" for g in c.children)
                if (c.dep_ in CUE_DEPS or small) and not (c.pos_ == "VERB" and c.dep_ != "pcomp") \
                        and not date_phrase(c):
                    out.append(c)
                    nxt.append(c)
        frontier = nxt
    return out


def scope_of(tok: Token) -> list[Token]:
    """The trigger's scope, as match gives it with its pattern."""
    return _scope(tok)


def _words(tokens) -> list[tuple[str, str, int]]:
    """(lemma, lower-case form, index) of each token, as _cues_found reads them."""
    return [(t.lemma_.lower(), t.lower_, t.i) for t in tokens]


def _cues_found(pat, words: list[tuple[str, str, int]], present: set[str]) -> set[int] | None:
    """The tokens (of the trigger's scope: lemma, lower-case form, index) that meet each cue of the
    pattern, or None when a cue is not met. `present`, the words' lemmas and forms as a set, answers that
    at once for most of a word's patterns (a trigger word has up to hundreds)."""
    for cue in pat.cues:  # (a loop, not any(): this runs for every pattern of every trigger word)
        if cue.isdisjoint(present):
            return None
    used: set[int] = set()
    for cue in pat.cues:
        hit = next((i for lemma, lower, i in words if lemma in cue or lower in cue), None)
        if hit is None:
            return None
        used.add(hit)
    return used


def _present(words: list[tuple[str, str, int]]) -> set[str]:
    return {w for lemma, lower, _ in words for w in (lemma, lower)}


class Matcher:
    """The pattern table, the most specific pattern of each word first, and matching a token against it."""

    def __init__(self):
        self.patterns = {k: sorted(v, key=_specificity) for k, v in patterns.patterns().items()}
        self._has_patterns: dict[tuple, bool] = {}  # (POS, lemma, lower-case form) -> any patterns

    def trigger_words(self, doc: Doc) -> list[int]:
        """The tokens whose word and part of speech have patterns: only they can match (match). Kept on
        the Doc for code_sentence; they read no entity label, so they hold before and after NER. (Read
        from the Doc's arrays, each kind of token looked up once: no Token object for most.)"""
        cache, found = self._has_patterns, []
        for i, key in enumerate(map(tuple, doc.to_array([POS, LEMMA, LOWER]).tolist())):
            has = cache.get(key)
            if has is None:
                has = bool(self.patterns_of(doc[i]))
                if len(cache) < 200_000:
                    cache[key] = has
            if has:
                found.append(i)
        doc.user_data[TRIGGER_WORDS] = found  # (in order)
        return found

    def could_match(self, tok: Token) -> bool:
        """Before NER: False only when no pattern of the token can match once NER has run. NER can only
        narrow a trigger's scope (a date phrase is no cue), so a cue missing now is missing then; but a
        "-" row matched now through a date phrase may not stop the search then, so it proves nothing."""
        words = _words(_scope(tok))
        present = _present(words)
        return any(pat.code != "-" and _cues_found(pat, words, present) is not None
                   for pat in self.patterns_of(tok) or ())

    def patterns_of(self, tok: Token):
        """The patterns of the token's lemma (else its form) and part of speech, or None."""
        kind = patterns.kind(tok.pos_)
        if not kind:
            return None
        return self.patterns.get((tok.lemma_.lower(), kind)) or self.patterns.get((tok.lower_, kind)) \
            or self.hyphened(tok)

    def hyphened(self, tok: Token):
        """A sponsor's participle at the end of a hyphened word ("u.s.-sponsored", "egypt-brokered"): its
        verb's patterns flagged `sponsor` (events/mediation.py); no other ("israeli-occupied" is no act). Such
        a word may name an actor too: the coder reads the sponsor in it."""
        for stem in patterns.hyphen_stems(tok.lower_):
            pats = [p for p in self.patterns.get((stem, "V"), ()) if "sponsor" in p.flags]
            if pats:
                return pats
        return None

    def match(self, tok: Token, without: str | None = None):
        """The first pattern of the token whose cues are met (of those not flagged `without`), as (pattern,
        scope, cue tokens); else None."""
        pats = self.patterns_of(tok)
        if pats and without:
            pats = [p for p in pats if without not in p.flags]
        if not pats:
            return None
        scope = _scope(tok)
        words = _words(scope)  # read once, not per pattern and cue
        present = _present(words)
        subject = subject_present = None
        for pat in pats:
            if "subjcue" in pat.flags:
                # the cues are met by who acts: "peacekeepers arrived in X", "troops began leaving X"
                if subject is None:
                    doer = roles.subject(tok)[0]
                    subject = [] if doer is None else _words([doer] + [
                        c for c in doer.children if c.dep_ in ("compound", "amod")])
                    subject_present = _present(subject)
                used = _cues_found(pat, subject, subject_present)
            else:
                used = _cues_found(pat, words, present)
            if used is not None:
                # a row coded "-" says the word is no event in that use ("left Paris", "faces charges")
                return (pat, scope, used) if pat.code != "-" else None
        return None


def refine(code: str, scope: list[Token]) -> str:
    """The code refined by the words of the trigger's scope (patterns.refinements)."""
    words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
    for _ in range(3):
        for cls, refined in patterns.refinements().get(code, []):
            if words & cls:
                code = refined
                break
        else:
            break
    return code
