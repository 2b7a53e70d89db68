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
])
def test_members_of_the_national_sets(text: str, pair: tuple[str, str]) -> None:
    assert pair in _relations(text, "member_of")


def test_the_province_of_another_clause_is_no_member() -> None:
    members = _relations("甘肃近年来算力产业发展迅速,庆阳市被列为全国十个数据中心集群之一。", "member_of")
    assert ("gansu", "national-data-center-clusters") not in members


def test_a_party_written_after_its_city_signs_not_the_city() -> None:
    partners = _relations("江苏苏州吴江携手贵州贵安打造算力协同创新平台。", "partner")
    assert partners == {("wujiang-district", "guian-new-area")}
