"""Store: the DuckDB event store. Writing (add, commit) and the queries the CLI and the web API share.

Every value from a caller reaches SQL as a bound parameter; only fixed column names and clauses are
put together as text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlparse

import duckdb

from whowhom.errors import InputError
from whowhom.store import dedup

if TYPE_CHECKING:  # pandas loads when a query returns a DataFrame, not when ingest starts
    import pandas as pd

EVENT_FIELDS = ("section", "sentence_index", "sentence", "start", "end", "source", "source_text",
                "source_start", "source_end", "target", "target_text", "target_start", "target_end",
                "trigger", "trigger_start", "trigger_end", "cameo", "cameo_root", "cameo_name", "goldstein",
                "quad_class", "penta", "plover", "plover_mode", "plover_context", "modality", "reported_by",
                "event_date", "confidence", "rule")
EVENT_COLUMNS = ("event_id", "article_id", "n", "date", "day") + EVENT_FIELDS
# What events() returns: the event, then a few columns of its article.
EVENT_SELECT = ", ".join(f'e."{c}"' for c in EVENT_COLUMNS if c not in ("n", "day")) + \
    ", a.story_id, a.title, a.url, a.site"
# One event per (day, source, target, code, story) with GDELT's counts; event_id is the first mention.
# The store's clustered_events view is this query.
CLUSTERED = """
SELECT e.day, e.source, e.target, e.cameo, a.story_id,
       min(e.event_id) AS event_id,
       any_value(e.cameo_root) AS cameo_root,
       any_value(e.goldstein) AS goldstein,
       any_value(e.quad_class) AS quad_class,
       bool_or(e.section = 'headline' OR (e.section = 'article' AND e.sentence_index = 0)) AS is_root,
       count(*) AS num_mentions,
       count(DISTINCT coalesce(a.site, a.article_id)) AS num_sources,
       count(DISTINCT e.article_id) AS num_articles
FROM events e JOIN articles a USING (article_id)
GROUP BY e.day, e.source, e.target, e.cameo, a.story_id"""
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


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


def _day(value: str | None) -> dt.date | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _site(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


class Store:
    def __init__(self, path: str = "whowhom.duckdb", read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise InputError(f"{self.path}: cannot open the store ({str(e).splitlines()[0]})") from None
        if not read_only:
            self.con.execute(resources.files("whowhom.store").joinpath("schema.sql").read_text("utf-8"))
            self.con.execute(f"CREATE OR REPLACE VIEW clustered_events AS {CLUSTERED}")
        elif not self._has_tables():
            self.con.close()
            raise InputError(f"{self.path}: not a whowhom store (run `whowhom ingest` first)")
        self._stories: dedup.Stories | None = None

    def _has_tables(self) -> bool:
        rows = self.con.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_name IN ('articles', 'events')").fetchall()
        return len(rows) == 2

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
        """Write one batch in one transaction: either all of it is stored or none of it."""
        stories = self._story_index()
        counts = {"articles": 0, "events": 0, "duplicates": 0, "skipped": 0, "same_story": 0, "reasons": Counter()}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            for item in items:
                if item.input_hash and self.seen_inputs([item.input_hash]):
                    counts["duplicates"] += 1
                    continue
                if item.coded is None:
                    counts["skipped"] += 1
                    counts["reasons"][item.skipped] += 1
                    self._input(item, None, item.skipped)
                    continue
                article = item.coded.article
                aid = article_hash(article)
                if con.execute("SELECT 1 FROM articles WHERE article_id = ?", [aid]).fetchone():
                    counts["duplicates"] += 1
                    self._input(item, aid, None)
                    continue
                seq += 1
                counts["same_story"] += self._article(aid, article, seq, stories)
                events = item.coded.events
                self._events(aid, article, events)
                self._input(item, aid, None)
                counts["articles"] += 1
                counts["events"] += len(events)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._stories = None  # the in-memory index may hold rolled-back articles: reload it
            raise
        return counts

    def _input(self, item: Item, aid: str | None, reason: str | None) -> None:
        if item.input_hash:
            self.con.execute("INSERT INTO inputs VALUES (?, ?, ?, ?)", [item.input_hash, item.name, aid, reason])

    def _story_index(self) -> dedup.Stories:
        if self._stories is None:
            self._stories = dedup.Stories()
            self._stories.load(self.con.execute(
                "SELECT s.article_id, s.story_id, s.minhash FROM signatures s "
                "JOIN articles a USING (article_id) ORDER BY a.seq").fetchall())
        return self._stories

    def _article(self, aid: str, article, seq: int, stories: dedup.Stories) -> bool:
        """Insert one article and its parts; True when it joins an earlier article's story."""
        body_hash = hashlib.sha256((article.body or "").encode("utf-8")).hexdigest()[:32]
        story, dup = None, None
        if article.body:
            row = self.con.execute("SELECT story_id FROM articles WHERE body_hash = ? ORDER BY seq LIMIT 1",
                                   [body_hash]).fetchone()
            if row:
                story, dup = row[0], "exact"
        m = dedup.minhash(article.body or "")
        near = stories.assign(aid, m)
        if story is None and near is not None:
            story, dup = near, "near"
        story = story or aid
        if m is not None:
            stories.story[aid] = story
            self.con.execute("INSERT INTO signatures VALUES (?, ?, ?)", [aid, story, dedup.to_bytes(m)])
        self.con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         [aid, article.id, article.title, article.date, article.url, _site(article.url),
                          article.author, article.body, body_hash, story, dup, seq])
        rows = [[aid, i, p.label, p.text, p.author, p.time] for i, p in enumerate(article.parts)]
        if rows:
            self.con.executemany("INSERT INTO parts VALUES (?, ?, ?, ?, ?, ?)", rows)
        return dup is not None

    def _events(self, aid: str, article, events) -> None:
        rows = []
        for n, ev in enumerate(events):
            d = ev.to_dict()
            date = d["event_date"] or article.date
            rows.append([f"{aid}:{n}", aid, n, date, _day(date)] + [d[f] for f in EVENT_FIELDS])
        if rows:
            cols = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
            marks = ", ".join("?" for _ in EVENT_COLUMNS)
            self.con.executemany(f"INSERT INTO events ({cols}) VALUES ({marks})", rows)

    # ------------------------------------------------------------------ queries
    def _where(self, actor=None, source=None, target=None, code=None, root=None, plover=None, modality=None,
               since=None, until=None, text=None) -> tuple[str, list]:
        clauses, params = [], []
        if actor:
            clauses.append("(starts_with(e.source, ?) OR starts_with(coalesce(e.target, ''), ?))")
            params += [actor, actor]
        if source:
            clauses.append("starts_with(e.source, ?)")
            params.append(source)
        if target:
            clauses.append("starts_with(coalesce(e.target, ''), ?)")
            params.append(target)
        if code:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(code)
        if root:
            clauses.append("e.cameo_root = ?")
            params.append(str(root).zfill(2))
        if plover:
            clauses.append("upper(e.plover) = upper(?)")
            params.append(plover)
        if modality:
            clauses.append("e.modality = ?")
            params.append(modality)
        if since:
            clauses.append("e.day >= ?")
            params.append(self._date_arg(since, "since"))
        if until:
            clauses.append("e.day <= ?")
            params.append(self._date_arg(until, "until"))
        if text:
            clauses.append("(e.sentence ILIKE ? OR coalesce(a.title, '') ILIKE ?)")
            like = "%" + str(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [like, like]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    @staticmethod
    def _date_arg(value, name: str) -> dt.date:
        if isinstance(value, dt.date):
            return value
        d = _day(str(value))
        if d is None:
            raise InputError(f"--{name}: not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
        return d

    def events(self, actor=None, source=None, target=None, code=None, root=None, plover=None, modality=None,
               since=None, until=None, text=None, limit: int | None = 100, offset: int = 0) -> pd.DataFrame:
        where, params = self._where(actor, source, target, code, root, plover, modality, since, until, text)
        sql = f"SELECT {EVENT_SELECT} FROM events e JOIN articles a USING (article_id){where} " \
              "ORDER BY e.day NULLS LAST, a.seq, e.n"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.con.execute(sql, params).df()

    def count_events(self, **filters) -> int:
        where, params = self._where(**filters)
        return self.con.execute(f"SELECT count(*) FROM events e JOIN articles a USING (article_id){where}",
                                params).fetchone()[0]

    def dyad(self, a: str, b: str, by: str = "month", both_directions: bool = False,
             modality: str | None = "asserted") -> pd.DataFrame:
        if by not in PERIODS:
            raise InputError(f"unknown period {by!r} (expected day, week, month or year)")
        pairs = [(a, b), (b, a)] if both_directions and a != b else [(a, b)]
        parts, params = [], []
        for s, t in pairs:
            # the period name is from the fixed PERIODS table, never from the caller
            parts.append(f"SELECT CAST(date_trunc('{PERIODS[by]}', e.day) AS DATE) AS period, "
                         "? AS source, ? AS target, e.goldstein, e.quad_class FROM events e "
                         "WHERE starts_with(e.source, ?) AND starts_with(coalesce(e.target, ''), ?) "
                         "AND e.day IS NOT NULL AND (? IS NULL OR e.modality = ?)")
            params += [s, t, s, t, modality, modality]
        sql = ("SELECT strftime(period, '%Y-%m-%d') AS period, source, target, count(*) AS events, "
               "round(sum(goldstein), 2) AS goldstein_sum, round(avg(goldstein), 2) AS goldstein_mean, "
               "count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2, "
               "count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4 "
               f"FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL ORDER BY period, source, target")
        return self.con.execute(sql, params).df()

    def actors(self, limit: int = 50) -> pd.DataFrame:
        sql = ("SELECT actor, count(*) FILTER (WHERE role = 's') AS as_source, "
               "count(*) FILTER (WHERE role = 't') AS as_target, count(*) AS events FROM ("
               "SELECT source AS actor, 's' AS role FROM events UNION ALL "
               "SELECT target, 't' FROM events WHERE target IS NOT NULL) "
               "GROUP BY actor ORDER BY events DESC, actor LIMIT ?")
        return self.con.execute(sql, [int(limit)]).df()

    def article(self, article_id: str) -> dict | None:
        row = self.con.execute("SELECT article_id, title, date, url, author, body, story_id, doc_id "
                               "FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            return None
        parts = self.con.execute("SELECT label, text, author, time FROM parts WHERE article_id = ? ORDER BY idx",
                                 [article_id]).fetchall()
        events = self.con.execute(f"SELECT {EVENT_SELECT} FROM events e JOIN articles a USING (article_id) "
                                  "WHERE e.article_id = ? ORDER BY e.n", [article_id]).df()
        return {"id": row[0], "title": row[1], "date": row[2], "url": row[3], "author": row[4], "body": row[5],
                "story_id": row[6], "doc_id": row[7],
                "parts": [{"label": p[0], "text": p[1], "author": p[2], "time": p[3]} for p in parts],
                "events": _records(events)}

    def stats(self) -> dict:
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT count(*) FROM articles"),
                "events": one("SELECT count(*) FROM events"),
                "stories": one("SELECT count(DISTINCT story_id) FROM articles"),
                "duplicates": one("SELECT count(*) FROM articles WHERE duplicate IS NOT NULL"),
                "skipped": one("SELECT count(*) FROM inputs WHERE skipped IS NOT NULL")}

    def skipped(self) -> pd.DataFrame:
        return self.con.execute("SELECT skipped AS reason, count(*) AS inputs FROM inputs "
                                "WHERE skipped IS NOT NULL GROUP BY ALL ORDER BY inputs DESC, reason").df()

    def clustered_events(self, limit: int | None = None) -> pd.DataFrame:
        sql = f"SELECT * FROM ({CLUSTERED}) ORDER BY day NULLS LAST, source, target, cameo, story_id"
        if limit is not None:
            return self.con.execute(sql + " LIMIT ?", [int(limit)]).df()
        return self.con.execute(sql).df()


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain dicts, with NaN/NA turned into None (JSON-ready)."""
    import pandas as pd
    out = []
    for rec in df.astype(object).to_dict("records"):
        out.append({k: (None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v)
                    for k, v in rec.items()})
    return out
