"""Entity names and figures on the ways real news writes them (issue 15): each rule with a sentence of our own."""

from __future__ import annotations

import pytest

from extract import read


def _figures(text: str) -> list[tuple[str, str, float]]:
    return [(f.subject.en, f.metric, f.value) for f in read(text).facts if f.value is not None]


UNIT_DEFINITIONS = [
    ("The Tianhe-2 system peaks at 33.86 petaflops; 1,000 TFLOPS is equal to a single PFLOPS.",
     [("Tianhe-2", "computing_power", 33.86)]),
    ("南京智算中心算力达到800P,1E算力约等于1000P的规模。", [("Nanjing Intelligent Computing Center", "computing_power", 800)]),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_DEFINITIONS)
def test_a_round_figure_that_explains_a_unit_is_no_fact(text: str, expected: list) -> None:
    assert _figures(text) == [(s, m, pytest.approx(v)) for s, m, v in expected]


def test_a_counted_noun_does_not_reach_across_a_comma() -> None:
    facts = _figures("到2027年,张家口市服务器规模将达到300万台,数据中心绿电使用率超过80%。")
    assert not [f for f in facts if f[1] == "datacenter_count"]
    assert [f for f in _figures("芜湖数据中心集群已建成数据中心12个。") if f[1] == "datacenter_count"]


PERSONS = [
    # a place's name as a person's given name, after a common surname
    ("Institute director Liu Zhongwei said the Tianhe-2 system fills 125 cabinets.", {"Tianhe-2"}),
    ("公司总经理王中卫表示,项目已建成机架1万架。", set()),
    # the same place, not after a surname
    ("宁夏中卫市发改委介绍,中卫数据中心集群已建成机架5万架。", {"Zhongwei data center cluster"}),
]


@pytest.mark.parametrize(("text", "subjects"), PERSONS)
def test_a_place_inside_a_personal_name_is_no_place(text: str, subjects: set) -> None:
    facts = read(text).facts
    assert {f.subject.en for f in facts if f.value is not None} == subjects
    if not subjects or "Tianhe-2" in subjects:
        assert not [f for f in facts if f.subject.en == "Zhongwei" or (f.object and f.object.en == "Zhongwei")]


def test_a_known_supercomputer_gives_its_figures_the_hpc_kind() -> None:
    fact = next(f for f in read("The Tianhe-2 system reaches a peak of 54.9 petaflops.").facts if f.value is not None)
    assert (fact.subject.en, fact.kind) == ("Tianhe-2", "hpc")


WHOLES = [
    # the province the document is about, not a center listed before it
    ("贵州省加快建设算力。华为云、腾讯数据中心等陆续投运,目前,全省建成数据中心30个,算力规模超过20EFLOPS。",
     {("Guizhou", "datacenter_count", 30), ("Guizhou", "computing_power", 20000)}),
    # the country: nowhere
    ("南京智算中心已经投运。截至去年底,全国在用数据中心机架超过900万标准机架。", set()),
    ("Nanjing Intelligent Computing Center opened. By 2025, China's computing power will exceed 300 EFLOPS.", set()),
    # a whole inside a clause is no subject (服务全省, 我国首个)
    ("芜湖智算中心服务全省,规划建设2000P智算能力。", {("Wuhu Intelligent Computing Center", "computing_power", 2000)}),
    ("Qingyang is one of the country's leading hubs, with over 300 digital enterprises.", {("Qingyang", "enterprise_count", 300)}),
]


@pytest.mark.parametrize(("text", "expected"), WHOLES)
def test_a_figure_for_a_whole_goes_to_that_whole_or_nowhere(text: str, expected: set) -> None:
    assert {(s, m, v) for s, m, v in _figures(text)} == expected


def _phase_facts(text: str) -> set[tuple]:
    return {(f.subject.en, f.metric, f.value if f.object is None else f.object.en) for f in read(text).facts
            if f.metric != "located_in"}


def test_a_phase_after_a_project_name_is_a_part_of_it_and_holds_its_figures() -> None:
    assert _phase_facts("庆阳云数据中心项目一期已建成机架8000架。") == {
        ("Qingyang Cloud Data Center phase 1", "rack_count", 8000),
        ("Qingyang Cloud Data Center phase 1", "part_of", "Qingyang Cloud Data Center")}


def test_a_phase_written_alone_is_one_of_the_project_named_first_in_its_sentence() -> None:
    facts = _phase_facts("庆阳云数据中心是庆阳数据中心集群的骨干项目,总投资50亿元,二期项目占地约150亩。")
    assert ("Qingyang Cloud Data Center", "investment", 5e9) in facts
    assert ("Qingyang Cloud Data Center phase 2", "part_of", "Qingyang Cloud Data Center") in facts
    assert any(s == "Qingyang Cloud Data Center phase 2" and m == "area" for s, m, _ in facts)


def test_an_english_stage_keeps_its_word_and_a_later_bare_stage_is_the_same_phase() -> None:
    facts = _phase_facts("Stage I of Lanzhou Mobile Data Center was completed last year. Stage I holds 6,000 racks.")
    assert facts == {("Lanzhou Mobile Data Center Stage I", "rack_count", 6000),
                     ("Lanzhou Mobile Data Center Stage I", "part_of", "Lanzhou Mobile Data Center")}


def test_a_phase_keeps_the_project_s_place_and_says_its_stage() -> None:
    facts = read("芜湖大数据产业园二期规划机架2万架。").facts
    assert {(f.subject.en, f.object.en) for f in facts if f.metric == "located_in"} == {("Wuhu Big Data Industrial Park", "Wuhu")}
    assert next(f for f in facts if f.metric == "rack_count").status == "planned"


HEADS = [
    # Chinese ends a phrase in its head: firms of data centers are firms
    ("中卫市已汇聚数据中心企业30家。", [("Zhongwei", "enterprise_count", 30)]),
    ("中卫市已建成12个数据中心。", [("Zhongwei", "datacenter_count", 12)]),
    # English opens with it: the racks in data centers are racks
    ("In Zhongwei, the count of server racks across local data centres should reach 300,000 by 2027.",
     [("Zhongwei", "rack_count", 300000)]),
]


@pytest.mark.parametrize(("text", "expected"), HEADS)
def test_a_count_is_of_the_head_noun_of_its_phrase(text: str, expected: list) -> None:
    assert _figures(text) == [(s, m, pytest.approx(v)) for s, m, v in expected]


def test_an_anaphor_takes_up_the_project_just_named_not_the_main_one() -> None:
    text = ("武威智算中心已投运,武威智算中心算力达到500P。武威智算中心旁边,是在建的庆阳云数据中心。"
            "据负责人介绍,该项目总投资20亿元。")
    facts = _figures(text)
    assert ("Qingyang Cloud Data Center", "investment", 2e9) in facts
    assert ("Wuwei Intelligent Computing Center", "computing_power", 500) in facts


CLAUSE_SUBJECTS = [
    # a name after 作为 describes the subject that follows
    ("作为宁夏枢纽的重要组成,中卫市近年来先后建成数据中心15个。", [("Zhongwei", "datacenter_count", 15)]),
    # a name opening the figure's own clause is its subject, over a project named in an earlier clause
    ("庆阳市全力建设庆阳数据中心集群,庆阳市已位列全国算力城市第12位。", [("Qingyang", "rank", 12)]),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_SUBJECTS)
def test_the_subject_is_the_name_the_figure_s_clause_is_about(text: str, expected: list) -> None:
    assert _figures(text) == [(s, m, pytest.approx(v)) for s, m, v in expected]


def test_other_english_spellings_of_a_hub_city_are_that_city() -> None:
    for spelling in ("Ulaanqab", "Wulanchabu"):
        facts = _figures(f"Data centers in {spelling} now hold 30,000 racks.")
        assert facts == [("Ulanqab", "rack_count", 30000)]


def test_a_cloud_base_is_a_park_name() -> None:
    facts = read("中卫云基地已建成机架5万架。").facts
    assert [(f.subject.zh, f.subject.type, f.value) for f in facts if f.value is not None] == [("中卫云基地", "Park", 50000)]


def test_the_size_of_computing_power_takes_the_kind_of_the_center() -> None:
    facts = [f for f in read("江城智算中心算力规模达到120P。").facts if f.metric == "computing_power"]
    assert [(f.value, f.kind) for f in facts] == [(120, "ai")]


def test_a_latency_is_the_origin_s() -> None:
    facts = _figures("The latency from Zhongwei to Beijing is 18 milliseconds and to Xi'an 12 milliseconds.")
    assert facts == [("Zhongwei", "latency", 18), ("Zhongwei", "latency", 12)]
    assert _figures("从庆阳到西安的网络时延仅为5毫秒。") == [("Qingyang", "latency", 5)]


def test_the_rest_of_a_unit_written_apart_does_not_hide_the_kind() -> None:
    facts = [f for f in read("江城智算中心规划建设4000P Flops通用算力。").facts if f.metric == "computing_power"]
    assert [(f.value, f.kind) for f in facts] == [(4000, "general")]


NOT_COUNTS = [
    "庆阳云数据中心将新建4千瓦标准机架", "贵安超算中心累计提供算力约1500万卡时。", "这家企业用了40天让中卫数据中心集群的首台服务器上线。",
    "中卫数据中心集群当年还只有一家本地企业。", "The Zhongwei cluster ranks among the top 3 data centers in the west.",
    "The Wuhu Big Data Industrial Park turns out 20,000 cabinets annually.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_a_rate_a_rank_a_duration_or_an_article_counts_nothing(text: str) -> None:
    assert not [f for f in _figures(text) if f[1] in ("rack_count", "enterprise_count", "gpu_cards", "datacenter_count")]


def test_the_same_figure_again_in_another_unit_is_one_fact() -> None:
    assert _figures("The Xianfeng Industrial Park covers 90 mu, or 6 hectares.") == [("Xianfeng Industrial Park", "area", 0.06)]
    assert len(_figures("庆阳云数据中心占地1500亩(约100公顷)。")) == 1


def test_a_threshold_of_a_class_of_projects_and_a_daily_rate_are_no_amounts() -> None:
    assert not _figures("宜春市集中开工项目中,投资过20亿元项目12个,投资10亿元以上项目30个。")
    assert not _figures("江西正以日均新增0.8EFLOPS的速度建设算力。")


def test_a_measure_word_with_a_noun_of_its_own_does_not_repeat_the_last_noun() -> None:
    facts = _figures("贵安新区已建成数据中心20个,辐射40个城市。")
    assert facts == [("Gui'an New Area", "datacenter_count", 20)]
    assert _figures("贵安新区规划数据中心30个,已建成12个。") == [
        ("Gui'an New Area", "datacenter_count", 30), ("Gui'an New Area", "datacenter_count", 12)]


def test_a_pinyin_gloss_printed_twice_is_dropped() -> None:
    from extract.text import remove_pinyin_garble

    assert remove_pinyin_garble("贵州信(xin)(xin)息园(yuan)和华为(Huawei)") == "贵州信息园和华为(Huawei)"


def test_every_fact_of_a_project_met_only_through_its_phase_has_its_evidence() -> None:
    """The shapes quarantine a fact without its sentence: a project named only in "X项目二期" still has one."""
    facts = read("江城大数据产业园项目二期位于芜湖市鸠江区,占地300亩。".encode()).facts
    assert facts and all(f.evidence.strip() for f in facts)
