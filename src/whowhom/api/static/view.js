// The dyad view, shared by the dashboard and the static report: the chart, the event table, and an
// article with its evidence highlighted. Needs plotly.js (bundled, never a CDN).
"use strict";

const WW = (() => {
  const QUADS = {
    1: ["Verbal cooperation", "#66bb6a"], 2: ["Material cooperation", "#1e88e5"],
    3: ["Verbal conflict", "#ffa726"], 4: ["Material conflict", "#e53935"],
  };
  // What a series row's events are (its `kinds`): news (headline and article) by modality, and readers'
  // comments apart. A series counts asserted news only unless the user asks for more; when it holds more
  // than one kind, its bars are by kind, in these colours, so that nothing is mistaken for asserted news.
  const KINDS = {
    asserted: ["Asserted (news)", "#3949ab"], negated: ["Negated", "#8d6e63"],
    hypothetical: ["Hypothetical", "#b0bec5"], intended: ["Intended", "#26a69a"],
    comment: ["Readers' comments", "#ab47bc"],
  };

  // Whether an event is of a kind (no kind: any).
  function isKind(e, kind) {
    if (!kind) return true;
    return kind === "comment" ? e.section === "comment" : e.section !== "comment" && e.modality === kind;
  }

  function esc(s) {
    return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  // A URL from the data becomes a link only if it is a web address (http or https): a javascript: URL would
  // run as script when clicked, a data: URL open a page of its own making. Others are shown as text.
  // Every URL the pages show goes through here.
  function link(url) {
    const text = esc(url);
    return /^https?:\/\//i.test(String(url ?? "")) ? `<a href="${text}" rel="noopener noreferrer">${text}</a>` : text;
  }

  // ---- chart -------------------------------------------------------------------------------------

  // series: rows {period, since, until, source, target, events, goldstein_mean, q1..q4, kinds}.
  // Two panels sharing the time axis: a -> b on top, b -> a below; bars stacked by QuadClass (or, when the
  // events are of several kinds, by kind), and the mean Goldstein score as a line on the right axis (-10 .. 10).
  // onClick gets {source, target, quad, kind, since, until, period} (quad or kind: the bar's, else null).
  function drawDyad(el, series, a, b, onClick, by) {
    const periods = timeline([...new Set(series.map(r => String(r.period)))].sort(), by);
    const label = p => (by === "month" ? p.slice(0, 7) : by === "year" ? p.slice(0, 4) : p);
    const xs = periods.map(label);
    const kinds = Object.keys(KINDS).filter(k => series.some(r => r.kinds && r.kinds[k]));
    // one bar per QuadClass, or per kind: [name, colour, count of a row, quad, kind]
    const stacks = kinds.length > 1
      ? kinds.map(k => [KINDS[k][0], KINDS[k][1], r => r.kinds[k] || 0, null, k])
      : [1, 2, 3, 4].map(q => [QUADS[q][0], QUADS[q][1], r => r["q" + q] || 0, q, null]);
    const data = [];
    [[a, b, "y", "y2"], [b, a, "y3", "y4"]].forEach(([src, tgt, ybar, yline], panel) => {
      const rows = new Map(series.filter(r => r.source === src && r.target === tgt).map(r => [String(r.period), r]));
      const at = p => rows.get(p);
      for (const [name, color, count, quad, kind] of stacks) {
        data.push({
          type: "bar", name, legendgroup: name, showlegend: panel === 0,
          marker: {color}, x: xs, y: periods.map(p => (at(p) ? count(at(p)) : 0)),
          customdata: periods.map(p => [src, tgt, quad, at(p)?.since ?? null, at(p)?.until ?? null, label(p), kind]),
          hovertemplate: `${esc(src)} → ${esc(tgt)} %{x}<br>${esc(name)}: %{y}<extra></extra>`,
          xaxis: "x", yaxis: ybar,
        });
      }
      data.push({
        type: "scatter", mode: "lines+markers", name: "Mean Goldstein", legendgroup: "g", showlegend: panel === 0,
        line: {color: "#37474f", width: 2}, marker: {size: 7},
        x: xs, y: periods.map(p => (at(p) ? at(p).goldstein_mean : null)), connectgaps: false,
        customdata: periods.map(p => [src, tgt, null, at(p)?.since ?? null, at(p)?.until ?? null, label(p), null]),
        hovertemplate: `${esc(src)} → ${esc(tgt)} %{x}<br>mean Goldstein %{y:.1f}<extra></extra>`,
        xaxis: "x", yaxis: yline,
      });
    });
    const layout = {
      barmode: "stack", bargap: periods.length < 4 ? 0.6 : 0.15, margin: {l: 50, r: 50, t: 30, b: 40}, hovermode: "closest",
      legend: {orientation: "h", y: -0.12},
      xaxis: {type: "category", anchor: "y3", automargin: true},
      yaxis: {domain: [0.55, 1], title: {text: "events"}, rangemode: "tozero"},
      yaxis2: {overlaying: "y", side: "right", range: [-10.5, 10.5], tickvals: [-10, -5, 0, 5, 10], title: {text: "Goldstein"}, zeroline: true, showgrid: false},
      yaxis3: {domain: [0, 0.45], title: {text: "events"}, rangemode: "tozero"},
      yaxis4: {overlaying: "y3", side: "right", range: [-10.5, 10.5], tickvals: [-10, -5, 0, 5, 10], title: {text: "Goldstein"}, zeroline: true, showgrid: false},
      annotations: [
        {text: `<b>${esc(a)} → ${esc(b)}</b>`, xref: "paper", yref: "paper", x: 0, y: 1.04, showarrow: false, xanchor: "left"},
        {text: `<b>${esc(b)} → ${esc(a)}</b>`, xref: "paper", yref: "paper", x: 0, y: 0.49, showarrow: false, xanchor: "left"},
      ],
    };
    Plotly.newPlot(el, data, layout, {displaylogo: false, responsive: true});
    el.removeAllListeners?.("plotly_click");
    el.on("plotly_click", ev => {
      const pt = ev.points && ev.points[0];
      if (!pt || !pt.customdata) return;
      const [source, target, quad, since, until, period, kind] = pt.customdata;
      if (!since) return;  // a quiet period: nothing to list
      onClick({source, target, quad, kind, since, until, period});
    });
  }

  // Every period from the first to the last, so that quiet periods show as gaps (at most 600 of them).
  function timeline(periods, by) {
    if (!by || periods.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(periods[0])) return periods;
    const out = [];
    const d = new Date(periods[0] + "T00:00:00Z");
    const last = periods[periods.length - 1];
    while (out.length < 600) {
      const label = d.toISOString().slice(0, 10);
      if (label > last) break;
      out.push(label);
      if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
      else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
      else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
      else d.setUTCFullYear(d.getUTCFullYear() + 1);
    }
    return out.length < 600 && periods.every(p => out.includes(p)) ? out : periods;
  }

  // ---- map ---------------------------------------------------------------------------------------

  // The events that have a place, one marker each, coloured by QuadClass; events at one place are spread
  // on a small circle round it so that each can be clicked. onPick(event) as the events table's. The world
  // map is the app's own copy (topojsonURL; the report puts it in window.PlotlyGeoAssets): never a CDN.
  function drawMap(el, events, onPick, topojsonURL) {
    const placed = events.filter(e => e.place_lat != null && e.place_lon != null);
    if (!placed.length) {
      if (window.Plotly) Plotly.purge(el);
      el.innerHTML = '<p class="empty">No events with a place.</p>';
      return;
    }
    el.innerHTML = "";
    const seen = new Map();
    const spot = e => {  // the k-th event at a point: 0.12 degrees off it, at k radians
      const key = `${e.place_lat},${e.place_lon}`;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      return k ? [e.place_lat + 0.12 * Math.sin(k), e.place_lon + 0.12 * Math.cos(k)] : [e.place_lat, e.place_lon];
    };
    const data = [1, 2, 3, 4].map(q => {
      const evs = placed.filter(e => +e.quad_class === q);
      const at = evs.map(spot);
      return {
        type: "scattergeo", mode: "markers", name: QUADS[q][0], marker: {color: QUADS[q][1], size: 9, opacity: 0.85,
          line: {color: "#263238", width: 0.5}},
        lat: at.map(p => p[0]), lon: at.map(p => p[1]), customdata: evs.map(e => placed.indexOf(e)),
        text: evs.map(e => `${esc(e.place_name)} (${esc(e.place_precision)})<br>${esc(e.source)} → ${esc(e.target ?? "")}: ` +
          `${esc(e.cameo)} ${esc(e.cameo_name)}<br>${esc(e.date || e.event_date || "")}`),
        hovertemplate: "%{text}<extra></extra>",
      };
    }).filter(t => t.lat.length);
    // the events' box with room round it (at least 2 * half degrees across), so the places have their context
    const box = (xs, lo, hi, half) => {
      const [a, b] = [Math.min(...xs), Math.max(...xs)];
      const pad = Math.max(half - (b - a) / 2, (b - a) * 0.2, 3);
      return [Math.max(lo, a - pad), Math.min(hi, b + pad)];
    };
    const layout = {
      margin: {l: 0, r: 0, t: 10, b: 10}, legend: {orientation: "h", y: 0}, hovermode: "closest", showlegend: true,
      geo: {scope: "world", resolution: 110, projection: {type: "natural earth"}, showcountries: true,
        countrycolor: "#90a4ae", showland: true, landcolor: "#f5f5f0", showocean: true, oceancolor: "#e3f2fd",
        lataxis: {range: box(placed.map(e => e.place_lat), -60, 85, 15)},
        lonaxis: {range: box(placed.map(e => e.place_lon), -180, 180, 35)}},
    };
    const config = {displaylogo: false, responsive: true};
    if (topojsonURL) config.topojsonURL = topojsonURL;
    Plotly.newPlot(el, data, layout, config);
    el.removeAllListeners?.("plotly_click");
    el.on("plotly_click", ev => {
      const pt = ev.points && ev.points[0];
      if (pt && pt.customdata != null) onPick(placed[pt.customdata]);
    });
  }

  // ---- events table ------------------------------------------------------------------------------

  // compact: the table under an article, whose sentences are shown in the text above it.
  function eventsTable(el, events, onPick, compact) {
    if (!events.length) { el.innerHTML = '<p class="empty">No events.</p>'; return; }
    if (compact) {
      el.innerHTML = `<table class="events compact"><thead><tr><th>dyad</th><th>CAMEO</th><th>modality</th>
        <th>reported by</th><th>section</th></tr></thead><tbody>${events.map((e, i) => `<tr data-i="${i}">
        <td>${esc(e.source)} → ${esc(e.target ?? "")}</td><td class="q${esc(e.quad_class)}">${esc(e.cameo)} ${esc(e.cameo_name)}</td>
        <td>${esc(e.modality)}</td><td>${esc(e.reported_by ?? "")}</td><td>${esc(e.section)}</td></tr>`).join("")}</tbody></table>`;
    } else {
      eventsRows(el, events);
    }
    el.querySelectorAll("tbody tr").forEach(tr => tr.addEventListener("click", () => {
      el.querySelectorAll("tr.selected").forEach(x => x.classList.remove("selected"));
      tr.classList.add("selected");
      onPick(events[+tr.dataset.i]);
    }));
  }

  function eventsRows(el, events) {
    const rows = events.map((e, i) => `<tr data-i="${i}" data-event-id="${esc(e.event_id)}">
      <td>${esc(e.date || e.event_date || "")}${e.background ? ' <span class="background">background</span>' : ""}</td>
      <td>${esc(e.source)} → ${esc(e.target ?? "")}</td>
      <td class="q${esc(e.quad_class)}" title="${esc(e.cameo_name)}">${esc(e.cameo)} ${esc(e.cameo_name)}</td>
      <td>${esc(e.goldstein)}</td><td>${esc(e.plover ?? "")}</td><td>${esc(e.modality)}</td>
      <td>${esc(e.reported_by ?? "")}</td><td>${esc(e.section)}</td><td class="confidence">${esc(e.confidence)}</td>
      <td class="sentence">${sentenceHtml(e)}</td></tr>`).join("");
    el.innerHTML = `<table class="events"><thead><tr><th>date</th><th>dyad</th><th>CAMEO</th><th>Goldstein</th>
      <th>PLOVER</th><th>modality</th><th>reported by</th><th>section</th><th>conf.</th><th>evidence</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  // The evidence sentence with source, target and trigger marked (offsets are within the sentence).
  function sentenceHtml(e) {
    const spans = [];
    if (e.source_start != null) spans.push([e.source_start, e.source_end, "src"]);
    if (e.target_start != null) spans.push([e.target_start, e.target_end, "tgt"]);
    if (e.trigger_start != null) spans.push([e.trigger_start, e.trigger_end, "trg"]);
    return runs(e.sentence || "", spans);
  }

  // Text with classed spans; each character gets the classes of the spans over it.
  function runs(text, spans) {
    const cuts = new Set([0, text.length]);
    spans.forEach(([s, t]) => { cuts.add(Math.max(0, Math.min(s, text.length))); cuts.add(Math.max(0, Math.min(t, text.length))); });
    const points = [...cuts].sort((x, y) => x - y);
    let out = "";
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, t] = [points[i], points[i + 1]];
      const cls = spans.filter(([a, b]) => a <= s && t <= b).map(x => x[2]);
      const piece = esc(text.slice(s, t));
      out += cls.length ? `<span class="${[...new Set(cls)].join(" ")}">${piece}</span>` : piece;
    }
    return out;
  }

  // ---- article -----------------------------------------------------------------------------------

  // article: {id, title, date, url, author, body, parts: [{label, text, ...}], events: [...]}.
  // The selected event's sentence is a <mark class="evidence">; other events' sentences are .ev.
  function showArticle(el, article, selected) {
    const events = article.events || [];
    const sel = selected == null ? events[0] : events.find(e => same(e, selected)) || selected;
    const sectionHtml = (text, section, match) => {
      const evs = events.filter(e => e.section === section && match(e, text));
      return textHtml(text, evs, sel);
    };
    const inText = (e, text) => text.slice(e.start, e.end) === e.sentence;
    const comments = (article.parts || []).filter(p => p.label === "comment");
    el.innerHTML = `
      <h3 class="headline">${article.title ? sectionHtml(article.title, "headline", inText) : "(no headline)"}</h3>
      <p class="meta">${esc(article.date || "undated")}${article.author ? " · " + esc(article.author) : ""}
        ${article.url ? " · " + link(article.url) : ""}
        · <code>${esc(article.id)}</code></p>
      ${sel ? eventFacts(sel) : '<p class="empty">No events in this article.</p>'}
      <div class="text body">${sectionHtml(article.body || "", "article", inText)}</div>
      ${comments.length ? "<h4>Comments</h4>" + comments.map(c => `<div class="comment text">
        <span class="meta">${esc(c.author || "")} ${esc(c.time || "")}</span><br>${sectionHtml(c.text, "comment", inText)}</div>`).join("") : ""}
      ${events.length ? `<h4>Events in this article (${events.length})</h4><div class="article-events"></div>` : ""}`;
    const list = el.querySelector(".article-events");
    if (list) {
      eventsTable(list, events, e => showArticle(el, article, e), true);
      const k = events.findIndex(e => sel && same(e, sel));
      if (k >= 0) list.querySelector(`tr[data-i="${k}"]`).classList.add("selected");
    }
    el.querySelectorAll(".ev[data-k]").forEach(span => span.addEventListener("click", () => {
      showArticle(el, article, events[+span.dataset.k]);
    }));
    const mark = el.querySelector("mark.evidence");
    if (mark && mark.scrollIntoView) mark.scrollIntoView({block: "nearest"});
  }

  function same(e, f) {
    if (e.event_id != null && f.event_id != null) return String(e.event_id) === String(f.event_id);
    return e.section === f.section && e.start === f.start && e.cameo === f.cameo && e.source === f.source && e.target === f.target;
  }

  function eventFacts(e) {
    return `<dl class="facts selected-event">
      <dt>event</dt><dd><span class="src">${esc(e.source)}</span> → <span class="tgt">${esc(e.target ?? "—")}</span>:
        <span class="q${esc(e.quad_class)}">${esc(e.cameo)} ${esc(e.cameo_name)}</span> (Goldstein ${esc(e.goldstein)},
        QuadClass ${esc(e.quad_class)}, PLOVER ${esc(e.plover ?? "—")}${e.plover_mode ? "/" + esc(e.plover_mode) : ""})</dd>
      <dt>modality</dt><dd class="modality">${esc(e.modality)}</dd>
      <dt>reported by</dt><dd class="reported-by">${esc(e.reported_by ?? "— (the article itself)")}</dd>
      <dt>event date</dt><dd>${esc(e.event_date ?? "—")}${e.background ? " (background: recalled, not news)" : ""}</dd>
      <dt>place</dt><dd class="place">${placeText(e)}</dd>
      <dt>rule</dt><dd class="rule"><code>${esc(e.rule)}</code></dd>
      <dt>confidence</dt><dd>${esc(e.confidence)}</dd></dl>`;
  }

  // Where an event happened, as far as its article says: "Kirkuk, At-Ta'mim, IRQ (city)", or "—".
  function placeText(e) {
    if (!e.place_name) return "—";
    const parts = [e.place_name, e.place_admin1 !== e.place_name ? e.place_admin1 : null, e.place_country];
    return `${esc(parts.filter(Boolean).join(", "))} (${esc(e.place_precision)})`;
  }

  // A section's text: the selected event's sentence marked with its actors and trigger, the sentences
  // of other events shaded (click one to select it).
  function textHtml(text, evs, sel) {
    const inSel = sel && evs.some(e => same(e, sel));
    const others = [];
    evs.forEach(e => {
      if (!(inSel && e.start < sel.end && sel.start < e.end)) others.push(e);
    });
    const pieces = [];
    let pos = 0;
    const marks = others.map(e => [e.start, e.end, e]);
    if (inSel) marks.push([sel.start, sel.end, null]);
    marks.sort((x, y) => x[0] - y[0]);
    for (const [s, t, e] of marks) {
      if (s < pos) continue;
      pieces.push(esc(text.slice(pos, s)));
      if (e === null) {
        pieces.push(`<mark class="evidence">${sentenceHtml(Object.assign({}, sel, {sentence: text.slice(s, t)}))}</mark>`);
      } else {
        pieces.push(`<span class="ev" data-k="${e._k}" title="${esc(e.cameo)} ${esc(e.cameo_name)}">${esc(text.slice(s, t))}</span>`);
      }
      pos = t;
    }
    pieces.push(esc(text.slice(pos)));
    return pieces.join("");
  }

  // Give each article event its index so a shaded sentence can select it.
  function indexEvents(article) {
    (article.events || []).forEach((e, k) => { e._k = k; });
    return article;
  }

  return {QUADS, KINDS, isKind, esc, link, drawDyad, drawMap, eventsTable, placeText, sentenceHtml, showArticle: (el, a, sel) => showArticle(el, indexEvents(a), sel)};
})();
