"""The headline, the section label above it, the byline and the page's own date, found around the start
of the body."""

from __future__ import annotations

import re

from whowhom.page.dates import TIME, find_date
from whowhom.page.lines import Unit, norm


def title_anchor(units: list[Unit]) -> int | None:
    """The first line after the top that repeats the dump's first line (the page's <title>), if any."""
    first = norm(units[0].text) if units else ""
    for i in range(1, len(units) // 2 + 1):
        t = norm(units[i].text)
        if units[i].words >= 3 and t in first and len(t) >= 0.4 * len(first) and not units[i].cue:
            return i
    return None


def headline(units: list[Unit], start: int) -> int | None:
    if start <= 0:
        return None
    # The page's <title> often opens a dump ("Headline | Site"); the line repeating it is the headline.
    first = norm(units[0].text)
    for i in range(start - 1, 0, -1):
        t = norm(units[i].text)
        if units[i].words >= 3 and t and t in first and not units[i].cue:
            return i
    for i in range(start - 1, max(-1, start - 12), -1):
        u = units[i]
        if u.cue or u.text.endswith((".", "…")) or u.words < 3 or u.namelike or u.zone != "page" or _dated(u.text):
            continue
        if u.words <= 30:
            return i
    return None


def section_label(units: list[Unit], head: int | None) -> int | None:
    """A short label just above the headline ("Eastern Europe", "World News"), dates and bylines between."""
    i = (head or 0) - 1
    while i >= 0 and units[i].cue in ("date", "byline"):
        i -= 1
    if head is not None and i >= 0 and not units[i].cue and units[i].words <= 3 and (units[i].titleish or units[i].namelike):
        return i
    return None


DATELINE = 50  # characters at the start of the article where its dateline may give the date


def byline_and_date(units: list[Unit], head: int | None, start: int) -> tuple[str | None, str | None]:
    lo = max(0, (head if head is not None else start) - 3)
    author = date = None
    first_body = next((i for i, u in enumerate(units) if u.label == "body"), None)
    for i in range(lo, min(len(units), start + 3)):
        u = units[i]
        if i == first_body and date is None and (found := find_date(u.text[:DATELINE])):
            date = found[0]  # "16 January 2008 - The Security Council today...": the article's dateline
        if u.label in ("body", "comment", "comment_meta") and u.words > 20:
            continue
        if u.zone != "page" and u.cue not in ("date", "byline") or (u.label == "body" and u.words > 20):
            continue  # (a date line under the headline counts even where a list of links went before it)
        if date is None and (found := find_date(u.text)):
            date = found[0]
            if u.label in ("boilerplate", "navigation", "section"):
                u.label = "date"
        if author is None and u.cue == "byline":
            author = _author_from(u.text)
        if u.label == "byline" and not _author_from(u.text) and find_date(u.text):
            u.label = "date"  # "Published 6 March 2021": a date line, no name in it
    return author, date


def _author_from(text: str) -> str | None:
    m = re.search(r"(?:^|\b)(?:author\s*:|by\b\s*:?)\s*(.+)$", text, re.I)
    if not m or not m.group(1)[:1].isupper():
        return None
    name = re.split(r"\s+[|•·–—-]\s+|,\s*|\s+(?:on|at|in|for)\s+|\s+(?=\d)", m.group(1))[0]
    date = find_date(name)
    name = name[:date[1]] if date else name
    return name.strip(" |•·-–—,") or None


def _dated(text: str) -> bool:
    """A line with a date or a clock time: the line under a headline, not a headline."""
    return bool(find_date(text) or TIME.search(text))
