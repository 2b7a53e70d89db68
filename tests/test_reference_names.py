"""Firms, bodies and places of the reference data (ontology/reference.toml): news names them without a suffix the
rules could find them by, or with a province before a body's name."""

from __future__ import annotations

import pytest

from extract.gazetteer import gazetteer
from extract.resources import reference


def _known(text: str) -> dict[str, tuple[str, str]]:
    """Surface → (type, English label) of every reference entity the extractor finds in `text`."""
    from extract.entities import find_mentions
    from extract.text import split_sentences

    return {text[m.start : m.end]: (m.entity.type, m.entity.en)
            for m in find_mentions(text, split_sentences(text)) if m.entity is not None and m.entity.reference}


FIRMS = [
    ("机房选用了龙芯中科和飞腾的芯片。", {"龙芯中科": ("Company", "Loongson"), "飞腾": ("Company", "Phytium")}),
    ("中芯国际与长江存储的代表出席了签约仪式。", {"中芯国际": ("Company", "SMIC"), "长江存储": ("Company", "YMTC")}),
    ("项目由中电光谷与中交大数据共同投资。",
     {"中电光谷": ("Company", "CEC Optics Valley"), "中交大数据": ("Company", "CCCC Big Data")}),
    ("国投集团和中国国新领投了这一轮融资。",
     {"国投集团": ("Company", "SDIC"), "中国国新": ("Company", "China Reform Holdings")}),
    ("The racks hold servers from Digital China and chips from Phytium.",
     {"Digital China": ("Company", "Digital China"), "Phytium": ("Company", "Phytium")}),
]


@pytest.mark.parametrize(("text", "expected"), FIRMS)
def test_firms_news_names_without_a_suffix_are_known(text: str, expected: dict) -> None:
    found = _known(text)
    assert {k: found.get(k) for k in expected} == expected


BODIES = [
    ("贵州省发改委批复了该项目。", "贵州省发改委", ("Organization", "Guizhou Provincial Development and Reform Commission")),
    ("宁夏通信管理局组织了验收。", "宁夏通信管理局", ("Organization", "Ningxia Communications Administration")),
    ("北京市经信局发布了名单。", None, None),  # not a form the data lists: no guess
    ("浙江省数据局牵头编制规划。", "浙江省数据局", ("Organization", "Zhejiang Provincial Data Administration")),
    ("国网四川省电力公司为园区新建变电站。", "国网四川省电力公司", ("Company", "State Grid Sichuan Electric Power")),
]


@pytest.mark.parametrize(("text", "surface", "expected"), BODIES)
def test_a_province_s_body_is_that_province_s_not_the_national_one(text: str, surface: str | None,
                                                                   expected: tuple | None) -> None:
    found = _known(text)
    if surface is None:
        assert not [t for t, _ in found.values() if t == "Organization"]
    else:
        assert found[surface] == expected
    assert ("Organization", "National Development and Reform Commission") not in found.values()


def test_grid_companies_belong_to_the_grid_and_no_body_is_placed_by_the_data_alone() -> None:
    # a located_in link in the reference data would answer "which companies are in Sichuan" with no page saying so
    entities = gazetteer().entities
    assert entities["state-grid-sichuan-electric-power"].links == (("member_of", "state-grid"),)
    assert entities["guizhou-provincial-development-and-reform-commission"].links == ()
    assert _known("国家发改委和发改委")["发改委"] == ("Organization", "National Development and Reform Commission")


NOT_NAMES = [
    "这片江河源区是重要的生态屏障。",  # 河源 is a city only as 河源市
    "高通量计算平台已经上线。",  # 高通 is Qualcomm only as 高通公司
    "以智慧与创新推动发展。",  # no bare two-character brand that runs into common words
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_a_firm_or_city_name_inside_a_common_word_is_nothing(text: str) -> None:
    assert not [t for t, _ in _known(text).values() if t in ("Company", "City")]


def test_no_form_names_two_reference_firms_or_bodies() -> None:
    forms: dict[str, str] = {}
    for item in [*reference()["company"], *reference()["organization"], *reference()["initiative"]]:
        for form in [item["zh"], *item.get("aliases", [])]:
            assert forms.setdefault(form, item["en"]) == item["en"], form


SITES = [
    ("上海超算中心的新系统上线。", "上海超算中心", ("Center", "Shanghai Supercomputer Center")),
    ("海外的星际之门计划规模更大。", "星际之门计划", ("Initiative", "Project Stargate")),
    ("光明区的智算中心投运。", "光明区", ("District", "Guangming District")),
]


@pytest.mark.parametrize(("text", "surface", "expected"), SITES)
def test_well_known_sites_and_plans_are_known_with_their_place(text: str, surface: str, expected: tuple) -> None:
    assert _known(text)[surface] == expected


def test_sites_lie_in_their_city() -> None:
    entities = gazetteer().entities
    assert ("located_in", "shanghai") in entities["shanghai-supercomputer-center"].links
    assert ("located_in", "shenzhen") in entities["guangming-district"].links
