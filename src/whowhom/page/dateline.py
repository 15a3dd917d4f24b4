"""The dateline that opens a news story ("OTTAWA -", "BERLIN --", "PARIS, Jan 8 (Reuters) -", "GAZA CITY,
Gaza Strip (AP) -"): where the report was filed. It is no part of the first sentence (nlp.py ends a sentence after
it) and never an actor (actors.article)."""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*)*(?:,\s*[A-Z][A-Za-z.'’\-]*(?:\s+[A-Za-z.'’\-]+){0,3})?)"
    r"(?:,?\s*(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r",?\s*(?:\((?:[A-Z][A-Za-z.]*\s*){1,4}\))?\s*(?:--\s|[-–—:?|]\s|[-–—?](?=[A-Z]))")  # ("BERLIN -- ")


def dateline_end(text: str) -> int:
    """Characters of the dateline that opens a story ("GAZA CITY, Gaza Strip ? ", "PARIS, Jan 8 (Reuters) -
    "): 0 where there is none. The place must be written in capitals, or be followed by a news agency in
    brackets, as datelines are; a sentence that happens to start with a name and a dash is not one."""
    m = DATELINE.match(text[:160])
    if not m:
        return 0
    head = text[:m.end()]
    place = re.split(r"[,(\-–—:?|]", head, maxsplit=1)[0].strip()
    letters = [c for c in place if c.isalpha()]
    if not letters:
        return 0
    capitals = sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) >= 3
    agency = "(" in head
    return m.end() if capitals or agency else 0


def datelines(text: str) -> list[tuple[int, int]]:
    """The datelines of a body: at the start of one of its first paragraphs (a caption or a standfirst
    may come first), or of a later one that the page's anatomy let in before the story."""
    out, at = [], 0
    for n, line in enumerate(text.split("\n")):
        # (further down, only the full form, "PLACE, Country -" or with a news agency, is taken for one)
        if (end := dateline_end(line)) and (n < 12 or "," in line[:end] or "(" in line[:end]):
            out.append((at, at + end))
        at += len(line) + 1
    return out
