"""Dyad series, the most active dyads and actor counts for the server, each a query of the store's
dyad_days table (per source, target, day, modality and QuadClass), made when asked for.

A series reads only the rows of its dyad (Dyads(st, dyad=(a, b))) and is put together with numpy; the most
active dyads and actor counts are aggregates of the whole table, small answers the server keeps for its
lifetime (the store cannot change while the server holds it open read-only). A server over a small store
holds the whole table (Dyads(st), about 60 bytes a row) and answers series from it on the event loop in a
fraction of a millisecond; over a big one it holds nothing of it, so it starts at once whatever the size.
A confidence floor or a choice of sections is not in the table: then the same counts are computed from the
events that meet them.
The answers are those of Store.dyad() and Store.actors() (tests/test_api.py compares them)."""

from __future__ import annotations

from bisect import bisect_left
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

import numpy as np

from whowhom.events.event import MODALITIES
from whowhom.store import Store
from whowhom.store.sql import DYAD_INCLUDED, PLACED

NO_DAY = np.iinfo(np.int32).min  # events without a date count for actors, never in a series
CENT = Decimal("0.01")
SUMS = ("events", "scored", "milli", "q1", "q2", "q3", "q4")  # the columns of Dyads.sums
COARSE = {"day": 0, "month": 1, "year": 2}
# What a series row's events are, each drawn in its own colour: news (headline and article) by modality,
# and readers' comments (any modality) apart.
KINDS = (*MODALITIES, "comment")
TOP = 100  # the most active dyads an answer may list


class Dyads:
    def __init__(self, st: Store, min_confidence: float | None = None, sections: Sequence[str] | None = None,
                 dyad: tuple[str, str] = ("", "")):
        """The rows of the store's dyad_days table between the codes starting with dyad's a and b, either
        way (all rows by default); with min_confidence or sections, the same counts over the events at least
        that confident, in those sections."""
        table, params = st.counts_table(min_confidence, sections or None)
        a, b = dyad
        where = ("(starts_with(source, ?) AND starts_with(coalesce(target, ''), ?)) OR "
                 "(starts_with(source, ?) AND starts_with(coalesce(target, ''), ?))")
        # per-batch rows summed; goldstein in exact thousandths; days as days since 1970-01-01
        rows = st.con.execute(
            "SELECT source, target, coalesce(datediff('day', DATE '1970-01-01', day), ?) AS day, modality, "
            "background, comment, coalesce(\"precision\", 'day') AS \"precision\", "
            "sum(events)::BIGINT AS events, sum(scored)::BIGINT AS scored, "
            "coalesce(sum(goldstein_sum) * 1000, 0)::BIGINT AS milli, "
            + ", ".join(f"(sum(events) FILTER (WHERE quad_class = {q}))::BIGINT AS q{q}" for q in range(1, 5))
            + f" FROM {table} WHERE {where} GROUP BY ALL", [int(NO_DAY), *params, a, b, b, a]).fetchnumpy()
        self.codes = sorted({*rows["source"].tolist(), *rows["target"].tolist()} - {None})
        ids = {c: i for i, c in enumerate(self.codes)}
        # small types: about 60 bytes a row in all
        source = np.array([ids[c] for c in rows["source"].tolist()], dtype=np.int32)
        target = np.array([ids.get(c, -1) for c in rows["target"].tolist()], dtype=np.int32)  # -1: none
        self.modalities = sorted({m for m in rows["modality"].tolist() if m is not None})
        mods = {m: i for i, m in enumerate(self.modalities)}
        modality = np.array([mods.get(m, -1) for m in rows["modality"].tolist()], dtype=np.int16)
        day = np.asarray(rows["day"]).astype(np.int32)
        comment = np.asarray(rows["comment"], dtype=bool)
        # what a series leaves out unless asked for: 1 background, 2 reader comment
        flags = np.asarray(rows["background"], dtype=np.int8) + 2 * comment.astype(np.int8)
        # the row's kind (an index in KINDS); -1, counted in no kind, for a modality whowhom does not know or none
        # (modality -1 picks the last entry)
        news = np.array([KINDS.index(m) if m in MODALITIES else -1 for m in self.modalities] + [-1], dtype=np.int8)
        kind = np.where(comment, KINDS.index("comment"), news[modality]).astype(np.int8)
        # how coarse the events' date is: 0 a day, 1 a month, 2 a year (a month series leaves out the last)
        coarse = np.array([COARSE[p] for p in rows["precision"].tolist()], dtype=np.int8)
        sums = np.stack([np.ma.filled(rows[c], 0) for c in SUMS], axis=1)
        if np.abs(sums).max(initial=0) < 2 ** 31:  # a row's counts are a day's: they fit; totals are int64
            sums = sums.astype(np.int32)
        # sorted by source (a source prefix is one slice), then target and day (periods come in order)
        order = np.lexsort((day, target, source))
        self.source, self.target, self.modality, self.day = source[order], target[order], modality[order], day[order]
        self.flags, self.kind, self.sums, self.coarse = flags[order], kind[order], sums[order], coarse[order]

    def _ids(self, prefix: str) -> tuple[int, int]:
        """The codes starting with prefix: a range of ids, as the codes are sorted."""
        lo = hi = bisect_left(self.codes, prefix)
        while hi < len(self.codes) and self.codes[hi].startswith(prefix):
            hi += 1
        return lo, hi

    @staticmethod
    def _included(flags: np.ndarray, include_background: bool, include_comments: bool) -> np.ndarray:
        return (((flags & 1) == 0) | include_background) & (((flags & 2) == 0) | include_comments)

    def _modality(self, modality: str) -> int:
        return self.modalities.index(modality) if modality in self.modalities else -2  # -2: no row has it

    def _rows(self, a: str, b: str, modality: str | None, include_background: bool = False,
              include_comments: bool = False, by: str = "year") -> np.ndarray:
        (s0, s1), (t0, t1) = self._ids(a), self._ids(b)
        i0, i1 = np.searchsorted(self.source, np.array([s0, s1], dtype=self.source.dtype))
        tgt = self.target[i0:i1]
        keep = (tgt >= t0) & (tgt < t1) & (self.day[i0:i1] != NO_DAY) \
            & self._included(self.flags[i0:i1], include_background, include_comments) \
            & (self.coarse[i0:i1] <= max(COARSE[p] for p in PLACED[by]))
        if modality is not None:
            keep &= self.modality[i0:i1] == self._modality(modality)
        return np.flatnonzero(keep) + i0

    def series(self, a: str, b: str, by: str, both_directions: bool, modality: str | None,
               include_background: bool = False, include_comments: bool = False) -> list[dict]:
        """Store.dyad() as dicts: per period and direction, events, Goldstein sum and mean, q1..q4, the
        first and last day of the period (since, until), and the events of each kind (KINDS)."""
        out = []
        for s, t in ([(a, b), (b, a)] if both_directions and a != b else [(a, b)]):
            rows = self._rows(s, t, modality, include_background, include_comments, by)
            if not rows.size:
                continue
            keys = _period(self.day[rows], by)
            order = np.argsort(keys, kind="stable")  # already in order unless the prefixes match several codes
            keys, rows = keys[order], rows[order]
            first = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
            sums = np.add.reduceat(self.sums[rows], first, dtype=np.int64).tolist()
            counts, kind = self.sums[rows, 0].astype(np.int64), self.kind[rows]
            by_kind = np.add.reduceat(np.stack([np.where(kind == k, counts, 0) for k in range(len(KINDS))], axis=1),
                                      first).tolist()
            since = np.datetime_as_string(keys[first].astype("datetime64[D]")).tolist()
            until = np.datetime_as_string(_period_end(keys[first], by).astype("datetime64[D]")).tolist()
            for period, last, (events, scored, milli, q1, q2, q3, q4), kinds in zip(since, until, sums, by_kind):
                out.append({"period": period, "source": s, "target": t, "events": events,
                            "goldstein_sum": _cents(milli) if scored else None,
                            "goldstein_mean": _round(milli / 1000 / scored) if scored else None,
                            "q1": q1, "q2": q2, "q3": q3, "q4": q4, "since": period, "until": last,
                            "kinds": dict(zip(KINDS, kinds))})
        return sorted(out, key=lambda r: (r["period"], r["source"], r["target"]))


def top(st: Store, limit: int, modality: str | None = "asserted", include_background: bool = False,
        include_comments: bool = False, min_confidence: float | None = None,
        sections: Sequence[str] | None = None) -> list[dict]:
    """The most active dyads: pairs of actors (codes as they are, not prefixes; never an actor with itself),
    most events either way first, then by code. Their events are those a year series counts (a dated event
    with a target). In each pair, a is the actor of the larger direction."""
    table, params = st.counts_table(min_confidence, sections or None)
    rows = st.con.execute(
        "SELECT least(source, target) AS x, greatest(source, target) AS y, sum(n)::BIGINT AS events, "
        "coalesce(sum(n) FILTER (WHERE source < target), 0)::BIGINT AS x_to_y FROM ("
        f"SELECT source, target, sum(events) AS n FROM {table} d WHERE d.target IS NOT NULL "
        f"AND d.source <> d.target AND d.day IS NOT NULL AND (? IS NULL OR d.modality = ?) AND {DYAD_INCLUDED} "
        "GROUP BY source, target) GROUP BY x, y ORDER BY events DESC, x, y LIMIT ?",
        [*params, modality, modality, include_background, include_comments, min(int(limit), TOP)]).fetchall()
    out = []
    for x, y, events, xy in rows:
        yx = events - xy
        if yx > xy:
            x, y, xy, yx = y, x, yx, xy
        out.append({"a": x, "b": y, "events": events, "a_to_b": xy, "b_to_a": yx})
    return out


def actors(st: Store, limit: int, include_background: bool = False, include_comments: bool = False,
           min_confidence: float | None = None, sections: Sequence[str] | None = None) -> list[dict]:
    """Store.actors() as dicts: the most active actors, with their events as source and as target."""
    rows = st.con.execute(*st.actors_query(limit, include_background, include_comments, min_confidence,
                                           sections or None)).fetchall()
    return [{"actor": a, "as_source": s, "as_target": t, "events": n} for a, s, t, n in rows]


def codes(st: Store) -> list[str]:
    """Every actor code the store's events have, sorted (a few thousand at most: kept by the server)."""
    return [r[0] for r in st.con.execute(
        f"SELECT DISTINCT source FROM {st.dyad_days} WHERE source IS NOT NULL UNION "
        f"SELECT DISTINCT target FROM {st.dyad_days} WHERE target IS NOT NULL ORDER BY 1").fetchall()]


def has_actor(codes: list[str], prefix: str) -> bool:
    """Whether any code in (sorted) codes starts with prefix."""
    i = bisect_left(codes, prefix)
    return i < len(codes) and codes[i].startswith(prefix)


def _period(days: np.ndarray, by: str) -> np.ndarray:
    """The first day of each day's period (days since 1970-01-01), as DuckDB's date_trunc gives it."""
    if by == "day":
        return days
    if by == "week":
        return days - (days + 3) % 7  # weeks start on Monday; 1970-01-01 was a Thursday
    unit = {"month": "datetime64[M]", "year": "datetime64[Y]"}[by]
    return days.astype("datetime64[D]").astype(unit).astype("datetime64[D]").astype(np.int64)


def _period_end(start: np.ndarray, by: str) -> np.ndarray:
    """The last day of each period that starts on `start` (days since 1970-01-01)."""
    if by in ("day", "week"):
        return start + (0 if by == "day" else 6)
    unit = {"month": "datetime64[M]", "year": "datetime64[Y]"}[by]
    return (start.astype("datetime64[D]").astype(unit) + 1).astype("datetime64[D]").astype(np.int64) - 1


def _cents(milli: int) -> float:
    """round(sum, 2) of an exact sum in thousandths, as DuckDB rounds a DECIMAL: half away from zero."""
    cents = (abs(milli) + 5) // 10
    return (cents if milli >= 0 else -cents) / 100


def _round(x: float) -> float:
    """round(x, 2) as DuckDB rounds a DOUBLE: its exact binary value, half away from zero."""
    return float(Decimal(x).quantize(CENT, ROUND_HALF_UP))
