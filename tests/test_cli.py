"""The command line by its conventions: --version, one line and exit 2 on every bad input, readable parser errors,
every query form, a fact table people can read in each script, dumps RDF people can read.

The stores are built from the few sentences below, written for these tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rich.cells import cell_len

from tests.conftest import start_oxigraph, stop, suanli

DOCUMENTS = {  # invented for these tests
    "a.txt": "庆阳数据中心集群计划新建标准机架3万架,到2027年建成后将服务西北地区的人工智能企业和科研机构的各类模型训练需求。\n"
             "庆阳数据中心集群属于甘肃枢纽。\n",
    "b.txt": "The Wuhu data center cluster now runs about 20,000 standard racks.\n"
             "Investment in the Wuhu data center cluster has passed 10 billion yuan.\n",
}
KEPT_ASIDE = "云岭智算中心的PUE为0.7。\n"  # a PUE below 1 breaks a shape
SL = "https://w3id.org/suanli/ontology#"


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory) -> Path:
    """Two small documents, nothing quarantined."""
    folder = tmp_path_factory.mktemp("cli-docs")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = folder / "store"
    suanli("ingest", str(folder / "a.txt"), str(folder / "b.txt"), "--store", str(store), "--jobs", "1", check=True)
    return store


@pytest.fixture(scope="module")
def store(clean_store: Path, tmp_path_factory) -> Path:
    """The same documents and one whose fact is kept aside."""
    folder = tmp_path_factory.mktemp("cli-kept")
    store = folder / "store"
    shutil.copytree(clean_store, store)
    (folder / "c.txt").write_text(KEPT_ASIDE, encoding="utf-8")
    suanli("ingest", str(folder / "c.txt"), "--store", str(store), "--jobs", "1", check=True)
    return store


def quads(store: Path) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=suanli("export", "--format", "nquads", "--store", str(store), check=True).stdout, format="nquads")
    return dataset


def graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def test_version() -> None:
    done = suanli("--version")
    assert done.returncode == 0 and done.stdout.startswith("suanli ")


@pytest.mark.parametrize(("args", "words"), [
    (("export", "--format", "turtle", "-o", "/nonexistent/dir/x.ttl"), "cannot write"),
    (("ask", ""), "empty"),
    (("query", "SELECT ?x WHERE { ?x a foo:Bar }"), "prefix 'foo:' is not declared"),
    (("query", "SELECT ?x WHERE { ?x a ?y . FILTE(?y) }"), "at 1:"),
    (("query", "CONSTRUCT WHERE { ?x a foo:Bar }"), "at 1:"),
    (("query", "DESCRIBE ?x WHERE {\n ?x a ?y . FILTE(?y) }"), "at 2:"),
    (("query", "CONSTRUCT WHERE { ?x a ?y }", "--format", "csv"), "builds a graph"),
    (("query", "DESCRIBE <https://w3id.org/suanli/resource/gansu-hub>", "--format", "tsv"), "builds a graph"),
    (("query", "SELECT * WHERE { ?x a ?y }", "--format", "nt"), "CONSTRUCT and DESCRIBE"),
    (("query", "SELECT * WHERE { ?x a ?y }", "--format", "xml"), "--format must be one of"),
    (("facts", "--metric", "racks"), "unknown metric 'racks'; choose one of area,"),
    (("facts", "--lang", "fr"), "--lang must be one of en, zh-Hans, zh-Hant"),
    (("quarantine", "list", "--lang", "de"), "--lang must be one of"),
    (("ingest", "--jobs", "-1", "x"), "--jobs"),
    (("load", "--jobs", "-1", "."), "--jobs"),
    (("ingest",), "--facts"),
    (("ingest", "--facts", "/nonexistent/facts.json"), "cannot read /nonexistent/facts.json"),
    (("load",), "name the directory"),
    (("query",), "give a query or --file"),
    (("query", "--file", "/nonexistent/q.rq"), "cannot read /nonexistent/q.rq"),
    (("ask",), "give a question or --batch"),
    (("ask", "--batch", "/nonexistent/q.txt"), "cannot read /nonexistent/q.txt"),
    (("ask", "哪个集群最大?", "--batch", "/nonexistent/q.txt"), "give a question or --batch"),
    (("validate", "--lang", "fr"), "--lang must be zh or en"),
    (("quarantine", "readmit", "--set", "value"), "--set takes FIELD=VALUE"),
    # what Click itself refuses is one line too, never its usage box
    (("facts", "--bogus"), "no such option: --bogus (see `suanli facts --help`)"),
    (("nosuch",), "no such command 'nosuch'"),
    (("serve", "--port", "abc"), "invalid value for '--port'"),
    (("facts", "extra"), "got unexpected extra argument(s) (extra)"),
])
def test_bad_input_is_one_line_and_exit_2(store: Path, args: tuple[str, ...], words: str) -> None:
    done = suanli(*args, "--store", str(store))
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert "Traceback" not in done.stderr and not done.stdout


@pytest.mark.parametrize(("args", "words"), [
    (("facts", "--store", "/nonexistent/store"), "no store at /nonexistent/store; run `suanli ingest` first"),
    (("serve", "--store", "/nonexistent/store"), "no store at /nonexistent/store"),
    (("facts", "--format"), "option '--format' requires an argument"),
    (("extract", "x.txt", "--out", "out", "--jobs", "-1"), "--jobs takes a number of processes, not -1"),
    (("extract", "x.txt", "--out", "out", "--scheduler", "tcp://127.0.0.1:8786"), "--scheduler goes with --engine dask"),
])
def test_a_missing_store_or_bad_option_is_one_line_and_exit_2(args: tuple[str, ...], words: str, tmp_path: Path) -> None:
    done = suanli(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()] and words in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_store_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a store", encoding="utf-8")
    for command in ("facts", "validate"):  # one opens read-only, one takes the lock to write
        done = suanli(command, "--store", str(tmp_path / "file"))
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
        assert done.stderr.startswith(f"suanli: cannot open the store {tmp_path / 'file'}")


def test_export_from_a_remote_store_is_refused_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SUANLI_ENDPOINT": "http://127.0.0.1:9/query", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "kg", "export", "-o", str(tmp_path / "x.ttl")], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 2 and done.stderr == "suanli: export needs the embedded store\n"


def test_bare_commands_show_their_help_and_exit_2() -> None:
    for args in ((), ("quarantine",)):
        done = suanli(*args)
        assert done.returncode == 2 and "Usage: suanli" in done.stdout + done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("command", "choices"), [
    ("facts", "json, csv, table  [default: table]"), ("export", "turtle, trig, nquads, jsonld"),
    ("ingest", "text, json  [default: text]"), ("validate", "text, json, turtle"),
])
def test_help_lists_the_choices_and_defaults_of_format(command: str, choices: str) -> None:
    text = " ".join(suanli(command, "--help", check=True).stdout.split())
    assert f"--format <str> output format: {' '.join(choices.split())}" in text


def test_an_unknown_metric_lists_every_choice(store: Path) -> None:
    line = suanli("facts", "--metric", "rack", "--store", str(store)).stderr
    assert all(code in line for code in ("rack_count", "computing_power", "renewable_share", "part_of", "operator"))


def test_construct_prints_turtle_with_prefixes(store: Path) -> None:
    sparql = f"PREFIX sl: <{SL}> CONSTRUCT {{ ?c sl:partOf ?h }} WHERE {{ ?c a sl:Cluster ; sl:partOf ?h }}"
    done = suanli("query", sparql, "--store", str(store), check=True)
    assert "@prefix sl: <https://w3id.org/suanli/ontology#>" in done.stdout
    assert "res:qingyang-data-center-cluster sl:partOf res:gansu-hub" in done.stdout
    assert len(Graph().parse(data=done.stdout, format="turtle")) >= 1


def test_describe_prints_n_triples_or_json_ld_and_all_forms_agree(store: Path) -> None:
    sparql = "DESCRIBE <https://w3id.org/suanli/resource/qingyang-data-center-cluster>"
    turtle = Graph().parse(data=suanli("query", sparql, "--store", str(store), check=True).stdout, format="turtle")
    nt = suanli("query", sparql, "--format", "nt", "--store", str(store), check=True).stdout
    assert all(line.endswith(" .") and line.startswith("<") for line in nt.splitlines())
    json_ld = suanli("query", sparql, "--format", "json", "--store", str(store), check=True).stdout
    assert "ns1:" not in json_ld and json.loads(json_ld)["@context"]["sl"] == SL
    assert len(turtle) > 3
    assert isomorphic(turtle, Graph().parse(data=nt, format="nt"))
    assert isomorphic(turtle, Graph().parse(data=json_ld, format="json-ld"))


def test_select_as_tsv_writes_terms_as_sparql_does(store: Path) -> None:
    sparql = (f"PREFIX sl: <{SL}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
              "SELECT ?c ?name ?n ?none WHERE { ?c a sl:Cluster ; rdfs:label ?name FILTER(LANG(?name) = 'en') "
              "BIND(STRLEN(?name) AS ?n) } ORDER BY ?c")
    lines = suanli("query", sparql, "--format", "tsv", "--store", str(store), check=True).stdout.splitlines()
    assert lines[0] == "?c\t?name\t?n\t?none"
    assert "<https://w3id.org/suanli/resource/qingyang-data-center-cluster>\t\"Qingyang data center cluster\"@en\t28\t" \
        in lines[1:]


def test_every_query_form_runs_on_a_remote_store_too(store: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(store, tmp_path / "copy")
    url, server = start_oxigraph(tmp_path / "copy")
    try:
        monkeypatch.setenv("SUANLI_ENDPOINT", url + "/query")
        built = suanli("query", f"CONSTRUCT {{ ?c a <{SL}Cluster> }} WHERE {{ ?c a <{SL}Cluster> }}", check=True).stdout
        assert "res:qingyang-data-center-cluster a sl:Cluster" in built
        rows = suanli("query", f"SELECT ?c WHERE {{ ?c a <{SL}Cluster> }}", "--format", "tsv", check=True).stdout
        assert "<https://w3id.org/suanli/resource/wuhu-data-center-cluster>" in rows.splitlines()
        bad = suanli("query", "CONSTRUCT WHERE { ?x a foo:Bar }")
        assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    finally:
        stop(server)


def test_ask_answers_true_or_false(store: Path) -> None:
    done = suanli("query", f"ASK {{ ?c a <{SL}Cluster> }}", "--store", str(store), check=True)
    assert done.stdout.strip() == "true"


@pytest.mark.parametrize(("needle", "subjects"), [
    ("WUHU", {"wuhu-data-center-cluster"}),
    ("慶陽", {"qingyang-data-center-cluster"}),  # traditional characters find a simplified label
    ("gansu-hub", {"qingyang-data-center-cluster"}),  # the related entity's IRI
    ("no-such-place", set()),
])
def test_facts_about_an_entity(store: Path, needle: str, subjects: set[str]) -> None:
    done = suanli("facts", "--entity", needle, "--format", "json", "--store", str(store), check=True)
    assert {f["subject"]["iri"].rsplit("/", 1)[-1] for f in json.loads(done.stdout)} == subjects
    assert ("no fact matches" in done.stderr) == (not subjects)


def test_facts_of_one_metric(store: Path) -> None:
    done = suanli("facts", "--metric", "rack_count", "--format", "json", "--store", str(store), check=True)
    table = json.loads(done.stdout)
    assert len(table) == 2 and {f["metric"] for f in table} == {"rack_count"}
    assert set(table[0]) >= {"subject", "metric", "value", "unit", "object", "comparator", "status", "time", "kind",
                             "source", "evidence"}


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Qingyang data center cluster", "30,000 racks", "rack count", "planned", "→ Gansu hub"]),
    ("zh-Hans", ["庆阳数据中心集群", "3万架", "机架数", "规划", "→ 甘肃枢纽", "芜湖数据中心集群", "100亿元"]),
    ("zh-Hant", ["慶陽數據中心集群", "3萬架", "機架數", "規劃", "→ 甘肅樞紐", "100億元"]),
])
def test_the_table_speaks_the_readers_script(store: Path, lang: str, words: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    table = suanli("facts", "--lang", lang, "--store", str(store), check=True).stdout
    assert all(word in table for word in words), table


@pytest.mark.parametrize("columns", [60, 100])
def test_the_table_fits_the_terminal(store: Path, columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for lang in ("en", "zh-Hans"):
        lines = suanli("facts", "--lang", lang, "--store", str(store), check=True).stdout.splitlines()
        assert len(lines) == 2 + 4 and all(cell_len(line) <= columns for line in lines)
        assert any("…" in line for line in lines)  # the evidence was cut, not wrapped


def test_facts_csv_carries_evidence_and_english_names(store: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(suanli("facts", "--format", "csv", "--store", str(store), check=True).stdout)))
    part = next(r for r in rows if r["metric"] == "part_of")
    assert (part["subject"], part["subject_en"], part["object"], part["object_en"]) == (
        "庆阳数据中心集群", "Qingyang data center cluster", "甘肃枢纽", "Gansu hub")
    assert part["evidence"].startswith("庆阳数据中心集群") and part["evidence"] in DOCUMENTS["a.txt"]
    assert part["file"] == "a.txt"
    assert part["subject_iri"].endswith("/qingyang-data-center-cluster")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_exports_parse_back_to_the_store_with_our_prefixes(store: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"dump.{fmt}"
    suanli("export", "--format", fmt, "-o", str(out), "--store", str(store), check=True)
    text = out.read_text(encoding="utf-8")
    assert "ns1:" not in text and not re.search(r"\bns\d+:", text)
    stored = quads(store)
    if fmt == "turtle":
        merged = Graph()
        for s, p, o, _ in stored.quads():
            merged.add((s, p, o))
        assert "@prefix sl: <https://w3id.org/suanli/ontology#> ." in text
        assert "@prefix res: <https://w3id.org/suanli/resource/> ." in text
        assert isomorphic(Graph().parse(data=text, format="turtle"), merged)
        return
    back = Dataset()
    back.parse(data=text, format="trig" if fmt == "trig" else "json-ld")
    want, got = graphs(stored), graphs(back)
    assert want.keys() == got.keys() and all(isomorphic(want[name], got[name]) for name in want)
    if fmt == "jsonld":
        assert json.loads(text)["@context"]["res"] == "https://w3id.org/suanli/resource/"


def test_turtle_groups_each_subject_once(store: Path) -> None:
    text = suanli("export", "--format", "turtle", "--store", str(store), check=True).stdout
    heads = [line.split(" ", 1)[0] for line in text.splitlines() if line and not line[0].isspace() and
             not line.startswith("@prefix")]
    assert heads and len(heads) == len(set(heads))
    assert "res:qingyang-data-center-cluster a sl:Cluster" in text


def test_trig_writes_one_block_per_graph_with_subjects_grouped(store: Path) -> None:
    text = suanli("export", "--format", "trig", "--store", str(store), check=True).stdout
    blocks = re.findall(r"^(<[^>]+>) \{\n(.*?)^\}", text, flags=re.M | re.S)
    assert len(blocks) == len({name for name, _ in blocks}) == len(graphs(quads(store)))
    for _, body in blocks:
        heads = [line.strip().split(" ", 1)[0] for line in body.splitlines() if re.match(r"^ {4}\S", line)]
        assert len(heads) == len(set(heads))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Yunling Intelligent Computing", "PUE", "0.7", "PUE lies between 1 and 3", "c.txt"]),
    ("zh-Hans", ["云岭智算中心", "PUE 必须在 1 到 3 之间", "原因"]),
    ("zh-Hant", ["雲嶺智算中心", "PUE 必須在 1 到 3 之間", "來源"]),
])
def test_quarantine_list_is_a_table(store: Path, lang: str, words: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    done = suanli("quarantine", "list", "--lang", lang, "--store", str(store), check=True)
    assert all(word in done.stdout for word in words), done.stdout
    assert len(done.stdout.splitlines()) == 3


def test_quarantine_list_json_for_machines(store: Path) -> None:
    listed = json.loads(suanli("quarantine", "list", "--format", "json", "--store", str(store), check=True).stdout)
    assert [(r["metric"], r["file"], r["quarantined"]) for r in listed] == [("pue", "c.txt", True)]


@pytest.mark.parametrize(("lang", "words"), [("en", "nothing is quarantined"), ("zh-Hans", "没有被隔离的事实")])
def test_an_empty_quarantine_says_so(clean_store: Path, lang: str, words: str) -> None:
    done = suanli("quarantine", "list", "--lang", lang, "--store", str(clean_store))
    assert done.returncode == 0 and done.stdout.strip() == words


def test_ingest_says_which_conflicts_it_found_in_text_and_json(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("庆阳数据中心集群已建成标准机架3万架。\n", encoding="utf-8")
    (docs / "b.txt").write_text("庆阳数据中心集群已建成标准机架4万架。\n", encoding="utf-8")
    done = suanli("ingest", str(docs / "a.txt"), "--store", str(tmp_path / "s"), check=True)
    assert done.stderr.strip() == "1 document (1 added); 1 fact read"
    done = suanli("ingest", str(docs / "b.txt"), "--store", str(tmp_path / "s"), "--format", "json", check=True)
    issues = json.loads(done.stdout)[0]["issues"]
    assert [i["severity"] for i in issues] == ["Warning"] and "30000" in issues[0]["message"]
    done = suanli("ingest", str(docs), "--store", str(tmp_path / "t"), check=True)
    lines = done.stderr.strip().splitlines()
    assert lines[-1] == "2 documents (2 added); 2 facts read; 1 warning (suanli validate)"
    assert lines[0].startswith("suanli: warning ") and "Conflicts with another source" in lines[0]
