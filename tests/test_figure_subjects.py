"""Figures on the thing the news says they are about, or on nothing: speakers, unnamed sites, places on the way."""

from __future__ import annotations

import pytest

from extract import read


def _figures(text: str) -> list[tuple[str, str, float, str]]:
    return [(f.subject.en, f.metric, f.value, f.comparator) for f in read(text).facts if f.value is not None]


NO_FIGURE = [
    # the city in the words that say who speaks is no subject of what is said
    "据乌兰察布市大数据局负责人介绍,今年新签约算力项目总投资超过60亿元。",
    # clusters counted by their size in cards count no cards
    "今年庆阳将建成5个万卡级智算集群和2个千卡集群。",
    # an unnamed site placed in a city, a county of a city, a region of a province: the site's figure, not the places'
    "The firm opened a computing center in Zhangjiakou's Huailai county, Hebei province, which offers 5 EFLOPS of AI power.",
    "The group also runs another computing center in Ulanqab, Inner Mongolia, which offers 2 EFLOPS of AI power.",
    # a place in a participle opening the sentence, with a compass word and a possessive before it, says where
    "Built in central China's Hubei Province, the new center will offer 40 petaflops in its first stage.",
    # a facility the page never names: its figures are not the city's the page is about
    "Zhongwei is a national computing hub. Zhongwei hosts many firms. China opens its first data center run on 100% "
    "wind power.",
    "Zhongwei is a national computing hub. Zhongwei hosts many firms. The new facility in the city reaches a PUE of 1.12.",
    # a count of centers is no figure of the one center a page is about
    "The Zhangbei intelligent computing center opened on Monday. The two centers are run by Alibaba Cloud.",
    # a site named after its city, no name read for it: the city only opens the name
    "记者走进刚投用的杭州算力交易中心,大屏显示已汇聚算力2000P。",
    # the size a capacity would have and what it allows: no one's figure
    "Qingyang is a computing hub. Qingyang hosts many firms. A capacity of 20,000 petaflops would let a lab train a "
    "large model in days.",
    # unnamed centers opening the clause after a place, not the center the sentence before was about
    "天府智算中心投入运营。在成都,人工智能计算中心与超算中心共服务300余家企业。",
    # a count with no name of its own on a page about a city is not the city's
    "庆阳加快建设算力枢纽。庆阳数据中心集群和庆阳东数西算产业园同步推进。庆阳引进了多家企业。庆阳持续推动项目谋划。"
    "庆阳的目标很明确。庆阳正在发力。企业主体工程初具规模,已有3栋数据中心大楼建成。",
    # a project pointed at (该项目, this project) and placed in a park: its figures, not the park's, though no name is read
    "该项目选址位于南充数字产业园内,占地面积约5000平方米,预计总投资约4.2亿元。",
    "This project is located in Nanchong Digital Industrial Park, with a total investment of 420 million yuan.",
    "宜宾市与联通签约共建三江智算中心。该项目坐落于宜宾高新区的宜宾数字经济产业园内,总投资6亿元。",
    # a name set up as a landmark or a centre (以X为圆心, around X) is where the figures are placed, not what they measure
    "以天府智算中心为核心,片区规划总投资80亿元。",
    "Around the Tianfu Intelligent Computing Center, 9 data centers have been planned.",
    "Nine data centers worth 20 billion yuan have been planned around the Tianfu Intelligent Computing Center.",
    # what settles in a park (X落户Y园区) is measured after it, not the park, when the thing has no name read
    "一座新的算力工厂落户遂宁数字产业园,总投资约20亿元。",
    # a body a spokesperson speaks for (X相关负责人介绍) is no subject, nor is the city a firm invests in
    "庆阳市青禾云谷相关负责人介绍,腾讯将在庆阳累计投资20亿元。",
    "腾讯将在乌兰察布累计投资20亿元。",
    # a counted set's totals (10个集群…总量, 整体…) are no member's, even on a page about one member
    # taxes a project pays are no outlay on it
    "投产后,张北云计算产业园每年上缴营业税2亿元,企业所得税4亿元。",
    # one of a park's projects (这是园区另一个…项目): the project's money, not the park's
    "园区内还有一座新机房,是园区另一个投资30亿元的项目。",
]


@pytest.mark.parametrize("text", NO_FIGURE)
def test_a_figure_whose_subject_is_unsure_is_left_out(text: str) -> None:
    assert not [f for f in _figures(text) if f[1] in ("investment", "gpu_cards", "computing_power", "pue",
                                                      "renewable_share", "datacenter_count")]


FIGURES = [
    # without the speaker the city is the clause's subject
    ("乌兰察布市今年新签约算力项目总投资超过60亿元。", [("Ulanqab", "investment", 6e9, "gt")]),
    # the number counts the servers after it, not the racks named before it
    ("天府智算中心已投运300架机架1500台服务器。", [("Tianfu Intelligent Computing Center", "rack_count", 300, "eq")]),
    # PUE brought down from one value to another has the second; 电能利用效率 is the PUE
    ("天府智算中心的PUE值从1.4降至1.25。", [("Tianfu Intelligent Computing Center", "pue", 1.25, "eq")]),
    ("天府智算中心的PUE值由1.5下降到1.3以下。", [("Tianfu Intelligent Computing Center", "pue", 1.3, "lt")]),
    ("天府智算中心电能利用效率控制在1.25以下。", [("Tianfu Intelligent Computing Center", "pue", 1.25, "lt")]),
    # a cluster of chips (万卡集群) is no data center cluster the bare word 集群 would point back to
    ("今年庆阳将建成7个万卡集群,到年底算力有望达到10万P。", [("Qingyang", "computing_power", 100000, "eq")]),
    # the unit spelled out after a comma states no second figure
    ("天府智算中心算力达500P(1P,即每秒完成1千万亿次浮点运算)。",
     [("Tianfu Intelligent Computing Center", "computing_power", 500, "eq")]),
    # a pronoun after the place still carries the center
    ("天府智算中心投入运营。在成都,该中心已服务300余家企业。", [("Tianfu Intelligent Computing Center", "enterprise_count", 300, "gt")]),
    # a short word in brackets inside the counted noun does not hide it
    ("贵安新区累计引进大型数据(智算)中心20个。", [("Gui'an New Area", "datacenter_count", 20, "eq")]),
    # a bracket defining the unit with = states no second figure
    ("天府智算中心算力达500P(1P=1千万亿次浮点运算/秒)。", [("Tianfu Intelligent Computing Center", "computing_power", 500, "eq")]),
    # 该项目 is the project named before; the park after 位于X区的 is where it stands, not what is measured
    ("南充市与华为签约共建嘉陵先进计算中心项目。该项目选址位于南充高新区的南充数字产业园内,预计总投资约4.2亿元。",
     [("Jialing Advanced Computing Center", "investment", 4.2e8, "approx")]),
    ("遂宁市引进川中先进计算中心项目。该项目落户于遂宁经开区的遂宁数字产业园,计划投资8亿元。",
     [("Chuanzhong Advanced Computing Center", "investment", 8e8, "eq")]),
    # the place that builds around a landmark (以X为核心, 围绕X) is what the figures are of
    ("目前,中卫市以“中卫数据中心集群”为核心,规划建设了12个大型数据中心。", [("Zhongwei", "datacenter_count", 12, "eq")]),
    ("庆阳围绕庆阳数据中心集群布局了20家企业。", [("Qingyang", "enterprise_count", 20, "eq")]),
    # "in the province", "the province is home to": the province the page is about, as "the city" is the city
    ("Guizhou is a big data hub. In ten years, 12 large data centers were set up in the province by "
     "several firms.", [("Guizhou", "datacenter_count", 12, "eq")]),
    ("Guizhou is a big data hub. The province is home to 30 data centers.", [("Guizhou", "datacenter_count", 30, "eq")]),
    # a count noun set off from its number by a description between commas; the province the count is reached in
    ("By 2027, the number of standard racks, which are metal cabinets holding servers and network switches, will exceed "
     "300,000 in Gansu.", [("Gansu", "rack_count", 300000, "gt")]),
    # a member said of the set keeps its own figures
    ("As one of the top ten national data center clusters, Wuhu plans to invest 30 billion yuan.",
     [("Wuhu", "investment", 3e10, "eq")]),
    # one project singled out of a batch started together keeps its own money
    ("成都上周集中开工一批重大项目,其中一个项目即天府智算中心,该项目落户成都高新区,总投资约20亿元。",
     [("Tianfu Intelligent Computing Center", "investment", 2e9, "approx")]),
    ("成都上周集中开工一批重大项目,天府智算中心等30个项目总投资约200亿元。", []),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures_go_to_their_subject(text: str, expected: list) -> None:
    assert _figures(text) == [(s, m, pytest.approx(v), c) for s, m, v, c in expected]


def test_a_figure_with_no_name_on_a_page_about_one_city_is_the_city_s() -> None:
    text = ("庆阳加快建设算力枢纽。庆阳数据中心集群和庆阳东数西算产业园同步推进。庆阳引进了多家企业。庆阳持续推动项目谋划。"
            "庆阳的目标很明确。庆阳正在发力。围绕枢纽建设,谋划重大项目8个,总投资40亿元。")
    assert ("Qingyang", "investment", pytest.approx(4e9), "eq") in _figures(text)


@pytest.mark.parametrize("text", [
    # a size after a word of an unstated number (若干, 多个, several) is each such thing's, no named thing's
    "庆阳规划了多个万P级智算中心。",
    "达州可建设若干3000机架的数据中心。",
    "Qingyang will build several 10,000-rack data centers.",
    "Ulanqab has attracted a number of 5,000-rack data centers.",
])
def test_the_size_of_an_unstated_number_of_things_is_no_one_s(text: str) -> None:
    assert _figures(text) == []


def test_a_noun_closing_a_quoted_name_is_not_what_is_counted() -> None:
    # “X智算中心”六个大字: the count is of the characters of the name, no count of centers
    assert _figures("天府智算中心正式投运。门前“天府智算中心”六个红色大字格外醒目。") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause after a comma is about the noun before the comma: a scheme (no figure kept), an unnamed thing
    ("The Wuhu cluster is China's answer to projects such as Project Stargate, which plans to host two million AI chips.",
     []),
    ("Qingyang is a computing hub. A local firm has built a 2,000 PF cluster, which has kept 75% utilization since it "
     "opened.", []),
    # … or the thing named there
    ("Sichuan opened the Tianfu Intelligent Computing Center, which offers 300 petaflops of AI power.",
     [("Tianfu Intelligent Computing Center", "computing_power", 300, "eq")]),
    # X是由A与B牵头的Y项目: Y says what X is; the figures are X's, a scheme's, and none is kept
    ("星际之门是由OpenAI与软银牵头建设的美国算力中心项目,拟投资5000亿美元。", []),
])
def test_a_clause_describing_a_noun_gives_its_figures_to_that_noun(text: str, expected: list) -> None:
    assert [f for f in _figures(text) if f[1] != "rank"] == [(s, m, pytest.approx(v), c) for s, m, v, c in expected]



@pytest.mark.parametrize(("text", "expected"), [
    # the bare word 项目 opening a sentence is no pointer to the page's one project: its site's figures are left out
    ("天府智算中心正式开工。项目选址成都市双流区,总建筑面积达12万平方米。", []),
    # (a figure with no subject of its own in the sentence is still carried from the sentence before, as without 项目)
    ("天府智算中心正式开工。项目规划提供3000P算力。",
     [("Tianfu Intelligent Computing Center", "computing_power", 3000, "eq")]),
    ("天府智算中心和中卫云计算中心同日开工。项目选址成都市双流区,总建筑面积达12万平方米。", []),
    # the project's people are not the project
    ("天府智算中心正式开工。项目负责人介绍,全市算力达3000P。", None),
])
def test_a_bare_project_opening_a_sentence_points_at_no_project(text: str, expected: list | None) -> None:
    figures = [f for f in _figures(text) if f[1] != "rank"]
    if expected is None:
        assert not [f for f in figures if f[0] == "Tianfu Intelligent Computing Center"]
    else:
        assert figures == [(s, m, pytest.approx(v), c) for s, m, v, c in expected]


@pytest.mark.parametrize(("text", "parent"), [
    # a branch named on its parent center and its host is part of the parent as a branch, not as a phase
    ("国家超算长沙中心湘潭大学分中心在湘潭揭牌。", "国家超算长沙中心"),
    ("近日,国家工业互联网大数据中心广东分中心正式上线运行。", "国家工业互联网大数据中心"),
])
def test_a_branch_center_is_a_branch_of_the_center_it_is_named_on(text: str, parent: str) -> None:
    facts = read(text).facts
    branch = [(f.subject.zh, f.object.zh) for f in facts if f.metric == "part_of" and f.attachment == "branch"]
    assert len(branch) == 1 and branch[0][1] == parent and branch[0][0].endswith("分中心")
    # its place stays its own: nothing placed moves to the parent
    assert not [f for f in facts if f.metric == "located_in" and f.subject.zh == parent]


@pytest.mark.parametrize("text", [
    # a firm opening the figure's clause, no site named there: the firm's own sum, not the page's site's
    "江城智算中心正式投运。江城智算中心位于江北区。中国电信今年在算力领域投资超过300亿元。",
    "The Jiangcheng Intelligent Computing Center opened on Monday. The Jiangcheng Intelligent Computing Center is in "
    "Jiangbei. China Telecom has invested 30 billion yuan in computing this year.",
])
def test_a_firm_opening_the_clause_keeps_its_sum_from_the_page_s_site(text: str) -> None:
    assert not [f for f in _figures(text) if f[1] == "investment"]


def test_a_site_s_figure_after_its_runner_is_named_as_the_runner_stays() -> None:
    # the site is named in the clause: the figure is the site's, whoever runs it
    figures = _figures("中国电信江城智算中心总投资20亿元。")
    assert [f[:3] for f in figures if f[1] == "investment"] == [
        ("China Telecom Jiangcheng Intelligent Computing Center", "investment", 2e9)]


@pytest.mark.parametrize("text", [
    # money stated for a set of projects is the set's, never one center's, whether named, carried or the page's
    "天府智算中心正式投运。当天共签约12个项目,总投资120亿元。",
    "天府智算中心正式投运,同时签约12个项目,总投资120亿元。",
    "天府智算中心正式投运。包括天府智算中心在内的5个重点项目总投资120亿元。",
    "天府智算中心与中卫云计算中心两个项目总投资80亿元。",
    "The Tianfu Intelligent Computing Center opened. The two projects represent a total investment of 8 billion yuan.",
    # a fund set up, public money granted: a purse, no site's outlay
    "天府智算中心正式投运。成都市设立规模50亿元的算力产业基金。",
    "天府智算中心正式投运。项目获得国家专项资金支持2亿元。",
    "The Tianfu Intelligent Computing Center opened. The center received 200 million yuan in government funds.",
])
def test_money_of_a_set_of_projects_or_a_fund_is_no_center_s_investment(text: str) -> None:
    assert not [f for f in _figures(text) if f[1] == "investment"]


@pytest.mark.parametrize(("text", "subject"), [
    # a place saying what its projects add up to keeps the sum (the seeds' way)
    ("天府智算中心正式投运。成都市今年新签约算力项目12个,总投资120亿元。", "Chengdu"),
    # a set counted before the center is named: the center's own figure after its name
    ("Zhangjiakou counts 40 computing projects. So far the Qinhuai Data Center has put 9.2 billion yuan into its site.", None),
])
def test_a_place_keeps_the_sum_of_its_projects(text: str, subject: str | None) -> None:
    figures = [f for f in _figures(text) if f[1] == "investment"]
    if subject is None:
        assert figures and all(f[0] != "Zhangjiakou" for f in figures)
    else:
        assert [f[0] for f in figures] == [subject]


@pytest.mark.parametrize("text", [
    # a whole or a government opening the clause, unnamed, is what the figure measures: not the site before
    "The Tianfu Intelligent Computing Center opened on Monday. By the end of 2024, the country had 8.1 million racks.",
    "The Tianfu Intelligent Computing Center opened on Monday. The province aims to reach 100,000 PFLOPS by 2025.",
    "The Tianfu Intelligent Computing Center opened on Monday. Nationally, more than 8 million racks are in use.",
    "The Tianfu Intelligent Computing Center opened on Monday. The local government plans to invest 10 billion yuan.",
    "天府智算中心正式投运。当地政府计划到2027年投资100亿元发展算力产业。",
])
def test_an_unnamed_whole_opening_the_clause_takes_the_figure_from_the_site(text: str) -> None:
    assert not _figures(text)


@pytest.mark.parametrize("text", [
    # the whole only compared with: the figure stays the site's
    "The Tianfu Intelligent Computing Center opened on Monday. It is the largest in the region, with 5,000 racks.",
    "The Tianfu Intelligent Computing Center opened on Monday. As the first such center in the country, it offers "
    "500 PFLOPS.",
])
def test_a_whole_a_site_is_compared_with_leaves_it_its_figure(text: str) -> None:
    assert [f[0] for f in _figures(text)] == ["Tianfu Intelligent Computing Center"]


@pytest.mark.parametrize("text", [
    # a kind or an average a site is measured against is a baseline, no named thing's figure
    "天府智算中心正式投运。目前行业平均PUE为1.5左右。",
    "天府智算中心正式投运。传统数据中心PUE一般在1.5以上。",
    "The Tianfu Intelligent Computing Center opened on Monday. The industry average PUE is about 1.5.",
    "The Tianfu Intelligent Computing Center opened on Monday. Traditional data centers typically have a PUE above 1.5.",
    # the world's whole opening the clause
    "The Tianfu Intelligent Computing Center opened on Monday. Global computing power reached 910 EFLOPS last year.",
])
def test_a_baseline_or_the_world_s_whole_is_no_site_s_figure(text: str) -> None:
    assert not _figures(text)


def test_a_baseline_after_the_site_s_own_figure_leaves_that_figure() -> None:
    assert _figures("天府智算中心PUE低至1.2,而传统数据中心PUE普遍在1.5以上。") == [
        ("Tianfu Intelligent Computing Center", "pue", pytest.approx(1.2), "eq")]


def test_the_company_on_a_page_about_one_firm_is_that_firm() -> None:
    text = ("China Telecom opened a new office. China Telecom plans to spend more. China Telecom hired staff. "
            "The company plans to raise its computing capacity from 5 EFLOPS to 6 EFLOPS and its AI "
            "computing capacity from 12 EFLOPS to 20 EFLOPS.")
    # a change still to come starts from what the firm has now: both ends are the firm's (now and planned)
    assert [(f[0], f[2]) for f in _figures(text)] == [
        ("China Telecom", 5000), ("China Telecom", 6000), ("China Telecom", 12000), ("China Telecom", 20000)]
    assert [f.status for f in read(text).facts if f.value is not None] == ["actual", "planned", "actual", "planned"]


@pytest.mark.parametrize("text", [
    # two firms named as often: "the company" may be either
    "China Telecom opened a new office. China Mobile plans to spend more. China Telecom and China Mobile hired staff. "
    "China Mobile grew. The company aims to raise its computing capacity to 9 EFLOPS.",
    # a page naming a built thing: "the company" is no guide to whose the capacity is
    "China Telecom opened the Tianfu Intelligent Computing Center. China Telecom plans more. China Telecom hired staff. "
    "The company aims to raise its computing capacity to 9 EFLOPS.",
])
def test_the_company_points_at_no_firm_when_the_page_is_not_about_one(text: str) -> None:
    assert not [f for f in _figures(text) if f[0] in ("China Telecom", "China Mobile")]


@pytest.mark.parametrize(("pointer", "expected"), [
    ("the landmark center", [("Qingfeng Supercomputing Center", "computing_power", 50, "eq")]),
    ("the sprawling facility", [("Qingfeng Supercomputing Center", "computing_power", 50, "eq")]),
])
def test_an_english_pointer_with_a_describing_word_is_the_center_named_before(pointer: str, expected: list) -> None:
    text = ("The Qingfeng Supercomputing Center was connected to the national network last week.\n\n"
            f"Built beside a river port, {pointer} will offer 50 petaflops of computing power at first.")
    assert _figures(text) == [(s, m, pytest.approx(v), c) for s, m, v, c in expected]


@pytest.mark.parametrize("text", [
    "张家口数据中心集群建设提速。全国10个集群在用机架总量超过90万架,整体上架率约58%。",
    "Zhangjiakou keeps growing. The ten national clusters have 1.5 million racks in total.",
])
def test_a_counted_set_s_totals_are_no_member_s(text: str) -> None:
    assert not [f for f in _figures(text) if f[1] in ("rack_count", "utilization_rate")]


def test_this_year_is_the_year_of_the_page() -> None:
    text = "江城智算中心开工\n\n发布时间:2024-05-06\n\n江城智算中心一期设计算力2000P,年内先上线800P。\n"
    assert {(f.value, f.time) for f in read(text).facts if f.metric == "computing_power"} == {(2000, None), (800, "2024")}
