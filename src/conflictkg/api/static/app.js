// conflictkg page: a SPARQL query box over /sparql and a facility timeline over /facilities.
// Plain DOM and SVG, no libraries: the page must work with no network beyond this server.
"use strict";

const CKR = "https://w3id.org/conflictkg/id/";
const PREFIXES = [
  "PREFIX ckg: <https://w3id.org/conflictkg/ontology#>",
  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
].join("\n");

const SAMPLES = {
  "Who held what, and when": `${PREFIXES}
SELECT ?holder ?facility ?start ?end WHERE {
  ?p a ckg:ControlPeriod ; ckg:holder ?h ; ckg:facility ?f .
  OPTIONAL { ?p ckg:startDate ?start } OPTIONAL { ?p ckg:endDate ?end }
  OPTIONAL { ?h skos:prefLabel ?holder FILTER(lang(?holder) = "en") }
  OPTIONAL { ?f skos:prefLabel ?facility FILTER(lang(?facility) = "ar") }
} ORDER BY ?facility ?start LIMIT 200`,
  "Sieges: besieger and besieged": `${PREFIXES}
SELECT ?siege ?besieger ?besieged WHERE {
  ?siege a ckg:Siege .
  OPTIONAL { ?siege ckg:besieger/skos:prefLabel ?besieger }
  OPTIONAL { ?siege ckg:besieged/skos:prefLabel ?besieged }
} LIMIT 200`,
  "Negotiations and mediators": `${PREFIXES}
SELECT ?negotiation ?party ?mediator WHERE {
  ?negotiation a ckg:Negotiation .
  OPTIONAL { ?negotiation ckg:party/skos:prefLabel ?party }
  OPTIONAL { ?negotiation ckg:mediator/skos:prefLabel ?mediator }
} LIMIT 200`,
  "Denials and what they deny": `${PREFIXES}
SELECT ?denial ?speaker ?claimType WHERE {
  ?denial a ckg:Denial ; ckg:denies ?claim .
  ?claim a ?claimType .
  OPTIONAL { ?denial ckg:speaker/skos:prefLabel ?speaker }
} LIMIT 200`,
  "Count triples": "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }",
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

const CKG = "https://w3id.org/conflictkg/ontology#";

function shortIri(value) {
  if (value.startsWith(CKR)) return "ckr:" + value.slice(CKR.length);
  if (value.startsWith(CKG)) return "ckg:" + value.slice(CKG.length);
  return value;
}

// ------------------------------------------------------------------------------------ SPARQL box
async function runQuery() {
  const query = $("query").value;
  const button = $("run");
  button.disabled = true;
  $("query-status").textContent = "running…";
  $("query-error").hidden = true;
  $("results").hidden = true;
  $("graph-result").hidden = true;
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query }),
    });
    const type = response.headers.get("content-type") || "";
    if (!response.ok) {
      let message = await response.text();
      try { message = JSON.parse(message).detail; } catch (e) { /* plain text */ }
      throw new Error(`${response.status}: ${message}`);
    }
    const ms = Math.round(performance.now() - started);
    if (type.includes("json")) {
      const data = await response.json();
      if ("boolean" in data) {
        $("query-status").textContent = `ASK → ${data.boolean} (${ms} ms)`;
      } else {
        renderTable(data);
        $("query-status").textContent = `${data.results.bindings.length} rows (${ms} ms)`;
      }
    } else {
      $("graph-result").textContent = await response.text();
      $("graph-result").hidden = false;
      $("query-status").textContent = `graph result (${ms} ms)`;
    }
  } catch (err) {
    $("query-error").textContent = err.message;
    $("query-error").hidden = false;
    $("query-status").textContent = "failed";
  } finally {
    button.disabled = false;
  }
}

function renderTable(data) {
  const table = $("results");
  const head = table.querySelector("thead");
  const body = table.querySelector("tbody");
  head.replaceChildren();
  body.replaceChildren();
  const vars = data.head.vars || [];
  const tr = el("tr");
  for (const v of vars) tr.appendChild(el("th", { scope: "col" }, v));
  head.appendChild(tr);
  for (const binding of data.results.bindings) {
    const row = el("tr");
    for (const v of vars) {
      const term = binding[v];
      const cell = el("td", { dir: "auto" }, term ? (term.type === "uri" ? shortIri(term.value) : term.value) : "");
      if (term && term.type === "uri") cell.title = term.value;
      if (term && term["xml:lang"]) cell.lang = term["xml:lang"];
      row.appendChild(cell);
    }
    body.appendChild(row);
  }
  table.hidden = false;
}

// ------------------------------------------------------------------------------------ timeline
function facilityName(f) {
  return [f.label_en, f.label_ar].filter(Boolean).join(" · ") || shortIri(f.id);
}

async function loadFacilities() {
  const select = $("facility");
  try {
    const response = await fetch("/facilities");
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    const list = await response.json();
    // Facilities whose holder changed first: they are what the timeline is for.
    list.sort((a, b) => b.changes - a.changes || facilityName(a).localeCompare(facilityName(b)));
    select.replaceChildren();
    for (const f of list) {
      const note = f.changes ? `${f.changes} change${f.changes > 1 ? "s" : ""} of hands` : "owner only";
      select.appendChild(el("option", { value: f.local_id }, `${facilityName(f)} (${note})`));
    }
    $("facility-status").textContent = list.length ? `${list.length} facilities` : "no control periods stored yet";
    if (list.length) showFacility(list[0].local_id);
  } catch (err) {
    $("facility-status").textContent = `cannot list facilities: ${err.message}`;
  }
}

const DAY = 86400000;
const parseDay = (s) => (s ? Date.parse(s + "T00:00:00Z") : null);
const fmtDay = (t) => new Date(t).toISOString().slice(0, 10);

async function showFacility(localId) {
  const box = $("timeline");
  box.replaceChildren();
  $("periods").hidden = true;
  try {
    const path = localId.split("/").map(encodeURIComponent).join("/");
    const response = await fetch(`/facilities/${path}/control`);
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    const data = await response.json();
    box.appendChild(drawTimeline(data.periods));
    fillPeriods(data.periods);
  } catch (err) {
    box.textContent = `cannot load the timeline: ${err.message}`;
  }
}

// Events of one day (a seizure and the withdrawal hours later) are spread across that day in the
// order the timeline gives them, so same-day changes of hands stay visible and in story order.
function eventPositions(periods) {
  const byDay = new Map();
  const note = (iri, day) => {
    if (!iri || day === null) return;
    const list = byDay.get(day) || [];
    if (!list.includes(iri)) list.push(iri);
    byDay.set(day, list);
  };
  for (const p of periods) {
    note(p.started_by, parseDay(p.start));
    note(p.ended_by, parseDay(p.end));
  }
  const pos = new Map();
  for (const [day, list] of byDay) {
    list.forEach((iri, i) => pos.set(iri, day + ((i + 1) / (list.length + 1)) * DAY));
  }
  return pos;
}

function drawTimeline(periods) {
  const NS = "http://www.w3.org/2000/svg";
  const days = periods.flatMap((p) => [parseDay(p.start), parseDay(p.end)]).filter((t) => t !== null);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("role", "img");
  if (!periods.length || !days.length) {
    svg.setAttribute("width", "400");
    svg.setAttribute("height", "30");
    const t = document.createElementNS(NS, "text");
    t.setAttribute("x", "0");
    t.setAttribute("y", "20");
    t.textContent = periods.length ? "periods without dates" : "no control periods";
    svg.appendChild(t);
    return svg;
  }
  const span = Math.max(...days) - Math.min(...days);
  const pad = Math.max(DAY, Math.round(span / 10 / DAY) * DAY);
  const lo = Math.min(...days) - pad;
  const hi = Math.max(...days) + DAY + pad;
  const pos = eventPositions(periods);
  const holders = [...new Set(periods.map((p) => p.holder_label || shortIri(p.holder)))];
  const labelW = 220, width = 960, rowH = 28, top = 10, plotW = width - labelW - 60;
  const height = top + holders.length * rowH + 40;
  const x = (t) => labelW + ((t - lo) / (hi - lo)) * plotW;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("aria-label", `control periods of ${holders.length} holders`);
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = text;
    svg.appendChild(n);
    return n;
  };
  const colours = ["#2f6f9f", "#b5542c", "#3f8f4f", "#7b4fa0", "#a08a2c", "#2c8f8f"];
  holders.forEach((h, i) => {
    add("text", { x: labelW - 8, y: top + i * rowH + 18, "text-anchor": "end", "unicode-bidi": "plaintext" }, h);
  });
  for (const p of periods) {
    const row = holders.indexOf(p.holder_label || shortIri(p.holder));
    const s = parseDay(p.start), e = parseDay(p.end);
    const t0 = pos.get(p.started_by) ?? s ?? lo;
    const t1 = pos.get(p.ended_by) ?? (e === null ? hi : e + DAY);
    const x0 = x(t0), x1 = x(t1);
    const rect = add("rect", {
      x: x0, y: top + row * rowH + 5, width: Math.max(x1 - x0, 3), height: rowH - 10, rx: 3,
      fill: colours[row % colours.length], "fill-opacity": s === null || e === null ? 0.45 : 0.9,
    });
    const title = document.createElementNS(NS, "title");
    title.textContent = `${p.holder_label || p.holder}: ${p.start || "…"} → ${p.end || "…"}`;
    rect.appendChild(title);
  }
  const axisY = top + holders.length * rowH + 8;
  add("line", { x1: labelW, x2: labelW + plotW, y1: axisY, y2: axisY, class: "axis" });
  const ticks = Math.max(1, Math.min(6, Math.round((hi - lo) / DAY)));
  for (let k = 0; k <= ticks; k++) {
    const t = lo + Math.round(((hi - lo) * k) / ticks / DAY) * DAY;
    add("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, class: "axis" });
    add("text", { x: x(t), y: axisY + 20, "text-anchor": "middle", class: "tick" }, fmtDay(t));
  }
  return svg;
}

function fillPeriods(periods) {
  const body = $("periods").querySelector("tbody");
  body.replaceChildren();
  for (const p of periods) {
    const row = el("tr");
    row.appendChild(el("td", { dir: "auto" }, p.holder_label || shortIri(p.holder)));
    row.appendChild(el("td", {}, p.start || "…"));
    row.appendChild(el("td", {}, p.end || "…"));
    row.appendChild(el("td", {}, p.started_by ? shortIri(p.started_by) : ""));
    row.appendChild(el("td", {}, p.ended_by ? shortIri(p.ended_by) : ""));
    row.appendChild(el("td", {}, (p.sources || []).map(shortIri).join(", ")));
    body.appendChild(row);
  }
  $("periods").hidden = !periods.length;
}

// ------------------------------------------------------------------------------------ wiring
function init() {
  const sample = $("sample");
  for (const name of Object.keys(SAMPLES)) sample.appendChild(el("option", { value: name }, name));
  sample.addEventListener("change", () => { $("query").value = SAMPLES[sample.value]; });
  // A link to /?query=... opens the page with that query and runs it (shareable queries).
  const shared = new URLSearchParams(window.location.search).get("query");
  $("query").value = shared || SAMPLES[Object.keys(SAMPLES)[0]];
  if (shared) runQuery();
  $("run").addEventListener("click", runQuery);
  $("query").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) runQuery();
  });
  $("facility").addEventListener("change", (ev) => showFacility(ev.target.value));
  loadFacilities();
}

document.addEventListener("DOMContentLoaded", init);
