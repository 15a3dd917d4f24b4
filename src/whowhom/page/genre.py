"""What kind of story a page tells: sport or show business, whose verbs ("Real Madrid are prepared to pay
for Ronaldo", "the coach resigned", "Perry challenged the fans") are no political acts however the coder
reads them, or news (None). Read from the body's words (data/page/genres.tsv): a story of sport or show
business is one where at least MIN_WORDS of its words, and a share of SHARE of them, are the genre's, or a brief
dense with them (BRIEF_WORDS, BRIEF_SHARE)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MIN_WORDS = 5
SHARE = 0.012  # (news pages that mention a match or a film in passing stay well under it)
# a brief too short for MIN_WORDS is the genre's when it is dense with its words ("Chelsea are hoping to
# complete the signing of Anelka ... strikers ... Cup": 4 of 67 words)
BRIEF_WORDS, BRIEF_SHARE = 3, 0.04
# words of the genre that news uses as often ("the signing of a final agreement", "the transfer of power"): a
# brief needs one word besides these ("strikers", "NFL", "rebounds")
COMMON = {"signing", "final", "finals", "transfer", "match", "matches", "season", "club", "clubs", "coach", "coaches",
          "goals", "scored", "league", "cup", "medal", "medals", "racing", "player", "players", "tournament",
          "championship", "championships", "stadium", "squad", "fixture", "fixtures", "film", "films", "album",
          "concert", "premiere"}
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
    found = {name: [w for w in words if w in vocab] for name, vocab in _genres().items()}
    name, hits = max(found.items(), key=lambda kv: len(kv[1]))
    n, share = len(hits), len(hits) / len(words)
    brief = n >= BRIEF_WORDS and share >= BRIEF_SHARE and any(w not in COMMON for w in hits)
    return name if n >= MIN_WORDS and share >= SHARE or brief else None
