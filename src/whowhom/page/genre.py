"""What kind of story a page tells: sport or show business, whose verbs ("Real Madrid are prepared to pay
for Ronaldo", "the coach resigned", "Perry challenged the fans") are no political acts however the coder
reads them, or news (None). Read from the body's words (data/page/genres.tsv): a story of sport or show
business is one where at least MIN_WORDS of its words, and a share of SHARE of them, are the genre's."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MIN_WORDS = 5
SHARE = 0.012  # (news pages that mention a match or a film in passing stay well under it)
_WORD = re.compile(r"[a-z][a-z-]+")


@lru_cache(maxsize=1)
def _genres() -> dict[str, frozenset[str]]:
    text = resources.files("whowhom").joinpath("data", "page", "genres.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {name: frozenset(words.split()) for name, words in rows}


def genre(body: str) -> str | None:
    """"sport" or "show" for a story of sport or show business, else None."""
    words = _WORD.findall((body or "").lower())
    if not words:
        return None
    counts = {name: sum(w in vocab for w in words) for name, vocab in _genres().items()}
    name, n = max(counts.items(), key=lambda kv: kv[1])
    return name if n >= MIN_WORDS and n / len(words) >= SHARE else None
