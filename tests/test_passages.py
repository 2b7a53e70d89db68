"""Answers read from a page's own sentences when no fact holds them: the passages ingest keeps, and the question
layer's fallback over them (kg.qa.passages). The page is ours, written for these tests."""

from __future__ import annotations

import json

import pytest

from extract import read
from kg import present
from kg.graph.rdf import document_graph
from kg.graph.store import LocalStore
from kg.qa.ask import ask
from tests.conftest import suanli

PAGE = """芜湖数据中心集群新进展

2025年5月,芜湖数据中心集群的一期工程完成验收,集群内共建成12栋机房楼。
芜湖数据中心集群的液冷设备占比达到四成。
芜湖数据中心集群全年有150天可以利用自然冷源降温。
芜湖数据中心集群的标准机架达到5万架。
芜湖数据中心集群的首个调度平台在江北新区算力产业园上线试运行。
当天的天气十分晴朗。
The Wuhu data center cluster hosts a training platform for large language models.
"""
SL = "https://w3id.org/suanli/ontology#"


def _ingested(tmp_path_factory, name: str, text: str):
    """A store holding one page, ingested through the CLI."""
    folder = tmp_path_factory.mktemp(name)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = folder / "store"
    suanli("ingest", str(folder / f"{name}.txt"), "--store", str(store), check=True)
    return store


@pytest.fixture(scope="module")
def page_store(tmp_path_factory):
    return _ingested(tmp_path_factory, "wuhu", PAGE)


def _ask(store, question: str) -> dict:
    return json.loads(suanli("ask", question, "--store", str(store), "--format", "json", check=True).stdout)


# ------------------------------------------------------------------ the passages ingest keeps
def test_a_reading_keeps_the_sentences_that_name_what_it_resolved() -> None:
    passages = read(PAGE.encode()).passages
    texts = [p.text for p in passages]
    assert any("150天" in t for t in texts)
    assert not any("天气" in t for t in texts)  # names nothing
    assert all(p.entities for p in passages)
    assert {p.lang for p in passages} == {"zh-Hans", "en"}


def test_a_traditional_sentence_is_tagged_zh_hant() -> None:
    passages = read("蕪湖數據中心集群全年有150天可以利用自然冷源降溫。".encode()).passages
    assert [p.lang for p in passages] == ["zh-Hant"]


def test_the_document_graph_holds_each_passage_once_with_its_mentions() -> None:
    graph = document_graph(read(PAGE.encode()), base="https://w3id.org/suanli/resource/", content_hash="0" * 64,
                           file_name="wuhu.txt", path="wuhu.txt")
    rows = list(graph.query(f"SELECT ?p ?text ?e WHERE {{ ?p a <{SL}Passage> ; <{SL}text> ?text ; <{SL}mentions> ?e }}"))
    assert rows and all(row.text.language in ("zh-Hans", "en") for row in rows)
    assert len({str(row.text) for row in rows}) == len({row.p for row in rows})
    assert any(str(row.e).endswith("wuhu-data-center-cluster") for row in rows)


def test_passages_conform_and_stay_out_of_the_summary_graph(page_store) -> None:
    assert suanli("validate", "--store", str(page_store)).returncode == 0
    store = LocalStore(page_store, read_only=True)
    try:
        everywhere = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?p a <{SL}Passage> }} }}").rows
        summary = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?p a <{SL}Passage> }} "
                               f"FILTER(STRENDS(STR(?g), 'summary')) }}").rows
    finally:
        store.close()
    assert int(everywhere[0]["n"]["value"]) >= 5 and int(summary[0]["n"]["value"]) == 0


# ------------------------------------------------------------------ answers read from them
@pytest.mark.parametrize(("question", "value", "unit"), [
    ("芜湖数据中心集群建成了几栋机房楼?", 12, None),  # counted in the question's measure word
    ("蕪湖數據中心集群一年有多少天可以利用自然冷源?", 150, None),
    ("芜湖数据中心集群的液冷设备占比是多少?", 0.4, None),  # a share, parsed as facts' shares are
])
def test_a_number_no_fact_holds_is_read_from_its_sentence(page_store, question, value, unit) -> None:
    result = _ask(page_store, question)
    assert [(a["value"], a["unit"]) for a in result["answers"]] == [(value, unit)]
    answer = result["answers"][0]
    assert answer["source"] == "text" and result["source"] == "text" and answer["passage"]
    assert result["evidence"][0]["source"] == "wuhu.txt"
    assert "Passage" in result["sparql"] or "sl:mentions" in result["sparql"]
    assert "原文" in result["interpretation"]  # said in the question's language
    assert answer["passage"] in answer["display"] or present.in_script(answer["passage"], "zh-Hant") in answer["display"]


def test_an_entity_of_the_asked_type_is_read_from_the_sentence(page_store) -> None:
    result = _ask(page_store, "芜湖数据中心集群的调度平台是在哪个园区上线的?")
    assert [a["label"] for a in result["answers"]] == ["江北新区算力产业园"]
    assert result["answers"][0]["source"] == "text"


def test_yes_when_a_sentence_carries_the_claim_and_never_no_from_silence(page_store) -> None:
    yes = _ask(page_store, "Does the Wuhu data center cluster host a training platform for large language models?")
    assert yes["boolean"] is True and yes["source"] == "text"
    assert "read from the text" in yes["interpretation"]
    unknown = _ask(page_store, "芜湖数据中心集群是否建有海底机房?")
    assert unknown["boolean"] is None and unknown["answers"] == []


def test_a_question_a_fact_answers_is_answered_by_the_fact(page_store) -> None:
    result = _ask(page_store, "芜湖数据中心集群有多少标准机架?")
    assert [(a["value"], a["unit"]) for a in result["answers"]] == [(50000, "racks")]
    assert "source" not in result and "source" not in result["answers"][0]


# ------------------------------------------------------------------ across languages
@pytest.mark.parametrize(("question", "label", "value"), [
    # an English question, a Chinese sentence: 建成 and 一期 found through the bilingual words; counted in 栋
    ("How many buildings were completed in the Wuhu data center cluster's first phase?", "12 buildings", 12),
    ("What share of the Wuhu data center cluster's equipment is liquid-cooled?", "40%", 0.4),  # 设备, 液冷
    # an entity answer across languages shares three words (首个, 平台, 上线), and is labelled in English
    ("Which park did the Wuhu data center cluster launch its first scheduling platform in?",
     "Jiangbei New Area Computing Industrial Park", None),
])
def test_an_english_question_is_answered_from_a_chinese_sentence(page_store, question, label, value) -> None:
    result = _ask(page_store, question)
    assert [(a["label"], a.get("value")) for a in result["answers"]] == [(label, value)]
    assert result["source"] == "text" and "read from the text" in result["interpretation"]
    assert any("\u4e00" <= c <= "\u9fff" for c in result["answers"][0]["passage"])


def test_a_chinese_question_is_answered_from_an_english_sentence(page_store) -> None:
    result = _ask(page_store, "芜湖数据中心集群是否有训练平台?")  # 训练 → training, 平台 → platform
    assert result["boolean"] is True and result["source"] == "text"


def test_two_translated_words_answer_no_company_or_park(page_store) -> None:
    # 平台 and 产业园 are shared only through translation: enough for a number whose unit fits, not for an entity
    result = _ask(page_store, "Which park hosts the Wuhu data center cluster's platform?")
    assert "source" not in result and all(a.get("source") != "text" for a in result["answers"])


@pytest.mark.parametrize("question", [
    "芜湖数据中心集群有多少个篮球场?",  # no sentence shares its words
    "How many days a year can the Wuhu data center cluster be cooled by outside air?",  # none in either language
    "一年有多少天可以利用自然冷源?",  # no entity named
])
def test_no_shared_words_no_entity_no_answer(page_store, question) -> None:
    result = _ask(page_store, question)
    assert result["answers"] == [] and result["boolean"] is None and "source" not in result


@pytest.mark.parametrize("question", [
    "芜湖数据中心集群\" } DROP ALL ; # 有多少天?", "芜湖数据中心集群> } ; DELETE WHERE {?s ?p ?o} 几栋?",
    "Does the Wuhu data center cluster <script>alert(1)</script> host?", "芜湖数据中心集群" * 300 + "几栋?",
])
def test_hostile_questions_fail_closed_and_leave_the_store_alone(page_store, question) -> None:
    store = LocalStore(page_store, read_only=True)
    try:
        before = store.count()
        result = ask(question, store=store)
        assert store.count() == before
    finally:
        store.close()
    assert set(result) >= {"question", "answers", "boolean", "sparql", "evidence", "interpretation"}
    for answer in result["answers"]:
        assert answer.get("source") in (None, "text")


# ------------------------------------------------------------------ a facility described, long claims, plans
GREEN_PAGE = """Green computing in Zhongwei

China Telecom switched on an AI data center in Zhongwei this week, reaching a PUE of 1.18.
Zhongwei now hosts a computing facility running fully on wind and solar electricity.
China Telecom will open a liquid-cooled hall in Lanzhou next year.
中卫的算力枢纽面向未来建成了液冷机房。
Zhongwei's computing power reached 8000P this spring, and AI computing made up 60% of it.
"""


@pytest.fixture(scope="module")
def green_store(tmp_path_factory):
    return _ingested(tmp_path_factory, "green", GREEN_PAGE)


def test_a_metric_asked_by_what_of_a_facility_described_by_owner_and_place(green_store) -> None:
    # "What PUE": a figure's metric asked without how much; the owner and the place describe one facility, so the
    # sentence need not name both (it names the place)
    result = _ask(green_store, "What PUE does China Telecom's AI data center in Zhongwei reach?")
    assert [a["value"] for a in result["answers"]] == [1.18]


def test_a_long_claim_is_yes_on_two_thirds_of_its_words_but_not_from_a_plan(green_store) -> None:
    yes = _ask(green_store, "Is Zhongwei's new facility supplied fully with wind and solar electricity?")
    assert yes["boolean"] is True and yes["source"] == "text"
    plan = _ask(green_store, "Does China Telecom run a liquid-cooled hall in Lanzhou?")  # "will open": no yes
    assert plan["boolean"] is None


def test_weilai_is_no_negation(green_store) -> None:
    result = _ask(green_store, "中卫是否建成了液冷机房?")  # 面向未来: the future, not 未 (not yet)
    assert result["boolean"] is True


def test_a_share_asked_is_no_figure_in_a_unit(green_store) -> None:
    # the graph may hold Zhongwei's computing power in PFLOPS: a share is asked, so the sentence's 60% answers
    result = _ask(green_store, "What share of Zhongwei's computing power is AI computing?")
    assert [(a["value"], a["unit"]) for a in result["answers"]] == [(0.6, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials expect the site to carry roughly half the region's load", [(0.5, "approx")]),
    ("More than half of its racks are rented", [(0.5, "gt")]),
    ("全区已有半数数据中心完成改造", [(0.5, "eq")]),
    ("新增算力过半来自智算", [(0.5, "gt")]),
    ("Work resumes in the first half of next year", []),
])
def test_a_share_said_as_half_is_read_as_one(text, expected) -> None:
    from kg.qa.passages import _numbers
    assert [(value, comparator) for _, value, _, comparator in _numbers(text, ("family", "percent"))] == expected


def test_a_share_asked_is_answered_by_half_in_words(tmp_path) -> None:
    (tmp_path / "p.txt").write_text("Alibaba opens data centers in Ulanqab\n\nAlibaba has opened two data centers in Ulanqab, "
                                    "Inner Mongolia.\n\nOfficials expect the Ulanqab centers to carry more than half of "
                                    "Alibaba's storage workload.\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    result = _ask(tmp_path / "store", "What share of Alibaba's storage workload will the Ulanqab centers carry?")
    assert [(a["value"], a["comparator"]) for a in result["answers"]] == [(0.5, "gt")]
