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
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
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
BATCH = 10_000  # rows fetched from the store at a time: memory stays flat whatever the store's size


def global_event_id(event_id: str) -> int:
    """A stable integer id (GDELT's ids are integers) from whowhom's event id."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


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


def stamp(when: dt.datetime | None, fallback: str) -> str:
    """YYYYMMDDHHMMSS in UTC."""
    if when is None:
        return fallback
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%Y%m%d%H%M%S")


def clean(value) -> str:
    if isinstance(value, bool):
        return str(int(value))  # background: 1 or 0
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def web_url(url: str | None) -> str:
    """SOURCEURL takes only a web address: a file path or record id is not one."""
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def _rows(cursor):
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        for r in batch:
            yield dict(zip(names, r))


def write_events(con, sql: str, params: list, out: str) -> int:
    """The event table to `out` and whowhom's extras (keyed by GLOBALEVENTID) to OUT.extras.tsv, from the
    clustered-event query `sql`."""
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f, \
            open(out + ".extras.tsv", "w", encoding="utf-8", newline="") as g:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        x = csv.writer(g, delimiter="\t", lineterminator="\n")
        x.writerow(EXTRA_COLUMNS)
        for r in _rows(con.execute(sql, params)):
            gid, day, cameo = global_event_id(r["event_id"]), r["day"], r["cameo"]
            row = [gid, day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, fraction_date(day)]
            actors = actor_fields(r["source"]), actor_fields(r["target"])
            row += actors[0] + actors[1]
            row += [int(bool(r["is_root"])), cameo, cameo[:3], r["cameo_root"], r["quad_class"], r["goldstein"],
                    r["num_mentions"], r["num_sources"], r["num_articles"], ""]
            # Actor1Geo, Actor2Geo, ActionGeo (io/gdelt_geo.py)
            row += geo.actor_fields(actors[0][2], r) + geo.actor_fields(actors[1][2], r) + geo.event_fields(r)
            row += [stamp(r["added"], now), web_url(r["url"])]
            w.writerow([clean(v) for v in row])
            x.writerow([gid] + [clean(r[c]) for c in EXTRA_COLUMNS[1:]])
            n += 1
    return n


def write_mentions(con, sql: str, params: list, out: str) -> int:
    """The mentions table to `out`: one row per stored event of the exported clusters, from `sql` (each
    event with its cluster's first event id, its article and the cluster's first ingest time)."""
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        for r in _rows(con.execute(sql, params)):
            def at(offset):  # (an actor's and a trigger's offsets are in their sentence)
                return -1 if offset is None else r["start"] + offset

            row = [global_event_id(r["cluster_id"]), stamp(r["first_added"], now), stamp(r["added"], now), 1,
                   r["site"] or "", r["url"] or r["doc_id"] or "",
                   # sentences count from 1 in the article's text; the headline is sentence 0
                   0 if r["section"] == "headline" else r["sentence_index"] + 1,
                   at(r["source_start"]), at(r["target_start"]), at(r["trigger_start"]), 1,
                   round(100 * r["confidence"]) if r["confidence"] is not None else "",
                   len(r["body"] or ""), "", "", ""]
            w.writerow([clean(v) for v in row])
            n += 1
    return n
