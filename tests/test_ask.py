"""Questions on real stores: the seed question set, the sample corpus, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ask import ask, check
from kg.store import LocalStore
from tests.conftest import EVAL, ROOT, suanli


def test_seed_questions_score_at_least_the_floor(seed_store) -> None:
    cmd = f"{sys.executable} -m kg ask --store {seed_store}"
    result = subprocess.run([sys.executable, str(EVAL / "score_qa.py"), str(EVAL / "seeds_questions.json"),
                             "--run", cmd], capture_output=True, text=True, check=True, cwd=ROOT)
    macro = float(result.stdout.strip().splitlines()[-1].split("=")[1].split()[0])
    assert macro >= 0.9, result.stdout


def test_demo_questions_answer_with_evidence_in_both_languages(corpus_store) -> None:
    out = suanli("ask", "--batch", str(ROOT / "examples" / "questions.txt"), "--store", str(corpus_store),
                 "--format", "json", check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    en, zh = answers[0], answers[1]
    assert {a["label_en"] for a in en["answers"]} >= {"Qingyang"}
    assert zh["answers"][0]["label"] == "庆阳" and zh["lang"] == "zh"
    assert all(a["comparator"] == "gt" for a in en["answers"])
    assert en["evidence"] and "SELECT" in en["sparql"]


def test_a_question_it_cannot_read_says_so(corpus_store) -> None:
    out = suanli("ask", "今天天气怎么样?", "--store", str(corpus_store), "--format", "json", check=True)
    result = json.loads(out.stdout)
    assert result["answers"] == [] and result["interpretation"].startswith("not understood")


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.text(max_size=300), st.sampled_from(["庆阳\" } DROP ALL ; #", "'; DELETE WHERE {?s ?p ?o}",
                                                         "SERVICE <http://x> {}", "x" * 10000])))
def test_fuzzed_questions_never_raise_and_never_alter_the_store(corpus_store, tmp_path_factory, question) -> None:
    store = LocalStore(corpus_store, read_only=True)
    try:
        before = store.count()
        result = ask(question, store=store)
        assert set(result) >= {"question", "answers", "boolean", "sparql", "evidence", "interpretation"}
        if result["sparql"]:
            assert check(result["sparql"]) == []
        assert store.count() == before
    finally:
        store.close()
