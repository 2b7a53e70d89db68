"""SHACL engines on the documents of an ingest (issue 19): pySHACL against pyshacl-turbo and pyshifty.

    PYTHONPATH=. .venv/bin/python bench/shacl_engines.py [--rounds 5]

The documents are formed by the ingest itself: the seeds, the sample corpus (examples/corpus) and the
test corpus (tests/corpus) are ingested one file at a time into a fresh store, then bad documents
(pages with impossible figures, figures of two sources that disagree, and graphs broken on purpose:
a fact without evidence, a PUE of 0.8, a renewable share of 120 %, a second hub …). Every call of
`check_in_context(checked, around)` that ingest makes is recorded, so each document is validated with
the context that ingest gave it. Each engine then checks `graph + around` with the ontology mixed
in, as `validate` does, and its report is read by `report_entries`, the reader the pipeline uses.

Per engine: median and p95 ms per document (every round after one warm round), the ratio of its
median to pySHACL's, and whether its results equal pySHACL's on every document: the conforms flag
(the engine's, with warnings allowed, and the document's after `check_document`), the set of
(focus node, result path, source shape, severity) of the whole report, and the entries about the
document's own nodes (focus, path, severity, both messages, value: what is stored). An engine that
cannot read our shapes (SPARQL constraints, SPARQL targets) or fails on a document is reported,
never fatal.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import PROV, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg.pipeline.validate as validation  # noqa: E402
import kg.pipeline.write as writer_module  # noqa: E402
from extract import read  # noqa: E402
from kg.graph.namespace import SL  # noqa: E402
from kg.graph.rdf import document_graph, entity_iri, ontology_graph  # noqa: E402
from kg.graph.store import LocalStore  # noqa: E402
from kg.pipeline.ingest import ingest  # noqa: E402

BASE = "https://w3id.org/suanli/resource/"
SEEDS = ROOT.parent / "shared" / "seeds"
CORPORA = [SEEDS, ROOT / "examples" / "corpus", ROOT / "tests" / "corpus"]
DCTERMS_ISSUED = URIRef("http://purl.org/dc/terms/issued")

# pages whose figures break a shape or another source (read by the extractor, like any page)
BAD_PAGES = {
    "bad-pue-0.8": "2025年,庆阳数据中心集群PUE为0.8,算力规模达到5万P。",
    "bad-renewable-120%": "2025年,庆阳数据中心集群可再生能源占比达到120%,标准机架达到2万架。",
    "conflict-first": "2025年,中卫数据中心集群算力规模达到5万P。",
    "conflict-second": "2025年,中卫数据中心集群算力规模达到8万P。",
    "plan": "韶关数据中心集群规划到2025年算力规模达到5万P。",
    "actual-above-plan": "2025年,韶关数据中心集群算力规模已达到8万P。",
}
TEXT = "2025年,庆阳数据中心集群算力规模达到5万P,标准机架达到2万架,PUE为1.2,可再生能源占比达到80%,总投资30亿元。"
QINGYANG = entity_iri(BASE, "qingyang-data-center-cluster")


def _measurement(graph: Graph, metric: str) -> URIRef:
    return next(m for m in graph.subjects(SL.metric, SL[metric]) if isinstance(m, URIRef))


def _set(graph: Graph, node: URIRef, prop: URIRef, value: Node | None) -> None:
    graph.remove((node, prop, None))
    if value is not None:
        graph.add((node, prop, value))


def _entity(graph: Graph, key: str, cls: str, *, en: str | None, zh: str | None) -> URIRef:
    node = entity_iri(BASE, key)
    graph.add((node, RDF.type, SL[cls]))
    for text, lang in ((en, "en"), (zh, "zh-Hans")):
        if text:
            graph.add((node, RDFS.label, Literal(text, lang=lang)))
    return node


def _relation(graph: Graph, subject: URIRef, prop: URIRef, obj: URIRef | None) -> None:
    template = _measurement(graph, "pue")
    node = URIRef(f"{template}-rel-{hashlib.sha1(f'{subject}{prop}{obj}'.encode()).hexdigest()[:6]}")
    for p, o in ((RDF.type, SL.RelationAssertion), (SL.subject, subject), (SL.relation, prop), (SL.object, obj),
                 (SL.status, SL.actual), (PROV.wasDerivedFrom, graph.value(template, PROV.wasDerivedFrom)),
                 (SL.evidence, Literal("(a sentence of the bench)"))):
        if o is not None:
            graph.add((node, p, o))
    if obj is not None:
        graph.add((subject, prop, obj))


def _decimal(text: str) -> Literal:
    return Literal(text, datatype=XSD.decimal)


# graphs of TEXT broken on purpose, one or more shapes each
BROKEN: dict[str, Callable[[Graph], None]] = {
    "broken-no-evidence": lambda g: _set(g, _measurement(g, "pue"), SL.evidence, None),
    "broken-pue-0.8": lambda g: _set(g, _measurement(g, "pue"), SL.value, _decimal("0.8")),
    "broken-renewable-1.2": lambda g: _set(g, _measurement(g, "renewable_share"), SL.value, _decimal("1.2")),
    "broken-negative-and-text-value": lambda g: (_set(g, _measurement(g, "investment"), SL.value, _decimal("-3")),
                                                 _set(g, _measurement(g, "pue"), SL.value, Literal("1.2x"))),
    "broken-units": lambda g: (_set(g, _measurement(g, "computing_power"), SL.unit, SL.racks),
                               _set(g, _measurement(g, "rack_count"), SL.unit, None),
                               _set(g, _measurement(g, "investment"), SL.unit, URIRef(f"{SL._NS}EUR"))),
    "broken-kind-count-date": lambda g: (_set(g, _measurement(g, "rack_count"), SL.kind, SL.ai),
                                         g.add((_measurement(g, "rack_count"), SL.value, _decimal("2.5"))),
                                         _set(g, _measurement(g, "pue"), SL.time, Literal("2025-13-45", datatype=XSD.date))),
    "broken-status-comparator-kind": lambda g: (_set(g, _measurement(g, "pue"), SL.status, URIRef(f"{SL._NS}rumoured")),
                                                _set(g, _measurement(g, "pue"), SL.comparator, URIRef(f"{SL._NS}roughly")),
                                                _set(g, _measurement(g, "computing_power"), SL.kind, URIRef(f"{SL._NS}quantum"))),
    "broken-provenance-metric-subject": lambda g: (_set(g, _measurement(g, "pue"), PROV.wasDerivedFrom, None),
                                                   g.add((_measurement(g, "investment"), SL.metric, SL.area)),
                                                   g.add((_measurement(g, "renewable_share"), SL.subject,
                                                          entity_iri(BASE, "gansu-hub")))),
    "broken-hubs": lambda g: (_relation(g, entity_iri(BASE, "gansu-hub"), SL.locatedIn, entity_iri(BASE, "qingyang")),
                              _relation(g, QINGYANG, SL.partOf, entity_iri(BASE, "ningxia-hub")),
                              _relation(g, QINGYANG, SL.locatedIn, entity_iri(BASE, "yinchuan")),
                              _relation(g, QINGYANG, SL.partner, None)),
    "broken-entities": lambda g: (
        _relation(g, _entity(g, "bench-unlabelled-center", "Center", en=None, zh="无名中心"), SL.partOf, QINGYANG),
        _relation(g, _entity(g, "bench-zephyr-center", "Center", en="Zephyr Center", zh="Zephyr Center"), SL.partOf, QINGYANG),
        _entity(g, "bench-valley-cluster", "Cluster", en="Valley cluster", zh="山谷集群"),
        _entity(g, "bench-nameless-company", "Company", en="Nameless Co", zh=None)),
    "broken-source-document": lambda g: [(g.add((s, DCTERMS_ISSUED, Literal("2025-02-30", datatype=XSD.date))),
                                          _set(g, s, SL.contentHash, Literal("not-a-hash")))
                                         for s in list(g.subjects(RDF.type, SL.SourceDocument))],
}


@dataclass
class Document:
    name: str
    graph: Graph
    around: Graph


def documents() -> list[Document]:
    """Every document of the corpora, then the bad ones, each with the context ingest formed for it."""
    found: list[Document] = []
    name = ""
    real = writer_module.check_in_context

    def record(checked: validation.Checked, around: bytes) -> validation.Report:
        graph, context = (Graph().parse(data=text.decode("utf-8"), format="nt") for text in (checked.ntriples, around))
        found.append(Document(name, graph, context))
        return real(checked, around)

    writer_module.check_in_context = record  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = LocalStore(Path(tmp) / "store")
            pages = Path(tmp) / "pages"
            pages.mkdir()
            paths = [p for corpus in CORPORA if corpus.exists() for p in sorted(corpus.iterdir()) if p.suffix in (".txt", ".html")]
            for tag, text in BAD_PAGES.items():
                (pages / f"{tag}.txt").write_text(text, encoding="utf-8")
                paths.append(pages / f"{tag}.txt")
            for path in paths:
                name = path.name
                ingest([path], store=store, base=BASE)
            for tag, mutate in BROKEN.items():
                name = tag
                content_hash = hashlib.sha256(f"{tag}\n{TEXT}".encode()).hexdigest()
                graph = document_graph(read(TEXT), base=BASE, content_hash=content_hash, file_name=f"{tag}.txt",
                                       path=f"/bench/{tag}.txt")
                mutate(graph)
                writer_module.store_document(store, graph, base=BASE, content_hash=content_hash)
            store.close()
    finally:
        writer_module.check_in_context = real  # type: ignore[assignment]
    return found


# --- engines: each takes the data graph (document and context) and returns (conforms, report graph); the
# first two are kg.pipeline.validate's own, the others variants measured here only ---

Engine = Callable[[Graph], tuple[bool, Graph]]


def _pipeline(run: Callable[..., tuple[bool, Graph]]) -> Engine:
    """An engine as kg.pipeline.validate runs it: data and ontology in an in-memory Oxigraph store, every shape."""
    return lambda data: run(validation._mixed(validation._ntriples(data), validation._ontology_ntriples()), None)


def _pyshacl() -> Engine:
    return _pipeline(validation._run_pyshacl)  # SUANLI_SHACL=pyshacl


def _turbo_store() -> Engine:
    validation._compiled_shapes()
    return _pipeline(validation._run_turbo)  # the default


def _turbo_graph() -> Engine:
    program = validation._compiled_shapes()

    def run(data: Graph) -> tuple[bool, Graph]:
        conforms, report, _ = program.validate(ontology_graph() + data, allow_warnings=True)
        return bool(conforms), report

    return run


def _turbo_ntriples() -> Engine:
    import pyshacl_turbo

    program = pyshacl_turbo.compile_shapes(validation.shapes_graph(), advanced=True)

    def run(data: Graph) -> tuple[bool, Graph]:
        triples = (ontology_graph() + data).serialize(format="nt").encode("utf-8")
        conforms, report, _ = program.validate(triples, data_graph_format="nt", allow_warnings=True)
        return bool(conforms), report

    return run


def _shifty() -> Engine:
    import shifty

    prepared = shifty.PreparedValidator(validation.shapes_graph())
    if prepared.diagnostics:
        print(f"  pyshifty diagnostics on the shapes: {prepared.diagnostics}")

    def run(data: Graph) -> tuple[bool, Graph]:
        triples = (ontology_graph() + data).serialize(format="nt").encode("utf-8")
        # no SHACL-AF rules of ours to run; warnings do not break conformance, as in pySHACL with allow_warnings
        conforms, report, _ = prepared.validate(triples, infer=False, minimum_severity="violation", on_unsupported="error")
        return bool(conforms), report

    return run


ENGINES: dict[str, Callable[[], Engine]] = {
    "pyshacl": _pyshacl,
    "pyshacl-turbo (Oxigraph store in, the default)": _turbo_store,
    "pyshacl-turbo (rdflib Graph in)": _turbo_graph,
    "pyshacl-turbo (N-Triples in)": _turbo_ntriples,
    "pyshifty": _shifty,
}


# --- what is compared ---

SH = validation.SH


def _shape_key(report: Graph, result: Node) -> str:
    """The source shape: its IRI, or for a blank property shape its parent and path in the shapes graph.

    A blank node of the shapes graph is kept by pySHACL and pyshacl-turbo; an engine that gives a
    fresh one (pyshifty) is matched to the one property shape with the result's path and message.
    """
    shapes = validation.shapes_graph()
    shape = report.value(result, SH.sourceShape)
    if shape is None:
        return "(none)"
    if not isinstance(shape, BNode):
        return str(shape)
    candidates = [shape] if (shape, None, None) in shapes else [
        s for s in shapes.subjects(SH.path, report.value(result, SH.resultPath))
        if {str(m) for m in shapes.objects(s, SH.message)} & {str(m) for m in report.objects(result, SH.resultMessage)}]
    if len(candidates) != 1:
        return f"(unmatched blank shape, {len(candidates)} candidates)"
    parent = shapes.value(None, SH.property, candidates[0])
    messages = sorted(str(m) for m in shapes.objects(candidates[0], SH.message) if isinstance(m, Literal) and m.language == "en")
    return f"{parent} property {shapes.value(candidates[0], SH.path)} {messages}"


def result_keys(report: Graph) -> set[tuple[str, str | None, str, str]]:
    out = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path, severity = report.value(result, SH.resultPath), report.value(result, SH.resultSeverity)
        out.add((str(report.value(result, SH.focusNode)), str(path) if path is not None else None,
                 _shape_key(report, result), str(severity).rsplit("#", 1)[-1]))
    return out


@dataclass
class Outcome:
    conforms: bool
    document_conforms: bool
    keys: set[tuple[str, str | None, str, str]]
    entries: list[validation.Entry]
    language_tags: set[str]


def check(engine: Engine, doc: Document) -> Outcome:
    """One document through one engine, read as `validate` and `check_document` read it."""
    conforms, report = engine(doc.graph + doc.around)
    own = set(doc.graph.subjects())
    entries = [e for e in validation.report_entries(report) if URIRef(e.focus) in own]
    tags = {m.language for m in report.objects(None, SH.resultMessage) if isinstance(m, Literal) and m.language}
    return Outcome(conforms, not any(e.severity == "Violation" for e in entries), result_keys(report), entries, tags)


@dataclass
class Row:
    name: str
    times: list[float] = field(default_factory=list)
    error: str | None = None
    failed: dict[str, str] = field(default_factory=dict)  # document → error
    differ: dict[str, list[str]] = field(default_factory=dict)  # document → what differs from pySHACL


def differences(ref: Outcome, got: Outcome) -> list[str]:
    out = []
    if ref.conforms != got.conforms:
        out.append(f"conforms {ref.conforms} → {got.conforms}")
    if ref.document_conforms != got.document_conforms:
        out.append(f"document conforms {ref.document_conforms} → {got.document_conforms}")
    for key in sorted(ref.keys - got.keys, key=str):
        out.append(f"missing {key}")
    for key in sorted(got.keys - ref.keys, key=str):
        out.append(f"extra {key}")
    for entry in sorted(set(ref.entries) - set(got.entries), key=str):
        out.append(f"entry only in pySHACL's: {entry}")
    for entry in sorted(set(got.entries) - set(ref.entries), key=str):
        out.append(f"entry only in this engine's: {entry}")
    if not out and ref.entries != got.entries:
        out.append("the same entries, not as often or not in the same order")
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--engines", nargs="*", default=list(ENGINES))
    args = parser.parse_args(argv)
    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)  # the invalid dates of the broken documents
    started = time.perf_counter()
    docs = documents()
    sizes = sorted(len(d.graph) + len(d.around) for d in docs)
    print(f"{len(docs)} documents formed by ingest in {time.perf_counter() - started:.0f} s "
          f"(document + context: median {statistics.median(sizes):.0f} triples, max {sizes[-1]})")
    rows: dict[str, Row] = {}
    runners: dict[str, Engine] = {}
    for name in args.engines:
        rows[name] = Row(name)
        try:
            runners[name] = ENGINES[name]()
        except Exception as exc:  # an engine that cannot read the shapes is reported, not fatal
            rows[name].error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    outcomes: dict[str, dict[str, Outcome]] = {name: {} for name in runners}
    for round_ in range(args.rounds + 1):  # round 0 warms every engine and gives the results compared
        for doc in docs:
            for name, engine in runners.items():
                if doc.name in rows[name].failed:
                    continue
                begun = time.perf_counter()
                try:
                    outcome = check(engine, doc)
                except Exception as exc:
                    rows[name].failed[doc.name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                    if round_ == 0 and len(rows[name].failed) == 1:
                        traceback.print_exc(limit=2)
                    continue
                if round_:
                    rows[name].times.append((time.perf_counter() - begun) * 1000)
                else:
                    outcomes[name][doc.name] = outcome
    reference = outcomes.get("pyshacl", {})
    violations = sum(1 for o in reference.values() for e in o.entries if e.severity == "Violation")
    warnings = sum(1 for o in reference.values() for e in o.entries if e.severity != "Violation")
    print(f"pySHACL's results on them: {sum(not o.document_conforms for o in reference.values())} documents "
          f"with violations, {violations} violations and {warnings} warnings or infos about their own nodes")
    base = statistics.median(rows["pyshacl"].times) if rows.get("pyshacl") and rows["pyshacl"].times else None
    print(f"\n{args.rounds} rounds after a warm one, {len(docs)} documents, {time.perf_counter() - started:.0f} s in all\n")
    print("| engine | median ms / document | p95 ms | ratio to pySHACL (median) | results equal pySHACL's |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, row in rows.items():
        if row.error:
            print(f"| {name} | – | – | – | cannot run: {row.error} |")
            continue
        for doc_name, outcome in outcomes.get(name, {}).items():
            if name != "pyshacl" and doc_name in reference:
                found = differences(reference[doc_name], outcome)
                if found:
                    row.differ[doc_name] = found
        median = statistics.median(row.times) if row.times else float("nan")
        p95 = percentile(row.times, 0.95) if row.times else float("nan")
        ratio = f"{median / base:.2f}" if base else "–"
        same = len(docs) - len(row.differ) - len(row.failed)
        verdict = "reference" if name == "pyshacl" else (
            "yes, on every document" if not row.differ and not row.failed else
            f"no: {same} of {len(docs)} equal, {len(row.differ)} differ, {len(row.failed)} fail")
        print(f"| {name} | {median:.1f} | {p95:.1f} | {ratio} | {verdict} |")
    for name, row in rows.items():
        tags = sorted({t for o in outcomes.get(name, {}).values() for t in o.language_tags})
        print(f"\n{name}: message language tags {tags}")
        for doc_name, error in row.failed.items():
            print(f"  {doc_name}: fails: {error}")
        for doc_name, found in row.differ.items():
            print(f"  {doc_name}: {len(found)} differences")
            for line in found[:8]:
                print(f"    {line}")


if __name__ == "__main__":
    main()
