"""Exports of a store: Parquet, JSON Lines and CSV (one row per event, with its article's id, title and url),
and GDELT 2.0's event and mentions tables (io/gdelt.py), the event table with whowhom's extras in
OUT.extras.tsv keyed by GLOBALEVENTID.

Parquet, JSON Lines and CSV hold every event, with its section, modality and background mark. The GDELT
tables hold what a GDELT script takes for news: by default only asserted events of the article and its
headline, not background (`include` adds negated, hypothetical or intended events, readers' comments,
background). Any format can keep only events of at least a given confidence."""

from __future__ import annotations

import json

from whowhom.errors import InputError
from whowhom.events.event import MODALITIES
from whowhom.io.gdelt import EVENT_COLUMNS as GDELT_COLUMNS, EXTRA_COLUMNS  # noqa: F401
from whowhom.io import gdelt

FORMATS = ("parquet", "jsonl", "csv", "gdelt", "gdelt-mentions")
INCLUDE = ("negated", "hypothetical", "intended", "comments", "background")


def export(store, fmt: str, out: str, include_background: bool = False, include_comments: bool = False,
           min_confidence: float | None = None, include: tuple[str, ...] = ()) -> int:
    """Write the store's events in `fmt` to `out`; the number of rows written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}")
    try:
        if fmt in ("parquet", "jsonl", "csv"):
            return _events(store, fmt, out, min_confidence)
        where, params = _gdelt_where(include_background or "background" in include,
                                     include_comments or "comments" in include, min_confidence,
                                     ("asserted",) + tuple(m for m in include if m in MODALITIES))
        if fmt == "gdelt":
            return gdelt.write_events(store.con, where, params, out)
        return gdelt.write_mentions(store.con, _mentions(where), params, out)
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None


def _events(store, fmt: str, out: str, min_confidence: float | None) -> int:
    """Every event, streamed from DuckDB in Arrow record batches: memory stays that of one batch whatever
    the store's size."""
    from whowhom.store.sql import EVENT_SELECT
    sql, params = store._events_sql(EVENT_SELECT, limit=None, offset=0, min_confidence=min_confidence)
    store.con.execute("SELECT 1").fetchall()  # (a result left half-read, as fetchone leaves one, ends here)
    with store.con.sql(sql, params=params).to_arrow_reader(batch_size=BATCH) as reader:
        return _write_batches(reader, fmt, out)


def _write_batches(reader, fmt: str, out: str) -> int:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    n = 0
    if fmt == "parquet":
        with pq.ParquetWriter(out, reader.schema) as w:
            for batch in reader:
                w.write_batch(batch)
                n += batch.num_rows
    elif fmt == "csv":
        with pacsv.CSVWriter(out, reader.schema) as w:
            for batch in reader:
                w.write_batch(batch)
                n += batch.num_rows
    else:
        with open(out, "w", encoding="utf-8") as f:
            for batch in reader:
                for rec in batch.to_pylist():
                    f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                n += batch.num_rows
    return n


BATCH = 10_000  # rows per Arrow batch (and Parquet row group): at 10M events, 50,000 took the export past 1 GB


def _gdelt_where(include_background: bool, include_comments: bool, min_confidence: float | None,
                 modalities: tuple[str, ...]) -> tuple[str, list]:
    """The condition on the events the GDELT tables hold (table alias e): SQL and its parameters."""
    from whowhom.store.sql import counted

    where, params = counted(include_background, include_comments, min_confidence)
    return where + " AND e.modality IN (SELECT unnest(?))", [*params, list(modalities)]


def _gdelt_query(fmt: str, include_background: bool, include_comments: bool, min_confidence: float | None,
                 modalities: tuple[str, ...]) -> tuple[str, list]:
    """The clustered events to export (fmt "gdelt"), or their mentions (fmt "gdelt-mentions"): SQL and
    its parameters (what the per-row rendering of the tests and the benchmark's floor read)."""
    from whowhom.store.sql import clustered

    where, params = _gdelt_where(include_background, include_comments, min_confidence, modalities)
    if fmt == "gdelt":
        return f"SELECT * FROM ({clustered(where)}) WHERE day IS NOT NULL", params
    return _mentions(where), params


def _mentions(where: str) -> str:
    """Each mention of the events that meet `where` with its cluster's id (the first event of the cluster) and
    first ingest time."""
    return f"""
SELECT e.*, a.site, a.url, a.doc_id, a.body, a.added,
       min(e.event_id) OVER cluster AS cluster_id, min(a.added) OVER cluster AS first_added
FROM events e JOIN articles a USING (article_id)
WHERE e.day IS NOT NULL AND {where}
WINDOW cluster AS (PARTITION BY e.day, coalesce(e.source, ''), coalesce(e.target, ''), e.cameo, a.story_id)"""
