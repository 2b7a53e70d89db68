"""Linked data over the real service: every kind of resource in every advertised format, dumps, VoID, 404s.

Each test runs against the embedded store and against a real Oxigraph server behind the service.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from tests.conftest import start_oxigraph, start_service, stop

BASE = "https://w3id.org/suanli/resource/"
SL = Namespace("https://w3id.org/suanli/ontology#")
VOID = Namespace("http://rdfs.org/ns/void#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
           "application/rdf+xml": "xml"}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.fixture(scope="module", params=["embedded", "oxigraph"])
def service(request, corpus_store, tmp_path_factory):
    procs = []
    if request.param == "embedded":
        url, proc = start_service(corpus_store)
    else:
        copy = tmp_path_factory.mktemp("linked-oxigraph") / "store"
        shutil.copytree(corpus_store, copy)
        remote, server = start_oxigraph(copy)
        procs.append(server)
        url, proc = start_service(remote=remote)
    yield url
    stop(proc, *procs)


def select(service: str, query: str) -> list[dict]:
    response = httpx.post(service + "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def one_of_each_kind(service: str) -> dict[str, str]:
    """An entity of every class in the corpus, a merged fact, a document's fact and a source document."""
    rows = select(service, f"""PREFIX sl: <{SL}> SELECT ?class (MIN(STR(?x)) AS ?one) WHERE {{
      ?x a ?class . ?class <http://www.w3.org/2000/01/rdf-schema#subClassOf> sl:Entity }} GROUP BY ?class""")
    kinds = {row["class"]["value"].rsplit("#", 1)[-1]: row["one"]["value"] for row in rows}
    merged = select(service, f"PREFIX sl: <{SL}> PREFIX prov: <http://www.w3.org/ns/prov#> "
                             "SELECT ?m ?f WHERE { ?m a sl:MergedFact ; prov:wasDerivedFrom ?f } LIMIT 1")
    kinds["MergedFact"] = merged[0]["m"]["value"]
    kinds["Fact"] = merged[0]["f"]["value"]
    source = select(service, f"PREFIX sl: <{SL}> SELECT ?d WHERE {{ GRAPH ?g {{ ?d a sl:SourceDocument }} }} LIMIT 1")
    kinds["SourceDocument"] = source[0]["d"]["value"]
    return kinds


def fetch(service: str, path: str, media: str) -> httpx.Response:
    return httpx.get(service + path, headers={"Accept": media})


def parse(response: httpx.Response, media: str) -> Graph:
    """The answer as a graph, language tags in lower case (RDF 1.1: their value space is lower case)."""
    parsed = Graph().parse(data=response.content, format=FORMATS[media], publicID="http://example.org/")
    graph = Graph()
    for s, p, o in parsed:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        graph.add((s, p, o))
    return graph


def test_the_corpus_has_an_entity_of_every_class_but_park(service) -> None:
    from kg.web.pages import entity_classes

    classes = {str(c).rsplit("#", 1)[-1] for c in entity_classes()}
    assert classes - {"Park"} <= set(one_of_each_kind(service))  # the sample corpus names no park


def test_every_resource_kind_in_every_format_parses_and_says_the_same(service) -> None:
    paths = ["/resource/" + iri[len(BASE):] for iri in one_of_each_kind(service).values()]
    for path in [*paths, "/ontology", "/shapes", "/.well-known/void"]:
        graphs = {}
        for media in FORMATS:
            response = fetch(service, path, media)
            assert response.status_code == 200, (path, media, response.text)
            assert response.headers["content-type"].split(";")[0] == media, (path, media)
            assert "Accept" in response.headers["vary"], path
            graphs[media] = parse(response, media)
            assert len(graphs[media]) > 0, (path, media)
        turtle = graphs["text/turtle"]
        for media, graph in graphs.items():
            assert isomorphic(graph, turtle), (path, media, len(graph), len(turtle))


def test_an_entity_description_carries_its_facts_with_provenance(service) -> None:
    graph = parse(fetch(service, "/resource/qingyang-data-center-cluster", "text/turtle"), "text/turtle")
    cluster = URIRef(BASE + "qingyang-data-center-cluster")
    labels = {(str(label), label.language.replace("hans", "Hans").replace("hant", "Hant")) for label in graph.objects(cluster, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert ("庆阳数据中心集群", "zh-Hans") in labels and ("Qingyang data center cluster", "en") in labels
    assert ("慶陽數據中心集群", "zh-Hant") in labels
    facts = set(graph.subjects(SL.subject, cluster))
    metrics = {graph.value(f, SL.metric) for f in facts}
    assert SL.computing_power in metrics and SL.renewable_share in metrics
    for fact in facts:
        assert graph.value(fact, SL.evidence) is not None and graph.value(fact, SL.status) is not None
    # incoming: the hub page names the cluster as its part
    hub = parse(fetch(service, "/resource/gansu-hub", "text/turtle"), "text/turtle")
    assert (cluster, SL.partOf, URIRef(BASE + "gansu-hub")) in hub


def test_json_ld_is_compact_with_the_published_context(service) -> None:
    response = fetch(service, "/resource/qingyang-data-center-cluster", "application/ld+json")
    document = response.json()
    assert document["@context"] == service + "/context.jsonld"
    cluster = next(node for node in document["@graph"] if node.get("id") == BASE + "qingyang-data-center-cluster")
    assert cluster["label"]["zh-Hans"] == "庆阳数据中心集群" and cluster["type"] == "Cluster"
    context = httpx.get(service + "/context.jsonld")
    assert context.status_code == 200 and context.headers["content-type"].startswith("application/ld+json")


def test_the_context_names_every_ontology_property() -> None:
    from kg.graph.rdf import ontology_graph as ontology
    from kg.web.linked import context

    terms = {value["@id"] if isinstance(value, dict) else value for value in context()["@context"].values()}
    expanded = {t.replace("sl:", str(SL)) for t in terms if isinstance(t, str)}
    properties = {str(p) for p in ontology().subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                       URIRef("http://www.w3.org/2002/07/owl#ObjectProperty"))}
    # object properties need "@type": "@id" terms; datatype properties compact through @vocab
    assert properties - expanded <= {str(SL.canonicalUnit), str(SL.allowedUnit)}


@pytest.mark.parametrize(("accept", "expected"), [
    (BROWSER_ACCEPT, "text/html"), ("", "text/html"), ("text/turtle", "text/turtle"),
    ("application/json", "application/ld+json"), ("application/rdf+xml;q=0.9, text/turtle;q=0.5", "application/rdf+xml"),
    ("text/plain", "application/n-triples"),
])
def test_content_negotiation_picks_what_the_client_prefers(service, accept, expected) -> None:
    response = httpx.get(service + "/resource/gansu-hub", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert "Accept" in response.headers["vary"]


def test_format_parameter_and_406(service) -> None:
    assert httpx.get(service + "/resource/gansu-hub?format=ttl").headers["content-type"].startswith("text/turtle")
    assert httpx.get(service + "/resource/gansu-hub?format=rdf").headers["content-type"].startswith("application/rdf+xml")
    refused = httpx.get(service + "/resource/gansu-hub", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused.text.count("\n") == 1
    assert httpx.get(service + "/resource/gansu-hub?format=csv").status_code == 406


@pytest.mark.parametrize("path", ["/resource/no-such-thing", "/resource/", "/resource/fact/0000000000000000",
                                  "/resource/a%20b", "/resource/%3Cx%3E"])
def test_unknown_ids_are_404_in_every_format(service, path) -> None:
    for media in (*FORMATS, "text/html"):
        response = fetch(service, path, media)
        assert response.status_code == 404, (path, media)
    assert "<html" in fetch(service, path, "text/html").text


def test_a_named_graph_iri_leads_to_its_contents(service) -> None:
    source = one_of_each_kind(service)["SourceDocument"]
    graph_path = "/resource/" + source[len(BASE):].replace("source/", "graph/")
    response = httpx.get(service + graph_path, headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert response.status_code == 200 and response.history[0].status_code == 303
    assert (URIRef(source), None, None) in Graph().parse(data=response.text, format="turtle")
    assert httpx.get(service + "/resource/graph/0000000000000000").status_code == 404


def test_head_answers_like_get_without_a_body(service) -> None:
    response = httpx.head(service + "/resource/gansu-hub", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"].startswith("text/turtle")


def test_the_html_page_shows_names_facts_sources_and_embeds_the_same_json_ld(service) -> None:
    path = "/resource/qingyang-data-center-cluster"
    html = fetch(service, path + "?lang=en", "text/html").text
    assert "<h1 id=\"title\">Qingyang data center cluster</h1>" in html
    assert "慶陽數據中心集群" in html and "庆阳数据中心集群" in html  # every script's label is listed
    assert "150,000 PFLOPS" in html and "Qingyang bets on green computing" in html  # a figure and a source's title
    assert 'href="/resource/gansu-hub?lang=en"' in html
    for name in ("Turtle", "JSON-LD", "N-Triples", "RDF/XML"):
        assert f'data-format="{name}"' in html
    embedded = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    graph = Graph()
    for s, p, o in Graph().parse(data=embedded, format="json-ld"):
        graph.add((s, p, Literal(str(o), lang=o.language.lower()) if isinstance(o, Literal) and o.language else o))
    assert isomorphic(graph, parse(fetch(service, path, "text/turtle"), "text/turtle"))


@pytest.mark.parametrize(("params", "headers", "title"), [
    ({"lang": "zh-Hant"}, {}, "慶陽數據中心集群"), ({"lang": "en"}, {}, "Qingyang data center cluster"),
    ({}, {"Accept-Language": "zh-TW,zh;q=0.8"}, "慶陽數據中心集群"), ({}, {"Accept-Language": "en-GB"}, "Qingyang data center cluster"),
    ({}, {}, "庆阳数据中心集群"),
])
def test_the_page_language_follows_the_switch_and_the_browser(service, params, headers, title) -> None:
    html = httpx.get(service + "/resource/qingyang-data-center-cluster", params=params,
                     headers={"Accept": "text/html", **headers}).text
    assert f'<h1 id="title">{title}</h1>' in html


def test_a_label_missing_in_traditional_script_falls_back_to_a_converted_one(service) -> None:
    rows = select(service, """PREFIX sl: <https://w3id.org/suanli/ontology#>
      SELECT ?x ?l WHERE { ?x a sl:Province ; <http://www.w3.org/2000/01/rdf-schema#label> ?l
      FILTER(LANGMATCHES(LANG(?l), "zh-Hans")) FILTER NOT EXISTS { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?t
      FILTER(LANGMATCHES(LANG(?t), "zh-Hant")) } } LIMIT 1""")
    assert rows, "the corpus names provinces whose name is the same in both scripts"
    from extract.text import to_traditional

    iri, label = rows[0]["x"]["value"], rows[0]["l"]["value"]
    html = httpx.get(service + "/resource/" + iri[len(BASE):], params={"lang": "zh-Hant"}, headers={"Accept": "text/html"}).text
    assert f'<h1 id="title">{to_traditional(label)}</h1>' in html


def test_the_label_fallback_chain() -> None:
    from kg.web.pages import pick

    assert pick({"zh-Hans": "庆阳数据中心集群", "en": "Qingyang"}, "zh-Hant") == "慶陽數據中心集群"
    assert pick({"zh-Hant": "慶陽數據中心集群"}, "zh-Hans") == "庆阳数据中心集群"
    assert pick({"zh-Hans": "庆阳"}, "en") == "庆阳"
    assert pick({"en": "Qingyang"}, "zh-Hans") == "Qingyang"
    assert pick({}, "en") is None


def test_values_read_as_people_write_them() -> None:
    from kg.web.pages import format_value

    assert format_value(150000, "https://w3id.org/suanli/ontology#PFLOPS", "computing_power", "en") == "150,000 PFLOPS"
    assert format_value(150000, "https://w3id.org/suanli/ontology#PFLOPS", "computing_power", "zh-Hans") == "15万P"
    assert format_value(80000, "https://w3id.org/suanli/ontology#racks", "rack_count", "zh-Hant") == "8萬架"
    assert format_value(0.9, None, "https://w3id.org/suanli/ontology#renewable_share", "en") == "90%"
    assert format_value(2.5e9, "https://w3id.org/suanli/ontology#CNY", "investment", "zh-Hans") == "25亿元"
    assert format_value(2.5e9, "https://w3id.org/suanli/ontology#CNY", "investment", "en") == "CNY 2.5 billion"
    assert format_value(1.25, None, "https://w3id.org/suanli/ontology#pue", "en") == "1.25"


def test_ontology_and_shapes_pages(service) -> None:
    html = fetch(service, "/ontology?lang=en", "text/html").text
    assert 'id="Cluster"' in html and "Data center cluster" in html
    assert "sh:" in fetch(service, "/shapes", "text/turtle").text or "shacl" in fetch(service, "/shapes", "text/turtle").text


def dump_of(service: str, path: str) -> httpx.Response:
    response = httpx.get(service + path, timeout=60)
    assert response.status_code == 200, response.text
    return response


def quads(body: bytes, fmt: ox.RdfFormat) -> set[str]:
    dataset = ox.Dataset(ox.parse(body, format=fmt))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {str(q) for q in dataset}


def test_dumps_in_trig_and_nquads_carry_their_checksum_and_the_same_quads(service) -> None:
    trig, nquads = dump_of(service, "/dump.trig"), dump_of(service, "/dump.nq")
    assert trig.headers["content-type"].startswith("application/trig")
    assert nquads.headers["content-type"].startswith("application/n-quads")
    for response in (trig, nquads):
        digest = hashlib.sha256(response.content).digest()
        assert response.headers["repr-digest"] == f"sha-256=:{base64.b64encode(digest).decode()}:"
        assert response.headers["etag"] == f'"{digest.hex()}"'
        assert "attachment" in response.headers["content-disposition"]
        assert "Accept" in response.headers["vary"]
    assert httpx.get(service + "/dump.trig.sha256").text.split()[0] == hashlib.sha256(trig.content).hexdigest()
    assert quads(trig.content, ox.RdfFormat.TRIG) == quads(nquads.content, ox.RdfFormat.N_QUADS)
    graphs = {q.graph_name.value for q in ox.parse(nquads.content, format=ox.RdfFormat.N_QUADS)}
    assert BASE + "graph/summary" in graphs and sum(g.startswith(BASE + "graph/") for g in graphs) >= 10
    again = httpx.get(service + "/dump.trig", headers={"If-None-Match": trig.headers["etag"]})
    assert again.status_code == 304


def _server_paths() -> list[str]:
    """The ingest directory's absolute path as a dump could leak it: as given, resolved, as a file: URI, and its parent."""
    from tests.conftest import CORPUS

    return sorted({str(CORPUS), str(CORPUS.resolve()), CORPUS.resolve().as_uri(), str(CORPUS.resolve().parent)})


def test_no_dump_publishes_the_ingest_directorys_absolute_path(service) -> None:
    """Sources carry their own file name; the place the server read them from stays on the server (`grep` of a dump)."""
    for name in ("/dump.trig", "/dump.nq"):
        text = dump_of(service, name).content.decode("utf-8")
        assert "01_qingyang_green.txt" in text  # the documents' own file names are there
        for path in _server_paths():
            assert path not in text, f"{name} publishes {path}"


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_no_export_publishes_the_ingest_directorys_absolute_path(corpus_store, fmt: str) -> None:
    from tests.conftest import suanli

    text = suanli("export", "--format", fmt, "--store", str(corpus_store), check=True).stdout
    assert "01_qingyang_green.txt" in text
    for path in _server_paths():
        assert path not in text, f"suanli export --format {fmt} publishes {path}"


def test_the_dump_is_negotiated_and_refuses_what_it_does_not_offer(service) -> None:
    assert httpx.get(service + "/dump", headers={"Accept": "application/n-quads"}).headers["content-type"].startswith("application/n-quads")
    assert httpx.get(service + "/dump?format=trig").headers["content-type"].startswith("application/trig")
    assert httpx.get(service + "/dump", headers={"Accept": "text/turtle"}).status_code == 406
    assert httpx.get(service + "/dump?format=turtle").status_code == 406
    assert httpx.get(service + "/dump.zip").status_code == 404


def test_void_and_dcat_describe_the_dataset_with_licence_counts_and_checksummed_dumps(service) -> None:
    graph = parse(fetch(service, "/.well-known/void", "text/turtle"), "text/turtle")
    dataset = URIRef(service + "/.well-known/void#dataset")
    assert (dataset, URIRef("http://purl.org/dc/terms/license"), URIRef("https://creativecommons.org/licenses/by/4.0/")) in graph
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(service + "/sparql")
    nquads = dump_of(service, "/dump.nq").content
    assert int(graph.value(dataset, VOID.triples)) == len(list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS)))
    assert int(graph.value(dataset, VOID.entities)) > 100
    dumps = set(graph.objects(dataset, VOID.dataDump))
    assert dumps == {URIRef(service + "/dump.trig"), URIRef(service + "/dump.nq")}
    for dump in dumps:
        checksum = graph.value(graph.value(dump, SPDX.checksum), SPDX.checksumValue)
        assert checksum == Literal(hashlib.sha256(dump_of(service, str(dump)[len(service):]).content).hexdigest())
    assert "Hub" in {str(graph.value(p, VOID["class"])).rsplit("#", 1)[-1] for p in graph.objects(dataset, VOID.classPartition)}


def test_graph_store_read_side_gives_one_graph_per_source_document(service) -> None:
    source = one_of_each_kind(service)["SourceDocument"]
    graph_iri = source.replace("/source/", "/graph/")
    response = httpx.get(service + "/rdf-graphs", params={"graph": graph_iri}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef(source), None, None) in graph and len(set(graph.subjects(SL.subject, None))) >= 1


def test_the_web_page_and_its_files_are_served(service) -> None:
    page = httpx.get(service + "/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "https://" not in page.text.split("<body>", 1)[1]  # nothing fetched from elsewhere
    for path in ("/static/app.js", "/static/app.css", "/app-config.json"):
        assert httpx.get(service + path).status_code == 200
    config = httpx.get(service + "/app-config.json").json()
    assert config["base"] == BASE and set(config["strings"]) == {"zh-Hans", "zh-Hant", "en"}
    names = {q["name"] for q in config["queries"]}
    assert {"computing_power_chart", "infrastructure", "hubs_renewable"} <= names
    assert all(q["zh-Hans"] and q["en"] and q["zh-Hant"] for q in config["queries"])


def test_every_interface_string_exists_in_every_language() -> None:
    from kg.web.pages import strings

    keys = {lang: set(table) for lang, table in strings().items()}
    assert keys["en"] == keys["zh-Hans"] == keys["zh-Hant"]


def test_a_write_replaces_the_cached_dump(corpus_store, tmp_path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(corpus_store, copy)
    url, proc = start_service(copy, env={"SUANLI_UPDATE_TOKEN": "secret"})
    try:
        before = dump_of(url, "/dump.nq").headers["etag"]
        graph = "https://example.org/extra"
        put = httpx.put(url + "/rdf-graphs", params={"graph": graph}, content=b"<https://example.org/a> <https://example.org/b> \"c\" .",
                        headers={"Content-Type": "application/n-triples", "Authorization": "Bearer secret"})
        assert put.status_code == 201
        after = dump_of(url, "/dump.nq")
        assert after.headers["etag"] != before and b"https://example.org/extra" in after.content
        void = parse(fetch(url, "/.well-known/void", "text/turtle"), "text/turtle")
        assert int(void.value(URIRef(url + "/.well-known/void#dataset"), VOID.triples)) == after.content.count(b"\n")
    finally:
        stop(proc)


def test_rate_limit_applies_to_linked_data(corpus_store) -> None:
    url, proc = start_service(corpus_store, env={"SUANLI_RATE_LIMIT": "1", "SUANLI_RATE_BURST": "2"})
    try:
        codes = [httpx.get(url + "/resource/gansu-hub", headers={"Accept": "text/turtle"}).status_code for _ in range(4)]
        assert codes[:2] == [200, 200] and 429 in codes[2:]
    finally:
        stop(proc)


def test_json_ld_context_file_is_valid_json() -> None:
    from extract.resources import read_text

    assert "@context" in json.loads(read_text("kg.ontology", "context.jsonld"))


def test_a_downloaded_dump_checks_with_sha256sum(service, tmp_path) -> None:
    """`curl -O …/dump.trig && curl -O …/dump.trig.sha256 && sha256sum -c dump.trig.sha256`, as the README says."""
    import subprocess

    for name in ("dump.trig", "dump.nq"):
        (tmp_path / name).write_bytes(dump_of(service, "/" + name).content)
        (tmp_path / f"{name}.sha256").write_text(httpx.get(f"{service}/{name}.sha256").text, encoding="utf-8")
        done = subprocess.run(["sha256sum", "-c", f"{name}.sha256"], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.strip() == f"{name}: OK"
