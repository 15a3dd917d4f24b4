"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright, over `whowhom serve`
on a store of the bundled examples. The first view (the most active dyad), actors typed by name, the
address as the view's state, filters and their colours, from the chart to the article; asserting what is
on the page, and that the pages work under their Content-Security-Policy (no violation reported) while it
stops injected script.

A screenshot of the first view is saved to tests/artifacts/dashboard.png (set
WHOWHOM_SCREENSHOT=docs/dashboard.png to also write the README's)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from api_store import DYAD, ROOT, example_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
A, B = DYAD

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run does it)",
                allow_module_level=True)
sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    db = example_store()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "whowhom.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urlopen(url + "/api/health", timeout=2) as r:
                if r.status == 200:
                    break
        except (URLError, ConnectionError, OSError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"whowhom serve did not start: {proc.stdout.read()}")
        time.sleep(0.2)
    yield url, db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def page():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1400, "height": 1100})
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.on("console", lambda m: "Content Security Policy" in m.text and pg.errors.append(m.text))
        pg.set_default_timeout(15_000)
        yield pg
        browser.close()


def tallest_bar(page):
    """The chart's tallest bar segment (plotly draws empty segments too, with no height)."""
    page.wait_for_selector("#chart .bars .point path", state="attached")
    bars = [(b.bounding_box(), b) for b in page.locator("#chart .bars .point path").all()]
    box, bar = max(((b, x) for b, x in bars if b), key=lambda t: t[0]["height"])
    assert box["height"] > 5
    return box


def get(url: str) -> dict:
    with urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def title_starts(page, text: str) -> None:
    """Wait for the view of the address to be drawn (chart and event list), then check its title."""
    page.wait_for_function("() => document.querySelector('#dyad-panel').dataset.view === location.hash")
    assert page.inner_text("#dyad-title").startswith(text)


def test_first_view_is_the_most_active_dyad(server, page):
    url, _ = server
    top = get(url + "/api/dyads?limit=1")["dyads"][0]
    page.goto(url + "/")
    title_starts(page, f"{top['a']} ({top['a_name']}) and {top['b']} ({top['b_name']})")
    tallest_bar(page)  # the chart is drawn
    assert page.inner_text("#events-title").startswith(f"Events between {top['a']} and {top['b']}")
    assert page.locator("#events tbody tr").count() >= 1
    assert (page.input_value("#actor-a"), page.input_value("#actor-b")) == (top["a"], top["b"])
    assert f"a={top['a']}&b={top['b']}" in page.evaluate("location.hash")  # the address says what is shown
    assert "left out" in page.inner_text("#dyad-note")  # and the note what is not counted
    # the actors to pick from: code, readable name and count
    options = page.locator("#actor-list option")
    assert options.count() > 5
    first = get(url + "/api/actors?limit=1")["actors"][0]
    assert options.first.get_attribute("value") == first["actor"]
    assert options.first.text_content() == f"{first['name']} · {first['events']} events"
    page.locator("#events tbody tr").first.click()  # and its first event's evidence, for the screenshot
    page.wait_for_selector("#article mark.evidence")
    assert not page.errors
    # nothing wider than its panel
    assert page.evaluate("[...document.querySelectorAll('main > section')].every(s => s.scrollWidth <= s.clientWidth)")

    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    if os.environ.get("WHOWHOM_SCREENSHOT"):
        dest = ROOT / os.environ["WHOWHOM_SCREENSHOT"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, dest)


def test_actors_by_name_and_the_address_as_the_view(server, page):
    url, _ = server
    page.goto(url + "/")
    title_starts(page, "")
    page.evaluate("window.notReloaded = true")
    page.fill("#actor-a", "china")
    page.fill("#actor-b", "Russia")
    page.press("#actor-b", "Enter")
    title_starts(page, "CHN (China) and RUS (Russia)")
    assert page.input_value("#actor-a") == "CHN"  # the code the name stands for
    assert page.evaluate("location.hash").startswith("#a=CHN&b=RUS")
    tallest_bar(page)
    assert page.inner_text("#events-title").startswith("Events between CHN and RUS")
    sources = [t.inner_text() for t in page.locator("#events tbody tr td:nth-child(2)").all()]
    assert sources and all(s.startswith("CHN") or s.startswith("RUS") for s in sources)

    # a new address shows its view, without a reload; back shows the one before
    page.evaluate("location.hash = '#a=greece&b=TUR&by=year'")
    title_starts(page, "GRC (Greece) and TUR (Turkey), by year")
    assert page.input_value("#period") == "year"
    page.go_back()
    title_starts(page, "CHN (China) and RUS (Russia), by month")
    assert page.evaluate("window.notReloaded") is True

    # an actor that is none: said, and the view stays
    page.fill("#actor-a", "Narnia")
    page.click("#show")
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('not an actor')")
    assert page.get_attribute("#status", "class") == "error"
    assert page.inner_text("#dyad-title").startswith("CHN (China)")
    assert not page.errors


def test_filters_and_the_kinds_of_events_in_their_colours(server, page):
    url, _ = server
    page.goto(url + f"/#a={A}&b={B}")
    title_starts(page, f"{A} (Lithuania) and {B} (Belarus)")
    names = "() => document.querySelector('#chart').data.map(t => t.name)"
    assert "Verbal conflict" in page.evaluate(names)  # asserted news only: bars by QuadClass
    assert "modality=asserted&sections=news" in page.evaluate("location.hash")
    page.select_option("#modality", "all")  # a pick changes the address, which shows the view
    assert "modality=all" in page.evaluate("location.hash")
    title_starts(page, f"{A} (Lithuania)")
    drawn = page.evaluate(names)
    assert "Asserted (news)" in drawn and "Verbal conflict" not in drawn
    assert "every modality" in page.inner_text("#dyad-note")

    # a click on a hypothetical bar lists that period's hypothetical events
    hypothetical = page.evaluate("""() => {
        // plotly keeps each trace's data on its element: the Hypothetical trace's tallest bar
        const bars = [...document.querySelectorAll('#chart .barlayer .trace')]
            .filter(g => g.__data__[0].trace.name === 'Hypothetical')
            .flatMap(g => [...g.querySelectorAll('.point path')].map(p => p.getBoundingClientRect()));
        const box = bars.sort((x, y) => y.height - x.height)[0];
        return {x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height};
    }""")
    assert hypothetical["height"] > 5
    page.mouse.click(hypothetical["x"], hypothetical["y"])
    page.wait_for_function("() => document.querySelector('#events-title').textContent.includes('Hypothetical')")
    modalities = [t.inner_text() for t in page.locator("#events tbody tr td:nth-child(6)").all()]
    assert modalities and set(modalities) == {"hypothetical"}

    # sections and background: in the address, and in what the series asks for
    page.select_option("#sections", "all")
    page.check("#include-background")
    assert "sections=all" in page.evaluate("location.hash") and "background=1" in page.evaluate("location.hash")
    title_starts(page, f"{A} (Lithuania)")
    assert "readers' comments" in page.inner_text("#dyad-note")
    page.select_option("#sections", "headline")
    title_starts(page, f"{A} (Lithuania)")
    assert "headlines only" in page.inner_text("#dyad-note")
    sections = {t.inner_text() for t in page.locator("#events tbody tr td:nth-child(8)").all()}
    assert sections <= {"headline"}
    assert not page.errors


def test_long_evidence_wraps_in_its_panel(server, page):
    url, _ = server
    page.goto(url + "/")
    page.wait_for_function("() => typeof WW === 'object'")
    long_url = "https://example.org/" + "a-very-long-path-segment" * 30
    long_word = "Lithuania" + "x" * 600
    sentence = f"{long_word} accused Belarus of hosting troops near the border."
    overflow = page.evaluate("""([url, sentence]) => {
        const event = {event_id: "x:1", section: "article", sentence, start: 0, end: sentence.length,
                       source: "LTU", source_start: 0, source_end: 9, target: "BLR", cameo: "112",
                       cameo_name: "Accuse", modality: "asserted", rule: "r", background: false};
        WW.showArticle(document.getElementById("article"),
                       {id: "x", title: "T", date: "2024-01-15", url, body: sentence, events: [event]}, event);
        WW.eventsTable(document.getElementById("events"), [Object.assign({date: "2024-01-15"}, event)], () => {});
        const over = id => document.getElementById(id).scrollWidth - document.getElementById(id).clientWidth;
        return {article: over("article"), events: over("events"), page: document.documentElement.scrollWidth - innerWidth};
    }""", [long_url, sentence])
    assert overflow == {"article": 0, "events": 0, "page": 0}
    assert not page.errors


def test_chart_click_leads_to_the_highlighted_evidence(server, page):
    url, db = server
    page.goto(url + "/")
    title_starts(page, "")  # (the first view drawn, so it cannot overwrite the actors typed next)
    page.fill("#actor-a", A)
    page.fill("#actor-b", B)
    page.select_option("#modality", "all")  # every modality: both directions have events
    page.click("#show")
    title_starts(page, f"{A} (Lithuania) and {B} (Belarus)")
    assert "every modality" in page.inner_text("#dyad-note")

    # a real mouse click on a bar: plotly emits plotly_click, the dashboard lists that period's events
    box = tallest_bar(page)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => document.querySelector('#events-title').textContent.includes('→')")
    title = page.inner_text("#events-title")
    assert f"{A} → {B}" in title or f"{B} → {A}" in title
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1
    src, tgt = title.split("Events ")[1].split(",")[0].split(" → ")
    first = rows.first
    assert f"{src} → {tgt}" in first.inner_text()

    # the event -> its article, with the evidence sentence marked and its actors inside the mark
    ev = page.evaluate("""async ([s, t]) => {
        const r = await fetch(`/api/events?source=${s}&target=${t}`);
        return (await r.json()).events; }""", [src, tgt])
    first.click()
    mark = page.wait_for_selector("#article mark.evidence")
    shown = mark.inner_text()
    assert shown in {e["sentence"] for e in ev}
    chosen = next(e for e in ev if e["sentence"] == shown)
    assert page.inner_text("#article mark.evidence .src") == chosen["source_text"]
    if chosen["target_text"]:
        assert chosen["target_text"] in [t.inner_text() for t in page.locator("#article mark.evidence .tgt").all()]
    facts = page.inner_text("#article .selected-event")
    assert chosen["modality"] in facts and chosen["rule"] in facts
    if chosen["reported_by"]:
        assert chosen["reported_by"] in facts
    assert page.locator("#article .ev").count() >= 1  # the article's other events are shaded
    assert not page.errors


def test_code_this_text_box(server, page):
    url, _ = server
    if not page.url.startswith(url):
        page.goto(url + "/")
    page.fill("#code-text", "Greece praised Turkey for its constructive approach on Monday.")
    page.click("#code-button")
    mark = page.wait_for_selector("#code-result mark.evidence")
    assert "Greece praised Turkey" in mark.inner_text()
    assert page.inner_text("#code-result mark.evidence .src") == "Greece"
    page.fill("#code-text", "")
    page.click("#code-button")
    page.wait_for_selector("#code-result .error")
    assert not page.errors


@contextmanager
def offline_report(page, db, tmp_path):
    """The report of the dyad A-B open in the page, every request that would leave the file refused."""
    out = tmp_path / "report.html"
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "report", A, B, "--out", str(out), "--db", str(db),
                          "--modality", "all"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    try:
        page.goto(out.as_uri())
        yield
    finally:
        page.unroute("**/*")


def test_static_report_works_offline(server, page, tmp_path):
    with offline_report(page, server[1], tmp_path):
        box = tallest_bar(page)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("() => document.querySelector('#events-title').textContent.includes('→')")
        page.locator("#events tbody tr").first.click()
        assert page.inner_text("#article mark.evidence .src")
        assert not page.errors


def test_map_of_the_dyads_events_draws_offline_and_leads_to_the_article(server, page):
    """The events listed, where they happened: plotly's world map from the app itself (no request leaves
    it), one click from a marker to its article. Saves tests/artifacts/map.png (and docs/map.png with
    WHOWHOM_SCREENSHOT set)."""
    url, _ = server
    asked = []

    def record(request):
        asked.append(request.url)

    page.on("request", record)
    try:
        page.goto(f"{url}/#a={A}&b={B}&by=month&modality=all")
        title_starts(page, A)
        page.wait_for_selector("#map .scattergeo .point", state="attached")
        assert page.locator("#map .scattergeo .point").count() >= 2
        assert asked and all(u.startswith(url + "/") for u in asked), [u for u in asked if not u.startswith(url)]
        assert any(u.endswith("/static/topojson/world_110m.json") for u in asked)
        page.locator("#map").scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "map.png"
        page.locator("#dyad-panel").screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("WHOWHOM_SCREENSHOT"):  # (as for the dashboard's: the README's only when asked)
            page.locator("#dyad-panel").screenshot(path=str(ROOT / "docs" / "map.png"))
        click_a_marker(page)
        assert not page.errors
    finally:
        page.remove_listener("request", record)


def test_static_report_map_draws_offline(server, page, tmp_path):
    with offline_report(page, server[1], tmp_path):
        click_a_marker(page)
        assert not page.errors


def click_a_marker(page):
    """Wait for the map (markers and countries), click its first marker: its article shows, with its place."""
    page.wait_for_selector("#map .scattergeo .point", state="attached")
    page.wait_for_selector("#map .countries path, #map .layer.countries", state="attached")
    box = page.locator("#map .scattergeo .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#article mark.evidence")
    assert page.inner_text("#article .place").endswith(("(city)", "(region)", "(country)"))


# ---- hostile data (issue 20) ---------------------------------------------------------------------------

URLS = {  # a URL as a record gave it -> is it shown as a link
    "https://example.org/news/1": True,
    "HTTP://example.org/news/2": True,
    "javascript:alert(document.domain)": False,
    "JavaScript:alert(1)": False,
    " javascript:alert(1)": False,
    "java\tscript:alert(1)": False,
    "data:text/html,<script>alert(1)</script>": False,
    "vbscript:msgbox(1)": False,
    "//evil.example/x": False,
    "/api/health": False,
}


def test_only_web_urls_become_links_in_the_article_view(server, page):
    url, _ = server
    page.goto(url + "/")
    page.wait_for_function("() => typeof WW === 'object'")
    for href, is_link in URLS.items():
        links = page.evaluate("""href => {
            const el = document.getElementById("article");
            WW.showArticle(el, {id: "x", title: "T", date: "2024-01-15", url: href, body: "Text.", events: []});
            return {links: [...el.querySelectorAll("a")].map(a => a.getAttribute("href")), text: el.textContent};
        }""", href)
        assert links["links"] == ([href] if is_link else []), href
        assert href.strip() in links["text"]  # a URL that is no link is still shown, as text
    assert not page.errors


def test_the_dashboard_policy_stops_injected_script(server, page):
    url, _ = server
    page.goto(url + "/")
    page.wait_for_function("() => typeof WW === 'object'")
    ran = page.evaluate("""() => new Promise(done => {
        const s = document.createElement("script");
        s.textContent = "window.injected = true";
        document.body.appendChild(s);
        const img = document.createElement("div");
        img.innerHTML = '<img src="/favicon.ico" onload="window.injected = true" onerror="window.injected = true">';
        document.body.appendChild(img);
        setTimeout(() => done(window.injected === true), 300);
    })""")
    assert not ran
    assert page.errors and all("Content Security Policy" in e for e in page.errors)  # reported, as they should
    page.errors.clear()


def test_report_shows_a_hostile_url_as_text(page, tmp_path):
    from test_api_hostile import HOSTILE_URL, hostile_store
    from whowhom.api.report import write_report

    out = tmp_path / "hostile.html"
    write_report(str(hostile_store(tmp_path / "h.duckdb")), A, B, str(out))
    page.goto(out.as_uri())
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#article mark.evidence")
    assert page.locator("#article a").count() == 0
    assert HOSTILE_URL in page.inner_text("#article")
    assert not page.errors
