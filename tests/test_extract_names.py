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


def test_a_phase_said_again_of_a_phase_is_that_phase() -> None:
    facts = _phase_facts("青松智算中心(一期)项目已在宜昌动工。由江城设计院承建的(一期)项目用地约98亩。")
    subjects = {s for s, _, _ in facts}
    assert "Qingsong Intelligent Computing Center phase 1" in subjects
    assert not [s for s in subjects if s.count("phase") > 1]  # no phase of a phase


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


# ---------------------------------------------------------------- names: where they start and end, short forms, labels


def _names(text: str) -> dict[str, tuple[str, str]]:
    """Surface → (type, simplified label, English label) of every named mention the extractor finds in `text`."""
    from extract.entities import find_mentions
    from extract.text import split_sentences

    return {text[m.start : m.end]: (m.entity.type, m.entity.zh or "", m.entity.en)
            for m in find_mentions(text, split_sentences(text)) if m.entity is not None}


NAME_SPANS = [
    # a two-character coined stem whose second character also describes (云) is a name where it stands
    ("近日,由江城电信投资建设的青云智算中心正式投产。", "青云智算中心"),
    ("紫云算力中心位于芜湖市,已经投产。", "紫云算力中心"),
    # a measure word cuts a stem only after a numeral: 小三台 keeps its 台, 3栋 and 两大 are counts
    ("基地分别位于东坡园区、西岭园区、小三台园区。", "小三台园区"),
    # a company's registered name runs through words that end a clause elsewhere (开发建设, 投资)
    ("项目由江南智城开发建设有限公司牵头建设。", "江南智城开发建设有限公司"),
    ("随后联系青山建设投资集团有限公司核实。", "青山建设投资集团有限公司"),
    # a government is named by its place and nothing before it
    ("商务部近日正式复函江西省政府,支持其建设算力枢纽。", "江西省政府"),
    # a description inside a coined name is part of it (新型, 超大规模)
    ("青禾芜湖新型算力产业园项目昨日开工。", "青禾芜湖新型算力产业园"),
    ("投资50亿元的云帆超大规模绿色算力中心项目(以下简称云帆项目)昨日开工。", "云帆超大规模绿色算力中心"),
    # …also right before the suffix (X新型智算中心)
    ("据介绍,星河滁州新型智算中心总投资约60亿元。", "星河滁州新型智算中心"),
    # two fields joined inside a coined name (X和Y, X与Y) are one name; two names joined stay two
    ("该市以武汉南部大数据与人工智能产业集聚区为主要承载地。", "武汉南部大数据与人工智能产业集聚区"),
    ("中国电信和华为智算中心相继投运。", "华为智算中心"),
    # a coined word before the suffix and 项目 after it make a project's name, wherever it stands in its clause
    ("总投资50亿元的青松云计算产业园项目昨日开工。", "青松云计算产业园"),
    # …and so does the event of a named site after it (揭牌, 开工, 投运)
    ("会上,主攻人工智能的青枫实验室揭牌成立。", "青枫实验室"),
    # a company before 负责 keeps its whole name
    ("青山建设投资集团有限公司负责江城智算中心的建设和运营。", "青山建设投资集团有限公司"),
    # a scene set before the name (阳光照耀着X) is a clause: the name starts after the aspect particle 着
    ("清晨,阳光照耀着芜湖经济技术开发区的一排排机房。", "芜湖经济技术开发区"),
    # a base of data centers is a site of its own (大数据基地, 算力基地), also after a region's name
    ("中国联通长三角大数据基地项目昨日开工。", "中国联通长三角大数据基地"),
    ("青禾科技宜宾智算基地一期投运。", "青禾科技宜宾智算基地"),
    # a firm's brand, its city in brackets and 中心: the firm's center in that city
    ("当天,协鑫智算(宜宾)中心正式投运。", "协鑫智算(宜宾)中心"),
    # a short coined word with its field before the suffix, opening its clause before where it stands: the field
    # words do not count against the name's length (星河云计算产业园 is 星河's)
    ("星河云计算产业园位于宜宾市,由中国电信投资建设。", "星河云计算产业园"),
    ("据悉,青禾云计算数据中心位于庆阳市西峰区。", "青禾云计算数据中心"),
    # a cloud computing base is a site of its own, like a cloud base
    ("中国电信宜宾云计算基地位于宜宾市。", "中国电信宜宾云计算基地"),
]


@pytest.mark.parametrize(("text", "name"), NAME_SPANS)
def test_a_new_name_starts_and_ends_where_a_reader_would_cut_it(text: str, name: str) -> None:
    names = {label for _, label, _ in _names(text).values() if label}
    assert name in names
    assert not [n for n in names if n != name and n.endswith(name[-2:]) and len(n) > len(name)]


NOT_NAMES = [
    "依托调度平台,环沪300公里内重点数据中心间时延低于5毫秒。",  # a measure inside says which centers: no name
    "宜昌将建设两大算力中心和3栋数据中心楼。",  # counts
    "推动芜湖新型数据中心建设,打造全省超大规模算力中心。",  # a place and descriptions: no coined word
    "该项目为全区重点工程,落户在一个县城里。",  # 为全区, 一个县: clauses, not districts
    "推进国家一体化大数据中心体系建设。",  # descriptions end to end
    "园区规划新建2栋新型工业化数据中心(A01和A02)。",  # a building's code and a description
    "该市引进了芜湖大数据和云计算产业园。",  # a place and two fields joined: still no coined word
    "加快推进超大规模智算中心项目建设,全省新建算力中心项目20个。",  # 项目 after descriptions: no name
    "该市正在推进大模型算力中心项目和液冷数据中心项目建设。",  # how a center computes: a description
    "加快自主可控智算中心一期和训推一体智算中心项目建设。",
    "我省首座液冷智算中心竣工,省内规模最大智算中心落成。",  # the writer's place, firsts and superlatives
    # a party's part in a project ends the stem; the tail of a company's name cut off starts no name
    "青山建设投资集团有限公司负责江城智算中心的建设和运营。",
    "青山建设投资集团有限公司江城智算中心昨日投运。",
    # the country's centers as a whole (我国智算中心相关投资), not one of them
    "据测算,我国智算中心相关投资已超过800亿元。",
    "目前,中国智算中心建设进入快车道。",
    # "a new X data center": one of a kind in a place, not its name
    # a part of a kind, a turn of the clause, a quoted phrase and a firm's release before a description
    "调研发现部分公共智算中心的利用率不高。",
    "这带来了希望,但公共智算中心仍需找到用户。",
    "这类中心属于“真正能用的”智算中心。",
    "园区主要建设IDC数据中心和呼叫中心。",
    "项目主要建设数智产业园和算力中心两个主体。",  # 数智 ("digital-intelligent") describes, as 数字 does
    # how a center is built or sunk (商用海底数据中心), and a hub's centers (某某枢纽数据中心落户某市)
    "国内头一座商用的海底数据中心一期快要完工。",
    "这座水下数据中心由海水冷却。",
    "图:成渝枢纽数据中心加快建设。",
    # an adjective in 性 ranks or classes a project, it names none
    "综合性算力中心建设提速。",
    "项目被列为标志性算力中心工程。",
    # a policy's verb before a facility word describes one (优先保障…用地)
    "新区将优先保障数据中心用地和电力供应。",
    "Last week China Unicom broke ground on a new Ningxia data center.",
    "The operator plans another large Guizhou data center next year.",
]


def test_a_lower_case_suffix_after_an_owner_still_names_a_center() -> None:
    names = {v[2] for v in _names("China Mobile's Zhongwei data center holds 3,000 racks.").values()}
    assert "China Mobile Zhongwei Data Center" in names or "Zhongwei Data Center" in names


@pytest.mark.parametrize("text", NOT_NAMES)
def test_counts_clauses_and_descriptions_are_no_new_names(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] in ("Center", "Park", "District")
                and v[1] not in ("芜湖", "宜昌", "宁夏", "贵州")]


SHORT_FORMS = [
    # a short form the text defines, with or without quotes, and after a phase or 项目
    ("云帆超大规模绿色算力中心项目(以下简称云帆算力中心项目)一期开工。云帆算力中心项目总投资30亿元。",
     "云帆超大规模绿色算力中心", "investment"),
    ("江南智城开发建设有限公司(以下简称“智城公司”)牵头建设青枫智算中心。青枫智算中心由智城公司运营。",
     "江南智城开发建设有限公司", "operator"),
    ("青松云计算智慧产业基地(简称“青松云计算”)一期建成。青松云计算一期可提供机柜2000个。",
     "青松云计算智慧产业基地一期", "rack_count"),
    ("The Binhai Digital Valley Computing Center (hereinafter \"the Binhai center\") opened. The Binhai center holds "
     "3,000 racks.", "", "rack_count"),
    # a short form that drops the place or the owner opening the name
    ("湖北江城智算中心位于武汉。江城智算中心总投资30亿元。", "湖北江城智算中心", "investment"),
    # the owner and the city after it both dropped; the short form written before the full name
    ("中国电信江苏青枫智能云数据中心开工。青枫智能云数据中心总投资50亿元。", "中国电信江苏青枫智能云数据中心", "investment"),
    ("云帆智算中心总投资40亿元。此前,中国移动云帆智算中心已签约。", "中国移动云帆智算中心", "investment"),
    # an English name that drops its owner, read as a name of its own
    ("The China Unicom Binhai Intelligent Computing Center was unveiled in Tianjin. The Binhai Intelligent Computing "
     "Center holds 3,000 racks.", "", "rack_count"),
    # a short form that drops descriptions or writes the short word for the kind of center
    ("云帆人工智能计算中心昨日揭牌。据介绍,云帆智算中心总投资20亿元。", "云帆人工智能计算中心", "investment"),
    ("青松超大规模智能算力中心项目昨日开工。青松算力中心总投资90亿元。", "青松超大规模智能算力中心", "investment"),
]


@pytest.mark.parametrize(("text", "full", "metric"), SHORT_FORMS)
def test_a_short_form_is_the_full_name(text: str, full: str, metric: str) -> None:
    facts = read(text).facts
    named = {f.subject.zh or f.subject.en for f in facts if f.metric == metric} | {
        f.object.zh or "" for f in facts if f.metric == metric and f.object is not None}
    assert (full or ("Binhai Digital Valley Computing Center" if "Digital" in text else "中国联通滨海智算中心")) in named
    assert not [f for f in facts if (f.subject.zh or "").startswith(("云帆算力", "江城智算", "青松云计算一期", "云帆智算", "青松算力",
                                                                     "青枫智能云", "滨海智算"))
                or f.subject.en.startswith(("Binhai center", "Binhai Intelligent"))]


def test_the_project_is_a_center_or_a_park_but_not_a_zone() -> None:
    text = "星河芜湖算力产业园项目昨日开工。三山经济开发区管委会主任出席了仪式。本项目总投资约30亿元。"
    assert ("Xinghe Wuhu Computing Industrial Park", "investment", 3e9) in _figures(text)


LABELS = [
    # ordinary words are translated, coined words spelt in pinyin a pair of characters at a time
    ("宁夏中卫云帆星海绿色智算中心", "Center", "Ningxia Zhongwei Yunfan Xinghai Green Intelligent Computing Center"),
    ("南湾一体化数据中心", "Center", "Nanwan Integrated Data Center"),
    ("北京城建星河科技股份有限公司", "Company", "Beijing Urban Construction Xinghe Technology Co., Ltd."),
    ("合肥鲲鹏·昇腾智算中心", "Center", "Hefei Kunpeng-Ascend Intelligent Computing Center"),
    ("芜湖集群星河算力平台", "Center", "Wuhu Cluster Xinghe Computing Platform"),
    ("内蒙古自治区政府", "Organization", "Inner Mongolia Government"),
    # ordinary words that were spelt in pinyin: a region's part, a field, a way of building, an ordinal
    ("中国联通中部智算中心", "Center", "China Unicom Central Intelligent Computing Center"),
    ("青禾自主创新算力中心", "Center", "Qinghe Independent Innovation Computing Center"),
    ("江城智能识别研究院", "Organization", "Jiangcheng Intelligent Recognition Research Institute"),
    ("江城电信规划设计院", "Organization", "Jiangcheng Telecom Planning and Design Institute"),
    ("青禾建筑设计研究院", "Organization", "Qinghe Jianzhu Design and Research Institute"),
    ("青禾物联网运营和创新中心", "Center", "Qinghe Internet of Things Operation and Innovation Center"),
    ("青禾银行总行金融科技中心", "Center", "Qinghe Bank Head Office Financial Technology Center"),
    ("青禾大数据科创城", "Park", "Qinghe Big Data Sci-tech Innovation City"),
    ("青禾海底数据中心", "Center", "Qinghe Undersea Data Center"),
    ("青山建设集团第七分公司", "Company", "Qingshan Construction Group Seventh Branch"),
    # known words off the front one after another: a hub's name whole, not "Dawan Qushuniu"
    ("粤港澳大湾区枢纽青禾数据中心", "Center", "Guangdong-Hong Kong-Macao Greater Bay Area Hub Qinghe Data Center"),
]


@pytest.mark.parametrize(("zh", "type_", "en"), LABELS)
def test_english_labels_translate_words_and_keep_pinyin_for_proper_names(zh: str, type_: str, en: str) -> None:
    from extract.gazetteer import new_entity

    assert new_entity(zh, type_).en == en


CITY_NAMED = [
    ("国家超算成都中心二期开工。", "国家超算成都中心", "National Supercomputing Center in Chengdu"),
    ("国家超级计算中心(济南)完成扩容。", "国家超级计算中心(济南)", "National Supercomputing Center in Jinan"),
    ("国家超级计算济南中心已投运。", "国家超级计算济南中心", "National Supercomputing Center in Jinan"),
    ("It runs at the National Supercomputer Center in Tianjin today.", "National Supercomputer Center in Tianjin",
     "National Supercomputing Center in Tianjin"),
]


@pytest.mark.parametrize(("text", "surface", "en"), CITY_NAMED)
def test_a_national_center_is_named_by_its_city_in_any_form(text: str, surface: str, en: str) -> None:
    type_, zh, label = _names(text)[surface]
    assert (type_, label) == ("Center", en) and zh.startswith("国家超级计算") and zh.endswith("中心")


ANCHORED = [
    # a whole line or a whole table cell
    ("智算中心 | 所在地 | 状态\n| 青松网络科技有限公司云计算数据中心二期\n北京市\n", "青松网络科技有限公司云计算数据中心"),
    ("项目清单如下\n白鹭人工智能公共算力平台\n北京市\n在建", "白鹭人工智能公共算力平台"),
    # after a dash that names what was described before it
    ("全国最大的单体智算中心——青岚智算中心,年内投产。", "青岚智算中心"),
    # items of a list of parks with different suffixes
    ("起步区分布在东湾产业园、南山白沙开发区以及北岭科技城。", "南山白沙开发区"),
    # a name the text repeats
    ("石滩产业园是开发区的主体片区,今年产值增长。石滩产业园已入驻企业30家。", "石滩产业园"),
]


@pytest.mark.parametrize(("text", "name"), ANCHORED)
def test_a_name_is_marked_as_a_name_by_its_place_in_the_text(text: str, name: str) -> None:
    assert name in {label for _, label, _ in _names(text).values()}


def test_the_park_is_one_built_there_rather_than_the_zone_it_belongs_to() -> None:
    text = "石滩产业园是青山经济开发区的主体片区,产业集聚。园区规划占地面积3000亩。石滩产业园今年开工。"
    assert [s for s, m, _ in _figures(text) if m == "area"] == ["Shitan Industrial Park"]


EN_NAMES = [
    # two firms joined by "and" are two names, whatever suffix ends the first
    ("Binhai Digital Holding Co and Jiangcheng Development and Investment Co signed the deal.",
     {"Binhai Digital Holding Co": "Company", "Jiangcheng Development and Investment Co": "Company"}),
    ("It was built by Apple Inc and Jiangcheng Cloud Big Data Company last year.",
     {"Jiangcheng Cloud Big Data Company": "Company"}),
    # a body "of" something, the "of the …" and all, and never two bodies as one
    ("Experts from the Institute of Computing of the Binhai Academy of Sciences and the Institute of Optics of "
     "Jiangcheng University joined.", {"Institute of Computing of the Binhai Academy of Sciences": "Organization",
                                       "Institute of Optics of Jiangcheng University": "Organization"}),
    ("THE National University of Defense Technology designed it.", {"National University of Defense Technology": "Organization"}),
    # a headline's verb is no part of the name after it, and a name of generic words only is no name
    ("Jiangcheng Opens National AI Computing Center in Binhai", {}),
    # a name keeps to its line: a photo credit above it is no part of it
    ("Photo by Wang Lei\nBinhai Software Park hosts 40 firms.", {"Binhai Software Park": "Park"}),
    # an innovation center is a center
    ("The Jiangcheng Artificial Intelligence Innovation Center opened.",
     {"Jiangcheng Artificial Intelligence Innovation Center": "Center"}),
]


@pytest.mark.parametrize(("text", "expected"), EN_NAMES)
def test_english_names_as_the_news_writes_them(text: str, expected: dict) -> None:
    found = {label: type_ for _, (type_, _, label) in _names(text).items() if type_ not in ("City", "Province", "District")}
    assert {k: v for k, v in found.items() if k not in ("Apple",)} == expected


def test_an_english_phase_before_the_name_and_known_places_and_clusters_in_other_spellings() -> None:
    named = _names("Phase II of the Jiangcheng Cloud Data Center will add racks.")
    assert named["Phase II of the Jiangcheng Cloud Data Center"][2] == "Jiangcheng Cloud Data Center Phase II"
    assert _names("Servers hum in Gui’an New Area.")["Gui’an New Area"][1] == "贵安新区"
    assert _names("The Zhongwei National Data Center Cluster was set up.")["Zhongwei National Data Center Cluster"][1] == \
        "中卫数据中心集群"


def test_a_quoted_brand_opens_a_name_but_a_known_name_in_quotes_does_not() -> None:
    assert _names("平台新增“星河”量子计算云平台。")["“星河”量子计算云平台"][2] == "Xinghe Quantum Computing Cloud Platform"
    assert set(_names("园区位于“东数西算”产业园区。")) == {"东数西算"}


def test_the_places_that_only_locate_a_name_are_mentions_of_their_own_and_keep_its_role() -> None:
    assert _names("项目位于甘肃庆阳市西峰区开发区。")["庆阳市"] == ("City", "庆阳", "Qingyang")
    facts = read("云帆智算中心位于甘肃庆阳市西峰区开发区,项目投资10亿元。").facts
    assert [(f.subject.en, f.value) for f in facts if f.metric == "investment"] == [("Yunfan Intelligent Computing Center", 1e9)]
    assert ("Qingyang", "Gansu") in {(f.subject.en, f.object.en) for f in facts if f.metric == "located_in"}


def test_a_defined_common_noun_stands_for_the_name_only_opening_a_clause() -> None:
    text = "江城人工智能计算中心(下称“中心”)开工。中心算力规模达到100P,带动数据中心集聚。"
    starts = [m.start for m in _mentions(text) if m.entity is not None and text[m.start : m.end] == "中心"]
    assert text.index("。中心") + 1 in starts and text.index("数据中心") + 2 not in starts


def test_a_short_form_without_a_word_of_its_own_is_not_the_name() -> None:
    facts = read("中国电信韶关数据中心开工。韶关数据中心集群规划机架50万架。").facts
    assert "中国电信韶关数据中心" not in {f.subject.zh for f in facts if f.metric == "rack_count"}


@pytest.mark.parametrize("text", [
    # two owners' centers of one coined word: the short form is neither
    "中国电信青枫智算中心和中国联通青枫智算中心同日开工。青枫智算中心总投资30亿元。",
    # one owner's centers in two cities: what is left is a city, no word of its own
    "中国移动哈尔滨智算中心和中国移动呼和浩特智算中心建成。哈尔滨智算中心总投资30亿元。",
])
def test_a_short_form_that_may_be_two_things_is_neither(text: str) -> None:
    facts = read(text).facts
    assert not [f for f in facts if f.metric == "investment" and (f.subject.zh or "").startswith("中国")]


def _mentions(text: str) -> list:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    return find_mentions(text, split_sentences(text))


@pytest.mark.parametrize(("text", "phase"), [
    ("江城智算中心第二期将于明年投产。", "江城智算中心二期"),
    ("星海超算中心首阶段的设施已投入服务。", "星海超算中心一期"),
    ("该中心次阶段会利用新大楼。江城超算中心次阶段算力更大。", "江城超算中心二期"),
])
def test_a_phase_written_with_di_or_as_a_stage_is_a_phase(text: str, phase: str) -> None:
    assert phase in {f.subject.zh for f in read(text).facts if f.metric == "part_of"}


@pytest.mark.parametrize(("text", "name", "type_"), [
    ("The Jiangcheng Data Valley hosts 20 firms.", "Jiangcheng Data Valley", "Park"),
    ("Servers fill the Binhai Cloud Base.", "Binhai Cloud Base", "Park"),
    ("The Xinghe Computing Power Center opened in May.", "Xinghe Computing Power Center", "Center"),
])
def test_english_suffixes_of_the_news(text: str, name: str, type_: str) -> None:
    assert (type_, name) in {(t, label) for t, _, label in _names(text).values()}


OWNER_PROJECTS = [
    # a project named by its owner and its place holds its own figures, not the place's
    ("“青岩数据集团中卫项目今年开工,计划投资300亿元。”", "青岩数据集团中卫项目", "Zhongwei"),
    ("记者了解到,星川科技有限公司庆阳项目总投资50亿元。", "星川科技有限公司庆阳项目", "Qingyang"),
]


@pytest.mark.parametrize(("text", "project", "place"), OWNER_PROJECTS)
def test_a_project_named_by_its_owner_and_place_is_a_project(text: str, project: str, place: str) -> None:
    facts = read(text).facts
    assert {f.subject.zh for f in facts if f.metric == "investment"} == {project}
    assert (project, place) in {(f.subject.zh, f.object.en) for f in facts if f.metric == "located_in" and f.object}


NOT_OWNER_PROJECTS = [
    "该公司中卫项目总投资50亿元。",  # no owner named
    "星川科技有限公司中卫项目部负责人说,机架已经到货。",  # the company's project office, a part of the company
]


@pytest.mark.parametrize("text", NOT_OWNER_PROJECTS)
def test_no_project_without_a_named_owner_or_for_a_project_office(text: str) -> None:
    assert not [v for v in _names(text).values() if v[1].endswith("项目")]


def test_a_name_with_its_owner_s_group_name_is_the_name_the_text_writes_with_the_short_owner() -> None:
    text = "星河数据集团滁州新型算力产业园项目昨日开工。星河滁州新型算力产业园总投资约60亿元,本期拟购置3000个机架。"
    names = {label for _, label, _ in _names(text).values()}
    assert names == {"星河滁州新型算力产业园"}
    assert {(f.subject.zh, f.metric) for f in read(text).facts if f.value is not None} == {
        ("星河滁州新型算力产业园", "investment"), ("星河滁州新型算力产业园", "rack_count")}
    # written alone, the long name stays as it is
    assert {label for _, label, _ in _names("星河数据集团滁州新型算力产业园项目昨日开工。").values()} == {"星河数据集团滁州新型算力产业园"}


def test_a_center_named_by_a_short_word_and_its_phase_holds_that_phase_s_figures() -> None:
    text = "青山湖智算中心项目推进顺利。另据介绍,研发中心二期项目作为重点工程,总投资6.5亿元。"
    assert ("研发中心二期", "investment") in {(f.subject.zh, f.metric) for f in read(text).facts}
    assert not [f for f in read(text).facts if f.subject.zh == "青山湖智算中心" and f.metric == "investment"]
    # a phase of a data center names the data center before it, not a new one
    assert not _names("该数据中心二期总投资5亿元。")


EN_SYSTEMS = [
    # a computer named before the word holds its own figures, not the center that houses it
    ("The Jiangcheng supercomputer, housed at the National Supercomputing Center in Jinan, reaches 30 petaflops.",
     {("Jiangcheng", "computing_power")}),
    ("China's Xinghe-3 supercomputer reaches 200 petaflops.", {("Xinghe-3", "computing_power")}),
    # a description or a place before the word names no computer
    ("The Chinese supercomputer reaches 200 petaflops.", set()),
    ("The Tianjin supercomputer reaches 20 petaflops.", {("Tianjin", "computing_power")}),
]


@pytest.mark.parametrize(("text", "expected"), EN_SYSTEMS)
def test_an_english_computer_named_before_the_word_supercomputer_is_a_system(text: str, expected: set) -> None:
    assert {(f.subject.en, f.metric) for f in read(text).facts if f.value is not None} == expected


def test_a_district_s_short_name_opening_a_center_s_name_places_it() -> None:
    facts = read("武昌江城智算中心昨日投运。").facts
    assert ("武昌江城智算中心", "Wuchang District") in {(f.subject.zh, f.object.en) for f in facts
                                                     if f.metric == "located_in" and f.object}


def test_an_english_ordinal_phase_of_a_center_is_that_phase() -> None:
    facts = _phase_facts("The second phase of the Yunfan Data Center will add 3,000 racks.")
    assert ("Yunfan Data Center phase 2", "rack_count", 3000.0) in facts
    assert ("Yunfan Data Center phase 2", "part_of", "Yunfan Data Center") in facts


def test_another_kind_of_center_with_the_same_word_is_another_center() -> None:
    facts = read("江城人工智能计算中心昨日揭牌。江城超算中心总投资20亿元。").facts
    assert {(f.subject.zh, f.metric) for f in facts if f.value is not None} == {("江城超算中心", "investment")}


STARTING_VALUES = [
    # the figure a change starts from is a past value, not the value now
    ("青松数据中心集群算力规模从去年底的3000P提升到8000P。", [8000]),
    ("The number of racks in the Chongqing data center cluster grew from 20,000 racks at the end of last year to 35,000 "
     "racks.", [35000]),
    # …unless a year of its own dates it
    ("芜湖数据中心集群机架由2022年的3万架增至5万架。", [30000, 50000]),
    # …or a year said as 去年 and the page's own date (去年 of a page dated 2025 is 2024)
    ("date 2025-03-01\n青松数据中心集群算力规模从去年底的3000P提升到8000P。", [3000, 8000]),
]


@pytest.mark.parametrize(("text", "values"), STARTING_VALUES)
def test_the_value_a_change_starts_from_is_no_current_figure(text: str, values: list) -> None:
    assert sorted(v for _, _, v in _figures(text)) == [pytest.approx(v) for v in values]


POTENTIAL = [
    # resources still to be developed are no installed capacity
    ("张家口市风光装机容量达3000万千瓦,全市尚有近1500万千瓦待开发的风光资源。", [30000000]),
    ("Ulanqab has 12 GW of installed wind capacity and a further 40 GW of untapped wind resources.", [12000000]),
]


@pytest.mark.parametrize(("text", "values"), POTENTIAL)
def test_resources_still_to_develop_are_no_installed_capacity(text: str, values: list) -> None:
    assert sorted(v for _, m, v in _figures(text) if m == "clean_energy_capacity") == [pytest.approx(v) for v in values]




GROUPS = [
    # a group named by a word of its own and 集团: a company, opening at a break or after a function word
    ("该项目由青钢集团与某云公司合作共建。", "青钢集团"),
    ("园区配套项目包括江北电力集团保障项目等。", "江北电力集团"),
    ("湖南省数字投资集团与长沙产业发展集团签署协议。", "湖南省数字投资集团"),
    ("湖南省数字投资集团与长沙产业发展集团签署协议。", "长沙产业发展集团"),
]


@pytest.mark.parametrize(("text", "name"), GROUPS)
def test_a_group_named_by_its_own_word_is_a_company(text: str, name: str) -> None:
    names = {label: type_ for type_, label, _ in _names(text).values()}
    assert names.get(name) == "Company"


NOT_GROUPS = [
    "这不仅是集团的战略布局。",  # the group of the text, no name
    "三家央企集团和四大集团先后入驻。",  # a kind of party and a count
    "他去年加入青钢集团任职。",  # a clause with a pronoun before the name
    "公司响应号召,争取集团追加投资。",  # a verb opening a clause after its comma
    "江城日报报业集团记者报道。",  # a stem cut after a date word: where the name starts is not known
    "该公司将建设中国联通集团灾备中心。",  # a known company's 集团 is that company
    "项目由青钢集团有限公司投资。",  # the registered name: its own rule
]


@pytest.mark.parametrize("text", NOT_GROUPS)
def test_a_group_word_after_a_clause_a_count_or_a_known_company_names_no_new_group(text: str) -> None:
    assert not [label for type_, label, _ in _names(text).values() if type_ == "Company" and label.endswith("集团")]


def test_a_firm_releasing_news_about_a_park_is_no_part_of_its_name() -> None:
    names = {label for _, label, _ in _names("青禾建工发布芜湖市青水数智产业园效果图。").values()}
    assert "芜湖市青水数智产业园" in names and not [n for n in names if "发布" in n]


def test_the_city_s_party_committee_and_government_unnamed_is_no_new_body() -> None:
    assert not [v for v in _names("市委市政府高度重视这一项目。").values() if v[0] == "Organization"]


LISTED_FIRMS = [
    # a firm named before its stock code is a company, whatever its last word
    ("青禾时尚(002999.SZ)3月5日在互动平台表示,智算项目进展顺利。", "青禾时尚"),
    ("两连板的江禾股份(603999.SH,股价20.1元)再发公告。", "江禾股份"),
]


@pytest.mark.parametrize(("text", "name"), LISTED_FIRMS)
def test_a_name_before_its_stock_code_is_a_listed_company(text: str, name: str) -> None:
    assert _names(text).get(name, ("",))[0] == "Company"


def test_a_stock_code_after_a_kind_of_party_names_no_company() -> None:
    assert not [s for s, v in _names("多家上市公司(600000.SH)发布公告。").items() if v[0] == "Company"]


WORDS_BEFORE_NAMES = [
    # a verb or a sentence's place runs into the name with no break: the name starts after it
    ("本省最强算力落地江城量子研究所", "江城量子研究所"),
    ("项目将充分发挥青松大学的科研优势。", "青松大学"),
    ("新平台全面支撑芜湖超算中心的运营。", "芜湖超算中心"),
    ("控股子公司上海青禾科技有限公司负责运营。", "上海青禾科技有限公司"),
    # a research body joins two fields in its name
    ("会议在江城海洋科学与技术国家实验室举行。", "江城海洋科学与技术国家实验室"),
]


@pytest.mark.parametrize(("text", "name"), WORDS_BEFORE_NAMES)
def test_a_verb_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    assert name in _names(text)


NOT_NAMES = [
    ("中心选址于江城大学城内。", "大学"),  # a campus town, no university
    ("周边汇聚多家科研实验室。", "实验室"),  # research labs in general
    ("上海青禾科技有限公司仅赋能智算中心建设。", "智算中心"),  # a verb between a firm and a kind of center
]


@pytest.mark.parametrize(("text", "suffix"), NOT_NAMES)
def test_a_generic_word_or_a_clause_before_a_suffix_names_nothing(text: str, suffix: str) -> None:
    assert not [s for s in _names(text) if s.endswith(suffix)]


def test_a_quoted_kind_of_thing_does_not_open_a_name() -> None:
    names = _names("青松县建设“千卡集群”青松城市公共算力平台项目。")
    assert "青松城市公共算力平台" in names and not [s for s in names if s.startswith("“")]


def test_an_upper_case_short_form_in_brackets_is_the_name() -> None:
    names = _names("江城人工智能超算中心(JCSC)已经启用。JCSC提供2000P算力。")
    assert [v[2] for s, v in names.items() if s == "JCSC"] == ["Jiangcheng Artificial Intelligence Supercomputing Center"]
    names = _names("The Binhai Open Data Center Committee (BODCC) met. BODCC said it would meet again.")
    assert names["BODCC"] == ("Organization", "", "Binhai Open Data Center Committee")
    assert "Binhai Open Data Center" not in names  # the committee, no center
    # an English name's short form is made of its initials; another body in brackets is not it
    assert "AWS" not in _names("The Binhai Data Center Committee (AWS) met. AWS said it would meet again.")


EN_LOWER_NAMES = [
    ("said Li Wei, head of the Jingshan intelligent computing center in Binhai.", "Jingshan intelligent computing center"),
    ("Workers at the Qinglan data center said power prices fell.", "Qinglan data center"),
    # "The" opening a sentence or a line, and a firm's own "its"
    ("The Qinglan data center opened in May.", "Qinglan data center"),
    ("Power was cheap. The Qinglan data center grew.", "Qinglan data center"),
    ("The operator said its Qinglan data center was full.", "Qinglan data center"),
]


@pytest.mark.parametrize(("text", "span"), EN_LOWER_NAMES)
def test_a_word_of_its_own_after_the_names_a_center_written_in_lower_case(text: str, span: str) -> None:
    assert _names(text).get(span, ("",))[0] == "Center"


@pytest.mark.parametrize("text", ["The new data center opened.", "The Chinese data center market grew.",
                                  "Officials visited the national data center in the city.",
                                  "the company's data center was full.",
                                  "The Chinese data center market grew.", "Officials said The Guardian data center story was wrong.",
                                  "The operator said its new data center was full."])
def test_a_description_after_the_names_no_center(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] == "Center"]


@pytest.mark.parametrize("text", ["该企业计划在江城投建互联网数据中心项目。", "江城有很多数据中心,竞争更大。"])
def test_a_verb_of_investing_or_a_count_of_many_before_a_kind_names_nothing(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] == "Center"]


def test_a_known_company_with_an_english_company_word_is_that_company() -> None:
    names = _names("Tencent Holdings is building a data center in Guizhou.")
    assert names["Tencent Holdings"][2] == "Tencent"


def test_a_byline_s_bracket_closes_before_the_name() -> None:
    assert "腾讯零碳数据中心" in _names("新华社(记者 王某 李某)腾讯零碳数据中心已投运。")
    assert "中国移动(甘肃·庆阳)数据中心" in _names("中国移动(甘肃·庆阳)数据中心已投运。")


@pytest.mark.parametrize("text", ["公司新建H800智算中心和GB300数据中心。", "这将是本岛最大的AI超级计算中心。",
                                  "公司在台湾高雄建置先进算力中心。"])
def test_a_chip_a_bare_ai_or_taiwan_s_word_for_building_names_no_center(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] == "Center"]


def test_a_firm_with_a_bare_four_digit_code_is_a_company_and_so_is_its_name_written_again() -> None:
    names = _names("江禾（2399）今日公告,江禾将在南部建设算力中心。")
    assert names.get("江禾", ("",))[0] == "Company"
    assert not [v for v in _names("会议于（2024）年举行,青松建设（2025）规划发布。").values() if v[0] == "Company"]


def test_an_english_computing_power_center_has_the_chinese_word_for_it() -> None:
    names = _names("China Mobile opened its Tianjin computing power center on Monday.")
    assert names["Tianjin computing power center"][1] == "天津算力中心"


# ---------------------------------------------------------------- a place and a kind of center; institutions and firms

PLACE_KINDS = [
    # a headline's place and kind over the body's real name: the body's center, no center named after the place
    ("宜宾算力中心投运\n青禾数据中心位于宜宾市,总投资20亿元。", {"青禾数据中心"}),
    # the place in full and a kind: the city's centers
    ("滁州市数据中心已建成机架3万架。", set()),
    ("滁州市大数据中心项目总投资10亿元。", {"滁州市大数据中心"}),
    ("双方将在滁州市打造滁州市3000P智算中心。", {"滁州市3000P智算中心"}),
    # with no other center of the place on the page: a name (dropped, its figures would go to the city)
    ("滁州大数据中心开工建设,项目由某某公司承建。", {"滁州大数据中心"}),
    ("滁州智算中心昨日投运。据介绍,滁州智算中心可提供算力500P。", {"滁州智算中心"}),
    # a short form of the full name written before it is that name (智算 for 智能计算: one center)
    ("南京智能计算中心。走进位于江北的南京智算中心机房。", {"南京智能计算中心"}),
    # a province's or a city's 超级计算中心 / 计算中心 is an institution
    ("上海超级计算中心建成于2009年。", {"上海超级计算中心"}),
    ("山东省计算中心负责运营该系统。", {"山东省计算中心"}),
]


@pytest.mark.parametrize(("text", "centers"), PLACE_KINDS)
def test_a_place_and_a_kind_of_center_is_a_name_only_when_the_page_uses_it_as_one(text: str, centers: set) -> None:
    assert {v[1] for v in _names(text).values() if v[0] == "Center"} == centers


ORGANIZATIONS = [
    ("滁州市科技创新委员会发布了通知。", {"滁州市科技创新委员会"}),
    ("该委员会由十位专家组成。", set()),
    ("公司设立了算力专家委员会。", set()),
    # a group named as a clause's subject after a comma; not a verb's object (争取集团投资)
    ("据悉,青禾控股集团将投资建设该项目。", {"青禾控股集团"}),
    ("会议提出,争取集团投资尽快落地。", set()),
    # a share of many opening the stem names none of them
    ("其中约三成智算中心项目已经开工。", set()),
    ("全国近七成数据中心项目已开工。", set()),
    # a deal before the kind bought names no center
    ("广东某某公司拟收购一家数据中心企业。", set()),
]


@pytest.mark.parametrize(("text", "names"), ORGANIZATIONS)
def test_commissions_groups_and_deals(text: str, names: set) -> None:
    assert {v[1] for v in _names(text).values() if v[0] in ("Organization", "Company", "Center")} == names


BRACKETED_FIRMS = [
    # a firm's Chinese name with its English brand in brackets, and the Chinese name again later
    ("澜芯(LANXIN)宣布在高雄部署新系统,澜芯将提供GPU。", {("Company", "澜芯", "LANXIN")}),
    ("辉达(NVIDIA)宣布在高雄部署新系统,辉达将提供GPU。", {("Company", "英伟达", "Nvidia")}),  # a firm we know
    ("新系统由青禾(Qinghe)公司建设。", {("Company", "青禾", "Qinghe")}),
    # a word's gloss and a place's English name are no firm
    ("算力(Compute)与存储同样重要。", set()),
]


@pytest.mark.parametrize(("text", "firms"), BRACKETED_FIRMS)
def test_a_firm_named_with_its_english_brand_in_brackets(text: str, firms: set) -> None:
    assert {v for v in _names(text).values() if v[0] == "Company"} == firms


# ---------------------------------------------------------------- names cut inside a word, titles, common words (audit9)
CUT_WORDS = [
    # a one-character function word (并) that cut a firm's two-character brand: the registered name runs from the place
    ("浙江并禾科技有限公司负责机房运营。", "Company", "浙江并禾科技有限公司"),
    # 据 opens a source, and is no part of the name after it (but 数据 keeps its 据)
    ("据中国联通乌兰察布数据中心负责人介绍,二期机房已投运。", "Center", "中国联通乌兰察布数据中心"),
    # description words before a known place open no name (规划发展 | 屯门东…)
    ("两家公司规划发展屯门东数据中心园区。", "Park", "屯门东数据中心园区"),
    # Hong Kong's districts and industrial estates (工业邨) are names of their own
    ("位于将军澳工业邨的新数据大楼已投入使用。", "Park", "将军澳工业邨"),
]


@pytest.mark.parametrize(("text", "type_", "name"), CUT_WORDS)
def test_a_function_word_inside_a_word_cuts_no_name(text: str, type_: str, name: str) -> None:
    names = {label: t for t, label, _ in _names(text).values()}
    assert names.get(name) == type_
    assert not [n for n in names if n != name and (n in name or name in n) and len(n) > 2 and names[n] == type_]


NO_NAMES_HERE = [
    "通过就绪数据中心认证的机房共有12个。",  # 就绪 ("ready"): one character left after 就 is no name
    "到2030年,全台算力中心的用电量将翻倍。",  # Taiwan's 全台, as 全省: all of them
    "电网要能准确区分AI算力中心与传统云端数据中心。",  # a clause and descriptions; AI alone is no code
    "电信巨头斥资50亿元香港建数据中心。",  # where one is built (建), no name
]


@pytest.mark.parametrize("text", NO_NAMES_HERE)
def test_a_clause_a_determiner_or_a_verb_before_a_kind_of_center_names_nothing(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] in ("Center", "Park")]


def test_a_firm_s_short_name_that_is_a_common_word_is_the_word_after_a_trend() -> None:
    assert not [v for v in _names("在数字经济的浪潮中,各地加快布局算力中心。").values() if v[2] == "Inspur"]
    assert [v for v in _names("浪潮信息与当地企业签约共建智算中心。").values() if v[2] == "Inspur"]


ENGLISH_TITLES = [
    # a person's title and "of" before a firm's registered name: the firm, known or new
    ("\"We are on schedule,\" said Li Ming, Chairman of China Telecom Group Co., Ltd.", "China Telecom"),
    ("said Zhao Lan, General Manager of Binhai Cloud Valley Investment Co., Ltd., on Monday.",
     "Binhai Cloud Valley Investment Co., Ltd."),
    # the NSCC in a city is that city's national supercomputing center
    ("The NSCC in Jinan opened a new machine room.", "National Supercomputing Center in Jinan"),
]


@pytest.mark.parametrize(("text", "en"), ENGLISH_TITLES)
def test_a_title_before_of_is_no_part_of_a_name(text: str, en: str) -> None:
    names = {v[2] for v in _names(text).values()}
    assert en in names
    assert not [n for n in names if n.startswith(("Chairman", "General Manager"))]


def test_a_body_of_a_firm_s_possessive_is_not_read_as_a_name() -> None:
    text = "said Zhou Jie, Manager of the Sales Department of China Unicom's Cloud Business Group."
    assert not [v for v in _names(text).values() if v[0] == "Organization"]


def test_a_place_before_an_unnamed_thing_of_the_subject_is_not_the_subject_s_place() -> None:
    facts = read("青松科技园位于屯门的数据中心昨日启用。").facts
    assert not [f for f in facts if f.metric == "located_in" and (f.subject.zh or "").startswith("青松")]


PLACE_IN_BRACKETS_AFTER = [
    # a known place in brackets after a center's name is the center of that place, however the place is written
    ("青松集团智算中心(合肥)二期投运后,总算力超过800P。", "青松集团(合肥)智算中心", "qingsong-group-hefei-intelligent-computing-center"),
    ("中国联通数据中心(甘肃·庆阳)已投产。", "中国联通(甘肃·庆阳)数据中心", "china-unicom-gansu-qingyang-data-center"),
]


@pytest.mark.parametrize(("text", "zh", "key"), PLACE_IN_BRACKETS_AFTER)
def test_a_place_in_brackets_after_a_center_s_name_makes_it_that_place_s_center(text: str, zh: str, key: str) -> None:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    found = {m.entity.zh: m.entity.key for m in find_mentions(text, split_sentences(text)) if m.entity is not None}
    assert found.get(zh) == key
    # the same center written with the place inside its name is the same entity
    inside = zh.replace("(", "").replace(")", "").replace("·", "")
    assert key in {v.key for v in _entities(f"{inside}已投产。")}


def _entities(text: str) -> list:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    return [m.entity for m in find_mentions(text, split_sentences(text)) if m.entity is not None]


def test_a_bracket_of_no_place_after_a_name_is_no_part_of_it() -> None:
    assert "青松集团智算中心" in {e.zh for e in _entities("青松集团智算中心(一期)昨日投运。")}


def test_an_operator_s_registered_name_with_a_province_branch_is_that_branch() -> None:
    entities = _entities("中国联合网络通信有限公司河北省分公司负责运维。")
    assert [e.en for e in entities if e.type == "Company"] == ["China Unicom Hebei"]
    assert "China Mobile Anhui" in {e.en for e in _entities("中国移动通信集团安徽有限公司负责运营。")}


def test_a_place_alone_before_a_branch_names_no_company() -> None:
    assert not [e for e in _entities("由江城云谷科技股份有限公司,湖北省分公司承建。") if e.en.endswith("Branch")]


ROLES_AND_VERBS = [
    ("该中心的运营方青松数智科技有限公司表示,订单持续增长。", "青松数智科技有限公司"),
    ("建设单位江城云谷建设集团有限公司介绍了进度。", "江城云谷建设集团有限公司"),
]


@pytest.mark.parametrize(("text", "zh"), ROLES_AND_VERBS)
def test_a_party_s_role_before_its_name_is_no_part_of_it(text: str, zh: str) -> None:
    assert zh in {e.zh for e in _entities(text)}


NOT_CENTERS = [
    "平台建成后,满足智算中心的调度需要。",  # a verb of purpose opening a clause
    "有分析认为,美国数据中心的耗电量仍在攀升。",  # another country's centers as a whole
    "海外数据中心的建设成本更高。",
]


@pytest.mark.parametrize("text", NOT_CENTERS)
def test_a_verb_of_purpose_or_a_foreign_country_before_a_kind_names_no_center(text: str) -> None:
    assert not [e for e in _entities(text) if e.type == "Center"]


def test_quotes_around_a_brand_are_no_part_of_the_chinese_label() -> None:
    labels = {e.zh for e in _entities("当地打造的「青岚数港」智算中心正式启用。")}
    assert "青岚数港智算中心" in labels
    assert not [z for z in labels if z and "「" in z]


def test_taiwan_s_national_supercomputers_are_known_computers() -> None:
    assert {"Taiwania 2", "Taiwania 3"} <= {e.en for e in _entities("台湾杉二号与台湾杉三号的排名下滑。")}


def test_a_known_body_s_possessive_before_a_generic_center_name_makes_it_that_body_s_center() -> None:
    entities = _entities("The Cyberport's AI Supercomputing Center began operations last year.")
    assert "Cyberport AI Supercomputing Center" in {e.en for e in entities if e.type == "Center"}
    # the name so built is the center the reference data knows: its Chinese name, its place and its runner
    assert "数码港人工智能超算中心" in {e.zh for e in entities if e.type == "Center"}
    text = "Hong Kong is adding computing power. The Cyberport's AI Supercomputing Center began operations last year."
    facts = {(f.metric, f.object.en) for f in read(text).facts if f.object is not None}
    assert {("located_in", "Hong Kong"), ("operator", "Cyberport")} <= facts
    # an unknown owner or a lower-case kind names nothing of its own
    assert not [e for e in _entities("The city's AI Supercomputing Center is busy.") if e.type == "Center"]
    assert not [e for e in _entities("Cyberport's supercomputing center is busy.") if e.type == "Center"]


def test_a_project_abroad_keeps_its_figures_off_the_page_s_center() -> None:
    text = "青岚数港智算中心位于江城。另一边,由甲乙主导的美国数据中心项目计划投资800亿美元。青岚数港智算中心一期已投运。"
    investments = [(f.subject.en, f.value) for f in read(text).facts if f.metric == "investment"]
    assert investments == [("US Data Center", 80_000_000_000)]


def test_a_known_computer_named_once_is_no_topic_of_the_page_s_figures() -> None:
    text = "官员说,台湾杉二号的排名下滑。\n\n当局计划到2028年累计建置算力资源达300PF。"
    assert not [f for f in read(text).facts if f.subject.en == "Taiwania 2" and f.metric == "computing_power"]


@pytest.mark.parametrize(("zh", "en"), [
    ("鹏城云脑II将扩容。", "Peng Cheng Cloud Brain II will be expanded."),
    ("数码港人工智能超算中心将扩容。", "The Cyberport AI Supercomputing Center will be expanded."),
    ("天河星逸将扩容。", "Tianhe Xinyi will be expanded."),  # the spelling English news often uses: not Tianhe-1 by its first word
])
def test_a_known_system_is_one_entity_in_either_language(zh: str, en: str) -> None:
    """Systems and sites with no suffix the rules know, or an English name the rules would not make, are listed."""
    zh_keys = {(t, label) for t, label, _ in _names(zh).values() if t in ("Center", "Park")}
    en_keys = {(t, label) for t, label, _ in _names(en).values() if t in ("Center", "Park")}
    assert zh_keys == en_keys and len(zh_keys) == 1


# ------------------------------------------------------------------ session 15: names on fresh pages
NOT_NAMES_S15 = [
    # a reporter's visit opening a headline, what a center was before, a tender's verbs and a sum inside the stem
    ("实探宜昌智算中心:国产芯片撑起训练", "实探"),
    ("白鹭数据中心的前身宜昌数据中心建于2015年。", "前身"),
    ("青山路桥公司中标15亿元智算中心项目建设。", "中标"),
    ("公司于5月2日收到青禾信息科技有限公司发出的通知书。", "收到"),
    # a grade and a kind of service before the suffix describe the centers, they name none
    ("园区建成两座国A标准数据中心。", "标准"),
    ("构建辐射全国的实时性算力中心。", "实时"),
]


@pytest.mark.parametrize(("text", "word"), NOT_NAMES_S15)
def test_verbs_of_reports_and_tenders_and_grades_are_no_part_of_a_name(text: str, word: str) -> None:
    assert not [label for label in _names(text) if word in label]


def test_a_province_alone_before_a_registered_firm_s_suffix_names_no_firm() -> None:
    """…集团(以下简称“X”)湖北有限公司: the definition cut the firm's name in two; a province alone is not its name."""
    names = _names("青松通信集团(以下简称“青松”)湖北有限公司经理表示,机房已投用。")
    assert "湖北有限公司" not in names


def test_a_development_zone_s_short_word_is_no_district() -> None:
    assert not [v for v in _names("大会在经开区(白杨河区)举行。").values() if v[1] == "经开区"]


NAME_SPANS_S15 = [
    # a center named on its owner's full registered name, longer than a stem reaches
    ("确定青禾公司为青松白鹭信息技术咨询服务有限公司智算中心项目的中标人。", "青松白鹭信息技术咨询服务有限公司智算中心"),
    # a description between the suffix and 项目 (示范项目, 一体化项目) still makes it a project's name
    ("12月1日,青海蓝湖零碳微电网算力中心示范项目启动。", "青海蓝湖零碳微电网算力中心"),
    # a demonstration park and a coined town (quoted, or after a known place)
    ("机柜已入驻位于南川工业园区的中国联通青湖绿电智算融合示范园。", "中国联通青湖绿电智算融合示范园"),
    ("该省投资最大的算力项目——“白鹭小镇”已初具规模。", "白鹭小镇"),
]


@pytest.mark.parametrize(("text", "name"), NAME_SPANS_S15)
def test_names_of_projects_parks_and_towns_as_fresh_pages_write_them(text: str, name: str) -> None:
    assert name in {label for _, label, _ in _names(text).values()}


def test_a_city_s_short_supercomputing_name_is_its_national_center_but_not_its_field() -> None:
    facts = read("长沙超算于2010年落成,其建设单位是湖南省科学院。").facts
    assert ("National Supercomputing Center in Changsha", "Hunan Academy of Sciences") in {
        (f.subject.en, f.object.en) for f in facts if f.metric == "operator" and f.object is not None}
    assert not [v for v in _names("长沙超算产业发展迅速。").values() if v[0] == "Center"]


def test_a_headline_s_verb_or_sum_opens_no_name() -> None:
    # 三个十亿元项目选中某园: the park chosen is named after the verb, the sum and the verb are no part of it
    assert [zh for _, zh, _ in _names("三个十亿元项目选中江苏软件园").values()] == ["江苏软件园"]
    # a city and a quoted slogan open no name across a headline's clause, nor is "the single largest data center" one
    assert not [zh for _, zh, _ in _names("宜昌“数字强市”再进一步青禾数据谷开工建设。").values() if zh.startswith("宜昌")
                and zh != "宜昌"]
    assert not [v for v in _names("这将是西部规模最大的单一数据中心。西部规模最大的单一数据中心将落地宜昌。").values()
                if v[0] == "Center"]
    assert _names("宜昌市青禾数据谷正式动工。")["宜昌市青禾数据谷"][:2] == ("Park", "宜昌市青禾数据谷")
    # a verb of opening (新投产), a conjunction (城市和地区) and a firm's name cut after its first character open none
    assert not [v for v in _names("宜昌新投产数据中心超过10个。").values() if v[0] == "Center"]
    assert not [v for v in _names("宜昌入选数据中心最佳城市和地区榜单。").values() if v[0] == "District"]
    assert not [v for v in _names("由江城能投建工集团第三分公司施工。").values() if v[0] == "Company"]


def test_a_generic_town_of_a_field_is_no_name() -> None:
    assert not [v for v in _names("全国首个算力小镇集聚了上下游企业。").values() if v[0] == "Park"]


def test_a_name_runs_through_a_quoted_slogan_after_its_owner_and_place() -> None:
    names = _names("中国电信甘肃庆阳“东数西算”零碳大数据产业园项目进展顺利。")
    assert ("Park", "中国电信甘肃庆阳东数西算零碳大数据产业园") in {(t, zh) for t, zh, _ in names.values()}
    # a city alone before the slogan opens the park's name (the park the city named after the plan); a province does not
    assert _names("西宁“数字丝路”产业园区道路已开工。")["西宁“数字丝路”产业园区"][:2] == ("Park", "西宁数字丝路产业园区")
    assert ("Park", "庆阳东数西算产业园") in {(t, zh) for t, zh, _ in _names("庆阳“东数西算”产业园今年迎来新机房。").values()}
    assert not [v for v in _names("甘肃“东数西算”产业园开工。").values() if v[0] == "Park"]


def test_a_phase_written_before_the_word_for_park_is_the_topic_s_phase_not_a_park_named_before() -> None:
    facts = _phase_facts("青松数据中心位于庆阳“东数西算”产业园。青松数据中心项目开工。一期园区规划机架3500架。")
    assert ("Qingsong Data Center phase 1", "rack_count", 3500) in facts
    assert not [f for f in facts if f[0].startswith("Qingyang") and f[1] == "rack_count"]


def test_a_design_institute_that_builds_a_phase_is_its_builder() -> None:
    facts = read("青松数据中心(一期)由江城电信规划设计院和中建四局承建。").facts
    assert {(f.subject.zh, f.object.zh) for f in facts if f.metric == "operator" and f.object is not None} >= {
        ("青松数据中心一期", "江城电信规划设计院"), ("青松数据中心一期", "中建四局")}


def test_a_counted_list_of_firms_reads_modifiers_before_its_noun_and_a_known_firm_s_short_name() -> None:
    names = _names("该市先后引进秦淮、青松云、白鹭数科等3家全国数据中心龙头企业。")
    assert names["青松云"][:2] == ("Company", "青松云") and names["白鹭数科"][:2] == ("Company", "白鹭数科")
    assert names["秦淮"][:2] == ("Company", "秦淮数据")  # the one known firm whose name it opens
    assert "会上青松" not in _names("会上青松、白鹭等2家企业签约。") and "青松" not in _names("会上青松、白鹭等2家企业签约。")


def test_an_english_campus_is_a_park_not_the_technology_company_inside_its_name() -> None:
    names = _names("It is based in the Jinhe Valley Power and Data Technology Industrial Campus.")
    assert names.get("Jinhe Valley Power and Data Technology Industrial Campus", ("",))[0] == "Park"


def test_a_computing_cluster_built_as_one_facility_is_a_center_and_a_count_of_cards_names_none() -> None:
    names = _names("白杨县先进计算集群二期已封顶。白杨县先进计算集群二期项目总投资3亿元。")
    assert ("Center", "白杨县先进计算集群") in {(t, zh) for t, zh, _ in names.values()}
    assert not [v for v in _names("该市建成“万卡”计算集群和先进计算集群。").values() if v[0] == "Center"]


def test_a_builder_s_word_before_a_site_the_text_also_names_alone_is_that_site() -> None:
    text = "白杨县先进计算集群二期项目进展顺利。中铁九局白杨县先进计算集群二期项目经理说,工程将按期完成。"
    assert {zh for t, zh, _ in _names(text).values() if t == "Center"} == {"白杨县先进计算集群"}


def test_a_long_coined_name_opens_at_the_known_firm_before_it() -> None:
    names = _names("自2019年秦淮数据集团环京·青松岭能源信息技术产业基地落户以来,该市吸引了企业。")
    assert ("Park", "秦淮数据集团环京·青松岭能源信息技术产业基地") in {(t, zh) for t, zh, _ in names.values()}


@pytest.mark.parametrize(("text", "en"), [
    ("广州超算中心发布了新系统。", "National Supercomputing Center in Guangzhou"),
    ("The system was shown at the Guangzhou Supercomputer Centre.", "National Supercomputing Center in Guangzhou"),
    ("长沙超级计算中心扩容。", "National Supercomputing Center in Changsha"),
])
def test_a_city_s_short_form_names_its_national_supercomputing_center(text: str, en: str) -> None:
    assert en in {v[2] for v in _names(text).values()}


def test_a_city_without_a_national_center_keeps_its_own_supercomputing_center() -> None:
    assert not [v for v in _names("武汉超算中心已投运。").values() if v[2].startswith("National")]


def test_a_long_name_does_not_run_back_through_another_site_s_name() -> None:
    names = _names("中国移动(甘肃·庆阳)数据中心A02号新型工业化数据中心服务器已全部点亮。")
    assert not [zh for _, zh, _ in names.values() if zh.startswith("中国移动") and zh.endswith("工业化数据中心")]


@pytest.mark.parametrize("text", ["The Qinglan Data Center opened. The new center holds 3,000 racks.",
                                  "The Qinglan Supercomputing Center opened. The supercomputing center holds 90 cabinets."])
def test_the_news_points_back_at_its_center_with_this_and_the_new(text: str) -> None:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    assert "Center" in {m.anaphor for m in find_mentions(text, split_sentences(text))}


def test_the_data_center_alone_is_no_anaphor_it_is_often_the_industry() -> None:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    text = "The Qinglan Data Center opened. Jobs in the data center industry grew."
    assert not [m for m in find_mentions(text, split_sentences(text)) if m.anaphor]


# ------------------------------------------------------------------ session 15, round 2: names on fresh pages
NAME_SPANS_S15B = [
    # a kind of site in apposition before the site's own name (全省唯一X产业园Y产业园)
    ("去年批复设立全市唯一智算产业园青禾智算产业园。", "青禾智算产业园"),
    # a center in a list that a count of centers closes, and one after another center's name
    ("白鹭超算中心、松林先进计算中心等五家算力中心接入平台。", "松林先进计算中心"),
    # a county that locates a name which opens with its province
    ("春季重点项目在青河县吉林青松智算中心项目现场开工。", "吉林青松智算中心"),
    # two fields joined by a plus, a known place opening the project's name
    ("双方就乌鲁木齐风光+智算中心一体化项目的合作进行交流。", "乌鲁木齐风光+智算中心"),
    # a computing industry cluster a place builds as one project; its supporting project is a project of its own
    ("东数西算青松新区算力产业集群配套项目由两家企业合作建设。", "东数西算青松新区算力产业集群配套项目"),
    # an association led by its county
    ("会上举行了白河县数字经济产业协会授牌仪式。", "白河县数字经济产业协会"),
]


@pytest.mark.parametrize(("text", "name"), NAME_SPANS_S15B)
def test_names_in_apposition_lists_and_joined_projects_as_fresh_pages_write_them(text: str, name: str) -> None:
    assert name in {label for _, label, _ in _names(text).values()}


NOT_NAMES_S15B = [
    # a road named after a site is a street (…数谷大道旁, …科技园路南侧)
    ("项目位于青松新区数谷大道旁。", "数谷"),
    ("机房选址白鹭科技园路南侧。", "科技园"),
    # zones of a project, a research building and a hall of a park
    ("项目分为起步区、发展区、拓展区。", "拓展区"),
    ("研发创新中心AB区已完成主体结构施工。", "研发创新中心"),
    ("青湖数字经济产业园科学城会展中心正在安装幕墙。", "科学城"),
    # a plus said in words, and the plain aim of a computing industry cluster
    ("新能源加智算中心的组合很有远见。", "智算中心"),
    ("全力打造千亿级算力产业集群。", "算力产业集群"),
    # the generic field association
    ("行业协会发布了标准。", "协会"),
]


@pytest.mark.parametrize(("text", "word"), NOT_NAMES_S15B)
def test_roads_zones_buildings_and_aims_are_no_names(text: str, word: str) -> None:
    assert not [label for _, label, _ in _names(text).values() if word in label]


def test_a_county_before_a_name_stays_where_it_is() -> None:
    names = _names("春季重点项目在青河县吉林青松智算中心项目现场开工。")
    assert "青河县吉林青松智算中心" not in {label for _, label, _ in names.values()}


def test_a_road_word_that_is_a_word_of_its_own_still_ends_a_name() -> None:
    assert "青禾数据中心" in {label for _, label, _ in _names("“青禾数据中心”路线图发布。").values()}


def test_a_branch_center_is_named_on_its_parent_and_its_host_and_takes_its_own_figures() -> None:
    text = "国家超算无锡中心白河大学分中心落地,以5P算力服务高原科研。"
    assert "国家超算无锡中心白河大学分中心" in {label for _, label, _ in _names(text).values()}
    assert [(f.subject.zh, f.value) for f in read(text).facts if f.metric == "computing_power"] == \
        [("国家超算无锡中心白河大学分中心", 5)]


def test_a_branch_word_without_a_name_of_its_own_names_nothing() -> None:
    assert not _names("公司将建设异地灾备分中心。")


@pytest.mark.parametrize(("text", "name"), [
    ("记者走进中国电信甘肃云计算和大数据中心的机房。", "中国电信甘肃云计算和大数据中心"),
])
def test_two_fields_joined_right_before_a_suffix_stay_in_the_name(text: str, name: str) -> None:
    assert name in {label for _, label, _ in _names(text).values()}


def test_two_fields_joined_before_a_suffix_without_a_name_name_nothing() -> None:
    assert not [v for v in _names("当地将建设云计算和大数据中心。").values() if v[0] == "Center"]


def test_an_english_park_named_by_its_field_and_the_city_after_in_is_that_city_s_park() -> None:
    names = _names("The new center opened in the Cloud Computing Industrial Park in Qingyang last March.")
    assert ("Park", "Qingyang Cloud Computing Industrial Park") in {(t, en) for t, _, en in names.values()}
    assert ("City", "Qingyang") in {(t, en) for t, _, en in names.values()}


@pytest.mark.parametrize("text", ["China Opens National AI Computing Center in Wuhu",
                                  "A big data industrial park in Karamay opened."])
def test_a_center_or_an_untitled_park_in_a_city_is_no_name_of_that_city(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] in ("Park", "Center")]


@pytest.mark.parametrize(("text", "name"), [
    # a park's own name before another park's word that is no area (科学城 then 数字产业基地) stays one name
    ("中国电信科学城数字产业基地开工。", "中国电信科学城数字产业基地"),
    # a body formed by a verb: the verb is no part of its name
    ("当地组建青松市政务服务和大数据局。", "青松市政务服务和大数据局"),
])
def test_a_park_word_inside_a_base_s_name_and_a_verb_before_a_body(text: str, name: str) -> None:
    assert name in {label for _, label, _ in _names(text).values()}


def test_a_kind_then_a_verb_is_no_apposition() -> None:
    """A kind, then a verb and a kind again: only a first or an only one (唯一, 首个) opens a kind put before a name."""
    assert not [v for v in _names("青松、白鹭两家的数据中心获评国家绿色数据中心。").values() if "获评" in v[1]]


VERBS_BEFORE_NAMES = [
    ("今年将实现青松市云计算数据中心满负荷运行。", "实现"),
    ("要持续抓好白鹭算力中心建设。", "抓好"),
    ("公司策划实施青湖零碳大数据产业园示范项目。", "实施"),
    ("当地配合青禾集团推进项目。", "配合"),
    ("特区政府公布白沙数据园区招标结果。", "公布"),
    ("政府以公开招标出售白沙数据园区用地。", "出售"),
    ("副市长李青松到青河新区智算中心调研。", "到"),
    ("如果你路过青松数据中心产业园,会看到成排的机房。", "你"),
    ("我州水电消纳产业示范园已开园。", "我州"),
    ("该院隶属国家实验研究院。", "属"),
    ("至此联盟成员增至50家。", "至此"),
    ("政府将用地批予青松智算科技有限公司。", "批予"),
]


@pytest.mark.parametrize(("text", "word"), VERBS_BEFORE_NAMES)
def test_verbs_pronouns_and_the_writer_s_prefecture_are_no_part_of_a_name(text: str, word: str) -> None:
    assert not [label for _, label, _ in _names(text).values() if word in label]


def test_a_core_data_center_is_a_description() -> None:
    text = "这是三大核心数据中心之一,另有两个核心数据中心在建。"
    assert not [v for v in _names(text).values() if v[0] == "Center"]


@pytest.mark.parametrize(("text", "expected"), [
    # a photo's credit before a firm, a school of a university, a firm's unit named by its field
    ("Photo: Courtesy of Qingsong Technologies", ("Company", "Qingsong Technologies")),
    ("He studied at the School of Computer Science and Technology of Binhai University.",
     ("Organization", "School of Computer Science and Technology of Binhai University")),
    # two firms joined by "and", the first ending in Limited
    ("The project is run by Qingsong Valley Holdings Limited and Baihe Development Group.",
     ("Company", "Baihe Development Group")),
    # a known firm in full with its registered ends is that firm
    ("It is the largest project by China Telecom Corporation Limited in central China.", ("Company", "China Telecom")),
])
def test_english_credits_schools_and_registered_ends(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(t, en) for t, _, en in _names(text).values()}


@pytest.mark.parametrize("text", [
    "Li Ming, who heads the Computing Operations Company of Qingsong Telecom, spoke at the launch.",
    "The Provincial Department of Science and Technology approved it.",
])
def test_an_english_unit_named_only_by_its_field_is_no_company(text: str) -> None:
    assert not [v for v in _names(text).values() if v[0] == "Company"]


# ------------------------------------------------------------------ session 16: names and places
KNOWN_ZONES = [
    # national zones the news names without their city: one known park whatever form the text writes, in its city
    ("青松智算中心位于临港新片区,已建成机架2000架。", "临港新片区", "Lingang Special Area", "shanghai"),
    ("中国(上海)自由贸易试验区临港新片区今年新开工项目20个。", "临港新片区", "Lingang Special Area", "shanghai"),
    ("白鹭智算中心位于郑州航空港区,总投资30亿元。", "郑州航空港经济综合实验区", "Zhengzhou Airport Economy Zone", "zhengzhou"),
    ("我们走访了航空港区的一家服务器工厂。", "郑州航空港经济综合实验区", "Zhengzhou Airport Economy Zone", "zhengzhou"),
]


@pytest.mark.parametrize(("text", "zh", "en", "city"), KNOWN_ZONES)
def test_a_national_zone_named_alone_is_the_known_zone_of_its_city(text: str, zh: str, en: str, city: str) -> None:
    from extract.entities import find_mentions
    from extract.text import split_sentences

    zones = [m.entity for m in find_mentions(text, split_sentences(text)) if m.entity is not None and m.entity.zh == zh]
    assert zones and all(z.en == en and z.reference and ("located_in", city) in z.links for z in zones)


# ------------------------------------------------------------------ session 17: names the fresh pages had unread
NAMED_PROJECTS = [
    # a region opens a project's name as a place does (with 项目 or a phase after the suffix)
    ("据公告,长三角算力中心项目总投资20亿元。", ("Yangtze River Delta Computing Center", "investment", 2e9)),
    # two fields joined inside a project's name that a city opens
    ("本次开工的芜湖绿色能源与数据产业园项目总投资50亿元。", ("Wuhu Green Energy and Data Industrial Park", "investment", 5e9)),
    # …and inside a name a firm opens, transport being a field as logistics is
    ("华为能源与智能交通算力中心去年投运,算力达到500P。",
     ("Huawei Energy and Intelligent Transportation Computing Center", "computing_power", 500)),
    # a national cluster's city and "mega-cluster"
    ("Officials say the Qingyang mega-cluster now holds 50,000 racks.", ("Qingyang data center cluster", "rack_count", 50000)),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_PROJECTS)
def test_projects_named_after_a_region_or_two_joined_fields(text: str, expected: tuple[str, str, float]) -> None:
    assert (expected[0], expected[1], pytest.approx(expected[2])) in _figures(text)


@pytest.mark.parametrize("text", [
    "京津冀数据中心规模持续扩大,总投资20亿元。",  # the region's centers, no project
    "该市推动绿色算力与数据产业园建设,总投资50亿元。",  # no place opens it: a description
    "A mega cluster in Qingyang holds 50,000 racks.",  # a cluster in the city, not the city's named one
])
def test_a_region_or_two_fields_alone_name_nothing(text: str) -> None:
    assert not [s for s, _, _ in _figures(text) if s not in ("Qingyang",)]


@pytest.mark.parametrize("text", [
    "位于中国电信云计算江城信息园内的青松超算中心已投运。",
    "青松超算中心位于东湖科技园内。",
])
def test_a_park_s_name_before_a_locative_keeps_its_last_character(text: str) -> None:
    """jieba makes a word of 园内: the name's 园 is given back, so the park before 内 is read."""
    parks = {e.zh for e in _entities(text) if e.type == "Park"}
    assert parks & {"中国电信云计算江城信息园", "东湖科技园"}


@pytest.mark.parametrize(("text", "name"), [
    ("起步区位于青松西岭数据信息产业聚集区。", "青松西岭数据信息产业聚集区"),
    ("项目落户青松南岭大数据产业聚集区。", "青松南岭大数据产业聚集区"),
])
def test_an_industry_cluster_zone_written_either_way_is_a_park(text: str, name: str) -> None:
    """产业聚集区 is how some news writes 产业集聚区."""
    assert name in {e.zh for e in _entities(text) if e.type == "Park"}


def test_an_industry_cluster_zone_described_is_no_name() -> None:
    assert not [e for e in _entities("力争在中部打造一批区域性产业聚集区。") if e.type == "Park"]


def test_a_supporting_project_of_a_site_is_a_project_of_its_own_without_the_plan_before_it() -> None:
    text = "作为枢纽的重点工程,东数西算贵安新区算力产业集群配套项目获得授信。该项目由甲乙集团打造。"
    names = _names(text)
    assert names["贵安新区算力产业集群配套项目"][:2] == ("Park", "贵安新区算力产业集群配套项目")
    assert names["贵安新区算力产业集群配套项目"][2].endswith("Computing Industry Cluster Supporting Project")
    assert names["东数西算"][0] == "Initiative"  # the plan stays a mention of its own


@pytest.mark.parametrize("text", [
    "两家企业共建面向港口的“存算一体化”智能物流算力中心。",
    "该市将建设“万卡级”智算基地。",
])
def test_a_quoted_quality_before_a_kind_of_site_is_no_brand(text: str) -> None:
    assert not [e for e in _entities(text) if e.type in ("Center", "Park")]


def test_a_quoted_brand_still_opens_a_name() -> None:
    assert "天衍量子计算云平台" in {e.zh for e in _entities("“天衍”量子计算云平台上线。")}


def test_hangzhou_s_data_element_operation_center_is_known_with_or_without_its_bracket() -> None:
    keys = {e.key for text in ("杭州数据要素运营中心(中国数谷·临平)已启用。", "杭州数据要素运营中心已启用。")
            for e in _entities(text) if e.type == "Center"}
    assert len(keys) == 1


@pytest.mark.parametrize(("text", "name"), [
    ("Engineers inspect racks at Tencent's data center in Wuqing district this week.", "Tencent Wuqing Data Center"),
    ("Officials toured the intelligent computing center of carrier China Unicom in Hohhot on Monday.",
     "China Unicom Hohhot Intelligent Computing Center"),
    # the figure is that center's, not the city's
    ("China Unicom's data center in Zhongwei has seen an investment of 3 billion yuan.", "China Unicom Zhongwei Data Center"),
])
def test_a_center_named_by_its_owner_and_its_place_is_the_owner_s_center_there(text: str, name: str) -> None:
    facts = read(text).facts
    assert {(f.metric, f.object.en) for f in facts if f.subject.en == name and f.object is not None} >= {
        ("operator", "China Unicom" if "Unicom" in name else "Tencent")}
    assert any(f.metric == "located_in" and f.subject.en == name for f in facts)
    assert all(f.subject.en == name for f in facts if f.value is not None)


@pytest.mark.parametrize("text", [
    "Tencent's data centers in Wuqing district are large.",  # several: no one thing
    "The data center of China Unicom in 2023 was expanded.",  # no place
    "Tencent's Shanghai data center, Tencent's data center in Tianjin's port area.",  # a place's part: which one?
])
def test_an_owner_and_a_place_name_no_center_unless_both_are_next_to_one_center(text: str) -> None:
    assert not [f for f in read(text).facts if f.subject.en.startswith(("Tencent Wuqing", "China Unicom", "Tencent Tianjin"))]


@pytest.mark.parametrize(("text", "zh", "en"), [
    ("国家超算互联网核心节点日前在某省郑州市投入试运行。该节点可提供超2万卡算力。", "国家超算互联网核心节点",
     "National Supercomputing Internet Core Node"),
    ("国家超算互联网郑州节点已上线,可提供超2万卡算力。", "国家超算互联网郑州节点", "National Supercomputing Internet Zhengzhou Node"),
    ("The SCNet platform has opened a new node in Zhengzhou this week. The node offers 20,000 AI chips.",
     "国家超算互联网郑州节点", "National Supercomputing Internet Zhengzhou Node"),
])
def test_a_node_of_a_computing_network_is_a_site_of_its_own(text: str, zh: str, en: str) -> None:
    facts = read(text).facts
    assert any(f.subject.zh == zh and f.subject.en == en and f.subject.type == "Center" for f in facts)
    assert any(f.metric == "gpu_cards" and f.subject.zh == zh for f in facts)


@pytest.mark.parametrize("text", [
    "作为全国一体化算力网络的重要节点,该市加快建设。",  # not a network the lexicon lists
    "该平台是国家超算互联网重要节点之一。",  # which node, the text does not say
    "SCNet said a node will follow, and a node in the new data hall is ready.",  # no city after "in"
])
def test_no_network_node_without_its_network_and_its_own_word(text: str) -> None:
    assert not [e for e in _entities(text) if "节点" in (e.zh or "") or "Node" in e.en]


def test_a_bare_project_opening_a_clause_points_at_no_project() -> None:
    """项目选址…: which project the bare word means the text does not say; guessing the page's one named project put
    figures on the wrong subject on unseen pages, so the figure is left out (or stays with what its clause names)."""
    text = "某集团发布公告,将建设青岚大数据基地项目。项目选址江城市东湖区,占地面积约500亩。"
    assert "青岚大数据基地" not in [f.subject.zh for f in read(text).facts if f.metric == "area"]


@pytest.mark.parametrize(("text", "name", "fact"), [
    # where it stands, who builds it or whose it is, then 的: a short coined name after it is a name, and the figure is its
    ("位于武汉的江城智算中心算力达到300P。", "江城智算中心", ("computing_power", 300.0)),
    ("由华为承建的江城智算中心于3月正式投运。", "江城智算中心", ("operator", "Huawei")),
    ("青松集团投资建设的云岭智算中心总投资20亿元。", "云岭智算中心", ("investment", 2_000_000_000.0)),
])
def test_a_coined_name_after_where_or_whose_and_de_is_a_name(text: str, name: str, fact: tuple) -> None:
    facts = read(text).facts
    assert any(f.subject.zh == name and f.metric == fact[0] and fact[1] in (f.value, f.object and f.object.en)
               for f in facts)
    assert not [f for f in facts if f.value is not None and f.subject.type == "City"]  # never the place's figure


@pytest.mark.parametrize("text", [
    "位于武汉的首个智算中心算力达到300P。",  # a first, not a name
    "由华为承建的公共算力中心于3月正式投运。",  # a kind of center
    "位于武汉的新型数据中心总投资20亿元。",  # a description
    "位于某市的南方数据中心已投运。",  # a direction
    "由某公司打造的全栈智算中心已投运。",  # what it offers
    "今年举行的青枫智算中心论坛吸引了众多企业。",  # an event before 的, not where or whose
])
def test_a_description_after_where_or_whose_and_de_stays_one(text: str) -> None:
    assert not [n for n, (type_, _, _) in _names(text).items() if type_ in ("Center", "Park")]


def test_a_name_does_not_run_through_the_list_it_is_chosen_for() -> None:
    names = _names("华为云数据中心入选省级算力示范项目名单。")
    assert "华为云数据中心" in names
    assert not [n for n in names if "入选" in n]


def test_a_firm_s_short_name_that_opens_a_site_s_suffix_is_the_site_s_name() -> None:
    # 中国电信临港算力平台 is a platform, not a firm
    names = _names("中国电信临港算力平台项目今年开工建设。")
    assert names.get("中国电信临港算力平台", ("",))[0] == "Center"
    # …but a firm before the suffix keeps the site its own (华为云数据中心)
    assert "华为云数据中心" in _names("在华为云数据中心,机房已投运。")


@pytest.mark.parametrize(("text", "en"), [
    ("该市建成西部云基地后,多家企业落户。", "West Cloud Base"),
    ("中卫西部云基地新增两栋机房。", "West Cloud Base"),
])
def test_known_centers_and_bases_in_their_written_forms(text: str, en: str) -> None:
    assert en in {e for _, _, e in _names(text).values()}


def test_a_listed_firm_s_short_name_is_that_firm_not_its_group() -> None:
    assert _names("协鑫能科发布公告称,新中心已投运。")["协鑫能科"][2] == "GCL Energy Technology"


@pytest.mark.parametrize("text", [
    # a municipality's own 超算中心 is an institution of that name, not the city's centers at large
    "据了解,重庆超算中心二期投资达8亿元。",
    # the short word and the long word for the kind, and an owner before the name: one center
    "曙光重庆超级计算中心揭牌。重庆超算中心二期投资达8亿元。重庆超级计算中心建成后将服务西部。",
])
def test_a_municipalitys_supercomputing_center_is_one_center_whatever_its_kind_is_written(text: str) -> None:
    facts = read(text).facts
    money = [f for f in facts if f.metric == "investment"]
    assert len(money) == 1 and money[0].subject.type == "Center" and money[0].value == pytest.approx(8e8)
    centers = {f.subject.key for f in facts if f.subject.type == "Center" and "phase" not in f.subject.key}
    assert len(centers) == 1, centers
    assert not [f for f in facts if f.subject.type in ("City", "Province") and f.metric == "investment"]


def test_an_owners_name_written_again_without_its_place_is_the_same_center() -> None:
    """华为绵阳人工智能大数据中心 … 华为人工智能大数据中心: the owner's center, the city dropped, is the one named."""
    facts = read("华为绵阳人工智能大数据中心昨日开工。华为人工智能大数据中心计划投资30亿元。").facts
    assert {f.subject.zh for f in facts if f.subject.type == "Center"} == {"华为绵阳人工智能大数据中心"}
    assert [f.value for f in facts if f.metric == "investment"] == [pytest.approx(3e9)]


def test_what_a_thing_is_to_give_eventually_is_its_target_and_the_first_stage_its_plan() -> None:
    text = ("The Qingfeng Supercomputing Center will deliver 40 petaflops in its first stage and is expected to "
            "eventually provide 160 petaflops.")
    facts = sorted((f.value, f.status) for f in read(text).facts if f.metric == "computing_power")
    assert facts == [(pytest.approx(40), "planned"), (pytest.approx(160), "target")]
