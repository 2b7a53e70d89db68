"""/sparql as SPARQL clients see it, over the embedded store and over a real Oxigraph server.

Every test that takes `endpoint` runs twice: `suanli serve` over the corpus store, and `suanli serve`
with SUANLI_ENDPOINT pointing at `oxigraph serve` over a copy of the same store. The W3C SPARQL 1.1
Protocol manifest is replayed from ../shared/w3c, request by request.
"""

from __future__ import annotations

import shutil
import socket
import threading

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.conftest import SHARED, start_oxigraph, start_service, stop

W3C = SHARED / "w3c"
TOKEN = "s3cret-test-token"
SL = "PREFIX sl: <https://w3id.org/suanli/ontology#> "
CLUSTERS = SL + "SELECT ?c ?label WHERE { ?c a sl:Cluster ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?c ?label"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?u } GRAPH ?c { ?v ?r ?w } }"


@pytest.fixture(scope="module", params=["embedded", "oxigraph"])
def endpoint(request, corpus_store, tmp_path_factory):
    """(service URL, kind): the corpus behind our /sparql, stored in-process or in an Oxigraph server."""
    procs = []
    if request.param == "embedded":
        url, proc = start_service(corpus_store, args=("--timeout", "3"))
    else:
        copy = tmp_path_factory.mktemp("oxigraph") / "store"
        shutil.copytree(corpus_store, copy)
        remote, server = start_oxigraph(copy)
        procs.append(server)
        url, proc = start_service(remote=remote, args=("--timeout", "3"))
    yield url + "/sparql", request.param
    stop(proc, *procs)


def select(url: str, query: str, **params: str) -> list[dict]:
    response = httpx.get(url, params={"query": query, **params}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def rows_in(response: httpx.Response) -> int:
    """How many solutions a results document holds (CSV read with the csv module: Oxigraph will not parse it)."""
    media = response.headers["content-type"].split(";")[0]
    if media == "text/csv":
        import csv
        import io

        return len(list(csv.reader(io.StringIO(response.text)))) - 1
    return len(list(ox.parse_query_results(response.content, format=ox.QueryResultsFormat.from_media_type(media))))


# --- SPARQL clients ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_reads_select_results_in_every_format(endpoint, fmt) -> None:
    url, _ = endpoint
    client = SPARQLWrapper(url)
    client.setQuery(CLUSTERS)
    client.setReturnFormat(fmt)
    result = client.query()
    converted = result.convert()
    expected = len(select(url, CLUSTERS))
    assert expected >= 20
    if fmt == JSON:
        rows = converted["results"]["bindings"]
    elif fmt == XML:
        rows = converted.getElementsByTagName("result")
    else:
        text = converted.decode("utf-8") if isinstance(converted, bytes) else converted
        rows = [line for line in text.strip().splitlines()[1:]]
    assert len(rows) == expected


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_reads_ask(endpoint, fmt) -> None:
    client = SPARQLWrapper(endpoint[0])
    client.setQuery(SL + "ASK { ?h a sl:Hub }")
    client.setReturnFormat(fmt)
    converted = client.query().convert()
    value = converted["boolean"] if fmt == JSON else converted.getElementsByTagName("boolean")[0].firstChild.data
    assert value in (True, "true")


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML, XML])
def test_sparqlwrapper_reads_construct_in_every_graph_format(endpoint, fmt) -> None:
    client = SPARQLWrapper(endpoint[0])
    client.setQuery(SL + "CONSTRUCT { ?h a sl:Hub } WHERE { ?h a sl:Hub }")
    client.setReturnFormat(fmt)
    graph = client.query().convert()
    if not isinstance(graph, Graph):
        graph = Graph().parse(data=graph, format={TURTLE: "turtle", N3: "turtle", JSONLD: "json-ld"}.get(fmt, "xml"))
    assert len(graph) == 8


def test_rdflib_sparqlstore_queries_the_endpoint(endpoint) -> None:
    graph = Graph(store=SPARQLStore(endpoint[0], returnFormat="json"))
    rows = list(graph.query(CLUSTERS))
    assert len(rows) == len(select(endpoint[0], CLUSTERS))
    assert any("Qingyang" in str(label) for _, label in rows)


# --- content negotiation -----------------------------------------------------------------------

@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv, application/sparql-results+json;q=0.9", "text/csv"),
    ("text/*;q=0.8, application/sparql-results+json;q=0.1", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
])
def test_select_follows_accept_q_values(endpoint, accept, expected) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(endpoint[0], params={"query": CLUSTERS}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert response.headers["vary"].startswith("Accept")
    assert rows_in(response) == len(select(endpoint[0], CLUSTERS))


def test_graph_results_in_every_format_are_isomorphic(endpoint) -> None:
    query = SL + "CONSTRUCT { ?c a sl:Cluster ; sl:partOf ?h } WHERE { ?c a sl:Cluster ; sl:partOf ?h }"
    graphs = {}
    for media, name in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                        ("application/rdf+xml", "xml"), ("application/trig", "trig")]:
        response = httpx.get(endpoint[0], params={"query": query}, headers={"Accept": media})
        assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media
        graphs[media] = Graph().parse(data=response.text, format=name)
    first = graphs["text/turtle"]
    assert len(first) >= 20
    assert all(isomorphic(first, other) for other in graphs.values())


@pytest.mark.parametrize(("fmt", "media"), [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
                                            ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                            ("text/csv", "text/csv")])
def test_format_parameter_overrides_accept(endpoint, fmt, media) -> None:
    response = httpx.get(endpoint[0], params={"query": CLUSTERS, "format": fmt}, headers={"Accept": "application/xml"})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media


@pytest.mark.parametrize(("query", "accept"), [(CLUSTERS, "image/png"), (CLUSTERS, "text/turtle"),
                                               (SL + "CONSTRUCT WHERE { ?h a sl:Hub }", "text/csv")])
def test_nothing_acceptable_is_406(endpoint, query, accept) -> None:
    response = httpx.get(endpoint[0], params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert "offered" in response.text


# --- errors the protocol names -------------------------------------------------------------------

@pytest.mark.parametrize(("method", "headers", "body", "params", "status", "words"), [
    ("POST", {"Content-Type": "application/sparql-query"}, "ASK {}".encode("utf-16"), {}, 400, "not UTF-8"),
    ("POST", {"Content-Type": "application/sparql-query; charset=latin1"}, b"ASK {}", {}, 415, "charset"),
    ("POST", {"Content-Type": "text/plain"}, b"ASK {}", {}, 415, "text/plain"),
    ("POST", {}, b"ASK {}", {}, 415, "Content-Type"),
    ("GET", {}, b"", {"query": ["ASK {}", "ASK {}"]}, 400, "exactly one"),
    ("GET", {}, b"", {"update": "CLEAR ALL"}, 405, "POST"),
    ("PUT", {"Content-Type": "application/sparql-query"}, b"ASK {}", {}, 405, "PUT"),
    ("POST", {"Content-Type": "application/x-www-form-urlencoded"}, b"query=ASK%7B%7D&update=CLEAR%20ALL", {}, 400, "not both"),
    ("GET", {}, b"", {"query": "SELECT * WHERE { ?s ?p }"}, 400, "1:"),
    ("GET", {}, b"", {"query": "PREFIX x: <http://x/> SELECT * WHERE { ?s x:p ?o . }\n GROUP ?s"}, 400, "2:"),
])
def test_protocol_errors_are_4xx_with_a_reason(endpoint, method, headers, body, params, status, words) -> None:
    response = httpx.request(method, endpoint[0], headers=headers, content=body or None, params=params)
    assert response.status_code == status, response.text
    assert words in response.text
    assert response.headers["content-type"].startswith("text/plain")


def test_oversized_requests_are_refused(endpoint) -> None:
    huge = "ASK {} #" + "x" * (70 * 1024)
    assert httpx.post(endpoint[0], content=huge, headers={"Content-Type": "application/sparql-query"}).status_code == 413
    import http.client
    from urllib.parse import urlencode, urlsplit

    parts = urlsplit(endpoint[0])
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)  # httpx caps URLs at 64 KiB itself
    connection.request("GET", f"{parts.path}?{urlencode({'query': huge[: 40 * 1024]})}")
    assert connection.getresponse().status == 414
    connection.close()


# --- service description and CORS --------------------------------------------------------------

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")


@pytest.mark.parametrize("media", ["text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"])
def test_bare_get_describes_the_service(endpoint, media) -> None:
    """The W3C service-description tests: returns RDF, has a matching sd:endpoint triple, uses the sd vocabulary."""
    manifest = W3C / "sparql11-service-description" / "manifest.ttl"
    if manifest.exists():
        names = [str(n) for n in Graph().parse(manifest).objects(None, MF.name)]
        assert "Service description contains a matching sd:endpoint triple" in names
    response = httpx.get(endpoint[0], headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.text, format={"text/turtle": "turtle", "application/rdf+xml": "xml",
                                                      "application/ld+json": "json-ld"}.get(media, "nt"))
    from rdflib import URIRef

    service = URIRef(endpoint[0])
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert SD.SPARQL11Update not in set(graph.objects(service, SD.supportedLanguage))


def test_browsers_get_a_page(endpoint) -> None:
    response = httpx.get(endpoint[0], headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "SPARQL" in response.text


def test_cors_without_credentials(endpoint) -> None:
    origin = {"Origin": "https://example.org"}
    response = httpx.get(endpoint[0], params={"query": "ASK {}"}, headers=origin)
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    assert "suanli-row-cap" in response.headers["access-control-expose-headers"].lower()
    preflight = httpx.options(endpoint[0], headers={**origin, "Access-Control-Request-Method": "POST",
                                                    "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]


# --- safety --------------------------------------------------------------------------------------

@pytest.fixture
def outside():
    """A loopback listener standing for the outside world; it counts the connections it gets."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    accepted: list[object] = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                accepted.append(sock.accept())
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/data", accepted
    done.set()
    thread.join()
    sock.close()


def test_nothing_reaches_outside(endpoint, outside) -> None:
    url, accepted = outside
    attempts = [
        {"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"},
        {"query": f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}"},
        {"query": f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}"},
        {"query": f"PREFIX ex: <{url}#> SELECT * FROM NAMED ex:g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
        {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": url},
        {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": url},
    ]
    for params in attempts:
        response = httpx.get(endpoint[0], params=params)
        assert response.status_code == 400, params
        assert "SERVICE" in response.text or "not in this dataset" in response.text
    load = httpx.post(endpoint[0], data={"update": f"LOAD <{url}>"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert load.status_code == 400 and "LOAD" in load.text
    assert accepted == []


def test_words_inside_strings_and_iris_are_not_refused(endpoint) -> None:
    query = SL + 'SELECT ?x WHERE { BIND("SERVICE and LOAD" AS ?x) FILTER(?x != <http://example.org/service>) }'
    assert select(endpoint[0], query)[0]["x"]["value"] == "SERVICE and LOAD"


def test_the_public_endpoint_is_read_only(endpoint) -> None:
    before = select(endpoint[0], SL + "SELECT (COUNT(*) AS ?n) WHERE { ?h a sl:Hub }")
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        response = httpx.post(endpoint[0], content=SL + "INSERT DATA { <urn:x> a sl:Hub }",
                              headers={"Content-Type": "application/sparql-update", **headers})
        assert response.status_code == 403 and "read-only" in response.text
    assert select(endpoint[0], SL + "SELECT (COUNT(*) AS ?n) WHERE { ?h a sl:Hub }") == before


def test_known_graphs_can_be_named(endpoint) -> None:
    graphs = select(endpoint[0], "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/suanli/ontology#SourceDocument> } } LIMIT 1")
    graph = graphs[0]["g"]["value"]
    rows = select(endpoint[0], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": graph})
    named = select(endpoint[0], f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    assert int(rows[0]["n"]["value"]) == int(named[0]["n"]["value"]) > 0


def test_a_runaway_query_is_stopped_and_others_go_on(endpoint) -> None:
    url, _ = endpoint
    results: dict[str, httpx.Response] = {}
    order: list[str] = []

    def run(name: str, query: str) -> None:
        results[name] = httpx.get(url, params={"query": query}, timeout=30)
        order.append(name)

    runaway = threading.Thread(target=run, args=("runaway", RUNAWAY))
    runaway.start()
    for i in range(5):
        run(f"small{i}", SL + "SELECT ?h WHERE { ?h a sl:Hub }")
    runaway.join()
    assert results["runaway"].status_code == 503
    assert "timeout" in results["runaway"].text and results["runaway"].headers["suanli-timeout"] == "3"
    assert all(results[f"small{i}"].status_code == 200 for i in range(5))
    assert order[-1] == "runaway"  # the small queries were answered while it ran
    assert len(select(url, SL + "SELECT ?h WHERE { ?h a sl:Hub }")) == 8  # and the endpoint still answers


# --- limits and writes on dedicated services -----------------------------------------------------

@pytest.fixture(scope="module")
def capped(corpus_store):
    url, proc = start_service(corpus_store, env={"SUANLI_RATE_LIMIT": "2", "SUANLI_RATE_BURST": "3"},
                              args=("--row-cap", "5"))
    yield url + "/sparql"
    stop(proc)


@pytest.mark.parametrize("media", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                   "text/tab-separated-values"])
def test_row_cap_cuts_answers_and_says_so(capped, media) -> None:
    import time

    time.sleep(1.5)  # stay within this service's budget of 2 requests a second
    response = httpx.get(capped, params={"query": CLUSTERS}, headers={"Accept": media})
    assert response.status_code == 200, response.text
    assert response.headers["suanli-row-cap"] == "5" and response.headers["suanli-truncated"] == "true"
    assert rows_in(response) == 5


def test_row_cap_on_graphs_and_small_answers(capped) -> None:
    import time

    time.sleep(1.5)
    graph = httpx.get(capped, params={"query": SL + "CONSTRUCT WHERE { ?c a sl:Cluster }"}, headers={"Accept": "text/turtle"})
    assert graph.headers["suanli-truncated"] == "true" and len(Graph().parse(data=graph.text, format="turtle")) == 5
    time.sleep(1)
    small = httpx.get(capped, params={"query": SL + "SELECT ?c WHERE { ?c a sl:Cluster } LIMIT 3"})
    assert small.headers["suanli-truncated"] == "false" and len(small.json()["results"]["bindings"]) == 3


def test_rate_limit_answers_429_with_retry_after(capped) -> None:
    """Eight requests at once against a burst of 3: whatever the machine's speed, some must wait."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    time.sleep(2)
    start = threading.Barrier(8)

    def ask(_: int) -> httpx.Response:
        with httpx.Client() as client:
            start.wait()
            return client.get(capped, params={"query": "ASK {}"})

    began = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(ask, range(8)))
    elapsed = time.monotonic() - began
    served = [r for r in statuses if r.status_code == 200]
    limited = [r for r in statuses if r.status_code == 429]
    assert len(served) + len(limited) == 8
    assert 3 <= len(served) <= 3 + 2 * elapsed + 1 and limited, (len(served), elapsed)
    assert int(limited[0].headers["retry-after"]) >= 1
    assert "too many requests" in limited[0].text


@pytest.fixture(scope="module", params=["embedded", "embedded-disk", "oxigraph"])
def w3c_endpoint(request, tmp_path_factory):
    """The W3C protocol test data (data1-3.nt in graphs named by their labels; data0.rdf, named but never given, empty)."""
    if not (W3C / "sparql11-protocol").exists():
        pytest.skip("shared W3C manifests not present")
    directory = tmp_path_factory.mktemp(f"w3c-{request.param}") / "store"
    store = ox.Store(str(directory))
    base = "http://kasei.us/2009/09/sparql/data/"
    for n in (1, 2, 3):
        graph = ox.NamedNode(f"{base}data{n}.rdf")
        store.extend(ox.Quad(q.subject, q.predicate, q.object, graph)
                     for q in ox.parse(path=str(W3C / "sparql11-protocol" / f"data{n}.nt"), format=ox.RdfFormat.N_TRIPLES))
    store.add_graph(ox.NamedNode(f"{base}data0.rdf"))
    store.flush()
    del store
    env = {"SUANLI_UPDATE_TOKEN": TOKEN}
    procs = []
    if request.param.startswith("embedded"):
        if request.param == "embedded-disk":  # larger than the memory limit: each worker opens the store on disk
            env["SUANLI_MEMORY_QUADS"] = "1"
        url, proc = start_service(directory, env=env)
        assert ("read from disk" if request.param == "embedded-disk" else "held in memory") in proc.stderr.readline().decode()
    else:
        remote, server = start_oxigraph(directory)
        procs.append(server)
        url, proc = start_service(remote=remote, env=env)
    yield url
    stop(proc, *procs)


HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UNSUPPORTED = {"update_dataset_default_graph", "update_dataset_default_graphs", "update_dataset_named_graphs",
               "update_dataset_full"}  # using-graph-uri: refused with 400, see README


def _manifest() -> list[tuple[str, Graph, object]]:
    graph = Graph().parse(W3C / "sparql11-protocol" / "manifest.ttl")
    manifest = next(graph.subjects(MF.entries, None))
    entries = Collection(graph, graph.value(manifest, MF.entries))
    return [(str(entry).rsplit("#", 1)[1], graph, entry) for entry in entries]


MANIFEST = _manifest() if (W3C / "sparql11-protocol" / "manifest.ttl").exists() else []


def test_the_manifest_has_its_34_tests() -> None:
    if not MANIFEST:
        pytest.skip("shared W3C manifests not present")
    names = [name for name, _, _ in MANIFEST]
    assert len(names) == 34
    assert len([n for n in names if n.startswith("query_")]) == 13


@pytest.mark.parametrize("case", MANIFEST, ids=[name for name, _, _ in MANIFEST])
def test_w3c_protocol_manifest(w3c_endpoint, case) -> None:
    name, graph, entry = case
    action = graph.value(entry, MF.action)
    for request in Collection(graph, graph.value(action, HT.requests)):
        path = str(graph.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
        headers = {str(graph.value(h, HT.fieldName)): str(graph.value(h, HT.fieldValue))
                   for h in Collection(graph, graph.value(request, HT.headers) or _empty(graph))}
        body_node = graph.value(request, HT.body)
        body = None
        if body_node is not None:
            encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
            body = str(graph.value(body_node, CNT.chars)).encode(encoding)
        headers["Authorization"] = f"Bearer {TOKEN}"
        response = httpx.request(str(graph.value(request, HT.methodName)), w3c_endpoint + path, headers=headers,
                                 content=body)
        expected = graph.value(request, HT.resp)
        codes = {str(c).rsplit("#StatusCode", 1)[1][0] for c in graph.objects(expected, MF.expectedStatus)}
        if name in UNSUPPORTED:
            assert response.status_code == 400 and "not supported" in response.text
            return
        assert str(response.status_code)[0] in codes, f"{name}: {response.status_code} {response.text[:200]}"
        assert response.status_code < 500
        fmt = graph.value(expected, MF.expectedFormat)
        media = response.headers.get("content-type", "").split(";")[0]
        if fmt is not None and str(fmt) in ("boolean", "tabular"):
            result = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.from_media_type(media))
            if str(fmt) == "boolean":
                assert isinstance(result, ox.QueryBoolean)
                if (boolean := graph.value(expected, MF.expectedBoolean)) is not None:
                    assert bool(result) == boolean.toPython(), name
            else:
                assert len(list(result)) == 1
        elif fmt is not None:
            list(ox.parse(response.content, format=ox.RdfFormat.from_media_type(media)))


def _empty(graph: Graph) -> object:
    from rdflib import RDF

    return RDF.nil


# --- writes with the token -------------------------------------------------------------------------

def test_updates_and_graph_store_writes_need_the_token(w3c_endpoint) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    graph = "http://example.org/written"
    store = w3c_endpoint + "/rdf-graphs"
    assert httpx.put(store, params={"graph": graph}, content=b"<urn:a> <urn:b> <urn:c> .",
                     headers={"Content-Type": "application/n-triples"}).status_code == 401
    put = httpx.put(store, params={"graph": graph}, content=b"<urn:a> <urn:b> <urn:c> .",
                    headers={"Content-Type": "application/n-triples", **auth})
    assert put.status_code == 201
    post = httpx.post(store, params={"graph": graph}, content=b"@prefix u: <urn:> . u:a u:b u:d .",
                      headers={"Content-Type": "text/turtle", **auth})
    assert post.status_code == 204
    read = httpx.get(store, params={"graph": graph}, headers={"Accept": "application/n-triples"})
    assert read.status_code == 200 and len(Graph().parse(data=read.text, format="nt")) == 2
    update = httpx.post(w3c_endpoint + "/sparql", data={"update": f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> <urn:e> }} }}"},
                        headers=auth)
    assert update.status_code == 204
    count = select(w3c_endpoint + "/sparql", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert count[0]["n"]["value"] == "3"
    bad = httpx.put(store, params={"graph": graph}, content=b"<urn:a> <urn:b", headers={"Content-Type": "text/turtle", **auth})
    assert bad.status_code == 400
    assert count == select(w3c_endpoint + "/sparql", f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert httpx.delete(store, params={"graph": graph}, headers=auth).status_code == 204
    assert httpx.get(store, params={"graph": graph}).status_code == 404
    assert httpx.delete(store, params={"graph": graph}, headers=auth).status_code == 404


@pytest.mark.parametrize(("env", "args", "words"), [
    ({"SUANLI_RATE_LIMIT": "fast"}, (), "SUANLI_RATE_LIMIT"),
    ({}, ("--timeout", "0"), "positive"),
    ({}, ("--row-cap", "-1"), "positive"),
])
def test_bad_serve_settings_exit_2_with_one_line(corpus_store, env, args, words) -> None:
    import os

    from tests.conftest import suanli

    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = suanli("serve", "--store", str(corpus_store), *args, timeout=60)
    finally:
        for k, v in old.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    assert result.returncode == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_query_processes_end_with_the_service(corpus_store) -> None:
    """The worker holder and its forked workers go when the service dies, even by SIGKILL."""
    import time

    import psutil

    url, proc = start_service(corpus_store)
    assert "held in memory" in proc.stderr.readline().decode()
    assert len(select(url + "/sparql", SL + "SELECT ?h WHERE { ?h a sl:Hub }")) == 8
    processes = psutil.Process(proc.pid).children(recursive=True)
    assert len(processes) >= 3  # the holder and at least two workers
    proc.kill()
    proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in processes):
        time.sleep(0.1)
    assert not [p.pid for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
