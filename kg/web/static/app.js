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

// ---------------------------------------------------------------- browse: the chart and the lists
async function loadBrowse() {
  const text = (name) => state.config.queries.find((q) => q.name === name).sparql;
  try {
    const [chart, entities] = await Promise.all([sparql(text("computing_power_chart")), sparql(text("infrastructure"))]);
    const rows = [...chart.results.bindings, ...entities.results.bindings];
    await fetchLabels(rows.flatMap((r) => [r.entity, r.partOf].filter(Boolean).map((c) => c.value)));
    state.last.chart = chart.results.bindings;
    state.last.entities = entities.results.bindings;
    renderBrowse();
  } catch (error) {
    $("chart").innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }
}

function renderBrowse() {
  const byEntity = new Map();
  for (const row of state.last.chart) {
    const entry = byEntity.get(row.entity.value) || { iri: row.entity.value, actual: 0, planned: 0 };
    entry[row.stage.value] = Math.max(entry[row.stage.value], Number(row.pflops.value));
    byEntity.set(row.entity.value, entry);
  }
  const entries = [...byEntity.values()].sort((a, b) => Math.max(b.actual, b.planned) - Math.max(a.actual, a.planned));
  $("chart").innerHTML = barChart(entries);
  for (const type of ["Hub", "Cluster", "Center"]) {
    const items = state.last.entities.filter((r) => r.type.value === SL + type);
    $(`list-${type}`).innerHTML = items.map((r) => `<li>${link(r.entity.value)}${r.partOf ? ` <span class="muted">· ${link(r.partOf.value)}</span>` : ""}</li>`).join("");
  }
}

function barChart(entries) {
  if (!entries.length) return `<p class="muted">${esc(t("no_answers"))}</p>`;
  const labelWidth = 260, width = 900, barHeight = 12, rowHeight = 34, top = 28;
  const max = Math.max(...entries.flatMap((e) => [e.actual, e.planned]));
  const decades = Math.max(1, Math.ceil(Math.log10(max)));
  const x = (v) => (v <= 1 ? 0 : (Math.log10(v) / decades) * (width - labelWidth - 90));
  const number = (v) => v.toLocaleString(state.lang === "en" ? "en" : "zh");
  let svg = `<svg viewBox="0 0 ${width} ${top + entries.length * rowHeight + 10}" role="img" aria-label="${esc(t("chart_title"))}">`;
  for (let d = 0; d <= decades; d++) {
    const gx = labelWidth + x(10 ** d);
    svg += `<line x1="${gx}" x2="${gx}" y1="${top - 6}" y2="${top + entries.length * rowHeight}" stroke="#e4e7ec"/>`;
    svg += `<text x="${gx}" y="${top - 10}" font-size="11" text-anchor="middle" fill="#667085">${number(10 ** d)}</text>`;
  }
  entries.forEach((e, i) => {
    const y = top + i * rowHeight;
    svg += `<a href="${esc(href(e.iri))}"><text x="${labelWidth - 8}" y="${y + 17}" font-size="13" text-anchor="end" fill="#0b6bcb">${esc(labelOf(e.iri))}</text></a>`;
    for (const [k, stage] of [[0, "actual"], [1, "planned"]]) {
      if (!e[stage]) continue;
      const by = y + 4 + k * (barHeight + 2);
      svg += `<rect class="bar-${stage}" data-stage="${stage}" x="${labelWidth}" y="${by}" width="${Math.max(2, x(e[stage]))}" height="${barHeight}" rx="2"><title>${esc(labelOf(e.iri))}: ${number(e[stage])} PFLOPS (${esc(t(stage))})</title></rect>`;
      svg += `<text x="${labelWidth + Math.max(2, x(e[stage])) + 4}" y="${by + 10}" font-size="11" fill="#1d2330">${number(e[stage])} ${esc(t("pflops"))}</text>`;
    }
  });
  return svg + "</svg>";
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
