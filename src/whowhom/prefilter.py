"""A fast pass that decides which texts can give an event at all, so the parser only runs where it pays.

An event needs, within one sentence, a trigger word whose pattern cues are present, and (unless the
coder keeps unresolved actors) an actor the coder can index (a gazetteer name, or an agent word whose
code is not a bare sector). We test this with
spaCy's tokenizer only (no model), over the whole text: a text with no actor or no usable trigger
cannot give an event, so skipping it changes nothing. We do not cut texts into sentences ourselves: the
parse of a sentence depends on its neighbours (the CNN's window, the parser's look-ahead, the sentence
numbering), so coding a sentence alone would not give exactly the events of coding its section.

Trigger words are matched on every lemma spaCy's rule lemmatizer could give a token under any part of
speech (exceptions and suffix rules, read from the loaded model), so irregular forms ("met", "struck")
count. Actor names, triggers and cues are read at run time from whowhom.actors and whowhom.events, so
the filter follows the live dictionaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whowhom.actors.gazetteer import case_ok
from whowhom.actors.loader import load as load_actors, norm
from whowhom.events import patterns as event_patterns
from whowhom.events.coder import SECTORS

_WORD = re.compile(r"[^\W\d_]+")
# Tokens no inflection rule applies to; skipped when collecting lemma candidates (speed only).
_FUNCTION_CHARS = set(".,;:!?()[]{}\"'“”‘’«»-–—/\\|*&%$#@+=<>~^`")


class Prefilter:
    def __init__(self, nlp, coder=None):
        """`coder` is the EventCoder whose patterns and settings the filter must follow."""
        self.tokenizer = nlp.tokenizer
        self.actors = load_actors()
        lookups = nlp.get_pipe("lemmatizer").lookups
        self.rules = [(old, new) for pos_rules in lookups.get_table("lemma_rules", {}).values()
                      for old, new in pos_rules]
        self.exc: dict[str, set[str]] = {}
        for table in lookups.get_table("lemma_exc", {}).values():
            for form, lemmas in table.items():
                self.exc.setdefault(form, set()).update(lemmas)
        # lemmas the attribute ruler sets by pattern: treat them as always possibly present
        ruled = {str(p["attrs"].get("LEMMA", "")).lower() for p in nlp.get_pipe("attribute_ruler").patterns}
        self.triggers: dict[str, list[tuple[frozenset[str], ...]]] = {}
        pats_by_key = coder.patterns if coder is not None else event_patterns.patterns()
        for (lemma, _pos), pats in pats_by_key.items():
            self.triggers.setdefault(lemma, []).extend(p.cues for p in pats)
        # A coder that keeps unresolved actors ("the villagers", GDELT's blank actor) needs no known
        # actor in the text: then only the trigger test applies.
        self.need_actor = not getattr(coder, "unresolved", False)
        # lemmas with a pattern that needs no cue: one of them is enough, so the scan can stop early
        self.free = {lemma for lemma, cue_lists in self.triggers.items() if any(not c for c in cue_lists)}
        self.ruled = ruled
        # agent words the coder indexes as actors: bare sectors ("police") only when the coder keeps them
        bare = getattr(coder, "bare_sectors", False)
        self.agents = {key for key, (sector, cameo) in self.actors.agents.items()
                       if (sector or cameo) and (bare or (sector or "") not in SECTORS)}
        self._lemma_cache: dict[str, set[str]] = {}

    # ------------------------------------------------------------------ lemmas
    def lemmas(self, text: str) -> set[str]:
        """Every lemma (lower case) the rule lemmatizer could give this token, and the token itself."""
        low = text.lower()
        got = self._lemma_cache.get(low)
        if got is not None:
            return got
        out = {low}
        if low[:1] not in _FUNCTION_CHARS:
            out |= self.exc.get(low, set())
            for old, new in self.rules:
                if low.endswith(old):
                    form = low[: len(low) - len(old)] + new
                    if form:
                        out.add(form)
        if len(self._lemma_cache) < 200_000:
            self._lemma_cache[low] = out
        return out

    # ------------------------------------------------------------------ tests
    def words(self, doc) -> set[str]:
        words: set[str] = set(self.ruled)
        for t in doc:
            words |= self.lemmas(t.text)
        return words

    def has_actor(self, doc, words: set[str]) -> bool:
        data = self.actors
        norms = [norm(t.text) for t in doc]
        for i, first in enumerate(norms):
            for n in data.gaz_lens.get(first, ()):
                e = data.gaz.get(tuple(norms[i:i + n]))
                if e is not None and e.kind != "discard" and case_ok(e.surface, doc[i:i + n]):
                    return True
            if "-" in first.strip("-"):  # "U.S.-Japanese": pieces of one token
                for piece in first.split("-"):
                    e = data.gaz.get((piece,))
                    if e is not None and e.kind not in ("discard", "leader"):
                        return True
        # agent words match by text or lemma, word by word ("defence ministries")
        normed = {norm(w) for w in words}
        return any(all(w in normed for w in key) for key in self.agents)

    def has_trigger(self, words: set[str]) -> bool:
        for lemma, cue_lists in self.triggers.items():
            if lemma in words and any(all(words & cue for cue in cues) for cues in cue_lists):
                return True
        return False

    def wants(self, text: str) -> bool:
        """False when the text cannot give an event, whatever its parse."""
        if not text or not text.strip():
            return False
        if not self.need_actor and self._free_trigger(text):
            return True  # (a word may look like a trigger and not be one: that only costs a parse)
        doc = self.tokenizer(text)
        if not self._free_trigger(doc):
            words = self.words(doc)
            if not self.has_trigger(words):
                return False
        else:
            words = None
        if not self.need_actor:
            return True
        return self.has_actor(doc, words if words is not None else self.words(doc))

    def _free_trigger(self, doc_or_text) -> bool:
        free = self.free
        words = _WORD.findall(doc_or_text) if isinstance(doc_or_text, str) else (t.text for t in doc_or_text)
        return any(not free.isdisjoint(self.lemmas(w)) for w in words)


@lru_cache(maxsize=2)
def get(nlp, coder) -> Prefilter:
    return Prefilter(nlp, coder)
