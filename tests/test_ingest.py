"""Ingest on the real on-disk store: idempotence, bad input, encodings, crash safety."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.graph.namespace import SL
from kg.graph.store import LocalStore
from kg.graph.summary import rebuild_update, summary_graph_iri
from kg.pipeline.ingest import ingest
from tests.conftest import CORPUS, suanli

BASE = "https://w3id.org/suanli/resource/"


def triple_count(store: Path) -> int:
    out = suanli("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(store),
                 "--format", "json", check=True)
    return int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])


def facts_of(store: Path) -> list[tuple]:
    out = suanli("facts", "--store", str(store), "--format", "json", check=True)
    return sorted((f["subject"]["iri"], f["metric"], f["value"], f["unit"], (f["object"] or {}).get("iri"),
                   f["comparator"], f["status"], f["kind"]) for f in json.loads(out.stdout))


def test_ingesting_twice_leaves_the_triple_count_unchanged(tmp_path: Path) -> None:
    store = tmp_path / "s"
    suanli("ingest", str(CORPUS), "--store", str(store), check=True)
    before = triple_count(store)
    second = suanli("ingest", str(CORPUS), "--store", str(store), check=True)
    assert triple_count(store) == before
    assert "unchanged" in second.stderr


def test_a_changed_document_replaces_only_its_own_facts(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("庆阳数据中心集群可再生能源占比超过90%。", encoding="utf-8")
    (docs / "b.txt").write_text("芜湖数据中心集群总投资超过800亿元。", encoding="utf-8")
    store = tmp_path / "s"
    suanli("ingest", str(docs), "--store", str(store), check=True)
    (docs / "a.txt").write_text("庆阳数据中心集群可再生能源占比超过95%。", encoding="utf-8")
    suanli("ingest", str(docs), "--store", str(store), check=True)
    values = {(f[1], f[2]) for f in facts_of(store)}
    assert ("renewable_share", 0.95) in values
    assert ("renewable_share", 0.9) not in values
    assert ("investment", 80000000000) in values


def test_an_empty_file_is_skipped_with_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = suanli("ingest", str(empty), "--store", str(tmp_path / "s"))
    assert result.returncode == 0
    assert "skipped empty document" in result.stderr


def test_a_binary_file_is_refused_and_the_store_is_unchanged(tmp_path: Path) -> None:
    store = tmp_path / "s"
    suanli("ingest", str(CORPUS / "01_qingyang_green.txt"), "--store", str(store), check=True)
    before = triple_count(store)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = suanli("ingest", str(CORPUS / "03_wuhu_zh.txt"), str(binary), "--store", str(store))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "SL-E001" in result.stderr and "Traceback" not in result.stderr
    assert triple_count(store) == before


def test_a_missing_path_is_bad_input(tmp_path: Path) -> None:
    result = suanli("ingest", str(tmp_path / "nope"), "--store", str(tmp_path / "s"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_gbk_and_big5_files_give_the_same_facts_as_utf8(tmp_path: Path, encoding: str) -> None:
    source = CORPUS / ("04_guian_hant.txt" if encoding == "big5" else "03_wuhu_zh.txt")
    text = source.read_text(encoding="utf-8")
    (tmp_path / "u").mkdir()
    (tmp_path / "e").mkdir()
    (tmp_path / "u" / source.name).write_bytes(text.encode("utf-8"))
    (tmp_path / "e" / source.name).write_bytes(text.encode(encoding))
    suanli("ingest", str(tmp_path / "u"), "--store", str(tmp_path / "su"), check=True)
    suanli("ingest", str(tmp_path / "e"), "--store", str(tmp_path / "se"), check=True)
    utf8_facts = facts_of(tmp_path / "su")
    assert utf8_facts
    assert facts_of(tmp_path / "se") == utf8_facts


@pytest.mark.slow
def test_sigkill_during_ingest_leaves_whole_documents_and_the_next_ingest_completes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    count = 300  # enough that writing them outlasts the watch below on a fast machine
    for i in range(count):
        src = sources[i % len(sources)]
        (docs / f"{i:03d}_{src.name}").write_text(src.read_text(encoding="utf-8") + f"\n第{i}篇。", encoding="utf-8")
    store = tmp_path / "s"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(docs), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def logged() -> int:
        return sum(f.stat().st_size for f in store.glob("*.log") if f.is_file())

    # Kill while documents are being written. The base graphs are bulk-loaded into table files first (bulk-*.sst,
    # renamed when done); documents then go through the write-ahead log, so a log grown well past its size at
    # that point means some documents are in and, as 300 take seconds to write, most are not.
    deadline = time.time() + 120
    base = -1
    while time.time() < deadline and proc.poll() is None:
        if base < 0 and list(store.glob("*.sst")) and not list(store.glob("bulk-*")):
            base = logged()
        elif base >= 0 and logged() > base + 200_000:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    docs_done = suanli("query", "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT ?g (COUNT(?f) AS ?n) "
                       "WHERE { GRAPH ?g { ?d a sl:SourceDocument . OPTIONAL { ?f sl:subject ?s } } } GROUP BY ?g",
                       "--store", str(store), "--format", "json")
    rows = json.loads(docs_done.stdout)["results"]["bindings"] if docs_done.returncode == 0 else []
    assert len(rows) < count, "the ingest finished before it could be killed"
    assert all(int(r["n"]["value"]) > 0 for r in rows), "a document was stored without its facts"
    suanli("ingest", str(docs), "--store", str(store), check=True)
    final = json.loads(suanli("query", "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT (COUNT(DISTINCT ?g) AS ?n) "
                              "WHERE { GRAPH ?g { ?d a sl:SourceDocument } }", "--store", str(store),
                              "--format", "json", check=True).stdout)
    assert int(final["results"]["bindings"][0]["n"]["value"]) == count
    shutil.rmtree(store)


def _update(store: Path, sparql: str) -> None:
    """Age a store the way an older release would have left it (through the store itself)."""
    from kg.graph.store import LocalStore

    opened = LocalStore(store)
    try:
        opened.oxigraph.update(sparql)
    finally:
        opened.close()


def test_documents_read_by_an_older_extractor_are_read_again(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("庆阳数据中心集群可再生能源占比超过90%。", encoding="utf-8")
    store = tmp_path / "s"
    suanli("ingest", str(docs), "--store", str(store), check=True)
    before = facts_of(store)
    _update(store, "PREFIX sl: <https://w3id.org/suanli/ontology#> "
                   "DELETE { GRAPH ?g { ?d sl:extractorVersion ?v } } INSERT { GRAPH ?g { ?d sl:extractorVersion \"old\" } } "
                   "WHERE { GRAPH ?g { ?d sl:extractorVersion ?v } }")
    again = suanli("ingest", str(docs), "--store", str(store), check=True)
    assert "1 replaced" in again.stderr
    assert facts_of(store) == before


def test_a_changed_reference_edition_replaces_the_stored_one(tmp_path: Path) -> None:
    store = tmp_path / "s"
    one = tmp_path / "a.txt"
    one.write_text("贵安新区规划建设超大型数据中心12个。", encoding="utf-8")
    suanli("ingest", str(one), "--store", str(store), check=True)
    count = triple_count(store)
    _update(store, "PREFIX sl: <https://w3id.org/suanli/ontology#> DELETE { GRAPH ?g { ?g sl:contentHash ?h } } "
                   "INSERT { GRAPH ?g { ?g sl:contentHash \"stale\" . <urn:stale> <urn:stale> <urn:stale> } } "
                   "WHERE { GRAPH ?g { ?g sl:contentHash ?h } }")
    suanli("ingest", str(one), "--store", str(store), check=True)
    assert triple_count(store) == count


def _merged(store: Path) -> dict[str, int]:
    """value → source count of the merged computing-power facts in the default (summary) graph."""
    out = suanli("query", "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT ?v ?n WHERE { "
                 "?f a sl:MergedFact ; sl:metric sl:computing_power ; sl:value ?v ; sl:sourceCount ?n }",
                 "--store", str(store), "--format", "json", check=True)
    return {b["v"]["value"]: int(b["n"]["value"]) for b in json.loads(out.stdout)["results"]["bindings"]}


def test_the_summary_merges_repeated_facts_and_follows_changed_documents(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("甘肃庆阳数据中心集群算力规模达到5万P。", encoding="utf-8")
    second.write_text("据报道,庆阳数据中心集群算力规模达到5万P。", encoding="utf-8")
    suanli("ingest", str(first), str(second), "--store", str(store), check=True)
    assert _merged(store) == {"50000": 2}
    second.write_text("据报道,庆阳数据中心集群算力规模达到6万P。", encoding="utf-8")
    suanli("ingest", str(second), "--store", str(store), check=True)
    assert _merged(store) == {"50000": 1, "60000": 1}
    first.unlink()
    second.write_text("据报道,庆阳数据中心集群算力规模达到5万P。", encoding="utf-8")
    suanli("ingest", str(second), "--store", str(store), check=True)
    assert _merged(store) == {"50000": 2}


def test_the_default_graph_holds_each_entity_once_and_no_quarantined_fact(tmp_path: Path) -> None:
    store = tmp_path / "store"
    page = tmp_path / "pue.txt"
    page.write_text("庆阳数据中心集群PUE为0.5,算力规模达到5万P。", encoding="utf-8")
    suanli("ingest", str(CORPUS), str(page), "--store", str(store), check=True)
    out = suanli("query", "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?s a sl:Hub }",
                 "--store", str(store), "--format", "json", check=True)
    assert json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"] == "8"
    pue = "PREFIX sl: <https://w3id.org/suanli/ontology#> ASK { ?m sl:metric sl:pue ; sl:value 0.5 }"
    served = suanli("query", pue, "--store", str(store), "--format", "json", check=True)
    kept = suanli("query", pue.replace("ASK {", "ASK { GRAPH ?g {") + " }", "--store", str(store), "--format", "json", check=True)
    assert json.loads(served.stdout)["boolean"] is False
    assert json.loads(kept.stdout)["boolean"] is True


def _summary_triples(store: LocalStore) -> set[tuple]:
    """The summary graph's triples, without the choice of quoted evidence (either source will do)."""
    quoted = {"http://www.w3.org/ns/prov#wasQuotedFrom", str(SL.evidence), str(SL.evidenceSource)}
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{summary_graph_iri(BASE)}> {{ ?s ?p ?o }} }}").rows
    return {(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rows if r["p"]["value"] not in quoted}


def test_the_summary_kept_by_difference_equals_a_rebuild(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    store = LocalStore(tmp_path / "store")
    try:
        ingest([docs], store=store, base=BASE)
        changed = sorted(docs.glob("*"))[:3]
        for path in changed:  # new content at the same paths replaces the old documents
            path.write_text(path.read_text(encoding="utf-8").replace("数据中心集群", "数据中心集群,") + "\n芜湖数据中心集群规划机架5万架。",
                            encoding="utf-8")
        ingest([docs], store=store, base=BASE)
        kept = _summary_triples(store)
        store.update(rebuild_update(BASE))
        rebuilt = _summary_triples(store)
        assert kept == rebuilt
        evidence = store.select(f"PREFIX sl: <{SL._NS}> SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{summary_graph_iri(BASE)}> "
                                "{ ?f a sl:MergedFact FILTER NOT EXISTS { ?f sl:evidence ?e ; sl:evidenceSource ?s } } }")
        assert evidence.values("n") == ["0"]
        assert not [g for g in store.graph_names() if "/scratch/" in g], "a staging graph outlived its update"
    finally:
        store.close()


# pages of our own that check each other across documents (two rack counts that disagree, an actual figure above
# the plan) and pages that fail shapes (a PUE below 1, a share above 100 %), between and after the sample corpus
CROSSING = {
    "00_plan.txt": "庆阳数据中心集群规划到2026年算力规模达到5万P。",
    "05_racks_a.txt": "2025年,芜湖数据中心集群标准机架达到5万架。",
    "05_racks_b.txt": "2025年,芜湖数据中心集群标准机架达到8万架,PUE为0.8。",
    "11_actual.txt": "2026年,庆阳数据中心集群算力规模已达到8万P。",
    "12_share.txt": "2025年,庆阳数据中心集群可再生能源占比达到120%。",
}


def test_two_jobs_give_the_same_store_and_report_as_one_and_unchanged_files_are_not_read(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    for name, text in CROSSING.items():
        (docs / name).write_text(text, encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    runs = [suanli("ingest", str(docs), "--store", str(store), "--jobs", jobs, check=True) for store, jobs in
            ((one, "1"), (two, "2"))]
    assert runs[0].stderr == runs[1].stderr  # the same warnings and kept-aside lines, in the same order
    assert "warning" in runs[0].stderr and "kept aside" in runs[0].stderr
    assert runs[0].stderr.count("Conflicts with another source") == 1 and "above the planned value" in runs[0].stderr
    dumps = []
    for store in (one, two):
        suanli("export", "--store", str(store), "--format", "nquads", "-o", str(store) + ".nq", check=True)
        dumps.append(Path(str(store) + ".nq").read_bytes())
    assert dumps[0] == dumps[1]
    assert b"/quarantine/" in dumps[0] and b"/report/" in dumps[0]
    again = suanli("ingest", str(docs), "--store", str(two), "--format", "json", check=True)
    assert {d["status"] for d in json.loads(again.stdout)} == {"unchanged"}


def test_a_binary_file_among_many_read_by_two_jobs_writes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    (docs / "99_blob.txt").write_bytes(bytes(range(256)) * 8)
    store = tmp_path / "s"
    suanli("ingest", str(CORPUS / "01_qingyang_green.txt"), "--store", str(store), check=True)
    before = triple_count(store)
    result = suanli("ingest", str(docs), "--store", str(store), "--jobs", "2")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "99_blob.txt" in result.stderr and "SL-E001" in result.stderr
    assert triple_count(store) == before


def test_an_unreadable_file_or_a_name_that_is_not_utf8_writes_nothing(tmp_path: Path) -> None:
    import os

    store = tmp_path / "s"
    suanli("ingest", str(CORPUS / "01_qingyang_green.txt"), "--store", str(store), check=True)
    before = triple_count(store)
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "03_wuhu_zh.txt", docs / "a.txt")
    odd = os.fsencode(str(docs)) + b"/b\xff.txt"
    with open(odd, "wb") as handle:
        handle.write("芜湖数据中心集群规划机架10万架。".encode())
    result = suanli("ingest", str(docs), "--store", str(store))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and "UTF-8" in result.stderr
    os.remove(odd)
    locked = docs / "c.txt"
    locked.write_text("庆阳数据中心集群机架5万架。", encoding="utf-8")
    locked.chmod(0)
    try:
        result = suanli("ingest", str(docs), "--store", str(store))
        if os.geteuid() != 0:  # root reads any file
            assert result.returncode == 2 and "cannot read" in result.stderr
    finally:
        locked.chmod(0o644)
    assert os.geteuid() == 0 or triple_count(store) == before


def test_curated_facts_are_stored_validated_and_idempotent(tmp_path: Path) -> None:
    facts = [
        {"subject": {"label_zh": "江城智算中心", "label_en": "Jiangcheng Intelligent Computing Center", "type": "Center"},
         "metric": "computing_power", "value": 2000, "unit": "PFLOPS", "comparator": "gt", "status": "planned",
         "time": "2026", "kind": "ai", "source": {"url": "https://example.org/news/1"}, "evidence": "an analyst's note"},
        {"subject": {"zh": "江城智算中心", "en": "Jiangcheng Intelligent Computing Center", "type": "Center"},
         "metric": "located_in", "value": {"zh": "芜湖", "en": "Wuhu", "type": "City"}, "doc": "note-2"},
    ]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    store = tmp_path / "s"
    first = suanli("ingest", "--facts", str(path), "--store", str(store), "--format", "json", check=True)
    assert [d["status"] for d in json.loads(first.stdout)] == ["added", "added"]
    again = suanli("ingest", "--facts", str(path), "--store", str(store), "--format", "json", check=True)
    assert [d["status"] for d in json.loads(again.stdout)] == ["unchanged", "unchanged"]
    table = json.loads(suanli("facts", "--store", str(store), "--format", "json", check=True).stdout)
    figure = next(f for f in table if f["metric"] == "computing_power")
    assert (figure["value"], figure["comparator"], figure["status"], figure["kind"], figure["attachment"]) == (
        2000, "gt", "planned", "ai", "curated")
    located = next(f for f in table if f["metric"] == "located_in")
    assert located["object"]["iri"].endswith("/wuhu")  # the reference city, one IRI per real thing
    marked = suanli("query", "ASK { GRAPH ?g { ?d <https://w3id.org/suanli/ontology#curated> true } }", "--store", str(store),
                    "--format", "json", check=True)
    assert json.loads(marked.stdout)["boolean"] is True


@pytest.mark.parametrize(("content", "words"), [
    ("not json", "JSON"),
    ("[]", "non-empty"),
    ('[{"subject": {"label_zh": "X中心", "type": "Spaceship"}, "metric": "pue", "value": 1.2, "doc": "a"}]', "entity type"),
    ('[{"subject": {"label_zh": "X中心", "type": "Center"}, "metric": "pue", "value": "high", "doc": "a"}]', "number"),
    ('[{"subject": {"label_zh": "X中心", "type": "Center"}, "metric": "pue", "value": 1.2}]', "source"),
])
def test_bad_curated_facts_are_refused_with_one_line_and_nothing_written(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "facts.json"
    path.write_text(content, encoding="utf-8")
    result = suanli("ingest", "--facts", str(path), "--store", str(tmp_path / "s"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert not (tmp_path / "s").exists() or triple_count(tmp_path / "s") == 0  # checked before anything is written


def test_ingest_names_what_it_kept_aside(tmp_path: Path) -> None:
    doc = tmp_path / "bad.txt"
    doc.write_text("江城智算中心的PUE为0.8。", encoding="utf-8")
    result = suanli("ingest", str(doc), "--store", str(tmp_path / "s"), check=True)
    assert "kept aside" in result.stderr and "PUE" in result.stderr.upper()


def test_no_server_path_is_published(tmp_path: Path) -> None:
    docs = tmp_path / "secret-folder"
    shutil.copytree(CORPUS, docs)
    store = tmp_path / "s"
    suanli("ingest", str(docs), "--store", str(store), check=True)
    suanli("export", "--store", str(store), "--format", "nquads", "-o", str(tmp_path / "d.nq"), check=True)
    assert str(docs) not in (tmp_path / "d.nq").read_text(encoding="utf-8")
    (docs / "03_wuhu_zh.txt").write_text("芜湖数据中心集群规划标准机架20万架。", encoding="utf-8")
    again = suanli("ingest", str(docs), "--store", str(store), "--format", "json", check=True)
    assert "replaced" in {d["status"] for d in json.loads(again.stdout)}  # the same file is still known by its place


def test_a_curated_place_typed_otherwise_is_still_the_known_place(tmp_path: Path) -> None:
    facts = [{"subject": {"zh": "和林格尔新区", "en": "Horinger New Area", "type": "Park"}, "metric": "rack_count",
              "value": 150000, "unit": "racks", "comparator": "eq", "status": "actual", "source": {"url": "https://example.org/n"},
              "evidence": "an analyst's note"}]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(path), "--store", str(tmp_path / "s"), check=True)
    table = json.loads(suanli("facts", "--store", str(tmp_path / "s"), "--format", "json", check=True).stdout)
    assert [f["subject"]["iri"].rsplit("/", 1)[-1] for f in table] == ["horinger-new-area"]


def test_a_fact_a_changed_document_no_longer_states_leaves_nothing_in_the_summary(tmp_path: Path) -> None:
    """Its merged fact goes whole: before, its type came back alone (staged for a new quote, then re-added)."""
    page = tmp_path / "a.txt"
    page.write_text("甘肃庆阳数据中心集群算力规模达到5万P。", encoding="utf-8")
    store = LocalStore(tmp_path / "store")
    try:
        ingest([page], store=store, base=BASE)
        page.write_text("甘肃庆阳数据中心集群算力规模达到6万P。", encoding="utf-8")
        ingest([page], store=store, base=BASE)
        kept = _summary_triples(store)
        store.update(rebuild_update(BASE))
        assert kept == _summary_triples(store)
    finally:
        store.close()


def test_the_base_graphs_come_from_the_cache_as_built_and_say_when_a_store_lacks_them(tmp_path: Path,
                                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.pipeline import base as base_graphs

    monkeypatch.setenv("SUANLI_CACHE", str(tmp_path / "cache"))
    base_graphs.base_graphs.cache_clear()
    try:
        made = base_graphs.base_graphs(BASE)  # built, and written to the cache
        base_graphs.base_graphs.cache_clear()
        assert base_graphs.base_graphs(BASE) == made == tuple(base_graphs._build(BASE))  # read back: the same bytes
        store = LocalStore(None)
        assert not base_graphs.current(store, base=BASE)
        base_graphs.ensure_base_graphs(store, base=BASE)
        assert base_graphs.current(store, base=BASE)
        store.update(f"DELETE WHERE {{ GRAPH <{made[1][0]}> {{ <{made[1][0]}> <{SL.contentHash}> ?h }} }}")
        assert not base_graphs.current(store, base=BASE)  # an older edition, or none
    finally:
        base_graphs.base_graphs.cache_clear()


def test_the_summary_update_given_the_document_as_data_writes_what_the_store_would(tmp_path: Path) -> None:
    """`add_update(data=…)` runs the operations that read only the document in memory, and without `staged` facts
    names the document's merged facts instead of staging them: the same quads, terms as Oxigraph writes them (a value
    written "050000"), as the update that reads the stored document."""
    import pyoxigraph as ox

    from kg.graph.summary import add_update, scratch_graph_iri

    graph, doc, fact, entity = f"{BASE}graph/0001", f"{BASE}source/0001", f"{BASE}fact/0001", f"{BASE}wuhu-cluster"
    data = "\n".join([
        f'<{doc}> <{SL.contentHash}> "0001" .', f'<{doc}> <http://purl.org/dc/terms/identifier> "wuhu.txt" .',
        f"<{entity}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SL.Cluster}> .",
        f'<{entity}> <http://www.w3.org/2000/01/rdf-schema#label> "芜湖数据中心集群"@zh .',
        f"<{fact}> <{SL.subject}> <{entity}> .", f"<{fact}> <{SL.status}> <{SL.planned}> .",
        f"<{fact}> <http://www.w3.org/ns/prov#wasDerivedFrom> <{doc}> .", f"<{fact}> <{SL.metric}> <{SL.racks}> .",
        f'<{fact}> <{SL.value}> "050000"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        f"<{fact}> <{SL.comparator}> <{SL.eq}> .", f'<{fact}> <{SL.evidence}> "芜湖集群规划机架5万架。" .',
        f'<{fact}> <{SL.time}> "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> .']) + "\n"
    pending = scratch_graph_iri(BASE)
    dumps = []
    for given, staged in ((None, True), (data.encode("utf-8"), True), (data.encode("utf-8"), False)):
        store = LocalStore(None)
        store.replace(remove=[], add={graph: data}, then=add_update(BASE, graph, pending, data=given, staged=staged))
        dumps.append(sorted(store.dump(ox.RdfFormat.N_QUADS).splitlines()))
    assert any(f"{BASE}merged/".encode() in line for line in dumps[0])
    assert dumps[0] == dumps[1] == dumps[2]


def test_the_workers_share_of_the_summary_stores_what_the_writer_would_make(tmp_path: Path) -> None:
    """`reader.prepare` hands over the document's share of the summary for the graph it will be stored as; stored with
    it or with the writer making it, the same quads."""
    import dataclasses
    import hashlib

    import pyoxigraph as ox

    from kg.pipeline import reader
    from kg.pipeline.base import ensure_base_graphs
    from kg.pipeline.write import store_checked

    path = sorted(CORPUS.glob("*.txt"))[0]
    raw = path.read_bytes()
    prepared = reader.prepare((path, raw, BASE))
    assert prepared is not None and prepared[1].share is not None
    checked = prepared[1]
    dumps = []
    for given in (checked, dataclasses.replace(checked, share=None)):
        store = LocalStore(None)
        ensure_base_graphs(store, base=BASE)
        store_checked(store, given, base=BASE, content_hash=hashlib.sha256(raw).hexdigest())
        dumps.append(sorted(line for line in store.dump(ox.RdfFormat.N_QUADS).splitlines() if b"/graph/scratch/" not in line))
    assert any(f"{BASE}merged/".encode() in line for line in dumps[0])
    assert dumps[0] == dumps[1]
