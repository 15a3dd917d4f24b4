"""Dates as pages write them ("March 6, 2021", "6 Mar 2021", "2021-03-06", "12/30/2007") turned into ISO
YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, ms in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for m in ms}

_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A clock time or a relative one ("10:08 am", "3 hours ago", "yesterday"): how comments and wires are stamped.
TIME = re.compile(r"\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b|\b\d+\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b|\b(yesterday|today)\b", re.I)
PATTERNS = [
    re.compile(rf"\b{_YEAR}[-/.](?P<num>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),         # 2021-03-06, 2021/3/6
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),              # March 6, 2021
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),    # 6 March 2021
    re.compile(rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.]{_YEAR}\b"),        # 12/30/2007, 30.12.2007
]


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in text: (iso, start, end), or None."""
    best = None
    for pat in PATTERNS:
        for m in pat.finditer(text):
            iso = _iso(m)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
            if iso:
                break
    return best


def to_iso(text: str) -> str | None:
    found = find_date(text)
    return found[0] if found else None


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("a"):
        # day and month by number: only where one of them cannot be a month (12/30/2007, 30/12/2007);
        # 01/08/2008 is January in America and August in Europe, so it is no date here
        a, b = int(g["a"]), int(g["b"])
        if (a > 12) == (b > 12):
            return None
        g = {"year": g["year"], "num": min(a, b), "day": max(a, b)}
    month = int(g["num"]) if g.get("num") else MONTHS.get(g["mon"].lower().rstrip("."))
    try:
        return date(int(g["year"]), month, int(g["day"])).isoformat()
    except (TypeError, ValueError):
        return None
