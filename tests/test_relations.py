"""Relations read the way the news states them, in sentences written here (the real pages stay in bench/realworld)."""

from __future__ import annotations

import pytest

from extract import read


def _relations(text: str, metric: str) -> set[tuple[str, str]]:
    return {(f.subject.key, f.object.key) for f in read(text.encode()).facts if f.metric == metric}


@pytest.mark.parametrize(("text", "pair"), [
    # the member is the subject of the phrase's own comma clause, not the province that opens the sentence
    ("甘肃近年来算力产业发展迅速,庆阳市被列为全国十个数据中心集群之一。", ("qingyang", "national-data-center-clusters")),
    # a second set coordinated with the first
    ("As one of the eight national computing hubs and ten national data center clusters, Zhongwei keeps growing.",
     ("zhongwei", "national-data-center-clusters")),
    ("宁夏被确定为国家算力枢纽节点。", ("ningxia", "national-computing-hub-nodes")),
    ("甘肃去年获批建设国家算力枢纽节点。", ("gansu", "national-computing-hub-nodes")),
    # a city written after its province is the member; a 作为 phrase of the set with a list after it names the subject
    # after its comma, never a hub (no hub is one of the clusters)
    ("甘肃庆阳市作为十个国家数据中心集群之一,近年吸引了大批企业。", ("qingyang", "national-data-center-clusters")),
    ("作为国家十大数据中心集群、长三角枢纽两大集群之一,芜湖今年新增算力项目20个。", ("wuhu", "national-data-center-clusters")),
])
def test_members_of_the_national_sets(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "member_of")


def test_the_province_of_another_clause_is_no_member() -> None:
    members = _relations("甘肃近年来算力产业发展迅速,庆阳市被列为全国十个数据中心集群之一。", "member_of")
    assert ("gansu", "national-data-center-clusters") not in members


def test_a_party_written_after_its_city_signs_not_the_city() -> None:
    partners = _relations("江苏苏州吴江携手贵州贵安打造算力协同创新平台。", "partner")
    assert partners == {("wujiang-district", "guian-new-area")}


@pytest.mark.parametrize(("text", "expected"), [
    # a phase between the name and the cue: the phase is placed, and its place is its project's (it is part of it)
    ("芜湖大数据产业园项目二期位于芜湖市鸠江区,占地300亩。", {("芜湖大数据产业园", "鸠江区"), ("芜湖大数据产业园", "芜湖")}),
    # a ceremony held in a district of a named city: the district and the city, not the province
    ("庆阳云谷数据中心(二期)项目开工仪式在甘肃庆阳市西峰区举行。", {("庆阳云谷数据中心", "西峰区"), ("庆阳云谷数据中心", "庆阳")}),
])
def test_a_place_run_locates_in_its_district_and_city(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    subject = next(iter(expected))[0]
    assert {pair for pair in located if pair[0] == subject} == expected


def test_every_agent_after_by_operates() -> None:
    operators = _relations("The Lanzhou Supercomputing Center was jointly built by China Mobile and Huawei last year.", "operator")
    assert {o for _, o in operators} == {"china-mobile", "huawei"}


def test_a_sentence_without_a_subject_goes_on_about_the_one_before() -> None:
    text = "兰州智算中心项目总投资50亿元,分两期建设。由甘肃数投公司、华为公司共同建设运营。"
    assert ("lanzhou-intelligent-computing-center", "huawei") in _relations(text, "operator")
    # a sentence that names its own thing is about that thing
    other = "兰州智算中心项目总投资50亿元。由华为公司建设的庆阳云谷数据中心已投运。"
    assert ("lanzhou-intelligent-computing-center", "huawei") not in _relations(other, "operator")


def test_a_verb_inside_a_company_name_names_no_builder() -> None:
    text = "兰州智算中心项目总投资50亿元。由庆阳数据产业园建设发展有限公司出资,由华为公司建设运营。"
    assert _relations(text, "operator") == {("lanzhou-intelligent-computing-center", "huawei")}


@pytest.mark.parametrize(("text", "expected"), [
    ("而在甘肃庆阳,星河智算中心正以5000P算力服务东部企业。", {("星河智算中心", "庆阳")}),
    # the phrase must be nothing but places: a policy or a company before the comma places nothing
    ("在国家政策支持下,星河智算中心正以5000P算力服务东部企业。", set()),
    ("在华为的支持下,星河智算中心正以5000P算力服务东部企业。", set()),
])
def test_a_place_phrase_opening_the_sentence_places_the_name_after_it(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts
               if f.metric == "located_in" and f.subject.zh == "星河智算中心"}
    assert located == expected


def test_the_carriers_of_a_cluster_are_its_parts() -> None:
    text = "芜湖数据中心集群将以芜湖大数据产业园、鸠江软件园为主要载体,加快建设。"
    parts = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "part_of"}
    assert {("芜湖大数据产业园", "芜湖数据中心集群"), ("鸠江软件园", "芜湖数据中心集群")} <= parts


def test_a_cluster_is_no_member_of_the_hubs() -> None:
    members = _relations("作为全国八大算力枢纽节点之一,和林格尔集群将服务京津冀的算力需求。", "member_of")
    assert ("horinger-data-center-cluster", "national-computing-hub-nodes") not in members


@pytest.mark.parametrize(("text", "expected"), [
    ("鸠江区已建成数据中心12个,机架规模已达2万架。", set()),
    ("芜湖市鸠江区已建成数据中心12个,机架规模已达2万架。", {("jiujiang-district", "wuhu")}),
])
def test_a_district_lies_in_its_city_only_where_the_city_is_written(text: str, expected: set) -> None:
    assert {pair for pair in _relations(text, "located_in") if pair[0] == "jiujiang-district"} == expected


def test_an_anaphor_takes_the_one_thing_of_its_type_named_just_before() -> None:
    text = "兰州智算中心已投运。庆阳云谷数据中心正在建设,总投资30亿元。机架达5000架。该中心位于西峰区。"
    assert ("qingyang-cloud-valley-data-center", "xifeng-district") in _relations(text, "located_in")
    # two centers in reach: 该中心 is the one named last, not the document's most named center
    two = "兰州智算中心已投运。兰州智算中心机架2000架。庆阳云谷数据中心正在建设。该中心位于西峰区。"
    assert {s for s, o in _relations(two, "located_in") if o == "xifeng-district"} == {"qingyang-cloud-valley-data-center"}


@pytest.mark.parametrize(("text", "owner"), [
    ("京东方健康云算力中心今年新增机架3000架。", None),  # 京东 is read inside 京东方, a different company
    ("京东云华北数据中心今年新增机架3000架。", "jdcom"),
])
def test_a_company_read_inside_a_longer_word_owns_nothing(text: str, owner: str | None) -> None:
    operators = {o for _, o in _relations(text, "operator")}
    assert operators == ({owner} if owner else set())


def test_a_place_s_park_lies_in_it() -> None:
    located = _relations("New halls opened at Ulaanqab's Jining Big Data Industrial Park this year.", "located_in")
    assert ("jining-big-data-industrial-park", "ulanqab") in located


def test_a_park_of_a_company_is_run_by_it() -> None:
    operators = _relations("New halls were built at the Wuhu Big Data Industrial Park of China Telecom last year.", "operator")
    assert operators == {("wuhu-big-data-industrial-park", "china-telecom")}


def test_an_agreement_on_a_project_makes_partners_and_a_builder() -> None:
    text = "庆阳市政府与中国移动甘肃公司就庆阳云谷数据中心建设运营签订战略合作协议。"
    assert ("qingyang-cloud-valley-data-center", "operator") in {(f.subject.key, f.metric) for f in read(text.encode()).facts}
    assert _relations(text, "partner") == {("qingyang-municipal-government", "china-mobile-gansu")}
    assert not _relations("庆阳市政府与中国移动甘肃公司就数据安全进行了交流。", "partner")


def test_an_institute_signing_with_a_firm_is_no_partnership_of_the_build_out() -> None:
    # a government body and a firm: partners; a research institute or a university and a firm: left out, as two firms are
    assert _relations("贵阳市人民政府与华为技术有限公司签署算力合作协议。", "partner")
    assert not _relations("清华大学人工智能研究院与成都超算科技有限公司签署合作备忘录。", "partner")
    assert not _relations("贵州大学与中科曙光签署算力平台合作协议。", "partner")


@pytest.mark.parametrize(("text", "place"), [
    # Jining is also a Shandong city: on a page about Inner Mongolia the English name places nothing
    ("Inner Mongolia keeps growing. The Jining Big Data Industrial Park hosts 10,000 racks.", None),
    ("Shandong keeps growing. The Jining Big Data Industrial Park hosts 10,000 racks.", "jining"),
])
def test_a_place_in_an_english_name_must_fit_the_page(text: str, place: str | None) -> None:
    located = {o for s, o in _relations(text, "located_in") if s == "jining-big-data-industrial-park"}
    assert ("jining" in located) == (place == "jining")


@pytest.mark.parametrize(("text", "pair"), [
    ("作为甘肃枢纽的重要构成,近年来庆阳市大力发展算力产业。", ("qingyang", "gansu-hub")),
    ("庆阳市是甘肃枢纽的核心区。", ("qingyang", "gansu-hub")),
])
def test_a_city_stated_part_of_its_hub(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "part_of")


def test_a_clause_of_places_goes_on_placing_the_subject() -> None:
    text = "据了解,芜湖集群的新项目选址于芜湖市,具体分布在鸠江区、弋江区。"
    assert {("wuhu-data-center-cluster", "jiujiang-district"), ("wuhu-data-center-cluster", "yijiang-district")} <= _relations(
        text, "located_in")
    # a first clause that does not place X: the places are no location of X
    assert not {o for s, o in _relations("芜湖数据中心集群今年新增机架2万架,主要分布在鸠江区、弋江区。", "located_in")
                if s == "wuhu-data-center-cluster"} - {"wuhu"}


@pytest.mark.parametrize(("text", "expected"), [
    ("甘肃庆阳近年来大力发展算力产业,机架规模达到2万架。", {("qingyang", "gansu")}),
    ("国家数据中心集群(甘肃·庆阳)产业园今年新增机架2万架。", {("qingyang", "gansu")}),
    ("Qingyang, a city in northwest China's Gansu, added 20,000 racks this year.", {("qingyang", "gansu")}),
    ("The new deal will turn Ankang into a computing hub in southern Shaanxi.", {("ankang", "shaanxi")}),
    ("New halls keep rising in Gansu province's capital Lanzhou this year.", {("lanzhou", "gansu")}),
    ("甘肃省会兰州今年新增机架2万架。", {("lanzhou", "gansu")}),
    # both merely named on the page: the text places nothing
    ("庆阳市今年新增机架2万架。甘肃省的算力产业也在加快发展。", set()),
    ("中新网庆阳5月8日电 今年以来,甘肃算力产业加快发展,新增机架2万架。", set()),
    # a reporter's dateline is where the story was filed, not a statement about the city
    ("LANZHOU, Aug. 3 (Xinhua) -- Data centers across northwest China's Gansu keep growing.", set()),
])
def test_a_city_lies_in_its_province_where_the_text_says_so(text: str, expected: set) -> None:
    located = _relations(text, "located_in")
    assert {(s, o) for s, o in located if o in ("gansu", "shaanxi")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("兰州智算中心项目建设单位为中国移动甘肃公司,总投资50亿元。", {"china-mobile-gansu"}),
    ("兰州智算中心的运营方为中国电信甘肃公司、华为公司。", {"china-telecom-gansu", "huawei"}),
    # districts co-building with a company build it too
    ("兰州智算中心由双流区、郫都区和华为公司联合建设运营。", {"shuangliu-district", "pidu-district", "huawei"}),
])
def test_builders_named_by_their_role(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


@pytest.mark.parametrize(("text", "pair"), [
    ("兰州智算中心选址于兰州新区,总投资50亿元。", ("lanzhou-intelligent-computing-center", "lanzhou-new-area")),
    # a day or a time word between the name and 在 does not change where it is
    ("庆阳云谷数据中心项目(以下简称庆阳云谷数据中心)一期,20日在甘肃省庆阳市西峰区开工。",
     ("qingyang-cloud-valley-data-center", "xifeng-district")),
    ("兰州智算中心近日在兰州新区正式投运。", ("lanzhou-intelligent-computing-center", "lanzhou-new-area")),
])
def test_where_a_center_is_sited(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "located_in")


@pytest.mark.parametrize(("text", "expected"), [
    ("中国移动在宁夏中卫投资建设的中卫云计算数据中心已投运。", {("中卫云计算数据中心", "中国移动")}),
    # the place after the company is who builds (responding to Ningxia's call to build X): the company is not
    ("中国移动宁夏公司响应宁夏打造中卫云计算数据中心的号召,启动建设新项目。", set()),
])
def test_a_company_builds_only_what_it_is_the_subject_of(text: str, expected: set) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("芜湖大数据产业园包括鸠江软件园、中国电信芜湖云计算中心等园区。",
     {("鸠江软件园", "part_of", "芜湖大数据产业园"), ("中国电信芜湖云计算中心", "part_of", "芜湖大数据产业园")}),
    ("张北云计算产业基地共包含3个数据中心园区,分别位于庙滩产业园、察哈尔工业园区。",
     {("庙滩产业园", "part_of", "张北云计算产业基地")}),
    # the districts a cluster includes are where it lies
    ("芜湖数据中心集群包括芜湖市鸠江区和弋江区两个起步区。",
     {("芜湖数据中心集群", "located_in", "鸠江区"), ("芜湖数据中心集群", "located_in", "弋江区")}),
])
def test_what_a_hub_cluster_or_park_includes(text: str, expected: set) -> None:
    assert expected <= {(f.subject.zh, f.metric, f.object.zh) for f in read(text.encode()).facts if f.object is not None}


def test_companies_a_park_includes_are_no_parts_of_it() -> None:
    assert not _relations("芜湖大数据产业园包括华为、中国电信等企业。", "part_of")


@pytest.mark.parametrize(("text", "expected"), [
    ("庆阳市联合华为、中国移动等企业成立算力创新联盟。", {("qingyang", "huawei"), ("qingyang", "china-mobile")}),
    ("Chongqing, in line with national pilot tasks, jointly planned and launched the project with Xinjiang.",
     {("chongqing", "xinjiang")}),
    # built by A with B: B builds, it signs nothing
    ("The Lanzhou Intelligent Computing Center was jointly built by China Mobile with Huawei.", set()),
])
def test_parties_that_act_jointly_are_partners(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5月10日,甘肃枢纽节点示范工程、西北地区最大的智算中心——兰州智算中心正式上线。",
     {("lanzhou-intelligent-computing-center", "gansu-hub")}),
    # a dash that does not name a project of Y
    ("甘肃枢纽建设提速——兰州智算中心正式上线。", set()),
])
def test_a_project_of_a_hub_named_after_a_dash(text: str, expected: set) -> None:
    assert {(s, o) for s, o in _relations(text, "part_of") if s == "lanzhou-intelligent-computing-center"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a clause of 是 with no name of its own goes on about the name the sentence opens with
    ("兰州智算中心于今年1月启动建设,5月正式投入运营,是甘肃枢纽建设重点支撑项目。",
     {("lanzhou-intelligent-computing-center", "gansu-hub")}),
    ("兰州智算中心于今年1月启动建设,华为公司是甘肃枢纽的重要参与者。", set()),
])
def test_a_later_clause_of_the_sentence_makes_its_subject_part_of(text: str, expected: set) -> None:
    assert {(s, o) for s, o in _relations(text, "part_of") if o == "gansu-hub"} == expected


@pytest.mark.parametrize(("text", "place"), [
    ("兰州智算中心是兰州新区第一家启动建设、第一家投产的数据中心。", "lanzhou-new-area"),
    ("兰州智算中心是甘肃省规模最大的智算中心。", "gansu"),
    ("兰州智算中心是华为在甘肃最大的投资项目。", None),  # a company's project: where is not what the sentence says
])
def test_the_first_or_largest_center_of_a_place_lies_in_it(text: str, place: str | None) -> None:
    located = {o for s, o in _relations(text, "located_in") if s == "lanzhou-intelligent-computing-center"} - {"lanzhou"}
    assert located == ({place} if place else set())


def test_joining_an_alliance_makes_a_member() -> None:
    members = _relations("安康高新区正式加入中国智能计算产业联盟。", "member_of")
    assert members == {("ankang-high-tech-zone", "china-intelligent-computing-industry-alliance")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Lanzhou Intelligent Computing Center, a key project of China Telecom, opened last year.", {"china-telecom"}),
    ("China Telecom has invested 5 billion yuan in the Lanzhou Intelligent Computing Center.", {"china-telecom"}),
    ("China Telecom has invested 5 billion yuan in Gansu since 2020.", set()),
])
def test_english_owners_and_investors_build(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


def test_the_place_an_english_ceremony_is_held_in() -> None:
    text = "The groundbreaking ceremony for the Lanzhou Intelligent Computing Center was held in Lanzhou New Area."
    assert ("lanzhou-intelligent-computing-center", "lanzhou-new-area") in _relations(text, "located_in")


@pytest.mark.parametrize(("text", "expected"), [
    ("庆阳市与华为就算力合作达成一致。", {("qingyang", "huawei")}),
    ("庆阳市与华为就数据安全进行了交流。", set()),  # talks are no agreement
    ("庆阳数据中心集群的合作伙伴包括华为、中国移动等企业。",
     {("qingyang-data-center-cluster", "huawei"), ("qingyang-data-center-cluster", "china-mobile")}),
])
def test_partners_by_agreement_and_by_list(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list closed by 等 and a count: every party listed signs with the one after 与
    ("百度、京东等5家头部公司已经与甘肃签署合作协议。", {("gansu", "baidu"), ("gansu", "jdcom")}),
    ("华为、中兴等企业分别与庆阳市政府签约,共建算力产业。",
     {("huawei", "qingyang-municipal-government"), ("zte", "qingyang-municipal-government")}),
    # builders after 由 sign nothing
    ("由华为、中兴等企业与庆阳市共同建设。", set()),
    # companies that sign with a company stay left out, as for one signer (the seed gold does not count them)
    ("腾讯、科大讯飞等八家公司同中国电信安徽公司分别签了约。", set()),
])
def test_a_list_closed_by_a_count_signs_with_the_party_after(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize("text", [
    "兰州智算中心(位于兰州新区)今年投运。",
    "兰州智算中心项目2023年5月在兰州新区开工建设。",
])
def test_a_site_in_brackets_or_after_a_date(text: str) -> None:
    assert ("lanzhou-intelligent-computing-center", "lanzhou-new-area") in _relations(text, "located_in")


@pytest.mark.parametrize(("text", "expected"), [
    # a high-tech zone builds as a district does; a place the work happens in builds nothing
    ("兰州智算中心由兰州高新区、安宁区与华为公司联合建设。", {"兰州高新区", "安宁区", "华为"}),
    ("兰州智算中心由华为公司在兰州高新区投资建设。", {"华为"}),
    ("兰州智算中心由兰州新区大数据产业园建设。", set()),  # a park with no administration of its own builds nothing
])
def test_a_zone_builds_but_not_a_park_or_a_site(text: str, expected: set) -> None:
    operators = {f.object.zh for f in read(text.encode()).facts if f.metric == "operator" and f.subject.zh == "兰州智算中心"}
    assert operators == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Lanzhou Intelligent Computing Center was developed by China's National University of Defense Technology.",
     {("lanzhou-intelligent-computing-center", "national-university-of-defense-technology")}),
    # the builder of the machine, not of the center it is housed at nor of its name in brackets
    ("The Sunway TaihuLight is housed at the Lanzhou Intelligent Computing Center and developed by China's National "
     "University of Defense Technology.", {("sunway-taihulight", "national-university-of-defense-technology")}),
])
def test_english_builders_after_china_s(text: str, expected: set) -> None:
    assert _relations(text, "operator") == expected


def test_a_park_of_a_company_in_a_place_lies_there() -> None:
    text = "New halls were completed at the Wuhu Big Data Industrial Park of China Telecom Cloud Computing in Jiujiang District."
    assert ("wuhu-big-data-industrial-park", "jiujiang-district") in _relations(text, "located_in")


def test_the_only_hub_of_its_kind_is_a_hub() -> None:
    members = _relations("宁夏被确定为全国唯一的一体化算力网络枢纽节点中心。", "member_of")
    assert members == {("ningxia", "national-computing-hub-nodes")}


@pytest.mark.parametrize(("text", "expected"), [
    ("兰州智算中心项目总投资50亿元。项目业主为中国电信甘肃公司。", {"中国电信甘肃公司"}),
    # a sentence with a thing of its own is about that thing
    ("兰州智算中心项目总投资50亿元。庆阳云谷数据中心的项目业主为中国电信甘肃公司。", set()),
])
def test_a_role_noun_in_the_next_sentence(text: str, expected: set) -> None:
    operators = {f.object.zh for f in read(text.encode()).facts if f.metric == "operator" and f.subject.zh == "兰州智算中心"}
    assert operators == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("China Telecom is the developer of the Lanzhou Intelligent Computing Center.", {"china-telecom"}),
    ("China Telecom, the operator of the Lanzhou Intelligent Computing Center, expects more demand.", {"china-telecom"}),
    ("The Lanzhou Intelligent Computing Center's operator, China Telecom, expects more demand.", {"china-telecom"}),
    ("The Lanzhou Intelligent Computing Center cost 5 billion yuan. The project's developer is China Telecom.", {"china-telecom"}),
    ("China Telecom is the largest tenant in the Lanzhou Intelligent Computing Center.", set()),
])
def test_english_role_nouns(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("中国移动与华为签署战略合作协议,共同建设庆阳云谷数据中心。", {"china-mobile", "huawei"}),
    ("中国移动与华为签约,将联合打造庆阳云谷数据中心。", {"china-mobile", "huawei"}),
    ("中国移动与华为签约,庆阳市将建设庆阳云谷数据中心。", set()),  # the clause has a builder of its own
])
def test_parties_that_sign_and_then_build_together(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "qingyang-cloud-valley-data-center"} == expected


@pytest.mark.parametrize("text", ["庆阳云谷数据中心坐落在西峰区,占地200亩。", "庆阳云谷数据中心建于西峰区,占地200亩。"])
def test_more_words_of_siting(text: str) -> None:
    assert ("qingyang-cloud-valley-data-center", "xifeng-district") in _relations(text, "located_in")


def test_the_first_project_of_a_cluster_is_part_of_it() -> None:
    parts = _relations("庆阳云谷数据中心是庆阳数据中心集群的首个项目。", "part_of")
    assert parts == {("qingyang-cloud-valley-data-center", "qingyang-data-center-cluster")}


@pytest.mark.parametrize(("text", "expected"), [
    ("中国移动是兰州智算中心的建设单位。", {"china-mobile"}),
    ("中国移动旗下的兰州智算中心已投运。", {"china-mobile"}),
    ("中国移动是兰州智算中心的重要客户。", set()),  # a customer runs nothing
    ("The Lanzhou Intelligent Computing Center, owned by China Mobile, opened.", {"china-mobile"}),
])
def test_a_company_s_own_center(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


def test_english_agreements_in_the_plural() -> None:
    partners = _relations("Qingyang has signed cooperation agreements with China Mobile and Huawei.", "partner")
    assert partners == {("qingyang", "china-mobile"), ("qingyang", "huawei")}


@pytest.mark.parametrize(("text", "place"), [
    ("Located in Xifeng District, the Qingyang Cloud Valley Data Center has 5,000 racks.", "xifeng-district"),
    ("In the Wuhu Big Data Industrial Park, the Qingyang Cloud Valley Data Center has 5,000 racks.", "wuhu-big-data-industrial-park"),
    ("In 2023, the Qingyang Cloud Valley Data Center opened.", None),
])
def test_an_english_opening_place_phrase(text: str, place: str | None) -> None:
    located = {o for s, o in _relations(text, "located_in") if s == "qingyang-cloud-valley-data-center"} - {"qingyang"}
    assert located == ({place} if place else set())


@pytest.mark.parametrize(("text", "placed"), [
    ("兰州智算中心上月在兰州新区投入运营。", True),
    ("兰州智算中心昨日在兰州新区竣工。", True),
    ("兰州智算中心在兰州新区正式点亮。", True),
    ("兰州智算中心已扎根兰州新区。", True),
    ("兰州智算中心设在兰州新区。", True),
    ("兰州智算中心项目在北京签约。", False),  # a signing may happen far from the site
])
def test_more_events_and_words_of_siting(text: str, placed: bool) -> None:
    located = {o for s, o in _relations(text, "located_in") if s == "lanzhou-intelligent-computing-center"}
    assert ("lanzhou-new-area" in located) == placed and "beijing" not in located


@pytest.mark.parametrize(("text", "place"), [
    ("The Lanzhou Intelligent Computing Center, located at Lanzhou New Area, opened.", "lanzhou-new-area"),
    ("The Lanzhou Intelligent Computing Center went into operation in Lanzhou New Area last week.", "lanzhou-new-area"),
    ("The Lanzhou Intelligent Computing Center at the Wuhu Big Data Industrial Park opened.", "wuhu-big-data-industrial-park"),
    ("Lanzhou New Area is home to the Lanzhou Intelligent Computing Center.", "lanzhou-new-area"),
    ("Lanzhou New Area hosts the Lanzhou Intelligent Computing Center.", "lanzhou-new-area"),
])
def test_more_english_words_of_siting(text: str, place: str) -> None:
    assert ("lanzhou-intelligent-computing-center", place) in _relations(text, "located_in")


@pytest.mark.parametrize(("text", "expected"), [
    ("兰州智算中心是庆阳数据中心集群内的重点项目。", {"qingyang-data-center-cluster"}),
    ("兰州智算中心属于庆阳数据中心集群。", {"qingyang-data-center-cluster"}),
    ("兰州智算中心作为庆阳数据中心集群的龙头项目,已投运。", {"qingyang-data-center-cluster"}),
    ("兰州智算中心属于国内领先水平。", set()),
])
def test_more_ways_of_being_part_of_a_cluster(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "part_of") if s == "lanzhou-intelligent-computing-center"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("兰州智算中心是中国移动与华为合作建设的项目。", {"china-mobile", "huawei"}),
    ("兰州智算中心是中国移动投资建设的重点工程。", {"china-mobile"}),
    # another clause's builder builds another thing
    ("兰州智算中心是甘肃规模最大的项目,中国移动建设的数据中心也在推进。", set()),
    ("The Lanzhou Intelligent Computing Center is a joint venture of China Mobile and Huawei.", {"china-mobile", "huawei"}),
])
def test_a_project_built_by_named_parties(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("兰州智算中心项目总投资50亿元。中国电信负责建设运营。", {"china-telecom"}),
    ("兰州智算中心项目总投资50亿元,中国电信负责投资建设,华为提供技术支持。", {"china-telecom"}),
    ("兰州智算中心项目总投资50亿元。中国电信与华为共同建设。", {"china-telecom", "huawei"}),
    ("兰州智算中心项目总投资50亿元。庆阳市政府要求中国电信加快建设。", set()),  # asked to build is no builder
])
def test_builders_of_a_clause_without_an_object(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-intelligent-computing-center"} == expected


def test_builders_of_a_sentence_about_two_things_build_neither() -> None:
    text = "兰州智算中心已投运,庆阳云谷数据中心也在推进,中国电信负责建设。"
    assert not _relations(text, "operator")


def test_every_thing_listed_after_a_place_phrase_lies_there() -> None:
    located = _relations("位于甘肃庆阳市西峰区的庆阳云谷数据中心和兰州智算中心项目进展顺利。", "located_in")
    assert {s for s, o in located if o == "xifeng-district"} >= {"lanzhou-intelligent-computing-center"}


@pytest.mark.parametrize(("text", "place"), [
    # the sentence before opens with the center; this one only says where it stands first
    ("兰州智算中心项目日前开工。作为甘肃省最大的在建数据中心,项目总投资约30亿元。", "甘肃"),
    # the sentence before names it later: the page's center is what "作为" goes on about
    ("5月8日,伴随着第一台机柜上架,兰州智算中心迎来新进展。作为甘肃省最大的在建数据中心,总投资约30亿元。", "甘肃"),
])
def test_a_subjectless_first_of_its_kind_places_the_center(text: str, place: str) -> None:
    located = {(f.subject.key, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert ("lanzhou-intelligent-computing-center", place) in located


def test_a_first_of_its_kind_in_a_sentence_with_its_own_center_places_that_center_only() -> None:
    text = "兰州智算中心项目日前开工。作为甘肃省最大的在建数据中心,庆阳云谷数据中心总投资约30亿元。"
    located = {(f.subject.key, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert ("lanzhou-intelligent-computing-center", "甘肃") not in located


def test_an_organization_a_new_center_is_named_after_runs_it() -> None:
    assert ("数码港人工智能超算中心", "数码港") in {
        (f.subject.zh, f.object.zh) for f in read("数码港人工智能超算中心明年启用。".encode()).facts if f.metric == "operator"}


@pytest.mark.parametrize("text", [
    "Jointly built by China Mobile and Huawei, the Lanzhou Supercomputing Center opened in May.",
    # the opening phrase describes "the facility": the thing the sentence before was about
    "The Lanzhou Supercomputing Center broke ground in March. Built by China Mobile and Huawei, the facility will cost 2 billion yuan.",
])
def test_an_opening_built_by_phrase_names_the_builders_of_what_follows(text: str) -> None:
    operators = _relations(text, "operator")
    assert {o for s, o in operators if s == "lanzhou-intelligent-computing-center" or "lanzhou" in s} >= {"china-mobile", "huawei"}


def test_an_opening_built_by_phrase_about_no_facility_names_no_builder() -> None:
    assert not _relations("Built by China Mobile, the road is 20 km long. The Lanzhou Supercomputing Center opened.", "operator")


def test_a_machine_deployed_at_a_center_lies_in_it() -> None:
    located = {(f.subject.en, f.object.en) for f in read(
        b"The Tianhe-2 system is deployed at the National Supercomputing Center in Guangzhou.").facts
        if f.metric == "located_in"}
    assert any(s.startswith("Tianhe") and o.startswith("National Supercomputing Center") for s, o in located)


@pytest.mark.parametrize(("text", "pair"), [
    ("Qingyang was selected as a national data center cluster.", ("qingyang", "national-data-center-clusters")),
    ("Ningxia was approved as a national computing hub in 2022.", ("ningxia", "national-computing-hub-nodes")),
])
def test_a_place_selected_as_a_national_hub_or_cluster_is_a_member(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "member_of")


@pytest.mark.parametrize("text", [
    "China Mobile broke ground on the Lanzhou Supercomputing Center.",
    "China Mobile began building the Lanzhou Supercomputing Center in March.",
    "The Lanzhou Supercomputing Center, a joint venture between China Mobile and Huawei, opened.",
    "China Mobile, which also runs the Lanzhou Supercomputing Center, said demand rose.",  # a relative clause
])
def test_more_ways_english_news_names_a_builder(text: str) -> None:
    assert "china-mobile" in {o for _, o in _relations(text, "operator")}


def test_a_place_in_a_relative_clause_builds_nothing() -> None:
    assert not _relations("Lanzhou, which built the Lanzhou Supercomputing Center, said demand rose.", "operator")


def test_an_appositive_joint_venture_names_every_party() -> None:
    text = "The Lanzhou Supercomputing Center, a joint venture between China Mobile and Huawei, opened."
    assert {o for _, o in _relations(text, "operator")} == {"china-mobile", "huawei"}


def test_a_center_that_lies_in_a_new_area_is_placed_there() -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(b"The Lanzhou Supercomputing Center lies in Lanzhou New Area.").facts
               if f.metric == "located_in"}
    assert ("兰州超算中心", "兰州新区") in located


_TABLE = ("下表列出了今年各地新开工的算力项目。 项目名称 | 所在地 | 状态 | 算力 | 中卫云基地数据中心 | 宁夏 | 在建 | 500P"
          " | 某新建平台 | 兰州市 | 在建 | 暂无 | 兰州智算中心 | 庆阳市 | 审批通过 | 800P")


def test_a_table_with_a_column_of_places_places_each_row() -> None:
    located = {(f.subject.key, f.object.key) for f in read(_TABLE.encode()).facts if f.metric == "located_in"}
    # the row's own place, even where the name says another (the table is what the page states)
    assert ("lanzhou-intelligent-computing-center", "qingyang") in located


@pytest.mark.parametrize("text", [
    # no place header: a list, not a table of places
    "下表列出了今年各地新开工的算力项目。 项目名称 | 状态 | 算力 | 兰州智算中心 | 在建 | 500P | 庆阳市 | 在建 | 800P",
    # the cells are not where the header says they are: the first row's place cell is a status
    "下表列出了今年各地新开工的算力项目。 项目名称 | 所在地 | 状态 | 兰州智算中心 | 在建 | 庆阳市 | 800P",
])
def test_a_table_read_only_where_its_cells_line_up(text: str) -> None:
    located = {(f.subject.key, f.object.key) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert ("lanzhou-intelligent-computing-center", "qingyang") not in located


@pytest.mark.parametrize("text", [
    "中国移动与华为合作共建兰州智算中心。",
    "兰州智算中心由中国移动与华为共建。",
    "兰州智算中心由中国移动投资兴建。",
    "兰州智算中心由中国移动运维。",
    "The Lanzhou Supercomputing Center, which China Mobile operates, opened.",
    "The Lanzhou Supercomputing Center was set up by China Mobile and Huawei.",
])
def test_more_builder_verbs(text: str) -> None:
    assert ("lanzhou-intelligent-computing-center", "china-mobile") in {
        (s if "lanzhou" not in s else "lanzhou-intelligent-computing-center", o) for s, o in _relations(text, "operator")}


def test_a_which_clause_about_a_place_names_no_builder() -> None:
    assert not _relations("The Lanzhou Supercomputing Center, which Gansu hopes to finish soon, opened.", "operator")


@pytest.mark.parametrize(("text", "pair"), [
    ("宁夏是全国一体化算力网络国家枢纽节点。", ("ningxia", "national-computing-hub-nodes")),
    ("作为全国一体化算力网络国家枢纽节点,宁夏近年来发展迅速。", ("ningxia", "national-computing-hub-nodes")),
    ("庆阳数据中心集群是国家数据中心集群之一。", ("qingyang-data-center-cluster", "national-data-center-clusters")),
    ("Ningxia, a national computing hub, is growing fast.", ("ningxia", "national-computing-hub-nodes")),
    ("Guizhou is a national computing hub node.", ("guizhou", "national-computing-hub-nodes")),
])
def test_a_place_called_a_national_hub_or_cluster_is_a_member(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "member_of")


@pytest.mark.parametrize("text", [
    "中卫是国家枢纽节点的核心区。",  # a part of a hub node, none of the set
    "庆阳是西部重要的数据中心集群之一。",  # one of some clusters, not of the national set
    "作为国家数据中心集群(甘肃·庆阳)的首个项目,该项目已投产。",  # the set names the cluster the project is in
])
def test_a_set_named_on_the_way_makes_no_member(text: str) -> None:
    assert not _relations(text, "member_of")


@pytest.mark.parametrize("text", [
    "项目名称:兰州智算中心\n建设地点:兰州新区\n建设单位:中国移动\n总投资:50亿元",
    "项目名称：兰州智算中心；建设地点：兰州新区；建设单位：中国移动。",
    "Project name: Lanzhou Supercomputing Center\nLocation: Lanzhou New Area\nDeveloper: China Mobile",
])
def test_a_project_given_as_fields_is_placed_and_its_builder_named(text: str) -> None:
    facts = read(text.encode()).facts
    assert {(f.metric, f.object.zh) for f in facts if f.object is not None and f.subject.key.startswith("lanzhou-")
            } >= {("located_in", "兰州新区"), ("operator", "中国移动")}


def test_the_fields_of_the_next_project_are_its_own() -> None:
    text = "项目名称：兰州智算中心；建设单位：中国移动。项目名称：庆阳云谷数据中心；建设单位：华为。"
    operators = _relations(text, "operator")
    assert ("lanzhou-intelligent-computing-center", "huawei") not in operators
    assert ("lanzhou-intelligent-computing-center", "china-mobile") in operators


@pytest.mark.parametrize("text", [
    "庆阳云谷数据中心、兰州智算中心等项目相继落户兰州新区。",
    "兰州新区已吸引庆阳云谷数据中心、兰州智算中心等项目落户。",
    "兰州新区引进了兰州智算中心项目。",
])
def test_projects_drawn_into_a_place_lie_in_it(text: str) -> None:
    located = {(f.subject.key, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert ("lanzhou-intelligent-computing-center", "兰州新区") in located


@pytest.mark.parametrize("text", [
    "兰州新区引进了兰州智算中心的先进技术。",  # what is drawn in is the technique, not the center
    "兰州新区吸引兰州智算中心前来考察。",  # a visit, no settling
])
def test_a_place_drawing_on_a_center_does_not_place_it(text: str) -> None:
    located = {(f.subject.key, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert ("lanzhou-intelligent-computing-center", "兰州新区") not in located


@pytest.mark.parametrize(("text", "pair"), [
    ("The Lanzhou Supercomputing Center, which is in Lanzhou New Area, opened.", ("located_in", "兰州新区")),
    ("The Lanzhou Supercomputing Center is located within Lanzhou New Area.", ("located_in", "兰州新区")),
    ("The Lanzhou Supercomputing Center is a key project of the Qingyang data center cluster.", ("part_of", "庆阳数据中心集群")),
    ("The Lanzhou Supercomputing Center belongs to the Qingyang data center cluster.", ("part_of", "庆阳数据中心集群")),
    ("The Qingyang data center cluster includes the Lanzhou Supercomputing Center and the Qingyang Cloud Valley Data Center.",
     ("part_of", "庆阳数据中心集群")),
])
def test_english_ways_of_placing_a_center_in_an_area_or_a_cluster(text: str, pair: tuple[str, str]) -> None:
    facts = read(text.encode()).facts
    assert pair in {(f.metric, f.object.zh) for f in facts if f.object is not None and f.subject.key.startswith("lanzhou-")}


def test_a_center_in_operation_is_placed_nowhere_new() -> None:
    facts = read(b"The Lanzhou Supercomputing Center is in operation.").facts
    assert {f.object.zh for f in facts if f.metric == "located_in"} <= {"兰州"}


@pytest.mark.parametrize("text", [
    "The Lanzhou Supercomputing Center broke ground on Monday. It will be run by China Mobile.",
    "The Lanzhou Supercomputing Center broke ground on Monday. It is built by China Mobile.",
])
def test_it_goes_on_about_the_english_sentence_before(text: str) -> None:
    assert "china-mobile" in {o for _, o in _relations(text, "operator")}


@pytest.mark.parametrize("text", [
    "兰州智算中心近日开工。项目选址兰州新区,总投资50亿元。",
    "兰州智算中心近日开工。项目一期位于兰州新区。",
])
def test_a_bare_project_placed_is_the_one_the_sentence_before_opens_with(text: str) -> None:
    assert ("lanzhou-intelligent-computing-center", "lanzhou-new-area") in _relations(text, "located_in")


def test_a_bare_project_after_a_sentence_about_no_project_is_placed_nowhere() -> None:
    located = _relations("近日,记者来到兰州新区。项目位于兰州新区。", "located_in")
    assert all(o != "lanzhou-new-area" for _, o in located)


def test_a_name_opening_with_a_district_the_page_names_lies_in_it() -> None:
    text = "青山区今年加快数字经济发展。青山智算中心昨日投入运营。"  # 青山 alone is no name of the district
    assert ("青山智算中心", "青山区") in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}


def test_a_name_sharing_a_stem_with_a_zone_does_not_lie_in_it() -> None:
    text = "高新区今年加快数字经济发展。高新智算中心昨日投入运营。"
    assert not [f for f in read(text.encode()).facts if f.metric == "located_in" and f.object.zh == "高新区"]


def test_a_park_that_is_an_area_of_a_zone_lies_in_it() -> None:
    text = "兰州新区智算产业园作为兰州高新区的核心区域,已形成以数据中心为主导的产业格局。"
    facts = {(f.metric, f.object.zh) for f in read(text.encode()).facts if f.subject.zh == "兰州新区智算产业园" and f.object}
    assert {("part_of", "兰州高新区"), ("located_in", "兰州高新区")} <= facts


@pytest.mark.parametrize(("text", "expected"), [
    # the company before 在 builds the thing after the verb, which lies where the work happens
    ("腾讯在庆阳数据中心集群建设腾讯智算中心。", {("腾讯智算中心", "part_of", "庆阳数据中心集群"), ("腾讯智算中心", "operator", "腾讯")}),
    ("中国移动在韶关市浈江区投资建设中国移动粤港澳大湾区数据中心。",
     {("中国移动粤港澳大湾区数据中心", "located_in", "浈江区"), ("中国移动粤港澳大湾区数据中心", "located_in", "韶关")}),
    # 规划/布局 by a company is building; a site reached through 的 and a dash is the last one written
    ("万国数据在核心节点——京津冀枢纽的张家口集群规划万国数据华北数据中心项目。",
     {("万国数据华北数据中心", "part_of", "张家口数据中心集群"), ("万国数据华北数据中心", "operator", "万国数据")}),
    ("中国电信将在和林格尔新区建设中国电信云计算内蒙古信息园二期。",
     {("中国电信云计算内蒙古信息园", "located_in", "和林格尔新区")}),
])
def test_what_a_company_builds_at_a_site_lies_there(text: str, expected: set) -> None:
    found = {(f.subject.zh, f.metric, f.object.zh) for f in read(text.encode()).facts if f.object is not None}
    assert expected <= found


def test_a_ceremony_at_a_site_places_nothing_built_by_the_host() -> None:
    # 在P举行X签约仪式: no verb of building right after the site
    found = {(f.subject.zh, f.metric, f.object.zh) for f in read("华为在韶关举行腾讯智算中心签约仪式。".encode()).facts
             if f.object is not None}
    assert ("腾讯智算中心", "located_in", "韶关") not in found
    assert ("腾讯智算中心", "operator", "华为") not in found


@pytest.mark.parametrize(("text", "pair"), [
    # a location cue to a cluster or hub says the thing is part of it
    ("腾讯智算中心落户庆阳数据中心集群,总投资20亿元。", ("腾讯智算中心", "庆阳数据中心集群")),
    ("位于庆阳数据中心集群的腾讯智算中心已投运。", ("腾讯智算中心", "庆阳数据中心集群")),
    ("庆阳数据中心集群位于甘肃枢纽。", ("庆阳数据中心集群", "甘肃枢纽")),
    ("The Harbin Intelligent Computing Center, in the Qingyang data center cluster, went into operation.",
     ("哈尔滨智算中心", "庆阳数据中心集群")),
])
def test_placed_in_a_cluster_is_part_of_it(text: str, pair: tuple[str, str]) -> None:
    facts = [f for f in read(text.encode()).facts if f.object is not None]
    assert pair in {(f.subject.zh, f.object.zh) for f in facts if f.metric == "part_of"}
    assert pair not in {(f.subject.zh, f.object.zh) for f in facts if f.metric == "located_in"}


@pytest.mark.parametrize(("text", "place"), [
    # 入驻 settles a thing in a park as 落户 does: it lies there (a cluster it settles in, it is part of: above)
    ("陇东云谷智算中心上月正式入驻滨湖数字产业园。", "滨湖数字产业园"),
    ("由华为承建的陇东云谷智算中心近日入驻位于西峰区的庆阳东数西算产业园。", "庆阳东数西算产业园"),
    ("陇东云谷智算中心已入驻兰州高新区。", "兰州高新区"),
])
def test_settling_in_a_park_places_it_there(text: str, place: str) -> None:
    facts = [(f.subject.zh, f.metric, f.object.zh) for f in read(text.encode()).facts if f.object is not None]
    assert ("陇东云谷智算中心", "located_in", place) in facts
    assert ("陇东云谷智算中心", "part_of", place) not in facts


def test_a_project_settled_in_a_park_is_one_of_its_projects() -> None:
    # 作为入驻Y的第一个项目,X: X is named as one of Y's projects, a part of it
    text = "作为入驻“滨湖数谷”的首个项目,陇东云谷智算中心计划建设100P算力。"
    facts = [(f.subject.zh, f.metric, f.object.zh) for f in read(text.encode()).facts if f.object is not None]
    assert ("陇东云谷智算中心", "part_of", "滨湖数谷") in facts


@pytest.mark.parametrize(("text", "member"), [
    ("国家超级计算西宁中心今年将投入使用,成为第十五家国家超级计算中心。", "国家超级计算西宁中心"),
    ("The National Supercomputing Center in Hefei, a new national supercomputing center, opened its second hall.",
     "国家超级计算合肥中心"),
])
def test_a_national_supercomputing_center_by_name_is_one_of_the_set(text: str, member: str) -> None:
    members = {(f.subject.zh, f.object.key) for f in read(text.encode()).facts if f.metric == "member_of"}
    assert (member, "national-supercomputing-centers") in members


@pytest.mark.parametrize("text", [
    "西宁超算中心今年将投入使用,成为第十五家国家超级计算中心。",  # the name does not say it
    "国家超级计算西宁中心今年将投入使用。",  # the page never speaks of the set
    "国家超算西宁中心今年将投入使用,并将申报第十五家国家超级计算中心。",  # still applying to join
])
def test_no_member_of_the_supercomputing_set_without_name_page_and_approval(text: str) -> None:
    assert not any(o == "national-supercomputing-centers" for _, o in _relations(text, "member_of"))


def test_a_place_heading_a_name_not_read_is_no_partner() -> None:
    # the partner is an institution whose name starts with a city: not the city
    partners = _relations("昨日,国家超级计算长沙中心与武汉超级计算中心在长沙签署合作协议。", "partner")
    assert ("national-supercomputing-center-in-changsha", "wuhan") not in partners
    assert not any("hefei" in (s, o) for s, o in _relations("本月,贵安新区与合肥先进计算中心签约。", "partner"))
    # a city that signs, then a verb: still a partner
    assert ("wuhu", "zhonglian-data") in _relations("中联数据与芜湖市签约共建算力中心。", "partner")


def test_a_county_never_lies_in_a_park() -> None:
    located = _relations("该公司在怀来县位于怀来经济开发区东区建设数据中心。", "located_in")
    assert not any(s == "huailai-county" for s, _ in located)


def test_zheng_zai_marks_time_not_a_place_for_the_builder_rule() -> None:
    operators = _relations("正在建设中的国家超级计算西安中心,建成后由西安交通大学负责日常运营管理。", "operator")
    assert operators == {("national-supercomputing-center-in-xian", "xian-jiaotong-university")}


@pytest.mark.parametrize(("text", "expected"), [
    # figures between the name and a later clause placing it
    ("芜湖智算中心总投资20亿元,建筑面积3万平方米,坐落于芜湖市鸠江区。", ("芜湖智算中心", "鸠江区")),
    ("西宁大数据产业园规划占地800亩,位于城北区。", ("西宁大数据产业园", "城北区")),
])
def test_a_later_clause_with_a_location_cue_places_the_opening_name(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}


def test_a_later_location_clause_after_another_name_places_nothing_by_this_rule() -> None:
    located = {(f.subject.zh, f.object.zh) for f in read("芜湖智算中心由中国电信建设,位于鸠江区。".encode()).facts
               if f.metric == "located_in"}
    assert ("芜湖智算中心", "鸠江区") not in located


@pytest.mark.parametrize("text", [
    "作为科技部批准的国家超级计算中心,成都超算中心已服务上千家用户。",
    "成都超算中心是全国第十家国家超级计算中心。",
    "Last year, the Chengdu Supercomputing Center was listed as the tenth national supercomputing center in China.",
])
def test_a_center_stated_to_be_a_national_supercomputing_center_is_a_member(text: str) -> None:
    # 成都超算中心 is the city's national center (extract/data/lexicon.toml: city_named short forms)
    assert _relations(text, "member_of") == {("national-supercomputing-center-in-chengdu", "national-supercomputing-centers")}


@pytest.mark.parametrize("text", [
    "西宁超算中心计划申报第十五家国家超级计算中心。",  # applying, not yet one
    "芜湖智算中心是长三角重要的算力中心,为国家超级计算中心提供服务。",  # serves the set, is none of it
])
def test_a_center_near_the_set_s_name_is_no_member_unless_stated(text: str) -> None:
    assert not any(o == "national-supercomputing-centers" for _, o in _relations(text, "member_of"))


def test_an_aside_between_the_name_and_its_place_and_a_government_as_builder() -> None:
    text = ("The Wuhu Big Data Center, jointly built by the local government of Jiujiang district and Inspur, "
            "was situated in Jiujiang district.")
    facts = read(text.encode()).facts
    located = {(f.subject.zh, f.object.zh) for f in facts if f.metric == "located_in"}
    operators = {(f.subject.zh, f.object.zh) for f in facts if f.metric == "operator"}
    assert ("芜湖大数据中心", "鸠江区") in located
    assert {("芜湖大数据中心", "鸠江区"), ("芜湖大数据中心", "浪潮")} <= operators


def test_an_aside_holding_a_second_name_places_nothing_by_this_rule() -> None:
    text = "The Wuhu Intelligent Computing Center, built by China Telecom, the Hefei center, is located in Hefei."
    assert not any(o == "hefei" for _, o in _relations(text, "located_in"))


@pytest.mark.parametrize(("text", "expected"), [
    ("中国电信与庆阳市签署协议,双方将共建庆阳智算中心。", {("庆阳智算中心", "中国电信")}),
    ("庆阳市与中国移动、中国联通签订合作协议,共建庆阳大数据产业园。", {("庆阳大数据产业园", "中国移动"), ("庆阳大数据产业园", "中国联通")}),
])
def test_companies_that_sign_build_what_the_next_clause_builds_together(text: str, expected: set) -> None:
    assert expected <= {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}


def test_building_together_something_not_named_gives_no_builder() -> None:
    assert _relations("中国电信与庆阳市签署协议,推动共建数字庆阳。", "operator") == set()


def test_a_site_covering_an_area_in_a_place_lies_there() -> None:
    text = "The Wuhu Big Data Industrial Park covers about 300 mu (20 hectares) in the Jiujiang district of Wuhu."
    assert ("wuhu-big-data-industrial-park", "jiujiang-district") in _relations(text, "located_in")
    other = "The Wuhu Big Data Industrial Park covers 30 percent of demand in Jiujiang district."
    assert ("wuhu-big-data-industrial-park", "jiujiang-district") not in _relations(other, "located_in")


@pytest.mark.parametrize("text", [
    "The Wuhu Intelligent Computing Center opened on Monday in Jiujiang district.",
    "The Wuhu Intelligent Computing Center was put into operation on May 31 in Jiujiang district.",
])
def test_a_date_between_an_event_verb_and_its_place(text: str) -> None:
    assert ("wuhu-intelligent-computing-center", "jiujiang-district") in _relations(text, "located_in")


@pytest.mark.parametrize(("text", "expected"), [
    # 位于A园内的B: the center lies in the park the clause names first
    ("位于芜湖大数据产业园内的芜湖智算中心今年已经投运。", {("芜湖智算中心", "芜湖大数据产业园")}),
    ("坐落于芜湖大数据产业园的芜湖智算中心已经投运。", {("芜湖智算中心", "芜湖大数据产业园")}),
    # no verb of place before the park: nothing is said of where the center lies
    ("芜湖大数据产业园的芜湖智算中心已经投运。", set()),
])
def test_a_center_inside_a_park_named_before_it(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[1] == "芜湖大数据产业园"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a phase placed by its ceremony places its project: the phase is built on the project's site
    ("中国电信韶关数据中心(一期)项目昨日在韶关市浈江区正式开工。", {"浈江区", "韶关"}),
    ("芜湖大数据产业园项目二期位于芜湖市鸠江区,占地300亩。", {"鸠江区", "芜湖"}),
])
def test_a_placed_phase_places_its_project(text: str, expected: set) -> None:
    facts = read(text.encode()).facts
    whole = next(f.object for f in facts if f.metric == "part_of")
    assert {f.object.zh for f in facts if f.metric == "located_in" and f.subject == whole} == expected


def test_a_project_placed_elsewhere_keeps_its_own_district() -> None:
    text = "芜湖大数据产业园位于芜湖市弋江区。芜湖大数据产业园项目二期位于芜湖市鸠江区。"
    located = {f.object.zh for f in read(text.encode()).facts if f.metric == "located_in" and f.subject.zh == "芜湖大数据产业园"}
    assert "鸠江区" not in located


@pytest.mark.parametrize(("text", "expected"), [
    # a zone the page names by its 片区, its stem opening a name after the owner: the center lies in the zone
    ("临港新片区本月集中开工十个项目,包括中国电信临港算力平台项目等。", ("中国电信临港算力平台", "临港新片区")),
    ("武昌区今年开工多个项目。中国电信武昌智算中心已投运。", ("中国电信武昌智算中心", "武昌区")),
])
def test_a_name_opening_with_a_district_of_the_page_after_its_owner(text: str, expected: tuple) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert expected in located


@pytest.mark.parametrize(("text", "members"), [
    # the founders of a body are its first members: after 由 and before the verb, or before the verb and the body
    ("西部算力联盟由中国电信、华为、中科曙光和兰州大学等单位共同发起成立。",
     {("中国电信", "西部算力联盟"), ("华为", "西部算力联盟"), ("中科曙光", "西部算力联盟"), ("兰州大学", "西部算力联盟")}),
    ("中国电信、华为、中科曙光等企业联合发起成立了中国算力产业联盟。",
     {("中国电信", "中国算力产业联盟"), ("华为", "中国算力产业联盟"), ("中科曙光", "中国算力产业联盟")}),
    ("由中国电信和华为共同组建的西部算力联盟今日成立。", {("中国电信", "西部算力联盟"), ("华为", "西部算力联盟")}),
    ("The West Computing Alliance was jointly launched by Huawei, Tencent and China Mobile.",
     {("华为", "West Computing Alliance"), ("腾讯", "West Computing Alliance"), ("中国移动", "West Computing Alliance")}),
    # the members a body's word for them lists
    ("西部算力联盟的成员单位包括中国电信、华为和中科曙光。",
     {("中国电信", "西部算力联盟"), ("华为", "西部算力联盟"), ("中科曙光", "西部算力联盟")}),
    # who guides a body is no member of it; a center "发起建设" by a company is built, not joined
    ("由省工信厅指导的西部算力联盟在兰州成立,华为出席。", set()),
    ("庆阳云谷数据中心由华为发起建设。", set()),
])
def test_the_founders_and_listed_members_of_a_body_belong_to_it(text: str, members: set) -> None:
    assert {(f.subject.zh or f.subject.en, f.object.zh or f.object.en)
            for f in read(text.encode()).facts if f.metric == "member_of"} == members


@pytest.mark.parametrize(("text", "pairs"), [
    # several parties on one side of the signing: each signs with the other side
    ("庆阳市、平凉市与华为公司签署战略合作协议。", {("qingyang", "huawei"), ("pingliang", "huawei")}),
    ("Lanzhou High-tech Zone, Qingyang and Huawei signed a cooperation agreement on Monday.",
     {("lanzhou-high-tech-zone", "huawei"), ("qingyang", "huawei")}),
    # two parties that agree to work together, the second with a description before its name
    ("Lanzhou Supercomputing Center and Huawei announced that they will work together to build a lab.",
     {("lanzhou-supercomputing-center", "huawei")}),
    ("Lanzhou Supercomputing Center and the Chinese chip maker Huawei Technologies Co. agreed to set up a joint lab.",
     {("lanzhou-supercomputing-center", "huawei")}),
    # two parties that merely speak together are no partners
    ("Lanzhou Supercomputing Center and Huawei said the lab opened in May.", set()),
])
def test_every_party_of_a_signing_side_partners(text: str, pairs: set) -> None:
    assert _relations(text, "partner") == pairs


@pytest.mark.parametrize("text", [
    "庆阳云谷数据中心是中国电信在庆阳投资建设的第二个数据中心。",  # X是A在P建设的数据中心: A builds X
    "由中国电信投资自建的庆阳云谷数据中心昨日开工。",  # 自建: built by its owner
])
def test_a_company_that_builds_its_own_center_operates_it(text: str) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"} == {
        ("庆阳云谷数据中心", "中国电信")}


def test_a_cluster_is_not_placed_in_one_of_its_parks() -> None:
    located = {(f.subject.zh, f.object.zh) for f in read("张家口数据中心集群项目开工仪式在张北云谷产业园举行。".encode()).facts
               if f.metric == "located_in"}
    assert ("张家口数据中心集群", "张北云谷产业园") not in located
    # a zone with its own administration may hold a cluster
    zone = {(f.subject.zh, f.object.zh) for f in read("韶关数据中心集群位于韶关高新区。".encode()).facts if f.metric == "located_in"}
    assert ("韶关数据中心集群", "韶关高新区") in zone


@pytest.mark.parametrize(("text", "members"), [
    # every center of a list joining the network, not only the last one
    ("兰州超算中心、庆阳云谷数据中心和国家超级计算长沙中心等五家算力中心正式接入国家超算互联网。",
     {"兰州超算中心", "庆阳云谷数据中心", "国家超级计算长沙中心"}),
    ("Lanzhou Supercomputing Center was connected to the National Supercomputing Internet last month.", {"兰州超算中心"}),
    # a center that only means to join is not in it
    ("兰州超算中心计划年内接入国家超算互联网。", set()),
    ("兰州超算中心将于年底前接入国家超算互联网。", set()),
])
def test_centers_that_join_the_national_supercomputing_internet_are_in_it(text: str, members: set) -> None:
    assert {f.subject.zh for f in read(text.encode()).facts
            if f.metric == "member_of" and f.object.key == "national-supercomputing-internet"} == members


# ------------------------------------------------------------------ session 14, round 2: builders and signers
@pytest.mark.parametrize(("text", "pairs"), [
    # a clause opening with 与 and no party of its own signs for the party opening the sentence
    ("近年来,庆阳市积极与华为、中国联通、快手等达成合作协议。",
     {("庆阳", "华为"), ("庆阳", "中国联通"), ("庆阳", "快手")}),
    ("作为中国联通在西北的首个智算中心,中国联通西北智算中心总体规划2万个机架,已与美团、快手等8家企业完成签约。",
     {("中国联通西北智算中心", "美团"), ("中国联通西北智算中心", "快手")}),
    # a sentence cut at a semicolon goes on with the subject of the part before it; unknown first items are skipped
    ("围绕这项工程,庆阳市出台了扶持政策;突出招商引资,推动与某某云、华为、中国联通等达成合作协议。",
     {("庆阳", "华为"), ("庆阳", "中国联通")}),
])
def test_a_clause_of_signing_without_a_party_signs_for_the_sentence_subject(text: str, pairs: set) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "partner"} == pairs


@pytest.mark.parametrize("text", [
    "在中卫,与华为达成合作的企业有20家。",  # no subject opens a clause: nobody signs
    "兰州市与华为签约后,与腾讯达成合作。",  # another party stands between: left out
    "中卫市的企业,与华为达成合作。",  # the place only qualifies the subject
])
def test_a_signing_clause_without_a_clear_subject_signs_for_nobody(text: str) -> None:
    partners = _relations(text, "partner")
    assert not any(o == "tencent" for _, o in partners)
    assert not any(s == "zhongwei" for s, _ in partners)


@pytest.mark.parametrize(("text", "pair"), [
    # 增建 / 合资建设: verbs of building after 由
    ("成都智算中心二期,由中国电信四川分公司增建200P算力。", ("成都智算中心二期", "中国电信四川公司")),
    ("成都智算中心开工。该项目由华为公司与成都产业投资集团合资建设。", ("成都智算中心", "成都产业投资集团")),
    # 由A承建、B监理的X: A builds X, the supervisor does not
    ("由华为承建、某某监理公司监理的成都智算中心已投运。", ("成都智算中心", "华为")),
    # 中标单位为A: the winner of the tender builds it
    ("成都智算中心项目一期中标单位为华为公司。", ("成都智算中心一期", "华为")),
    # a role noun as an apposition: 运营方A opening a sentence is about the thing the sentence before opened with
    ("成都智算中心已投运。运营方华为公司负责人介绍,已有20家企业入驻。", ("成都智算中心", "华为")),
    # an English agent with its kind before its name
    ("The Chengdu Intelligent Computing Center is being built by local company Huawei.", ("成都智算中心", "华为")),
])
def test_builders_the_news_names_in_passing(text: str, pair: tuple[str, str]) -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}
    assert pair in operators


def test_a_supervisor_and_a_branch_read_apart_build_nothing() -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read("由华为承建、某某监理公司监理的成都智算中心已投运。".encode()).facts
                 if f.metric == "operator"}
    assert operators == {("成都智算中心", "华为")}


@pytest.mark.parametrize(("text", "pair"), [
    # a park written after the place with 的 is the exact site; the place still holds it
    ("成都智算中心落户成都高新区的中国移动(四川)数据中心产业园。", ("成都智算中心", "中国移动(四川)数据中心产业园")),
    ("成都智算中心落户成都高新区的中国移动(四川)数据中心产业园。", ("成都智算中心", "成都高新区")),
])
def test_a_park_after_its_place_is_where_the_thing_lies(text: str, pair: tuple[str, str]) -> None:
    assert pair in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}


def test_a_center_inside_a_cluster_is_part_of_it() -> None:
    facts = read("天府数据中心集群内的成都智算中心已投运。".encode()).facts
    assert ("成都智算中心", "天府数据中心集群") in {(f.subject.zh, f.object.zh) for f in facts if f.metric == "part_of"}


def test_a_builder_of_a_bare_phase_builds_the_phase_of_the_project_before() -> None:
    facts = read("成都智算中心项目开工。由华为承建的(一期)项目占地100亩。".encode()).facts
    pairs = {(f.subject.zh, f.metric, f.object.zh) for f in facts if f.object is not None}
    assert ("成都智算中心一期", "operator", "华为") in pairs
    assert ("成都智算中心一期", "part_of", "成都智算中心") in pairs
    assert ("成都智算中心", "operator", "华为") not in pairs


@pytest.mark.parametrize(("text", "metric", "pair"), [
    ("China Mobile opened the Hohhot Intelligent Computing Center in Horinger New Area on Monday.", "operator",
     ("呼和浩特智算中心", "中国移动")),
    ("Huawei signed a deal with the Chengdu government to build the Chengdu Intelligent Computing Center.", "operator",
     ("成都智算中心", "华为")),
    ("成都智算中心是天府数据中心集群首个投运的智算项目。", "part_of", ("成都智算中心", "天府数据中心集群")),
    ("The Chengdu Intelligent Computing Center is one of the key projects of the Tianfu data center cluster.", "part_of",
     ("成都智算中心", "天府数据中心集群")),
])
def test_builders_and_clusters_in_the_ways_news_writes_them(text: str, metric: str, pair: tuple[str, str]) -> None:
    assert pair in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == metric}


def test_a_place_that_signs_to_build_runs_nothing() -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read(
        b"Huawei signed a deal with the Chengdu government to build the Chengdu Intelligent Computing Center.").facts
        if f.metric == "operator"}
    assert operators == {("成都智算中心", "华为")}


@pytest.mark.parametrize(("text", "expected"), [
    # a company named after the center it runs
    ("成都智算中心运营有限公司总经理张三表示,成都智算中心已投运。", {("成都智算中心", "成都智算中心运营有限公司")}),
    ("成都智算中心科技有限公司总经理张三表示,成都智算中心已投运。", set()),  # another company's name, not the center's
    # in charge of the building and running of X, or of the project the sentence before is about
    ("华为负责成都智算中心的建设和运营。", {("成都智算中心", "华为")}),
    ("成都智算中心开工。华为将负责项目的建设和运营。", {("成都智算中心", "华为")}),
    ("The Chengdu Intelligent Computing Center was approved. Huawei is to oversee the construction and operation of the new facility.",
     {("成都智算中心", "华为")}),
    ("华为负责人表示,成都智算中心已投运。", set()),
    ("华为负责成都智算中心的设备供应。", set()),
    ("记者走进成都智算中心。华为公司负责项目的运营。", set()),  # the sentence before does not open with the center
])
def test_who_runs_a_center_by_its_company_s_name_and_by_charge(text: str, expected: set) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"} == expected


@pytest.mark.parametrize(("text", "member"), [
    ("华为成为中国算力网络联盟副理事长单位。", True),
    ("华为是中国算力网络联盟的首批成员。", True),
    ("华为是中国算力网络联盟秘书长。", False),  # an office, not a member's rank
])
def test_a_council_rank_of_an_alliance_makes_a_member(text: str, member: bool) -> None:
    assert (("huawei", "china-computing-network-alliance") in _relations(text, "member_of")) is member


@pytest.mark.parametrize(("text", "expected"), [
    # the subject of a clause that says it is one of a set named before it in the sentence
    ("国家共规划了10个国家数据中心集群,庆阳位列其一。", {("qingyang", "national-data-center-clusters")}),
    ("国家同意在8地启动建设国家算力枢纽节点,甘肃省名列其中。", {("gansu", "national-computing-hub-nodes")}),
    ("China has laid out ten national data center clusters, and Qingyang is one of them.",
     {("qingyang", "national-data-center-clusters")}),
    # a company is no member of the sets; a cluster is none of the hubs
    ("国家共规划了10个国家数据中心集群,华为位列其一。", set()),
    ("全国共有8个国家算力枢纽节点,庆阳集群是其中之一。", set()),
    # the name must open its clause: a place named on the way is not the subject
    ("国家共规划了10个国家数据中心集群,其中位于庆阳的项目位列其一。", set()),
])
def test_one_of_a_set_named_before(text: str, expected: set) -> None:
    assert _relations(text, "member_of") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a government that signs to build together builds too, with the company
    ("会上,兰州市人民政府与华为公司签署合作协议,共建兰州智算中心项目。",
     {("兰州智算中心", "兰州市人民政府"), ("兰州智算中心", "华为")}),
    # a company the clause sets up runs what its 负责 clause names, also in quotes and with a bracket after the name
    ("双方共同出资组建了甘肃云谷运营有限公司,具体负责“兰州智算中心(一号站)项目”的投资、建设和运营。",
     {("兰州智算中心", "甘肃云谷运营有限公司")}),
    # a contractor (由A施工) builds it, as 承建
    ("兰州智算中心二期由中国建筑第三工程局有限公司施工。", {("兰州智算中心二期", "中国建筑第三工程局有限公司")}),
])
def test_who_builds_by_signing_setting_up_or_contracting(text: str, expected: set) -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}
    assert operators == expected


def test_a_company_not_set_up_by_the_clause_runs_nothing_after_a_comma() -> None:
    # 华为 signs; who 负责 after the comma is not said (the clause's subject may be the government)
    text = "兰州市人民政府与华为公司签约,负责兰州智算中心的建设。"
    operators = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}
    assert ("兰州智算中心", "华为") not in operators


@pytest.mark.parametrize(("text", "expected"), [
    # 决定在P建设X: the thing built lies there
    ("去年,浪潮集团决定在西峰区建设“陇东云谷数据中心”。", {("陇东云谷数据中心", "西峰区")}),
    # 在P,占地…的X: a short modifier between the place phrase and the name
    ("在甘肃庆阳市西峰区,占地500亩的陇东云谷数据中心已经建成投运。", {("陇东云谷数据中心", "西峰区")}),
    # a company's thing after the place phrase is placed by nothing here
    ("在甘肃庆阳市西峰区,华为的陇东云谷数据中心已经建成投运。", set()),
    # 该项目选址位于B的C园区内: the project the sentence before opened with lies in both
    ("陇东云谷数据中心项目总投资50亿元。该项目选址位于西峰区的庆阳东数西算产业园内,占地300亩。",
     {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳东数西算产业园")}),
])
def test_where_a_thing_is_built_or_sited(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[0] == "陇东云谷数据中心"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a run of places signs as its most specific place, not the province that opens it
    ("华为与甘肃省庆阳市西峰区的合作由来已久。", {("xifeng-district", "huawei")}),
    ("中国电信与庆阳市、中卫市签约。", {("qingyang", "china-telecom"), ("zhongwei", "china-telecom")}),
])
def test_a_run_of_places_signs_as_its_last_place(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one ceremony for two events joined by 暨 places the thing where it is held
    ("陇东云谷数据中心投运暨二期项目签约仪式在甘肃庆阳市西峰区举行。", {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳")}),
    ("陇东云谷数据中心签约暨开工仪式在庆阳市西峰区举行。", {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳")}),
    # a signing alone may happen far from the site: it places nothing
    ("陇东云谷数据中心签约仪式在兰州举行。", set()),
])
def test_a_ceremony_of_two_events_places_the_thing(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[0] == "陇东云谷数据中心"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a place's government signs as the place
    ("The Lanzhou government and Huawei signed an agreement on Monday.", {("huawei", "lanzhou")}),
    ("China Mobile, Huawei and the Lanzhou government signed a three-party agreement.",
     {("china-mobile", "lanzhou"), ("huawei", "lanzhou")}),
    # officials are no party
    ("Huawei and Lanzhou government officials signed an agreement.", set()),
    # 三方签署: one agreement of all the parties (two companies signing is left out, as everywhere)
    ("兰州市人民政府、中国移动和华为三方签署战略合作协议。",
     {("lanzhou-peoples-government", "huawei"), ("lanzhou-peoples-government", "china-mobile")}),
    # A、B与C签署: A and B each sign with C, not with each other
    ("兰州市人民政府、中国移动与华为签署合作协议。", {("lanzhou-peoples-government", "huawei")}),
])
def test_parties_of_one_signing(text: str, expected: set) -> None:
    assert {tuple(sorted(pair)) for pair in _relations(text, "partner")} == {tuple(sorted(pair)) for pair in expected}


@pytest.mark.parametrize(("text", "expected"), [
    # A、B等企业加入了X联盟: every party of the list joins the body
    ("华为、中国移动等企业加入了东数西算产业联盟。", {("华为", "东数西算产业联盟"), ("中国移动", "东数西算产业联盟")}),
    # only a body one joins has members so
    ("华为、中国移动等企业加入了兰州市人民政府。", set()),
])
def test_a_list_joins_a_body(text: str, expected: set) -> None:
    members = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "member_of"}
    assert members == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the name right before "was co-founded by", "which was established by": its builders
    ("The Lanzhou Supercomputing Center was co-founded by China Mobile and Huawei.", {"china-mobile", "huawei"}),
    ("The Lanzhou Supercomputing Center, which was established by China Mobile, opened in 2023.", {"china-mobile"}),
    # a body founded by a company is joined, not built, and the center before it is not what was founded
    ("The Lanzhou Supercomputing Center joined the China Computing Power Alliance, which was founded by Huawei.", set()),
    # a place's government acting with a company does not stop the company building
    ("China Mobile and the Lanzhou government will jointly build the Lanzhou Supercomputing Center.", {"china-mobile"}),
])
def test_who_founded_or_builds_in_english(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "operator") if s == "lanzhou-supercomputing-center"} == expected


def test_an_english_place_phrase_places_by_its_most_specific_place() -> None:
    located = _relations("In Qingyang's Xifeng district, the Lanzhou Supercomputing Center has started operation.", "located_in")
    assert ("lanzhou-supercomputing-center", "xifeng-district") in located
    assert ("lanzhou-supercomputing-center", "qingyang") not in located


@pytest.mark.parametrize(("text", "expected"), [
    # 庆阳市西峰区的X: the district and the city written before it
    ("庆阳市西峰区的陇东云谷数据中心已投运。", {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳")}),
    # a clause of builders between the name and its place clause
    ("陇东云谷数据中心,由中国电信和华为共同建设,总投资50亿元,位于庆阳市西峰区。",
     {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳")}),
    # a company that is the subject of the later clause is placed, not the name the sentence opens with
    ("陇东云谷数据中心投运,华为公司位于庆阳市西峰区。", set()),
])
def test_a_place_before_its_district_or_after_a_clause_of_builders(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[0] == "陇东云谷数据中心"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Lanzhou government inked a deal with Huawei on Monday.", {("lanzhou", "huawei")}),
    ("The Lanzhou government and Huawei inked a framework agreement.", {("lanzhou", "huawei")}),
    ("Lanzhou will deepen its cooperation with Huawei in computing.", {("lanzhou", "huawei")}),
    # the clause's subject signs, not a place named on the way
    ("The Lanzhou Supercomputing Center, in Qingyang, has strengthened collaboration with Huawei.",
     {("lanzhou-supercomputing-center", "huawei")}),
])
def test_english_words_of_partnership(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # every place of the list before 等 is one of the set, not only the first
    ("兰州、中卫等地入选国家数据中心集群。", {("lanzhou", "national-data-center-clusters"), ("zhongwei", "national-data-center-clusters")}),
    # a company in the list is none
    ("华为、中卫等入选国家数据中心集群。", {("zhongwei", "national-data-center-clusters")}),
])
def test_a_list_selected_into_a_set(text: str, expected: set) -> None:
    assert _relations(text, "member_of") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Construction of the Lanzhou Supercomputing Center began in Xifeng district on Monday.", {"xifeng-district"}),
    ("The Lanzhou Supercomputing Center has been put into use in Qingyang, Gansu province.", {"qingyang"}),
    # a year is no place: only the place its name carries
    ("The Lanzhou Supercomputing Center began in 2021 and opened in 2023.", {"lanzhou"}),
])
def test_english_verbs_of_starting_place_a_center(text: str, expected: set) -> None:
    assert {o for s, o in _relations(text, "located_in") if s == "lanzhou-supercomputing-center"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 正式签约落户B, 成功落地B: settling stated, however it came about
    ("陇东云谷数据中心项目正式签约落户庆阳市西峰区。", {("陇东云谷数据中心", "西峰区"), ("陇东云谷数据中心", "庆阳")}),
    ("陇东云谷数据中心项目成功落地西峰区。", {("陇东云谷数据中心", "西峰区")}),
    # a park phrase opening the sentence, with 内 and no 在, or with 在 and no event word
    ("庆阳东数西算产业园内,陇东云谷数据中心已建成投运。", {("陇东云谷数据中心", "庆阳东数西算产业园")}),
    ("在庆阳东数西算产业园,陇东云谷数据中心的机房正在调试。", {("陇东云谷数据中心", "庆阳东数西算产业园")}),
    # a company after the phrase is placed by nothing
    ("庆阳东数西算产业园内,华为公司已入驻陇东云谷数据中心。", set()),
])
def test_settling_and_opening_park_phrases(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[0] == "陇东云谷数据中心"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 由A…的 before a body: the phrase is about the body, not about the center named earlier
    ("陇东云谷数据中心加入了由华为发起的东数西算产业联盟。", set()),
    ("陇东云谷数据中心加入了由华为建设的东数西算产业联盟。", set()),
    ("由华为建设的陇东云谷数据中心已投运。", {("陇东云谷数据中心", "华为")}),
])
def test_what_a_by_phrase_modifies(text: str, expected: set) -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}
    assert operators == expected


@pytest.mark.parametrize("text", [
    "陇东云谷数据中心成立于2011年,由国家科技部批准成立。",
    "陇东云谷数据中心由国家发展改革委批复建设。",
])
def test_who_approves_builds_nothing(text: str) -> None:
    assert _relations(text, "operator") == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the company in charge of the center a word refers back to (该中心, 该项目) runs it
    ("庆阳云谷数据中心本月投运。中国电信负责该中心的运营。", {("庆阳云谷数据中心", "中国电信")}),
    ("兰州智算中心昨日开工。华为将负责该项目的建设运营。", {("兰州智算中心", "华为")}),
    # a center that is "one of" a company's own set is run by it (作为A…之一, X / X是A…之一)
    ("作为中国移动在西北布局的三大数据中心之一,兰州智算中心占地100亩。", {("兰州智算中心", "中国移动")}),
    ("庆阳云谷数据中心已封顶。该中心是中国电信在西部建设的五个算力中心之一。", {("庆阳云谷数据中心", "中国电信")}),
    # who sets a center up runs it
    ("中国电信与华为成立了兰州智算中心,面向西北提供算力。", {("兰州智算中心", "中国电信"), ("兰州智算中心", "华为")}),
    # the role noun after a comma (A,作为X的运营主体)
    ("中国电信甘肃分公司,作为庆阳云谷数据中心的运营主体,负责日常运维。", {("庆阳云谷数据中心", "中国电信甘肃公司")}),
])
def test_operators_of_a_center_the_sentence_refers_to(text: str, expected: set) -> None:
    operators = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "operator"}
    assert operators == expected


@pytest.mark.parametrize("text", [
    # a place that sets up, or a set that is a province's own, names no company
    "兰州智算中心是甘肃建设的十大数据中心之一。",
    "甘肃成立了兰州智算中心。",
    # a center set up in a year: no agent
    "兰州智算中心成立于2020年。",
])
def test_no_operator_without_a_company(text: str) -> None:
    assert not [f for f in read(text.encode()).facts if f.metric == "operator"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Qingyang, with help from the province, is building its national data centre cluster.",
     {("qingyang-data-center-cluster", "qingyang")}),
    ("Shaoguan had begun developing the computing cluster by then.",
     {("shaoguan-data-center-cluster", "shaoguan")}),
    # a place with no cluster of its own in the reference data gets none
    ("Hefei has started building a computing cluster.", set()),
])
def test_the_unnamed_cluster_a_city_builds_is_its_own(text: str, expected: set) -> None:
    assert {pair for pair in _relations(text, "located_in") if pair[0].endswith("cluster")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a firm named first signs with a place: the place has the firm as its partner, as when the place comes first
    ("腾讯与乌兰察布市签署战略合作协议。", {("ulanqab", "tencent")}),
    ("乌兰察布市与腾讯签署战略合作协议。", {("ulanqab", "tencent")}),
    ("百度、京东等6家企业已与宁夏达成合作。", {("ningxia", "baidu"), ("ningxia", "jdcom")}),
    ("Huawei has signed a cooperation agreement with Qingyang.", {("qingyang", "huawei")}),
    # a firm with a body (a government) keeps the order written: neither is a place
    ("华为与庆阳市政府签约。", {("huawei", "qingyang-municipal-government")}),
])
def test_a_partnership_is_kept_on_the_place(text: str, expected: set) -> None:
    assert _relations(text, "partner") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a county written right before a new center's name that opens with its province: the county, not the province
    ("今天,多个重点项目在安远县江西云启智算中心项目现场集中开工。", {("江西云启智算中心", "安远县")}),
    ("记者走进通榆县吉林星火算力产业园,机房里灯光闪烁。", {("吉林星火算力产业园", "通榆县")}),
    # the name carries a more specific place than the one before it: its own place stands
    ("宁夏中卫数谷产业园内塔吊林立。", {("中卫数谷产业园", "中卫")}),
])
def test_a_place_written_right_before_a_name(text: str, expected: set) -> None:
    subject = next(iter(expected))[0]
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert {pair for pair in located if pair[0] == subject} == expected


@pytest.mark.parametrize(("text", "place"), [
    # a branch named after its parent lies where its own part of the name says, not in the parent's city
    ("国家超算长沙中心湘潭分中心正式启用。", "湘潭"),
    # a province alone is the region the branch serves, no site (国家某某中心湖南分中心)
    ("国家超算无锡中心青海大学分中心已投入使用。", None),
    # no place of its own: the parent's city does not place the branch
    ("国家超算无锡中心合作分中心已投入使用。", None),
])
def test_a_branch_lies_where_its_own_name_says(text: str, place: str | None) -> None:
    located = {f.object.zh for f in read(text.encode()).facts if f.metric == "located_in"}
    assert located == ({place} if place else set())


@pytest.mark.parametrize(("text", "pair"), [
    # 作为Y首个/第一家…的数据中心, X…: the name right after the phrase is Y's own, so it lies in Y
    ("作为西峰区首个智算中心,中国联通陇东数据中心上月投运。", ("中国联通陇东数据中心", "西峰区")),
    ("作为贵安新区第一家开工、第一家投产的数据中心,中国联通陇东数据中心已交付机柜。", ("中国联通陇东数据中心", "贵安新区")),
])
def test_the_first_of_a_place_named_after_the_phrase_lies_in_it(text: str, pair: tuple[str, str]) -> None:
    assert pair in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}


def test_a_phrase_of_the_first_of_a_place_places_no_city_it_describes() -> None:
    located = [f for f in read("作为全国首个投运智算中心的城市,武汉正加快布局。".encode()).facts if f.metric == "located_in"]
    assert located == []


@pytest.mark.parametrize(("text", "expected"), [
    ("去年,兰州智算中心成功入选“国家新一代人工智能公共算力开放创新平台”名单。", {"兰州智算中心"}),
    ("成都智算中心此前获批为国家新一代人工智能公共算力开放创新平台。", {"成都智算中心"}),
    # one still applying is not on the list, nor is a center of another clause
    ("目前兰州智算中心仍在申报国家新一代人工智能公共算力开放创新平台。", set()),
    ("成都智算中心二期的使用率已超过九成,入选国家新一代人工智能公共算力开放创新平台。", set()),
])
def test_a_center_selected_for_the_national_ai_platforms(text: str, expected: set) -> None:
    members = {s for s, o in _relations(text, "member_of") if o == "national-ai-public-computing-open-innovation-platforms"}
    assert {e.zh for e in (f.subject for f in read(text.encode()).facts) if e.key in members} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the starting zone's boundary or site, as approvals and news write it
    ("按照批复,庆阳数据中心集群的起步区边界为西峰数据信息产业聚集区。", ("庆阳数据中心集群", "西峰数据信息产业聚集区")),
    ("记者获悉,韶关数据中心集群起步区选址在韶关高新区,规划面积较大。", ("韶关数据中心集群", "韶关高新区")),
    ("庆阳数据中心集群起步区选址西峰区。", ("庆阳数据中心集群", "西峰区")),
])
def test_the_site_of_a_clusters_starting_zone(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}


@pytest.mark.parametrize(("text", "expected"), [
    # an unnamed cluster set up in a city is the city's national cluster
    ("按规划,大湾区枢纽将在韶关设立数据中心集群。", {("shaoguan-data-center-cluster", "shaoguan")}),
    ("方案明确在芜湖建设数据中心集群。", {("wuhu-data-center-cluster", "wuhu")}),
    ("批复明确,甘肃枢纽的数据中心集群规划设立在庆阳。", {("qingyang-data-center-cluster", "qingyang")}),
    # a data center built in a city is no cluster
    ("华为在韶关建设数据中心。", set()),
])
def test_a_cluster_set_up_in_a_city_lies_in_it(text: str, expected: set) -> None:
    assert {(s, o) for s, o in _relations(text, "located_in") if s.endswith("cluster")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a city put into a hub's layout, with the network written before the hub and an aside in between
    ("省里将宜宾作为重点城市,纳入全国一体化算力网络成渝枢纽节点(四川)的整体布局。", {("宜宾", "成渝枢纽")}),
    ("绵阳已被纳入成渝枢纽节点建设范围。", {("绵阳", "成渝枢纽")}),
    # a list the hub keeps, or a thing 将 puts in that has no name, is no part of the hub
    ("四川将宜宾纳入成渝枢纽节点的推荐城市名单。", set()),
    ("园区将算力设施纳入贵州枢纽建设。", set()),
])
def test_a_place_put_into_a_hubs_layout(text: str, expected: set) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "part_of"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 作为Y的重点项目, A与B…: both things listed are Y's, also after a quoted label of the programme
    ("作为甘肃枢纽节点的重点项目,“东数西算”庆阳云谷数据中心与庆阳算力产业园已经开工。",
     {("庆阳云谷数据中心", "甘肃枢纽"), ("庆阳算力产业园", "甘肃枢纽")}),
    # a government the subject signs with is no project
    ("作为甘肃枢纽节点的重点项目,庆阳云谷数据中心与庆阳市政府签约。", {("庆阳云谷数据中心", "甘肃枢纽")}),
])
def test_the_projects_listed_after_as_a_hubs_key_project(text: str, expected: set) -> None:
    assert {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "part_of"} == expected


def _pairs(text: str, metric: str) -> set[tuple[str, str]]:
    return {(f.subject.zh or f.subject.en, f.object.zh or f.object.en) for f in read(text.encode()).facts if f.metric == metric}


@pytest.mark.parametrize(("text", "expected"), [
    # a firm named after the center by the center's own part, then words of the field and of its business
    ("白山云松智算科技有限公司董事长表示,白山云松智算中心年内投运。", {("白山云松智算中心", "白山云松智算科技有限公司")}),
    ("庆阳云谷数据科技有限公司负责人介绍,庆阳云谷数据中心一期已投产。", {("庆阳云谷数据中心", "庆阳云谷数据科技有限公司")}),
    # a province alone is no own part: the two only share their place
    ("庆阳智算科技有限公司表示,庆阳智算中心今年投运。", set()),
    ("中卫大数据科技有限公司表示,中卫大数据中心今年投运。", set()),
])
def test_a_firm_named_after_the_center_runs_it(text: str, expected: set) -> None:
    assert _pairs(text, "operator") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence opening with the role noun goes on about the one thing the sentence before names
    ("记者走进刚投运的余杭智算中心,大屏上数据跳动。运营方杭州某某科技有限公司总经理介绍,公司调度算力。",
     {("余杭智算中心", "杭州某某科技有限公司")}),
    # two things named before: which one it runs is not said
    ("记者走进庆阳云谷数据中心和中卫云谷数据中心,大屏上数据跳动。运营方杭州某某科技有限公司总经理介绍,公司调度算力。", set()),
    # another paragraph: no longer about it
    ("记者走进刚投运的余杭智算中心。\n运营方杭州某某科技有限公司总经理介绍,公司调度算力。", set()),
])
def test_a_role_noun_opening_a_sentence_names_the_runner_of_the_thing_before(text: str, expected: set) -> None:
    assert _pairs(text, "operator") == expected


def test_a_headline_writing_the_owner_in_full_names_the_runner() -> None:
    # the name kept is the body's shorter one (秦淮…); the headline writes the firm's whole name before it
    text = "秦淮数据集团朔州绿色算力产业园今日奠基\n3月2日,秦淮朔州绿色算力产业园奠基活动在朔州市举办。"
    assert ("秦淮朔州绿色算力产业园", "秦淮数据") in _pairs(text, "operator")


@pytest.mark.parametrize(("text", "expected"), [
    ("今年,某某工业园区即西部云基地片区入选《国家级零碳园区建设名单(第一批)》。", {("西部云基地", "国家级零碳园区")}),
    ("2024年,中卫云谷数据中心和庆阳云谷数据中心入选国家绿色数据中心名单。",
     {("中卫云谷数据中心", "国家绿色数据中心"), ("庆阳云谷数据中心", "国家绿色数据中心")}),
    ("The Qingyang Cloud Valley Data Center was selected as a national green data center last year.",
     {("Qingyang Cloud Valley Data Center", "国家绿色数据中心")}),
    # a list of candidates, and a park still applying, are not the list
    ("某某产业园入选国家级零碳园区培育名单。", set()),
    ("庆阳云谷数据中心正在申报国家绿色数据中心。", set()),
])
def test_a_thing_selected_for_a_national_list(text: str, expected: set) -> None:
    assert _pairs(text, "member_of") == expected


def test_a_coined_name_with_its_field_keeps_its_builder_from_the_thing_before() -> None:
    # 星河云计算产业园 is read as a name (its field words do not count against its length), so its builder is its own
    text = "甲丙智算中心位于宜宾市。星河云计算产业园位于宜宾市,由中国电信投资建设。"
    assert _pairs(text, "operator") == {("星河云计算产业园", "中国电信")}


@pytest.mark.parametrize("text", [
    "翠岭智算中心位于芜湖市。会展中心扩建项目由江城建设集团有限公司承建。",
    "翠岭智算中心位于芜湖市,总投资10亿元。配套的污水处理厂项目由江城建设集团有限公司承建。",
])
def test_a_builder_of_a_thing_no_name_was_read_for_builds_nothing_before(text: str) -> None:
    # the sentence names another thing in words the reader has no name for: the center before is no guess for it
    assert not _relations(text, "operator")


def test_a_builder_after_the_project_pointed_at_builds_the_one_before() -> None:
    assert {o for _, o in _relations("翠岭智算中心位于芜湖市。该项目由江城建设集团有限公司承建。", "operator")}


@pytest.mark.parametrize(("text", "builders"), [
    ("科技部去年批准了在长沙建设国家超级计算长沙中心的方案。", set()),  # who approves builds nothing
    ("两部委联合复函,同意在庆阳建设数据中心集群。", set()),
    ("省里鼓励中国电信在长沙建设国家超级计算长沙中心。", {"china-telecom"}),  # who is backed builds
])
def test_an_approver_or_a_backer_is_no_builder(text: str, builders: set) -> None:
    assert {o for _, o in _relations(text, "operator")} == builders


@pytest.mark.parametrize(("text", "expected"), [
    # a province alone in a name is the branch's or the region served, no site
    ("星河银行贵州数据中心今年投入运行。", set()),
    ("中国移动(甘肃)星河数据中心今年投运。", set()),
    # a municipality is a city: its name places the center
    ("星河重庆数据中心今年投运。", {("星河重庆数据中心", "重庆")}),
])
def test_a_province_alone_in_a_name_places_nothing(text: str, expected: set) -> None:
    located = {(f.subject.zh, f.object.zh) for f in read(text.encode()).facts if f.metric == "located_in"}
    assert located == expected


def test_a_new_area_across_two_cities_lies_in_its_province() -> None:
    located = {(f.subject.zh, f.object.zh) for f in read("贵州贵安新区的星河智算中心今年投运。".encode()).facts
               if f.metric == "located_in"}
    assert ("贵安新区", "贵州") in located and ("贵安新区", "贵阳") not in located


@pytest.mark.parametrize(("text", "partners"), [
    # every party listed before the verb deals with the party after it
    ("Both the Peng Cheng Laboratory and Huawei are collaborating with the Lanzhou Supercomputing Center.", {"鹏城实验室", "华为"}),
    ("Huawei, China Mobile and China Unicom signed an agreement with the Lanzhou Supercomputing Center.",
     {"华为", "中国移动", "中国联通"}),
    # a place on the way does not sign: the name before it does
    ("The Lanzhou Supercomputing Center in Ningxia has signed with Huawei.", {"华为"}),
])
def test_the_parties_listed_before_a_partner_verb(text: str, partners: set) -> None:
    facts = read(text.encode()).facts
    assert {f.object.zh for f in facts if f.metric == "partner" and f.subject.zh == "兰州超算中心"} == partners


def test_super_computing_spelt_with_a_hyphen() -> None:
    facts = read(b"The National Super-computing Centre in Xi'an occupies 8000 square metres.").facts
    assert ("国家超级计算西安中心", "area") in {(f.subject.zh, f.metric) for f in facts}


@pytest.mark.parametrize("text", [
    "青禾智算中心去年底交付使用,这是江苏软件园首个投产的数据中心。",
    "青禾智算中心是江苏软件园首个智算中心。",
])
def test_one_of_a_park_s_centers_counted_among_them_lies_in_it(text: str) -> None:
    assert ("qinghe-intelligent-computing-center", "jiangsu-software-park") in _relations(text, "located_in")


def test_a_park_after_a_center_in_another_clause_is_not_where_it_is() -> None:
    assert not _relations("青禾智算中心建成投用,江苏软件园又迎来一批企业。", "located_in") & {
        ("qinghe-intelligent-computing-center", "jiangsu-software-park")}


def test_a_province_written_before_a_national_new_area_holds_it() -> None:
    assert ("horinger-new-area", "inner-mongolia") in _relations("内蒙古和林格尔新区迎来又一批算力项目。", "located_in")
    assert ("lanzhou-new-area", "gansu") in _relations("甘肃兰州新区迎来又一批算力项目。", "located_in")


def test_the_only_cluster_of_a_hub_is_part_of_it() -> None:
    assert ("shaoguan", "greater-bay-area-hub") in _relations(
        "作为粤港澳大湾区枢纽节点的唯一数据中心集群,韶关去年新签约了一批项目。", "part_of")
