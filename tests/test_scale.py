"""News scale: `extract` without a store (local processes or a Dask cluster), then `load` into the same store as ingest."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from tests.conftest import CORPUS, start_oxigraph, stop, suanli

BASE = "https://w3id.org/suanli/resource/"
OWN = {  # two sources that disagree (a conflict to report), one that repeats a figure, one with a figure to keep aside
    "a_wuhu.txt": "芜湖数据中心集群规划标准机架5万架。芜湖数据中心集群总投资超过800亿元。",
    "b_wuhu.txt": "芜湖数据中心集群规划标准机架8万架。",
    "c_qingyang.txt": "庆阳数据中心集群可再生能源占比超过90%。庆阳数据中心集群规划标准机架5万架。",
    "d_pue.txt": "庆阳数据中心集群PUE为0.5,算力规模达到5万P。",
}


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus and a few documents of our own, in one directory."""
    folder = tmp_path_factory.mktemp("docs") / "docs"
    shutil.copytree(CORPUS, folder)
    for name, text in OWN.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extracted(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("extracted") / "out"
    suanli("extract", str(docs), "--out", str(out), "--jobs", "2", check=True)
    return out


@pytest.fixture(scope="module")
def ingested(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("ingested") / "store"
    suanli("ingest", str(docs), "--store", str(store), "--jobs", "2", check=True)
    return store


def dump(store: Path) -> bytes:
    target = Path(str(store) + ".nq")
    suanli("export", "--store", str(store), "--format", "nquads", "-o", str(target), check=True)
    return target.read_bytes()


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def quads_of(data: bytes) -> Iterator[ox.Quad]:
    return ox.parse(data, format=ox.RdfFormat.N_QUADS)


def test_extract_writes_the_graphs_ingest_stores(docs: Path, extracted: Path, ingested: Path) -> None:
    stored: dict[str, set[ox.Quad]] = {}
    for quad in quads_of(dump(ingested)):  # a quarantined fact is part of the document as extracted
        name = quad.graph_name.value.replace(f"{BASE}quarantine/", f"{BASE}graph/")
        stored.setdefault(name, set()).add(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(name)))
    graphs = sorted(extracted.glob("*.nq"))
    assert len(graphs) == len(list(docs.iterdir())) and len(list(extracted.glob("*.jsonl"))) == len(graphs)
    for path in graphs:
        quads = set(quads_of(path.read_bytes()))
        (name,) = {q.graph_name.value for q in quads}
        assert name == f"{BASE}graph/{path.stem}"
        assert quads == stored[name]


def test_extracted_facts_are_the_contracts_facts(extracted: Path, ingested: Path) -> None:
    def key(fact: dict) -> tuple:
        return (fact["subject"]["iri"], fact["metric"], fact["value"], fact["unit"], (fact["object"] or {}).get("iri"),
                fact["comparator"], fact["status"], fact["kind"], fact["time"], fact["source"]["iri"], fact["evidence"])

    lines = [json.loads(line) for path in extracted.glob("*.jsonl") for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines and all(set(f) >= {"subject", "metric", "value", "unit", "object", "source", "evidence"} for f in lines)
    assert all(f["subject"]["label_zh"] and f["subject"]["label_en"] and f["subject"]["type"] for f in lines)
    kept_aside = [f for f in lines if f["metric"] == "pue" and f["value"] == 0.5]
    assert len(kept_aside) == 1  # extracted like any other; validation, at ingest or load, keeps it from being served
    lines = [f for f in lines if f not in kept_aside]
    served = json.loads(suanli("facts", "--store", str(ingested), "--format", "json", check=True).stdout)
    assert sorted(map(key, lines)) == sorted(map(key, served))


def test_extract_again_skips_every_document(docs: Path, extracted: Path) -> None:
    before = files_of(extracted)
    again = suanli("extract", str(docs), "--out", str(extracted), "--format", "json", check=True)
    assert {d["status"] for d in json.loads(again.stdout)} == {"unchanged"}
    assert files_of(extracted) == before


def test_dask_on_two_worker_processes_writes_the_same_files_as_local(docs: Path, extracted: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, processes=True, host="127.0.0.1", threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        result = suanli("extract", str(docs), "--out", str(out), "--engine", "dask",
                        "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert files_of(out) == files_of(extracted)


def test_load_gives_the_store_ingest_gives_and_a_second_load_changes_nothing(extracted: Path, ingested: Path,
                                                                              tmp_path: Path) -> None:
    store = tmp_path / "loaded"
    first = suanli("load", str(extracted), "--store", str(store), check=True)
    assert "warning" in first.stderr  # the two Wuhu figures disagree, as ingest says
    assert "kept aside" in first.stderr  # and the PUE of 0.5 goes to quarantine
    loaded = dump(store)
    assert loaded == dump(ingested)
    again = suanli("load", str(extracted), "--store", str(store), "--format", "json", check=True)
    assert {d["status"] for d in json.loads(again.stdout)} == {"unchanged"}
    assert dump(store) == loaded


def test_load_into_an_oxigraph_server_gives_the_store_ingest_gives(extracted: Path, ingested: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    expected = set(quads_of(dump(ingested)))  # before the remote store is named: export would read it
    url, server = start_oxigraph(tmp_path / "server")
    try:
        monkeypatch.setenv("SUANLI_ENDPOINT", f"{url}/query")
        monkeypatch.setenv("SUANLI_UPDATE_ENDPOINT", f"{url}/update")
        first = suanli("load", str(extracted), "--jobs", "2", check=True)
        assert "warning" in first.stderr and "kept aside" in first.stderr  # as the embedded load says

        def held() -> set[ox.Quad]:
            response = httpx.get(f"{url}/store", headers={"Accept": "application/n-quads"}, timeout=60)
            assert response.status_code == 200, response.text
            return set(quads_of(response.content))

        loaded = held()
        assert loaded == expected
        again = suanli("load", str(extracted), "--format", "json", check=True)
        assert {d["status"] for d in json.loads(again.stdout)} == {"unchanged"}
        assert held() == loaded
    finally:
        stop(server)


def test_load_into_an_unreachable_remote_store_is_one_line_and_exit_2(extracted: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUANLI_ENDPOINT", "http://127.0.0.1:9/query")
    one_line_exit_2(suanli("load", str(extracted)), "cannot reach the remote store")


def test_load_over_an_ingested_store_adds_only_new_documents_and_replaces_changed_ones(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("芜湖数据中心集群规划标准机架5万架。", encoding="utf-8")
    store, twin = tmp_path / "s", tmp_path / "twin"
    for target in (store, twin):
        suanli("ingest", str(docs), "--store", str(target), check=True)
    (docs / "a.txt").write_text("芜湖数据中心集群规划标准机架6万架。", encoding="utf-8")
    (docs / "b.txt").write_text("庆阳数据中心集群可再生能源占比超过90%。", encoding="utf-8")
    suanli("extract", str(docs), "--out", str(tmp_path / "out"), check=True)
    loaded = suanli("load", str(tmp_path / "out"), "--store", str(store), "--format", "json", check=True)
    assert sorted(d["status"] for d in json.loads(loaded.stdout)) == ["added", "replaced"]
    suanli("ingest", str(docs), "--store", str(twin), check=True)
    assert dump(store) == dump(twin)


def one_line_exit_2(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, extracted: Path) -> None:
    store = str(tmp_path / "s")
    one_line_exit_2(suanli("load", str(tmp_path / "missing"), "--store", store), "no such directory")
    one_line_exit_2(suanli("extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o")), "no such file")
    one_line_exit_2(suanli("extract", str(CORPUS), "--out", str(tmp_path / "o"), "--engine", "spark"), "unknown engine")
    one_line_exit_2(suanli("extract", str(CORPUS), "--out", str(tmp_path / "o"), "--engine", "dask"), "--scheduler")
    one_line_exit_2(suanli("extract", str(CORPUS)), "--out")
    mixed = tmp_path / "mixed"
    shutil.copytree(extracted, mixed)
    (mixed / "notes.txt").write_text("not a graph", encoding="utf-8")
    one_line_exit_2(suanli("load", str(mixed), "--store", store), "notes.txt", "N-Quads")
    (mixed / "notes.txt").unlink()
    (mixed / "broken.nq").write_text("<a> <b> .\n", encoding="utf-8")
    one_line_exit_2(suanli("load", str(mixed), "--store", store), "broken.nq", "not N-Quads")
    assert not Path(store).exists() or not list(Path(store).iterdir()) or _documents(Path(store)) == 0


def _documents(store: Path) -> int:
    out = suanli("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/suanli/ontology#SourceDocument> } }",
                 "--store", str(store), "--format", "json", check=True)
    return int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])


def test_a_binary_document_leaves_no_half_written_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(OWN["a_wuhu.txt"], encoding="utf-8")
    (docs / "z.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    one_line_exit_2(suanli("extract", str(docs), "--out", str(out), "--jobs", "1"), "SL-E001")
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.startswith(".")]  # no temporary file left
    assert {Path(n).stem for n in names if n.endswith(".nq")} == {Path(n).stem for n in names if n.endswith(".jsonl")}
