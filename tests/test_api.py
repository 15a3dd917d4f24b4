"""The HTTP API over a store of the bundled examples: answers, filters, errors as JSON 4xx, the static
report, and the serve/report commands."""

import json
import re
import subprocess
import sys
import warnings

import pytest

from api_store import DYAD, ROOT, example_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from whowhom.api import create_app
from whowhom.api.periods import bounds
from whowhom.store import Store

A, B = DYAD
LOCAL = "http://localhost"  # the server answers only the hosts it serves: loopback names by default


@pytest.fixture(scope="module")
def db():
    return example_store()


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)


def whowhom(*args):
    return subprocess.run([sys.executable, "-m", "whowhom.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def test_health_counts_the_store(client, db):
    with Store(str(db), read_only=True) as st:
        n = st.count_events()
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["events"] == n > 0


def test_actors_most_active_first_with_counts(client):
    actors = client.get("/api/actors", params={"limit": 3}).json()["actors"]
    assert len(actors) == 3
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors)


def test_events_filters_and_paging(client):
    r = client.get("/api/events", params={"source": A, "target": B}).json()
    assert r["total"] == len(r["events"]) > 0
    assert all(e["source"].startswith(A) and e["target"].startswith(B) for e in r["events"])
    first = client.get("/api/events", params={"actor": A, "limit": 1}).json()
    second = client.get("/api/events", params={"actor": A, "limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] >= 2
    assert first["events"][0]["event_id"] != second["events"][0]["event_id"]
    asserted = client.get("/api/events", params={"modality": "asserted", "limit": 1000}).json()["events"]
    assert asserted and {e["modality"] for e in asserted} == {"asserted"}
    ev = r["events"][0]
    by_code = client.get("/api/events", params={"code": ev["cameo"]}).json()["events"]
    assert by_code and all(e["cameo"].startswith(ev["cameo"]) for e in by_code)
    by_root = client.get("/api/events", params={"root": ev["cameo_root"]}).json()["events"]
    assert {e["event_id"] for e in by_code} <= {e["event_id"] for e in by_root}
    day = ev["date"]
    dated = client.get("/api/events", params={"since": day, "until": day}).json()["events"]
    assert ev["event_id"] in {e["event_id"] for e in dated}
    assert client.get("/api/events", params={"until": "1900-01-01"}).json()["total"] == 0
    word = ev["sentence"].split()[0]
    assert ev["event_id"] in {e["event_id"] for e in client.get(
        "/api/events", params={"text": word, "limit": 1000}).json()["events"]}


def test_text_filter_is_a_parameter_not_sql(client):
    before = client.get("/api/health").json()["events"]
    r = client.get("/api/events", params={"text": "'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/health").json()["events"] == before


def test_dyad_series_both_directions_and_period_bounds(client):
    r = client.get(f"/api/dyads/{A}/{B}", params={"modality": "all"}).json()
    assert r["a"] == A and r["b"] == B and r["by"] == "month"
    pairs = {(row["source"], row["target"]) for row in r["series"]}
    assert pairs == {(A, B), (B, A)}
    for row in r["series"]:
        assert row["events"] == row["q1"] + row["q2"] + row["q3"] + row["q4"]
        assert -10 <= row["goldstein_mean"] <= 10
        # the period's bounds select exactly the events it counts (no background event, no comment)
        n = client.get("/api/events", params={"source": row["source"], "target": row["target"],
                                              "since": row["since"], "until": row["until"], "background": False,
                                              "section": ["headline", "article"]}).json()["total"]
        assert n == row["events"]
    one_way = client.get(f"/api/dyads/{A.lower()}/{B}", params={"both_directions": False, "modality": "all"}).json()
    assert {(row["source"], row["target"]) for row in one_way["series"]} == {(A, B)}
    yearly = client.get(f"/api/dyads/{A}/{B}", params={"by": "year", "modality": "all"}).json()["series"]
    assert all(row["since"].endswith("-01-01") and row["until"].endswith("-12-31") for row in yearly)
    assert client.get("/api/dyads/XXX/YYY").json()["series"] == []


def test_article_has_anatomy_and_event_spans(client):
    ev = client.get("/api/events", params={"source": A, "target": B}).json()["events"][0]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["id"] == ev["article_id"] and art["body"] and isinstance(art["parts"], list)
    mine = [e for e in art["events"] if e["event_id"] == ev["event_id"]]
    assert mine
    texts = {"article": art["body"], "headline": art["title"]}
    for e in art["events"]:
        if e["section"] in texts:
            assert texts[e["section"]][e["start"]:e["end"]] == e["sentence"]
        assert e["sentence"][e["source_start"]:e["source_end"]] == e["source_text"]


@pytest.mark.parametrize("url, status", [
    ("/api/events?limit=-1", 422),
    ("/api/events?limit=0", 422),
    ("/api/events?limit=100000000", 422),
    ("/api/events?offset=-5", 422),
    ("/api/events?since=2023-13-40", 422),
    ("/api/events?until=yesterday", 422),
    ("/api/events?since=2024-01-01&until=2023-01-01", 422),
    ("/api/events?modality=probably", 422),
    ("/api/events?code=12ab", 422),
    ("/api/events?root=123", 422),
    ("/api/events?actor=" + "A" * 100, 422),
    ("/api/events?source=R%27US", 422),
    (f"/api/dyads/{A}/{B}?by=fortnight", 422),
    (f"/api/dyads/{A}/{B}?by=", 422),
    (f"/api/dyads/{A}/{B}?both_directions=perhaps", 422),
    ("/api/dyads/R%20US/CHN", 422),
    ("/api/actors?limit=-3", 422),
    ("/api/actors?limit=huge", 422),
    ("/api/events?min_confidence=1.5", 422),
    ("/api/events?section=footer", 422),
    ("/api/events?background=maybe", 422),
    (f"/api/dyads/{A}/{B}?min_confidence=-0.1", 422),
    (f"/api/dyads/{A}/{B}?include_background=perhaps", 422),
    ("/api/articles/no-such-article", 404),
    ("/api/nothing-here", 404),
])
def test_bad_parameters_get_a_json_4xx(client, url, status):
    r = client.get(url)
    assert r.status_code == status
    err = r.json()["error"]
    assert isinstance(err, str) and err and "\n" not in err


def test_an_unexpected_failure_is_still_one_line_of_json(db, monkeypatch):
    from whowhom.api.stores import Stores

    def broken(self):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(Stores, "get", broken)
    r = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False).get("/api/events")
    assert r.status_code == 500 and r.json() == {"error": "internal error (RuntimeError)"}


def test_code_a_posted_text(client):
    before = client.get("/api/health").json()["events"]
    r = client.post("/api/code", json={"text": "Lithuania accused Belarus of hosting troops near the border.",
                                       "date": "2023-03-03"})
    assert r.status_code == 200
    body = r.json()
    assert body["article"]["body"].startswith("Lithuania accused")
    ev = body["events"][0]
    assert (ev["source"], ev["target"], ev["cameo_root"]) == ("LTU", "BLR", "11")
    assert client.get("/api/health").json()["events"] == before  # nothing stored


def test_code_a_posted_html_page(client):
    html = ("<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
            "<p>Greece praised Turkey for its constructive approach on Monday.</p></article></body></html>")
    events = client.post("/api/code", json={"html": html}).json()["events"]
    assert any((e["source"], e["target"]) == ("GRC", "TUR") for e in events)


@pytest.mark.parametrize("payload, status", [
    ({}, 422),
    ({"text": "a", "html": "<p>a</p>"}, 422),
    ({"text": "   "}, 422),
    ({"text": "x" * 100_001}, 413),
    ({"text": "Some text.", "date": "2024-02-31"}, 422),
    ({"text": 5}, 422),
])
def test_code_rejects_bad_posts(client, payload, status):
    r = client.post("/api/code", json=payload)
    assert r.status_code == status and r.json()["error"]


def test_code_rejects_a_huge_body_before_reading_it(client):
    r = client.post("/api/code", content=b"x" * 2_000_000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "bytes" in r.json()["error"]
    r = client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_openapi_documents_every_endpoint_and_its_parameters(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyads/{a}/{b}", "/api/actors", "/api/articles/{article_id}", "/api/code",
            "/api/health"} <= set(spec["paths"])
    params = spec["paths"]["/api/events"]["get"]["parameters"]
    assert {p["name"] for p in params} >= {"actor", "source", "target", "code", "root", "plover", "modality",
                                           "since", "until", "text", "limit", "offset", "background", "section",
                                           "min_confidence"}
    dyad = {p["name"] for p in spec["paths"]["/api/dyads/{a}/{b}"]["get"]["parameters"]}
    assert {"include_background", "include_comments", "min_confidence"} <= dyad
    assert all(p.get("description") for p in params)
    assert client.get("/docs").status_code == 404  # Swagger UI would fetch its JavaScript from a CDN


def test_dashboard_is_served_with_bundled_plotly(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="chart"' in page.text
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page.text)
    assert "/static/plotly.min.js" in scripts and not [s for s in scripts if "//" in s]
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    for name in ("view.js", "dashboard.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_period_bounds():
    assert bounds("2024-02-01", "month") == ("2024-02-01", "2024-02-29")
    assert bounds("2023-12-01", "month") == ("2023-12-01", "2023-12-31")
    assert bounds("2024-01-01", "year") == ("2024-01-01", "2024-12-31")
    assert bounds("2024-03-04", "week") == ("2024-03-04", "2024-03-10")
    assert bounds("2024-03-04", "day") == ("2024-03-04", "2024-03-04")
    with pytest.raises(ValueError):
        bounds("2024-03", "fortnight")


def test_report_is_one_self_contained_file(db, tmp_path):
    out = tmp_path / "report.html"
    res = whowhom("report", A, B, "--out", out, "--db", db, "--modality", "all")
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)=', page)  # nothing fetched
    assert "Plotly" in page and "WW.drawDyad" in page
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1))
    assert data["a"] == A and data["b"] == B
    assert {(r["source"], r["target"]) for r in data["series"]} == {(A, B), (B, A)}
    assert sum(r["events"] for r in data["series"]) == len(data["events"])


@pytest.mark.parametrize("args", [("serve", "--db"), ("report", "CHN", "RUS", "--db")])
def test_missing_store_is_a_one_line_error(tmp_path, args):
    res = whowhom(*args, tmp_path / "none.duckdb")
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "no such store" in res.stderr


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """A store with what a dyad series has to get right: codes sharing a prefix, both directions, no
    target, no date, no Goldstein score, all modalities, week, month and year boundaries, exact ties."""
    from test_store import article, event
    from whowhom.pipeline import Coded

    db = tmp_path_factory.mktemp("varied") / "v.duckdb"
    pairs = [("CHN", "RUS"), ("CHNGOV", "RUS"), ("RUS", "CHN"), ("RUSMIL", "CHNGOV"), ("USA", None), ("CHN", "RUSX")]
    dates = ["2023-12-31", "2024-01-01", "2024-01-07", "2024-01-08", "2024-02-29", "2024", None]
    scores = [1.0, -0.5, 0.0, 0.0, None, 3.4, -10.0, 0.125]
    with Store(db) as st:
        for i in range(60):
            s, t = pairs[i % len(pairs)]
            st.add([Coded(article(f"v{i}", dates[i % len(dates)], body=f"Body {i}, unlike any other body here."),
                          [event(s, t, quad=1 + i % 4, goldstein=scores[i % len(scores)],
                                 modality=MODALITIES[i % 4], background=i % 5 == 0,
                                 section="comment" if i % 7 == 3 else "article", confidence=(i % 10) / 10)])])
    return db


SWITCHES = [{}, {"include_background": True}, {"include_comments": True},
            {"include_background": True, "include_comments": True}]


MODALITIES = ["asserted", "negated", "hypothetical", "intended"]


def test_dyad_series_and_actors_are_the_stores(varied):
    """The server computes series and actor counts from the dyad table in memory: the same answers as
    Store.dyad() and Store.actors(), with each period's first and last day."""
    from whowhom.api.dyads import Dyads
    from whowhom.api.records import records

    with Store(str(varied), read_only=True) as st:
        dyads = Dyads(st)
        for a, b in [("CHN", "RUS"), ("C", "R"), ("RUS", "CHN"), ("USA", "RUS"), ("ZZZ", "RUS"), ("CHN", "CHN")]:
            for by in ("day", "week", "month", "year"):
                for both in (False, True):
                    for modality, switches in zip((None, "asserted", "negated", None), SWITCHES):
                        got = dyads.series(a, b, by, both, modality, **switches)
                        want = records(st.dyad(a, b, by=by, both_directions=both, modality=modality, **switches))
                        assert [{k: v for k, v in r.items() if k not in ("since", "until")} for r in got] == want
                        assert all((r["since"], r["until"]) == bounds(r["period"], by) for r in got)
        assert dyads.series("C", "R", "week", True, None)        # the boundaries and prefixes were exercised
        # the switches matter on this store
        assert len({str(dyads.series("C", "R", "year", True, None, **sw)) for sw in SWITCHES}) == 4
        for limit in (1, 3, 50):
            for switches in SWITCHES:
                assert dyads.actors(limit, **switches) == records(st.actors(limit, **switches))


def test_dyad_answers_over_http_are_the_stores(client, db):
    from whowhom.api.records import records

    with Store(str(db), read_only=True) as st:
        want = records(st.dyad(A, B, by="year", both_directions=True, modality="asserted"))
        top = records(st.actors(5))
    got = client.get(f"/api/dyads/{A}/{B}", params={"by": "year"}).json()["series"]
    assert [{k: v for k, v in r.items() if k not in ("since", "until")} for r in got] == want
    assert client.get("/api/actors", params={"limit": 5}).json()["actors"] == top


def test_serve_refuses_zero_workers(db):
    res = whowhom("serve", "--db", db, "--workers", "0", "--port", "0")
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "workers" in res.stderr


def test_switches_and_confidence_floor_over_http(varied):
    from whowhom.api.records import records

    client = TestClient(create_app(varied), base_url=LOCAL, raise_server_exceptions=False)
    with Store(str(varied), read_only=True) as st:
        for params in ({"min_confidence": 0.5}, {"min_confidence": 0.5, "include_background": True},
                       {"include_comments": True}):
            want = records(st.dyad("CHN", "RUS", by="month", both_directions=True, modality=None, **params))
            got = client.get("/api/dyads/CHN/RUS", params={"modality": "all", **params}).json()["series"]
            assert [{k: v for k, v in r.items() if k not in ("since", "until")} for r in got] == want
            assert all((r["since"], r["until"]) == bounds(r["period"], "month") for r in got)
            assert client.get("/api/actors", params=params).json()["actors"] == records(st.actors(50, **params))
        floor = client.get("/api/dyads/CHN/RUS", params={"modality": "all", "min_confidence": 0.5}).json()["series"]
        assert sum(r["events"] for r in floor) < sum(
            r["events"] for r in client.get("/api/dyads/CHN/RUS", params={"modality": "all"}).json()["series"])
        events = client.get("/api/events", params={"min_confidence": 0.7, "limit": 1000}).json()["events"]
        assert events and min(e["confidence"] for e in events) >= 0.7
        assert len(events) == st.count_events(min_confidence=0.7)
        background = client.get("/api/events", params={"background": True, "limit": 1000}).json()
        assert background["total"] == st.count_events(background=True) > 0
        assert all(e["background"] for e in background["events"])
        comments = client.get("/api/events", params={"section": "comment", "limit": 1000}).json()["events"]
        assert comments and {e["section"] for e in comments} == {"comment"}
        both = client.get("/api/events", params={"section": ["headline", "article"]}).json()["total"]
        assert both + len(comments) == st.count_events()


def test_report_counts_what_its_switches_say(varied):
    from whowhom.api.report import build_report

    seen = set()
    for switches in [{}, {"include_background": True, "include_comments": True}, {"min_confidence": 0.5}]:
        page = build_report(str(varied), "CHN", "RUS", "year", "all", **switches)
        data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1))
        n = sum(r["events"] for r in data["series"])
        assert n == len([e for e in data["events"] if e["day"]])     # the listed events are the counted ones
        assert all(e["confidence"] >= switches.get("min_confidence", 0) for e in data["events"])
        seen.add(n)
    assert len(seen) == 3
