"""Fast tests that decide which texts can give an event at all, so the parser and the named-entity
recognizer only run where they pay. Skipping what fails them changes no event.

Before the parse (`wants`, spaCy's tokenizer only, no model): an event needs, within one sentence, a
trigger word whose pattern cues are present, and (unless the coder keeps unresolved actors) an actor the
coder can index (a gazetteer name, or an agent word whose code is not a bare sector, unless the coder
keeps bare sectors). We test this over the whole text: a text with no actor or no usable trigger cannot
give an event, so skipping it changes nothing. We do not cut texts into sentences ourselves: the parse of
a sentence depends on its neighbours (the CNN's window, the parser's look-ahead, the sentence numbering),
and on news pages about one event in six changes when each sentence is parsed alone.

Trigger words are matched on every lemma spaCy's rule lemmatizer could give a token under any part of
speech (exceptions and suffix rules, read from the loaded model), and on the lemmas the attribute ruler
sets for that form ("gon" -> "go"), so irregular forms ("met", "struck") count. Actor names, triggers and
cues are read at run time from whowhom.actors and whowhom.events, so the filter follows the live
dictionaries.

After the parse, before NER (`triggered`): the coder's trigger test (lemma, part of speech, cues in the
trigger's clause), in the form that holds whatever NER then finds (EventCoder.could_match: entities only
take date phrases out of a clause), and a text with no trigger gives no event, so NER (about a third of
spaCy's time) runs only on texts that have one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from whowhom.actors.context import SECTORS
from whowhom.actors.gazetteer import case_ok
from whowhom.actors.loader import load as load_actors, norm
from whowhom.actors.plural import PAIR_NOUNS
from whowhom.events.patterns import hyphen_stems
from whowhom.nlp import words_of

# Tokens no inflection rule applies to; skipped when collecting lemma candidates (speed only).
_FUNCTION_CHARS = set(".,;:!?()[]{}\"'“”‘’«»-–—/\\|*&%$#@+=<>~^`")


class Prefilter:
    def __init__(self, nlp, coder):
        """`coder` is the EventCoder whose patterns and settings the filter must follow."""
        self.tokenizer = nlp.tokenizer
        self.coder = coder
        self.actors = load_actors()
        lookups = nlp.get_pipe("lemmatizer").lookups
        self.rules = [(old, new) for pos_rules in lookups.get_table("lemma_rules", {}).values()
                      for old, new in pos_rules]
        self.exc: dict[str, set[str]] = {}
        for table in lookups.get_table("lemma_exc", {}).values():
            for form, lemmas in table.items():
                self.exc.setdefault(form, set()).update(lemmas)
        self._ruled(nlp.get_pipe("attribute_ruler").patterns)
        self.triggers: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for (lemma, _pos), pats in coder.patterns.items():
            # (a row coded "-" makes no event, so it cannot let a text through)
            self.triggers.setdefault(lemma, []).extend(p.cues for p in pats if p.code != "-")
        # A coder that keeps unresolved actors ("the villagers", GDELT's blank actor) needs no known
        # actor in the text (a named entity it cannot code is enough): then only the trigger test applies.
        self.need_actor = not coder.unresolved
        # lemmas with a pattern that needs no cue: one of them is enough
        self.free = {lemma for lemma, cue_lists in self.triggers.items() if any(not c for c in cue_lists)}
        # agent words the coder indexes as actors: bare sectors ("police") only when the coder keeps them;
        # indexed by their first word, so a test looks only at the agents a text can hold
        bare = coder.bare_sectors
        self.agents: dict[str, list[tuple[str, ...]]] = {}
        for key, (sector, cameo) in self.actors.agents.items():
            if (sector or cameo) and (bare or (sector or "") not in SECTORS):
                self.agents.setdefault(key[0], []).append(key)
        self._lemma_cache: dict[str, set[str]] = {}

    def _ruled(self, patterns) -> None:
        """Lemmas the attribute ruler sets by pattern ("them" -> "they", "gon" in "gonna" -> "go"), by the
        lower-case form of the token they go to; a lemma whose token has no such constraint is always
        possibly present (`self.ruled`)."""
        self.ruled_forms: dict[str, set[str]] = {}
        self.ruled_regex: list[tuple[re.Pattern, str]] = []
        self.ruled: set[str] = set()
        for p in patterns:
            lemma = str(p["attrs"].get("LEMMA", "")).lower()
            if not lemma:
                continue
            i = p.get("index", 0)
            for pattern in p["patterns"]:
                spec = pattern[i].get("LOWER") if -len(pattern) <= i < len(pattern) else None
                if isinstance(spec, str):
                    self.ruled_forms.setdefault(spec, set()).add(lemma)
                elif isinstance(spec, dict) and set(spec) == {"IN"}:
                    for form in spec["IN"]:
                        self.ruled_forms.setdefault(form, set()).add(lemma)
                elif isinstance(spec, dict) and set(spec) == {"REGEX"}:
                    self.ruled_regex.append((re.compile(spec["REGEX"]), lemma))
                else:
                    self.ruled.add(lemma)

    # ------------------------------------------------------------------ lemmas
    def lemmas(self, text: str) -> set[str]:
        """Every lemma (lower case) the rule lemmatizer could give this token, and the token itself."""
        low = text.lower()
        got = self._lemma_cache.get(low)
        if got is not None:
            return got
        out = {low} | self.ruled_forms.get(low, set())
        out.update(hyphen_stems(low))  # ("u.s.-sponsored": the coder reads a sponsor's verb at the end)
        out.update(lemma for rx, lemma in self.ruled_regex if rx.search(low))
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
    def words(self, texts: list[str]) -> set[str]:
        words: set[str] = set(self.ruled)
        for text in texts:
            words |= self.lemmas(text)
        return words

    def has_actor(self, tokens: list[str], words: set[str]) -> bool:
        data = self.actors
        norms = [norm(t) for t in tokens]
        for i, first in enumerate(norms):
            for n in data.gaz_lens.get(first, ()):
                e = data.gaz.get(tuple(norms[i:i + n]))
                if e is not None and e.kind != "discard" and case_ok(e.surface, tokens[i:i + n]):
                    return True
            if "-" in first.strip("-"):  # "U.S.-Japanese": pieces of one token
                for piece in first.split("-"):
                    e = data.gaz.get((piece,))
                    if e is not None and e.kind not in ("discard", "leader"):
                        return True
        # a reference to a pair named before ("both countries", "the two sides": actors/plural.py)
        low = [t.lower() for t in tokens]
        if any(t in ("both", "two") and any(self.lemmas(n) & PAIR_NOUNS for n in low[i + 1:i + 3])
               for i, t in enumerate(low)):
            return True
        # agent words match by text or lemma, word by word ("defence ministries")
        normed = {norm(w) for w in words}
        return any(all(w in normed for w in key) for first in normed if first in self.agents
                   for key in self.agents[first])

    def has_trigger(self, words: set[str]) -> bool:
        # (a set's intersection with a dict walks the whole dict: look the words up instead)
        for lemma in [w for w in words if w in self.triggers]:
            if any(all(not cue.isdisjoint(words) for cue in cues) for cues in self.triggers[lemma]):
                return True
        return False

    def can_trigger(self, words: set[str]) -> bool:
        """A lemma whose pattern needs no cue, or a trigger with its cues."""
        return not self.free.isdisjoint(words) or self.has_trigger(words)

    def wants(self, text: str | Doc) -> bool:
        """False when the text (or its Doc, tokenized only) cannot give an event, whatever its parse."""
        if not text:  # (None, "" or a Doc of no tokens)
            return False
        tokens = words_of(self.tokenizer(text) if isinstance(text, str) else text)
        if not any(t.strip() for t in tokens):  # (only white space)
            return False
        words = self.words(tokens)
        return self.can_trigger(words) and (not self.need_actor or self.has_actor(tokens, words))

    def sentence_wants(self, sent: list[str]) -> bool:
        """For one sentence (its tokens' texts, not parsed): a usable trigger and a known actor (a
        gazetteer name or an indexed agent word), whatever the coder does with unknown ones."""
        words = self.words(sent)
        return self.can_trigger(words) and self.has_actor(sent, words)

    def triggered(self, doc) -> bool:
        """After the parse, before NER: False when no token can pass the coder's trigger test."""
        could = self.coder.could_match
        return any(could(doc[i]) for i in self.coder.trigger_words(doc))


@lru_cache(maxsize=2)
def get(nlp, coder) -> Prefilter:
    return Prefilter(nlp, coder)
