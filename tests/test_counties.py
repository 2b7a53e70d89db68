"""Every county-level place of China (extract/data/counties.toml, made by extract.gen_counties): read where news
names one, never in an ordinary word, and placed in its prefecture."""

from __future__ import annotations

import pytest

from extract.gazetteer import gazetteer
from extract.gen_counties import _common, _jieba_words, english, short_name


def _places(text: str) -> dict[str, tuple[str, str, str | None]]:
    """Surface → (type, English label, the place it lies in) of every place the extractor finds in `text`."""
    from extract.entities import find_mentions
    from extract.text import split_sentences

    entities = gazetteer().entities
    out = {}
    for m in find_mentions(text, split_sentences(text)):
        if m.entity is not None and m.entity.type in ("Province", "City", "District"):
            where = next((entities[k].en for code, k in m.entity.links if code == "located_in"), None)
            out[text[m.start : m.end]] = (m.entity.type, m.entity.en, where)
    return out


FOUND = [
    # a county of a prefecture that is no city, and the prefecture by the short form news writes
    ("新机房落在贵州省黔南州惠水县。", "惠水县", ("District", "Huishui County", "Qiannan Buyei and Miao Autonomous Prefecture")),
    ("新机房落在贵州省黔南州惠水县。", "黔南州", ("City", "Qiannan Buyei and Miao Autonomous Prefecture", "Guizhou")),
    # a county-level city under its prefecture city, and one under its province
    ("该园区位于湖南资兴市东江湖畔。", "资兴市", ("District", "Zixing City", "Chenzhou")),
    ("航天城的算力平台设在海南文昌市。", "文昌市", ("District", "Wenchang City", "Hainan")),
    # a name several cities share is read with its city before it
    # (labelled with its city: a question that finds a place by its label must find this one)
    ("长春市朝阳区将建一座智算中心。", "长春市朝阳区", ("District", "Chaoyang District, Changchun", "Changchun")),
    ("阳泉市城区的机房已经投运。", "阳泉市城区", ("District", "Chengqu District, Yangquan", "Yangquan")),
    ("兰州城关区的新智算中心投运。", "兰州城关区", ("District", "Chengguan District, Lanzhou", "Lanzhou")),
    # a county under its province whose bare name the news writes alone, listed as a short form
    ("海南陵水的海底机房已经投运。", "陵水", ("District", "Lingshui Li Autonomous County", "Hainan")),
    ("The subsea servers off Lingshui went live.", "Lingshui", ("District", "Lingshui Li Autonomous County", "Hainan")),
    ("an edge data center in Huishui County opened.", "Huishui County",
     ("District", "Huishui County", "Qiannan Buyei and Miao Autonomous Prefecture")),
]


@pytest.mark.parametrize(("text", "surface", "expected"), FOUND)
def test_a_county_anywhere_in_china_is_a_place_in_its_prefecture(text: str, surface: str, expected: tuple) -> None:
    assert _places(text)[surface] == expected


NOT_PLACES = [
    "老城区改造和新城区建设同步推进。",  # 老城区, 新城区: generic, several cities have one
    "东部沿海城市的算力需求旺盛。",  # 海城市 runs into 沿海城市
    "新兴城市也在布局数据中心。",  # 兴城市
    "东方市场研究机构发布了报告。",  # 东方市
    "省、市和县三级共同推进。",  # 和县
    "要丰富县域经济的算力场景。",  # 富县
    "城区和郊区的机房各有一座。",  # 城区, 郊区
    "平安区块链平台上线。",  # 平安区
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_an_ordinary_word_holding_a_county_s_name_is_no_place(text: str) -> None:
    assert not [s for s, (type_, _, _) in _places(text).items() if type_ == "District"]


def test_the_hand_made_list_wins_over_the_generated_one() -> None:
    # Beijing's 朝阳区 is the one news means alone; the other 朝阳区 wait for their city
    assert _places("朝阳区的数据中心扩容。")["朝阳区"] == ("District", "Chaoyang District", "Beijing")
    assert gazetteer().zh_surfaces["双流"] == "shuangliu-district"


def test_a_bare_name_a_county_shares_with_its_new_area_and_cluster_is_no_county() -> None:
    # 陵水 alone is the county; 和林格尔 alone may be the county, its new area or the national cluster: none is guessed
    assert gazetteer().zh_surfaces["陵水"] == "lingshui-li-autonomous-county"
    assert "和林格尔" not in gazetteer().zh_surfaces and "horinger" not in gazetteer().en_surfaces


ENGLISH = [
    ("朝阳区", "Chaoyang District"),  # read off the whole name: 朝阳 alone is zhaoyang
    ("蔚县", "Yuxian County"),  # a one-character name keeps its level in the name
    ("乳源瑶族自治县", "Ruyuan Yao Autonomous County"),
    ("黔南布依族苗族自治州", "Qiannan Buyei and Miao Autonomous Prefecture"),
    ("四子王旗", "Siziwang Banner"),
    ("锡林郭勒盟", "Xilingol League"),  # the northwest's names as English writes them, not pinyin
    ("喀什地区", "Kashgar Prefecture"),
]


@pytest.mark.parametrize(("zh", "en"), ENGLISH)
def test_english_names_are_pinyin_and_the_level(zh: str, en: str) -> None:
    assert english(zh) == en


def test_a_name_opening_with_a_prefecture_s_short_form_takes_its_shorter_english() -> None:
    assert gazetteer().place_en["阿坝州"] == "Ngawa Prefecture"


def test_a_prefecture_in_english_news_by_its_shorter_name() -> None:
    assert _places("A computing park opened in Qiannan Prefecture.")["Qiannan Prefecture"][0] == "City"
    assert _places("新机房建在陵水县。")["陵水县"] == ("District", "Lingshui Li Autonomous County", "Hainan")


def test_short_forms_and_common_words_of_the_generator() -> None:
    assert short_name("黔南布依族苗族自治州") == "黔南州" and short_name("阿克苏地区") is None
    words = _jieba_words()
    assert [n for n in ("城区", "海城市", "东方市", "和县", "平安区") if not _common(n, words)] == []
    assert [n for n in ("惠水县", "资兴市", "昆山市", "武清区") if _common(n, words)] == []


def test_every_generated_place_lies_in_a_known_place() -> None:
    entities = gazetteer().entities
    districts = [e for e in entities.values() if e.type == "District"]
    assert len(districts) > 2800
    assert all(other in entities for e in districts for code, other in e.links if code == "located_in")
