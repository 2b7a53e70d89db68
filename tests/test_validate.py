"""Consistency on the real store: every shape and cross-source rule, quarantine, reports, re-admission."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import PROV, RDF, RDFS, XSD, Graph, Literal, URIRef

from extract import read
from kg.graph.namespace import SL
from kg.graph.rdf import document_graph, entity_iri
from kg.graph.store import LocalStore
from kg.graph.summary import summary_graph_iri
from kg.pipeline.base import ensure_base_graphs
from kg.pipeline.validate import (
    OWN_SHAPES,
    SH,
    Report,
    check_alone,
    check_document,
    check_in_context,
    context,
    context_ntriples,
    context_shapes,
    document_entities,
    engine_name,
    shapes_graph,
    validate,
)
from kg.pipeline.write import store_document
from tests.conftest import CORPUS, suanli

BASE = "https://w3id.org/suanli/resource/"
TEXT = "2025年,庆阳数据中心集群算力规模达到5万P,标准机架达到2万架,PUE为1.2,可再生能源占比达到80%,总投资30亿元。"
QINGYANG = entity_iri(BASE, "qingyang-data-center-cluster")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStore]:
    """A real store with the reference world and no documents."""
    store = LocalStore(tmp_path_factory.mktemp("validate") / "store")
    ensure_base_graphs(store, base=BASE)
    yield store
    store.close()


def document(text: str, tag: str) -> tuple[Graph, str]:
    content_hash = hashlib.sha256(f"{tag}\n{text}".encode()).hexdigest()
    graph = document_graph(read(text), base=BASE, content_hash=content_hash, file_name=f"{tag}.txt", path=f"/docs/{tag}.txt")
    return graph, content_hash


def measurement(graph: Graph, metric: str) -> URIRef:
    return next(m for m in graph.subjects(SL.metric, SL[metric]) if isinstance(m, URIRef))


def served(store: LocalStore, node: URIRef) -> bool:
    return bool(store.select(f"ASK {{ GRAPH ?g {{ {node.n3()} ?p ?o }} FILTER(!CONTAINS(STR(?g), '/quarantine/')) }}").boolean)


def quarantined(store: LocalStore, node: URIRef) -> bool:
    return bool(store.select(f"ASK {{ GRAPH ?g {{ {node.n3()} ?p ?o }} FILTER(CONTAINS(STR(?g), '/quarantine/')) }}").boolean)


def in_summary(store: LocalStore, metric: str, value: str) -> bool:
    return bool(store.select(f"PREFIX sl: <{SL._NS}> ASK {{ GRAPH <{summary_graph_iri(BASE)}> {{ "
                             f"?f sl:subject {QINGYANG.n3()} ; sl:metric sl:{metric} ; sl:value ?v FILTER(?v = {value}) }} }}").boolean)


def _set(graph: Graph, node: URIRef, prop: URIRef, value) -> URIRef:
    graph.remove((node, prop, None))
    if value is not None:
        graph.add((node, prop, value))
    return node


def _new_entity(graph: Graph, key: str, cls: str, *, en: str | None = "X", zh: str | None = "某中心") -> URIRef:
    node = entity_iri(BASE, key)
    graph.add((node, RDF.type, SL[cls]))
    if en:
        graph.add((node, RDFS.label, Literal(en, lang="en")))
    if zh:
        graph.add((node, RDFS.label, Literal(zh, lang="zh-Hans")))
    return node


def _relation(graph: Graph, subject: URIRef, prop: URIRef, obj: URIRef) -> URIRef:
    template = measurement(graph, "pue")
    node = URIRef(f"{template}-rel")
    for p, o in ((RDF.type, SL.RelationAssertion), (SL.subject, subject), (SL.relation, prop), (SL.object, obj),
                 (SL.status, SL.actual), (PROV.wasDerivedFrom, graph.value(template, PROV.wasDerivedFrom)),
                 (SL.evidence, Literal("(a test sentence)"))):
        graph.add((node, p, o))
    graph.add((subject, prop, obj))
    return node


Q = "https://w3id.org/suanli/ontology#"
# (mutation, severity, message in English): one broken fact per shape and per constraint
BROKEN: dict[str, tuple[Callable[[Graph], URIRef], str, str]] = {
    "pue-out-of-range": (lambda g: _set(g, measurement(g, "pue"), SL.value, Literal("0.5", datatype=XSD.decimal)),
                         "Violation", "PUE lies between 1 and 3"),
    "renewable-share-above-one": (lambda g: _set(g, measurement(g, "renewable_share"), SL.value, Literal("1.5", datatype=XSD.decimal)),
                                  "Violation", "A renewable share lies between 0 and 1"),
    "utilization-above-one": (lambda g: _set(g, _set(g, measurement(g, "renewable_share"), SL.metric, SL.utilization_rate), SL.value,
                                             Literal("1.5", datatype=XSD.decimal)),
                              "Violation", "A utilization rate lies between 0 and 1"),
    "negative-value": (lambda g: _set(g, measurement(g, "investment"), SL.value, Literal("-3", datatype=XSD.decimal)),
                       "Violation", "The value must be a non-negative decimal"),
    "value-not-decimal": (lambda g: _set(g, measurement(g, "investment"), SL.value, Literal("30亿")),
                          "Violation", "The value must be a non-negative decimal"),
    "wrong-unit-for-metric": (lambda g: _set(g, measurement(g, "computing_power"), SL.unit, SL.racks),
                              "Violation", f"The metric {Q}computing_power does not take the unit {Q}racks"),
    "missing-unit": (lambda g: _set(g, measurement(g, "rack_count"), SL.unit, None),
                     "Violation", f"A value of the metric {Q}rack_count lacks its unit"),
    "unknown-unit": (lambda g: _set(g, measurement(g, "investment"), SL.unit, SL.EUR if hasattr(SL, "EUR") else URIRef(f"{Q}EUR")),
                     "Violation", "Unknown unit"),
    "kind-on-racks": (lambda g: _set(g, measurement(g, "rack_count"), SL.kind, SL.ai),
                      "Violation", f"Only computing power has a kind; the metric {Q}rack_count cannot carry the kind {Q}ai"),
    "fractional-count": (lambda g: _set(g, measurement(g, "rack_count"), SL.value, Literal("2.5", datatype=XSD.decimal)),
                         "Violation", f"The value 2.5 of the metric {Q}rack_count must be a whole number"),
    "invalid-date": (lambda g: _set(g, measurement(g, "pue"), SL.time, Literal("2025-13-45", datatype=XSD.date)),
                     "Violation", "The time must be a valid year or date"),
    "unknown-status": (lambda g: _set(g, measurement(g, "pue"), SL.status, URIRef(f"{Q}rumoured")),
                       "Violation", "Status must be actual, planned, target or under construction"),
    "unknown-comparator": (lambda g: _set(g, measurement(g, "pue"), SL.comparator, URIRef(f"{Q}roughly")),
                           "Violation", "The comparator is not one of the allowed ones"),
    "unknown-kind": (lambda g: _set(g, measurement(g, "computing_power"), SL.kind, URIRef(f"{Q}quantum")),
                     "Violation", "The kind is not one of the allowed ones"),
    "no-evidence": (lambda g: _set(g, measurement(g, "pue"), SL.evidence, None),
                    "Violation", "A fact lacks its evidence sentence"),
    "no-provenance": (lambda g: _set(g, measurement(g, "pue"), PROV.wasDerivedFrom, None),
                      "Violation", "A fact lacks its source document"),
    "two-metrics": (lambda g: (g.add((measurement(g, "pue"), SL.metric, SL.area)), measurement(g, "pue"))[1],
                    "Violation", "A measurement has exactly one known metric"),
    "hub-in-a-city": (lambda g: _relation(g, entity_iri(BASE, "gansu-hub"), SL.locatedIn, entity_iri(BASE, "qingyang")),
                      "Violation", f"The national hub {BASE}gansu-hub spans provinces; it does not lie in the city {BASE}qingyang"),
    "cluster-in-a-second-hub": (
        lambda g: _relation(g, QINGYANG, SL.partOf, entity_iri(BASE, "ningxia-hub")), "Violation",
        f"Cluster {QINGYANG} is part of hub {BASE}gansu-hub; it cannot also be part of {BASE}ningxia-hub"),
    "cluster-outside-its-hub-provinces": (
        lambda g: _relation(g, QINGYANG, SL.locatedIn, entity_iri(BASE, "yinchuan")), "Violation",
        f"Cluster {QINGYANG} belongs to hub {BASE}gansu-hub, which does not cover {BASE}ningxia, "
        f"yet the source places it in {BASE}yinchuan"),
    "relation-without-object": (lambda g: _set(g, _relation(g, QINGYANG, SL.partOf, entity_iri(BASE, "gansu-hub")), SL.object, None),
                                "Violation", "A relation has exactly one object"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_fact_is_reported_quarantined_and_the_rest_served(world: LocalStore, case: str) -> None:
    mutate, severity, message = BROKEN[case]
    graph, content_hash = document(TEXT, case)
    broken = mutate(graph)
    count, entries = store_document(world, graph, base=BASE, content_hash=content_hash)
    assert (severity, message) in [(e.severity, e.message_en) for e in entries if e.focus == str(broken)]
    assert all(e.focus == str(broken) for e in entries if e.severity == "Violation")
    assert {e.message_zh for e in entries} and all(e.message_zh != e.message_en for e in entries)
    assert count == 1
    assert quarantined(world, broken) and not served(world, broken)
    kept = [m for m in graph.subjects(SL.subject, QINGYANG) if m != broken]
    assert kept and all(served(world, m) for m in kept)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[LocalStore]:
    store = LocalStore(tmp_path / "store")
    ensure_base_graphs(store, base=BASE)
    yield store
    store.close()


def _store_text(store: LocalStore, text: str, tag: str):
    graph, content_hash = document(text, tag)
    return graph, store_document(store, graph, base=BASE, content_hash=content_hash)[1]


def test_two_sources_that_disagree_are_both_served_and_flagged(fresh: LocalStore) -> None:
    _store_text(fresh, "2025年,庆阳数据中心集群算力规模达到5万P。", "first")
    graph, entries = _store_text(fresh, "2025年,庆阳数据中心集群算力规模达到8万P。", "second")
    fact = measurement(graph, "computing_power")
    assert [(e.severity, e.message_en) for e in entries] == [
        ("Warning", "Conflicts with another source: 80000 here, 50000 in first.txt (same entity, metric, kind, status and time)")]
    assert served(fresh, fact) and in_summary(fresh, "computing_power", "50000") and in_summary(fresh, "computing_power", "80000")


def test_rounding_and_compatible_bounds_are_no_conflict(fresh: LocalStore) -> None:
    _store_text(fresh, "2025年,庆阳数据中心集群算力规模达到5万P。", "first")
    assert _store_text(fresh, "2025年,庆阳数据中心集群算力规模约为5.2万P。", "rounded")[1] == []
    assert _store_text(fresh, "2025年,庆阳数据中心集群算力规模超过4万P。", "bound")[1] == []
    assert _store_text(fresh, "2026年,庆阳数据中心集群算力规模达到9万P。", "other year")[1] == []


def test_an_actual_value_above_the_plan_of_the_same_year_is_flagged(fresh: LocalStore) -> None:
    _store_text(fresh, "庆阳数据中心集群规划到2025年算力规模达到5万P。", "plan")
    _, entries = _store_text(fresh, "2025年,庆阳数据中心集群算力规模已达到8万P。", "actual")
    assert ("Warning", "The actual value 80000 is above the planned value 50000 for the same time (plan.txt)") in [
        (e.severity, e.message_en) for e in entries]


def test_a_cluster_without_a_hub_is_a_warning_and_an_english_only_name_is_info(fresh: LocalStore) -> None:
    graph, content_hash = document(TEXT, "new-entities")
    cluster = _new_entity(graph, "test-valley-data-center-cluster", "Cluster", en="Test Valley data center cluster", zh="测试谷集群")
    center = _new_entity(graph, "zephyr-computing-center", "Center", en="Zephyr Computing Center", zh="Zephyr Computing Center")
    _relation(graph, center, SL.partOf, cluster)
    count, entries = store_document(fresh, graph, base=BASE, content_hash=content_hash)
    found = {(e.focus, e.severity, e.message_en) for e in entries}
    assert (str(cluster), "Warning", "The data center cluster is part of no national hub") in found
    assert (str(center), "Info", 'The zh-Hans label "Zephyr Computing Center" has no Chinese characters '
            "(the sources give only an English name)") in found
    assert count == 0 and served(fresh, cluster)


def test_an_entity_without_its_english_label_takes_its_facts_to_quarantine(fresh: LocalStore) -> None:
    graph, content_hash = document(TEXT, "unlabelled")
    center = _new_entity(graph, "unlabelled-center", "Center", en=None, zh="无名中心")
    link = _relation(graph, center, SL.partOf, QINGYANG)
    count, entries = store_document(fresh, graph, base=BASE, content_hash=content_hash)
    assert ("Violation", "Center lacks an English label") in [(e.severity, e.message_en) for e in entries if e.focus == str(center)]
    assert count == 1 and quarantined(fresh, link) and served(fresh, measurement(graph, "pue"))


BAD_PAGE = "2025年,庆阳数据中心集群PUE为0.5,算力规模达到5万P。"


def test_validate_reports_by_entity_in_both_languages_and_readmit_after_a_fix(tmp_path: Path) -> None:
    store = tmp_path / "store"
    page = tmp_path / "bad.txt"
    page.write_text(BAD_PAGE, encoding="utf-8")
    suanli("ingest", str(CORPUS), str(page), "--store", str(store), check=True)
    en = suanli("validate", "--store", str(store), "--lang", "en")
    zh = suanli("validate", "--store", str(store), "--lang", "zh")
    assert en.returncode == zh.returncode == 1
    assert "conforms: False; 1 violations (1 facts quarantined)" in en.stdout
    assert "Qingyang data center cluster\n  violation (quarantined): PUE lies between 1 and 3 [bad.txt]" in en.stdout
    assert "庆阳数据中心集群\n  违规(已隔离): PUE 必须在 1 到 3 之间 [bad.txt]" in zh.stdout
    report = json.loads(suanli("validate", "--store", str(store), "--format", "json").stdout)
    assert report["conforms"] is False and report["quarantined"] == 1
    turtle = suanli("validate", "--store", str(store), "--format", "turtle").stdout
    assert len(Graph().parse(data=turtle, format="turtle")) > 5
    listed = json.loads(suanli("quarantine", "list", "--store", str(store), "--format", "json", check=True).stdout)
    assert [r["message_en"] for r in listed] == ["PUE lies between 1 and 3"]
    fact = listed[0]["focus"]
    still = suanli("quarantine", "readmit", "--store", str(store))  # nothing changed: it stays
    assert still.returncode == 1 and f"still quarantined: {fact}" in still.stderr
    fixed = suanli("quarantine", "readmit", fact, "--set", "value=1.05", "--by", "Li Wei", "--store", str(store))
    assert fixed.returncode == 0, fixed.stderr
    assert "re-admitted 1 of 1 facts" in fixed.stderr
    assert suanli("validate", "--store", str(store)).returncode == 0
    served_pue = suanli("query", "PREFIX sl: <https://w3id.org/suanli/ontology#> ASK { ?f sl:metric sl:pue ; sl:value 1.05 }",
                        "--store", str(store), "--format", "json", check=True)
    assert json.loads(served_pue.stdout)["boolean"] is True
    # the correction is in the graph beside the fact, in PROV terms: who, when, through what, and the original value
    recorded = json.loads(suanli("query", """PREFIX sl: <https://w3id.org/suanli/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?original ?when ?who ?via WHERE { GRAPH ?g { <FACT> sl:correction ?c . ?c a sl:Correction ;
          sl:correctedProperty sl:value ; sl:originalValue ?original ; prov:endedAtTime ?when ; sl:correctedVia ?via ;
          prov:wasAssociatedWith ?agent . ?agent a prov:Agent ; rdfs:label ?who } }""".replace("FACT", fact),
        "--store", str(store), "--format", "json", check=True).stdout)["results"]["bindings"]
    assert len(recorded) == 1
    assert float(recorded[0]["original"]["value"]) == 0.5 and recorded[0]["who"]["value"] == "Li Wei"
    assert recorded[0]["when"]["datatype"].endswith("#dateTime")
    assert recorded[0]["via"]["value"] == "suanli quarantine readmit --set value=1.05"
    answer = json.loads(suanli("ask", "What is the PUE of the Qingyang cluster?", "--store", str(store), "--format", "json",
                               check=True).stdout)["answers"][0]
    assert answer["value"] == 1.05 and answer["corrections"][0]["original"] == 0.5
    assert "(corrected by Li Wei on " in answer["display"] and answer["display"].endswith("; originally 0.5)")
    zh = suanli("ask", "庆阳数据中心集群的PUE是多少?", "--store", str(store), check=True).stdout
    assert "更正,原为0.5)" in zh


@pytest.mark.parametrize("args", [
    ["validate", "--lang", "fr"],
    ["validate", "--format", "xml"],
    ["quarantine", "readmit", "https://w3id.org/suanli/resource/fact/none"],
    ["quarantine", "readmit", "--set", "value"],
    ["quarantine", "readmit", "--set", "value=1"],
    ["quarantine", "readmit", "https://w3id.org/suanli/resource/fact/none", "--set", "value=1", "--by", " "],
    ["quarantine", "readmit", "https://w3id.org/suanli/resource/fact/none", "--set", "colour=red"],
])
def test_bad_validation_requests_get_one_line_and_exit_2(corpus_store: Path, args: list[str]) -> None:
    result = suanli(*args, "--store", str(corpus_store))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("suanli: ") and len(result.stderr.strip().splitlines()) == 1


def test_the_sample_corpus_and_the_seeds_validate_clean(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("shared seeds not present")
    store = tmp_path / "store"
    suanli("ingest", str(CORPUS), str(seeds), "--store", str(store), check=True)
    result = suanli("validate", "--store", str(store), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["conforms"] is True
    assert [r for r in report["results"] if r["severity"] == "Violation"] == []


CLASSES = {"Hub": "Hub", "Cluster": "Cluster", "Center": "Center", "Park": "Park", "Province": "Province",
           "City": "City", "District": "District", "Company": "Company", "Organization": "Organization",
           "Initiative": "Initiative"}


@pytest.mark.parametrize("cls", sorted(CLASSES))
def test_every_class_needs_its_english_and_chinese_labels(world: LocalStore, cls: str) -> None:
    graph, content_hash = document(TEXT, f"label-{cls}")
    nameless = _new_entity(graph, f"nameless-{cls.lower()}", cls, en=None, zh="无名")
    link = _relation(graph, nameless, SL.partner, QINGYANG)
    count, entries = store_document(world, graph, base=BASE, content_hash=content_hash)
    assert ("Violation", f"{cls} lacks an English label") in [(e.severity, e.message_en) for e in entries if e.focus == str(nameless)]
    assert quarantined(world, link) and served(world, measurement(graph, "pue"))


def test_a_fact_with_two_subjects_and_a_source_with_a_bad_date_are_reported(world: LocalStore) -> None:
    graph, content_hash = document(TEXT, "two-subjects")
    fact = measurement(graph, "pue")
    graph.add((fact, SL.subject, entity_iri(BASE, "gansu-hub")))
    source = graph.value(fact, PROV.wasDerivedFrom)
    graph.add((source, URIRef("http://purl.org/dc/terms/issued"), Literal("2025-02-30", datatype=XSD.date)))
    count, entries = store_document(world, graph, base=BASE, content_hash=content_hash)
    found = {(e.focus, e.severity, e.message_en) for e in entries}
    assert (str(fact), "Violation", "A fact has exactly one subject") in found
    assert (str(source), "Violation", "The publication date must be a valid date") in found
    assert quarantined(world, fact)


# The engine: pyshacl-turbo by default, pySHACL the reference (SUANLI_SHACL=pyshacl). Both run on the same
# documents in the same context, and must agree on everything the pipeline reads of a report and on the
# (focus node, result path, source shape, severity) of every result, the context's nodes included.

def _result_keys(report: Report) -> set[tuple[str, ...]]:
    assert report.graph is not None
    sh = "http://www.w3.org/ns/shacl#"
    return {tuple(str(report.graph.value(r, URIRef(sh + p))) for p in ("focusNode", "resultPath", "sourceShape", "resultSeverity"))
            for r in report.graph.subjects(RDF.type, URIRef(sh + "ValidationResult"))}


def assert_engines_agree(store: LocalStore, graph: Graph) -> Report:
    """Both engines agree, and the two halves ingest runs (alone in a worker, in context in the writer) give the whole."""
    around = context(store, str(summary_graph_iri(BASE)), graph)
    fast, reference = (check_document(graph, around, engine=name) for name in ("pyshacl-turbo", "pyshacl"))
    assert (fast.conforms, fast.entries) == (reference.conforms, reference.entries)
    around_text = context_ntriples(store, str(summary_graph_iri(BASE)), document_entities(graph))
    for name in ("pyshacl-turbo", "pyshacl"):
        halves = check_in_context(check_alone(graph, engine=name), around_text, engine=name)
        assert (halves.conforms, halves.entries) == (reference.conforms, reference.entries)
    whole = [validate(graph + around, engine=name) for name in ("pyshacl-turbo", "pyshacl")]
    assert whole[0].conforms == whole[1].conforms and _result_keys(whole[0]) == _result_keys(whole[1])
    return reference


def test_the_default_engine_is_pyshacl_turbo_and_suanli_shacl_chooses_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUANLI_SHACL", raising=False)
    assert engine_name() == "pyshacl-turbo"
    monkeypatch.setenv("SUANLI_SHACL", "pyshacl")
    assert engine_name() == "pyshacl"
    monkeypatch.setenv("SUANLI_SHACL", "jena")
    with pytest.raises(ValueError, match="SUANLI_SHACL"):
        engine_name()


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_both_engines_report_the_same_on_a_broken_document(world: LocalStore, case: str) -> None:
    mutate, severity, message = BROKEN[case]
    graph, _ = document(TEXT, f"engines-{case}")
    mutate(graph)
    reference = assert_engines_agree(world, graph)
    assert (severity, message) in [(e.severity, e.message_en) for e in reference.entries]


def test_both_engines_report_the_same_on_the_corpus_and_across_sources(fresh: LocalStore) -> None:
    pages = [(p.name, p.read_bytes()) for p in sorted(CORPUS.iterdir())] + [(f"{tag}.txt", text.encode()) for tag, text in (
        ("first", "2025年,庆阳数据中心集群算力规模达到5万P。"), ("second", "2025年,庆阳数据中心集群算力规模达到8万P。"),
        ("plan", "庆阳数据中心集群规划到2026年算力规模达到5万P。"), ("actual", "2026年,庆阳数据中心集群算力规模已达到8万P。"),
        ("bad", BAD_PAGE))]
    severities = set()
    for name, raw in pages:
        content_hash = hashlib.sha256(raw).hexdigest()
        graph = document_graph(read(raw, path=name), base=BASE, content_hash=content_hash, file_name=name, path=f"/docs/{name}")
        severities |= {e.severity for e in assert_engines_agree(fresh, graph).entries}
        store_document(fresh, graph, base=BASE, content_hash=content_hash)
    graph, _ = document(TEXT, "engines-new-entities")
    cluster = _new_entity(graph, "engines-valley-data-center-cluster", "Cluster", en="Valley data center cluster", zh="山谷集群")
    _relation(graph, _new_entity(graph, "engines-zephyr-center", "Center", en="Zephyr Center", zh="Zephyr Center"), SL.partOf, cluster)
    _relation(graph, _new_entity(graph, "engines-unnamed-center", "Center", en=None, zh="无名中心"), SL.partOf, cluster)
    severities |= {e.severity for e in assert_engines_agree(fresh, graph).entries}
    assert severities == {"Violation", "Warning", "Info"}


def test_every_shape_runs_in_exactly_one_half_of_the_check() -> None:
    targeted = {s for s in shapes_graph().subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    assert set(OWN_SHAPES) <= targeted and not set(OWN_SHAPES) & set(context_shapes())
    assert set(OWN_SHAPES) | set(context_shapes()) == targeted


def test_the_halves_give_the_whole_on_a_document_that_replaces_its_older_version(fresh: LocalStore) -> None:
    first, first_hash = document("2025年,庆阳数据中心集群算力规模达到5万P。", "versioned")
    store_document(fresh, first, base=BASE, content_hash=first_hash)
    second, _ = document("2025年,庆阳数据中心集群算力规模达到8万P。", "versioned-2")
    older = [f"{BASE}graph/{first_hash[:16]}"]
    around = context(fresh, str(summary_graph_iri(BASE)), second, discount=older)
    whole = check_document(second, around)
    text = context_ntriples(fresh, str(summary_graph_iri(BASE)), document_entities(second), discount=older)
    assert check_in_context(check_alone(second), text).entries == whole.entries == []  # no conflict with itself
    assert check_in_context(check_alone(second), context_ntriples(
        fresh, str(summary_graph_iri(BASE)), document_entities(second))).entries  # but with the other version
