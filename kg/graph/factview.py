"""The normalised fact table of the contract, read back from the store."""

from __future__ import annotations

from functools import cache
from typing import Any

from rdflib import RDF, URIRef

from kg.graph.named import query_text
from kg.graph.namespace import SL
from kg.graph.rdf import RELATION_CODE, RELATION_PROPERTY, local_name, number, ontology_graph
from kg.graph.store import LocalStore, RemoteStore

_LANGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "en": "en", "zh": "zh-Hans"}


def entity_labels(store: LocalStore | RemoteStore) -> dict[str, dict[str, str]]:
    """iri → {"type", "zh-Hans", "en", "zh-Hant"}; the shortest label wins per language."""
    out: dict[str, dict[str, str]] = {}
    for row in store.select(query_text("labels")).rows:
        entry = out.setdefault(row["entity"]["value"], {})
        entry.setdefault("type", local_name(row["type"]["value"]) or "")
        lang = _LANGS.get(row["label"].get("xml:lang", "").lower(), "")
        text = row["label"]["value"]
        if lang and (lang not in entry or len(text) < len(entry[lang])):
            entry[lang] = text
    return out


def entity_json(iri: str, labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    entry = labels.get(iri, {})
    return {"iri": iri, "label_zh": entry.get("zh-Hans"), "label_en": entry.get("en"), "type": entry.get("type")}


def facts(store: LocalStore | RemoteStore) -> list[dict[str, Any]]:
    """Every served fact in the contract's JSON shape."""
    labels = entity_labels(store)
    out = []
    seen = set()
    for row in store.select(query_text("facts")).rows:
        iri = row["fact"]["value"]
        if iri in seen:
            continue
        seen.add(iri)

        def get(name: str, row: dict = row) -> str | None:
            return row[name]["value"] if name in row else None

        relation = get("relation")
        value = get("value")
        out.append({
            "subject": entity_json(row["subject"]["value"], labels),
            "metric": RELATION_CODE.get(relation, relation) if relation else local_name(get("metric")),
            "value": None if value is None else number(value),
            "unit": local_name(get("unit")),
            "object": entity_json(row["object"]["value"], labels) if "object" in row else None,
            "comparator": local_name(get("comparator")) or "eq",
            "status": local_name(get("status")),
            "time": get("time"),
            "kind": local_name(get("kind")),
            "source": {"iri": get("doc"), "file": get("file")},
            "evidence": get("evidence"),
            "attachment": get("attachment"),
        })
    return out



@cache
def metric_codes() -> tuple[str, ...]:
    """Every `metric` a fact can carry: the ontology's measured metrics, then the relations."""
    graph = ontology_graph()
    measured = sorted(str(code) for m in graph.subjects(RDF.type, SL.Metric) for code in graph.objects(m, SL.code))
    return (*measured, *RELATION_PROPERTY)


def fact_figures(store: LocalStore | RemoteStore, iris: list[str]) -> dict[str, dict[str, Any]]:
    """iri → its metric, value, unit, comparator and object, wherever the fact is kept (a quarantine graph too)."""
    if not iris:
        return {}
    wanted = " ".join(URIRef(i).n3() for i in sorted(set(iris)))
    rows = store.select(f"""PREFIX sl: <{SL._NS}>
SELECT ?fact ?metric ?relation ?value ?unit ?comparator ?object WHERE {{ VALUES ?fact {{ {wanted} }}
  GRAPH ?g {{ ?fact sl:subject ?subject
    OPTIONAL {{ ?fact sl:metric ?metric }} OPTIONAL {{ ?fact sl:value ?value }} OPTIONAL {{ ?fact sl:unit ?unit }}
    OPTIONAL {{ ?fact sl:comparator ?comparator }} OPTIONAL {{ ?fact sl:relation ?relation ; sl:object ?object }} }}
}}""").rows
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        cell = {name: value["value"] for name, value in row.items()}
        relation = cell.get("relation")
        out[cell["fact"]] = {
            "metric": RELATION_CODE.get(relation, relation) if relation else local_name(cell.get("metric")),
            "value": number(cell["value"]) if "value" in cell else None, "unit": local_name(cell.get("unit")),
            "comparator": local_name(cell.get("comparator")), "object": cell.get("object"),
        }
    return out


def corrections(store: LocalStore | RemoteStore, merged: list[str], *, summary: str) -> dict[str, list[dict[str, Any]]]:
    """merged fact iri → the corrections made to the facts it merges, oldest first: field, original value
    (a number, a code or a date), who, when (ISO date and time) and through what."""
    if not merged:
        return {}
    # from the corrections out, in two steps: corrections are few, while a merged fact may rest on thousands of
    # sources, and one joined query let the engine start from those (80-100 ms for four facts at 1M triples)
    made = store.select(f"""PREFIX sl: <{SL._NS}> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?fact ?c ?prop ?original ?when ?who ?via WHERE {{
  GRAPH ?g {{ ?fact sl:correction ?c . ?c sl:correctedProperty ?prop ; prov:endedAtTime ?when ; prov:wasAssociatedWith ?agent
    OPTIONAL {{ ?c sl:originalValue ?original }} OPTIONAL {{ ?c sl:correctedVia ?via }} OPTIONAL {{ ?agent rdfs:label ?who }} }}
}}""").rows
    if not made:
        return {}
    wanted = " ".join(URIRef(i).n3() for i in sorted(set(merged)))
    facts = " ".join(URIRef(i).n3() for i in sorted({r["fact"]["value"] for r in made}))
    merged_of: dict[str, list[str]] = {}
    for row in store.select(f"""PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?merged ?fact WHERE {{ VALUES ?fact {{ {facts} }} VALUES ?merged {{ {wanted} }}
  GRAPH <{summary}> {{ ?merged prov:wasDerivedFrom ?fact }} }}""").rows:
        merged_of.setdefault(row["fact"]["value"], []).append(row["merged"]["value"])
    rows = [{**row, "merged": {"type": "uri", "value": m}} for row in made for m in merged_of.get(row["fact"]["value"], [])]
    out: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: r["when"]["value"]):
        field = local_name(row["prop"]["value"]) or ""
        original = row.get("original")
        value: Any = None
        if original is not None:
            value = number(original["value"]) if field == "value" else (
                local_name(original["value"]) if original["type"] == "uri" else original["value"])
        out.setdefault(row["merged"]["value"], []).append({
            "field": field, "original": value, "who": row.get("who", {}).get("value") or "",
            "when": row["when"]["value"], "via": row.get("via", {}).get("value") or ""})
    return out
