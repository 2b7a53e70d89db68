// The Suanli KG web page: ask, query, browse. No framework and no CDN: it works offline against this service.
"use strict";

const LANGS = ["zh-Hans", "zh-Hant", "en"];
const SL = "https://w3id.org/suanli/ontology#";
const state = { lang: "zh-Hans", config: null, labels: new Map(), tab: "ask", last: {}, editor: null, terms: null };
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const t = (key) => state.config.strings[state.lang][key] ?? key;

function chooseLanguage() {
  const asked = new URLSearchParams(location.search).get("lang") || localStorage.getItem("suanli-lang") || "";
  if (LANGS.includes(asked)) return asked;
  const browser = (navigator.language || "").toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(browser)) return "zh-Hant";
  return browser.startsWith("en") ? "en" : "zh-Hans";
}

// Labels: every IRI shown is named in the interface language, with a fallback chain (zh-Hant → zh-Hans → en).
function tagOf(lang) {
  const tag = (lang || "").toLowerCase();
  return tag.startsWith("zh-hant") || tag === "zh-tw" ? "zh-Hant" : tag.startsWith("zh") ? "zh-Hans" : tag.startsWith("en") ? "en" : "";
}
function labelOf(iri, fallback) {
  const entry = state.labels.get(iri);
  const chain = state.lang === "en" ? ["en", "zh-Hans", "zh-Hant"] : state.lang === "zh-Hant" ? ["zh-Hant", "zh-Hans", "en"] : ["zh-Hans", "zh-Hant", "en"];
  for (const lang of chain) if (entry && entry[lang]) return entry[lang];
  if (fallback) return fallback;
  return iri.includes("#") ? iri.split("#").pop() : iri.replace(/\/$/, "").split("/").pop();
}
async function fetchLabels(iris) {
  const wanted = [...new Set(iris)].filter((i) => /^https?:\/\//.test(i) && !state.labels.has(i)).slice(0, 400);
  if (!wanted.length) return;
  const values = wanted.map((i) => `<${i}>`).join(" ");
  const json = await sparql(`SELECT ?x ?l WHERE { VALUES ?x { ${values} } ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }`);
  for (const iri of wanted) state.labels.set(iri, {});
  for (const row of json.results.bindings) keepLabel(row.x.value, row.l);
}
// The shortest label in each script is the one shown.
function keepLabel(iri, literal) {
  if (!state.labels.has(iri)) state.labels.set(iri, {});
  const entry = state.labels.get(iri);
  const tag = tagOf(literal && literal["xml:lang"]);
  if (tag && (!entry[tag] || literal.value.length < entry[tag].length)) entry[tag] = literal.value;
}
function href(iri) {
  const base = state.config.base;
  if (iri.startsWith(base)) return `/resource/${iri.slice(base.length)}?lang=${state.lang}`;
  if (iri.startsWith(SL)) return `/ontology?lang=${state.lang}#${iri.slice(SL.length)}`;
  return iri;
}
// An answer's own words, linked to its resource when it has one (a count or a sum has no IRI).
const named = (iri, text) => iri ? `<a href="${esc(href(iri))}" title="${esc(iri)}">${esc(text)}</a>` : esc(text || "");
// A count or a sum has no IRI: its label alone.
const link = (iri, fallback) => iri ? `<a href="${esc(href(iri))}" title="${esc(iri)}">${esc(labelOf(iri, fallback))}</a>` : esc(fallback || "");

async function sparql(query, accept = "application/sparql-results+json") {
  const response = await fetch("/sparql", {
    method: "POST", body: new URLSearchParams({ query }),
    headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
  const json = await response.json();
  json.truncated = response.headers.get("Suanli-Truncated") === "true";
  return json;
}

// ---------------------------------------------------------------- language, tabs, permalinks
function applyLanguage(lang) {
  state.lang = lang;
  localStorage.setItem("suanli-lang", lang);
  document.documentElement.lang = lang;
  document.title = `${t("title")} · Suanli KG`;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-lang]")) el.setAttribute("aria-pressed", String(el.dataset.lang === lang));
  for (const el of document.querySelectorAll("a.keep-lang")) el.href = `${el.pathname}?lang=${lang}`;
  $("question").placeholder = t("ask_placeholder");
  $("ask-examples").innerHTML = state.config.questions[lang].map((q) => `<button type="button">${esc(q)}</button>`).join("");
  for (const button of $("ask-examples").querySelectorAll("button")) button.onclick = () => ask(button.textContent);
  const selected = $("examples").value;
  $("examples").innerHTML = state.config.queries.map((q) => `<option value="${esc(q.name)}">${esc(q[lang] || q.name)}</option>`).join("");
  if (selected) $("examples").value = selected;
  const url = new URL(location.href);
  url.searchParams.set("lang", lang);
  history.replaceState(null, "", url);
  if (state.last.answer) renderAnswer(state.last.answer);
  if (state.last.results) renderResults(state.last.results);
  if (state.last.chart) renderBrowse();
}

function showTab(tab) {
  state.tab = tab;
  for (const el of document.querySelectorAll("[data-tab]")) el.setAttribute("aria-selected", String(el.dataset.tab === tab));
  for (const name of ["ask", "query", "browse"]) $(`panel-${name}`).hidden = name !== tab;
  if (tab === "browse" && !state.last.chart) loadBrowse();
}

function setHash(key, value) {
  history.replaceState(null, "", `${location.pathname}${location.search}#${key}=${encodeURIComponent(value)}`);
}

function route() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.has("ask")) { showTab("ask"); ask(hash.get("ask")); }
  else if (hash.has("query")) { showTab("query"); editorText(hash.get("query")); run(); }
  else if (hash.has("example")) { showTab("query"); pickExample(hash.get("example")); run(); }
  else showTab(hash.get("tab") || "ask");
}

// ---------------------------------------------------------------- ask
async function ask(question) {
  question = (question || "").trim();
  if (!question) return;
  $("question").value = question;
  setHash("ask", question);
  $("answer").innerHTML = `<p class="status">${esc(t("running"))}</p>`;
  try {
    const response = await fetch(`/ask?q=${encodeURIComponent(question)}`);
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status);
    await fetchLabels(answer.answers.flatMap((a) => [a.iri, a.object && a.object.iri, a.status && SL + a.status].filter(Boolean)));
    state.last.answer = answer;
    renderAnswer(answer);
  } catch (error) {
    $("answer").innerHTML = `<p class="error">${esc(t("error"))}: ${esc(error.message)}</p>`;
  }
}

function renderAnswer(answer) {
  let html = `<div class="card"><p><span class="muted">${esc(t("interpretation"))}:</span> ${esc(answer.interpretation || answer.reason || "")}</p>`;
  if (answer.boolean !== null && answer.boolean !== undefined) html += `<p class="boolean"><strong>${esc(t(answer.boolean ? "yes" : "no"))}</strong></p>`;
  if (answer.answers.length) {
    html += `<ol class="answers">${answer.answers.map((a) => {
      // the answer worded by the server in the question's language and script, placed as it is
      if (a.display) return `<li>${named(a.iri, a.display)}</li>`;
      const value = a.text ?? (a.value !== null && a.value !== undefined ? `${a.value}${a.unit ? " " + a.unit : ""}` : "");
      return `<li>${named(a.iri, a.label || labelOf(a.iri))}${value ? ` — ${esc(value)}` : ""}${a.status ? ` <span class="muted">(${esc(labelOf(SL + a.status))})</span>` : ""}</li>`;
    }).join("")}</ol>`;
  } else if (answer.boolean === null || answer.boolean === undefined) {
    html += `<p class="muted">${esc(t("no_answers"))}</p>`;
  }
  if (answer.evidence && answer.evidence.length) {
    html += `<h3>${esc(t("evidence"))}</h3><ul class="evidence">${answer.evidence.map((e) =>
      `<li><q>${esc(e.text)}</q> <span class="muted">— ${esc(e.source)}</span></li>`).join("")}</ul>`;
  }
  if (answer.sparql) {
    html += `<details><summary>${esc(t("sparql_ran"))}</summary><pre>${esc(answer.sparql)}</pre>
      <button class="secondary" id="open-in-editor" type="button">${esc(t("open_in_editor"))}</button></details>`;
  }
  $("answer").innerHTML = html + "</div>";
  const open = $("open-in-editor");
  if (open) open.onclick = () => { editorText(answer.sparql); showTab("query"); run(); };
}

// ---------------------------------------------------------------- the editor: its text, prefixes and completions
// CodeMirror from /static/vendor/sparql-editor.js (built by `make editor`); without it the plain textarea still works.
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
const prefixes = () => ({
  sl: SL, res: state.config.base, rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", rdfs: RDFS,
  xsd: "http://www.w3.org/2001/XMLSchema#", owl: "http://www.w3.org/2002/07/owl#", skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#", dcterms: "http://purl.org/dc/terms/",
});
const COMMON_TERMS = ["rdf:type", "rdfs:label", "rdfs:comment", "rdfs:subClassOf", "skos:altLabel", "prov:wasDerivedFrom",
  "xsd:decimal", "xsd:integer", "xsd:date", "xsd:string"].map((label) => ({ label, type: label.startsWith("xsd:") ? "type" : "property" }));

// Reads the query when given nothing, replaces it when given a text: the one door to the editor's text.
function editorText(text) {
  if (text === undefined) return state.editor ? state.editor.get() : $("editor").value;
  if (state.editor) state.editor.set(text);
  else $("editor").value = text;
}

function startEditor() {
  if (window.SuanliEditor) {
    state.editor = window.SuanliEditor.create({ textarea: $("editor"), complete, run, prefixes: prefixes() });
    return;
  }
  $("editor").onkeydown = (event) => { if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); } };
}

// What the editor offers for the word being typed: entities by label after `res:`, else our classes and properties.
async function complete(word, aborted) {
  const colon = word.indexOf(":");
  if (word.slice(0, colon) === "res") return { options: await entityOptions(word.slice(colon + 1), aborted), filter: false };
  return { options: (await ontologyTerms()).map(termOption).concat(COMMON_TERMS) };
}

// A name as the query writes it: prefixed when its local part allows, else the full IRI.
function prefixed(iri) {
  for (const [prefix, namespace] of Object.entries(prefixes())) {
    const local = iri.startsWith(namespace) ? iri.slice(namespace.length) : null;
    if (local !== null && /^[\w-]+$/.test(local)) return `${prefix}:${local}`;
  }
  return `<${iri}>`;
}
const termOption = (term) => ({ label: prefixed(term.iri), detail: labelOf(term.iri), type: term.type });

// The ontology's classes, properties and values (statuses, metrics…), asked once.
function ontologyTerms() {
  state.terms ??= sparql(`SELECT ?x ?type ?l WHERE { ?x a ?type FILTER(STRSTARTS(STR(?x), "${SL}")) OPTIONAL { ?x <${RDFS}label> ?l } }`)
    .then((json) => {
      const terms = new Map();
      for (const row of json.results.bindings) {
        if (row.l) keepLabel(row.x.value, row.l);
        const type = /Class$/.test(row.type.value) ? "class" : /Property$/.test(row.type.value) ? "property" : "enum";
        if (!terms.has(row.x.value) || type !== "enum") terms.set(row.x.value, { iri: row.x.value, type });
      }
      return [...terms.values()];
    })
    .catch(() => { state.terms = null; return []; });
  return state.terms;
}

// Entities whose label (or IRI) holds what was typed: asked once typing pauses, at most 15.
async function entityOptions(typed, aborted) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (aborted() || !typed) return [];
  const text = JSON.stringify(typed.toLowerCase());
  const json = await sparql(`SELECT ?e ?l WHERE {
  { SELECT DISTINCT ?e WHERE { ?e <${RDFS}label> ?name
      FILTER(STRSTARTS(STR(?e), "${state.config.base}") && (CONTAINS(LCASE(STR(?name)), ${text}) || CONTAINS(STR(?e), ${text}))) } LIMIT 15 }
  ?e <${RDFS}label> ?l }`);
  for (const row of json.results.bindings) keepLabel(row.e.value, row.l);
  const iris = [...new Set(json.results.bindings.map((row) => row.e.value))];
  return iris.map((iri) => ({ label: prefixed(iri), detail: labelOf(iri), type: "constant" }));
}

// ---------------------------------------------------------------- SPARQL editor and results
function pickExample(name) {
  const query = state.config.queries.find((q) => q.name === name) || state.config.queries[0];
  $("examples").value = query.name;
  editorText(query.sparql.split("\n").filter((line) => !/^# (name|zh|en):/.test(line)).join("\n").trim());
}

async function run() {
  const query = editorText();
  setHash("query", query);
  const url = (format) => `/sparql?query=${encodeURIComponent(query)}&format=${format}`;
  $("download-csv").href = url("csv");
  $("download-json").href = url("json");
  $("status").textContent = t("running");
  $("results").innerHTML = "";
  if (state.editor) state.editor.clearError();
  const started = performance.now();
  try {
    const json = await sparql(query);
    json.ms = Math.round(performance.now() - started);
    const iris = (json.results ? json.results.bindings : []).flatMap((row) => Object.values(row)).filter((c) => c.type === "uri").map((c) => c.value);
    await fetchLabels(iris);
    state.last.results = json;
    renderResults(json);
    $("download-csv").hidden = $("download-json").hidden = !json.results;
  } catch (error) {
    state.last.results = null;
    $("status").textContent = took(Math.round(performance.now() - started));
    $("results").innerHTML = `<p class="error">${esc(error.message)}</p>`;
    markError(error.message);
  }
}

const took = (ms) => `${t("query_time")} ${ms} ${t("units").ms}`;

// The endpoint names the place of a syntax error: "400: bad query: at 3:7: unexpected '}'".
function markError(message) {
  const at = /\bat (\d+):(\d+)/.exec(message);
  if (at && state.editor) state.editor.markError(Number(at[1]), Number(at[2]), message);
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") return link(term.value);
  const lang = term["xml:lang"] ? ` <small class="muted">@${esc(term["xml:lang"])}</small>` : "";
  return `<span>${esc(term.value)}</span>${lang}`;
}

function renderResults(json) {
  if (json.boolean !== undefined) {
    $("status").textContent = took(json.ms);
    $("results").innerHTML = `<p class="boolean"><strong>${esc(t(json.boolean ? "yes" : "no"))}</strong></p>`;
    return;
  }
  const vars = json.head.vars;
  const rows = json.results.bindings;
  $("status").textContent = `${rows.length} ${t("rows")}${json.truncated ? ` · ${t("truncated")}` : ""} · ${took(json.ms)}`;
  $("results").innerHTML = `<table><thead><tr>${vars.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead><tbody>${
    rows.map((row) => `<tr>${vars.map((v) => `<td>${cell(row[v])}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

// ---------------------------------------------------------------- browse: the chart, the map and the lists
// Drawn by Observable Plot from /static/vendor/charts.js (built by `make charts`), from one named query's rows.
const METRICS = ["computing_power", "rack_count"];
const KINDS = ["ai", "hpc", "general", "total", "none"];
const KIND_COLOURS = ["#7c3aed", "#0e9384", "#d97706", "#2563eb", "#64748b"];
const local = (term) => term ? term.value.slice(term.value.lastIndexOf("#") + 1) : "";

async function loadBrowse() {
  const text = (name) => state.config.queries.find((q) => q.name === name).sparql;
  try {
    const [figures, entities] = await Promise.all([sparql(text("hubs_and_clusters_figures")), sparql(text("infrastructure"))]);
    const rows = [...figures.results.bindings, ...entities.results.bindings];
    await fetchLabels(rows.flatMap((r) => [r.entity, r.partOf, r.hub].filter(Boolean).map((c) => c.value)));
    state.last.chart = places(figures.results.bindings);
    state.last.entities = entities.results.bindings;
    renderBrowse();
  } catch (error) {
    $("chart").innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
}

// Every hub and cluster once, with where it is and its figures: {iri, type, hub, lat, long, figures: [...]}.
function places(bindings) {
  const byIri = new Map();
  for (const row of bindings) {
    const iri = row.entity.value;
    if (!byIri.has(iri)) {
      byIri.set(iri, { iri, type: local(row.type), hub: row.hub ? row.hub.value : null, figures: [],
        lat: row.lat ? Number(row.lat.value) : null, long: row.long ? Number(row.long.value) : null });
    }
    if (row.metric) {
      byIri.get(iri).figures.push({ metric: local(row.metric), value: Number(row.value.value), comparator: local(row.comparator) || "eq",
        stage: local(row.status) === "actual" ? "actual" : "planned", kind: local(row.kind) || "none", time: row.time ? row.time.value : "" });
    }
  }
  return [...byIri.values()];
}

// One figure per stage (actual, planned) and kind of an entity's metric: the largest reported.
function series(figures, metric) {
  const best = new Map();
  for (const f of figures.filter((f) => f.metric === metric)) {
    const key = `${f.stage}|${f.kind}`;
    if (!best.has(key) || f.value > best.get(key).value) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => (a.stage > b.stage ? 1 : a.stage < b.stage ? -1 : KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind)));
}

// A hub without a figure of its own on a metric: its clusters' figures added up, stage by stage and kind by kind.
// The sum of lower bounds is a lower bound, of estimates an estimate.
function rolledUp(clusters, metric) {
  const sums = new Map();
  for (const cluster of clusters) {
    for (const f of series(cluster.figures, metric)) {
      const key = `${f.stage}|${f.kind}`;
      const sum = sums.get(key) || { metric, stage: f.stage, kind: f.kind, value: 0, comparator: "eq", rolled: true, parts: 0 };
      sum.value += f.value;
      sum.parts += 1;
      if (["gt", "ge"].includes(f.comparator)) sum.comparator = "gt";
      else if (f.comparator === "approx" && sum.comparator === "eq") sum.comparator = "approx";
      sums.set(key, sum);
    }
  }
  return [...sums.values()];
}

// The figures the chart and the map show, hubs first (each followed by its clusters), a hub's rolled up when it has none.
function shown(metric) {
  const all = state.last.chart;
  const hubs = all.filter((p) => p.type === "Hub");
  const groups = hubs.map((hub) => {
    const clusters = all.filter((p) => p.type === "Cluster" && p.hub === hub.iri)
      .map((c) => ({ ...c, bars: series(c.figures, metric) }));
    const own = series(hub.figures, metric);
    const bars = own.length ? own : rolledUp(clusters, metric);
    clusters.sort((a, b) => Math.max(0, ...b.bars.map((x) => x.value)) - Math.max(0, ...a.bars.map((x) => x.value)));
    return { ...hub, bars, rolled: !own.length && bars.length > 0, clusters };
  });
  groups.sort((a, b) => Math.max(0, ...b.bars.map((x) => x.value)) - Math.max(0, ...a.bars.map((x) => x.value)));
  const orphans = all.filter((p) => p.type === "Cluster" && !hubs.some((h) => h.iri === p.hub)).map((c) => ({ ...c, bars: series(c.figures, metric) }));
  return { groups, orphans };
}

const number = (v) => v.toLocaleString(state.lang === "en" ? "en" : "zh", { maximumFractionDigits: 1 });
const unitOf = (metric) => t(metric === "rack_count" ? "racks" : "pflops");
const UNITS = { computing_power: "PFLOPS", rack_count: "racks" };
const wordKey = (f) => `${f.metric}|${f.comparator}|${f.value}`;
const colourOf = (f) => KIND_COLOURS[KINDS.indexOf(f.kind)];

// Round steps of the value axis from 0 to `top` (1, 2 or 5 times a power of ten), at most about six.
function niceTicks(top) {
  const raw = top / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

// The words of every figure and axis step the chart and the map will show, from the one presenter (POST /figure-words):
// "超过15万P" / "more than 150,000 PFLOPS", "5万" / "50,000", in the page's script. The page draws; it never words a number.
async function figureWords(metrics) {
  const figures = new Map();
  const amounts = new Set();
  for (const metric of new Set(metrics)) {
    const { groups, orphans } = shown(metric);
    let max = 1;
    for (const place of [...groups.flatMap((g) => [g, ...g.clusters]), ...orphans]) {
      for (const bar of place.bars) {
        figures.set(wordKey(bar), { value: bar.value, unit: UNITS[metric], comparator: bar.comparator, metric });
        max = Math.max(max, bar.value);
      }
    }
    for (const tick of niceTicks(max * 1.08)) amounts.add(tick);
  }
  const listed = [...figures.entries()];
  const ticks = [...amounts];
  const response = await fetch("/figure-words", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ lang: state.lang, figures: listed.map(([, f]) => f), amounts: ticks }) });
  if (!response.ok) throw new Error(`${response.status}: ${(await response.text()).trim()}`);
  const words = await response.json();
  const byFigure = new Map(listed.map(([key], i) => [key, words.figures[i]]));
  const byAmount = new Map(ticks.map((v, i) => [v, words.amounts[i]]));
  return { figure: (f) => byFigure.get(wordKey(f)), amount: (v) => byAmount.get(v) ?? number(v) };
}

async function renderBrowse() {
  for (const [id, key] of [["chart-metric", "chart_metric"], ["map-metric", "map_metric"]]) {
    const select = $(id);
    const chosen = select.value || "computing_power";
    select.innerHTML = METRICS.map((m) => `<option value="${m}">${esc(t("metric_" + m))}</option>`).join("");
    select.value = chosen;
    select.onchange = () => renderBrowse();
    select.setAttribute("aria-label", t(key));
  }
  $("chart-legend").innerHTML = legend();
  const lang = state.lang;
  const chartMetric = $("chart-metric").value, mapMetric = $("map-metric").value;
  try {
    const words = await figureWords([chartMetric, mapMetric]);
    if (lang !== state.lang || chartMetric !== $("chart-metric").value || mapMetric !== $("map-metric").value) return;  // redrawn since
    drawChart(chartMetric, words);
    drawMap(mapMetric, words);
  } catch (error) {
    $("chart").innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
  for (const type of ["Hub", "Cluster", "Center"]) {
    const items = state.last.entities.filter((r) => r.type.value === SL + type);
    $(`list-${type}`).innerHTML = items.map((r) => `<li>${link(r.entity.value)}${r.partOf ? ` <span class="muted">· ${link(r.partOf.value)}</span>` : ""}</li>`).join("");
  }
}

function legend() {
  const kinds = KINDS.map((kind, i) => `<span><i style="background:${KIND_COLOURS[i]}"></i>${esc(t("kind_" + kind))}</span>`).join("");
  return `${kinds}<span><i class="swatch-actual"></i>${esc(t("actual"))}</span><span><i class="swatch-planned"></i>${esc(t("planned"))}</span>` +
    `<span><b class="bound-sign">→</b> ${esc(t("bound_note"))}</span><span><b>Σ</b> ${esc(t("rolled_up"))}</span>`;
}

function drawChart(metric, words) {
  const { Plot } = window.SuanliCharts;
  const { groups, orphans } = shown(metric);
  const rows = [], bars = [], names = [], empty = [];
  const add = (place, isHub) => {
    const keys = (place.bars.length ? place.bars : [null]).map((bar, i) => `${place.iri}|${i}`);
    rows.push(...keys.map((key) => ({ key, hub: isHub })));
    const name = labelOf(place.iri) + (place.rolled ? " Σ" : "");
    names.push({ key: keys[0], name: isHub ? name : `${name}`, iri: place.iri, hub: isHub, rolled: place.rolled });
    if (!place.bars.length) empty.push({ key: keys[0] });
    place.bars.forEach((bar, i) => bars.push({ ...bar, key: keys[i], entity: labelOf(place.iri), hub: isHub }));
  };
  for (const group of groups) { add(group, true); for (const cluster of group.clusters) add(cluster, false); }
  for (const orphan of orphans) add(orphan, false);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const arrow = max * 0.05;
  for (const b of bars) {
    b.bound = ["gt", "ge"].includes(b.comparator) ? 1 : ["lt", "le"].includes(b.comparator) ? -1 : 0;
    b.end = b.value + b.bound * arrow;
    const kind = b.kind === "none" ? "" : ` · ${t("kind_" + b.kind)}`;  // AI or total, never left to the colour alone
    b.label = `${b.rolled ? "Σ " : ""}${words.figure(b)} · ${t(b.stage)}${kind}`;
    b.tip = `${b.entity}: ${words.figure(b)} · ${t(b.stage)} · ${t("kind_" + b.kind)}${b.rolled ? ` · ${t("rolled_up")}` : ""}`;
  }
  const pick = (stage, rolled) => bars.filter((b) => b.stage === stage && Boolean(b.rolled) === rolled);
  const bar = (stage, rolled) => Plot.barX(pick(stage, rolled), {
    // the colour of the kind given as a colour: Plot takes a channel value "none" (kind not stated) for no fill at all
    x: "value", y: "key", fill: colourOf, title: "tip", insetTop: 3, insetBottom: 3, className: `${rolled ? "rollup" : "bar"}-${stage}`,
    ...(stage === "planned" ? { fillOpacity: 0.28, stroke: colourOf, strokeWidth: 1.5, strokeDasharray: "4,2" } : {}),
  });
  const width = Math.max(720, $("chart").clientWidth || 900);
  const marginLeft = Math.min(360, width * 0.36);
  const nameWidth = (marginLeft - 12) / 6.5;  // in ems of an 12px font: a long name ends in "…", whole in its tooltip
  const svg = Plot.plot({
    width, height: rows.length * 24 + 48, marginLeft, marginRight: 330, marginTop: 36,
    style: { fontSize: "12px", background: "transparent" },
    x: { domain: [0, max * 1.08], grid: true, label: `${t("metric_" + metric)} (${unitOf(metric)}) →`, labelAnchor: "left", axis: "top",
      ticks: niceTicks(max * 1.08), tickFormat: (v) => words.amount(v) },
    y: { domain: rows.map((r) => r.key), axis: null, padding: 0.1 },
    marks: [
      Plot.barX(rows.filter((r) => r.hub), { x1: 0, x2: max * 1.08, y: "key", fill: "#f2f4f7", insetTop: -1, insetBottom: -1 }),
      Plot.ruleX([0]),
      bar("actual", false), bar("planned", false), bar("actual", true), bar("planned", true),
      Plot.arrow(bars.filter((b) => b.bound), { x1: "value", x2: "end", y: "key", stroke: "#1d2330", strokeWidth: 2, headLength: 7,
        className: "bound", title: "tip" }),
      Plot.text(bars, { x: (b) => Math.max(b.value, b.end), y: "key", text: "label", dx: 5, textAnchor: "start", fill: "#1d2330",
        fontSize: 11, className: "value-label" }),
      Plot.text(names.filter((n) => n.hub), { y: "key", text: "name", frameAnchor: "left", textAnchor: "end", dx: -8,
        href: (n) => href(n.iri), fill: "#0b6bcb", fontWeight: 700, className: "hub-name", lineWidth: nameWidth, textOverflow: "ellipsis-middle",
        title: (n) => n.rolled ? `${n.name} (${t("rolled_up")})` : n.name }),
      Plot.text(names.filter((n) => !n.hub), { y: "key", text: "name", frameAnchor: "left", textAnchor: "end", dx: -8,
        href: (n) => href(n.iri), fill: "#0b6bcb", className: "cluster-name", lineWidth: nameWidth, textOverflow: "ellipsis-middle",
        title: "name" }),
      Plot.text(empty, { y: "key", x: 0, text: () => t("no_figure"), dx: 5, textAnchor: "start", fill: "#98a2b3", fontSize: 11 }),
    ],
  });
  svg.setAttribute("aria-label", `${t("chart_title")}: ${t("metric_" + metric)}`);
  svg.dataset.lang = state.lang;
  for (const stage of ["actual", "planned"]) {
    for (const rect of svg.querySelectorAll(`g.bar-${stage} rect, g.rollup-${stage} rect`)) rect.dataset.stage = stage;
  }
  for (const rect of svg.querySelectorAll("g[class^=rollup] rect")) rect.dataset.rollup = "true";
  $("chart").replaceChildren(svg);
}

// The map: China's outline (Natural Earth, shipped in the bundle) with each hub and cluster at its place,
// its area by the chosen figure (the largest of its stages; a hub's rolled up from its clusters when it has none).
function drawMap(metric, words) {
  const { Plot, outline } = window.SuanliCharts;
  const { groups, orphans } = shown(metric);
  const points = [];
  const place = (p, isHub) => {
    if (p.lat === null || p.long === null) return;
    const top = p.bars.reduce((a, b) => (!a || b.value > a.value ? b : a), null);
    points.push({ iri: p.iri, hub: isHub, lat: p.lat, long: p.long, value: top ? top.value : 0,
      name: labelOf(p.iri), tip: `${labelOf(p.iri)}: ${top ? words.figure(top) + " · " + t(top.stage) + (p.rolled ? ` · ${t("rolled_up")}` : "") : t("no_figure")}` });
  };
  for (const group of groups) { place(group, true); for (const cluster of group.clusters) place(cluster, false); }
  for (const orphan of orphans) place(orphan, false);
  const width = Math.min(900, Math.max(600, $("map").clientWidth || 800));
  const svg = Plot.plot({
    width, height: Math.round(width * 0.78), projection: { type: "conic-equal-area", rotate: [-105, 0], parallels: [25, 47], domain: outline, inset: 10 },
    r: { range: [3, 26], domain: [0, Math.max(1, ...points.map((p) => p.value))] },
    style: { background: "transparent", fontSize: "11px" },
    marks: [
      Plot.geo(outline, { fill: "#eef2f7", stroke: "#98a2b3", strokeWidth: 0.8 }),
      Plot.graticule({ stroke: "#d0d5dd", strokeOpacity: 0.5 }),
      Plot.dot(points.filter((p) => p.hub), { x: "long", y: "lat", r: "value", symbol: "square", fill: "#2563eb", fillOpacity: 0.18,
        stroke: "#2563eb", strokeWidth: 1.5, title: "tip", href: (p) => href(p.iri), className: "map-hub" }),
      Plot.dot(points.filter((p) => !p.hub), { x: "long", y: "lat", r: "value", fill: "#d97706", fillOpacity: 0.55, stroke: "#92400e",
        title: "tip", href: (p) => href(p.iri), className: "map-cluster" }),
      Plot.dot(points.filter((p) => !p.value), { x: "long", y: "lat", r: 2.5, fill: "#667085", className: "map-none" }),
      Plot.text(points.filter((p) => !p.hub), { x: "long", y: "lat", text: "name", dy: -10, fontSize: 10, fill: "#1d2330", lineWidth: 16, textOverflow: "ellipsis-middle",
        stroke: "white", strokeWidth: 3, paintOrder: "stroke", className: "map-label" }),
    ],
  });
  svg.setAttribute("aria-label", `${t("map_title")}: ${t("metric_" + metric)}`);
  svg.dataset.lang = state.lang;
  $("map").replaceChildren(svg);
}

// ---------------------------------------------------------------- start
async function start() {
  state.config = await (await fetch("/app-config.json")).json();
  for (const el of document.querySelectorAll("[data-lang]")) el.onclick = () => applyLanguage(el.dataset.lang);
  for (const el of document.querySelectorAll("[data-tab]")) el.onclick = () => { showTab(el.dataset.tab); setHash("tab", el.dataset.tab); };
  $("ask-form").onsubmit = (event) => { event.preventDefault(); ask($("question").value); };
  $("examples").onchange = () => pickExample($("examples").value);
  $("run").onclick = run;
  startEditor();
  $("permalink").onclick = async () => {
    setHash("query", editorText());
    try { await navigator.clipboard.writeText(location.href); } catch { /* not allowed here: the address bar has it */ }
    $("status").textContent = t("copied");
  };
  applyLanguage(chooseLanguage());
  pickExample(state.config.queries[0].name);
  route();
  window.addEventListener("hashchange", route);
  document.body.dataset.ready = "true";
}

start();
