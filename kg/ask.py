"""Questions in Chinese or English → SPARQL over the graph → answers with evidence.

The vocabulary comes from the graph (every label and altLabel) and from a question lexicon
(`extract/data/questions.toml`), so a new entity or metric is askable without code changes.
User text reaches SPARQL only as RDF terms built by rdflib, in a VALUES block; every query is
parsed and checked against the ontology before it runs.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import opencc
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from extract.errors import SuanliError
from extract.quantity import find as find_quantities
from extract.resources import questions
from extract.text import fold
from kg.factview import entity_labels
from kg.named import query_text
from kg.namespace import SL
from kg.rdf import RELATION_PROPERTY, local_name, number
from kg.store import LocalStore, RemoteStore

Store = LocalStore | RemoteStore
SLNS = str(SL._NS)


@dataclass
class Understanding:
    lang: str
    script: str
    entities: list[tuple[int, str]] = field(default_factory=list)  # (position, iri)
    metric: str | None = None
    kind: str | None = None
    cls: str | None = None
    cls_pos: int = -1
    comparator: str | None = None
    threshold: float | None = None
    statuses: list[str] = field(default_factory=list)
    relation: str | None = None
    yes_no: bool = False
    superlative: str | None = None
    top: int = 1
    total: bool = False
    count: bool = False
    year: str | None = None


@dataclass
class Vocabulary:
    surfaces: list[tuple[str, str]]  # (surface folded/lower, iri), longest first
    labels: dict[str, dict[str, str]]


_VOCAB: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def vocabulary(store: Store) -> Vocabulary:
    """Every label and alias of the graph's entities, built once per open store.

    Answering opens stores read-only (the CLI per run, the server per process), so the
    vocabulary cannot go stale while it is cached.
    """
    if store in _VOCAB:
        return _VOCAB[store]
    labels = entity_labels(store)
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label|skos:altLabel ?l }"
    ).rows
    surfaces: dict[str, str] = {}
    for row in rows:
        iri = row["e"]["value"]
        if iri not in labels:
            continue
        text = fold(row["l"]["value"]).lower().strip()
        if len(text) >= 2:
            surfaces.setdefault(text, iri)
            base = re.sub(r"(市|省)$", "", text)
            if base != text and len(base) >= 2:
                surfaces.setdefault(base, iri)
    vocab = Vocabulary(sorted(surfaces.items(), key=lambda s: len(s[0]), reverse=True), labels)
    _VOCAB[store] = vocab
    return vocab


def _find_words(text: str, words: list[str]) -> tuple[int, str] | None:
    best = None
    for word in sorted(words, key=len, reverse=True):
        pattern = r"(?<![a-z])" + re.escape(word) + r"(?![a-z])" if word.isascii() else re.escape(word)
        m = re.search(pattern, text)
        if m and (best is None or len(word) > len(best[1])):
            best = (m.start(), word)
    return best


def understand(question: str, vocab: Vocabulary) -> Understanding:
    """Read a question into the pieces a query is built from."""
    folded = fold(question)
    is_zh = bool(re.search(r"[\u3400-\u9fff]", question))
    script = "zh-Hant" if is_zh and folded != question else ("zh" if is_zh else "en")
    u = Understanding(lang="zh" if is_zh else "en", script=script)
    text = folded.lower()
    masked = list(text)
    for surface, iri in vocab.surfaces:
        pattern = re.escape(surface) if not surface.isascii() else r"(?<![a-z])" + re.escape(surface) + r"(?![a-z])"
        for m in re.finditer(pattern, "".join(masked)):
            u.entities.append((m.start(), iri))
            masked[m.start() : m.end()] = ["\x00"] * (m.end() - m.start())
    u.entities.sort()
    rest = "".join(masked)
    lex = questions()
    hits = [(len(w), name) for name, words in lex["metric"].items() if (w := _hit(rest, words))]
    if hits:
        u.metric = max(hits)[1]
    kinds = [(len(w), name) for name, words in lex["kind"].items() if (w := _hit(rest, words))]
    if kinds and u.metric == "computing_power":
        u.kind = max(kinds)[1]
    classes = [(pos, len(w), name) for name, words in lex["class"].items() if (f := _find_words(rest, words))
               for pos, w in [f]]
    if classes:
        best = max(classes, key=lambda c: c[1])
        u.cls, u.cls_pos = best[2], best[0]
    for name in ("ge", "le", "gt", "lt"):
        if _hit(rest, lex["comparator"][name]):
            u.comparator = name
            break
    quantities = [q for q in find_quantities(folded) if q.family != "count"]
    if quantities and u.comparator:
        u.threshold = quantities[0].value
    elif u.comparator and (m := re.search(r"(\d[\d,\.]*)", rest)):
        u.threshold = float(m.group(1).replace(",", ""))
    for name in ("target", "under_construction", "planned", "actual"):
        if _hit(rest, lex["status"][name]):
            u.statuses = {"target": ["target", "planned"], "planned": ["planned", "target", "under_construction"],
                          "actual": ["actual"], "under_construction": ["under_construction"]}[name]
            break
    intent = lex["intent"]
    for name in ("operator", "part_of", "partner", "member_of", "located_in"):
        if _hit(rest, intent[name]) and not (name == "located_in" and u.metric):
            u.relation = name
            break
    first_word = text.strip().split(" ", 1)[0]
    u.yes_no = (is_zh and bool(_hit(rest, intent["yes_no_zh"]))) or (not is_zh and first_word in intent["yes_no_en"])
    if _hit(rest, intent["superlative_max"]):
        u.superlative = "max"
    elif _hit(rest, intent["superlative_min"]):
        u.superlative = "min"
    if m := re.search(r"top\s*(\d+)|前(\d+|[一二三四五六七八九十])", rest):
        raw = m.group(1) or m.group(2)
        u.top = int(raw) if raw.isdigit() else "一二三四五六七八九十".index(raw) + 1
        u.superlative = u.superlative or "max"
    u.total = bool(_hit(rest, intent["total"]))
    u.count = bool(_hit(rest, intent["count"])) and u.metric is None
    if m := re.search(r"((?:19|20)\d{2})\s*年?", rest):
        u.year = m.group(1)
    return u


def _hit(text: str, words: list[str]) -> str | None:
    found = _find_words(text, words)
    return found[1] if found else None


# ------------------------------------------------------------------ building queries
def _values(bindings: dict[str, list[URIRef | Literal]]) -> str:
    """A VALUES block per variable, from rdflib terms only (never raw user text)."""
    blocks = []
    for name, terms in bindings.items():
        if terms:
            blocks.append(f"VALUES ?{name} {{ " + " ".join(t.n3() for t in terms) + " }")
    return "\n  ".join(blocks)


def check(sparql: str) -> list[str]:
    """Errors of a generated query: syntax, or ontology terms that do not exist."""
    errors = []
    try:
        prepareQuery(sparql)
    except Exception as exc:  # rdflib raises pyparsing errors of several kinds
        errors.append(f"syntax: {exc}")
    known = set(getattr(SL, "__annotations__", {}))
    for term in re.findall(r"sl:([A-Za-z_]+)|<" + re.escape(SLNS) + r"([A-Za-z_]+)>", sparql):
        name = term[0] or term[1]
        if name not in known:
            errors.append(f"unknown ontology term sl:{name}")
    return errors


def _bound_filters(u: Understanding) -> tuple[dict[str, list], list[str]]:
    bindings: dict[str, list] = {}
    filters = []
    if u.metric:
        bindings["metric"] = [SL[u.metric]]
    if u.kind:
        bindings["kind"] = [SL[u.kind]]
    if u.statuses:
        bindings["status"] = [SL[s] for s in u.statuses]
    if u.comparator and u.threshold is not None:
        bindings["threshold"] = [Literal(u.threshold)]
        filters.append({
            "gt": "FILTER((?value > ?threshold || (?value = ?threshold && ?comparator = sl:gt)) "
                  "&& ?comparator NOT IN (sl:lt, sl:le))",
            "ge": "FILTER(?value >= ?threshold && ?comparator NOT IN (sl:lt, sl:le))",
            "lt": "FILTER((?value < ?threshold || (?value = ?threshold && ?comparator = sl:lt)) "
                  "&& ?comparator NOT IN (sl:gt, sl:ge))",
            "le": "FILTER(?value <= ?threshold && ?comparator NOT IN (sl:gt, sl:ge))",
        }[u.comparator])
    return bindings, filters


_SCOPES = {
    "Hub": "{ ?subject a sl:Hub . BIND(?subject AS ?holder) } UNION { ?subject (sl:partOf|sl:locatedIn)+ ?holder . "
           "?holder a sl:Hub } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject ; sl:partOf ?holder . ?subject a sl:City }",
    "Cluster": "{ ?subject a sl:Cluster . BIND(?subject AS ?holder) } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject . "
               "?subject a sl:City . BIND(?k AS ?holder) }",
}


def _scope(cls: str) -> str:
    return _SCOPES.get(cls, f"?subject a sl:{cls} . BIND(?subject AS ?holder)")


_REL_PROP = {code: "sl:" + str(prop)[len(SLNS):] for code, prop in RELATION_PROPERTY.items()}


@dataclass
class Plan:
    sparql: str
    shape: str  # value, list, relation, boolean, count
    interpretation: str


def plan(u: Understanding, vocab: Vocabulary) -> Plan | None:
    """The query that answers an understood question, or None when nothing fits."""
    entities = [iri for _, iri in u.entities]
    bindings, filters = _bound_filters(u)
    if u.yes_no and len(entities) >= 2 and not u.metric and not u.relation:
        u.relation = "located_in"
    if u.relation and entities and (u.metric is None or u.relation in ("partner", "operator", "part_of")) \
            and u.threshold is None:
        prop = _REL_PROP[u.relation]
        if u.yes_no and len(entities) >= 2:
            path = "(sl:locatedIn|sl:partOf)+" if u.relation in ("located_in", "part_of") else prop
            sparql = (f"PREFIX sl: <{SLNS}>\nASK {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"{_values({'other': [URIRef(entities[1])]})} ?entity {path} ?other }}")
            return Plan(sparql, "boolean", f"is {entities[0]} {u.relation} {entities[1]}")
        entity_pos = u.entities[0][0]
        inverse = u.cls is not None and u.cls_pos < entity_pos and u.relation != "partner"
        if u.relation == "partner":
            pattern = f"{{ ?entity {prop} ?answer }} UNION {{ ?answer {prop} ?entity }}"
        elif inverse:
            pattern = f"?answer {prop} ?entity ."
        else:
            pattern = f"?entity {prop} ?answer ."
        if u.cls and (inverse or u.relation in ("partner", "part_of", "located_in")):
            if not (u.relation in ("part_of", "located_in") and not inverse and u.cls_pos < entity_pos):
                pattern += f" ?answer a sl:{u.cls} ."
        bindings = {"entity": [URIRef(entities[0])], "relation": [SL[prop.split(':')[1]]]}
        sparql = query_text("ask_relation").replace("#VALUES", _values(bindings)).replace("#PATTERN", pattern)
        sparql = sparql.replace("#FILTERS", "")
        direction = "inverse " if inverse else ""
        return Plan(sparql, "relation", f"{direction}{u.relation} of {entities[0]}" + (f", only {u.cls}" if u.cls else ""))
    if u.metric and entities and u.threshold is None and not (u.superlative and u.cls):
        bindings["entity"] = [URIRef(entities[0])]
        sparql = query_text("ask_value").replace("#VALUES", _values(bindings)).replace("#FILTERS", "\n  ".join(filters))
        return Plan(sparql, "value", f"{u.metric} of {entities[0]}" + (f" ({u.kind})" if u.kind else "")
                    + (f", status {'/'.join(u.statuses)}" if u.statuses else ""))
    if u.metric and (u.cls or u.superlative or u.threshold is not None):
        cls = u.cls or "Cluster"
        if u.yes_no and entities:
            bindings["subject"] = [URIRef(entities[0])]
        sparql = query_text("ask_list").replace("#VALUES", _values(bindings)).replace("#SCOPE", _scope(cls))
        sparql = sparql.replace("#FILTERS", "\n  ".join(filters))
        if u.superlative == "min":
            sparql = sparql.replace("ORDER BY DESC(?value)", "ORDER BY ?value")
        what = f"{cls} entities by {u.metric}"
        if u.comparator:
            what += f" {u.comparator} {u.threshold:g}"
        if u.superlative:
            what += f", {u.superlative} (top {u.top})"
        return Plan(sparql, "boolean" if u.yes_no else "list", what)
    if u.count and u.cls:
        if entities:
            sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"?answer a sl:{u.cls} ; (sl:partOf|sl:locatedIn)+ ?entity }}")
        else:
            sparql = f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ ?answer a sl:{u.cls} }}"
        return Plan(sparql, "count", f"number of {u.cls}" + (f" in {entities[0]}" if entities else ""))
    return None


# ------------------------------------------------------------------ answering
def _label(iri: str, vocab: Vocabulary, script: str) -> dict[str, Any]:
    entry = vocab.labels.get(iri, {})
    zh, en = entry.get("zh-Hans"), entry.get("en")
    if script == "zh-Hant":
        label = entry.get("zh-Hant") or (_s2t().convert(zh) if zh else en)
    elif script == "zh":
        label = zh or en
    else:
        label = en or zh
    return {"iri": iri, "label": label, "label_zh": zh, "label_en": en}


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def readable(value: float, unit: str | None, comparator: str | None, lang: str) -> str:
    """A figure as people write it: 超过10万P / more than 100,000 PFLOPS."""
    words = {"zh": {"gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过", "approx": "约", "eq": ""},
             "en": {"gt": "more than ", "ge": "at least ", "lt": "less than ", "le": "at most ", "approx": "about ",
                    "eq": ""}}
    prefix = words["zh" if lang != "en" else "en"].get(comparator or "eq", "")
    if unit is None and value <= 1 and value > 0:
        body = f"{value * 100:g}%"
    elif lang != "en" and value >= 1e8:
        body = f"{value / 1e8:g}亿"
    elif lang != "en" and value >= 1e4:
        body = f"{value / 1e4:g}万"
    else:
        body = f"{value:,.6g}" if value < 1e6 else f"{value:,.0f}"
    unit_text = {"PFLOPS": "P" if lang != "en" else " PFLOPS", "CNY": "元" if lang != "en" else " yuan",
                 "racks": "架" if lang != "en" else " racks", "kW": "千瓦" if lang != "en" else " kW",
                 "km2": "平方公里" if lang != "en" else " km²", "USD": "美元" if lang != "en" else " USD",
                 "ms": "毫秒" if lang != "en" else " ms"}.get(unit or "", "")
    return f"{prefix}{body}{unit_text}"


def ask(question: str, *, store: Store) -> dict[str, Any]:
    """Answer one question; a question it cannot read gets empty answers and a reason."""
    vocab = vocabulary(store)
    question = (question or "").strip()
    u = understand(question[:2000], vocab)
    out: dict[str, Any] = {"question": question, "lang": u.lang, "answers": [], "boolean": None, "sparql": None,
                           "evidence": [], "interpretation": None}
    the_plan = plan(u, vocab) if question else None
    if the_plan is None:
        seen = [vocab.labels.get(iri, {}).get("en", iri) for _, iri in u.entities]
        out["interpretation"] = ("not understood" + (f"; recognised: {', '.join(seen)}" if seen else "")
                                 + (f"; metric {u.metric}" if u.metric else ""))
        return out
    errors = check(the_plan.sparql)
    out["sparql"] = the_plan.sparql
    if errors:
        out["interpretation"] = "not understood; generated query rejected: " + "; ".join(errors)
        return out
    try:
        results = store.select(the_plan.sparql)
    except SuanliError as exc:
        out["interpretation"] = f"not understood; the query failed: {exc}"
        return out
    out["interpretation"] = the_plan.interpretation
    if the_plan.shape == "boolean" and results.boolean is not None:
        out["boolean"] = results.boolean
        return out
    rows = results.rows
    if the_plan.shape == "boolean":
        out["boolean"] = bool(rows)
        return out
    if the_plan.shape == "count":
        out["answers"] = [{"iri": None, "label": str(len(rows)), "label_zh": None, "label_en": None,
                           "value": len(rows), "unit": None, "comparator": "eq"}]
        return out
    if the_plan.shape == "relation":
        documented = [r for r in rows if "evidence" in r]
        chosen = documented or rows
        seen: set[str] = set()
        for row in chosen:
            iri = row["answer"]["value"]
            if iri in vocab.labels and iri not in seen:
                seen.add(iri)
                out["answers"].append(_label(iri, vocab, u.script))
            if "evidence" in row:
                out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
        if not documented and rows:
            out["interpretation"] += " (from the reference data)"
        return out
    if the_plan.shape == "value" and rows and any(r["depth"]["value"] == "0" for r in rows):
        rows = [r for r in rows if r["depth"]["value"] == "0"]
    if u.year:
        dated = [r for r in rows if r.get("time", {}).get("value", "").startswith(u.year)]
        rows = dated or rows
    if the_plan.shape == "list" and u.superlative:
        rows = rows[: u.top]
    seen_keys = set()
    for row in rows:
        value = number(row["value"]["value"])
        unit = local_name(row.get("unit", {}).get("value"))
        comparator = local_name(row["comparator"]["value"])
        subject = row["subject"]["value"]
        key = (subject, value, unit) if the_plan.shape == "value" else subject
        if key in seen_keys:
            continue
        seen_keys.add(key)
        answer = _label(subject, vocab, u.script)
        answer.update({"value": value, "unit": unit, "comparator": comparator,
                       "status": local_name(row["status"]["value"]), "time": row.get("time", {}).get("value"),
                       "kind": local_name(row.get("kind", {}).get("value")),
                       "text": readable(value, unit, comparator, u.lang)})
        if "holder" in row and row["holder"]["value"] != subject:
            answer["via"] = _label(row["holder"]["value"], vocab, u.script)
        out["answers"].append(answer)
        out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
    return out
