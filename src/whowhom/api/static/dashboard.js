// The dashboard: pick two actors (codes or names), see their dyad over time, click down to the sentences.
//
// The address says what is shown (#a=CHN&b=RUS&by=month&modality=asserted&sections=news...): a pick sets
// it, and a new address (a link, typed, back and forward) shows its view without a reload. With no actors
// in the address, the view opens on the store's most active dyad.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  // The "sections" choices: what a series counts (include_comments, or sections) and the event lists show.
  const SECTIONS = {
    news: {series: {}, events: ["headline", "article"], note: "headlines and articles"},
    all: {series: {include_comments: "true"}, events: [], note: "headlines, articles and readers' comments"},
    headline: {series: {section: "headline"}, events: ["headline"], note: "headlines only"},
    article: {series: {section: "article"}, events: ["article"], note: "article bodies only"},
    comment: {series: {section: "comment"}, events: ["comment"], note: "readers' comments only"},
  };
  const state = {a: null, b: null, by: "month", modality: "asserted", sections: "news", background: false,
                 minConfidence: ""};
  let shown = 0;   // the latest dyad asked for: the answer to an earlier one is dropped
  let listed = 0;  // likewise the latest event list

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

  // ---- the address and the controls ----------------------------------------------------------------

  function readControls() {
    state.a = $("actor-a").value.trim();
    state.b = $("actor-b").value.trim();
    state.by = $("period").value;
    state.modality = $("modality").value;
    state.sections = $("sections").value;
    state.background = $("include-background").checked;
    state.minConfidence = $("min-confidence").value.trim();
  }

  function address() {
    const p = new URLSearchParams({a: state.a, b: state.b, by: state.by, modality: state.modality,
                                   sections: state.sections});
    if (state.background) p.set("background", "1");
    if (state.minConfidence) p.set("min_confidence", state.minConfidence);
    return "#" + p;
  }

  // The controls as an address says; what it leaves out is the default.
  function setControls(params) {
    const pick = (id, value, fallback) => {
      $(id).value = value;
      if ($(id).value !== value) $(id).value = fallback;  // not one of the choices
    };
    $("actor-a").value = params.get("a") || "";
    $("actor-b").value = params.get("b") || "";
    pick("period", params.get("by") || "month", "month");
    pick("modality", params.get("modality") || "asserted", "asserted");
    // comments=1: an address from before the sections choice
    pick("sections", params.get("sections") || (params.get("comments") === "1" ? "all" : "news"), "news");
    $("include-background").checked = params.get("background") === "1";
    $("min-confidence").value = params.get("min_confidence") || "";
  }

  // A pick: the address changes, and its change shows the view (or the view is shown again, if the address
  // is the same).
  function go() {
    readControls();
    if (!state.a || !state.b) return;
    const next = address();
    if (location.hash === next) showDyad();
    else location.hash = next;
  }

  // What the address says; with no actors, the most active dyad under its filters.
  async function openAddress() {
    const params = new URLSearchParams(location.hash.slice(1));
    setControls(params);
    if (!params.get("a") || !params.get("b")) {
      readControls();
      const {dyads} = await api(`/api/dyads?limit=1&${countParams()}`);
      if (!dyads.length) {
        $("dyad-title").textContent = "No dyads in this store with these filters";
        Plotly.purge($("chart"));
        $("chart").innerHTML = $("events").innerHTML = "";
        return;
      }
      $("actor-a").value = dyads[0].a;
      $("actor-b").value = dyads[0].b;
    }
    await showDyad();
  }

  // ---- what is counted ---------------------------------------------------------------------------

  // The parameters of a count (a series, the most active dyads) for the current filters.
  function countParams() {
    const q = new URLSearchParams({modality: state.modality, include_background: state.background});
    for (const [name, value] of Object.entries(SECTIONS[state.sections].series)) q.set(name, value);
    if (state.minConfidence) q.set("min_confidence", state.minConfidence);
    return q;
  }

  function countedNote() {
    const what = state.modality === "all" ? "events of every modality" : `${state.modality} events`;
    const left = [];
    if (!state.background) left.push("background events");
    if (state.sections === "news") left.push("readers' comments");
    if (state.modality === "asserted") left.push("negated, hypothetical and intended events");
    return `Counting ${what} in ${SECTIONS[state.sections].note}`
      + (state.minConfidence ? `, at least ${state.minConfidence} confident` : "")
      + (left.length ? `; left out: ${left.join(", ")}.` : ".");
  }

  const named = (code, name) => (name ? `${code} (${name})` : code);

  // ---- the view ----------------------------------------------------------------------------------

  async function loadActors() {
    const {actors} = await api("/api/actors?limit=300");
    $("actor-list").innerHTML = actors.map(r => `<option value="${WW.esc(r.actor)}">${
      WW.esc(r.name ? r.name + " · " : "")}${WW.esc(r.events)} events</option>`).join("");
  }

  async function showDyad() {
    readControls();
    if (!state.a || !state.b) return;
    const mine = ++shown;
    status("loading…");
    try {
      const q = countParams();
      q.set("by", state.by);
      q.set("both_directions", "true");
      const dyad = await api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}?${q}`);
      if (mine !== shown) return;
      // the codes the names typed stand for, in the boxes and in the address
      state.a = $("actor-a").value = dyad.a;
      state.b = $("actor-b").value = dyad.b;
      history.replaceState(null, "", address());
      $("dyad-title").textContent = `${named(dyad.a, dyad.a_name)} and ${named(dyad.b, dyad.b_name)}, by ${state.by}`;
      $("dyad-note").textContent = countedNote();
      if (!dyad.series.length) {
        Plotly.purge($("chart"));
        $("chart").innerHTML = '<p class="empty">No events between these two actors.</p>';
      } else {
        $("chart").innerHTML = "";
        WW.drawDyad($("chart"), dyad.series, state.a, state.b, showPeriod, dyad.by);
      }
      await showEvents({}, `Events between ${state.a} and ${state.b}`);
      if (mine !== shown) return;
      status("");
      $("dyad-panel").dataset.view = location.hash;  // the address whose view the panel shows, all drawn
    } catch (err) {
      if (mine === shown) status(err.message, true);
    }
  }

  // The events a series counts: both directions (or the one clicked), optionally one period, one QuadClass
  // and one kind (a modality of news, or readers' comments).
  async function showEvents({source, target, since, until, quad, kind}, title) {
    const mine = ++listed;
    const dirs = source ? [[source, target]] : [[state.a, state.b], [state.b, state.a]];
    let events = [];
    for (const [s, t] of dirs) {
      const q = new URLSearchParams({source: s, target: t, limit: "1000"});
      const modality = kind && kind !== "comment" ? kind : state.modality;
      if (modality !== "all") q.set("modality", modality);
      // the sections of the filters ([]: all); a kind narrows them to comments, or to news
      let sections = SECTIONS[state.sections].events;
      if (kind === "comment") sections = ["comment"];
      else if (kind) sections = (sections.length ? sections : ["headline", "article"]).filter(x => x !== "comment");
      for (const x of sections) q.append("section", x);
      if (!state.background) q.set("background", "false");
      if (state.minConfidence) q.set("min_confidence", state.minConfidence);
      if (since) q.set("since", since);
      if (until) q.set("until", until);
      events = events.concat((await api(`/api/events?${q}`)).events);
    }
    if (mine !== listed) return;
    if (quad) events = events.filter(e => +e.quad_class === +quad);
    events.sort((x, y) => String(x.date || "").localeCompare(String(y.date || "")));
    $("events-title").textContent = `${title} (${events.length})`;
    WW.eventsTable($("events"), events, showArticle);
    WW.drawMap($("map"), events, showArticle, "/static/topojson/");
  }

  function showPeriod(p) {
    const what = p.quad ? ` — ${WW.QUADS[p.quad][0]}` : p.kind ? ` — ${WW.KINDS[p.kind][0]}` : "";
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

  $("pick").addEventListener("submit", ev => { ev.preventDefault(); go(); });
  for (const id of ["period", "modality", "sections", "include-background", "min-confidence"]) {
    $(id).addEventListener("change", go);
  }
  // an actor picked from the list shows at once (typing waits for Enter or Show)
  for (const id of ["actor-a", "actor-b"]) {
    $(id).addEventListener("input", ev => { if (ev.inputType === "insertReplacementText" || !ev.inputType) go(); });
  }
  window.addEventListener("hashchange", () => openAddress().catch(err => status(err.message, true)));
  $("code-form").addEventListener("submit", codeText);
  window.whowhomDashboard = {showDyad, showPeriod, showArticle, state};
  loadActors().catch(err => status(err.message, true));
  openAddress().catch(err => status(err.message, true));
})();
