"""`whowhom report SOURCE TARGET --out report.html`: the dashboard's dyad view as one self-contained HTML
file (plotly.js, styles, data and the map's world inlined; it opens offline, from disk). Actors by code or by name
("report china russia"); one that is neither is an InputError (the CLI's one-line error, exit 2).

Its Content-Security-Policy (a <meta>, there being no server to send a header) lets only its own three
scripts run, named by their SHA-256: nothing in the data can become a script."""

from __future__ import annotations

import base64
import hashlib
import html
import json
from datetime import datetime, timezone
from pathlib import Path

from whowhom.api import names
from whowhom.api.app import STATIC, plotly_js
from whowhom.api.dyads import Dyads
from whowhom.api.records import records
from whowhom.errors import InputError

MAX_EVENTS = 5000  # events embedded per direction

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>{title}</title>
<style>{css}</style>
<script>{plotly}</script>
<script>{view}</script>
</head>
<body>
<header><h1>whowhom</h1><span>{title}</span></header>
<main>
  <section id="dyad-panel">
    <h2 id="dyad-title">{title}</h2>
    <p class="meta">{note}</p>
    <div id="chart" class="chart"></div>
    <h3 id="events-title">Events</h3>
    <div id="map" class="map"></div>
    <div id="events"></div>
  </section>
  <section id="article-panel">
    <h2>Evidence</h2>
    <div id="article"><p class="hint">Click a bar or a point of the chart, then an event, to read its evidence.</p></div>
  </section>
</main>
<script type="application/json" id="report-data">{data}</script>
<script type="application/json" id="world-map">{world}</script>
<script>{main}</script>
</body>
</html>
"""

# The report's own script: it reads the embedded data and wires the chart, the table and the evidence.
MAIN = """
"use strict";
(() => {
  const d = JSON.parse(document.getElementById("report-data").textContent);
  const $ = id => document.getElementById(id);
  const pick = e => { $("article").innerHTML = `<dl class="facts">
      <dt>article</dt><dd>${WW.esc(e.title || e.article_id)} (${WW.esc(e.date || "undated")})</dd>
      <dt>section</dt><dd>${WW.esc(e.section)}</dd>
      <dt>modality</dt><dd class="modality">${WW.esc(e.modality)}</dd>
      <dt>reported by</dt><dd class="reported-by">${WW.esc(e.reported_by ?? "—")}</dd>
      <dt>place</dt><dd class="place">${WW.placeText(e)}</dd>
      <dt>rule</dt><dd class="rule"><code>${WW.esc(e.rule)}</code></dd></dl>
      <p><mark class="evidence">${WW.sentenceHtml(e)}</mark></p>
      ${e.url ? `<p class="meta">${WW.link(e.url)}</p>` : ""}`; };
  // the map's world, from the page: plotly would fetch it, which the page's policy forbids
  window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
  window.PlotlyGeoAssets.topojson.world_110m = JSON.parse(document.getElementById("world-map").textContent);
  const show = (events, title) => {
    $("events-title").textContent = `${title} (${events.length})`;
    WW.eventsTable($("events"), events, pick);
    WW.drawMap($("map"), events, pick);
  };
  if (d.series.length) {
    WW.drawDyad($("chart"), d.series, d.a, d.b, p => show(d.events.filter(e => e.source.startsWith(p.source)
        && (e.target || "").startsWith(p.target) && e.day >= p.since && e.day <= p.until
        && (!p.quad || +e.quad_class === +p.quad) && WW.isKind(e, p.kind)),
      `Events ${p.source} → ${p.target}, ${p.period}${p.kind ? " — " + WW.KINDS[p.kind][0] : ""}`), d.by);
  } else {
    $("chart").innerHTML = '<p class="empty">No events between these two actors.</p>';
  }
  show(d.events, `Events between ${d.a} and ${d.b}`);
})();
"""

# Only the page's scripts (by hash) run; inline styles are allowed, plotly sets its styles inline.
CSP = ("default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")


def build_report(db: str, source: str, target: str, by: str = "month", modality: str = "asserted",
                 include_background: bool = False, include_comments: bool = False,
                 min_confidence: float | None = None) -> str:
    from whowhom.store import Store
    from whowhom.store.queries import counted_filters

    if not Path(db).is_file():
        raise InputError(f"{db}: no such store (build one with `whowhom ingest PATH... --db {db}`)")
    mod = None if modality == "all" else modality
    with Store(path=db, read_only=True) as st:
        a, b = names.code(source, "source", st.has_actor), names.code(target, "target", st.has_actor)
        switches = dict(include_background=include_background, include_comments=include_comments)
        # as the server counts them, with each period's bounds and its events by kind
        series = Dyads(st, min_confidence, dyad=(a, b)).series(a, b, by, True, mod, **switches)
        events = []
        for s, t in ((a, b), (b, a)) if a != b else ((a, b),):
            events += records(st.events(source=s, target=t, modality=mod, limit=MAX_EVENTS,
                                        min_confidence=min_confidence, **counted_filters(**switches)))
    for e in events:
        e["day"] = _day(e.get("date"))
    events.sort(key=lambda e: (e["day"] or "", e["event_id"]))
    title = f"{_named(a)} and {_named(b)}, by {by} ({modality})"
    counted = [what for what, on in (("background events", include_background), ("readers' comments", include_comments))
               if on] + ([f"confidence at least {min_confidence:g}"] if min_confidence is not None else [])
    note = (f"{len(events)} events from {html.escape(db)}"
            + (f" (with {html.escape(', '.join(counted))})" if counted else "") + "; written "
            f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by whowhom report")
    data = json.dumps({"a": a, "b": b, "by": by, "modality": modality, "series": series, "events": events},
                      ensure_ascii=False)
    scripts = dict(plotly=_read(plotly_js()), view=_read(STATIC / "view.js"), main=MAIN)
    csp = CSP.format(hashes=" ".join(_sha256(js) for js in scripts.values()))
    return PAGE.format(csp=csp, title=html.escape(title), note=note, css=_read(STATIC / "style.css"),
                       data=_script_safe(data), world=_script_safe(_read(STATIC / "topojson" / "world_110m.json")),
                       **scripts)


def write_report(db: str, source: str, target: str, out: str, by: str = "month", modality: str = "asserted",
                 **switches) -> None:
    """build_report's page written to `out`; switches: include_background, include_comments, min_confidence."""
    page = build_report(db, source, target, by, modality, **switches)
    try:
        Path(out).write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None
    print(f"whowhom: wrote {out}", flush=True)


def _named(code: str) -> str:
    name = names.name(code)
    return f"{code} ({name})" if name else code


def _day(value: str | None) -> str | None:
    """The ISO day an event is counted on (a bare year or month counts from its first day), as the store does."""
    if not value:
        return None
    parts = (value.split("-") + ["01", "01"])[:3]
    return "-".join(p[:2].zfill(2) if i else p[:4] for i, p in enumerate(parts))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _sha256(script: str) -> str:
    """The CSP source that lets exactly this inline script run."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _script_safe(text: str) -> str:
    """JSON that cannot end its <script> element: every "<" (only ever inside strings) as \\u003c."""
    return text.replace("<", "\\u003c")
