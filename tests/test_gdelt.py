"""The GDELT export drops into a GDELT script: the 61 columns of the event table in the codebook's formats,
CAMEO actor codes split as GDELT splits them, only asserted news by default, and the mentions table."""

import re
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT
from test_store import article, event
from whowhom.io import export as exp
from whowhom.io.gdelt import EVENT_COLUMNS, EXTRA_COLUMNS, MENTION_COLUMNS, actor_fields, fraction_date
from whowhom.pipeline import Coded
from whowhom.store import Store

BODY = "Officials met in the morning. NATO warned Poland on Monday about the drills near the border."
AT = BODY.index("NATO")


def placed(source, target, cameo="130", quad=3, goldstein=-4.4, **kw):
    """An event whose sentence is the second of BODY, its actors and trigger where they are in it."""
    e = event(source, target, cameo, quad, goldstein, sentence=BODY[AT:], **kw)
    e.start, e.end, e.sentence_index = AT, len(BODY), 1
    e.source_start, e.target_start, e.trigger_start = 0, BODY[AT:].index("Poland"), BODY[AT:].index("warned")
    return e


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("gdelt") / "s.duckdb"
    with Store(path) as st:
        st.add([
            Coded(article("a1", "2024-03-05", body=BODY, url="https://news.example/a1"),
                  [placed("NATO", "POL"), placed("NATO", "POL", section="headline"),
                   event("POL", "RUS", "111", 3, -2.0, modality="negated"),
                   event("RUS", "POL", "138", 3, -7.0, modality="hypothetical"),
                   event("GOV", "KSV", "042", 1, 1.9),
                   event("RUS", None, "190", 4, -10.0), event("RUS", "", "190", 4, -10.0),
                   event("USA", "CHN", "112", 3, -2.0, section="comment"),
                   event("USA", "IRN", "111", 3, -2.0, background=True, event_date="2014")]),
            Coded(article("a2", "2024-04-20", body="Another story entirely, about trade. " * 5,
                          url="file:///home/me/page.html", title="Trade"),
                  [event("CHN", "RUS", "057", 1, 8.0), event("RUS", "CHN", "057", 1, 8.0)]),
        ])
    return path


def export(store, tmp_path, fmt="gdelt", **kw):
    out = tmp_path / f"out.{fmt}"
    with Store(store, read_only=True) as st:
        exp.export(st, fmt, str(out), **kw)
    names = MENTION_COLUMNS if fmt == "gdelt-mentions" else EVENT_COLUMNS
    df = pd.read_csv(out, sep="\t", header=None, names=names, dtype=str, keep_default_na=False)
    if fmt == "gdelt":
        extras = pd.read_csv(str(out) + ".extras.tsv", sep="\t", dtype=str, keep_default_na=False)
        df = df.merge(extras, on="GLOBALEVENTID", validate="one_to_one")
    return df


FORMATS = {  # the codebook's formats, as regular expressions over the written text
    "GLOBALEVENTID": r"\d+", "SQLDATE": r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])",
    "MonthYear": r"(19|20)\d\d(0[1-9]|1[0-2])", "Year": r"(19|20)\d\d", "FractionDate": r"(19|20)\d\d\.\d{4}",
    "IsRootEvent": r"[01]", "EventCode": r"\d{3,4}", "EventBaseCode": r"\d{3}", "EventRootCode": r"\d\d",
    "QuadClass": r"[1-4]", "GoldsteinScale": r"-?\d+(\.\d+)?", "NumMentions": r"[1-9]\d*",
    "NumSources": r"[1-9]\d*", "NumArticles": r"[1-9]\d*", "AvgTone": r"(-?\d+(\.\d+)?)?",
    "DATEADDED": r"20\d{12}", "SOURCEURL": r"(https?://\S+)?",
}
for side in ("Actor1", "Actor2"):
    FORMATS.update({f"{side}Code": r"([A-Z0-9]{3})*", f"{side}Name": r"[^\t]*", f"{side}CountryCode": r"([A-Z]{3})?",
                    f"{side}KnownGroupCode": r"([A-Z0-9]{3})?", f"{side}EthnicCode": r"([A-Z]{3})?"})
    FORMATS.update({f"{side}{f}": r"([A-Z]{3})?" for f in ("Religion1Code", "Religion2Code", "Type1Code",
                                                          "Type2Code", "Type3Code")})
for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
    FORMATS.update({f"{geo}_Type": r"[0-5]", f"{geo}_FullName": r"[^\t]*", f"{geo}_CountryCode": r"([A-Z]{2})?",
                    f"{geo}_ADM1Code": r"([A-Z0-9]{2,})?", f"{geo}_ADM2Code": r"[^\t]*",
                    f"{geo}_Lat": r"(-?\d+(\.\d+)?)?", f"{geo}_Long": r"(-?\d+(\.\d+)?)?", f"{geo}_FeatureID": r"[^\t]*"})


def test_every_column_has_the_codebooks_format(store, tmp_path):
    df = export(store, tmp_path)
    assert list(df.columns[:61]) == EVENT_COLUMNS and set(FORMATS) == set(EVENT_COLUMNS)
    assert len(df) > 0
    for col, pattern in FORMATS.items():
        bad = [v for v in df[col] if not re.fullmatch(pattern, v)]
        assert not bad, (col, bad)
    assert (df.EventRootCode == df.EventCode.str[:2]).all() and (df.EventBaseCode == df.EventCode.str[:3]).all()
    for day, frac in zip(df.SQLDATE, df.FractionDate):  # YYYY + (MONTH * 30 + DAY) / 365
        y, m, d = int(day[:4]), int(day[4:6]), int(day[6:])
        assert abs(float(frac) - (y + (m * 30 + d) / 365)) < 1e-4


def test_only_asserted_news_by_default_and_include_adds_the_rest(store, tmp_path):
    df = export(store, tmp_path)
    assert set(df.modality) == {"asserted"} and "comment" not in set(df.section)
    assert set(df.background) == {"0"}
    more = export(store, tmp_path, include=("negated", "hypothetical", "comments", "background"))
    assert set(more.modality) == {"asserted", "negated", "hypothetical"} and "comment" in set(more.section)
    assert len(more) == len(df) + 4


def test_a_typical_analysis(store, tmp_path):
    """QuadClass counts per dyad per month and mean Goldstein, as a GDELT user computes them."""
    df = export(store, tmp_path)
    df["GoldsteinScale"] = df.GoldsteinScale.astype(float)
    df["NumMentions"] = df.NumMentions.astype(int)
    per = df.groupby(["Actor1CountryCode", "Actor2CountryCode", "MonthYear", "QuadClass"]).size()
    assert per[("CHN", "RUS", "202404", "1")] == 1 and per[("RUS", "CHN", "202404", "1")] == 1
    nato = df[(df.Actor1Code == "IGOWSTNAT") & (df.Actor2Code == "POL")]
    assert len(nato) == 1 and nato.NumMentions.iloc[0] == 2  # the headline and the article: one event
    assert nato.IsRootEvent.iloc[0] == "1"
    mean = df[df.Actor1CountryCode == "CHN"].GoldsteinScale.mean()
    assert mean == 8.0
    assert not ((df.Actor1Code == "POL") & (df.EventCode == "111")).any()  # "did not accuse": not a row


def test_actor_codes_as_gdelt_has_them(store, tmp_path):
    df = export(store, tmp_path).set_index("Actor1Code", drop=False)
    nato = df.loc["IGOWSTNAT"]
    assert (nato.Actor1Name, nato.Actor1CountryCode, nato.Actor1KnownGroupCode, nato.Actor1Type1Code) == \
        ("NORTH ATLANTIC TREATY ORGANIZATION", "", "NAT", "IGO")
    gov = df.loc["GOV"]
    assert (gov.Actor1CountryCode, gov.Actor1KnownGroupCode, gov.Actor1Type1Code, gov.Actor2Code,
            gov.Actor2CountryCode) == ("", "", "GOV", "KSV", "KSV")
    assert actor_fields("WST")[2:4] == ["WST", ""]                       # a region is no known group
    assert actor_fields("RUSMED")[2:4] + actor_fields("RUSMED")[7:8] == ["RUS", "", "MED"]
    assert actor_fields("EU")[:4] == ["IGOEUREEC", "EUROPEAN UNION", "", "EEC"]
    assert actor_fields("")[:3] == ["", "", ""] and actor_fields(None) == [""] * 10


def test_a_missing_actor_is_one_empty_value(store, tmp_path):
    df = export(store, tmp_path)
    rus = df[(df.Actor1Code == "RUS") & (df.EventCode == "190")]
    assert len(rus) == 1 and rus.Actor2Code.iloc[0] == "" and rus.NumMentions.iloc[0] == "2"


def test_dates_and_urls(store, tmp_path):
    df = export(store, tmp_path)
    assert set(df.DATEADDED.str[:8]) <= {pd.Timestamp.now("UTC").strftime("%Y%m%d"),
                                         (pd.Timestamp.now("UTC") - pd.Timedelta(days=1)).strftime("%Y%m%d")}
    assert set(df.SOURCEURL) == {"https://news.example/a1", ""}       # a file:// address is not a web source
    assert fraction_date(pd.Timestamp("2024-12-31").date()) == "2025.0712"  # (the formula runs past the year)


def test_mentions_table(store, tmp_path):
    events, mentions = export(store, tmp_path), export(store, tmp_path, "gdelt-mentions")
    assert list(mentions.columns) == MENTION_COLUMNS and len(MENTION_COLUMNS) == 16
    assert set(mentions.GLOBALEVENTID) == set(events.GLOBALEVENTID)
    assert len(mentions) == events.NumMentions.astype(int).sum()
    nato = mentions[mentions.SentenceID == "2"].iloc[0]                 # the article's second sentence
    assert BODY[int(nato.Actor1CharOffset):].startswith("NATO")
    assert BODY[int(nato.Actor2CharOffset):].startswith("Poland")
    assert BODY[int(nato.ActionCharOffset):].startswith("warned")
    assert nato.MentionIdentifier == "https://news.example/a1" and nato.MentionSourceName == "news.example"
    assert nato.Confidence == "90" and nato.MentionDocLen == str(len(BODY)) and nato.InRawText == "1"
    assert set(mentions.EventTimeDate) <= set(events.DATEADDED)


def test_export_formats_from_the_cli(store, tmp_path):
    for fmt in ("csv", "gdelt-mentions"):
        out = tmp_path / f"x.{fmt}"
        res = subprocess.run([sys.executable, "-m", "whowhom.cli", "export", "--db", store, "--format", fmt,
                              "--out", out, "--include", "negated"], capture_output=True, text=True, cwd=ROOT)
        assert res.returncode == 0, res.stderr
    assert len(pd.read_csv(tmp_path / "x.csv")) == 11
    assert EXTRA_COLUMNS[0] == "GLOBALEVENTID"


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory):
    """Events with what the writers must clean or quote, places of each precision, no Goldstein score or
    confidence, a url in capitals, an article without url."""
    def where(e, name, country, admin1, lat, lon, gid, precision):
        e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon = name, country, admin1, lat, lon
        e.place_geonames_id, e.place_precision = gid, precision
        return e

    odd = event("RUS", "UKR", "190", 4, -10.0, sentence='He said "no"\tthen\nleft\r.', confidence=0.125)
    odd.source_text, odd.reported_by, odd.plover_context = 'the "Kremlin"', "Reuters\tx", '"'
    path = tmp_path_factory.mktemp("gdelt") / "odd.duckdb"
    with Store(path) as st:
        st.add([Coded(article("b1", "2023-12-31", body="Moscow. Troops fired on Kyiv. é😀e\u0301",
                              url="HTTPS://Upper.example/X"),
                      [where(odd, "Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448, "city"),
                       where(event("RUSMIL", "UKR", "193", 4, None), "Moscow", "RUS", "Moscow", 55.75, 37.62,
                             524901, "city"),
                       where(event("EU", "WST", "036", 1, 4.0), "Bavaria", "DEU", "Bavaria", 48.5, 11.5, None,
                             "region"),
                       where(event("UKR", "RUS", "040", 1, 1.0, confidence=None), None, "UKR", None, 49.0, 32.0,
                             None, "country"),
                       where(event("CHN", "USA", "040", 1, 1.0, confidence=0.285), "Texas", "USA", "Texas", 31.0,
                             -100.0, 4736286, "region")]),
                Coded(article("b2", "2022-02-24", body="No url here."), [event("BLR", None, "163", 4, -8.0)])])
    return path


def python_rows(path) -> tuple[list[str], list[str], list[str]]:
    """The event table, its extras and the mentions table as the per-row Python writer rendered them (each
    value through actor_fields, gdelt_geo, fraction_date and clean), for the SQL writer to match byte for byte."""
    import csv
    import datetime as dt
    import hashlib
    import io
    from whowhom.io import gdelt_geo as geo
    from whowhom.io.gdelt import clean

    def gid(event_id):
        return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)

    def stamp(when):
        return when.astimezone(dt.timezone.utc).strftime("%Y%m%d%H%M%S")

    with Store(path, read_only=True) as st:
        sql, params = exp._gdelt_query("gdelt", False, False, None, ("asserted",))
        cur = st.con.execute(f"SELECT c.*, {', '.join('e.' + c for c in EXTRA_COLUMNS[3:])}, a.url, e.place_name, "
                             "e.place_country, e.place_admin1, e.place_lat, e.place_lon, e.place_geonames_id, "
                             f"e.place_precision FROM ({sql}) c JOIN events e USING (event_id) JOIN articles a "
                             "ON a.article_id = e.article_id ORDER BY c.day, c.event_id", params)
        rows = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
        sql, params = exp._gdelt_query("gdelt-mentions", False, False, None, ("asserted",))
        cur = st.con.execute(f"SELECT * FROM ({sql}) ORDER BY day, cluster_id, event_id", params)
        mentions = [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]
    events, extras = [], io.StringIO()
    x = csv.writer(extras, delimiter="\t", lineterminator="\n")
    x.writerow(EXTRA_COLUMNS)
    for r in rows:
        day, cameo, a1, a2 = r["day"], r["cameo"], actor_fields(r["source"]), actor_fields(r["target"])
        url = r["url"] if r["url"] and r["url"].lower().startswith(("http://", "https://")) else ""
        row = [gid(r["event_id"]), day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, fraction_date(day),
               *a1, *a2, int(bool(r["is_root"])), cameo, cameo[:3], r["cameo_root"], r["quad_class"], r["goldstein"],
               r["num_mentions"], r["num_sources"], r["num_articles"], "", *geo.actor_fields(a1[2], r),
               *geo.actor_fields(a2[2], r), *geo.event_fields(r), stamp(r["added"]), url]
        events.append("\t".join(clean(v) for v in row))
        x.writerow([gid(r["event_id"])] + [clean(r[c]) for c in EXTRA_COLUMNS[1:]])
    lines = []
    for r in mentions:
        def at(offset):
            return -1 if offset is None else r["start"] + offset
        row = [gid(r["cluster_id"]), stamp(r["first_added"]), stamp(r["added"]), 1, r["site"] or "",
               r["url"] or r["doc_id"] or "", 0 if r["section"] == "headline" else r["sentence_index"] + 1,
               at(r["source_start"]), at(r["target_start"]), at(r["trigger_start"]), 1,
               round(100 * r["confidence"]) if r["confidence"] is not None else "", len(r["body"] or ""), "", "", ""]
        lines.append("\t".join(clean(v) for v in row))
    return events, extras.getvalue().splitlines(), lines


@pytest.mark.parametrize("which", ["store", "odd_store"])
def test_sql_writer_matches_the_per_row_rendering(which, request, tmp_path):
    """DuckDB writes the tables (COPY); every column is what the per-row Python rendering gives."""
    path = request.getfixturevalue(which)
    events, extras, mentions = python_rows(path)
    with Store(path, read_only=True) as st:
        exp.export(st, "gdelt", str(tmp_path / "e.tsv"))
        exp.export(st, "gdelt-mentions", str(tmp_path / "m.tsv"))
    assert (tmp_path / "e.tsv").read_text("utf-8").split("\n") == events + [""]
    assert (tmp_path / "e.tsv.extras.tsv").read_text("utf-8").split("\n") == extras + [""]
    assert (tmp_path / "m.tsv").read_text("utf-8").split("\n") == mentions + [""]
    assert len(events) > 3 and any('""' in line for line in extras) == (which == "odd_store")


@pytest.mark.parametrize("which", ["store", "odd_store"])
def test_the_event_table_written_in_runs_of_days_is_the_same(which, request, tmp_path, monkeypatch):
    """The event table and its extras come from one query per run of days (as many events as DuckDB's memory
    limit holds): runs of one day, and a store whose events lack seq (articles then joined on article_id
    alone), give the same bytes as the per-row rendering."""
    import shutil

    import duckdb
    from whowhom.io import gdelt

    path = request.getfixturevalue(which)
    events, extras, _ = python_rows(path)
    no_seq = tmp_path / "no_seq.duckdb"
    shutil.copy(path, no_seq)
    with duckdb.connect(str(no_seq)) as con:  # (as a store written before events kept their article's seq)
        con.execute("UPDATE events SET seq = NULL WHERE n = 0")
    monkeypatch.setattr(gdelt, "RUN_BYTES", 2**40)  # (a run of one event: one day)
    for db in (path, no_seq):
        with Store(db, read_only=True) as st:
            assert exp.export(st, "gdelt", str(tmp_path / "e.tsv")) == len(events)
        assert (tmp_path / "e.tsv").read_text("utf-8").split("\n") == events + [""]
        assert (tmp_path / "e.tsv.extras.tsv").read_text("utf-8").split("\n") == extras + [""]


def test_runs_of_days_and_the_lines_as_arrow_holds_them():
    import datetime as dt

    import pyarrow as pa
    from whowhom.io import gdelt

    d = [dt.date(2024, 1, i) for i in range(1, 5)]
    assert gdelt._runs([(d[0], 2), (d[1], 1), (d[2], 5), (d[3], 1)], 3) == [(d[0], d[1]), (d[2], d[2]), (d[3], d[3])]
    assert gdelt._runs([], 3) == []
    lines = pa.array(["a\tb\n", "é\n", "c\n"])
    for kind in (pa.string(), pa.large_string(), pa.string_view()):
        assert bytes(gdelt._text(lines.cast(kind).slice(1))) == "é\nc\n".encode()
    with pytest.raises(RuntimeError, match="without its day, actor or place"):
        gdelt._text(pa.array(["a\n", None]))


def test_the_cli_exports_within_its_memory_limit(store, tmp_path, monkeypatch):
    """`whowhom export` opens the store with EXPORT_MEMORY, and a run of days is sized for it."""
    from whowhom import cli
    from whowhom.io import gdelt

    seen, write = [], gdelt.write_events

    def spy(con, *args):
        seen.append((con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0], gdelt._run_size(con)))
        return write(con, *args)

    monkeypatch.setattr(gdelt, "write_events", spy)
    monkeypatch.delenv("WHOWHOM_MEMORY_LIMIT", raising=False)
    assert cli.main(["export", "--db", str(store), "--format", "gdelt", "--out", str(tmp_path / "e.tsv")]) in (0, None)
    assert seen in ([("488.2 MiB", 249_958)], [("512.0 MB", 250_000)])
