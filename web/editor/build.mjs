// Bundles main.js into kg/web/static/vendor/: the minified editor, the licences of what it bundles, and a stamp
// with the hashes of this folder's inputs (tests/test_web.py says when the bundle is older than them).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "kg", "web", "static", "vendor");
const INPUTS = ["package.json", "package-lock.json", "main.js", "build.mjs"];
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

// The packages a bundle holds, read from the paths esbuild reports: node_modules/@scope/name or node_modules/name.
function packagesOf(metafile) {
  const names = Object.keys(metafile.inputs).map((path) => path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)).filter(Boolean);
  return [...new Set(names.map((match) => match[1]))].sort();
}

function licences(packages) {
  return packages.map((name) => {
    const folder = join(here, "node_modules", name);
    const { version, license } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const file = readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
    return `${name} ${version} (${license})\n\n${readFileSync(join(folder, file), "utf8").trim()}\n`;
  }).join("\n" + "-".repeat(72) + "\n\n");
}

const result = await esbuild.build({
  entryPoints: [join(here, "main.js")], bundle: true, minify: true, format: "iife", globalName: "SuanliEditor",
  target: "es2020", legalComments: "none", metafile: true, write: false, charset: "utf8",
  banner: { js: "/*! Suanli KG SPARQL editor: CodeMirror 6 and its SPARQL mode (MIT), licences in sparql-editor.LICENSES.txt; built by `make editor` from web/editor */" },
});
mkdirSync(out, { recursive: true });
const bundle = result.outputFiles[0].contents;
writeFileSync(join(out, "sparql-editor.js"), bundle);
writeFileSync(join(out, "sparql-editor.LICENSES.txt"), licences(packagesOf(result.metafile)));
const inputs = Object.fromEntries(INPUTS.map((name) => [name, sha256(readFileSync(join(here, name)))]));
writeFileSync(join(out, "sparql-editor.stamp.json"), JSON.stringify({ inputs, bundle: sha256(bundle) }, null, 2) + "\n");
console.log(`kg/web/static/vendor/sparql-editor.js: ${bundle.length} bytes`);
