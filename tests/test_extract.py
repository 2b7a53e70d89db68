"""Extraction: golden tables for numbers and units, properties of the parser, seed scores."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import read
from extract.quantity import find, parse
from tests.conftest import EVAL, SEEDS, suanli

NUMBERS = [("两万", 20000), ("十三", 13), ("1.3万", 13000), ("2350亿", 2.35e11), ("150,000", 150000),
           ("10 million", 1e7), ("36.6 billion", 3.66e10), ("千亿", 1e11), ("一千五百万", 1.5e7)]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_number_golden_table(text: str, value: float) -> None:
    assert parse(text) == pytest.approx(value)


QUANTITIES = [
    ("总投资额超2350亿元", 2.35e11, "CNY", "gt"),
    ("标准机柜1.3万架", 13000, "racks", "eq"),
    ("建成万P智算产业园", 10000, "PFLOPS", "eq"),
    ("算力规模达到1.5E", 1500, "PFLOPS", "eq"),
    ("more than 90 percent renewable power", 0.9, None, "gt"),
    ("nearly 390,000 server racks", 390000, "racks", "approx"),
    ("over 10 million kilowatts", 1e7, "kW", "gt"),
    ("装机容量达1000万千瓦", 1e7, "kW", "eq"),
    ("占地面积约1.5平方公里", 1.5, "km2", "approx"),
    ("时延20毫秒以内", 20, "ms", "lt"),
    ("可再生能源占比百分之九十", 0.9, None, "eq"),
]


@pytest.mark.parametrize(("text", "value", "unit", "comparator"), QUANTITIES)
def test_quantity_golden_table(text: str, value: float, unit: str | None, comparator: str) -> None:
    q = find(text)[0]
    assert (q.value, q.unit, q.comparator) == (pytest.approx(value), unit, comparator)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_numbers_with_thousands_separators_round_trip(n: int) -> None:
    assert parse(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_chinese_multipliers_scale(n: int, mult: tuple[str, int]) -> None:
    assert parse(f"{n}{mult[0]}") == n * mult[1]


@given(st.text(max_size=200))
def test_quantity_finder_never_raises(text: str) -> None:
    find(text)


def test_pinyin_garble_and_traditional_script_are_read() -> None:
    reading = read("大連人工智能計(jì)算中心計(jì)劃建設(shè)100P人工智能算力。".encode())
    assert "計(jì)" not in reading.cleaned.text
    fact = reading.facts[0]
    assert (fact.subject.zh, fact.metric, fact.value, fact.kind, fact.status) == (
        "大连人工智能计算中心", "computing_power", 100, "ai", "planned")


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")
def test_policy_text_and_spam_line_yield_no_numeric_facts() -> None:
    assert not [f for f in read((SEEDS / "003_d1bf8a0dea236f01.txt").read_bytes()).facts if f.value is not None]
    spam = (SEEDS / "001_8477a23ce12eb3b1.txt").read_text(encoding="utf-8").splitlines()[0]
    assert not read(spam + "\n正文。").facts


def test_seed_fact_scores_hold_their_floor(seed_store, tmp_path) -> None:
    out = suanli("facts", "--store", str(seed_store), "--format", "json", check=True)
    system = tmp_path / "facts.json"
    system.write_text(out.stdout, encoding="utf-8")
    result = subprocess.run([sys.executable, str(EVAL / "score_facts.py"), str(EVAL / "seeds_gold.json"),
                             str(system), "--json"], capture_output=True, text=True, check=True)
    score = json.loads(result.stdout)
    assert score["strict"]["f1"] >= 0.9
    assert score["lenient"]["f1"] >= 0.9


def test_a_kind_modifier_wins_over_the_total_cue_it_overlaps() -> None:
    fact = read("貴安數據中心集群智能算力規模約為8000P。".encode()).facts[0]
    assert (fact.metric, fact.value, fact.kind, fact.comparator) == ("computing_power", 8000, "ai", "approx")
