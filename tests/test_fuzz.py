"""A fuzzing habit, bounded: the protocol rules, the SPARQL token reader and the question reader never fail on hostile input.

Each property runs a fixed number of examples (a few seconds in all); the cases that once broke the
service stand as explicit examples so they run every time.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.graph.query_text import refusal
from kg.graph.sparql_lex import explain
from kg.web.protocol import ProtocolError, read_operation, result_type

SPARQLISH = st.text(alphabet=st.sampled_from(list("SERVICELOADselect{}()<>?:\\u0053 \"'#.!^-+|pqx1\n")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(SPARQLISH)
@example("SERVICEp:x{}")
@example("\\u0053ERVICE <x> {}")
@example("\\uD800")
@example("{" * 5000)
def test_refusal_never_raises(text: str) -> None:
    reason = refusal(text)
    assert reason is None or isinstance(reason, str)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["GET", "POST", "PUT", "HEAD"]), st.one_of(st.none(), st.text(max_size=60)),
       st.text(max_size=120), st.binary(max_size=200))
@example("POST", "application/sparql-query; charset=latin-1", "", b"ASK {}")
@example("POST", "application/x-www-form-urlencoded", "query=1&query=2", b"")
def test_reading_a_request_raises_only_protocol_errors(method: str, content_type: str | None, query: str, body: bytes) -> None:
    try:
        op = read_operation(method, content_type, query, body)
        result_type(op.form or "select", None, op.formats)
    except ProtocolError as exc:
        assert 400 <= exc.status < 500 and "\n" not in exc.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100), st.integers(min_value=0, max_value=9), st.integers(min_value=0, max_value=200))
def test_explaining_a_parser_error_never_raises(text: str, line: int, column: int) -> None:
    assert "\n" not in explain(f"error at {line}:{column}: expected one of Prefix not found", text)


@pytest.fixture(scope="module")
def question_store(corpus_store):
    from kg.graph.store import LocalStore

    store = LocalStore(corpus_store, read_only=True)
    yield store
    store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("哪些集群枢纽算力机架超过多少是否和与的?？ 100.%万亿PWhich hubs exceed racks 3..,")),
               max_size=60))
@example("Which hubs exceed 100.% renewable power?")
@example("有多少个集群的机架超过1..2万?")
def test_any_question_gets_one_answer_object(question_store, question: str) -> None:
    from kg.qa.ask import ask

    answer = ask(question, store=question_store)
    assert isinstance(answer["answers"], list) and "question" in answer
