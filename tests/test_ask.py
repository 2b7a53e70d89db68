"""Questions on real stores: the seed question set, the sample corpus, and bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph.store import LocalStore
from kg.qa.ask import ask
from kg.qa.plan import check
from kg.qa.understand import understand, vocabulary
from tests.conftest import EVAL, ROOT, suanli

QUESTIONS = ROOT / "tests" / "questions" / "sample_questions.json"


def _qa_scores(questions, store) -> tuple[float, dict[str, float], str]:
    cmd = f"{sys.executable} -m kg ask --store {store}"
    result = subprocess.run([sys.executable, str(EVAL / "score_qa.py"), str(questions), "--run", cmd],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    lines = result.stdout.strip().splitlines()
    macro = float(lines[-1].split("=")[1].split()[0])
    per_lang = dict(re.findall(r"(\w+)=([\d.]+)", lines[-2]))
    return macro, {k: float(v) for k, v in per_lang.items()}, result.stdout


def test_seed_questions_score_at_least_the_floor(seed_store) -> None:
    macro, per_lang, report = _qa_scores(EVAL / "seeds_questions.json", seed_store)
    assert macro >= 0.9, report
    assert min(per_lang.values()) >= 0.85, report


@pytest.mark.skipif(not EVAL.exists(), reason="shared scorer not present")
def test_own_question_set_over_the_sample_corpus_holds_its_floor(corpus_store) -> None:
    """79 questions (value, list, top-k, count, relation, yes/no, comparison, sum, time; en, zh-Hans, zh-Hant).

    All 79 were answered right when the floor was set; the floor leaves room for a question or two.
    """
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    assert len(questions) >= 60 and {q["lang"] for q in questions} == {"en", "zh"}
    macro, per_lang, report = _qa_scores(QUESTIONS, corpus_store)
    assert macro >= 0.95, report
    assert min(per_lang.values()) >= 0.9, report


def _ask(store, question: str) -> dict:
    return json.loads(suanli("ask", question, "--store", str(store), "--format", "json", check=True).stdout)


def test_a_sum_over_a_hub_adds_one_total_figure_per_cluster_and_keeps_the_bounds(corpus_store) -> None:
    result = _ask(corpus_store, "成渝枢纽各集群的算力合计是多少?")
    answer = result["answers"][0]
    assert answer["value"] == 21000 and answer["unit"] == "PFLOPS" and answer["comparator"] == "approx"
    assert answer["text"] == "约2.1万P"
    assert {p["label"] for p in answer["parts"]} == {"天府数据中心集群", "重庆数据中心集群"}
    assert "sl:total" in result["sparql"] or "ontology#total" in result["sparql"]
    assert len(result["evidence"]) == 2


def test_a_comparison_names_the_winner_and_shows_both_figures(corpus_store) -> None:
    result = _ask(corpus_store, "Which has more racks, the Chongqing data center cluster or the Tianfu data center cluster?")
    assert [a["label"] for a in result["answers"]] == ["Chongqing data center cluster"]
    assert [(c["value"], c["status"]) for c in result["compared"]] == [(120000, "actual"), (60000, "planned")]


def test_a_traditional_question_gets_traditional_labels(corpus_store) -> None:
    result = _ask(corpus_store, "韶關數據中心集群屬於哪個樞紐?")
    assert result["answers"][0]["label"] == "粵港澳大灣區樞紐"
    assert result["answers"][0]["label_zh"] == "粤港澳大湾区枢纽"


def test_bounds_are_kept_and_actual_is_told_from_planned(corpus_store) -> None:
    listed = _ask(corpus_store, "Which clusters have more than 100,000 racks?")
    by_label = {a["label"]: a for a in listed["answers"]}
    assert by_label["Gui'an data center cluster"]["text"] == "more than 100,000 racks"
    assert by_label["Shaoguan data center cluster"]["status"] == "planned"
    assert _ask(corpus_store, "How many clusters have more than 100,000 racks?")["answers"][0]["value"] == 4


def test_demo_questions_answer_with_evidence_in_both_languages(corpus_store) -> None:
    out = suanli("ask", "--batch", str(ROOT / "examples" / "questions.txt"), "--store", str(corpus_store),
                 "--format", "json", check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    en, zh = answers[0], answers[1]
    # a hub found through its city keeps the city in its label: "Gansu hub (via Qingyang)", "甘肃枢纽(庆阳)"
    assert any("Qingyang" in a["label_en"] for a in en["answers"])
    assert "庆阳" in zh["answers"][0]["label"] and zh["lang"] == "zh"
    assert all(a["comparator"] == "gt" for a in en["answers"])
    assert en["evidence"] and "SELECT" in en["sparql"]


def test_a_question_it_cannot_read_says_so(corpus_store) -> None:
    out = suanli("ask", "今天天气怎么样?", "--store", str(corpus_store), "--format", "json", check=True)
    result = json.loads(out.stdout)
    assert result["answers"] == [] and result["interpretation"].startswith("not understood")


FRAGMENTS = ["庆阳\" } DROP ALL ; #", "'; DELETE WHERE {?s ?p ?o}", "SERVICE <http://x> {}", "x" * 10000,
             "哪些枢纽可再生能源占比超过", "Which clusters have more than", "90%", "\\u0022", "\"\"\"", "}} UNION {{",
             "慶陽數據中心集群", "Qingyang", "<script>", "\x00", "？", "LOAD <http://x>", "# comment\n"]


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=300),
                 st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=8).map("".join)))
def test_fuzzed_questions_never_raise_and_never_alter_the_store(corpus_store, tmp_path_factory, question) -> None:
    store = LocalStore(corpus_store, read_only=True)
    try:
        before = store.count()
        result = ask(question, store=store)
        assert set(result) >= {"question", "answers", "boolean", "sparql", "evidence", "interpretation"}
        if result["sparql"]:
            assert check(result["sparql"]) == []
            # the question reaches the query only as terms: no user text outside IRIs and literals
            outside = re.sub(r'<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?', "", result["sparql"])
            assert not re.search(r"\b(?:DROP|DELETE|INSERT|LOAD|CLEAR|SERVICE)\b", outside)
        assert store.count() == before
    finally:
        store.close()


# ------------------------------------------------------------------ questions as people ask them
def test_a_name_given_in_part_finds_the_entity_and_its_class(corpus_store) -> None:
    result = _ask(corpus_store, "What is the AI computing power of the Gui'an cluster?")
    assert [a["value"] for a in result["answers"]] == [8000]
    assert result["answers"][0]["label"] == "Gui'an data center cluster"


def test_a_choice_among_several_named_entities_picks_one(corpus_store) -> None:
    for question in ("Among the Chongqing data center cluster, the Tianfu data center cluster and the Shaoguan data "
                     "center cluster, which has the most racks?", "重庆数据中心集群、天府数据中心集群和韶关数据中心集群哪个机架最多?"):
        result = _ask(corpus_store, question)
        assert [a["label_en"] for a in result["answers"]] == ["Shaoguan data center cluster"], question
        assert len(result["compared"]) == 3


def test_a_yes_no_relation_reads_either_way_round(corpus_store) -> None:
    assert _ask(corpus_store, "华为是否参与成都智算中心的建设运营?")["boolean"] is True


def test_is_it_one_of_a_class(corpus_store) -> None:
    assert _ask(corpus_store, "Is the Tianfu data center cluster one of the national data center clusters?")["boolean"] is True


def test_members_of_a_group_without_a_relation_word(corpus_store) -> None:
    result = _ask(corpus_store, "Which two clusters are planned under the Chengdu-Chongqing hub?")
    assert {a["label"] for a in result["answers"]} == {"Tianfu data center cluster", "Chongqing data center cluster"}


def test_which_company_built_asks_for_the_operator(corpus_store) -> None:
    result = _ask(corpus_store, "江城智算中心由哪家公司建设?")
    assert [a["label"] for a in result["answers"]] == ["中国移动安徽公司"]


def test_count_and_sum_answers_have_the_contract_shape_in_the_questions_script(corpus_store) -> None:
    count = _ask(corpus_store, "How many clusters does the Chengdu-Chongqing hub have?")["answers"][0]
    assert count["iri"] is None and count["value"] == 2 and count["unit"] is None and count["label"]
    total = _ask(corpus_store, "成渝樞紐各集群的算力合計是多少?")["answers"][0]
    assert total["iri"] is None and total["value"] == 21000 and total["unit"] == "PFLOPS"
    assert total["label"] == total["text"] == "約2.1萬P"


def test_nothing_to_count_is_no_answer_not_zero(corpus_store) -> None:
    """The graph not knowing a cluster's parks does not make their number 0."""
    for question, said in (("How many parks does the Tianfu data center cluster have?", "none found in the graph"),
                           ("天府数据中心集群有几个园区?", "图谱中未找到")):
        result = _ask(corpus_store, question)
        assert result["answers"] == [] and said in result["interpretation"]


def test_a_place_inside_a_name_the_graph_does_not_know_is_said_to_be_only_the_place(corpus_store) -> None:
    """"甲乙芜湖新型算力产业园" is some park in Wuhu: the answer is Wuhu's own figure, and says so; never a list of
    every park."""
    result = _ask(corpus_store, "甲乙芜湖新型算力产业园总投资是多少?")
    assert "“芜湖”属于图谱未收录的名称,以下是芜湖本身的数据" in result["interpretation"]
    assert [a["iri"].rsplit("/", 1)[-1] for a in result["answers"]] == ["wuhu-data-center-cluster"]  # Wuhu's own
    kept = _ask(corpus_store, "芜湖数据中心的机架数是多少?")  # the city and a bare class word: Wuhu's data centers
    assert "未收录" not in kept["interpretation"] and "芜湖" in kept["interpretation"]


def test_an_open_question_about_one_thing_gets_its_figures_and_never_the_weather(corpus_store) -> None:
    for question, said, word in (("Tell me about the Wuhu data center cluster",
                                  "the figures of Wuhu data center cluster", "rack count"),
                                 ("蕪湖數據中心集群怎麼樣?", "蕪湖數據中心集群的各項數據", "機架數")):
        result = _ask(corpus_store, question)
        assert result["interpretation"] == said
        displays = [a["display"] for a in result["answers"]]
        assert any(word in d for d in displays) and not any("disagree" in d or "不一致" in d for d in displays)
        assert {a["metric"] for a in result["answers"]} >= {"rack_count", "investment"}
    for question in ("What is the weather in Qingyang?", "庆阳今天天气怎么样?"):  # asked of something else
        assert _ask(corpus_store, question)["answers"] == []


def test_a_chinese_answer_is_worded_without_english_codes(corpus_store) -> None:
    answer = _ask(corpus_store, "貴安數據中心集群的智能算力是多少?")["answers"][0]
    assert answer["display"].startswith("貴安數據中心集群")
    assert not re.search(r"[A-Za-z_]{3,}|actual|planned", answer["display"])


def test_a_batch_never_stops_on_a_bad_line(corpus_store, tmp_path) -> None:
    lines = ["}} UNION {{ \"\"", "\\", "天府集群的算力规模是多少?", "x" * 5000, "Which has more racks: the or?"]
    batch = tmp_path / "questions.txt"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = suanli("ask", "--batch", str(batch), "--store", str(corpus_store), "--format", "json", check=True)
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(results) == len(lines)
    assert all(set(r) >= {"answers", "boolean", "interpretation"} for r in results)
    assert results[2]["answers"][0]["value"] == 15000


# ------------------------------------------------------------------ names, figures and wording (own questions)
def test_a_hub_found_through_a_city_keeps_the_place_in_its_label(corpus_store) -> None:
    answer = _ask(corpus_store, "哪些枢纽可再生能源占比超过90%?")["answers"][0]
    assert answer["label"] == "甘肃枢纽(庆阳)" and answer["label_en"] == "Gansu hub (via Qingyang)"
    assert answer["iri"].endswith("gansu-hub")
    hant = _ask(corpus_store, "哪些樞紐可再生能源佔比超過90%?")["answers"][0]
    assert hant["label"] == "甘肅樞紐(慶陽)"


def test_chinese_questions_are_interpreted_in_chinese(corpus_store) -> None:
    for question in ("天府数据中心集群的算力规模是多少?", "江城智算中心由哪家公司建设?",
                     "重庆数据中心集群与天府数据中心集群相比,哪个机架较多?", "天府数据中心集群包括哪些区县?"):
        line = _ask(corpus_store, question)["interpretation"]
        assert line and not re.search(r"[A-Za-z_]{3,}", line), (question, line)
    assert "貴安數據中心集群" in _ask(corpus_store, "貴安數據中心集群的智能算力是多少?")["interpretation"]


def test_describing_words_around_a_name_stay_question_words(corpus_store) -> None:
    """An owner before the name ("X's") and the metric words before it do not become part of the name."""
    result = _ask(corpus_store, "What computing power does China Mobile Anhui's Jiangcheng intelligent computing center have?")
    assert [a["label"] for a in result["answers"]] == ["Jiangcheng Intelligent Computing Center"]
    assert result["answers"][0]["value"] == 2000


def test_a_year_is_a_time_not_a_threshold_and_one_figure_answers(corpus_store) -> None:
    result = _ask(corpus_store, "By 2025, how many racks was the Shaoguan cluster expected to exceed?")
    assert [(a["label"], a["value"]) for a in result["answers"]] == [("Shaoguan data center cluster", 500000)]


def test_who_built_in_english_and_a_comparison_worded_xiangbi(corpus_store) -> None:
    built = _ask(corpus_store, "Which company built the Jiangcheng intelligent computing center?")
    assert [a["label"] for a in built["answers"]] == ["China Mobile Anhui"]
    compared = _ask(corpus_store, "重庆数据中心集群与天府数据中心集群相比,哪个机架较多?")
    assert [a["label"] for a in compared["answers"]] == ["重庆数据中心集群"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Which city is Huawei's intelligent computing center in?", ["Chengdu"]),
    ("中国电信广东公司的智算中心位于哪个城市?", ["韶关"]),
    ("Which province is Huawei's intelligent computing center in?", ["Sichuan"]),  # through the city
])
def test_where_a_company_s_center_stands(corpus_store, question, expected) -> None:
    """A company is nowhere itself: "where are X's centers" asks where what it runs stands, with that sentence."""
    result = _ask(corpus_store, question)
    assert [a["label"] for a in result["answers"]] == expected and result["evidence"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Which China Mobile company built the Jiangcheng intelligent computing center?", ["China Mobile Anhui"]),
    ("Which centers does China Mobile Anhui run?", ["Jiangcheng Intelligent Computing Center"]),  # what it runs
])
def test_a_company_before_a_facility_only_says_whose(corpus_store, question, expected) -> None:
    assert [a["label"] for a in _ask(corpus_store, question)["answers"]] == expected


def test_a_sum_over_named_entities_adds_one_figure_each(corpus_store) -> None:
    result = _ask(corpus_store, "What is the combined rack count of the Chongqing data center cluster and the Tianfu data center cluster?")
    answer = result["answers"][0]
    assert answer["iri"] is None and answer["value"] == 180000 and answer["unit"] == "racks"


def test_phase_and_chinese_wording_helpers() -> None:
    from kg.present import interpretation
    from kg.qa.understand import _phase_fit

    assert _phase_fit("phase one of the x park", "x park phase 1") > 0 > _phase_fit("the x park", "x park phase 1")
    assert _phase_fit("x园一期的机架", "x园一期") > 0 > _phase_fit("x园二期的机架", "x园一期")
    assert interpretation("rack_count of 甲集群, status planned/target", "zh-Hans") == "甲集群的机架数,状态:规划/目标"
    assert interpretation("operator of 乙中心, only Company", "zh-Hant") == "乙中心的建設運營方,限企業"


@pytest.fixture(scope="module")
def english_page_store(tmp_path_factory):
    """A park read from an English page only: its labels are English."""
    root = tmp_path_factory.mktemp("english_page")
    (root / "park.txt").write_text(
        "Qiaoshan park gets going\n\nWork on the Qiaoshan Integrated Circuit Industrial Park started on Monday in "
        "Horinger New Area; the park will cost a total investment of 800 million yuan.\n", encoding="utf-8")
    suanli("ingest", str(root / "park.txt"), "--store", str(root / "store"), check=True)
    return root / "store"


@pytest.mark.parametrize("question", ["乔山集成电路产业园总投资多少?", "喬山積體電路產業園的總投資是多少?"])
def test_a_chinese_name_finds_an_entity_read_from_an_english_page(english_page_store, question) -> None:
    """The name is turned into English the way the extractor names it (Taiwan's 積體電路 is 集成电路)."""
    result = _ask(english_page_store, question)
    assert [(a["label"], a["value"]) for a in result["answers"]] == [("Qiaoshan Integrated Circuit Industrial Park", 8e8)]
    assert "Industrial Park" in result["interpretation"]  # the label stays whole in a Chinese line


def test_a_company_facility_the_graph_does_not_know_is_not_another_company_s(tmp_path) -> None:
    """"苹果贵州数据中心" is neither 中国移动(贵州)数据中心 (its short form 贵州数据中心 names no one thing) nor Apple."""
    (tmp_path / "dc.txt").write_text("贵州两座数据中心投运\n\n中国移动(贵州)数据中心位于贵安新区,由中国移动投资建设,"
                                     "机架规模达到1.5万架。苹果贵安数据中心同日投入运营。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "dc.txt"), "--store", str(tmp_path / "store"), check=True)
    result = _ask(tmp_path / "store", "苹果贵州数据中心由哪家公司建设?")
    assert result["answers"] == [] and "中国移动" not in result["interpretation"]
    named = _ask(tmp_path / "store", "中国移动(贵州)数据中心有多少机架?")
    assert [(a["label"], a["value"]) for a in named["answers"]] == [("中国移动(贵州)数据中心", 15000)]


def test_a_runner_or_partner_asked_by_kind_is_of_that_kind_strictly(tmp_path) -> None:
    """"Which companies" is answered by no government, "which research institutions" by no government or company:
    rather nothing of the graph's (and the page's one company read from the sentence) than another kind."""
    (tmp_path / "p.txt").write_text("合肥一座智算中心启用\n\n星河智算中心位于合肥市,由中国电信安徽公司建设运营。\n\n"
                                    "启用当天,中国电信安徽公司分别与合肥市人民政府、科大讯飞、中国科学技术大学签署合作协议。\n",
                                    encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    who = _ask(tmp_path / "store", "中国电信安徽公司与谁签署了合作协议?")
    assert [a["label"] for a in who["answers"]] == ["合肥市人民政府"]
    firms = _ask(tmp_path / "store", "中国电信安徽公司与哪些企业签署了合作协议?")
    assert [a["label"] for a in firms["answers"]] == ["科大讯飞"] and firms["source"] == "text"
    research = _ask(tmp_path / "store", "中国电信安徽公司与哪些科研机构签署了合作协议?")
    assert research["answers"] == [] and research["evidence"] == []


def test_a_total_of_one_figure_s_named_parts_is_their_sum_only_when_each_part_holds_its_figure(tmp_path) -> None:
    """"土建投资和设备投资加起来": two figures of one entity in one sentence, each right after the part the question
    names, add up; a part the page does not state is no sum."""
    (tmp_path / "p.txt").write_text("宜宾算力建设提速\n\n宜宾市数据中心土建投资累计120亿元,设备投资约80亿元,均由企业出资。\n",
                                    encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    both = _ask(tmp_path / "store", "宜宾市数据中心的土建投资和设备投资加起来有多少?")
    assert [(a["value"], a["unit"]) for a in both["answers"]] == [(20_000_000_000, "CNY")]
    unstated = _ask(tmp_path / "store", "宜宾市数据中心的土建投资和土地投资加起来有多少?")
    assert all(a["value"] != 20_000_000_000 for a in unstated["answers"])


def test_a_demonstrative_after_a_place_points_at_the_one_facility_there_its_words_describe(tmp_path) -> None:
    """"宜宾那个…计算中心": of the center and the park in the place, the one the words after 那个/这座 describe, even by
    another name than the graph's; a center asked of is never the park beside it."""
    (tmp_path / "a.txt").write_text("宜宾两个算力项目落地\n\n星河先进计算中心位于宜宾市,由星河科技建设运营,规划智算规模约80P,"
                                    "总投资约12亿元。宜宾云计算产业园占地面积约0.5平方公里,规划智算规模约20P。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store"), check=True)
    for question, label, value in (("宜宾那个海星站先进计算中心规划的智算规模有多大?", "星河先进计算中心", 80),
                                   ("宜賓這座新開工的先進計算中心總投資多少?", "星河先進計算中心", 1.2e9),
                                   ("宜宾那个云计算园区的智算规模有多大?", "宜宾云计算产业园", 20)):
        assert [(a["label"], a["value"]) for a in _ask(tmp_path / "store", question)["answers"]] == [(label, value)], question


def test_a_facility_described_by_its_figure_is_the_one_of_its_place_holding_that_figure(tmp_path) -> None:
    """"the 6-billion-yuan center under construction in X": of the facilities in X, the one holding that figure
    ("under construction" is a status, not a bound below 6 billion); no facility holding it, no guess."""
    (tmp_path / "a.txt").write_text("宜宾两座数据中心\n\n星海云数据中心位于宜宾市,由星海科技集团投资建设,总投资60亿元,目前正在建设中。"
                                    "白鹭数据中心位于宜宾市,由白鹭科技集团投资建设,总投资15亿元。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store"), check=True)
    for question, label in (("Which company is behind the 6-billion-yuan data center under construction in Yibin?",
                             "Xinghai Technology Group"),
                            ("宜宾总投资15亿元的数据中心是谁投资建设的?", "白鹭科技集团")):
        assert [a["label"] for a in _ask(tmp_path / "store", question)["answers"]] == [label], question
    none_fits = _ask(tmp_path / "store", "Which company is behind the 9-billion-yuan data center in Yibin?")
    assert len(none_fits["answers"]) != 1


def test_a_bracketed_qualifier_may_stand_anywhere_in_the_question(tmp_path) -> None:
    """"中国联通在宜宾的智算中心" is 中国联通智算中心(宜宾), not the operator's data center in that city."""
    def center(zh: str, en: str) -> dict:
        return {"zh": zh, "en": en, "type": "Center"}
    facts = [{"subject": center("中国联通智算中心(宜宾)", "China Unicom Intelligent Computing Center (Yibin)"),
              "metric": "computing_power", "value": 3000, "unit": "PFLOPS", "kind": "ai", "doc": "y1"},
             {"subject": center("中国联通宜宾数据中心", "China Unicom Yibin Data Center"), "metric": "rack_count",
              "value": 8000, "unit": "racks", "doc": "y1"}]
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(tmp_path / "facts.json"), "--store", str(tmp_path / "s"), check=True)
    for question in ("中国联通在宜宾的智算中心智能算力有多大?", "中國聯通宜賓智算中心的智慧算力有多大?"):
        assert [a["value"] for a in _ask(tmp_path / "s", question)["answers"]] == [3000], question


def test_as_of_a_year_takes_the_figure_the_sources_of_that_year_give(tmp_path) -> None:
    """Two reports, a year apart, each say "now": the question's year picks the report of that year."""
    for name, date, racks in (("a.txt", "2023年12月20日", "5万"), ("b.txt", "2024年11月5日", "8万")):
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(f"甲乙数据中心集群建设提速\n\n{date}\n\n目前,甲乙数据中心集群已建成标准机架{racks}架。\n",
                                              encoding="utf-8")
    suanli("ingest", str(tmp_path / "docs"), "--store", str(tmp_path / "store"), check=True)
    for question, racks in (("截至2023年底,甲乙数据中心集群有多少机架?", 50000), ("As of 2024, how many racks does the "
                                                                           "Jiayi data center cluster have?", 80000)):
        assert [a["value"] for a in _ask(tmp_path / "store", question)["answers"]] == [racks], question


@pytest.mark.parametrize(("question", "name"), [
    ("2024年甲乙产业园的产值是多少?", "甲乙产业园"),
    ("What was the output value of the Jiayi park in 2024?", "Jiayi park"),
    ("中国电信甲乙信息园区里有几个数据中心?", "中国电信甲乙信息园区"),  # a count of what is in it, not every center's
])
def test_a_facility_the_graph_does_not_know_is_said_so_not_answered_for_its_class(corpus_store, question, name) -> None:
    """Not every park's output value: the graph does not know the one asked about."""
    result = _ask(corpus_store, question)
    assert result["answers"] == [] and name in result["interpretation"]
    assert "图谱中没有" in result["interpretation"] or "does not know" in result["interpretation"]


def test_an_unknown_facility_in_a_known_place_answers_with_the_place_itself_and_says_so(corpus_store) -> None:
    """As for a place inside an unknown name: the place's own figures (its cluster's), never its every center's."""
    result = _ask(corpus_store, "How much will Ming Energy's computing center in Zhangjiakou cost?")
    assert "'Ming Energy's computing center' is a name the graph does not know, so Zhangjiakou itself" \
        in result["interpretation"]
    assert {a["iri"].rsplit("/", 1)[-1] for a in result["answers"]} <= {"zhangjiakou", "zhangjiakou-data-center-cluster"}


@pytest.mark.parametrize("question", ["哪些集群总投资超过600亿元?", "张家口数据中心集群包含几座独立数据中心?",
                                      "芜湖市力争数据中心产值突破多少?", "Which parks are in the Tianfu cluster?"])
def test_class_words_after_determiners_verbs_and_measure_words_name_nothing_unknown(corpus_store, question) -> None:
    assert "does not know" not in (_ask(corpus_store, question)["interpretation"] or "")


@pytest.mark.parametrize(("question", "said"), [
    ("Which clusters have investment above 60 billion yuan?", "Cluster entities by investment more than CNY 60 billion"),
    ("哪些集群总投资超过600亿元?", "投资额超过600亿元的集群"),
    ("有多少個集群的可再生能源佔比超過80%?", "可再生能源佔比超過80%的集群數量"),
])
def test_a_bound_is_worded_as_a_figure_in_the_interpretation(corpus_store, question, said) -> None:
    """The plan's number (6e+10) is never shown: the bound reads as the figure the reader wrote."""
    assert _ask(corpus_store, question)["interpretation"] == said


@pytest.mark.parametrize(("question", "label"), [
    ("What is the computing power of the Qinyang cluster?", "Qingyang data center cluster"),
    ("What is the renewable share of the Zhongwie cluster?", "Zhongwei data center cluster"),
])
def test_a_name_spelt_a_letter_off_is_still_linked(corpus_store, question, label) -> None:
    answers = _ask(corpus_store, question)["answers"]
    assert answers and {a["label"] for a in answers} == {label}


@pytest.mark.parametrize(("question", "label", "words"), [
    ("What is the PUE of Gui'an?", "Gui'an data center cluster", "named like it"),
    ("貴安的PUE是多少?", "貴安數據中心集群", "名稱相近"),
])
def test_a_place_without_the_figure_leads_to_the_entity_named_like_it(corpus_store, question, label, words) -> None:
    result = _ask(corpus_store, question)
    assert [a["label"] for a in result["answers"]] == [label] and words in result["interpretation"]


def test_every_readme_question_is_answered_in_text_json_and_batch(corpus_store, tmp_path) -> None:
    from tests.conftest import readme_questions

    questions = readme_questions()
    assert len(questions) >= 20
    batch = tmp_path / "readme.txt"
    batch.write_text("\n".join(questions) + "\n", encoding="utf-8")
    results = [json.loads(line) for line in suanli("ask", "--batch", str(batch), "--store", str(corpus_store),
                                                    "--format", "json", check=True).stdout.splitlines()]
    assert [r["question"] for r in results] == questions
    unanswered = [r["question"] for r in results if not r["answers"] and r["boolean"] is None]
    assert unanswered == []
    assert all(a.get("display") for r in results for a in r["answers"])
    text = suanli("ask", "--batch", str(batch), "--store", str(corpus_store), check=True).stdout
    assert text.count("\n? ") + 1 == len(questions) and "Traceback" not in text
    for r in results:
        assert all(a["display"] in text for a in r["answers"])


@pytest.mark.parametrize(("question", "first"), [
    ("What is China Mobile's center in Wuhu?", "Jiangcheng Intelligent Computing Center"),
    ("中国移动在芜湖的智算中心算力是多少?", "江城智算中心"),
    ("Among the Gui'an, Qingyang and Zhongwei clusters, which has the most racks?", "Gui'an data center cluster"),
    ("贵安、庆阳和中卫三个集群中哪个机架最多?", "贵安数据中心集群"),
    ("哪些中心位于呼和浩特?", "青城智算中心"),
])
def test_descriptions_shared_class_words_and_reverse_places(corpus_store, question, first) -> None:
    assert [a["label"] for a in _ask(corpus_store, question)["answers"]][:1] == [first]


@pytest.mark.parametrize(("question", "display"), [
    ("重庆数据中心集群比天府数据中心集群多多少机架?", "多6万架"),
    ("How many more racks does the Chongqing cluster have than the Tianfu cluster?", "60,000 racks more"),
])
def test_how_many_more_answers_the_difference(corpus_store, question, display) -> None:
    answer = _ask(corpus_store, question)["answers"][0]
    assert (answer["iri"], answer["value"], answer["unit"], answer["display"]) == (None, 60000, "racks", display)


@pytest.fixture(scope="module")
def phases_store(tmp_path_factory):
    """Pages of our own: a center and its two phases, a platform named in English, a cluster with a dated target."""
    root = tmp_path_factory.mktemp("phases")
    (root / "docs").mkdir()
    (root / "docs" / "a.txt").write_text(
        "甲乙科技云谷数据中心一期建成投运\n\n2024年3月5日\n\n甲乙科技云谷数据中心位于庆阳市西峰区,由甲乙科技投资建设。"
        "甲乙科技云谷数据中心一期已建成标准机架3000架,甲乙科技云谷数据中心二期规划建设标准机架5000架。\n", encoding="utf-8")
    (root / "docs" / "b.txt").write_text(
        "Kunlan computing platform opens in Nanjing\n\nThe Kunlan Intelligent Computing Platform, located in Jiangbei New "
        "Area of Nanjing, was built by Kunlan Cloud with a total investment of 2.4 billion yuan. The platform has 8,000 "
        "racks.\n", encoding="utf-8")
    (root / "docs" / "d.txt").write_text(
        "庚辛数据中心一期投运\n\n中国电信庚辛数据中心位于庆阳市,由中国电信投资建设。中国电信庚辛数据中心一期已建成标准机架2000架,"
        "中国电信庚辛数据中心二期规划标准机架6000架。截至2024年底,庆阳市已建成和在建数据中心共19个,其中在建数据中心4个,"
        "已建成标准机架3万架。\n",
        encoding="utf-8")
    (root / "docs" / "e.txt").write_text("壬癸智算中心揭牌\n\n壬癸智算中心位于芜湖市,由中国电信和华为共同投资建设。\n",
                                         encoding="utf-8")
    (root / "docs" / "f.txt").write_text("江城智算中心开工\n\n中国电信江城智能算力中心在芜湖市开工建设。\n", encoding="utf-8")
    (root / "docs" / "g.txt").write_text("江城算力中心规划公布\n\n江城算力中心规划智能算力3000P。\n", encoding="utf-8")
    (root / "docs" / "c.txt").write_text(
        "戊己数据中心集群算力提速\n\n戊己数据中心集群目前已建成算力2万P,预计2026年底算力将达到5万P。\n", encoding="utf-8")
    (root / "docs" / "h.txt").write_text("子丑人工智能算力中心开工\n\n子丑人工智能算力中心位于宜宾市,由子丑数字科技有限公司"
                                         "投资建设,规划智能算力1万P。\n", encoding="utf-8")
    (root / "docs" / "k.txt").write_text("寅午数据中心投运\n\n寅午数据中心位于宜宾市,由中国移动投资建设,已建成机架2000架。\n",
                                         encoding="utf-8")
    (root / "docs" / "m.txt").write_text("丙丁智算中心一期点亮\n\n2024年5月8日,由中国联通广东公司、华为共同建设的韶关丙丁智算中心"
                                         "一期正式点亮。韶关丙丁智算中心二期规划算力2000P。\n", encoding="utf-8")
    (root / "docs" / "n.txt").write_text("宜宾算力合作签约\n\n宜宾市与泸州市签署算力协同发展协议。同日,宜宾市还与中国联通四川公司"
                                         "签署战略合作协议。\n", encoding="utf-8")
    (root / "docs" / "l.txt").write_text("丁戊智算中心首期投运\n\n丁戊智算中心规划算力5000P,其中丁戊智算中心一期算力2000P。\n",
                                         encoding="utf-8")
    (root / "docs" / "i.txt").write_text(
        "卯辰数据中心集群发布年度报告\n\n2020年,卯辰数据中心集群算力规模为5000P。截至2024年底,卯辰数据中心集群算力总规模"
        "达到3万P,其中智能算力2万P。\n", encoding="utf-8")
    suanli("ingest", str(root / "docs"), "--store", str(root / "store"), check=True)
    return root / "store"


@pytest.mark.parametrize(("question", "expected"), [
    ("云谷数据中心一期有多少机架?", [("甲乙科技云谷数据中心一期", 3000)]),
    ("How many racks does the second phase of the Jiayi Technology Cloud Valley data center plan?",
     [("Jiayi Technology Cloud Valley Data Center phase 2", 5000)]),
])
def test_a_phase_word_asks_for_the_phase_the_graph_holds(phases_store, question, expected) -> None:
    result = _ask(phases_store, question)
    assert [(a["label"], a["value"]) for a in result["answers"]] == expected


def test_who_built_a_center_the_sources_name_only_for_its_first_phase(phases_store) -> None:
    result = _ask(phases_store, "谁建设了韶关丙丁智算中心?")
    assert sorted(a["label"] for a in result["answers"]) == ["中国联通广东公司", "华为"]
    assert "一期" in result["interpretation"]


@pytest.mark.parametrize("question", ["宜宾与哪些企业签署了合作协议?", "Which companies has Yibin signed agreements with?",
                                      "Which companies is Yibin working with?", "Which firms are collaborating with Yibin?"])
def test_which_companies_a_city_partnered_are_firms_not_the_cities_it_also_partnered(phases_store, question) -> None:
    assert [a["label"] for a in _ask(phases_store, question)["answers"]] in (["中国联通四川公司"], ["China Unicom Sichuan"])


@pytest.mark.parametrize(("question", "expected"), [
    ("甲乙科技云谷数据中心一期加二期合计多少机架?", [8000]),  # 一期加二期: both named, each with a figure, added
    ("韶关丙丁智算中心一期加二期的算力合计是多少?", []),  # the first phase has no figure: no partial sum for the total
    ("是谁在座谈会上建议宜宾多发展智能算力的?", []),  # a person, by no relation the graph holds: no figure
    ("子丑人工智能算力中心的算力服务已覆盖多少个国家?", []),  # countries are no metric: not its computing power
])
def test_no_figure_answers_a_question_about_something_else(phases_store, question, expected) -> None:
    assert [a.get("value", a["label"]) for a in _ask(phases_store, question)["answers"]] == expected


def test_a_place_answers_for_a_name_inside_it_only_from_a_sentence_about_that_thing(tmp_path) -> None:
    """A name the graph does not know, in a known place: the place's figure answers for it only when the figure's
    sentence tells of that thing (shares its words beyond the place's and every facility's): the city's computing
    power is no platform's in it."""
    (tmp_path / "a.txt").write_text("中卫算力产业提速\n\n中卫市利用全自然风冷技术建设数据中心,PUE可降至1.15。目前,中卫市算力"
                                    "规模超过5000P。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "store"), check=True)
    for question, expected in (("中卫采用自然风冷建设数据中心,PUE能降到多少?", [1.15]), ("中卫星河渲染云平台的算力有多大?", []),
                               ("中卫的算力规模有多大?", [5000])):
        assert [a["value"] for a in _ask(tmp_path / "store", question)["answers"]] == expected, question


def test_a_phase_the_graph_does_not_hold_is_said_so(phases_store) -> None:
    result = _ask(phases_store, "甲乙科技云谷数据中心三期有多少机架?")
    assert "图谱中没有甲乙科技云谷数据中心的第3期" in result["interpretation"]


@pytest.mark.parametrize(("question", "boolean", "said"), [
    ("甲乙科技云谷数据中心的PUE是否低于1.3?", None, "无从判断"),  # no PUE at all: not a "no"
    ("Is the Kunlan platform's investment more than 2 billion yuan?", True, "more than CNY 2 billion"),
    ("Is the Kunlan platform's investment more than 3 billion yuan?", False, "more than CNY 3 billion"),
    # an amount without a comparator asks whether the figure reaches it
    ("Does the Kunlan platform have an investment of 2 billion yuan?", True, "at least CNY 2 billion"),
    ("Does the Kunlan platform have 3 billion yuan of investment?", False, "at least CNY 3 billion"),
])
def test_a_yes_no_over_a_bound_tells_no_from_not_known(phases_store, question, boolean, said) -> None:
    result = _ask(phases_store, question)
    assert result["boolean"] is boolean and said in result["interpretation"]


@pytest.mark.parametrize(("question", "expected"), [
    ("In which new area is the Kunlan platform located?", ["Jiangbei New Area"]),  # "new area" is no area figure
    ("What is the price tag of the Kunlan platform?", [2.4e9]),
    ("How much did the Kunlan computing platform in Nanjing cost?", [2.4e9]),
    ("截至2025年,戊己数据中心集群的算力是多少?", [20000]),  # not the target dated 2026
])
def test_wordings_of_outside_askers(phases_store, question, expected) -> None:
    result = _ask(phases_store, question)
    assert [a.get("value", a["label"]) for a in result["answers"]] == expected


@pytest.mark.parametrize(("question", "boolean"), [
    ("宁夏是国家算力枢纽节点吗?", True), ("Is Wuhu a national computing hub?", False),
    ("張家口集群是否屬於國家數據中心集群?", True),
])
def test_being_on_a_national_list_is_a_yes_no(corpus_store, question, boolean) -> None:
    assert _ask(corpus_store, question)["boolean"] is boolean


def test_the_class_after_the_question_word_is_the_one_asked(corpus_store) -> None:
    """"哪个城市的数据中心更多": cities are compared, the two places are not turned into data centers."""
    store = LocalStore(str(corpus_store), read_only=True)
    u = understand("庆阳和芜湖,哪个城市的数据中心数量更多?", vocabulary(store))
    assert u.cls == "City" and [iri.rsplit("/", 1)[-1] for _, iri in u.entities] == ["qingyang", "wuhu"]


def test_how_many_districts_a_facility_lies_in_counts_districts_not_their_city(phases_store) -> None:
    result = _ask(phases_store, "甲乙科技云谷数据中心分布在几个区县?")
    assert [a["value"] for a in result["answers"]] == [1]  # 西峰区, not also 庆阳


def test_what_a_company_runs_is_asked_of_the_company(corpus_store) -> None:
    result = _ask(corpus_store, "华为运营的是什么平台?")
    assert [a["label"] for a in result["answers"]] == ["成都智算中心"] and "它运营的实体" in result["interpretation"]


def test_compare_asks_which_is_larger_and_shows_both(corpus_store) -> None:
    result = _ask(corpus_store, "Compare the computing power of the Chongqing and Tianfu clusters")
    assert [a["label"] for a in result["answers"]] == ["Tianfu data center cluster"]
    assert {c["label"] for c in result["compared"]} == {"Chongqing data center cluster", "Tianfu data center cluster"}


def test_built_in_asks_where(phases_store) -> None:
    assert [a["label"] for a in _ask(phases_store, "甲乙科技云谷数据中心建在哪个区?")["answers"]] == ["西峰区"]


def test_a_place_after_a_company_says_where_it_names_no_park_or_cluster(corpus_store) -> None:
    """Only a list shares its class word: in "华为在韶关建设了哪些中心" 韶关 says where, it is not the Shaoguan center."""
    store = LocalStore(str(corpus_store), read_only=True)
    u = understand("华为在韶关建设了哪些中心?", vocabulary(store))
    assert [iri.rsplit("/", 1)[-1] for _, iri in u.entities] == ["huawei", "shaoguan"]
    u = understand("韶关和成都的智算中心哪个算力更大?", vocabulary(store))
    assert [iri.rsplit("/", 1)[-1] for _, iri in u.entities] == ["shaoguan-intelligent-computing-center",
                                                                 "chengdu-intelligent-computing-center"]


def test_a_phase_of_an_entity_named_by_description(phases_store) -> None:
    """"中国电信在庆阳的数据中心" is the center China Telecom runs there; "一期" its first phase."""
    result = _ask(phases_store, "中国电信在庆阳的数据中心一期有多少机架?")
    assert [(a["label"], a["value"]) for a in result["answers"]] == [("中国电信庚辛数据中心一期", 2000)]


def test_built_and_under_construction_counts_both(phases_store) -> None:
    result = _ask(phases_store, "2024年庆阳建成和在建的数据中心有几个?")
    assert [a["value"] for a in result["answers"]] == [19]  # not the 4 under construction alone


@pytest.mark.parametrize("question", ["壬癸智算中心共有几家企业参与建设?", "How many companies built the Rengui center?"])
def test_how_many_companies_built_it_counts_its_builders(phases_store, question) -> None:
    """No source states the number: the builders the graph knows are counted, and the answer says so."""
    result = _ask(phases_store, question)
    assert [a["value"] for a in result["answers"]] == [2]
    assert "no stated figure" in result["interpretation"] or "来源没有给出数字" in result["interpretation"]


def test_in_total_of_a_place_is_its_own_figure_first(phases_store) -> None:
    assert [a["value"] for a in _ask(phases_store, "庆阳一共有多少个数据中心?")["answers"]] == [19]


def test_the_most_among_a_place_s_centers_stays_in_the_place(phases_store) -> None:
    """Kunlan in Nanjing has more racks; the question asks among Qingyang's."""
    result = _ask(phases_store, "庆阳的数据中心中哪个机架最多?")
    assert [a["label"] for a in result["answers"]] == ["中国电信庚辛数据中心二期"] and "限庆阳的" in result["interpretation"]


def test_a_brand_character_simplified_text_keeps_is_no_traditional_question(phases_store) -> None:
    assert _ask(phases_store, "昇腾智算中心在哪?")["script"] == "zh-Hans"


def test_which_parks_it_spreads_over_asks_which_not_how_many(corpus_store) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    u = understand("韶关数据中心集群起步区分布在哪几个园区?", vocabulary(store))
    assert (u.relation, u.cls, u.count) == ("contains", "Park", False)


def test_a_name_several_things_share_is_read_the_same_way_every_run(corpus_store) -> None:
    """"天河" fits two supercomputers and a district equally: the facility word picks a computer, and the tie is
    settled the same way in every process (string hashing differs between runs)."""
    seen = {_ask(corpus_store, "天河超级计算机的峰值性能是多少?")["interpretation"] for _ in range(3)}
    assert len(seen) == 1 and "天河区" not in next(iter(seen)).split(";")[0]


@pytest.mark.parametrize(("question", "value"), [
    ("中国电信庚辛数据中心一期和二期一共有多少机架?", 8000),  # one figure each phase, added
    ("中国电信庚辛数据中心二期比一期多多少机架?", 4000),
])
def test_two_phases_of_one_thing_are_two_entities(phases_store, question, value) -> None:
    assert [a["value"] for a in _ask(phases_store, question)["answers"]] == [value]


def test_which_districts_a_cluster_covers(corpus_store) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    u = understand("天府数据中心集群覆盖成都的哪几个区?", vocabulary(store))
    assert (u.relation, u.cls) == ("contains", "District")
    u = understand("长沙有哪些国家级超算或大数据中心?", vocabulary(store))
    assert u.unknown == [] and u.cls == "Center"  # 哪些 and 或 end no name


@pytest.mark.parametrize(("question", "value"), [
    ("庆阳的数据中心一共有多少机架?", 30000),  # the total the source states for the city
    ("庆阳各数据中心的机架合计是多少?", 16000),  # asked member by member: the sum of the centers' figures
])
def test_in_total_is_the_stated_whole_unless_asked_member_by_member(phases_store, question, value) -> None:
    assert [a["value"] for a in _ask(phases_store, question)["answers"]] == [value]


def test_each_named_thing_with_its_own_class_word_is_that_class(corpus_store) -> None:
    """"the Yangtze River Delta demonstration-zone cluster … the Wuhu cluster": not a list, yet each name is
    followed by its own class word, so the first is the cluster named like it, not the hub."""
    result = _ask(corpus_store, "Does the Yangtze River Delta demonstration-zone cluster cooperate with the Wuhu cluster?")
    assert result["interpretation"].startswith("is Yangtze River Delta Ecological Green Integrated Development "
                                               "Demonstration Zone data center cluster partner Wuhu")


def test_what_a_company_runs_in_a_place_is_only_what_it_runs_there(corpus_store) -> None:
    result = _ask(corpus_store, "华为在韶关建设了哪些中心?")
    assert result["answers"] == [] and "韶关由华为建设运营的中心" in result["interpretation"]


def test_which_centers_of_a_place_are_on_a_national_list(tmp_path) -> None:
    """Members of a list (an Initiative), kept to the place the question names; the list alone is no place."""
    def center(zh: str, en: str) -> dict:
        return {"zh": zh, "en": en, "type": "Center"}
    listed = {"zh": "国家绿色数据中心名单", "en": "national green data center list", "type": "Initiative"}
    facts = [
        {"subject": center("甲乙绿色数据中心", "Jiayi Green Data Center"), "metric": "member_of", "value": listed, "doc": "n1"},
        {"subject": center("甲乙绿色数据中心", "Jiayi Green Data Center"), "metric": "located_in",
         "value": {"zh": "中卫", "en": "Zhongwei", "type": "City"}, "doc": "n1"},
        {"subject": center("丙丁绿色数据中心", "Bingding Green Data Center"), "metric": "member_of", "value": listed,
         "doc": "n2"},
        {"subject": center("丙丁绿色数据中心", "Bingding Green Data Center"), "metric": "located_in",
         "value": {"zh": "芜湖", "en": "Wuhu", "type": "City"}, "doc": "n2"},
    ]
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(tmp_path / "facts.json"), "--store", str(tmp_path / "s"), check=True)
    result = _ask(tmp_path / "s", "哪些宁夏数据中心入选了国家绿色数据中心名单?")
    assert [a["label"] for a in result["answers"]] == ["甲乙绿色数据中心"]
    result = _ask(tmp_path / "s", "Which Ningxia data centers were put on the national green data center list?")
    assert [a["label"] for a in result["answers"]] == ["Jiayi Green Data Center"]
    # none placed in Hebei: only members the graph places nowhere may be there, and here there are none
    result = _ask(tmp_path / "s", "Which Hebei data centers joined the national green data center list?")
    assert result["answers"] == []


def test_a_figure_another_page_gives_under_a_shorter_name_is_found_and_said_so(phases_store) -> None:
    """One page names 中国电信江城智能算力中心, another only 江城算力中心 with its figure."""
    result = _ask(phases_store, "中国电信江城智能算力中心规划多少智能算力?")
    assert [(a["label"], a["value"]) for a in result["answers"]] == [("江城算力中心", 3000)]
    assert "改查它的简称江城算力中心" in result["interpretation"]


@pytest.mark.parametrize(("question", "label"), [
    ("Who is building the AI computing center in Yibin?", "Zichou Digital Technology Co., Ltd."),
    ("宜宾的人工智能算力中心由谁建设?", "子丑数字科技有限公司"),
    ("Who built the data center in Yibin?", "China Mobile"),
])
def test_a_facility_described_by_its_place_and_kind_is_the_one_whose_name_fits(phases_store, question, label) -> None:
    """Two centers stand in Yibin: the describing words pick one, and the answer says which it took."""
    result = _ask(phases_store, question)
    assert [a["label"] for a in result["answers"]] == [label]
    assert "described in" in result["interpretation"] or "将所述" in result["interpretation"]


def test_a_description_that_fits_no_center_better_than_another_picks_none(phases_store) -> None:
    result = _ask(phases_store, "Who is building the center in Yibin?")  # both names hold "center"
    assert "described in" not in result["interpretation"]


@pytest.mark.parametrize(("question", "display"), [
    ("By how much did the Maochen cluster's computing power grow between 2020 and 2024?", "25,000 PFLOPS more"),
    ("卯辰数据中心集群的总算力比智能算力多出多少?", "多1万P"),
    ("卯辰数据中心集群的智能算力比总算力少多少?", "少1万P"),
    ("戊己数据中心集群的算力预计还将增长多少?", "多3万P"),  # planned minus built
])
def test_how_far_one_thing_s_two_figures_are_apart(phases_store, question, display) -> None:
    assert [a["text"] for a in _ask(phases_store, question)["answers"]] == [display]


def test_a_growth_without_two_figures_answers_the_figure_it_has(phases_store) -> None:
    assert [a["value"] for a in _ask(phases_store, "子丑人工智能算力中心的算力将增长多少?")["answers"]] == [10000]


@pytest.mark.parametrize("question", ["Taking both phases together, how many racks will the Jiayi Technology Cloud Valley "
                                      "data center have?", "甲乙科技云谷数据中心两期一共有多少机架?"])
def test_both_phases_together_add_what_is_built_and_what_is_planned_and_say_so(phases_store, question) -> None:
    [answer] = _ask(phases_store, question)["answers"]
    assert answer["value"] == 8000 and answer["comparator"] == "ge"
    assert "planned" in answer["text"] or "规划" in answer["text"]


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the renewable share of Gansu's data center power?", ["gansu"]),  # the place's centers, no name
    ("2025年甘肃庆阳的算力总规模是多少?", ["qingyang"]),  # a province just before its city says where the city is
    ("What is the PUE of the data center in Qingyang's Xifeng District?", ["xifeng-district"]),
    ("西峰的数据中心PUE是多少?", ["xifeng-district"]),  # a district written without its 区
    ("What is the Taiwanese public sector's computing power?", ["taiwan"]),  # an adjective names its place
])
def test_places_and_class_words_name_no_facility(corpus_store, question, expected) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    assert [iri.rsplit("/", 1)[-1] for _, iri in understand(question, vocabulary(store)).entities] == expected


@pytest.mark.parametrize(("question", "field", "value"), [
    ("超大规模算力中心由谁建设?", "asked_bound", None),  # 超大规模 is a word of a name, no "more than"
    ("截至2023年6月,庆阳数据中心集群的算力超过多少?", "threshold", None),  # a month is a time, not a bound
    ("截至2023年6月,庆阳数据中心集群的算力超过多少?", "asked_bound", "gt"),
    ("Which clusters had more than 10,000 PFLOPS as of June 30, 2023?", "threshold", 10000),
    ("两个项目投资一共多少元?", "metric", "investment"),  # "两个项目" says which, it counts nothing
    ("庆阳数据中心集群已经投入使用的数据中心有几个?", "metric", None),  # 投入使用 is no investment: a count of centers
    ("When was the Qingyang cluster's first center put into operation?", "metric", None),
    ("How much is Huawei putting into the Shaoguan cluster?", "metric", "investment"),
    ("甘肃省算力产业的规模目标是多少?", "metric", "output_value"),  # 算力 names the industry, 规模 its size
    ("北京累计发放的算力补贴有多少?", "metric", "investment"),
    ("Which Gansu companies have built data centers in Qingyang?", "metric", None),  # firms asked, not their number
    ("华为的数据中心位于哪个县?", "cls", "District"),  # the class word holds the question word: a county is asked
    ("How many Chinese cities are building intelligent computing centers?", "cls", "City"),  # what "how many" counts
    ("甘肃有几个城市建有数据中心?", "cls", "City"),
    ("To what capacity is the Qingyang cluster due to be upgraded?", "statuses", ["planned", "target", "under_construction"]),
    ("庆阳有多少家存量数据中心?", "unknown", []),  # "少家存量数据中心" is no name: a count of centers
    ("Which companies operate the Shaoguan cluster?", "relation", "operator"),
    ("天府数据中心集群以哪些园区为主要载体?", "relation", "contains"),  # parks below a cluster: what it holds
    ("天府数据中心集群在哪个城市?", "relation", "located_in"),
    ("Which zones in Chengdu make up the Tianfu cluster?", "relation", "contains"),
])
def test_wordings_that_are_not_what_they_seem(corpus_store, question, field, value) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    assert getattr(understand(question, vocabulary(store)), field) == value


def test_members_of_a_list_the_graph_does_not_know_are_not_every_center_of_the_place(corpus_store) -> None:
    """No such list in the graph: neither the place's centers nor the lists the place is on."""
    result = _ask(corpus_store, "哪些甘肃数据中心入选了国家零碳园区名单?")
    assert result["answers"] == [] and result["interpretation"].startswith("not understood")


@pytest.mark.parametrize(("question", "expected"), [
    ("Huawei在韶关建设了哪些中心?", ["huawei", "shaoguan"]),  # an English name right before Chinese text
    ("Which cluster is the Qingyang data centre cluster part of?", ["qingyang-data-center-cluster"]),  # centre = center
    ("What is the PUE of the Guian cluster?", ["guian-data-center-cluster"]),  # Gui'an without its apostrophe
])
def test_names_written_as_outsiders_write_them(corpus_store, question, expected) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    assert [iri.rsplit("/", 1)[-1] for _, iri in understand(question, vocabulary(store)).entities] == expected


def test_ai_in_a_chinese_question_stands_for_rengong_zhineng(phases_store) -> None:
    assert [a["label"] for a in _ask(phases_store, "子丑AI算力中心由谁建设?")["answers"]] == ["子丑数字科技有限公司"]


def test_a_growth_from_an_ai_figure_to_a_total_one_is_not_worked_out(corpus_store) -> None:
    """Gui'an states AI computing power now and total computing power for 2025: their difference is no growth."""
    result = _ask(corpus_store, "How much is the Gui'an cluster's computing power set to grow by 2025?")
    assert sorted(a["value"] for a in result["answers"]) == [8000, 20000]
    assert "no two figures of one kind" in result["interpretation"]


def test_one_thing_of_a_class_the_graph_does_not_know_is_not_every_member_of_the_class(corpus_store) -> None:
    """"the supercomputing center in Atlantis": not understood, rather than every center ranked by investment."""
    result = _ask(corpus_store, "Roughly what will the supercomputing center in Atlantis cost?")
    assert result["answers"] == []


def test_taiwan_wording_for_digital_reads_as_the_mainland_word() -> None:
    from extract.text import fold

    assert fold("中華電信數位產業基地") == "中华电信数字产业基地"


@pytest.mark.parametrize(("question", "expected"), [
    ("Who is building the AI computing center that Zichou is putting up in Yibin?", ["Zichou Digital Technology Co., Ltd."]),
    ("How much investment had Yibin's data center attracted?", []),  # the city's own figure: no center is guessed
])
def test_who_is_behind_a_facility_described_by_its_builder_and_place(phases_store, question, expected) -> None:
    assert [a["label"] for a in _ask(phases_store, question)["answers"]] == expected


def test_the_group_holds_the_parts_a_place_only_qualifies(corpus_store) -> None:
    """"Which parks in Chengdu make up the Tianfu cluster": the cluster's parks, not what Chengdu contains."""
    result = _ask(corpus_store, "Which parks in Chengdu make up the Tianfu data center cluster?")
    assert "contains of Tianfu data center cluster" in result["interpretation"]


def test_the_whole_compared_with_its_first_phase_is_their_difference(phases_store) -> None:
    result = _ask(phases_store, "How much more computing power will the Dingwu center have compared with its first phase?")
    assert [a["value"] for a in result["answers"]] == [3000]


def test_a_quoted_name_after_its_place_is_the_name_asked_about(corpus_store) -> None:
    store = LocalStore(str(corpus_store), read_only=True)
    u = understand("芜湖「江城智算中心」规划多少算力?", vocabulary(store))
    assert [iri.rsplit("/", 1)[-1] for _, iri in u.entities] == ["jiangcheng-intelligent-computing-center"]


def test_where_a_facility_described_by_its_place_stands(corpus_store) -> None:
    result = _ask(corpus_store, "Which district is the intelligent computing center in Wuhu located in?")
    assert "the Center described in Wuhu is Jiangcheng Intelligent Computing Center" in result["interpretation"]


def test_the_share_of_capacity_in_use_is_asked_in_either_language(tmp_path) -> None:
    """上架率 / occupancy / utilization is its own metric, answered as a percentage and never as the green-power share."""
    (tmp_path / "u.txt").write_text("甲乙智算中心运营一年\n\n2025年,甲乙智算中心绿电占比超65%,上架率达到70%。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "u.txt"), "--store", str(tmp_path / "store"), check=True)
    for question, worded in (("甲乙智算中心的上架率是多少?", "70%"), ("What is the occupancy rate of the Jiayi center?", "70%"),
                             ("甲乙智算中心的绿电占比是多少?", "超过65%")):
        result = _ask(tmp_path / "store", question)
        assert [a["value"] for a in result["answers"]] == [0.7 if worded == "70%" else 0.65], question
        assert worded in suanli("ask", question, "--store", str(tmp_path / "store"), check=True).stdout, question


@pytest.mark.parametrize("question", [
    "Was Anhui's first intelligent computing center in Wuhu already in operation in 2024?",  # an unnamed center: no "is X in Y"
    "2025年中国算力大会在哪座城市开幕?",  # an event's city: 算力 in its name is no figure to rank cities by
    "安徽是否是全国唯一一个能直达八大国家算力枢纽的省份?",  # it is a province: the words before 省份 describe it, no hub test
])
def test_what_the_graph_cannot_know_gets_no_answer_rather_than_a_guess(corpus_store, question) -> None:
    result = _ask(corpus_store, question)
    assert result["answers"] == [] and result.get("boolean") is None, question
    assert "算力" not in result["interpretation"] and "located_in" not in result["interpretation"], question


def test_places_listed_that_the_graph_does_not_know_are_said_so_not_summed_over_every_center(corpus_store) -> None:
    result = _ask(corpus_store, "甲城、乙城、丙城三地在建智算中心的算力加起来是多少?")
    assert result["answers"] == [] and "甲城" in result["interpretation"]
    known = _ask(corpus_store, "庆阳、韶关和芜湖三个集群的机架合计是多少?")  # listed names it knows still add up
    assert known["answers"] and known["answers"][0]["value"]
    # but not when one of them has no such figure: the sum of two is not the three's
    lacking = _ask(corpus_store, "庆阳、中卫和芜湖三个集群的机架合计是多少?")
    assert lacking["answers"] == [] and "中卫数据中心集群没有数值" in lacking["interpretation"]


@pytest.mark.parametrize(("question", "said"), [
    ("How much is the Qingyang cluster investing?", "investment of"),  # a verb's -ing form names its metric too
    ("What is the Rmax of the Qingyang cluster?", "computing_power of"),  # a benchmark's measured performance
    ("庆阳集群有多少张AI芯片?", "算力卡数"),  # chips counted are cards
    ("庆阳集群的AI芯片国产化率是多少?", "未能理解"),  # a share of home-made chips counts none
    ("Which research institute built the Qingyang cluster?", "operator of"),  # an institute is an organization asked who
    ("庆阳集群是由哪个研究院建设的?", "运营方"),
])
def test_metric_words_as_news_readers_ask(corpus_store, question, said) -> None:
    assert said in _ask(corpus_store, question)["interpretation"], question


@pytest.mark.parametrize("question", ["江城智算中心位于哪个园区?", "江城智算中心位于哪个区?", "Which district is the Jiangcheng "
                                      "Intelligent Computing Center in?"])
def test_a_finer_place_asked_is_never_answered_with_a_coarser_one(corpus_store, question) -> None:
    """Its city is known, no park or district is: "which park" is not answered with the city (nor a province)."""
    assert _ask(corpus_store, question)["answers"] == [], question
    assert [a["label"] for a in _ask(corpus_store, "江城智算中心位于哪个城市?")["answers"]] == ["芜湖"]


def test_a_firm_s_figure_is_never_one_of_its_facilities_named_after_it(tmp_path) -> None:
    """A firm's name opens the name of everything it runs: with no figure of the firm's own there is no answer."""
    (tmp_path / "f.txt").write_text("数据中心投运\n\n中国移动甲乙数据中心位于贵安新区,机架规模达到1.5万架。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "f.txt"), "--store", str(tmp_path / "store"), check=True)
    assert _ask(tmp_path / "store", "中国移动有多少机架?")["answers"] == []
    assert [a["value"] for a in _ask(tmp_path / "store", "中国移动甲乙数据中心有多少机架?")["answers"]] == [15000]


def test_a_county_no_fact_names_takes_no_word_of_a_facility_s_name(tmp_path) -> None:
    """Every county is in the reference graph: 七星区 (Qixing, in Guilin) must not take "Qixing" from a center."""
    (tmp_path / "q.txt").write_text("数据中心投运\n\n腾讯贵安七星数据中心位于贵安新区,由腾讯投资建设。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "q.txt"), "--store", str(tmp_path / "store"), check=True)
    result = _ask(tmp_path / "store", "Who runs the Qixing data center in Gui'an?")
    assert [a["label"] for a in result["answers"]] == ["Tencent"], result["interpretation"]


def test_the_first_stage_asked_is_never_another_stage(tmp_path) -> None:
    (tmp_path / "s.txt").write_text("Data center grows\n\nThe China Mobile Jiayi Data Center Stage I holds 9,000 racks. "
                                    "The China Mobile Jiayi Data Center Stage II will add 12,000 racks.\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "s.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("How many racks are in the first stage of China Mobile's Jiayi data center?",
                     "How many racks does stage one of the China Mobile Jiayi Data Center have?"):
        assert [a["value"] for a in _ask(tmp_path / "store", question)["answers"]] == [9000], question


def test_where_a_firm_s_project_in_a_named_city_stands(tmp_path) -> None:
    """A firm lies in no county: "X在Y扩建的项目落在哪个县" asks where what X runs in Y stands, with that sentence."""
    (tmp_path / "p.txt").write_text("数据中心扩建\n\n中国移动乙丙数据中心位于呼和浩特市和林格尔县,由中国移动投资建设。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    result = _ask(tmp_path / "store", "中国移动这次在呼和浩特扩建的项目落在哪个县?")
    assert [a["label"] for a in result["answers"]] == ["和林格尔县"] and result["evidence"]


def test_of_two_disagreeing_figures_the_one_the_question_words_is_answered(tmp_path) -> None:
    """Two pages give one center two rack counts; the question is worded after one of the sentences (its early
    state), so that figure is answered, and the other is still shown as a disagreeing source."""
    center = {"zh": "壬癸云数据中心", "en": "Rengui Cloud Data Center", "type": "Center"}
    facts = [
        {"subject": center, "metric": "rack_count", "value": 16000, "unit": "racks", "doc": "e1",
         "evidence": "壬癸云数据中心目前已建成机架1.6万架,服务器超过10万台。"},
        {"subject": center, "metric": "rack_count", "value": 300, "unit": "racks", "doc": "e2",
         "evidence": "壬癸云数据中心刚刚投产首批机房时,只有300架机架上线运行。"},
    ]
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(tmp_path / "facts.json"), "--store", str(tmp_path / "s"), check=True)
    result = _ask(tmp_path / "s", "壬癸云数据中心刚投产首批机房时有多少架机架?")
    assert [a["value"] for a in result["answers"]] == [300] and result["answers"][0]["conflict"]
    # worded after neither sentence: the largest, as before
    assert [a["value"] for a in _ask(tmp_path / "s", "壬癸云数据中心有多少机架?")["answers"]] == [16000]


@pytest.mark.parametrize(("question", "interpreted"), [
    ("Where does Chengdu rank nationwide for computing power?", "rank of Chengdu"),
    ("成都的算力在全国排第几?", "成都的排名"),
    ("What fraction of Qingyang's installed power capacity is clean energy?", "renewable_share of Qingyang"),
    ("What is the capacity of the green-electricity project Qingyang built?", "clean_energy_capacity of Qingyang"),
    ("How much financing did Qingyang obtain for its computing projects?", "investment of Qingyang"),
])
def test_the_metric_a_question_asks_for_is_the_one_its_question_words_name(corpus_store, question, interpreted) -> None:
    """A rank asked "by" a metric is a rank; a share of clean energy a share; a green project's capacity kilowatts."""
    assert _ask(corpus_store, question)["interpretation"].startswith(interpreted)


def test_a_firm_s_facility_named_after_a_hub_is_no_figure_of_the_hub_or_the_firm(corpus_store) -> None:
    """"甲公司京津冀大数据基地" is one base the graph does not know: neither the hub's racks nor the firm's."""
    result = _ask(corpus_store, "中国电信京津冀大数据基地有多少机架?")
    assert result["answers"] == [] and "中国电信京津冀大数据基地" in result["interpretation"]


def test_the_first_of_a_kind_is_no_count(corpus_store) -> None:
    """"首个数据中心集群" says which one, it asks no number of data centers."""
    result = _ask(corpus_store, "甘肃首个数据中心集群庆阳集群位于哪个城市?")
    assert "数据中心数" not in result["interpretation"] and "所在地" in result["interpretation"]


def test_a_phase_word_of_one_listed_name_is_no_phase_of_the_next(phases_store) -> None:
    """"A一期和B": B is the whole of B; and a sum whose one named part has no figure is no sum at all."""
    result = _ask(phases_store, "丙丁智算中心二期和丁戊中心的算力合计是多少?")
    assert [a["value"] for a in result["answers"]] == [7000]
    result = _ask(phases_store, "丙丁智算中心一期和丁戊中心的算力合计是多少?")
    assert result["answers"] == [] and "丁戊智算中心一期" not in result["interpretation"]
    assert "丁戊智算中心" in result["interpretation"]


@pytest.mark.parametrize(("question", "not_said", "said"), [
    ("庆阳的这个智算中心规划算力有多大?", "数据中心数", "算力"),  # 这个 points at one center, it counts none
    ("庆阳数据中心集群计划把算力从1万P提升到多少?", "变化", "算力"),  # the level to be reached, not by how much
    ("To how much will the Qingyang cluster increase its computing power?", "change", "computing_power"),
])
def test_a_question_for_one_level_is_no_count_and_no_change(corpus_store, question, not_said, said) -> None:
    interpretation = _ask(corpus_store, question)["interpretation"]
    assert not_said not in interpretation and said in interpretation


@pytest.mark.parametrize(("question", "metric", "count"), [
    ("庆阳那个绿色算力调度平台接入了几家数据中心?", None, True),  # the platform's 算力 describes it: centers are counted
    ("庆阳的算力服务平台连上了多少座算力中心?", None, True),
    ("庆阳几个数据中心的机架合计是多少?", "any", False),  # a metric after the class is asked
    ("庆阳算力最大的几个数据中心是哪些?", "any", False),
    ("庆阳算力超过100P的数据中心有几个?", "computing_power", True),  # a bound: centers over it are counted
])
def test_a_metric_word_before_how_many_centers_only_describes(phases_store, question, metric, count) -> None:
    u = understand(question, vocabulary(LocalStore(str(phases_store), read_only=True)))
    assert (u.metric if metric != "any" else u.metric and "any", u.count, u.cls) == (metric, count, "Center")


def test_how_many_centers_a_platform_links_is_the_place_s_stated_count(phases_store) -> None:
    assert [a["value"] for a in _ask(phases_store, "庆阳那个算力调度平台接入了几家数据中心?")["answers"]] == [19]


def test_a_yes_no_the_graph_is_silent_on_is_no_no(tmp_path) -> None:
    """The graph is open: "is X in Y" with no place known for X gets no answer, not "no"; a "no" stands where the
    graph says something else (another operator); a largest-of-a-region question is no class test."""
    (tmp_path / "o.txt").write_text("智算中心投运\n\n甲乙智算中心由中国移动投资建设并运营。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "o.txt"), "--store", str(tmp_path / "store"), check=True)
    for question, expected in (("甲乙智算中心是否位于长沙?", None), ("Is the Jiayi center located in Changsha?", None),
                               ("甲乙智算中心是否由中国电信运营?", False), ("甲乙智算中心是否由中国移动运营?", True),
                               ("长沙是不是有智算中心?", None), ("长沙这个智算中心是不是华中地区最大的智算中心?", None)):
        result = _ask(tmp_path / "store", question)
        assert result["boolean"] is expected and result["answers"] == [], (question, result["interpretation"])


def test_a_programme_s_name_inside_a_facility_s_name_is_passed_over(tmp_path) -> None:
    """"X新区「东数西算」甲乙项目": the graph holds the project without the programme's words; it is still the one asked."""
    project = {"zh": "贵安新区甲乙算力配套项目", "en": "Gui'an New Area Jiayi Computing Supporting Project", "type": "Park"}
    facts = [{"subject": project, "metric": "operator", "value": {"zh": "丙丁发展集团", "en": "Bingding Development Group",
                                                                  "type": "Company"}, "doc": "g1",
              "evidence": "贵安新区甲乙算力配套项目由丙丁发展集团负责建设。"}]
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(tmp_path / "facts.json"), "--store", str(tmp_path / "s"), check=True)
    for question in ("贵安新区「东数西算」甲乙算力配套项目由哪家企业建设?", "贵安新区东数西算甲乙算力配套项目是谁建设的?"):
        assert [a["label"] for a in _ask(tmp_path / "s", question)["answers"]] == ["丙丁发展集团"], question


def test_the_cities_of_a_hub_are_those_of_its_clusters(corpus_store) -> None:
    result = _ask(corpus_store, "Which cities host the clusters of the Chengdu-Chongqing hub?")
    assert "Chengdu" in [a["label"] for a in result["answers"]], result["interpretation"]


def test_a_yes_no_about_one_thing_s_place_or_a_described_center_lists_nothing(corpus_store) -> None:
    """"X是不是建在稻田上": where X is answers no yes/no; nor do the centers a description fits."""
    for question in ("芜湖数据中心集群是不是建在湖边?", "Does China Telecom's data center in Qingyang use liquid cooling?"):
        result = _ask(corpus_store, question)
        assert result["answers"] == [] and result["boolean"] is None, (question, result["interpretation"])


def test_a_city_and_its_new_area_named_as_one_are_asked_of_the_city(corpus_store) -> None:
    """"贵阳贵安" names Guiyang and the Gui'an New Area run with it; the pages' figures for the pair are the city's."""
    u = understand("贵阳贵安的算力规模有多大?", vocabulary(LocalStore(str(corpus_store), read_only=True)))
    assert [iri.rsplit("/", 1)[-1] for _, iri in u.entities] == ["guiyang"]


def _facts_store(tmp_path, facts: list[dict]):
    (tmp_path / "facts.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    suanli("ingest", "--facts", str(tmp_path / "facts.json"), "--store", str(tmp_path / "s"), check=True)
    return tmp_path / "s"


def _fact(subject: dict, metric: str, value, evidence: str, **more) -> dict:
    return {"doc": "q6", "subject": subject, "metric": metric, "value": value, "unit": more.pop("unit", None),
            "comparator": "eq", "status": more.pop("status", "actual"), "evidence": evidence, **more}


def test_a_rank_asked_within_a_region_is_only_the_rank_stated_for_it(tmp_path) -> None:
    """"在中部省份里排第几": the national rank is no answer; a rank the quote gives for that region is."""
    hubei = {"zh": "湖北", "en": "Hubei", "type": "Province"}
    shaanxi = {"zh": "陕西", "en": "Shaanxi", "type": "Province"}
    store = _facts_store(tmp_path, [_fact(hubei, "rank", 6, "湖北的算力指数排在全国第6位、中部第1位。"),
                                    _fact(shaanxi, "rank", 2, "陕西的算力指数位列西部第2。")])
    for question, expected in (("湖北的算力指数在中部省份里排第几?", []), ("湖北的算力指数在全国排第几?", [6]),
                               ("陕西的算力指数在西部排第几?", [2]), ("Where does Hubei rank among central provinces?", [])):
        assert [a["value"] for a in _ask(store, question)["answers"]] == expected, question


def test_which_of_two_is_larger_when_the_graph_only_knows_one_by_name_is_no_answer(tmp_path) -> None:
    """Stargate is in the reference data, with no figure: the cluster's figure does not make it the larger one."""
    cluster = {"zh": "芜湖数据中心集群", "en": "Wuhu data center cluster", "type": "Cluster"}
    store = _facts_store(tmp_path, [_fact(cluster, "investment", 2e11, "芜湖集群投资两千亿元。", unit="CNY")])
    result = _ask(store, "芜湖数据中心集群和星际之门比,哪个投资更大?")
    assert result["answers"] == [], result["interpretation"]


def test_the_firms_building_in_a_place_are_the_operators_of_its_facilities(tmp_path) -> None:
    zhongwei = {"zh": "中卫", "en": "Zhongwei", "type": "City"}
    one = {"zh": "甲乙中卫数据中心", "en": "Jiayi Zhongwei Data Center", "type": "Center"}
    two = {"zh": "丙丁云数据中心", "en": "Bingding Cloud Data Center", "type": "Center"}
    store = _facts_store(tmp_path, [
        _fact(one, "located_in", zhongwei, "甲乙中卫数据中心位于中卫。"),
        _fact(one, "operator", {"zh": "中国移动", "en": "China Mobile", "type": "Company"}, "由中国移动建设。"),
        _fact(two, "located_in", zhongwei, "丙丁云数据中心落户中卫。"),
        _fact(two, "operator", {"zh": "中金数据", "en": "Chindata", "type": "Company"}, "由中金数据建设。")])
    for question in ("哪几家企业正在中卫筹建新的数据中心?", "中卫有哪些企业在建设数据中心?", "有哪些企业正在中卫筹建数据中心?",
                     "Which firms are building data centers in Zhongwei?"):
        labels = {a["label_zh"] for a in _ask(store, question)["answers"]}
        assert labels == {"中国移动", "中金数据"}, question


def test_an_ai_model_park_is_the_ai_large_model_park_and_a_final_figure_is_no_current_one(tmp_path) -> None:
    park = {"zh": "人工智能大模型产业园", "en": "Artificial Intelligence Large Model Industrial Park", "type": "Park"}
    center = {"zh": "甲乙智算中心", "en": "Jiayi Intelligent Computing Center", "type": "Center"}
    store = _facts_store(tmp_path, [_fact(park, "investment", 6e9, "大模型产业园总投资60亿元。", unit="CNY"),
                                    _fact(center, "gpu_cards", 10000, "甲乙智算中心已部署1万张卡。")])
    result = _ask(store, "What is the total investment of the AI model industrial park?")
    assert [a["value"] for a in result["answers"]] == [6e9], result["interpretation"]
    assert _ask(store, "甲乙智算中心最终规划能承载多少张算力卡?")["answers"] == []
    assert [a["value"] for a in _ask(store, "甲乙智算中心现在有多少张算力卡?")["answers"]] == [10000]


def test_how_many_of_a_thing_no_class_holds_is_neither_a_count_nor_a_list(tmp_path) -> None:
    """"X的数据中心有几栋机房": the buildings are counted, not the centers; the center described is no number."""
    zhongwei = {"zh": "中卫", "en": "Zhongwei", "type": "City"}
    center = {"zh": "甲乙中卫数据中心", "en": "Jiayi Zhongwei Data Center", "type": "Center"}
    store = _facts_store(tmp_path, [
        _fact(center, "located_in", zhongwei, "甲乙中卫数据中心位于中卫。"),
        _fact(center, "operator", {"zh": "中国移动", "en": "China Mobile", "type": "Company"}, "由中国移动建设。")])
    for question in ("中国移动在中卫的数据中心有几栋机房?",
                     "How many machine-room buildings will China Mobile's data center in Zhongwei have?"):
        result = _ask(store, question)
        assert result["answers"] == [], (question, result["interpretation"])
    assert [a["label_zh"] for a in _ask(store, "中国移动在中卫有哪些数据中心?")["answers"]] == ["甲乙中卫数据中心"]


@pytest.fixture(scope="module")
def builders_store(tmp_path_factory):
    """A center with a strategic partner and no builder named, and a park a parent company runs."""
    root = tmp_path_factory.mktemp("builders")
    (root / "a.txt").write_text("宜宾一座智算中心签约\n\n甲丙智算中心位于宜宾市。甲丙智算中心与中国联通四川公司签署战略合作协议。\n\n"
                                "乙丁云计算产业园位于宜宾市,由中国电信投资建设。\n", encoding="utf-8")
    suanli("ingest", str(root / "a.txt"), "--store", str(root / "store"), check=True)
    return root / "store"


@pytest.mark.parametrize(("question", "expected"), [
    ("甲丙智算中心是谁建设的?", []),  # a strategic partner is no builder
    ("甲丙智算中心和哪家公司携手建设?", ["中国联通四川公司"]),  # built together: its partners answer
    ("Which company jointly built the Jiabing Intelligent Computing Center?", ["China Unicom Sichuan"]),
])
def test_partners_answer_who_built_only_when_the_question_says_built_together(builders_store, question, expected) -> None:
    assert [a["label"] for a in _ask(builders_store, question)["answers"]] == expected


@pytest.mark.parametrize("question", ["乙丁云计算产业园由中国电信旗下哪家子公司运营?",
                                      "Which China Telecom subsidiary runs the Yiding Cloud Computing Industrial Park?"])
def test_a_subsidiary_asked_is_not_the_parent_the_question_names(builders_store, question) -> None:
    assert all(a["label"] not in ("中国电信", "China Telecom") for a in _ask(builders_store, question)["answers"])


def test_a_class_asked_with_one_word_between_and_a_hub_a_cluster_is_part_of(tmp_path) -> None:
    """"Which administrative zone of X signed with Y": the zone is asked, not the center named later; "X被纳入哪个
    枢纽", "one of the clusters of which hub": a hub is what a cluster is part of, never a list it joins, nor does it run
    what it sets up; a center in a province a hub spans is in that hub."""
    city = {"zh": "绵阳", "en": "Mianyang", "type": "City"}
    zone = {"zh": "甲乙高新区", "en": "Jiayi High-tech Zone", "type": "Park"}
    firm = {"zh": "丙丁科技", "en": "Bingding Tech", "type": "Company"}
    cluster = {"zh": "绵阳数据中心集群", "en": "Mianyang data center cluster", "type": "Cluster"}
    hub = {"zh": "成渝枢纽", "en": "Chengdu-Chongqing hub", "type": "Hub"}
    center = {"zh": "甲乙智算中心", "en": "Jiayi Intelligent Computing Center", "type": "Center"}
    store = _facts_store(tmp_path, [
        _fact(zone, "located_in", city, "甲乙高新区位于绵阳。"),
        _fact(zone, "partner", firm, "甲乙高新区与丙丁科技签约建设数据中心。"),
        _fact(cluster, "part_of", hub, "绵阳数据中心集群属于成渝枢纽。"),
        _fact(center, "located_in", city, "甲乙智算中心位于绵阳。")])
    for question, expected in (
            ("绵阳数据中心集群是由哪个国家算力枢纽规划设立的?", ["成渝枢纽"]),  # a hub sets it up, it runs nothing
            ("Which national hub node was the Jiayi Intelligent Computing Center built for?", ["Chengdu-Chongqing hub"]),
            ("甲乙智算中心属于哪个枢纽?", ["成渝枢纽"]),  # in a city of Sichuan: in the hub that spans Sichuan
            ("Which administrative zone of Mianyang signed the agreement with Bingding Tech for its data centre?",
             ["Jiayi High-tech Zone"]),
            ("The Mianyang data center cluster is one of the clusters of which national computing hub?",
             ["Chengdu-Chongqing hub"]),
            ("绵阳数据中心集群被纳入哪个国家算力枢纽节点?", ["成渝枢纽"]),
            ("甲乙高新区和哪家企业签订了协议?", ["丙丁科技"])):  # 签订, 签署 as 签约: whom it signed with
        assert [a["label"] for a in _ask(store, question)["answers"]] == expected, question


def test_who_runs_a_center_no_one_runs_is_read_of_the_longer_name_another_page_gives_it(tmp_path) -> None:
    """One page says "重庆甲乙计算中心", another "丙丁重庆甲乙计算中心" with its builder: the builder answers, said so;
    a name that only shares a place with it does not."""
    chongqing = {"zh": "重庆", "en": "Chongqing", "type": "Province"}
    short = {"zh": "重庆甲乙计算中心", "en": "Chongqing Jiayi Computing Center", "type": "Center"}
    longer = {"zh": "丙丁重庆甲乙计算中心", "en": "Bingding Chongqing Jiayi Computing Center", "type": "Center"}
    other = {"zh": "重庆戊己数据中心", "en": "Chongqing Wuji Data Center", "type": "Center"}
    store = _facts_store(tmp_path, [
        _fact(short, "located_in", chongqing, "重庆甲乙计算中心位于重庆。"),
        _fact(longer, "operator", {"zh": "丙丁科技", "en": "Bingding Tech", "type": "Company"}, "丙丁科技负责建设运营。"),
        _fact(other, "located_in", chongqing, "重庆戊己数据中心位于重庆。")])
    for question in ("重庆甲乙计算中心由谁运营?", "Which company operates the Chongqing Jiayi Computing Center?"):
        result = _ask(store, question)
        assert [a["label"] for a in result["answers"]] in (["丙丁科技"], ["Bingding Tech"]), question
        assert "丙丁重庆甲乙计算中心" in result["interpretation"] or "Bingding Chongqing" in result["interpretation"]
    assert _ask(store, "重庆戊己数据中心由谁运营?")["answers"] == []


def test_a_facility_named_after_its_place_is_asked_without_it_and_with_which_asks_for_a_partner(tmp_path) -> None:
    """"青松产业园" names 永宁县青松产业园 (the rest is a name of its own, no other thing has it; "大数据中心" of 永宁县大数据中心
    is no name); "X要和哪个数据中心共享算力": whom X works with, never X's own figure."""
    county = {"zh": "永宁县", "en": "Yongning County", "type": "District"}
    park = {"zh": "永宁县青松产业园", "en": "Yongning County Qingsong Industrial Park", "type": "Park"}
    data_center = {"zh": "永宁县大数据中心", "en": "Yongning County Big Data Center", "type": "Center"}
    center = {"zh": "青松智算中心", "en": "Qingsong Intelligent Computing Center", "type": "Center"}
    other = {"zh": "江城枫湖数据中心", "en": "Jiangcheng Fenghu Data Center", "type": "Center"}
    store = _facts_store(tmp_path, [
        _fact(park, "located_in", None, "永宁县青松产业园开工建设。", object=county),
        _fact(park, "investment", 6.7e8, "青松产业园累计完成投资6.7亿元。", unit="CNY"),
        _fact(data_center, "rack_count", 800, "永宁县大数据中心已建成机架800架。", unit="racks"),
        _fact(center, "computing_power", 3000, "青松智算中心将部署3000P算力。", unit="PFLOPS", status="planned"),
        _fact(center, "partner", None, "青松智算中心将与江城枫湖数据中心实现算力共享。", object=other)])
    for question, expected in (
            ("青松产业园位于哪个县?", ["永宁县"]),
            ("青松产业园累计完成了多少投资?", [6.7e8]),
            ("青松智算中心建成后要和哪个数据中心互通数据、共享算力?", ["江城枫湖数据中心"]),
            ("With which data center will the Qingsong Intelligent Computing Center share its computing power?",
             ["Jiangcheng Fenghu Data Center"])):
        answers = _ask(store, question)["answers"]
        assert [a.get("value") or a["label"] for a in answers] == expected, question
    assert "永宁县大数据中心" not in _ask(store, "大数据中心有多少机架?")["interpretation"]


def test_a_national_center_is_asked_by_its_citys_short_name_and_an_unknown_zone_settles_no_yes_no(tmp_path) -> None:
    """成都超算中心 names the national supercomputing center of Chengdu (a short form the extractor reads, so a label too),
    never the city's 智算中心; "建在成都高新区吗": a zone the graph does not know is not answered with "yes" because
    the center is in the city around it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "成都超算中心扩容\n\n国家超级计算成都中心位于成都市,总建筑面积5万平方米。成都智算中心总投资10亿元。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "docs"), "--store", str(tmp_path / "s"), check=True)
    store = tmp_path / "s"
    area = _ask(store, "成都超算中心的总建筑面积有多大?")["answers"]
    assert [a["label"] for a in area] == ["国家超级计算成都中心"]
    assert _ask(store, "成都超算中心建在成都吗?")["boolean"] is True
    assert _ask(store, "成都超算中心建在成都高新区吗?")["boolean"] is None


def test_a_place_and_field_words_that_one_label_holds_whole_name_that_facility(tmp_path) -> None:
    """"云计算内蒙古信息园": a place and words of the field, in one facility's English label whole (a park read from an
    English page, labelled in Chinese otherwise), is that park; "内蒙古数据中心" stays the place's data centers."""
    park = {"zh": "天翼云算力内蒙古信息园", "en": "China Telecom Cloud Computing Inner Mongolia Information Park", "type": "Park"}
    store = _facts_store(tmp_path, [_fact(park, "area", 1.0, "The park covers 100 hectares.", unit="km2")])
    answers = _ask(store, "中国电信在呼和浩特附近的云计算内蒙古信息园占地多大?")["answers"]
    assert [a["value"] for a in answers] == [1.0]
    assert not _ask(store, "内蒙古数据中心占地多大?")["answers"]


def test_a_citys_districts_are_listed_but_not_for_where_an_unknown_park_is(tmp_path) -> None:
    """"庆阳有哪些区县": the districts in the city (reference data); "In which district of Qingyang is the Jiayi park"
    and "… the East Data West Computing industrial park" (a park named after the programme, no programme): where a park
    the graph does not know stands, never a list of the city's districts."""
    center = {"zh": "甲乙数据中心", "en": "Jiayi Data Center", "type": "Center"}
    city = {"zh": "庆阳", "en": "Qingyang", "type": "City"}
    store = _facts_store(tmp_path, [_fact(center, "located_in", None, "甲乙数据中心位于庆阳。", object=city)])
    assert "西峰区" in [a["label"] for a in _ask(store, "庆阳有哪些区县?")["answers"]]
    for question in ("In which district of Qingyang is the Jiayi industrial park planned?",
                     "In which district of Qingyang is the East Data West Computing industrial park planned?"):
        assert _ask(store, question)["answers"] == [], question
    assert _ask(store, "庆阳在哪个省?")["answers"][0]["label"] == "甘肃"


def test_a_center_described_by_its_owner_and_place_is_not_answered_with_the_owners_figure(tmp_path) -> None:
    """"中国移动在庆阳的那座最大智算中心能提供多少算力": no center is named, so none is chosen; the company's own figure
    and the city's are no answer for a center."""
    firm = {"zh": "中国移动", "en": "China Mobile", "type": "Company"}
    city = {"zh": "庆阳", "en": "Qingyang", "type": "City"}
    store = _facts_store(tmp_path, [_fact(firm, "computing_power", 10000, "中国移动智能算力达到1万P。", unit="PFLOPS"),
                                    _fact(city, "computing_power", 5000, "庆阳算力达到5000P。", unit="PFLOPS")])
    assert _ask(store, "中国移动在庆阳的那座最大智算中心最高能提供多少算力?")["answers"] == []
    assert [a["value"] for a in _ask(store, "中国移动的智能算力有多少?")["answers"]] == [10000]


def test_the_centers_of_a_place_the_graph_happens_to_know_are_no_count_of_them(tmp_path) -> None:
    """News names a few of a place's centers: "宜宾有几个数据中心" is answered by a figure a source states, never by
    counting the centers the graph knows there (the builders of one thing, as a page names them, are still counted)."""
    city = {"zh": "宜宾", "en": "Yibin", "type": "City"}
    store = _facts_store(tmp_path, [
        _fact({"zh": "子丑数据中心", "en": "Zichou Data Center", "type": "Center"}, "located_in", None, "子丑数据中心位于宜宾。",
              object=city),
        _fact({"zh": "寅午数据中心", "en": "Yinwu Data Center", "type": "Center"}, "located_in", None, "寅午数据中心位于宜宾。",
              object=city)])
    for question in ("宜宾有几个数据中心?", "截至2023年6月,宜宾百架以上的数据中心项目有几个已经投产?",
                     "How many data centers in Yibin had gone into operation by June 2023?"):
        assert _ask(store, question)["answers"] == [], question


@pytest.mark.parametrize(("question", "expected"), [
    ("粤港澳大湾区枢纽里,韶关是不是唯一的数据中心集群?", True),
    ("Is Shaoguan the only national data center cluster in South China?", True),
    ("Is the Wuhu cluster the only data center cluster among the six central provinces?", True),
    ("长三角枢纽下面,芜湖是不是唯一的数据中心集群?", False),  # the demonstration zone's cluster is the hub's too
    ("Is Qingyang the only data center cluster in northwest China?", False),  # Zhongwei is in Ningxia
])
def test_the_only_cluster_of_a_hub_or_a_region_is_read_from_the_reference_data(tmp_path, question, expected) -> None:
    city = {"zh": "韶关", "en": "Shaoguan", "type": "City"}
    store = _facts_store(tmp_path, [_fact(city, "rack_count", 1000, "韶关已建成机架1000架。", unit="racks")])
    result = _ask(store, question)
    assert result["boolean"] is expected and "sl:Cluster" in result["sparql"]


@pytest.mark.parametrize(("question", "expected"), [
    ("张家口集群的PUE目标是1.2以内吗?", False),  # 以内 bounds from above: below 1.25 is not within 1.2
    ("张家口集群的PUE是否在1.3之内?", True),
    ("Must the Zhangjiakou cluster keep its PUE at 1.3 or below?", True),  # "must" opens a yes/no question
])
def test_a_bound_within_and_a_must_question_are_yes_no_on_the_figure(tmp_path, question, expected) -> None:
    cluster = {"zh": "张家口数据中心集群", "en": "Zhangjiakou data center cluster", "type": "Cluster"}
    store = _facts_store(tmp_path, [_fact(cluster, "pue", 1.25, "张家口集群PUE低于1.25。", comparator="lt", status="target")])
    assert _ask(store, question)["boolean"] is expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Must data centers in Zhangjiakou reach a rack utilisation of at least 65%?", True),  # the city's cluster's figure
    ("张家口的上架率是否不低于80%?", False),
])
def test_a_yes_no_on_a_citys_figure_reads_its_clusters_too(tmp_path, question, expected) -> None:
    cluster = {"zh": "张家口数据中心集群", "en": "Zhangjiakou data center cluster", "type": "Cluster"}
    store = _facts_store(tmp_path, [_fact(cluster, "utilization_rate", 0.65, "张家口集群上架率不低于65%。",
                                          comparator="ge", status="target")])
    assert _ask(store, question)["boolean"] is expected


def test_operations_and_management_milliseconds_and_a_starting_area_are_read_as_people_ask(tmp_path) -> None:
    """"Which body carries out operations and management", 建设单位 ask for the runner; 多少毫秒 for a latency; "the
    cluster's starting area" is where, not an area asked for (the PUE is)."""
    (tmp_path / "p.txt").write_text("长沙超算迎来新用户\n\n长沙超算于2010年落成,其建设单位是湖南省科学院。\n\n"
                                    "从长沙到广州的网络时延为8毫秒。\n\n"
                                    "韶关数据中心集群起步区要求PUE不高于1.25。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("Which organisation carries out operations and management for the National Supercomputing Center "
                     "in Changsha?", "国家超级计算长沙中心的建设单位是哪家机构?"):
        assert [a["label_zh"] for a in _ask(tmp_path / "store", question)["answers"]] == ["湖南省科学院"], question
    assert [a["value"] for a in _ask(tmp_path / "store", "從長沙連到廣州,數據傳輸只需多少毫秒?")["answers"]] == [8]
    pue = _ask(tmp_path / "store", "Below what PUE must centers in the starting area of the Shaoguan cluster stay?")
    assert [(a["value"], a["comparator"]) for a in pue["answers"]] == [(1.25, "le")]


def test_a_sum_read_from_text_is_the_yuan_not_its_dollar_conversion(tmp_path) -> None:
    """"over three billion yuan (about 410 million U.S. dollars)": the answer read from the sentence is the yuan."""
    (tmp_path / "p.txt").write_text("A green computing hub opens in Gansu\n\nA green computing center in Gansu Province opened "
                                    "this spring after over three billion yuan (about 410 million U.S. dollars) was spent "
                                    "on it, officials said.\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    answer = _ask(tmp_path / "store", "How much was invested in the green computing center that began operating in Gansu?")
    assert [(a["value"], a["unit"]) for a in answer["answers"]] == [(3e9, "CNY")]


def test_which_development_zone_a_park_sits_in_is_where_it_is_not_who_developed_it(tmp_path) -> None:
    (tmp_path / "p.txt").write_text("江城新型算力产业园开工\n\n江城新型算力产业园位于三山经济开发区,一期今年投产。\n",
                                    encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("江城新型算力产业园落在哪个开发区?", "Which development zone is the Jiangcheng computing industrial park in?"):
        assert [a["label_zh"] for a in _ask(tmp_path / "store", question)["answers"]] == ["三山经济开发区"], question


def test_a_greater_bay_area_name_without_its_provinces_and_its_contractors(tmp_path) -> None:
    """"China Telecom's Greater Bay Area integrated data center" is the 粤港澳大湾区 one; contractors and 施工单位 are its
    builders (承建)."""
    (tmp_path / "p.txt").write_text("韶关新项目\n\n中国电信粤港澳大湾区一体化数据中心一期今年动工,"
                                    "由江城电信规划设计院和中建四局承建。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("Which contractors are building phase I of China Telecom's Greater Bay Area integrated data center?",
                     "中国电信粤港澳大湾区一体化数据中心一期的施工单位是谁?"):
        answer = _ask(tmp_path / "store", question)
        assert {a["label_zh"] for a in answer["answers"]} == {"江城电信规划设计院", "中建四局"}, question


def test_an_english_facility_name_asked_without_its_place_and_which_area_asks_where(tmp_path) -> None:
    """"the Minning industrial park" is Yongning County Minning Industrial Park; "in which area of X" asks where, not a
    land area."""
    (tmp_path / "p.txt").write_text("永宁县产业园动工\n\n永宁县闽宁产业园今年新建两栋厂房,占地约300亩。\n",
                                    encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("Which county is home to the Minning industrial park?", "In which area is the Minning industrial park?"):
        assert [a["label_en"] for a in _ask(tmp_path / "store", question)["answers"]] == ["Yongning County"], question


def test_yes_no_on_a_ranking_place_a_number_in_words_after_a_leading_phrase_and_a_means_question(tmp_path) -> None:
    """"As of 2021, did X rank fifth" opens after its time phrase and asks that very place; "one million racks" is a
    number; "靠什么技术" asks by what means, which no figure answers."""
    (tmp_path / "p.txt").write_text("西部算力快速发展\n\n重庆数据中心规模2021年排在全国第五位。到2027年,宁夏数据中心"
                                    "标准机架预计达到80万架。成都阿里云西部云计算中心的PUE低至1.2。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    store = tmp_path / "store"
    assert _ask(store, "As of 2021, did Chongqing's data center scale rank fifth in China?")["boolean"] is True
    assert _ask(store, "As of 2021, did Chongqing's data center scale rank third in China?")["boolean"] is False
    assert _ask(store, "重庆数据中心规模是否排名全国第五?")["boolean"] is True
    assert _ask(store, "Is Ningxia targeting one million data center racks by 2027?")["boolean"] is False
    means = _ask(store, "成都阿里云西部云计算中心靠什么技术降低PUE?")
    assert means["answers"] == [] and means["boolean"] is None


def test_a_computing_speed_is_asked_as_computing_power(tmp_path) -> None:
    (tmp_path / "p.txt").write_text("江城超算投用\n\n江城超级计算中心的算力峰值达到200P。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    for question in ("江城超级计算中心的运算速度是多少?", "What peak speed does the Jiangcheng Supercomputing Center reach?"):
        assert [a["value"] for a in _ask(tmp_path / "store", question)["answers"]] == [200], question


def test_the_area_of_a_zone_s_part_is_not_the_zone_s_area(tmp_path) -> None:
    (tmp_path / "p.txt").write_text("兰州新区加快建设\n\n兰州新区规划控制面积806平方公里。\n", encoding="utf-8")
    suanli("ingest", str(tmp_path / "p.txt"), "--store", str(tmp_path / "store"), check=True)
    assert [a["value"] for a in _ask(tmp_path / "store", "兰州新区的面积有多大?")["answers"]] == [806]
    assert _ask(tmp_path / "store", "兰州新区的核心区面积有多大?")["answers"] == []
