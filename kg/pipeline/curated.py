"""Facts an analyst wrote or corrected (`suanli ingest --facts FILE.json`), as documents of their own.

The file is a JSON list in the contract's fact shape (`subject` with `label_zh`/`label_en`/`type`,
`metric`, `value`/`unit` or `object`, `comparator`, `status`, `time`, `kind`, `source` with a `url` or
`file`, `evidence`), or in the scorer's gold shape (`subject` with `zh`/`en`/`type`, a relation's
`value` an entity, `doc`). Facts are grouped by source; each group becomes one named graph marked
`sl:curated`, validated and stored like an extracted document, so it is idempotent, can be replaced,
and is quarantined where it breaks a shape. `read_curated(raw)` is the door.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

from extract import Reading
from extract.errors import BadInputError
from extract.gazetteer import Entity, gazetteer, new_entity, slug
from extract.reading import Fact
from extract.text import Cleaned, fold

RELATIONS = {"located_in", "part_of", "operator", "partner", "member_of"}
NUMERIC = {"computing_power", "rack_count", "investment", "output_value", "renewable_share", "clean_energy_capacity", "area",
           "pue", "gpu_cards", "enterprise_count", "job_count", "datacenter_count", "rank", "latency",
           "utilization_rate"}
TYPES = {"Hub", "Cluster", "Center", "Park", "Province", "City", "District", "Company", "Organization", "Initiative"}
COMPARATORS = {"eq", "gt", "ge", "lt", "le", "approx"}
STATUSES = {"actual", "planned", "target", "under_construction"}
KINDS = {"total", "ai", "hpc", "general"}


@dataclass(frozen=True)
class CuratedDocument:
    """One source's curated facts, ready to store as a document: its name, a content hash, the reading."""

    name: str
    content_hash: str
    reading: Reading


_PLACES = {"City", "District", "Park", "Province"}


def _entity(data: Any, where: str) -> Entity:
    if not isinstance(data, dict):
        raise BadInputError("an entity must be an object with labels and a type", path=where)
    zh = data.get("label_zh") or data.get("zh")
    en = data.get("label_en") or data.get("en")
    type_ = data.get("type")
    if type_ not in TYPES:
        raise BadInputError(f"entity type {type_!r} is not one of {', '.join(sorted(TYPES))}", path=where)
    if not (isinstance(zh, str) and zh.strip()) and not (isinstance(en, str) and en.strip()):
        raise BadInputError("an entity needs a label_zh or a label_en", path=where)
    gaz = gazetteer()
    for surface, table in ((fold(zh) if zh else None, gaz.zh_surfaces), ((en or "").lower() or None, gaz.en_surfaces)):
        key = table.get(surface) if surface else None
        if key and (gaz.entities[key].type == type_ or {gaz.entities[key].type, type_} <= _PLACES):
            return gaz.entities[key]  # 和林格尔新区 as a park or as a district is one place, one IRI
    if zh:  # the key the extractor would give the name, the analyst's English label
        made = new_entity(fold(zh).strip(), type_)
        return replace(made, en=en.strip()) if isinstance(en, str) and en.strip() else made
    assert isinstance(en, str)  # checked above: one of the two labels is given
    return Entity(slug(en), type_, None, en.strip())


def _fact(data: Any, where: str) -> Fact:
    if not isinstance(data, dict):
        raise BadInputError("a fact must be a JSON object", path=where)
    metric = data.get("metric")
    if metric not in RELATIONS and metric not in NUMERIC:
        raise BadInputError(f"unknown metric {metric!r}", path=where)
    subject = _entity(data.get("subject"), where)
    comparator = data.get("comparator") or "eq"
    status = data.get("status") or "actual"
    kind = data.get("kind")
    time = data.get("time")
    if comparator not in COMPARATORS or status not in STATUSES or (kind is not None and kind not in KINDS):
        raise BadInputError(f"comparator, status or kind not in the contract's codes: {comparator}, {status}, {kind}",
                            path=where)
    if time is not None and not (isinstance(time, str) and (len(time) == 4 and time.isdigit() or len(time) == 10)):
        raise BadInputError(f"time must be a year or an ISO date, not {time!r}", path=where)
    evidence = data.get("evidence") or "curated"
    if not isinstance(evidence, str):
        raise BadInputError("evidence must be text", path=where)
    if metric in RELATIONS:
        target = data.get("object") or data.get("value")
        return Fact(subject, metric, None, None, _entity(target, where), "eq", status, time, None, evidence, 0, 0, "curated")
    value = data.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadInputError(f"the value of {metric} must be a number", path=where)
    unit = data.get("unit")
    return Fact(subject, metric, float(value), unit, None, comparator, status, time,
                (kind or "total") if metric == "computing_power" else None, evidence, 0, 0, "curated")


def _source(data: dict[str, Any]) -> str:
    source = data.get("source")
    if isinstance(source, dict):
        name = source.get("url") or source.get("file")
    else:
        name = source if isinstance(source, str) else data.get("doc")
    if not isinstance(name, str) or not name.strip():
        raise BadInputError("every curated fact needs a source with a url or a file (or a doc)")
    return name.strip()


def read_curated(raw: bytes, *, path: str = "facts.json") -> list[CuratedDocument]:
    """The curated facts in `raw`, one document per source, every fact checked before anything is stored.

    Raises:
        BadInputError: not JSON, not a list, or a fact that is not in the contract's shape (with its index).
    """
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadInputError("not a JSON file in UTF-8", path=path) from None
    if not isinstance(data, list) or not data:
        raise BadInputError("expected a non-empty JSON list of facts", path=path)
    groups: dict[str, list[Fact]] = {}
    for i, item in enumerate(data):
        where = f"{path}[{i}]"
        source = _source(item) if isinstance(item, dict) else ""
        groups.setdefault(source, []).append(_fact(item, where))
    documents = []
    for source, facts in groups.items():
        canonical = json.dumps([item for item in data if isinstance(item, dict) and _source(item) == source],
                               ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(("curated\0" + source + "\0" + canonical).encode("utf-8")).hexdigest()
        text = "\n".join(dict.fromkeys(f.evidence for f in facts))
        cleaned = Cleaned(text=text, folded=fold(text), title=f"curated: {source}", published=None)
        documents.append(CuratedDocument(source, digest, Reading(cleaned, facts)))
    return documents
