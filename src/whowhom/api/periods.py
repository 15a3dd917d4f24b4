"""Periods of a dyad series and the first and last day each one covers."""

from __future__ import annotations

import re
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "year")  # as the store's dyad() groups


def bounds(period: object, by: str) -> tuple[str, str]:
    """(since, until), ISO dates, of the period labelled `period` ("2023-03-01", "2023-03",
    "2023-W09", "2023", or a date)."""
    start = _start(str(period)[:10] if isinstance(period, date) else str(period))
    if by == "day":
        end = start
    elif by == "week":
        end = start + timedelta(days=6)
    elif by == "month":
        end = _add_months(start, 1) - timedelta(days=1)
    elif by == "year":
        end = date(start.year, 12, 31)
    else:
        raise ValueError(f"unknown period {by!r} (expected one of {', '.join(PERIODS)})")
    return start.isoformat(), end.isoformat()


def _start(label: str) -> date:
    label = label.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", label):
        return date(*map(int, m.groups()))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        return date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-?W(\d{2})", label):
        return date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if re.fullmatch(r"\d{4}", label):
        return date(int(label), 1, 1)
    raise ValueError(f"unrecognised period {label!r}")


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)
