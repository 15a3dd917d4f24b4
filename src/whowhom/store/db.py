"""Store: the DuckDB event store. Writing (add, commit) and the queries the CLI and the web API share.

Every value from a caller reaches SQL as a bound parameter; only fixed column names and clauses are
put together as text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlparse

import duckdb

from whowhom.errors import InputError
from whowhom.events.dating import count_date, first_day
from whowhom.store.queries import Queries
from whowhom.store.sql import CLUSTERED, DYAD_DAYS, DYAD_KEY, EVENT_COLUMNS, EVENT_FIELDS, PLACE_TYPES  # noqa: F401 (DYAD_DAYS: tests)

if TYPE_CHECKING:  # pandas loads when a query returns a DataFrame, not when ingest starts
    import pandas as pd

    from whowhom.store import dedup

MILLI = Decimal("0.001")
MEMORY_ENV = "WHOWHOM_MEMORY_LIMIT"
MEMORY_LIMIT = "1GB"  # DuckDB's memory per process, unless $WHOWHOM_MEMORY_LIMIT says otherwise
# Ingest's: its lookups and inserts need little, and the process holds the language model beside it
INGEST_MEMORY = "256MB"
# An export's: past it DuckDB spills its sort and aggregate to disk (at 1M events a GDELT export takes about a
# third longer than with 2 GB), and the process (about 350 MB of Python beside DuckDB) stays under 1 GB
EXPORT_MEMORY = "512MB"


@dataclass
class Item:
    """One input's outcome, as an executor hands it to the store."""
    input_hash: str | None      # hash of the raw input (None when adding articles directly)
    name: str                   # file path or record id, for messages
    coded: object | None = None  # pipeline.Coded
    skipped: str | None = None   # reason, when the input gave no article


def article_hash(article) -> str:
    d = article.to_dict()
    key = json.dumps([d.get("url"), d["title"], d["date"], d["author"], d["body"], d["parts"]],
                     ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _body_hash(article) -> str:
    return hashlib.sha256((article.body or "").encode("utf-8")).hexdigest()[:32]


def _dated(article, now: dt.datetime) -> str:
    """The article's date; for a page that gives none (and came with none), the day it was ingested, so
    that its events count in dyad series (the article's date_source says so)."""
    return article.date or now.date().isoformat()


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


class Store(Queries):
    """The store: opening (and bringing an older store up to date) and writing; the queries are Queries'."""

    def __init__(self, path: str = "whowhom.duckdb", read_only: bool = False, memory: str = MEMORY_LIMIT):
        """memory: DuckDB's memory limit, unless $WHOWHOM_MEMORY_LIMIT says otherwise."""
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise InputError(f"{self.path}: cannot open the store ({str(e).splitlines()[0]})") from None
        # DuckDB's own default is 80% of the machine: a big sort or aggregate (an export of millions of events)
        # would take it all; with a limit it spills to disk next to the store instead
        limit = os.environ.get(MEMORY_ENV, memory).strip()
        if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit, re.I):
            self.con.close()
            raise InputError(f"{MEMORY_ENV}={limit!r}: expected a size such as 512MB or 2GB")
        self.con.execute(f"SET memory_limit = '{limit}'")
        self.con.execute("SET enable_progress_bar = false")  # (a long index build would draw one on stderr)
        if not read_only:
            if "dyad_days" in self._tables() and not {"comment", "precision"} <= self._columns("dyad_days"):
                self.con.execute("DROP TABLE dyad_days")  # counts in an older layout: recomputed below
            # (the schema also gives an older store's events the background column)
            self.con.execute(resources.files("whowhom.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute(f"CREATE OR REPLACE VIEW clustered_events AS {CLUSTERED}")
            if self.con.execute("SELECT count(*) FROM (SELECT 1 FROM events WHERE seq IS NULL LIMIT 1)").fetchone()[0]:
                # events written before they kept their article's seq
                self.con.execute("UPDATE events SET seq = a.seq FROM articles a "
                                 "WHERE events.seq IS NULL AND a.article_id = events.article_id")
            from whowhom.store import dedup  # (datasketch loads scipy: a reader has no need of it)
            dedup.ensure_bands(self.con)
        elif not {"articles", "events"} <= self._tables():
            self.con.close()
            raise InputError(f"{self.path}: not a whowhom store (run `whowhom ingest` first)")
        else:
            # a store written before the background column, event places or ingest times, opened read-only: its
            # events read as news with no place, its articles without an ingest time
            catalog = self.con.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
            have = self._columns("events")
            absent = ([] if "background" in have else ["false AS background"]) + \
                [f"NULL::{kind} AS {c}" for c, kind in PLACE_TYPES.items() if c not in have] + \
                ([] if "seq" in have else [f'(SELECT a.seq FROM "{catalog}".main.articles a '
                                           'WHERE a.article_id = e.article_id) AS seq'])
            if absent:
                self.con.execute(f'CREATE TEMP VIEW events AS SELECT e.*, {", ".join(absent)} '
                                 f'FROM "{catalog}".main.events e')
                self.late = False
            missing = [f"NULL::{kind} AS {c}" for c, kind in (("added", "TIMESTAMPTZ"), ("date_source", "VARCHAR"))
                       if c not in self._columns("articles")]
            if missing:
                self.con.execute(f'CREATE TEMP VIEW articles AS SELECT *, {", ".join(missing)} '
                                 f'FROM "{catalog}".main.articles')
        # What dyad series and actor counts read: the dyad_days table, unless it misses events (a store
        # written before the table existed, or by an older version): then it is recomputed, or, read-only,
        # the same counts are computed from the events by each query.
        complete = "dyad_days" in self._tables() and {"comment", "precision"} <= self._columns("dyad_days") and \
            self.con.execute(
            "SELECT (SELECT count(*) FROM events) = (SELECT coalesce(sum(events), 0) FROM dyad_days)").fetchall()[0][0]
        if not complete and not read_only:
            self.rebuild_dyad_days()
        self.dyad_days = "dyad_days" if complete or not read_only else f"({DYAD_DAYS})"

    def _tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def _columns(self, table: str) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    # ------------------------------------------------------------------ writing
    def add(self, coded_articles: Iterable, batch_size: int = 100) -> int:
        """Add pipeline.Coded records; articles already stored (same content hash) are skipped.
        Returns the number of articles added."""
        added, batch = 0, []
        for coded in coded_articles:
            batch.append(Item(None, coded.article.id, coded=coded))
            if len(batch) >= batch_size:
                added += self.commit(batch)["articles"]
                batch = []
        if batch:
            added += self.commit(batch)["articles"]
        return added

    def seen_inputs(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        rows = self.con.execute("SELECT input_hash FROM inputs WHERE input_hash IN (SELECT unnest(?))",
                                [hashes]).fetchall()
        return {r[0] for r in rows}

    def commit(self, items: list[Item]) -> dict:
        """Write one batch in one transaction: either all of it is stored or none of it. What is already
        stored is looked up once for the batch, and each table gets one insert (a list per column,
        unnested side by side): DuckDB pays per statement, not per row."""
        # the batch's signatures, and the stored articles that share an LSH band with one of them
        from whowhom.store import dedup
        signatures = {id(item): dedup.minhash(item.coded.article.body or "") for item in items if item.coded}
        stories = dedup.Stories.for_batch(self.con, [m for m in signatures.values() if m is not None])
        counts = {"articles": 0, "events": 0, "duplicates": 0, "skipped": 0, "same_story": 0, "reasons": Counter()}
        dyads: dict[tuple, list] = {}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            rows: dict[str, list] = {"inputs": [], "articles": [], "parts": [], "signatures": [],
                                     "signature_bands": [], "events": []}
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            self._now = dt.datetime.now(dt.timezone.utc)  # the batch's ingest time
            seen = self.seen_inputs([item.input_hash for item in items if item.input_hash])
            aids = {id(item): article_hash(item.coded.article) for item in items if item.coded is not None}
            bodies = {id(item): _body_hash(item.coded.article) for item in items if item.coded is not None}
            stored = self._stored_articles(list(aids.values()))
            first = self._first_stories(list(bodies.values()))
            for item in items:
                if item.input_hash in seen:
                    counts["duplicates"] += 1
                    continue
                if item.input_hash:
                    seen.add(item.input_hash)
                if item.coded is None:
                    counts["skipped"] += 1
                    counts["reasons"][item.skipped] += 1
                    rows["inputs"].append([item.input_hash, item.name, None, item.skipped])
                    continue
                article, aid = item.coded.article, aids[id(item)]
                rows["inputs"].append([item.input_hash, item.name, aid, None])
                if aid in stored:
                    counts["duplicates"] += 1
                    continue
                stored.add(aid)
                seq += 1
                counts["same_story"] += self._article(aid, bodies[id(item)], signatures[id(item)], article, seq,
                                                      stories, first, rows)
                events = item.coded.events
                _count_dyads(dyads, self._events(aid, article, seq, events, rows["events"]))
                counts["articles"] += 1
                counts["events"] += len(events)
            for table, columns in (("signatures", None), ("signature_bands", None), ("articles", None), ("parts", None),
                                   ("events", (*EVENT_COLUMNS, "seq"))):
                self._insert(table, rows[table], columns)
            self._insert("inputs", [r for r in rows["inputs"] if r[0]])
            self._insert("dyad_days", [[*key, *value] for key, value in dyads.items()])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return counts

    def _insert(self, table: str, rows: list[list], columns: Iterable[str] | None = None) -> None:
        """One statement for many rows: a list per column, unnested side by side."""
        if rows:
            into = f"{table} (" + ", ".join(f'"{c}"' for c in columns) + ")" if columns else table
            self.con.execute(f"INSERT INTO {into} SELECT " + ", ".join("unnest(?)" for _ in rows[0]),
                             [list(c) for c in zip(*rows)])

    def _stored_articles(self, aids: list[str]) -> set[str]:
        if not aids:
            return set()
        return {r[0] for r in self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [aids]).fetchall()}

    def _first_stories(self, body_hashes: list[str]) -> dict[str, str]:
        """body hash -> story of the first stored article with that body."""
        if not body_hashes:
            return {}
        return dict(self.con.execute(
            "SELECT body_hash, arg_min(story_id, seq) FROM articles WHERE body_hash IN (SELECT unnest(?)) "
            "GROUP BY body_hash", [body_hashes]).fetchall())

    def _article(self, aid: str, body_hash: str, m, article, seq: int, stories: dedup.Stories,
                 first: dict[str, str], rows: dict[str, list]) -> bool:
        """Rows for one article and its parts; True when it joins an earlier article's story."""
        story, dup = None, None
        if article.body and body_hash in first:
            story, dup = first[body_hash], "exact"
        near = stories.assign(aid, m)
        if story is None and near is not None:
            story, dup = near, "near"
        story = story or aid
        if article.body:
            first.setdefault(body_hash, story)
        if m is not None:
            signature, bands = stories.rows(aid, story, m)
            rows["signatures"].append(signature)
            rows["signature_bands"] += bands
        rows["articles"].append([aid, article.id, article.title, _dated(article, self._now), article.url,
                                 _site(article.url), article.author, article.body, body_hash, story, dup, seq,
                                 self._now, getattr(article, "date_source", None) or ("page" if article.date
                                                                                       else "ingest")])
        rows["parts"] += [[aid, i, p.label, p.text, p.author, p.time] for i, p in enumerate(article.parts)]
        return dup is not None

    def _events(self, aid: str, article, seq: int, events, into: list[list]) -> list[list]:
        """The event rows of one article: EVENT_COLUMNS, then its seq."""
        rows = []
        for n, ev in enumerate(events):
            d = ev.to_dict()
            date = count_date(d["event_date"], _dated(article, self._now))
            rows.append([f"{aid}:{n}", aid, n, date, first_day(date)] + [d[f] for f in EVENT_FIELDS] + [seq])
        into += rows
        return rows

    def rebuild_dyad_days(self) -> None:
        """Recompute dyad_days from the events (for a store whose events were written otherwise)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM dyad_days")
            self.con.execute(f"INSERT INTO dyad_days {DYAD_DAYS}")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise


def precision(date: str | None) -> str:
    """As sql.PRECISION: 'year', 'month' or 'day'."""
    return {4: "year", 7: "month"}.get(len(date or ""), "day")


def _count_dyads(dyads: dict[tuple, list], rows: list[list]) -> None:
    """Add event rows (EVENT_COLUMNS) to a batch's dyad_days counts: key -> [events, scored, goldstein_sum],
    the sum exact, in thousandths, as DYAD_DAYS computes it."""
    at = [EVENT_COLUMNS.index(c) for c in DYAD_KEY]
    g, bg, section, date = (EVENT_COLUMNS.index(c) for c in ("goldstein", "background", "section", "date"))
    for r in rows:
        key = tuple(r[i] for i in at[:-1]) + (bool(r[bg]), r[section] == "comment", precision(r[date]))
        n = dyads.setdefault(key, [0, 0, None])
        n[0] += 1
        if r[g] is not None:
            n[1] += 1
            n[2] = (n[2] or 0) + Decimal(r[g]).quantize(MILLI, ROUND_HALF_UP)


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain dicts, with NaN/NA turned into None (JSON-ready)."""
    import pandas as pd
    out = []
    for rec in df.astype(object).to_dict("records"):
        out.append({k: _plain(v, pd) for k, v in rec.items()})
    return out


def _plain(v, pd):
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):  # a day as "2024-05-01", a time in ISO form
        return v.date().isoformat() if v == v.normalize() and v.tzinfo is None else v.isoformat()
    return v
