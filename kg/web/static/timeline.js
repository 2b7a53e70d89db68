// An entity page's figures over time: one small chart per metric with at least two dated figures, actual against
// planned as two series. The data and its words come from the server (kg/web/pages.py) in #timeline-data; the
// drawing is Observable Plot's, from /static/vendor/charts.js (built by `make charts`). Nothing is fetched.
"use strict";

(function drawTimelines() {
  const holder = document.getElementById("timelines");
  const data = document.getElementById("timeline-data");
  if (!holder || !data || !window.SuanliCharts) return;
  const { Plot } = window.SuanliCharts;
  const words = { actual: holder.dataset.actual, planned: holder.dataset.planned };
  const colours = { actual: "#1f8a5b", planned: "#c98a12" };
  // "2026" (a year) stands at its first day; "2025-03-01" at its day.
  const when = (text) => new Date(/^\d{4}$/.test(text) ? `${text}-01-01` : text);
  for (const timeline of JSON.parse(data.textContent)) {
    const points = timeline.points.map((p) => ({ ...p, at: when(p.date), series: words[p.stage],
      tip: `${p.text} · ${p.status}${p.kind ? " · " + p.kind : ""} · ${p.date}` }));
    const span = Math.max(...points.map((p) => p.at)) - Math.min(...points.map((p) => p.at));
    const years = span > 2 * 365 * 864e5;  // ticks by year over a long span, else by month (as 2025-03)
    const stages = ["actual", "planned"].filter((s) => points.some((p) => p.stage === s));
    const plot = Plot.plot({
      width: 460, height: 240, marginLeft: 64, marginRight: 20,
      style: { background: "transparent", fontSize: "11px" },
      x: { type: "utc", label: holder.dataset.date, inset: 24, ticks: years ? "year" : "month",
        tickFormat: (d) => d.toISOString().slice(0, years ? 4 : 7) },
      y: { zero: true, grid: true, nice: true, label: `${timeline.label}${timeline.unit ? ` (${timeline.unit})` : ""}`,
        tickFormat: (v) => v.toLocaleString(document.documentElement.lang === "en" ? "en" : "zh") },
      color: { domain: stages.map((s) => words[s]), range: stages.map((s) => colours[s]), legend: true },
      marks: [
        Plot.ruleY([0]),
        Plot.line(points.filter((p) => p.stage === "actual"), { x: "at", y: "value", stroke: "series", className: "timeline-actual" }),
        Plot.line(points.filter((p) => p.stage === "planned"), { x: "at", y: "value", stroke: "series", strokeDasharray: "5,3",
          className: "timeline-planned" }),
        Plot.dot(points, { x: "at", y: "value", fill: "series", stroke: "white", r: 5, title: "tip",
          symbol: (p) => (p.stage === "planned" ? "diamond" : "circle"), className: "timeline-dot" }),
        Plot.text(points, { x: "at", y: "value", text: "text", dy: -12, fontSize: 10, fill: "#1d2330" }),
      ],
    });
    const figure = document.createElement("figure");
    figure.dataset.metric = timeline.metric;
    const caption = document.createElement("figcaption");
    caption.textContent = timeline.label;
    figure.append(caption, plot);
    holder.append(figure);
  }
}());
