"""Attacks on the running service, each a regression test: no way out, no way down, no 5xx.

The outside world is a loopback listener that counts the connections it gets; every bypass
spelling is sent with and without the update token, and the service must still answer after.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time

import httpx
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph.query_text import refusal
from kg.web.server import RateLimiter
from tests.conftest import CORPUS, start_service, stop

TOKEN = "hardening-token"
SL = "PREFIX sl: <https://w3id.org/suanli/ontology#>\n"


class Listener:
    """A loopback listener standing for the outside world; it counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.accepted = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/"

    def _accept(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
                self.accepted += 1
                conn.close()
            except (TimeoutError, OSError):
                continue

    def close(self) -> None:
        self.done.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture
def outside():
    listener = Listener()
    yield listener
    listener.close()


def bypasses(url: str) -> list[str]:
    """SERVICE and LOAD as the engine accepts them and a word filter does not see them."""
    return [
        f"PREFIX p: <{url}> SELECT * WHERE {{ SERVICEp:x {{ ?s ?p ?o }} }}",
        f"PREFIX p: <{url}> select * where {{ servicep:x {{ ?s ?p ?o }} }}",
        f"PREFIX p: <{url}> SELECT * WHERE {{ FILTER(1<2)SERVICEp:x{{?s ?p ?o}}FILTER(2>1) }}",
        f"SELECT * WHERE {{ SERVICE<{url}>{{?s ?p ?o}} }}",
        f"SELECT * WHERE {{ SERVICESILENT<{url}>{{?s ?p ?o}} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\U00000073ervice <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c }}SERVICE <{url}> {{ ?s ?p ?o }}",
        f"SELECT * WHERE {{ SeRvIcE/**/<{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # comment\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


def load_bypasses(url: str) -> list[str]:
    return [f"LOAD <{url}>", f"PREFIX p: <{url}> LOADp:x", f"load<{url}>", f"\\u004cOAD <{url}>",
            f"LOAD SILENT <{url}> INTO GRAPH <urn:g>", f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"]


@pytest.mark.parametrize("query", bypasses("http://127.0.0.1:9/") + load_bypasses("http://127.0.0.1:9/"))
def test_every_spelling_of_service_and_load_is_refused(query) -> None:
    assert refusal(query) is not None


@pytest.mark.parametrize("query", [
    'SELECT ?x WHERE { BIND("SERVICE and LOAD" AS ?x) }',
    "SELECT ?load WHERE { ?load <http://example.org/SERVICE> ?o FILTER(?o < 3 && ?o > 1) }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:loadFactor ?o }",
])
def test_the_same_words_as_text_are_not_refused(query) -> None:
    assert refusal(query) is None


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "ASK { FILTER(" + "!" * 5000 + "true) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "SELECT * WHERE { " + "OPTIONAL { " * 3000 + "}" * 3000 + " }",
])
def test_deep_nesting_is_refused_before_parsing(query) -> None:
    assert "nests" in (refusal(query) or "")


def test_an_isolated_process_cannot_connect_even_when_the_engine_is_asked_to(outside) -> None:
    """Below the check: a worker's own engine, given SERVICE directly, makes no connection."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child does what a query worker does: isolate, then run the query it is given
        os.close(read)
        try:
            from kg.web.sandbox import isolate

            isolate()
            outcome = "connected"
            try:
                socket.create_connection(("127.0.0.1", outside.sock.getsockname()[1]), timeout=2).close()
            except OSError:
                outcome = "refused"
            try:
                list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{outside.url}> {{ ?s ?p ?o }} }}"))
                outcome += ",service-ran"
            except (OSError, RuntimeError, SyntaxError, ValueError):
                outcome += ",service-failed"
            os.write(write, outcome.encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    outcome = os.read(read, 100).decode()
    os.close(read)
    time.sleep(0.3)
    assert outcome == "refused,service-failed"
    assert outside.accepted == 0


@pytest.fixture(scope="module")
def service(corpus_store, tmp_path_factory):
    import shutil

    store = tmp_path_factory.mktemp("hardening") / "store"
    shutil.copytree(corpus_store, store)
    url, proc = start_service(store, env={"SUANLI_UPDATE_TOKEN": TOKEN})
    yield url
    stop(proc)


def alive(url: str) -> bool:
    response = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    return response.status_code == 200 and "true" in response.text


def test_no_spelling_reaches_outside_with_or_without_the_token(service, outside) -> None:
    for auth in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        for query in bypasses(outside.url):
            response = httpx.post(service + "/sparql", data={"query": query}, headers=auth, timeout=30)
            assert response.status_code == 400, (query, response.text)
        for update in load_bypasses(outside.url):
            response = httpx.post(service + "/sparql", data={"update": update}, headers=auth, timeout=30)
            assert 400 <= response.status_code < 500, (update, response.text)
    time.sleep(0.3)
    assert outside.accepted == 0
    assert alive(service)


def test_deep_queries_and_updates_get_4xx_and_the_service_lives(service) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    deep_query = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    deep_update = "INSERT DATA { GRAPH <urn:deep> " + "{" * 5000 + "}" * 5000 + " }"
    assert httpx.post(service + "/sparql", data={"query": deep_query}, timeout=30).status_code == 400
    response = httpx.post(service + "/sparql", data={"update": deep_update}, headers=auth, timeout=30)
    assert response.status_code == 400 and "nests" in response.text
    assert alive(service)


def test_a_bad_update_is_a_400_and_writes_nothing(service) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = httpx.post(service + "/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> "}, headers=auth, timeout=30)
    assert response.status_code == 400 and "bad update" in response.text
    assert alive(service)


def test_ask_body_too_large_is_refused_before_it_is_read(service) -> None:
    """60 MB announced: 413 comes back while the client has sent almost nothing."""
    host, port = service.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 62914560\r\n\r\n" + b'{"q": "' + b"x" * 1000)
        reply = sock.recv(4096).decode("latin-1")
    assert reply.startswith("HTTP/1.1 413")


@pytest.mark.parametrize(("body", "words"), [
    ('{"q": "\\ud800"}', "surrogate"),
    ("[" * 5000 + "]" * 5000, "JSON"),
    ('{"q": 5}', "string"),
    ("{not json", "JSON"),
])
def test_bad_ask_bodies_are_400_with_one_line(service, body, words) -> None:
    response = httpx.post(service + "/ask", content=body.encode(), headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400 and words in response.json()["error"]


@pytest.mark.parametrize("question", ["Which hubs exceed 100.% renewable power?", "Which clusters have more than 3. racks",
                                      "Which clusters have 1..2 racks?", "成渝枢纽各集群的算力合计是多少?"])
def test_odd_numbers_in_questions_are_answered(service, question) -> None:
    response = httpx.post(service + "/ask", json={"q": question}, timeout=60)
    assert response.status_code == 200 and response.json()["question"] == question


def test_an_empty_graph_name_or_a_derived_graph_cannot_be_written(service) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}
    before = httpx.get(service + "/rdf-graphs", params={"default": ""}, headers={"Accept": "application/n-triples"}, timeout=30)
    empty = httpx.put(service + "/rdf-graphs?graph=", content=b"<urn:a> <urn:b> <urn:c> .", headers=auth, timeout=30)
    assert empty.status_code == 400
    summary = "https://w3id.org/suanli/resource/graph/summary"
    derived = httpx.put(service + "/rdf-graphs", params={"graph": summary}, content=b"<urn:a> <urn:b> <urn:c> .",
                        headers=auth, timeout=30)
    assert derived.status_code == 403
    after = httpx.get(service + "/rdf-graphs", params={"default": ""}, headers={"Accept": "application/n-triples"}, timeout=30)
    assert before.status_code == 200 and after.text == before.text


def test_a_timeout_penalty_is_not_refilled_by_the_seconds_the_query_ran() -> None:
    limiter = RateLimiter(rate=2, burst=4)
    assert limiter.take("a") == 0
    tokens, _ = limiter.buckets["a"]
    limiter.buckets["a"] = (tokens, time.monotonic() - 5)  # the query started 5 s ago and has just timed out
    limiter.charge("a", 5 * 2)
    assert limiter.take("a") > 3  # it pays for the 5 s it held a worker (before: refilled, 0)


def test_json_of_the_ask_answer_is_one_object_for_every_shape(service) -> None:
    for question in ("有多少个集群的机架超过10万?", "成渝枢纽各集群的算力合计是多少?", "Is the Qingyang data center cluster in Gansu?"):
        data = httpx.get(service + "/ask", params={"q": question}, timeout=60).json()
        assert isinstance(data["answers"], list)
        json.dumps(data)


@pytest.fixture(scope="module")
def impatient(corpus_store):
    url, proc = start_service(corpus_store, env={"SUANLI_HEADER_TIMEOUT": "2", "SUANLI_BODY_TIMEOUT": "2"})
    yield url
    stop(proc)


def test_half_open_connections_are_closed_while_others_are_served(impatient) -> None:
    host, port = impatient.removeprefix("http://").split(":")
    slow = []
    for _ in range(200):
        sock = socket.create_connection((host, int(port)), timeout=10)
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # the headers never end
        slow.append(sock)
    for _ in range(20):  # others are served meanwhile (their latency is measured in bench/, not asserted here)
        assert httpx.get(impatient + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10).status_code == 200
    time.sleep(3)
    closed = 0
    for sock in slow:
        sock.settimeout(5)
        try:
            closed += sock.recv(100) == b""
        except OSError:
            closed += 1
        sock.close()
    assert closed == 200


def test_a_body_shorter_than_its_length_gets_408(impatient) -> None:
    host, port = impatient.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"q\": ")
        reply = sock.recv(4096).decode("latin-1")
    assert reply.startswith("HTTP/1.1 408")
    assert alive(impatient)


@pytest.fixture
def writable_service(corpus_store, tmp_path):
    import shutil

    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    url, proc = start_service(store, env={"SUANLI_UPDATE_TOKEN": TOKEN})
    yield url, store
    stop(proc)


def test_a_document_added_to_a_running_service_is_answered_and_twice_changes_nothing(writable_service) -> None:
    from tests.conftest import suanli

    url, store = writable_service
    text = "青枫智算中心位于芜湖,规划建设3000P智能算力。".encode()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(url + "/documents", params={"name": "jiangcheng.txt"}, content=text, timeout=120).status_code in (401, 403)
    added = httpx.post(url + "/documents", params={"name": "jiangcheng.txt"}, content=text, headers=auth, timeout=120)
    assert added.status_code == 201 and added.json()["status"] == "added"
    answer = httpx.get(url + "/ask", params={"q": "青枫智算中心规划多少算力?"}, timeout=60).json()
    assert [a["value"] for a in answer["answers"]] == [3000]
    again = httpx.post(url + "/documents", params={"name": "jiangcheng.txt"}, content=text, headers=auth, timeout=120)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    bad = httpx.post(url + "/documents", content=bytes(range(256)) * 8, headers=auth, timeout=120)
    assert bad.status_code == 400 and "\n" not in bad.text.strip()
    # another process may read the served store, but not write it
    assert suanli("query", "ASK { ?s ?p ?o }", "--store", str(store)).returncode == 0
    refused = suanli("ingest", str(CORPUS / "03_wuhu_zh.txt"), "--store", str(store))
    assert refused.returncode == 2 and "served by a running" in refused.stderr
    assert alive(url)



JAPANESE = "データセンターの計算能力は100PFLOPSに達した。新しいクラスターは来年稼働する予定だ。"


def test_shift_jis_text_is_read_as_japanese_not_as_garbled_gbk() -> None:
    from extract.text import decode

    assert decode(JAPANESE.encode("shift_jis")) == JAPANESE


@given(st.text(alphabet="芜湖贵安庆阳中卫韶关数据中心集群算力机架万亿元投资建设规划智能计算已投产标准达到约超过", min_size=4,
               max_size=80))
@settings(max_examples=300, deadline=None)
def test_chinese_in_gbk_is_never_taken_for_shift_jis(text) -> None:
    from extract.text import decode

    read = decode(text.encode("gbk"))
    assert not re.search(r"[\u3041-\u30ff]", read)  # whatever else a few ambiguous bytes may be, never Japanese
    if len(text) >= 20:
        assert read == text
