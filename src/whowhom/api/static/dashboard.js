// The dashboard: pick two actors, see their dyad over time, click down to the sentences.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const state = {a: null, b: null, by: "month", modality: "asserted", background: false, comments: false, minConfidence: ""};

  async function api(path, options) {
    const res = await fetch(path, options);
    const body = await res.json().catch(() => ({error: res.statusText}));
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }

  function status(msg, isError) {
    $("status").textContent = msg || "";
    $("status").className = isError ? "error" : "";
  }

  async function loadActors() {
    const {actors} = await api("/api/actors?limit=200");
    $("actor-list").innerHTML = actors.map(r => `<option value="${WW.esc(r.actor)}">${WW.esc(r.events)} events</option>`).join("");
    const params = new URLSearchParams(location.hash.slice(1));
    $("actor-a").value = params.get("a") || actors[0]?.actor || "";
    $("actor-b").value = params.get("b") || actors[1]?.actor || "";
    if (params.get("by")) $("period").value = params.get("by");
    if (params.get("modality")) $("modality").value = params.get("modality");
    $("include-background").checked = params.get("background") === "1";
    $("include-comments").checked = params.get("comments") === "1";
    if (params.get("min_confidence")) $("min-confidence").value = params.get("min_confidence");
    if ($("actor-a").value && $("actor-b").value) await showDyad();
  }

  async function showDyad() {
    state.a = $("actor-a").value.trim().toUpperCase();
    state.b = $("actor-b").value.trim().toUpperCase();
    state.by = $("period").value;
    state.modality = $("modality").value;
    state.background = $("include-background").checked;
    state.comments = $("include-comments").checked;
    state.minConfidence = $("min-confidence").value.trim();
    if (!state.a || !state.b) return;
    const shown = new URLSearchParams({a: state.a, b: state.b, by: state.by, modality: state.modality});
    if (state.background) shown.set("background", "1");
    if (state.comments) shown.set("comments", "1");
    if (state.minConfidence) shown.set("min_confidence", state.minConfidence);
    history.replaceState(null, "", "#" + shown);
    status("loading…");
    try {
      const q = new URLSearchParams({by: state.by, modality: state.modality, both_directions: "true",
                                     include_background: state.background, include_comments: state.comments});
      if (state.minConfidence) q.set("min_confidence", state.minConfidence);
      const dyad = await api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}?${q}`);
      $("dyad-title").textContent = `${state.a} and ${state.b}, by ${state.by} (${state.modality})`;
      if (!dyad.series.length) {
        Plotly.purge($("chart"));
        $("chart").innerHTML = '<p class="empty">No events between these two actors.</p>';
      } else {
        $("chart").innerHTML = "";
        WW.drawDyad($("chart"), dyad.series, state.a, state.b, showPeriod, dyad.by);
      }
      await showEvents({}, `Events between ${state.a} and ${state.b}`);
      status("");
    } catch (err) {
      status(err.message, true);
    }
  }

  // Both directions (or the one clicked), optionally one period and one QuadClass.
  async function showEvents({source, target, since, until, quad}, title) {
    const dirs = source ? [[source, target]] : [[state.a, state.b], [state.b, state.a]];
    let events = [];
    for (const [s, t] of dirs) {
      const q = new URLSearchParams({source: s, target: t, limit: "1000"});
      if (state.modality !== "all") q.set("modality", state.modality);
      // the events the series counts: no background event or reader comment unless switched on
      if (!state.background) q.set("background", "false");
      if (!state.comments) { q.append("section", "headline"); q.append("section", "article"); }
      if (state.minConfidence) q.set("min_confidence", state.minConfidence);
      if (since) q.set("since", since);
      if (until) q.set("until", until);
      events = events.concat((await api(`/api/events?${q}`)).events);
    }
    if (quad) events = events.filter(e => +e.quad_class === +quad);
    events.sort((x, y) => String(x.date || "").localeCompare(String(y.date || "")));
    $("events-title").textContent = `${title} (${events.length})`;
    WW.eventsTable($("events"), events, showArticle);
  }

  function showPeriod(p) {
    const what = p.quad ? ` — ${WW.QUADS[p.quad][0]}` : "";
    status("");
    return showEvents(p, `Events ${p.source} → ${p.target}, ${p.period}${what}`).catch(err => status(err.message, true));
  }

  async function showArticle(event) {
    try {
      const article = await api(`/api/articles/${encodeURIComponent(event.article_id)}`);
      WW.showArticle($("article"), article, event);
      $("article-panel").scrollIntoView({block: "nearest"});
    } catch (err) {
      status(err.message, true);
    }
  }

  async function codeText(ev) {
    ev.preventDefault();
    const text = $("code-text").value;
    $("code-result").innerHTML = '<p class="hint">coding…</p>';
    try {
      const body = $("code-html").checked ? {html: text} : {text};
      const res = await api("/api/code", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const article = Object.assign({}, res.article, {events: res.events});
      WW.showArticle($("code-result"), article, null);
    } catch (err) {
      $("code-result").innerHTML = `<p class="error">${WW.esc(err.message)}</p>`;
    }
  }

  $("pick").addEventListener("submit", ev => { ev.preventDefault(); showDyad(); });
  for (const id of ["include-background", "include-comments"]) {
    $(id).addEventListener("change", () => { if (state.a) showDyad(); });
  }
  $("code-form").addEventListener("submit", codeText);
  window.whowhomDashboard = {showDyad, showPeriod, showArticle, state};
  loadActors().catch(err => status(err.message, true));
})();
