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
from decimal import ROUND_HALF_UP, Decimal
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
# The same as a DuckDB struct (a JSON object) over the columns of a subquery `p`
EVENT_STRUCT = "{" + ", ".join(f"'{c}': p.\"{c}\"" for c in EVENT_COLUMNS if c not in ("n", "day")) + \
    ", 'story_id': p.story_id, 'title': p.title, 'url': p.url, 'site': p.site}"
EVENT_ORDER = "day NULLS LAST, seq, n"
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
MILLI = Decimal("0.001")
DYAD_KEY = ("source", "target", "day", "modality", "quad_class")
# The dyad_days table computed from the events (commit() adds the same counts batch by batch).
DYAD_DAYS = f"""
SELECT {", ".join(DYAD_KEY)}, count(*) AS events, count(goldstein) AS scored,
       sum(CAST(goldstein AS DECIMAL(18, 3))) AS goldstein_sum
FROM events GROUP BY ALL"""


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
        elif not {"articles", "events"} <= self._tables():
            self.con.close()
            raise InputError(f"{self.path}: not a whowhom store (run `whowhom ingest` first)")
        # What dyad series and actor counts read: the dyad_days table, unless it misses events (a store
        # written before the table existed, or by an older version): then it is recomputed, or, read-only,
        # the same counts are computed from the events by each query.
        complete = "dyad_days" in self._tables() and self.con.execute(
            "SELECT (SELECT count(*) FROM events) = (SELECT coalesce(sum(events), 0) FROM dyad_days)").fetchone()[0]
        if not complete and not read_only:
            self.rebuild_dyad_days()
        self.dyad_days = "dyad_days" if complete or not read_only else f"({DYAD_DAYS})"
        self._stories: dedup.Stories | None = None

    def _tables(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}

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
        stories = self._story_index()
        counts = {"articles": 0, "events": 0, "duplicates": 0, "skipped": 0, "same_story": 0, "reasons": Counter()}
        dyads: dict[tuple, list] = {}
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            rows: dict[str, list] = {"inputs": [], "articles": [], "parts": [], "signatures": [], "events": []}
            seq = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
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
                counts["same_story"] += self._article(aid, bodies[id(item)], article, seq, stories, first, rows)
                events = item.coded.events
                _count_dyads(dyads, self._events(aid, article, events, rows["events"]))
                counts["articles"] += 1
                counts["events"] += len(events)
            for table, columns in (("signatures", None), ("articles", None), ("parts", None),
                                   ("events", EVENT_COLUMNS)):
                self._insert(table, rows[table], columns)
            self._insert("inputs", [r for r in rows["inputs"] if r[0]])
            self._insert("dyad_days", [[*key, *value] for key, value in dyads.items()])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._stories = None  # the in-memory index may hold rolled-back articles: reload it
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

    def _story_index(self) -> dedup.Stories:
        if self._stories is None:
            self._stories = dedup.Stories()
            self._stories.load(self.con.execute(
                "SELECT s.article_id, s.story_id, s.minhash FROM signatures s "
                "JOIN articles a USING (article_id) ORDER BY a.seq").fetchall())
        return self._stories

    def _article(self, aid: str, body_hash: str, article, seq: int, stories: dedup.Stories,
                 first: dict[str, str], rows: dict[str, list]) -> bool:
        """Rows for one article and its parts; True when it joins an earlier article's story."""
        story, dup = None, None
        if article.body and body_hash in first:
            story, dup = first[body_hash], "exact"
        m = dedup.minhash(article.body or "")
        near = stories.assign(aid, m)
        if story is None and near is not None:
            story, dup = near, "near"
        story = story or aid
        if article.body:
            first.setdefault(body_hash, story)
        if m is not None:
            stories.story[aid] = story
            rows["signatures"].append([aid, story, dedup.to_bytes(m)])
        rows["articles"].append([aid, article.id, article.title, article.date, article.url, _site(article.url),
                                 article.author, article.body, body_hash, story, dup, seq])
        rows["parts"] += [[aid, i, p.label, p.text, p.author, p.time] for i, p in enumerate(article.parts)]
        return dup is not None

    def _events(self, aid: str, article, events, into: list[list]) -> list[list]:
        rows = []
        for n, ev in enumerate(events):
            d = ev.to_dict()
            date = d["event_date"] or article.date
            rows.append([f"{aid}:{n}", aid, n, date, _day(date)] + [d[f] for f in EVENT_FIELDS])
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
        sql, params = self._events_sql(EVENT_SELECT, actor, source, target, code, root, plover, modality, since,
                                       until, text, limit=limit, offset=offset)
        return self.con.execute(sql, params).df()

    def events_json(self, limit: int | None = 100, offset: int = 0, **filters) -> str:
        """events() as a JSON array of objects, written by DuckDB: the web API's answer, with no Python
        object per row (which would hold the GIL the server's event loop needs)."""
        page, params = self._events_sql("e.*, a.story_id, a.title, a.url, a.site, a.seq", **filters,
                                        limit=limit, offset=offset)
        sql = f"SELECT coalesce(to_json(list({EVENT_STRUCT} ORDER BY {EVENT_ORDER})), '[]') FROM ({page}) p"
        return self.con.execute(sql, params).fetchone()[0]

    def _events_sql(self, columns: str, *filters, limit: int | None, offset: int, **named) -> tuple[str, list]:
        where, params = self._where(*filters, **named)
        sql = f"SELECT {columns} FROM events e JOIN articles a USING (article_id){where} " \
              "ORDER BY e.day NULLS LAST, a.seq, e.n"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return sql, params

    def count_events(self, **filters) -> int:
        where, params = self._where(**filters)
        # only the text filter looks at the article (its title); without it, counting needs no join
        join = " JOIN articles a USING (article_id)" if filters.get("text") else ""
        return self.con.execute(f"SELECT count(*) FROM events e{join}{where}", params).fetchone()[0]

    def dyad(self, a: str, b: str, by: str = "month", both_directions: bool = False,
             modality: str | None = "asserted") -> pd.DataFrame:
        if by not in PERIODS:
            raise InputError(f"unknown period {by!r} (expected day, week, month or year)")
        pairs = [(a, b), (b, a)] if both_directions and a != b else [(a, b)]
        parts, params = [], []
        for s, t in pairs:
            # the period name is from the fixed PERIODS table, never from the caller
            parts.append(f"SELECT CAST(date_trunc('{PERIODS[by]}', d.day) AS DATE) AS period, ? AS source, "
                         f"? AS target, d.events, d.scored, d.goldstein_sum, d.quad_class FROM {self.dyad_days} d "
                         "WHERE starts_with(d.source, ?) AND starts_with(coalesce(d.target, ''), ?) "
                         "AND d.day IS NOT NULL AND (? IS NULL OR d.modality = ?)")
            params += [s, t, s, t, modality, modality]
        quads = ", ".join(f"coalesce(sum(events) FILTER (WHERE quad_class = {q}), 0)::BIGINT AS q{q}"
                          for q in range(1, 5))
        sql = ("SELECT strftime(period, '%Y-%m-%d') AS period, source, target, sum(events)::BIGINT AS events, "
               "round(sum(goldstein_sum), 2)::DOUBLE AS goldstein_sum, "
               f"round(sum(goldstein_sum)::DOUBLE / nullif(sum(scored), 0), 2) AS goldstein_mean, {quads} "
               f"FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL ORDER BY period, source, target")
        return self.con.execute(sql, params).df()

    def actors(self, limit: int = 50) -> pd.DataFrame:
        sql = ("SELECT actor, sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target, "
               f"sum(s + t)::BIGINT AS events FROM (SELECT source AS actor, events AS s, 0 AS t FROM {self.dyad_days} "
               f"UNION ALL SELECT target, 0, events FROM {self.dyad_days} WHERE target IS NOT NULL) "
               "GROUP BY actor ORDER BY events DESC, actor LIMIT ?")
        return self.con.execute(sql, [int(limit)]).df()

    def article(self, article_id: str) -> dict | None:
        found = self.article_json(article_id)
        return None if found is None else json.loads(found)

    def article_json(self, article_id: str) -> str | None:
        """One article (anatomy, parts, events with their spans) as a JSON object, written by DuckDB."""
        row = self.con.execute("SELECT to_json({'id': article_id, 'title': title, 'date': date, 'url': url, "
                               "'author': author, 'body': body, 'story_id': story_id, 'doc_id': doc_id}) "
                               "FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            return None
        parts = self.con.execute("SELECT coalesce(to_json(list({'label': label, 'text': text, 'author': author, "
                                 "'time': time} ORDER BY idx)), '[]') FROM parts WHERE article_id = ?",
                                 [article_id]).fetchone()[0]
        events = self.con.execute(  # the one article row joins each of its events
            f"SELECT coalesce(to_json(list({EVENT_STRUCT} ORDER BY p.n)), '[]') FROM (SELECT e.*, a.story_id, "
            "a.title, a.url, a.site FROM events e, (SELECT * FROM articles WHERE article_id = ?) a "
            "WHERE e.article_id = ?) p", [article_id, article_id]).fetchone()[0]
        return f'{row[0][:-1]},"parts":{parts},"events":{events}}}'

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


def _count_dyads(dyads: dict[tuple, list], rows: list[list]) -> None:
    """Add event rows (EVENT_COLUMNS) to a batch's dyad_days counts: key -> [events, scored, goldstein_sum],
    the sum exact, in thousandths, as DYAD_DAYS computes it."""
    at = [EVENT_COLUMNS.index(c) for c in DYAD_KEY]
    g = EVENT_COLUMNS.index("goldstein")
    for r in rows:
        n = dyads.setdefault(tuple(r[i] for i in at), [0, 0, None])
        n[0] += 1
        if r[g] is not None:
            n[1] += 1
            n[2] = (n[2] or 0) + Decimal(r[g]).quantize(MILLI, ROUND_HALF_UP)


def _records(df: pd.DataFrame) -> list[dict]:
    """DataFrame rows as plain dicts, with NaN/NA turned into None (JSON-ready)."""
    import pandas as pd
    out = []
    for rec in df.astype(object).to_dict("records"):
        out.append({k: (None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v)
                    for k, v in rec.items()})
    return out
