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
from whowhom.io.gdelt import EVENT_COLUMNS as GDELT_COLUMNS, EXTRA_COLUMNS, global_event_id  # noqa: F401
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
        sql, params = _gdelt_query(fmt, include_background or "background" in include,
                                   include_comments or "comments" in include, min_confidence,
                                   ("asserted",) + tuple(m for m in include if m in MODALITIES))
        write = gdelt.write_events if fmt == "gdelt" else gdelt.write_mentions
        return write(store.con, sql, params, out)
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None


def _events(store, fmt: str, out: str, min_confidence: float | None) -> int:
    df = store.events(limit=None, min_confidence=min_confidence)
    if fmt == "parquet":
        df.to_parquet(out, index=False)
    elif fmt == "csv":
        df.to_csv(out, index=False)
    else:
        from whowhom.store.db import _records
        with open(out, "w", encoding="utf-8") as f:
            for rec in _records(df):
                f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    return len(df)


def _gdelt_query(fmt: str, include_background: bool, include_comments: bool, min_confidence: float | None,
                 modalities: tuple[str, ...]) -> tuple[str, list]:
    """The clustered events to export (fmt "gdelt"), or their mentions (fmt "gdelt-mentions"): SQL and
    its parameters."""
    from whowhom.store.sql import PLACE_FIELDS, clustered, counted

    where, params = counted(include_background, include_comments, min_confidence)
    where += " AND e.modality IN (SELECT unnest(?))"
    params = [*params, list(modalities)]
    if fmt == "gdelt":
        return (f"WITH c AS ({clustered(where)}) SELECT c.*, e.modality, e.reported_by, e.sentence, "
                "e.source_text, e.target_text, e.trigger, e.plover, e.plover_mode, e.plover_context, "
                "e.confidence, e.rule, e.section, e.background, a.url, "
                f"{', '.join('e.' + c for c in PLACE_FIELDS)} "
                "FROM c JOIN events e USING (event_id) JOIN articles a ON a.article_id = e.article_id "
                "WHERE c.day IS NOT NULL ORDER BY c.day, c.event_id", params)
    # each mention with its cluster's id (the first event of the cluster) and first ingest time
    return (f"""
SELECT e.*, a.site, a.url, a.doc_id, a.body, a.added,
       min(e.event_id) OVER cluster AS cluster_id, min(a.added) OVER cluster AS first_added
FROM events e JOIN articles a USING (article_id)
WHERE e.day IS NOT NULL AND {where}
WINDOW cluster AS (PARTITION BY e.day, coalesce(e.source, ''), coalesce(e.target, ''), e.cameo, a.story_id)
ORDER BY e.day, cluster_id, e.event_id""", params)
