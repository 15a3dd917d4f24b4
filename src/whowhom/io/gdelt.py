"""The GDELT 2.0 tables from a store: the event table (one row per clustered event, the 61 columns in GDELT's
order, tab-separated, no header, as GDELT publishes it) and the mentions table (one row per event mention,
GDELT's 16 columns), so that a script written for GDELT's files reads them unchanged.

Actors are written as CAMEO codes, split into GDELT's fields: an organisation under its CAMEO code (NATO
`IGOWSTNAT`: type IGO, known group NAT), a country or region in CountryCode, sector codes in Type1-3
(`GOV` alone is a type, not a country), religions and ethnic groups in their own fields, and KnownGroupCode
only for the known groups of the CAMEO dictionaries. A missing actor is one empty value.

Places (Actor1Geo, Actor2Geo, ActionGeo) are the event's place and the actors' countries, in GDELT's codes
(io/gdelt_geo.py). Dates follow the codebook: FractionDate is YYYY + (MONTH * 30 + DAY) / 365; DATEADDED is when the event's
first article was ingested (UTC), the export time for stores written before ingest times were kept.

DuckDB renders the rows, the per-row formats in SQL; what depends on few distinct values (days, actor codes,
places) is rendered in Python once per value and joined. The event table and its extras come from one query
per run of days, each small enough for DuckDB to hold (it spills nothing to disk), and Python writes the lines
DuckDB hands over; the mentions table is DuckDB's COPY. A 10M-event store streams within EXPORT_MEMORY.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from whowhom.io import gdelt_geo as geo

EVENT_COLUMNS = [
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
MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
EXTRA_COLUMNS = ["GLOBALEVENTID", "event_id", "story_id", "modality", "reported_by", "sentence", "source_text",
                 "target_text", "trigger", "plover", "plover_mode", "plover_context", "confidence", "rule", "section",
                 "background"]

# CAMEO's actor type codes (the codebook's "type" table; PTY, parties, as the PETRARCH agents have it).
TYPES = frozenset("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED "
                  "REF MOD RAD PTY AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET".split())
# CAMEO's regions: the country field of actors that are not one country
REGIONS = frozenset("AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA "
                    "SAF WAF WST ARB GUL".split())
RELIGIONS = frozenset("ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAI JEW JHW LDS MOS MRN NRM ORT "
                      "PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO".split())
ETHNIC = frozenset("KUR TIB UIG ROM".split())


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset, dict, frozenset]:
    """(countries, whowhom organisation code -> its CAMEO code where that is one code, the CAMEO known
    groups: what organisation codes hold besides countries, regions, types, religions and ethnic groups)."""
    from whowhom.actors.loader import load
    from importlib import resources

    countries = frozenset(load().countries)
    cameo: dict[str, set] = {}
    path = resources.files("whowhom.data.actors").joinpath("organisations.tsv")
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, code_cameo = line.split("\t")[:2]
            cameo.setdefault(code, set()).add(code_cameo)
    unique = {code: next(iter(c)) for code, c in cameo.items() if len(c) == 1}
    known = {chunk for c in unique.values() for chunk in _chunks(c)
             if len(chunk) == 3 and chunk not in countries | TYPES | REGIONS | RELIGIONS | ETHNIC}
    return countries, unique, frozenset(known)


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def actor_fields(code: str | None, describe=None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    countries, cameo_of, known = _codes()
    given, code = code, cameo_of.get(code, code)
    country = group = ethnic = ""
    religions, types = [], []
    for i, chunk in enumerate(_chunks(code)):
        if i == 0 and (chunk in countries or chunk in REGIONS):
            country = chunk
        elif chunk in TYPES:
            types.append(chunk)
        elif chunk in RELIGIONS:
            religions.append(chunk)
        elif chunk in ETHNIC:
            ethnic = ethnic or chunk
        elif chunk in known:
            group = group or chunk
    if describe is None:
        from whowhom.actors import describe
    return [code, describe(given).upper(), country, group, ethnic] + (religions + ["", ""])[:2] + \
        (types + ["", "", ""])[:3]


def fraction_date(day: dt.date) -> str:
    """The codebook's FractionDate: YYYY + (MONTH * 30 + DAY) / 365."""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def clean(value) -> str:
    if isinstance(value, bool):
        return str(int(value))  # background: 1 or 0
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


# The same per-row formats in SQL, over a query's columns (DuckDB writes the rows: a Python loop over
# millions of rows is what made the export slow). DuckDB's DOUBLE -> VARCHAR is Python's repr (8.0, 0.37,
# 1e-05).
def _clean(sql: str) -> str:  # (contains() first: most values hold no tab or line end, and it is fast)
    x = f"CAST({sql} AS VARCHAR)"
    return (f"CASE WHEN contains({x}, '\t') OR contains({x}, '\n') OR contains({x}, '\r') "
            f"THEN replace(replace(replace({x}, '\t', ' '), '\n', ' '), '\r', ' ') ELSE {x} END")


def _global_id(col: str) -> str:  # the first 15 hex digits of sha256(event id): an integer, as GDELT's ids are
    return f"CAST('0x' || left(sha256({col}), 15) AS BIGINT)"


def _stamp(col: str, now: str) -> str:  # YYYYMMDDHHMMSS in UTC, the export time where there is no ingest time
    return f"coalesce(strftime(make_timestamp(epoch_us({col})), '%Y%m%d%H%M%S'), '{now}')"  # (UTC without ICU)


def _quoted(sql: str) -> str:  # csv.writer's minimal quoting, once tabs and line ends are cleaned: only '"'
    return f"""CASE WHEN contains({sql}, '"') THEN '"' || replace({sql}, '"', '""') || '"' ELSE {sql} END"""


def _web_url(col: str) -> str:  # SOURCEURL takes only a web address: a file path or record id is not one
    return (f"CASE WHEN starts_with(lower(left({col}, 8)), 'http://') OR "
            f"starts_with(lower(left({col}, 8)), 'https://') THEN {_clean(col)} END")


PLACE = ("place_name", "place_country", "place_admin1", "place_lat", "place_lon", "place_geonames_id",
         "place_precision")  # what an event's place fields depend on (gdelt_geo.event_fields)
# An event's place as one value to join on (a join on seven columns, NULLs equal, costs more than the rest of
# the row); _lookups checks that no two places share it
PLACE_KEY = f"hash({', '.join('e.' + k for k in PLACE)})"
# DuckDB's memory per event of a run of days, with room: a run's clusters are counted in lists DuckDB cannot
# spill to disk, and its joins and sort fit beside them. At EXPORT_MEMORY a run is 250,000 events (on the 10M
# benchmark store runs of 500,000 spilled nothing either; runs of 300,000 spilled at 256 MB, failed at 160 MB)
RUN_BYTES = 2048
UNITS = {"B": 1, "KB": 10**3, "KiB": 2**10, "MB": 10**6, "MiB": 2**20, "GB": 10**9, "GiB": 2**30,
         "TB": 10**12, "TiB": 2**40}  # (of DuckDB's memory_limit setting: "488.2 MiB")
BATCH = 4096   # rows per Arrow batch read by Python (larger batches' buffers cost page faults)


def _lookups(con, where: str, params: list) -> list[tuple]:
    """Registers what depends on few distinct values, computed in Python once per value: each day's four date
    fields (gdelt_ww_days), each actor code's ten fields, its country and that country's geography
    (gdelt_ww_actors), and the geography of each event place (gdelt_ww_places); fields tab-joined, as
    written. Over the events that meet `where`; returns each day's number of them, in order of day."""
    import pyarrow as pa

    days = con.execute(f"SELECT e.day, count(*) FROM events e WHERE {where} AND e.day IS NOT NULL "
                       "GROUP BY e.day ORDER BY e.day", params).fetchall()
    fields = [f"{d:%Y%m%d}\t{d:%Y%m}\t{d.year}\t{fraction_date(d)}" for d, _ in days]
    con.register("gdelt_ww_days", pa.table({"day": pa.array([d for d, _ in days], pa.date32()), "fields": fields}))

    codes = [r[0] for r in con.execute("SELECT DISTINCT unnest([coalesce(e.source, ''), coalesce(e.target, '')]) "
                                       f"FROM events e WHERE {where}", params).fetchall()]
    actors = {"code": codes, "fields": [], "country": [], "geo": []}
    for code in codes:
        fields = actor_fields(code)
        actors["fields"].append("\t".join(clean(v) for v in fields))
        actors["country"].append(fields[2])
        actors["geo"].append("\t".join(clean(v) for v in geo.actor_fields(fields[2], {})))
    con.register("gdelt_ww_actors", pa.table(actors))

    rows = con.execute(f"SELECT DISTINCT {PLACE_KEY}, {', '.join('e.' + k for k in PLACE)} FROM events e "
                       f"WHERE {where}", params).fetchall()
    if len({r[0] for r in rows}) < len(rows):  # (two of a store's places with one 64-bit hash: not seen)
        raise RuntimeError("GDELT export: two event places share a hash")
    con.register("gdelt_ww_places", pa.table({
        "key": pa.array([r[0] for r in rows], pa.uint64()), "country": pa.array([r[2] for r in rows], pa.string()),
        "geo": ["\t".join(clean(v) for v in geo.event_fields(dict(zip(PLACE, r[1:])))) for r in rows]}))
    return days


def _run_size(con) -> int:
    """Events per run of days: DuckDB's memory limit over RUN_BYTES."""
    size, unit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0].split()
    return max(1, int(float(size) * UNITS[unit] / RUN_BYTES))


def _runs(days: list[tuple], size: int) -> list[tuple]:
    """(first day, last day) of runs of days of about `size` events each. A day is not split: a cluster is
    within a day, and the file is in order of day."""
    out, first, n = [], None, 0
    for day, count in days:
        first, n = first or day, n + count
        if n >= size:
            out.append((first, day))
            first, n = None, 0
    return out + ([(first, days[-1][0])] if first else [])


def _event_rows(where: str, now: str) -> str:
    """The query of both files' lines (columns `event` and `extras`) of the clusters of events that meet
    `where` on the days from one parameter to the next: each cluster joined to its first event, which gives
    the extras and the place (store/sql.py: clustered)."""
    from whowhom.store.sql import clustered

    def actor_geo(a: str) -> str:  # the event's place where it is in the actor's country (gdelt_geo.actor_fields)
        return f"CASE WHEN {a}.country <> '' AND p.country = {a}.country THEN p.geo ELSE {a}.geo END"

    event = ["c.gid", "d.fields", "a1.fields", "a2.fields",
             "CASE WHEN c.is_root THEN 1 ELSE 0 END", _clean("c.cameo"), _clean("left(c.cameo, 3)"),
             _clean("c.cameo_root"), "c.quad_class", "CAST(c.goldstein AS VARCHAR)", "c.num_mentions",
             "c.num_sources", "c.num_articles", "''", actor_geo("a1"), actor_geo("a2"), "p.geo",
             _stamp("c.added", now), _web_url("c.url")]
    given = {"event_id": "c.event_id", "story_id": "c.story_id", "background": "CAST(e.background AS INTEGER)"}
    extras = ["c.gid"] + [_quoted(_clean(given.get(k, "e." + k))) for k in EXTRA_COLUMNS[1:]]
    days = "e.day BETWEEN ? AND ?"
    found = "d.fields IS NOT NULL AND a1.fields IS NOT NULL AND a2.fields IS NOT NULL AND p.geo IS NOT NULL"
    tab = ", '\t', "
    return f"""
SELECT CASE WHEN {found} THEN concat({tab.join(event)}, '\n') END AS event,
       concat({tab.join(extras)}, '\n') AS extras
FROM (SELECT *, {_global_id("event_id")} AS gid FROM ({clustered(f"{where} AND {days}", held=True)})) c
JOIN events e ON e.event_id = c.event_id AND {days}
LEFT JOIN gdelt_ww_days d ON d.day = c.day
LEFT JOIN gdelt_ww_actors a1 ON a1.code = c.source LEFT JOIN gdelt_ww_actors a2 ON a2.code = c.target
LEFT JOIN gdelt_ww_places p ON p.key = {PLACE_KEY}
ORDER BY c.day, c.event_id"""


def _text(lines) -> memoryview:
    """An Arrow string array's text: its values one after the other, as Arrow holds them (no copy)."""
    import numpy as np
    import pyarrow as pa

    if lines.null_count:  # (a lookup that missed)
        raise RuntimeError("GDELT export: a cluster without its day, actor or place fields")
    if not (pa.types.is_string(lines.type) or pa.types.is_large_string(lines.type)):
        lines = lines.cast(pa.large_string())  # (a string view, as a later DuckDB may give)
    offsets = np.frombuffer(lines.buffers()[1], np.int64 if pa.types.is_large_string(lines.type) else np.int32)
    return memoryview(lines.buffers()[2])[offsets[lines.offset]:offsets[lines.offset + len(lines)]]


def write_events(con, where: str, params: list, out: str) -> int:
    """The event table to `out` and whowhom's extras (keyed by GLOBALEVENTID) to OUT.extras.tsv, one row per
    cluster of the events that meet `where` (store/sql.py: counted; parameters `params`), by day and event id.
    Both files from one query per run of days (_runs), each in memory: no sort or join spills to disk."""
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    n = 0
    try:
        days = _lookups(con, where, params)
        if not con.execute("SELECT count(*) FROM events WHERE seq IS NULL").fetchall()[0][0]:
            where += " AND a.seq = e.seq"  # (an event's seq is its article's: DuckDB then reads a run's articles only)
        sql = _event_rows(where, now)
        with open(out, "wb") as events, open(out + ".extras.tsv", "wb") as extras:
            extras.write(("\t".join(EXTRA_COLUMNS) + "\n").encode())
            for first, last in _runs(days, _run_size(con)):
                with con.sql(sql, params=[*params, first, last, first, last]).to_arrow_reader(BATCH) as reader:
                    for batch in reader:
                        events.write(_text(batch.column(0)))
                        extras.write(_text(batch.column(1)))
                        n += batch.num_rows
    finally:
        for name in ("gdelt_ww_days", "gdelt_ww_actors", "gdelt_ww_places"):
            con.unregister(name)
    return n


def _copy(con, select: str, out: str, params: list = ()) -> int:
    # QUOTE '': DuckDB quotes nothing (the mentions table has no quoting, as GDELT's)
    open(out, "w").close()  # (a path that cannot be written is an OSError, which export reports, not DuckDB's)
    return con.execute(f"COPY ({select}) TO '{out.replace(chr(39), chr(39) * 2)}' "
                       "(FORMAT csv, DELIMITER '\t', QUOTE '', HEADER false)", params).fetchone()[0]


def write_mentions(con, sql: str, params: list, out: str) -> int:
    """The mentions table to `out`: one row per stored event of the exported clusters, from `sql` (each
    event with its cluster's first event id, its article and the cluster's first ingest time)."""
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")

    def at(offset: str) -> str:  # (an actor's and a trigger's offsets are in their sentence)
        return f"CASE WHEN m.{offset} IS NULL THEN -1 ELSE m.start + m.{offset} END"

    columns = [_global_id("m.cluster_id"), _stamp("m.first_added", now), _stamp("m.added", now), "1",
               _clean("m.site"), _clean("coalesce(nullif(m.url, ''), nullif(m.doc_id, ''))"),
               # sentences count from 1 in the article's text; the headline is sentence 0
               "CASE WHEN m.section = 'headline' THEN 0 ELSE m.sentence_index + 1 END",
               at("source_start"), at("target_start"), at("trigger_start"), "1",
               "CAST(round_even(100 * m.confidence, 0) AS BIGINT)",  # (Python's round: half to even)
               "length(coalesce(m.body, ''))", "''", "''", "''"]
    return _copy(con, f"SELECT {', '.join(columns)} FROM ({sql}) m ORDER BY m.day, m.cluster_id, m.event_id",
                 out, params=params)
