"""The CAMEO ontology: code names, Goldstein weights, GDELT QuadClass and Phoenix penta class.

Tables live in data/cameo/ (sources in data/cameo/SOURCES.md)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


def _table(name: str) -> dict[str, str]:
    path = resources.files("whowhom.data") / "cameo" / name
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        return {row[0].strip(): row[1].strip() for row in rows if len(row) >= 2}


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    return _table("eventcodes.tsv")


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    return {code: float(w) for code, w in _table("goldstein.tsv").items()}


def root(code: str) -> str:
    return code[:2]


def is_code(code: str) -> bool:
    return code in names()


def name(code: str) -> str:
    return names().get(code, "")


def goldstein(code: str) -> float:
    """Goldstein weight of the code, falling back to its parent codes."""
    table = _goldstein()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return 0.0


def quad_class(code: str) -> int:
    """GDELT QuadClass: 1 verbal coop (01-05), 2 material coop (06-09), 3 verbal conflict (10-14),
    4 material conflict (15-20)."""
    r = int(root(code))
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def penta(code: str) -> int:
    """Phoenix penta class: 0 statements/appeals (01-02), 1 verbal coop (03-05), 2 material coop (06-08),
    3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20)."""
    r = int(root(code))
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4
