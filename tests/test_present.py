"""One presenter: a figure reads the same in the CLI, in `/ask` and on the entity page, in each script."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from kg import present
from tests.conftest import start_service, stop, suanli

PFLOPS = "https://w3id.org/suanli/ontology#PFLOPS"


@pytest.mark.parametrize(("args", "expected"), [
    ((2.5e10, "CNY", "approx", "en"), "about CNY 25 billion"),
    ((2.5e10, "CNY", "approx", "zh-Hans"), "约250亿元"),
    ((2.5e10, "CNY", "approx", "zh-Hant"), "約250億元"),
    ((150000, PFLOPS, "gt", "en"), "more than 150,000 PFLOPS"),
    ((150000, PFLOPS, "gt", "zh-Hans"), "超过15万P"),
    ((8000, "racks", None, "zh-Hant"), "8000架"),
    ((1.2e7, "racks", "le", "en"), "at most 12 million racks"),
    ((3.5e6, "USD", None, "en"), "USD 3.5 million"),
])
def test_a_figure_in_each_script(args, expected) -> None:
    assert present.figure(*args) == expected


def test_shares_counts_and_qualifiers() -> None:
    assert present.figure(0.9, None, "gt", "en", metric="renewable_share") == "more than 90%"
    assert present.figure(1.0, None, None, "zh-Hans", metric="renewable_share") == "100%"
    assert present.figure(0.65, None, "ge", "zh-Hans", metric="utilization_rate") == "不低于65%"
    assert present.figure(1.25, None, None, "en", metric="pue") == "1.25"
    assert present.display({"iri": None, "label": "2", "value": 2, "unit": None}, "zh-Hant") == "2個"
    assert present.qualifiers("actual", "ai", "2024-06-30", "en") == "actual, AI, 2024"
    assert present.qualifiers("planned", "ai", "2025", "zh-Hant") == "2025年規劃智能算力"


@pytest.mark.parametrize(("change", "script", "expected"), [
    ({"field": "value", "original": 0.8}, "en", "corrected by Li Wei on 2025-06-01; originally 0.8"),
    ({"field": "value", "original": 0.8}, "zh-Hans", "由Li Wei于2025-06-01更正,原为0.8"),
    ({"field": "status", "original": "planned"}, "zh-Hant", "狀態由Li Wei於2025-06-01更正,原為規劃"),
    ({"field": "comparator", "original": "gt"}, "en", "comparator corrected by Li Wei on 2025-06-01; originally more than"),
    ({"field": "time", "original": None}, "zh-Hans", "时间由Li Wei于2025-06-01更正,原为无"),
])
def test_a_correction_says_who_when_and_what_it_was(change, script, expected) -> None:
    change = {**change, "who": "Li Wei", "when": "2025-06-01T08:30:00Z"}
    assert present.correction(change, script, metric="https://w3id.org/suanli/ontology#pue") == expected
    answer = {"iri": "x", "label": "庆阳数据中心集群", "value": 1.05, "unit": None, "corrections": [change]}
    assert present.display(answer, script, "pue").endswith(("(" if script == "en" else "(") + expected
                                                             + (")" if script == "en" else ")"))


def _store_of(tmp_path_factory, name: str, *documents: str) -> Path:
    """A real store ingested from documents written here, one file each (a.txt, b.txt, …)."""
    root = tmp_path_factory.mktemp(name)
    (root / "docs").mkdir()
    for letter, text in zip("abcdefgh", documents, strict=False):
        (root / "docs" / f"{letter}.txt").write_text(text + "\n", encoding="utf-8")
    suanli("ingest", str(root / "docs"), "--store", str(root / "store"), check=True)
    return root / "store"


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    return _store_of(tmp_path_factory, "present", "芜湖数据中心集群总投资约250亿元,已建成标准机架12万架。",
                     "长三角生态绿色一体化发展示范区数据中心集群规划机架6万架。")


QUESTIONS = [
    ("芜湖数据中心集群的总投资是多少?", "zh-Hans", "约250亿元", "250亿元"),
    ("蕪湖數據中心集群的總投資是多少?", "zh-Hant", "約250億元", "250億元"),
    ("What is the investment of the Wuhu data center cluster?", "en", "about CNY 25 billion", "CNY 25 billion"),
]


def test_the_cli_the_answer_api_and_the_page_word_a_figure_alike(small_store) -> None:
    url, proc = start_service(small_store)
    try:
        for question, script, answer_words, page_words in QUESTIONS:
            shown = suanli("ask", question, "--store", str(small_store), check=True).stdout
            served = httpx.get(url + "/ask", params={"q": question}, timeout=30).json()
            display = served["answers"][0]["display"]
            assert answer_words in display and display in shown
            assert served["script"] == script
            iri = served["answers"][0]["iri"]
            page = httpx.get(iri.replace("https://w3id.org/suanli", url), params={"lang": script},
                             headers={"Accept": "text/html"}, timeout=30).text
            assert page_words in page
    finally:
        stop(proc)


@pytest.mark.parametrize(("question", "words"), [
    ("长三角枢纽各集群的机架数合计是多少?", "不低于18万架(现有12万 + 规划6万)"),
    ("How many racks do the clusters of the Yangtze River Delta hub have in total?",
     "at least 180,000 racks (120,000 actual + 60,000 planned)"),
])
def test_a_sum_of_built_and_planned_racks_says_what_it_adds(small_store, question, words) -> None:
    result = json.loads(suanli("ask", question, "--store", str(small_store), "--format", "json", check=True).stdout)
    answer = result["answers"][0]
    assert answer["iri"] is None and answer["value"] == 180000 and answer["comparator"] == "ge"
    assert answer["display"] == words


@pytest.fixture(scope="module")
def disagreeing_store(tmp_path_factory) -> Path:
    return _store_of(tmp_path_factory, "conflict", "庆阳数据中心集群已建成标准机架3万架。", "庆阳数据中心集群已建成标准机架4万架。")


def test_figures_the_sources_disagree_on_are_shown_side_by_side_and_marked(disagreeing_store) -> None:
    result = json.loads(suanli("ask", "How many racks has the Qingyang cluster built?", "--store", str(disagreeing_store),
                               "--format", "json", check=True).stdout)
    [answer] = result["answers"]
    assert answer["value"] == 40000 and answer["conflict"] and answer["conflicts"][0]["value"] == 30000
    assert answer["display"].endswith("(sources disagree: 30,000 racks in a.txt)")
    assert {e["source"] for e in result["evidence"]} == {"a.txt", "b.txt"}
    url, proc = start_service(disagreeing_store)
    try:
        page = httpx.get(url + "/resource/qingyang-data-center-cluster", params={"lang": "zh-Hant"},
                         headers={"Accept": "text/html"}, timeout=30).text
        assert page.count("來源不一致") == 2 and "另一來源為" in page and "3萬架" in page and "4萬架" in page
    finally:
        stop(proc)


def test_the_validation_report_is_a_page_json_or_turtle_by_negotiation(disagreeing_store) -> None:
    from rdflib import Graph
    from rdflib.namespace import SH

    url, proc = start_service(disagreeing_store)
    try:
        data = httpx.get(url + "/validation", timeout=30).json()
        assert data["conforms"] and [r["severity"] for r in data["results"]] == ["Warning"]
        for lang, words in (("zh-Hant", ("校驗報告", "警告", "慶陽數據中心集群", "與其他來源衝突")),
                            ("en", ("Validation report", "warning", "Qingyang data center cluster", "Conflicts with another source")),
                            ("zh-Hans", ("校验报告", "警告", "庆阳数据中心集群", "与其他来源冲突"))):
            page = httpx.get(url + "/validation", params={"lang": lang}, headers={"Accept": "text/html"}, timeout=30).text
            assert all(w in page for w in words), lang
        turtle = httpx.get(url + "/validation", headers={"Accept": "text/turtle"}, timeout=30)
        assert turtle.headers["content-type"].startswith("text/turtle") and "ns1:" not in turtle.text
        assert len(list(Graph().parse(data=turtle.text, format="turtle").subjects(None, SH.ValidationResult))) == 1
    finally:
        stop(proc)
