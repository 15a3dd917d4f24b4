"""Exports of a store: Parquet and JSON Lines (one row per event, with its article's id, title and url), and
the GDELT 2.0 event table (one row per clustered event, the 61 columns in GDELT's order, tab-separated, no
header, as GDELT publishes it) with whowhom's extras in OUT.extras.tsv keyed by GLOBALEVENTID.

Parquet and JSON Lines hold every event, with its section and background mark; the GDELT table, like a dyad
series, leaves out background events and reader comments unless asked for. Any format can keep only events
of at least a given confidence."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json

from whowhom.errors import InputError

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
EXTRA_COLUMNS = ["GLOBALEVENTID", "event_id", "story_id", "modality", "reported_by", "sentence", "source_text",
                 "target_text", "trigger", "plover", "plover_mode", "plover_context", "confidence", "rule", "section",
                 "background"]


def global_event_id(event_id: str) -> int:
    """A stable integer id (GDELT's ids are integers) from whowhom's event id."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def export(store, fmt: str, out: str, include_background: bool = False, include_comments: bool = False,
           min_confidence: float | None = None) -> int:
    try:
        if fmt == "parquet":
            return _parquet(store, out, min_confidence)
        if fmt == "jsonl":
            return _jsonl(store, out, min_confidence)
        if fmt == "gdelt":
            return _gdelt(store, out, include_background, include_comments, min_confidence)
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None
    raise InputError(f"unknown export format {fmt!r}")


def _parquet(store, out: str, min_confidence: float | None) -> int:
    df = store.events(limit=None, min_confidence=min_confidence)
    df.to_parquet(out, index=False)
    return len(df)


def _jsonl(store, out: str, min_confidence: float | None) -> int:
    from whowhom.store.db import _records
    df = store.events(limit=None, min_confidence=min_confidence)
    with open(out, "w", encoding="utf-8") as f:
        for rec in _records(df):
            f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    return len(df)


def _actor_fields(code: str | None, data, describe) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    country = code[:3] if code[:3] in data.countries else ""
    group = code if not country and code in data.orgs else ""
    rest = code[3:] if country else ""
    types = [rest[i:i + 3] for i in range(0, len(rest), 3)][:3]
    return [code, describe(code).upper(), country, group, "", "", ""] + types + [""] * (3 - len(types))


def _gdelt(store, out: str, include_background: bool, include_comments: bool, min_confidence: float | None) -> int:
    from whowhom.actors import describe
    from whowhom.actors.loader import load
    from whowhom.store.sql import clustered, counted

    data = load()
    where, params = counted(include_background, include_comments, min_confidence)
    cur = store.con.execute(
        f"WITH c AS ({clustered(where)}) SELECT c.*, e.modality, e.reported_by, e.sentence, e.source_text, "
        "e.target_text, e.trigger, e.plover, e.plover_mode, e.plover_context, e.confidence, e.rule, e.section, "
        "e.background, coalesce(a.url, a.doc_id) AS sourceurl "
        "FROM c JOIN events e USING (event_id) JOIN articles a ON a.article_id = e.article_id "
        "WHERE c.day IS NOT NULL ORDER BY c.day, c.event_id", params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    added = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    extras_path = out + ".extras.tsv"
    with open(out, "w", encoding="utf-8", newline="") as f, \
            open(extras_path, "w", encoding="utf-8", newline="") as g:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        x = csv.writer(g, delimiter="\t", lineterminator="\n")
        x.writerow(EXTRA_COLUMNS)
        for r in rows:
            gid = global_event_id(r["event_id"])
            day = r["day"]
            frac = round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4)
            cameo = r["cameo"]
            row = [gid, day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{frac:.4f}"]
            row += _actor_fields(r["source"], data, describe) + _actor_fields(r["target"], data, describe)
            row += [int(bool(r["is_root"])), cameo, cameo[:3], r["cameo_root"], r["quad_class"], r["goldstein"],
                    r["num_mentions"], r["num_sources"], r["num_articles"], ""]
            row += [0, "", "", "", "", "", "", ""] * 3           # no geocoding: Geo_Type 0, as GDELT's blanks
            row += [added, _clean(r["sourceurl"])]
            assert len(row) == len(GDELT_COLUMNS)
            w.writerow(["" if v is None else v for v in row])
            x.writerow([gid] + ["" if r[c] is None else _clean(r[c]) for c in EXTRA_COLUMNS[1:]])
    return len(rows)


def _clean(value) -> str:
    if isinstance(value, bool):
        return str(int(value))  # background: 1 or 0
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")
