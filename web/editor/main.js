// The SPARQL editor of the Suanli KG page: CodeMirror 6 with its SPARQL mode, bundled by `make editor`.
// It knows the editor only; what to complete (classes, properties, entities) comes from the page through `complete`.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { StreamLanguage, bracketMatching, indentOnInput, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { diagnosticCount, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

const KEYWORDS = ["PREFIX", "BASE", "SELECT", "DISTINCT", "REDUCED", "CONSTRUCT", "DESCRIBE", "ASK", "WHERE", "FROM", "NAMED",
  "GRAPH", "OPTIONAL", "FILTER", "BIND", "VALUES", "UNION", "MINUS", "NOT EXISTS", "EXISTS", "GROUP BY", "HAVING", "ORDER BY",
  "ASC", "DESC", "LIMIT", "OFFSET", "AS", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "STR", "LANG",
  "LANGMATCHES", "CONTAINS", "STRSTARTS", "REGEX", "LCASE", "UCASE", "COALESCE", "IF", "BOUND", "DATATYPE", "YEAR"];
// A name being typed: a prefixed name (sl:Hub, res:qingyang…), a bare word, or a prefix in a PREFIX line.
const WORD = /[\p{L}\p{N}_:.-]+$/u;

const declared = (text, prefix) => new RegExp(`^\\s*PREFIX\\s+${prefix}:`, "im").test(text);

// Where a new PREFIX line goes: after the last one, or at the top.
function prefixSpot(doc) {
  let spot = 0;
  for (let n = 1; n <= doc.lines; n++) if (/^\s*PREFIX\s/i.test(doc.line(n).text)) spot = doc.line(n).to + 1;
  return Math.min(spot, doc.length);
}

function declaration(doc, prefix, iri) {
  const spot = prefixSpot(doc);
  const line = `PREFIX ${prefix}: <${iri}>`;
  const atEnd = spot === doc.length && spot > 0 && doc.sliceString(spot - 1, spot) !== "\n";
  return { from: spot, insert: atEnd ? `\n${line}` : `${line}\n` };
}

// Inserting `sl:Hub` also declares `sl:` when the query has not yet.
function insertName(prefixes) {
  return (view, completion, from, to) => {
    const prefix = completion.label.includes(":") ? completion.label.split(":")[0] : null;
    const changes = [{ from, to, insert: completion.label }];
    if (prefix !== null && prefixes[prefix] && !declared(view.state.doc.toString(), prefix)) {
      changes.push(declaration(view.state.doc, prefix, prefixes[prefix]));
    }
    const set = view.state.changes(changes);
    view.dispatch({ changes: set, selection: { anchor: set.mapPos(to, 1) }, userEvent: "input.complete" });
  };
}

function declarations(prefixes, line) {
  if (!/^\s*PREFIX\s+[\w-]*:?$/i.test(line)) return [];
  return Object.entries(prefixes).map(([prefix, iri]) => ({ label: `${prefix}: <${iri}>`, type: "namespace" }));
}

function keywordsFor(text) {
  return text.includes(":") ? [] : KEYWORDS.map((word) => ({ label: word, type: "keyword", boost: -1 }));
}

// No completion inside a variable, a string, a comment or an <IRI>.
function quiet(state, pos) {
  const token = syntaxTree(state).resolveInner(pos, -1);
  if (["variableName.local", "string", "comment"].includes(token.name)) return true;
  return token.name === "atom" && state.sliceDoc(token.from, token.from + 1) === "<";
}

function completionSource(complete, prefixes) {
  return async (context) => {
    const word = context.matchBefore(WORD);
    if ((!word && !context.explicit) || quiet(context.state, context.pos)) return null;
    const text = word ? word.text : "";
    const from = word ? word.from : context.pos;
    const line = context.state.doc.lineAt(context.pos);
    const prefixLine = declarations(prefixes, line.text.slice(0, context.pos - line.from));
    if (prefixLine.length) return { from, options: prefixLine };
    const found = (await complete(text, () => context.aborted)) || { options: [] };
    if (context.aborted) return null;
    const apply = insertName(prefixes);
    const options = found.options.map((o) => ({ ...o, apply })).concat(keywordsFor(text));
    return options.length ? { from, options, filter: found.filter !== false } : null;
  };
}

// The endpoint's reason "… at 3:7: …" marked on that line, from that column on.
function errorMark(view, line, column, message) {
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(at.from + Math.max(column - 1, 0), at.to);
  const to = from < at.to ? at.to : from;
  return setDiagnostics(view.state, [{ from: from === to && from > at.from ? from - 1 : from, to, severity: "error", message }]);
}

// The hidden textarea follows the text; an error mark goes once the query is edited.
function changed(update, textarea) {
  textarea.value = update.state.doc.toString();
  if (diagnosticCount(update.state)) setTimeout(() => update.view.dispatch(setDiagnostics(update.view.state, [])));
}

function extensions({ complete, run, prefixes, textarea }) {
  const runKey = { key: "Mod-Enter", run: () => { run(); return true; } };
  return [
    lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(), closeBrackets(), indentOnInput(),
    StreamLanguage.define(sparql), syntaxHighlighting(classHighlighter), lintGutter(), EditorView.lineWrapping,
    autocompletion({ override: [completionSource(complete, prefixes)], activateOnTypingDelay: 150 }),
    keymap.of([runKey, ...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
    EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || "SPARQL" }),
    EditorView.updateListener.of((update) => { if (update.docChanged) changed(update, textarea); }),
  ];
}

// Replaces `textarea` (kept hidden and in step, so forms and tests can still read it) with the editor.
export function create({ textarea, complete = async () => null, run = () => {}, prefixes = {} }) {
  const view = new EditorView({
    state: EditorState.create({ doc: textarea.value, extensions: extensions({ complete, run, prefixes, textarea }) }),
  });
  textarea.insertAdjacentElement("afterend", view.dom);
  textarea.hidden = true;
  return {
    view,
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    markError: (line, column, message) => view.dispatch(errorMark(view, line, column, message)),
    clearError: () => view.dispatch(setDiagnostics(view.state, [])),
    focus: () => view.focus(),
  };
}
