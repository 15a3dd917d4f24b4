"""Where it happened (issue 18): each event's place, from its sentence, else the dateline, else the article;
stored, filtered (--place, --near, the API's place and near), and written to GDELT's geography fields."""

import csv
import json
import subprocess
import sys

import duckdb
import pytest

from api_store import example_store
from conftest import ROOT
from whowhom.io.gdelt import EVENT_COLUMNS
from whowhom.store import Store

KOBANI = "Turkish troops shelled positions near Kobani, Syria on Thursday."


def whowhom(*args, stdin=None):
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT, input=stdin)
    assert res.returncode == 0, res.stderr
    return res.stdout


def near_kobani(lat, lon):
    return abs(float(lat) - 36.9) < 0.2 and abs(float(lon) - 38.4) < 0.2


@pytest.fixture(scope="module")
def kobani_store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("geo")
    (tmp / "in.jsonl").write_text(json.dumps({"id": "k", "date": "2019-10-10", "url": "https://news.example/k",
                                              "text": KOBANI}) + "\n")
    whowhom("ingest", tmp / "in.jsonl", "--db", tmp / "s.duckdb", "--no-progress")
    return tmp / "s.duckdb"


def test_code_places_an_event_in_its_sentence():
    out = whowhom("code", "--input-format", "jsonl", "--format", "jsonl", "-",
                  stdin=json.dumps({"id": "k", "date": "2019-10-10", "text": KOBANI}) + "\n")
    events = [json.loads(line) for line in out.splitlines()]
    shelled = [e for e in events if e["cameo"].startswith("19")]
    assert shelled
    e = shelled[0]
    assert (e["place_country"], e["place_precision"], e["place_feature"]) == ("SYR", "city", "city")
    assert near_kobani(e["place_lat"], e["place_lon"]) and e["place_geonames_id"]


def test_dateline_places_a_sentence_without_a_place(code_sentence):
    events = code_sentence("KIRKUK, Iraq (Reuters) - Iraqi police arrested three protesters on Monday.")
    assert events
    assert {(e.place_country, e.place_precision) for e in events} == {("IRQ", "city")}
    assert all(abs(e.place_lat - 35.47) < 0.3 for e in events)


def test_article_place_when_neither_sentence_nor_dateline_says(code_sentence):
    events = code_sentence("Protesters gathered in Aleppo on Monday. The Syrian government condemned the "
                           "opposition on Tuesday.")
    condemned = [e for e in events if e.sentence.startswith("The Syrian")]
    assert condemned and condemned[0].place_country == "SYR" and condemned[0].place_precision == "city"


def test_a_town_named_as_a_person_or_a_company_sets_no_event(code_sentence):
    # "Sanborn" and "Toyota" are towns too; as the one who criticised, they say who, not where
    from whowhom.geo import places

    events = code_sentence("Police arrested two protesters in Omaha on Monday. Sanborn criticised the police on "
                           "Tuesday.")
    criticised = [e for e in events if e.sentence.startswith("Sanborn")]
    assert criticised and criticised[0].place_name == "Omaha"
    events = code_sentence("Protesters gathered in Aleppo on Monday. Toyota criticised the Syrian government on "
                           "Tuesday.")
    criticised = [e for e in events if e.sentence.startswith("Toyota")]
    assert criticised and (criticised[0].place_name, criticised[0].place_country) == ("Aleppo", "SYR")
    # the geoparser still lists them as toponyms (the geo measure counts every one), marked
    found = {p.text: p.named_otherwise for p in places("Toyota said it would build a plant in Kentucky.")}
    assert found == {"Toyota": True, "Kentucky": False}


def test_a_name_that_speaks_is_someone_not_somewhere():
    from types import SimpleNamespace

    from whowhom.geo import _speaks
    from whowhom.pipeline import _stages

    text = "Sanborn said the campaign failed. Troops left Sanborn on Monday."
    doc = _stages()[0](text)
    first, second = (SimpleNamespace(start=k, end=k + 7) for k in (0, text.rindex("Sanborn")))
    assert _speaks(doc, first) and not _speaks(doc, second)


def test_ingest_path_places_like_code(kobani_store):
    with Store(kobani_store, read_only=True) as st:
        df = st.events(limit=None)
    assert len(df) and (df.place_country == "SYR").all() and (df.place_precision == "city").all()


def test_place_and_near_filters(kobani_store):
    with Store(kobani_store, read_only=True) as st:
        n = st.count_events()
        for place in ("SYR", "syr", "Syria", "kobani", "‘Ayn al ‘Arab", "Aleppo"):  # Aleppo: its governorate
            assert st.count_events(place=place) == n == len(st.events(place=place)), place
        assert st.count_events(place="IRQ") == st.count_events(place="Kirkuk") == 0
        assert st.count_events(near="36.89,38.35,10") == n
        assert st.count_events(near="36.2,37.2,150") == n    # Aleppo is some 130 km away in a straight line...
        assert st.count_events(near="36.2,37.2,100") == 0    # ... not 100
    out = whowhom("events", "--db", kobani_store, "--place", "kobani", "--near", "36.9,38.4,25", "--format", "jsonl")
    assert len(out.splitlines()) == n
    bad = subprocess.run([sys.executable, "-m", "whowhom.cli", "events", "--db", kobani_store, "--near", "36,38"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode != 0 and "LAT,LON,KM" in bad.stderr


def gdelt_rows(db, tmp_path):
    out = tmp_path / "g.tsv"
    whowhom("export", "--db", db, "--format", "gdelt", "--out", out)
    with open(out, encoding="utf-8", newline="") as f:
        return [dict(zip(EVENT_COLUMNS, r)) for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_gdelt_action_geo_of_kobani(kobani_store, tmp_path):
    rows = gdelt_rows(kobani_store, tmp_path)
    assert rows
    for r in rows:
        assert (r["ActionGeo_Type"], r["ActionGeo_CountryCode"]) == ("4", "SY")
        assert r["ActionGeo_FullName"].endswith(", Syria") and r["ActionGeo_ADM1Code"].startswith("SY")
        assert near_kobani(r["ActionGeo_Lat"], r["ActionGeo_Long"]) and r["ActionGeo_FeatureID"]
        # Turkish troops: Turkey, at country level; their target Syria: where the event is
        assert (r["Actor1Geo_Type"], r["Actor1Geo_CountryCode"], r["Actor1Geo_FeatureID"]) == ("1", "TU", "TU")


def test_gdelt_export_of_the_examples_fills_action_geo(tmp_path):
    db = example_store()
    rows = gdelt_rows(db, tmp_path)
    with Store(db, read_only=True) as st:
        placed = st.con.execute("SELECT count(*) FROM events WHERE place_precision IS NOT NULL").fetchone()[0]
        seas = st.con.execute("SELECT count(*) FROM events WHERE place_precision IS NOT NULL "
                              "AND place_country IS NULL").fetchone()[0]
    assert placed and rows
    # (a sea, "the Sea of Japan", has no country: GDELT's geography of it is empty, not the article's country)
    assert sum(r["ActionGeo_Type"] == "0" for r in rows) == seas < len(rows)
    for r in rows:
        if r["ActionGeo_Type"] != "0":
            assert r["ActionGeo_Type"] in "12345" and r["ActionGeo_CountryCode"] and r["ActionGeo_Lat"], r
        if r["Actor1Code"][:3] in ("LTU", "BLR", "CHN", "RUS"):
            assert r["Actor1Geo_Type"] != "0" and r["Actor1Geo_CountryCode"]


def test_exports_carry_the_place(kobani_store, tmp_path):
    whowhom("export", "--db", kobani_store, "--format", "jsonl", "--out", tmp_path / "e.jsonl")
    rec = json.loads((tmp_path / "e.jsonl").read_text().splitlines()[0])
    assert rec["place_country"] == "SYR" and rec["place_precision"] == "city"


def test_a_store_without_places_opens_and_gets_them(kobani_store, tmp_path):
    old = tmp_path / "old.duckdb"
    old.write_bytes(kobani_store.read_bytes())
    con = duckdb.connect(str(old))
    for c in ("place_name", "place_country", "place_admin1", "place_lat", "place_lon", "place_geonames_id",
              "place_feature", "place_precision"):
        con.execute(f"ALTER TABLE events DROP COLUMN {c}")
    con.close()
    with Store(old, read_only=True) as st:  # read-only: the places read as none
        assert st.count_events(place="SYR") == 0 and len(st.events()) > 0
        assert '"place_country":null' in st.events_json()
    with Store(old) as st:                  # written: the columns are added
        assert st.count_events(place="SYR") == 0 and "place_lat" in st._columns("events")


def test_api_events_place_and_near():
    from fastapi.testclient import TestClient
    from whowhom.api import create_app

    client = TestClient(create_app(example_store()), base_url="http://localhost", raise_server_exceptions=False)
    every = client.get("/api/events", params={"limit": 1000}).json()
    assert all("place_precision" in e for e in every["events"])
    lt = client.get("/api/events", params={"place": "ltu", "limit": 1000}).json()
    assert lt["total"] > 0 and {e["place_country"] for e in lt["events"]} == {"LTU"}
    vilnius = client.get("/api/events", params={"near": "54.69,25.28,30", "limit": 1000}).json()
    assert vilnius["total"] > 0 and all(e["place_country"] == "LTU" for e in vilnius["events"])
    assert client.get("/api/events", params={"near": "54.69,25.28"}).status_code == 422
    assert client.get("/api/events", params={"near": "154.69,25.28,5"}).status_code == 422  # no such latitude
    spec = client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"place", "near"} <= names


def test_a_country_named_as_an_actor_is_not_where_it_happened():
    from whowhom.io.readers import RawDoc
    from whowhom.pipeline import run

    text = ("KABUL, Afghanistan (AP) - Turkey criticised the United States on Monday over the sanctions.")
    [coded] = run([RawDoc("x", text, "text", date="2024-05-06")])
    [e] = [e for e in coded.events if e.target == "USA"]
    assert e.place_country == "AFG"   # the dateline's place, not the criticised country
