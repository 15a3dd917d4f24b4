"""The HTTP API over a store of the bundled examples: answers, filters, actors by code or name, the most
active dyads, errors as JSON 4xx, the static report, and the serve/report commands."""

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
from whowhom.store.queries import counted_filters

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
    first = client.get("/api/events", params={"actor": A, "limit": 1, "count": True}).json()
    second = client.get("/api/events", params={"actor": A, "limit": 1, "offset": 1, "count": True}).json()
    assert first["total"] == second["total"] >= 2
    # not asked to count: the total is known only on a page that reaches the end
    assert client.get("/api/events", params={"actor": A, "limit": 1}).json()["total"] is None
    last = client.get("/api/events", params={"actor": A, "limit": 1000, "offset": 1}).json()
    assert last["total"] == first["total"] == 1 + len(last["events"])
    assert client.get("/api/events", params={"actor": A, "offset": 10_000}).json()["total"] is None
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
    assert client.get("/api/dyads/ISL/NZL").json()["series"] == []  # known actors, no events between them


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
    ("/api/events?source=R%3BUS", 422),
    ("/api/events?source=%20RUS", 422),
    (f"/api/dyads/{A}/{B}?by=fortnight", 422),
    (f"/api/dyads/{A}/{B}?by=", 422),
    (f"/api/dyads/{A}/{B}?both_directions=perhaps", 422),
    ("/api/dyads/R%3CUS/CHN", 422),
    ("/api/dyads/" + "A" * 61 + "/CHN", 422),
    ("/api/dyads/XYZ/RUS", 404),
    ("/api/dyads/RUS/Narnia", 404),
    ("/api/events?source=Narnia", 404),
    ("/api/events?actor=R%20US", 404),
    ("/api/dyads?limit=0", 422),
    ("/api/dyads?limit=101", 422),
    ("/api/dyads?section=footer", 422),
    (f"/api/dyads/{A}/{B}?section=footer", 422),
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
    assert {"/api/events", "/api/dyads", "/api/dyads/{a}/{b}", "/api/actors", "/api/articles/{article_id}",
            "/api/code", "/api/health"} <= set(spec["paths"])
    params = spec["paths"]["/api/events"]["get"]["parameters"]
    assert {p["name"] for p in params} >= {"actor", "source", "target", "code", "root", "plover", "modality",
                                           "since", "until", "text", "limit", "offset", "background", "section",
                                           "min_confidence"}
    counts = {"include_background", "include_comments", "min_confidence", "section"}  # what a count takes in
    for path, more in (("/api/dyads/{a}/{b}", {"modality"}), ("/api/dyads", {"modality"}), ("/api/actors", set())):
        assert counts | more <= {p["name"] for p in spec["paths"][path]["get"]["parameters"]}, path
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


def as_stores(rows: list[dict], extra=("since", "until", "kinds", "name")) -> list[dict]:
    """The server's series rows or actor counts without what it adds to the store's (Store.dyad, Store.actors)."""
    return [{k: v for k, v in r.items() if k not in extra} for r in rows]


def test_dyad_series_and_actors_are_the_stores(varied):
    """The server computes series from its dyad's rows of the dyad table, and actor counts from the table:
    the same answers as Store.dyad() and Store.actors(), with each period's first and last day."""
    from whowhom.api import dyads
    from whowhom.api.records import records

    with Store(str(varied), read_only=True) as st:
        whole = dyads.Dyads(st)  # what a server over a small store holds
        for a, b in [("CHN", "RUS"), ("C", "R"), ("RUS", "CHN"), ("USA", "RUS"), ("ZZZ", "RUS"), ("CHN", "CHN")]:
            pair = dyads.Dyads(st, dyad=(a, b))
            for by in ("day", "week", "month", "year"):
                for both in (False, True):
                    for modality, switches in zip((None, "asserted", "negated", None), SWITCHES):
                        got = pair.series(a, b, by, both, modality, **switches)
                        assert whole.series(a, b, by, both, modality, **switches) == got
                        want = records(st.dyad(a, b, by=by, both_directions=both, modality=modality, **switches))
                        assert as_stores(got) == want
                        assert all((r["since"], r["until"]) == bounds(r["period"], by) for r in got)
        cr = dyads.Dyads(st, dyad=("C", "R"))
        assert cr.series("C", "R", "week", True, None)        # the boundaries and prefixes were exercised
        # the switches matter on this store
        assert len({str(cr.series("C", "R", "year", True, None, **sw)) for sw in SWITCHES}) == 4
        for limit in (1, 3, 50):
            for switches in SWITCHES:
                assert dyads.actors(st, limit, **switches) == records(st.actors(limit, **switches))


def test_top_dyads_count_the_events_either_way(varied):
    """The most active dyads, counted by hand from the events: dated events with a target other than their
    source, either way; a is the busier direction; most events first, then by codes."""
    from collections import Counter

    from whowhom.api import dyads

    with Store(str(varied), read_only=True) as st:
        for modality, switches in zip(("asserted", None, "negated", None), SWITCHES):
            events = st.events(limit=None, **counted_filters(**switches))
            events = events[events.target.notna() & (events.source != events.target) & events.day.notna()]
            if modality:
                events = events[events.modality == modality]
            ways = Counter(zip(events.source, events.target))
            pairs = Counter()
            for (s, t), n in ways.items():
                pairs[tuple(sorted((s, t)))] += n
            want = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
            got = dyads.top(st, 5, modality, **switches)
            assert [(tuple(sorted((r["a"], r["b"]))), r["events"]) for r in got] == want
            for r in got:
                assert (r["a_to_b"], r["b_to_a"]) == (ways[(r["a"], r["b"])], ways[(r["b"], r["a"])])
                assert r["a_to_b"] >= r["b_to_a"]
        assert dyads.top(st, 5, "asserted")                  # the store has dyads to count
        assert dyads.has_actor(dyads.codes(st), "CH") and not dyads.has_actor(dyads.codes(st), "ZZZ")


def test_dyad_answers_over_http_are_the_stores(client, db):
    from whowhom.api.records import records

    with Store(str(db), read_only=True) as st:
        want = records(st.dyad(A, B, by="year", both_directions=True, modality="asserted"))
        top = records(st.actors(5))
    got = client.get(f"/api/dyads/{A}/{B}", params={"by": "year"}).json()["series"]
    assert as_stores(got) == want
    assert as_stores(client.get("/api/actors", params={"limit": 5}).json()["actors"]) == top


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
            assert as_stores(got) == want
            assert all((r["since"], r["until"]) == bounds(r["period"], "month") for r in got)
            assert as_stores(client.get("/api/actors", params=params).json()["actors"]) == records(st.actors(50, **params))
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


# ---- actors by code or name, the most active dyads, every filter (issue 19) -----------------------------

@pytest.mark.parametrize("typed, code", [("China", "CHN"), ("china", "CHN"), ("chn", "CHN"), ("CHN", "CHN"),
                                         ("Russian government", "RUSGOV"), ("the West", "WST")])
def test_actors_by_code_or_name(client, typed, code):
    r = client.get("/api/events", params={"actor": typed, "limit": 1000}).json()
    assert r["resolved"] == {"actor": code}  # the answer says which code the name stands for
    assert all(e["source"].startswith(code) or (e["target"] or "").startswith(code) for e in r["events"])
    assert r["total"] == client.get("/api/events", params={"actor": code}).json()["total"]
    both = client.get("/api/events", params={"source": typed, "target": "russia"}).json()
    assert both["resolved"] == {"source": code, "target": "RUS"}
    d = client.get(f"/api/dyads/{typed}/Russia").json()
    assert (d["a"], d["b"]) == (code, "RUS")
    assert d["series"] == client.get(f"/api/dyads/{code}/RUS").json()["series"]


def test_answers_name_their_actors(client):
    d = client.get("/api/dyads/chn/rus").json()
    assert (d["a"], d["a_name"], d["b"], d["b_name"]) == ("CHN", "China", "RUS", "Russia")
    named = {a["actor"]: a["name"] for a in client.get("/api/actors", params={"limit": 1000}).json()["actors"]}
    assert named["CHNGOV"] == "China government" and named["LTU"] == "Lithuania"


@pytest.mark.parametrize("url", ["/api/dyads/Narnia/RUS", "/api/dyads/RUS/xyz", "/api/events?source=Atlantis",
                                 "/api/events?target=Narnia", "/api/events?actor=QQQ"])
def test_an_unknown_actor_is_a_404_that_says_so(client, url):
    r = client.get(url)
    assert r.status_code == 404
    err = r.json()["error"]
    assert "not an actor code or name" in err and "\n" not in err


def top_dyads(db, modality="asserted", include_background=False, include_comments=False, min_confidence=None,
              section=None) -> list[dict]:
    """The most active dyads counted from the events themselves, with what /api/dyads takes."""
    where, params = ["target IS NOT NULL", "source <> target", "day IS NOT NULL"], []
    if modality != "all":
        where.append("modality = ?")
        params.append(modality)
    if not include_background:
        where.append("NOT coalesce(background, false)")
    sections = [section] if isinstance(section, str) else section
    if sections:
        where.append("section IN (SELECT unnest(?))")
        params.append(sections)
    elif not include_comments:
        where.append("section <> 'comment'")
    if min_confidence is not None:
        where.append("confidence >= ?")
        params.append(min_confidence)
    with Store(str(db), read_only=True) as st:
        rows = st.con.execute(
            "SELECT least(source, target) AS x, greatest(source, target) AS y, count(*) AS n, "
            f"count(*) FILTER (WHERE source < target) AS xy FROM events WHERE {' AND '.join(where)} "
            "GROUP BY ALL ORDER BY n DESC, x, y", params).fetchall()
    return [{"a": x, "b": y, "events": n, "a_to_b": xy, "b_to_a": n - xy} if xy >= n - xy else
            {"a": y, "b": x, "events": n, "a_to_b": n - xy, "b_to_a": xy} for x, y, n, xy in rows]


def test_most_active_dyads(client, db):
    got = client.get("/api/dyads", params={"limit": 100}).json()
    assert got["modality"] == "asserted"
    assert as_stores(got["dyads"], ("a_name", "b_name")) == top_dyads(db)[:100]
    first = client.get("/api/dyads").json()["dyads"][0]
    assert first == got["dyads"][0] and first["a_name"] and first["b_name"]
    assert first["a_to_b"] >= first["b_to_a"]
    # its series counts its events
    series = client.get(f"/api/dyads/{first['a']}/{first['b']}", params={"by": "year"}).json()["series"]
    assert sum(r["events"] for r in series) == first["events"]
    assert len(client.get("/api/dyads", params={"limit": 2}).json()["dyads"]) == 2


@pytest.fixture(scope="module")
def varied_client(varied):
    return TestClient(create_app(varied), base_url=LOCAL, raise_server_exceptions=False)


@pytest.mark.parametrize("params", [
    {}, {"modality": "all"}, {"modality": "negated", "include_comments": True},
    {"modality": "all", "include_background": True, "include_comments": True},
    {"modality": "all", "min_confidence": 0.5},  # these three counted from the events
    {"modality": "all", "section": "comment"},
    {"section": ["article", "comment"], "include_background": True},
])
def test_most_active_dyads_are_the_events(varied, varied_client, params):
    got = varied_client.get("/api/dyads", params={"limit": 100, **params}).json()["dyads"]
    assert got and as_stores(got, ("a_name", "b_name")) == top_dyads(varied, **params)


def test_series_by_kind_and_by_section(varied_client):
    """A series row's kinds: news by modality, readers' comments apart, each what a series of that kind alone
    counts; a choice of sections counts the events of those sections."""
    def series(**params) -> dict:
        rows = varied_client.get("/api/dyads/CHN/RUS", params={"by": "year", "include_background": True,
                                                                **params}).json()["series"]
        return {(r["period"], r["source"], r["target"]): r for r in rows}

    every = series(modality="all", include_comments=True)
    assert every and all(sum(r["kinds"].values()) == r["events"] for r in every.values())
    assert any(sum(1 for n in r["kinds"].values() if n) > 1 for r in every.values())  # the split matters here
    comments = series(modality="all", section="comment")
    for key, row in every.items():
        for m in MODALITIES:
            assert row["kinds"][m] == series(modality=m).get(key, {"events": 0})["events"]
        assert row["kinds"]["comment"] == comments.get(key, {"events": 0})["events"]
    for (period, source, target), row in comments.items():
        assert row["kinds"]["comment"] == row["events"] > 0
        listed = varied_client.get("/api/events", params={"source": source, "target": target, "section": "comment",
                                                          "since": row["since"], "until": row["until"]}).json()
        assert listed["total"] == row["events"]
    assert sum(r["events"] for r in series(modality="all", section=["headline", "article"]).values()) == sum(
        r["events"] for r in series(modality="all").values())


def test_report_takes_names_and_refuses_an_unknown_actor(db, tmp_path):
    from whowhom.api.report import write_report
    from whowhom.errors import InputError

    out = tmp_path / "report.html"
    res = whowhom("report", "china", "Russia", "--out", out, "--db", db)
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1))
    assert (data["a"], data["b"]) == ("CHN", "RUS") and "CHN (China) and RUS (Russia)" in page
    assert data["series"] and all("kinds" in r for r in data["series"])
    missing = tmp_path / "none.html"
    res = whowhom("report", "XYZ", "RUS", "--out", missing, "--db", db)
    assert res.returncode == 2 and res.stderr.count("\n") == 1
    assert "'XYZ'" in res.stderr and "not an actor code or name" in res.stderr and not missing.exists()
    with pytest.raises(InputError, match="target 'Narnia': not an actor code or name"):
        write_report(str(db), "RUS", "Narnia", str(missing))


def test_the_server_computes_an_answer_once_for_everyone_who_asks(db):
    """Requests for the same answer while it is computed share the computation; later ones get it kept;
    an error is not kept; a different request is computed."""
    import asyncio
    import time

    from fastapi import HTTPException

    from whowhom.api.stores import Stores

    stores = Stores(str(db))
    calls = []

    def slow(st):
        calls.append(1)
        time.sleep(0.2)
        return b"answer"

    def broken(st):
        calls.append(1)
        raise HTTPException(404, "no")

    async def main():
        together = await asyncio.gather(*(stores.kept("/api/x?a=1", slow) for _ in range(5)))
        assert together == [b"answer"] * 5 and len(calls) == 1
        assert await stores.kept("/api/x?a=1", slow) == b"answer" and len(calls) == 1
        assert await stores.kept("/api/x?a=2", slow) == b"answer" and len(calls) == 2
        for _ in range(2):
            with pytest.raises(HTTPException):
                await stores.kept("/api/y", broken)
        assert len(calls) == 4
    try:
        asyncio.run(main())
    finally:
        stores.close()
