"""The normalised fact table of the contract, read back from the store."""

from __future__ import annotations

from typing import Any

from kg.graph.named import query_text
from kg.graph.rdf import RELATION_CODE, local_name, number
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

