"""HTML pages for people: an entity page, and a page for any other graph (ontology, shapes, dataset, a fact, a source).

Every label is chosen by one fallback chain per interface language (zh-Hant falls back to the
simplified label converted by OpenCC, then English), so a page never shows a blank name. The
templates live in `kg/web/templates`, the interface strings in `kg/web/static/i18n.json`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef

from extract.resources import read_text
from extract.text import fold, to_traditional
from kg import present
from kg.graph.namespace import SL
from kg.graph.rdf import RELATION_PROPERTY, ontology_graph
from kg.web.linked import RDF_TYPES, embedded_json_ld, local_path

LANGUAGES = ("zh-Hans", "zh-Hant", "en")
FORMAT_LINKS = (("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"), ("RDF/XML", "rdf"))
COMPARATOR_SIGNS = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈", "eq": ""}
INVERSE_KEYS = {SL.partOf: "part_of_here", SL.locatedIn: "located_here", SL.operator: "operated_here",
                SL.partner: "partners_here", SL.memberOf: "members_here"}


@cache
def strings() -> dict[str, dict[str, Any]]:
    """The interface strings of every language (shared with the web page)."""
    return json.loads(read_text("kg.web", "static/i18n.json"))


@cache
def example_questions() -> dict[str, list[str]]:
    """Questions the web page offers to try, per interface language."""
    return json.loads(read_text("kg.web", "static/examples.json"))


@cache
def entity_classes() -> frozenset[URIRef]:
    """The ontology's entity classes (hub, cluster, center …): IRIs of these get the entity page."""
    return frozenset(s for s in ontology_graph().subjects(RDFS.subClassOf, SL.Entity) if isinstance(s, URIRef))


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kg.web", "templates"), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def ui_language(requested: str | None, accept_language: str | None = None) -> str:
    """zh-Hans, zh-Hant or en: `?lang=` first, else the browser's Accept-Language, else zh-Hans."""
    for tag in [requested or "", *[part.split(";")[0].strip() for part in (accept_language or "").split(",")]]:
        tag = tag.lower()
        if tag in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") or tag.startswith("zh-hant"):
            return "zh-Hant"
        if tag.startswith("zh"):
            return "zh-Hans"
        if tag.startswith("en"):
            return "en"
    return "zh-Hans"


def pick(labels: dict[str, str], lang: str) -> str | None:
    """The label to show in `lang`: its own, else converted from the other Chinese script, else any."""
    if lang == "zh-Hant":
        if "zh-Hant" in labels:
            return labels["zh-Hant"]
        if simplified := labels.get("zh-Hans") or labels.get("zh"):
            return to_traditional(simplified)
    if lang == "zh-Hans":
        if simplified := labels.get("zh-Hans") or labels.get("zh"):
            return simplified
        if "zh-Hant" in labels:
            return fold(labels["zh-Hant"])
    for fallback in (lang, "en", "zh-Hans", "zh", "zh-Hant", ""):
        if fallback in labels:
            return labels[fallback]
    return next(iter(labels.values()), None)


@cache
def _vocabulary_labels(lang: str) -> dict[str, dict[str, str]]:
    """Labels of the ontology's terms and of the common RDF, PROV, SKOS and DC terms, per interface language."""
    known: dict[str, dict[str, str]] = {}
    for subject, label in ontology_graph().subject_objects(RDFS.label):
        if isinstance(label, Literal):
            known.setdefault(str(subject), {})[label.language or ""] = str(label)
    for term, text in strings()[lang]["terms"].items():
        known.setdefault(term, {})[lang] = text
    return known


@dataclass
class Labeller:
    """Labels for IRIs in one language: ontology terms from the ontology, entities from the store."""

    lang: str
    base: str
    known: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for iri, entry in _vocabulary_labels(self.lang).items():
            self.known.setdefault(iri, {}).update(entry)

    def add(self, found: dict[str, dict[str, str]]) -> None:
        for iri, entry in found.items():
            self.known.setdefault(iri, {}).update({k: v for k, v in entry.items() if k != "type"})

    def __call__(self, iri: Any) -> str:
        text = pick(self.known.get(str(iri), {}), self.lang)
        if text:
            return text
        value = str(iri)
        return value.rsplit("#", 1)[-1] if "#" in value else value.rstrip("/").rsplit("/", 1)[-1]

    def link(self, iri: Any) -> str:
        """Where a link to `iri` goes from a page in this language."""
        path = local_path(str(iri), self.base)
        if path is None:
            return str(iri)
        anchor = ""
        if "#" in path:
            path, anchor = path.split("#", 1)
            anchor = "#" + anchor
        return f"{path}?lang={self.lang}{anchor}"


def format_value(value: float, unit: str | None, metric: str | None, lang: str) -> str:
    """A canonical value as people read it (`kg.present.figure`; the sign of its comparator stands beside it)."""
    return present.figure(value, unit, None, lang, metric=metric)


def _literal(graph: Graph, node: Any, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    return str(value) if value is not None else None


def _mark_conflicts(figures: list[dict[str, Any]]) -> None:
    """Figures of one metric, status, kind and time that differ are marked, each with the others beside it:
    an analyst must see that the sources disagree, not pick one of two unmarked numbers."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in figures:
        groups[(row["metric_code"], row["status"], row["kind"], row["time"])].append(row)
    for rows in groups.values():
        if len({(r["comparator"], r["value"]) for r in rows}) < 2:
            continue
        for row in rows:
            row["conflicts"] = [{"value": f"{o['comparator']} {o['value']}".strip(), "sources": o["sources"]}
                                for o in rows if o is not row]


def entity_page(graph: Graph, iri: str, *, lang: str, base: str, found: dict[str, dict[str, str]],
                sources: list[dict[str, str]], corrections: dict[str, list[dict[str, Any]]] | None = None) -> str:
    """The page of one entity: names in three scripts, figures with evidence (conflicts and corrections marked),
    links both ways, sources."""
    label = Labeller(lang, base)
    label.add(found)
    node = URIRef(iri)
    own: dict[str, str] = {}
    for value in graph.objects(node, RDFS.label):
        if isinstance(value, Literal):
            own[value.language or ""] = str(value)
    label.add({iri: own})
    by_merged: dict[str, list[dict[str, str]]] = defaultdict(list)
    for found_source in sources:
        by_merged[found_source["merged"]].append(found_source)
    figures: list[dict[str, Any]] = []
    relation_evidence: dict[tuple[Any, Any], dict[str, Any]] = {}
    for fact in sorted(graph.subjects(SL.subject, node), key=str):
        if (fact, RDF.type, SL.MergedFact) not in graph:
            continue
        status = graph.value(fact, SL.status)
        row: dict[str, Any] = {
               "href": label.link(fact), "status": label(status) if status else "", "time": _literal(graph, fact, SL.time) or "",
               "evidence": _literal(graph, fact, SL.evidence) or "", "count": _literal(graph, fact, SL.sourceCount) or "1",
               "sources": [{"title": s.get("title") or s.get("file") or s["doc"], "href": label.link(s["doc"]),
                            "file": s.get("file", ""), "issued": s.get("issued", "")} for s in by_merged.get(str(fact), [])]}
        relation = graph.value(fact, SL.relation)
        if relation is not None:
            relation_evidence[(relation, graph.value(fact, SL.object))] = row
            continue
        metric, unit = graph.value(fact, SL.metric), graph.value(fact, SL.unit)
        comparator = str(graph.value(fact, SL.comparator) or SL.eq).rsplit("#", 1)[-1]
        kind = graph.value(fact, SL.kind)
        literal = graph.value(fact, SL.value)
        number = float(literal) if isinstance(literal, Literal) else None
        row.update({"metric": label(metric), "metric_code": str(metric).rsplit("#", 1)[-1], "number": number,
                    "unit": str(unit).rsplit("#", 1)[-1] if unit else "", "stage": _stage(status),
                    "value": format_value(number, str(unit) if unit else None, str(metric), lang) if number is not None else "",
                    "comparator": COMPARATOR_SIGNS.get(comparator, ""), "comparator_label": label(SL[comparator]),
                    "kind": label(kind) if kind else "", "sort": (str(metric), -(number or 0.0)),
                    "corrections": [present.correction(c, lang, unit=str(unit) if unit else None, metric=str(metric))
                                    for c in (corrections or {}).get(str(fact), [])]})
        figures.append(row)
    figures.sort(key=lambda r: r["sort"])
    _mark_conflicts(figures)
    relations = []
    for prop in RELATION_PROPERTY.values():
        for target in sorted(graph.objects(node, prop), key=str):
            relations.append({"property": label(prop), "label": label(target), "href": label.link(target),
                              "fact": relation_evidence.get((prop, target))})
    incoming = []
    for prop, key in INVERSE_KEYS.items():
        for other in sorted(graph.subjects(prop, node), key=lambda s: label(s)):
            incoming.append({"property": strings()[lang][key], "label": label(other), "href": label.link(other)})
    documents = {s["doc"]: {"title": s.get("title") or s.get("file") or s["doc"], "file": s.get("file", ""),
                            "issued": s.get("issued", ""), "href": label.link(s["doc"])} for s in sources}
    names = [(tag, own[tag] if tag in own else None) for tag in LANGUAGES]
    timelines = _timelines(figures, lang)
    type_iri = next((t for t in graph.objects(node, RDF.type) if str(t).startswith(str(SL._NS))), None)
    view = {
        "title": label(node), "iri": iri, "names": names,
        "alt_labels": sorted({str(v) for v in graph.objects(node, SKOS.altLabel)}),
        "type": {"label": label(type_iri), "href": label.link(type_iri)} if type_iri else None,
        "same_as": sorted(str(v) for v in graph.objects(node, OWL.sameAs)),
        "figures": figures, "relations": relations, "incoming": incoming,
        "timelines": _script_json(timelines) if timelines else "", "corrected_mark": present.corrected_mark(lang),
        "documents": sorted(documents.values(), key=lambda d: (d["issued"], d["title"]), reverse=True),
    }
    return render("entity.html", lang=lang, page=view, graph=graph, path=local_path(iri, base) or "/")


def _stage(status: Any) -> str:
    """Actual, or planned for anything still to come (planned, target, under construction)."""
    return "actual" if status == SL.actual else "planned"


def _timelines(figures: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Per metric with at least two dated figures: each figure at its own time, or else at its earliest source's date.

    Drawn by the page (static/timeline.js) as actual against planned; the words come from here, in the page's script.
    """
    by_metric: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in figures:
        issued = sorted(s["issued"] for s in row["sources"] if s.get("issued"))
        date = row["time"] or (issued[0] if issued else "")
        if row.get("number") is None or not date:
            continue
        by_metric[row["metric_code"]].append({
            "date": date, "dated_by": "time" if row["time"] else "source", "value": row["number"], "stage": row["stage"],
            "status": row["status"], "text": f"{row['comparator']} {row['value']}".strip(), "comparator": row["comparator"],
            "kind": row["kind"]})
    out = []
    for code, points in by_metric.items():
        if len(points) < 2:
            continue
        first = next(r for r in figures if r["metric_code"] == code)
        out.append({"metric": code, "label": first["metric"], "unit": present.unit_word(first["unit"], lang),
                    "points": sorted(points, key=lambda p: p["date"])})
    return out


def _script_json(value: Any) -> str:
    """JSON to place inside <script type="application/json">: no "</" can end the element early."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def graph_page(graph: Graph, *, title: str | None, lang: str, base: str, path: str, primary: str | None = None,
               found: dict[str, dict[str, str]] | None = None, note: str | None = None) -> str:
    """Any graph as a list of subjects and their properties, the primary subject first, with anchors for hash IRIs."""
    label = Labeller(lang, base)
    label.add(found or {})
    label.add({str(s): {o.language or "": str(o)} for s, o in graph.subject_objects(RDFS.label)
               if isinstance(o, Literal)})

    def cell(value: Any) -> dict[str, str]:
        if isinstance(value, Literal):
            return {"text": str(value), "lang": value.language or "",
                    "datatype": str(value.datatype).rsplit("#", 1)[-1] if value.datatype else ""}
        if isinstance(value, BNode):
            return {"text": f"_:{value}", "href": f"#b{value}"}
        return {"text": label(value), "href": label.link(value), "iri": str(value)}

    if not title and primary and (subject := graph.value(URIRef(primary), SL.subject)) is not None:
        what = graph.value(URIRef(primary), SL.metric) or graph.value(URIRef(primary), SL.relation)
        title = f"{label(subject)} · {label(what)}" if what is not None else label(subject)
    title = title or label(primary or "")
    subjects = sorted(set(graph.subjects()), key=lambda s: (str(s) != primary, isinstance(s, BNode), str(s)))
    blocks = []
    for subject in subjects:
        rows: dict[str, dict[str, Any]] = {}
        for prop, value in sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]) != str(RDF.type), str(po[0]), str(po[1]))):
            rows.setdefault(str(prop), {"property": cell(prop), "objects": []})["objects"].append(cell(value))
        anchor = str(subject).rsplit("#", 1)[-1] if "#" in str(subject) else (f"b{subject}" if isinstance(subject, BNode) else "")
        blocks.append({"subject": cell(subject), "anchor": anchor, "rows": list(rows.values()),
                       "primary": str(subject) == primary})
    return render("graph.html", lang=lang, page={"title": title, "blocks": blocks, "note": note},
                  graph=graph, path=path)


def render(template: str, *, lang: str, page: dict[str, Any], graph: Graph | None, path: str) -> str:
    return _environment().get_template(template).render(
        lang=lang, t=strings()[lang], page=page, path=path, languages=LANGUAGES,
        json_ld=embedded_json_ld(graph) if graph is not None else None,
        formats=[(name, f"{path.split('#')[0]}?format={code}") for name, code in FORMAT_LINKS], rdf_types=RDF_TYPES)


def validation_page(results: list[dict[str, Any]], *, lang: str, base: str, found: dict[str, dict[str, str]]) -> str:
    """The stored validation results for people: grouped by the entity they concern, in one language and script,
    violations first; a quarantined fact says so."""
    label = Labeller(lang, base)
    label.add(found)
    words = strings()[lang]
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(results, key=lambda r: (order.get(r["severity"], 3), r["file"] or "")):
        message = r["message_en"] if lang == "en" else r["message_zh"]
        groups[r["entity"]].append({**r, "message": present.in_script(message, lang),
                                    "severity_word": words.get(f"severity_{r['severity'].lower()}", r["severity"])})
    quarantined = sum(1 for r in results if r["quarantined"])
    counts = {s: sum(1 for r in results if r["severity"] == s) for s in order}
    view = {"title": words["validation_title"], "conforms": quarantined == 0,
            "summary": words["validation_summary"].format(violations=counts["Violation"], warnings=counts["Warning"],
                                                          quarantined=quarantined),
            "groups": [{"label": label(URIRef(entity)), "href": label.link(entity), "results": rows}
                       for entity, rows in sorted(groups.items(), key=lambda g: (order.get(g[1][0]["severity"], 3), label(URIRef(g[0]))))]}
    return render("validation.html", lang=lang, page=view, graph=None, path="/validation")

