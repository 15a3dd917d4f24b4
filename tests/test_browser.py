"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright, over `whowhom serve`
on a store of the bundled examples. From the chart to the article, asserting what is on the page.

A screenshot is saved to tests/artifacts/dashboard.png (set WHOWHOM_SCREENSHOT=docs/dashboard.png to also
write the README's)."""

import os
import shutil
import socket
import subprocess
import sys
import time
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


def test_chart_click_leads_to_the_highlighted_evidence(server, page):
    url, db = server
    page.goto(url + "/")
    page.fill("#actor-a", A)
    page.fill("#actor-b", B)
    page.select_option("#modality", "all")  # every modality: both directions have events
    page.click("#show")
    page.wait_for_function("document.querySelector('#dyad-title').textContent.startsWith(%r)" % f"{A} and {B}")

    # a real mouse click on a bar: plotly emits plotly_click, the dashboard lists that period's events
    box = tallest_bar(page)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("document.querySelector('#events-title').textContent.includes('→')")
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

    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "dashboard.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    if os.environ.get("WHOWHOM_SCREENSHOT"):
        dest = ROOT / os.environ["WHOWHOM_SCREENSHOT"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, dest)


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


def test_static_report_works_offline(server, page, tmp_path):
    _, db = server
    out = tmp_path / "report.html"
    res = subprocess.run([sys.executable, "-m", "whowhom.cli", "report", A, B, "--out", str(out), "--db", str(db),
                          "--modality", "all"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    try:
        page.goto(out.as_uri())
        box = tallest_bar(page)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("document.querySelector('#events-title').textContent.includes('→')")
        page.locator("#events tbody tr").first.click()
        assert page.inner_text("#article mark.evidence .src")
        assert not page.errors
    finally:
        page.unroute("**/*")
