// Bundles main.js into kg/web/static/vendor/: the minified charting library (Observable Plot) with the outline of
// China, the licences of what it bundles, and a stamp with the hashes of this folder's inputs (tests/test_web.py
// says when the bundle is older than them). `make charts` runs it.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "kg", "web", "static", "vendor");
const INPUTS = ["package.json", "package-lock.json", "main.js", "build.mjs"];
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
// Natural Earth's China (156) with Taiwan (158), Hong Kong (344) and Macao (446), drawn as one land.
const CHINA = new Set(["156", "158", "344", "446"]);
const DATA = ["world-atlas"];  // packages read at build time whose data the bundle holds

// The outline: world-atlas's 1:50m countries, China's parts kept, simplified (the smallest 60% of the triangles
// dropped), coordinates rounded to 0.01° (about 1 km): a few kilobytes of GeoJSON.
function chinaOutline() {
  const world = JSON.parse(readFileSync(join(here, "node_modules", "world-atlas", "countries-50m.json"), "utf8"));
  world.objects.countries.geometries = world.objects.countries.geometries.filter((g) => CHINA.has(g.id));
  const simple = presimplify(world);
  const slim = simplify(simple, quantile(simple, 0.6));
  const geo = feature(slim, slim.objects.countries);
  const round = (c) => (typeof c[0] === "number" ? c.map((v) => Math.round(v * 100) / 100) : c.map(round));
  for (const f of geo.features) {
    f.geometry.coordinates = round(f.geometry.coordinates);
    f.properties = { name: f.properties.name };
  }
  return geo;
}

const outlinePlugin = {
  name: "china-outline",
  setup(build) {
    build.onResolve({ filter: /^china-outline$/ }, () => ({ path: "china-outline", namespace: "outline" }));
    build.onLoad({ filter: /.*/, namespace: "outline" }, () => ({ contents: JSON.stringify(chinaOutline()), loader: "json" }));
  },
};

// The packages a bundle holds, read from the paths esbuild reports: node_modules/@scope/name or node_modules/name.
function packagesOf(metafile) {
  const names = Object.keys(metafile.inputs).map((path) => path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)).filter(Boolean);
  return [...new Set([...names.map((match) => match[1]), ...DATA])].sort();
}

function licences(packages) {
  return packages.map((name) => {
    const folder = join(here, "node_modules", name);
    const { version, license } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const file = readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
    const note = name === "world-atlas"
      ? "The outline of China comes from world-atlas's countries-50m.json, made from Natural Earth's 1:50m Admin 0 countries, which are in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).\n\n"
      : "";
    return `${name} ${version} (${license})\n\n${note}${readFileSync(join(folder, file), "utf8").trim()}\n`;
  }).join("\n" + "-".repeat(72) + "\n\n");
}

const result = await esbuild.build({
  entryPoints: [join(here, "main.js")], bundle: true, minify: true, format: "iife", globalName: "SuanliCharts",
  target: "es2020", legalComments: "none", metafile: true, write: false, charset: "utf8", plugins: [outlinePlugin],
  banner: { js: "/*! Suanli KG charts: Observable Plot and d3 (ISC) with Natural Earth's outline of China (public domain), licences in charts.LICENSES.txt; built by `make charts` from web/charts */" },
});
mkdirSync(out, { recursive: true });
const bundle = result.outputFiles[0].contents;
writeFileSync(join(out, "charts.js"), bundle);
writeFileSync(join(out, "charts.LICENSES.txt"), licences(packagesOf(result.metafile)));
const inputs = Object.fromEntries(INPUTS.map((name) => [name, sha256(readFileSync(join(here, name)))]));
writeFileSync(join(out, "charts.stamp.json"), JSON.stringify({ inputs, bundle: sha256(bundle) }, null, 2) + "\n");
console.log(`kg/web/static/vendor/charts.js: ${bundle.length} bytes`);
