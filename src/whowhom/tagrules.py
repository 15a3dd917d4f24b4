"""The model's attribute_ruler (tag -> POS and morphology, plus a few word exceptions), applied without
spaCy's Matcher. The Matcher tries all 179 patterns at every token and costs as much as the parser on the
text ingest parses; here each token looks up only the patterns its tag, word or dependency can start, and
the result is the same: the patterns are matched on the parsed tokens first, then their attributes are
set in pattern order (later patterns win), as AttributeRuler.set_annotations does
(tests/test_tagrules.py checks token by token).

The model's rule lemmatizer is wrapped too (Lemmas): its result depends only on a token's form, part of
speech and morphology, but spaCy caches it only for some tokens and reads each token through Python
objects; Lemmas caches every (form, POS, morphology) and sets the lemmas of a Doc as one array."""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _test(key: str, value):
    """A predicate over a token's (tag, lower, dep, is_space) for one key of a Matcher token pattern."""
    at = _FIELDS[key]
    if not isinstance(value, dict):
        return lambda tok: tok[at] == value
    if set(value) == {"IN"}:
        within = frozenset(value["IN"])
        return lambda tok: tok[at] in within
    if set(value) == {"NOT_IN"}:
        without = frozenset(value["NOT_IN"])
        return lambda tok: tok[at] not in without
    if set(value) == {"REGEX"}:
        found = re.compile(value["REGEX"]).search
        return lambda tok: bool(found(tok[at]))
    raise ValueError(f"unsupported attribute_ruler predicate {key}: {value}")


def _keys(spec: dict) -> tuple[int, list] | None:
    """The field and values a token must have for a pattern to start there, to index the pattern."""
    for key in ("TAG", "LOWER", "DEP"):
        value = spec.get(key)
        if isinstance(value, str):
            return _FIELDS[key], [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return _FIELDS[key], list(value["IN"])
    return None


class TagRules:
    """Stands in for an AttributeRuler: same patterns, same attributes, same order."""

    def __init__(self, ruler) -> None:
        self.patterns = ruler.patterns  # as AttributeRuler.patterns (the prefilter reads them)
        self.index: dict[tuple[int, str], list] = {}   # single-token patterns, by what they need
        self.anywhere: list = []
        self.longer: dict[tuple[int, str], list] = {}  # patterns over several tokens, by their first
        self.longer_anywhere: list = []
        for k, entry in enumerate(self.patterns):
            for pattern in entry["patterns"]:
                if any("OP" in spec or set(spec) - set(_FIELDS) for spec in pattern):
                    raise ValueError(f"unsupported attribute_ruler pattern {pattern}")
                tests = [[_test(key, value) for key, value in spec.items()] for spec in pattern]
                rule = (k, tests, ruler.attrs[k], ruler.indices[k])
                index, anywhere = (self.index, self.anywhere) if len(pattern) == 1 else \
                    (self.longer, self.longer_anywhere)
                keys = _keys(pattern[0])
                if keys is None:
                    anywhere.append(rule)
                for value in (keys[1] if keys else []):
                    index.setdefault((keys[0], value), []).append(rule)
        self.strings = ruler.vocab.strings
        self.cache: dict[tuple, tuple] = {}  # a token's (tag, lower, dep, is_space) hashes -> _rules

    def _candidates(self, index: dict, anywhere: list, tok: tuple) -> list:
        return [*index.get((0, tok[0]), ()), *index.get((1, tok[1]), ()), *index.get((2, tok[2]), ()), *anywhere]

    def _rules(self, key: tuple) -> tuple[list, list]:
        """For a token's key: the single-token rules it matches, in order, and the longer rules whose
        first token it matches."""
        strings = self.strings
        tok = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        single = [(k, attrs) for k, tests, attrs, _ in self._candidates(self.index, self.anywhere, tok)
                  if all(test(tok) for test in tests[0])]
        longer = [rule for rule in self._candidates(self.longer, self.longer_anywhere, tok)
                  if all(test(tok) for test in rule[1][0])]
        return sorted(single, key=lambda r: r[0]), longer

    def __call__(self, doc: Doc) -> Doc:
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        cache = self.cache
        found = [cache[key] if key in cache else cache.setdefault(key, self._rules(key)) for key in keys]
        rules = [single for single, _ in found]
        toks = None
        for i, (_, longer) in enumerate(found):
            for k, tests, attrs, at in longer:
                if toks is None:
                    strings = self.strings
                    toks = [(strings[t], strings[lo], strings[d], bool(s)) for t, lo, d, s in keys]
                if i + len(tests) <= len(toks) and all(
                        test(toks[i + j]) for j, spec in enumerate(tests) for test in spec):
                    target = i + at if at >= 0 else i + len(tests) + at
                    rules[target] = sorted([*rules[target], (k, attrs)], key=lambda r: r[0])
        for i, matched in enumerate(rules):
            if matched:
                tok = doc[i]
                for _, attrs in matched:
                    set_token_attrs(tok, attrs)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def use_tag_rules(nlp: Language) -> Language:
    """Swap the model's attribute_ruler for TagRules and its rule lemmatizer for Lemmas (same names, same
    places in the pipeline)."""
    for name, stand_in in (("attribute_ruler", TagRules), ("lemmatizer", Lemmas)):
        if name not in nlp.component_names or (name == "lemmatizer" and nlp.get_pipe(name).mode != "rule"):
            continue
        # (Language has no public way to swap a component's object under its name; _components is that list)
        i = nlp.component_names.index(name)  # disabled ones (senter) count too
        nlp._components[i] = (name, stand_in(nlp.get_pipe(name)))
    return nlp


class Lemmas:
    """Stands in for the rule Lemmatizer: the same lemma for every token (its own lemmatize() computes
    each new form), cached by (form, POS, morphology); tokens that already have a lemma keep it."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lookups = lemmatizer.lookups  # (the prefilter reads the lemmatizer's tables)
        self.mode = lemmatizer.mode
        self.overwrite = lemmatizer.overwrite
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([LEMMA, ORTH, POS, MORPH])
        lemmas = rows[:, 0].copy()
        cache, changed = self.cache, False
        for i, (lemma, orth, pos, morph) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            got = cache.get(key)
            if got is None:
                got = cache[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)
