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
