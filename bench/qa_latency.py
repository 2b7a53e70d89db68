"""Answer latency over a synthetic graph of about one million triples: `make bench`.

The graph grows the way a deployment does: the reference world (8 hubs, 10 clusters, the
provinces and cities) stays one, and the news grows. The sample corpus is really ingested, then
its documents are copied: each copy renames what the documents bring (documents, graphs, facts,
and the new entities they name: centers, parks, companies) and suffixes those entities' labels
with " s<k>", while figures about reference entities (the Tianfu cluster, the Gansu hub …)
accumulate from every copy, as repeated news does. The question set is the project's own
(tests/questions); a question about a document entity is pointed at one copy by the same suffix.

Two measures: the time of `ask()` per question (median, p95 and per question type; the
vocabulary is built once per open store and reported apart), and the overhead of `/ask` on a
real uvicorn server against running the same generated SPARQL on the store directly.
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import uvicorn

from extract.text import fold
from kg.graph.rdf import ontology_graph_iri, reference_graph_iri
from kg.graph.store import LocalStore
from kg.graph.summary import rebuild as rebuild_summary
from kg.graph.summary import summary_graph_iri
from kg.pipeline.ingest import ingest
from kg.qa.ask import ask
from kg.qa.understand import vocabulary
from kg.web.server import create_app

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/suanli/resource/"
TARGET = int(os.environ.get("SUANLI_BENCH_TRIPLES", "1000000"))
QUESTIONS = json.loads((ROOT / "tests" / "questions" / "sample_questions.json").read_text(encoding="utf-8"))
_RESOURCE = re.compile(r"<" + re.escape(BASE) + r"([^>]*)>")
_LABEL = re.compile(r'^(.* <http://www\.w3\.org/(?:2000/01/rdf-schema#label|2004/02/skos/core#altLabel)> )"(.*)"(@[\w-]+ .*)$')


def copy_of(nquads: list[str], k: int, shared: set[str]) -> str:
    """One renamed copy of the document graphs: what is not in `shared` moves under s<k>/ and gets " s<k>" labels."""
    out = []
    for line in nquads:
        subject = line.split(" ", 1)[0]
        line = _RESOURCE.sub(lambda m: m.group(0) if m.group(0) in shared else f"<{BASE}s{k}/{m.group(1)}>", line)
        if subject not in shared and (m := _LABEL.match(line)) is not None:
            line = f'{m.group(1)}"{m.group(2)} s{k}"{m.group(3)}'
        out.append(line)
    return "\n".join(out) + "\n"


def build(directory: Path, target: int = TARGET) -> tuple[LocalStore, int, LocalStore]:
    """The synthetic store, the number of copies, and the sample store it was copied from."""
    seed = LocalStore(None)
    ingest([ROOT / "examples" / "corpus"], store=seed, base=BASE)
    base_graphs = {f"<{ontology_graph_iri(BASE)}>", f"<{reference_graph_iri(BASE)}>"}
    lines = [ln for ln in seed.oxigraph.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines() if ln]
    fixed = [ln for ln in lines if ln.rstrip(" .").rsplit(" ", 1)[-1] in base_graphs]
    derived = f"<{summary_graph_iri(BASE)}>"  # rebuilt below, never copied
    documents = [ln for ln in lines if ln.rstrip(" .").rsplit(" ", 1)[-1] not in base_graphs | {derived}]
    shared = {ln.split(" ", 1)[0] for ln in fixed if ln.startswith(f"<{BASE}")}
    copies = max(1, (target - len(fixed)) // len(documents) + 1)
    store = LocalStore(directory)
    store.oxigraph.bulk_load(("\n".join(fixed) + "\n").encode(), format=ox.RdfFormat.N_QUADS)
    for start in range(0, copies, 200):
        text = "".join(copy_of(documents, k, shared) for k in range(start, min(copies, start + 200)))
        store.oxigraph.bulk_load(text.encode(), format=ox.RdfFormat.N_QUADS)
    started = time.perf_counter()
    rebuild_summary(store, BASE)  # the copies bypassed ingest, which keeps the summary graph current
    print(f"summary graph rebuilt from every document in {time.perf_counter() - started:.1f} s")
    return store, copies, seed


def pointed(question: str, seed: LocalStore, reference: set[str], k: int) -> str:
    """The question with every document entity it names (not in `reference`) suffixed, so it asks about copy k."""
    out, last = [], 0
    for _start, end, iri in vocabulary(seed).find(fold(question).lower()):
        if iri not in reference:
            out += [question[last:end], f" s{k}"]
            last = end
    return "".join(out) + question[last:]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def serve(store: LocalStore) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(backend=store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store, copies, seed = build(Path(tmp) / "store")
        triples = len(store.oxigraph)
        print(f"synthetic graph: {triples:,} triples ({copies} copies of the sample documents), "
              f"built in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        vocabulary(store)
        vocab_seconds = time.perf_counter() - started
        print(f"vocabulary (once per open store): {vocab_seconds:.1f} s")
        reference = {r["s"]["value"] for r in seed.select(
            f"SELECT DISTINCT ?s WHERE {{ GRAPH <{reference_graph_iri(BASE)}> {{ ?s ?p ?o }} }}").rows}
        questions = [pointed(q["question"], seed, reference, i % copies) for i, q in enumerate(QUESTIONS)]
        for q in questions[:5]:
            ask(q, store=store)
        latencies, sparqls = [], []
        by_type: dict[str, list[float]] = {}
        for q, source in zip(questions, QUESTIONS, strict=True):
            t = time.perf_counter()
            result = ask(q, store=store)
            latencies.append((time.perf_counter() - t) * 1000)
            by_type.setdefault(source["type"], []).append(latencies[-1])
            sparqls.append(result["sparql"])
        print(f"ask() over {len(questions)} questions: median {statistics.median(latencies):.1f} ms, "
              f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms")
        print("| question type | n | median ms | max ms |\n| --- | --- | --- | --- |")
        for name, values in by_type.items():
            print(f"| {name} | {len(values)} | {statistics.median(values):.0f} | {max(values):.0f} |")
        server, url = serve(store)
        http, direct = [], []
        with httpx.Client(timeout=60) as client:
            for q, sparql in zip(questions, sparqls, strict=True):
                t = time.perf_counter()
                client.get(f"{url}/ask", params={"q": q}).raise_for_status()
                http.append((time.perf_counter() - t) * 1000)
                if sparql:
                    t = time.perf_counter()
                    store.select(sparql)
                    direct.append((time.perf_counter() - t) * 1000)
        server.should_exit = True
        print(f"/ask over HTTP: median {statistics.median(http):.1f} ms, p95 {percentile(http, 0.95):.1f} ms")
        print(f"its SPARQL run directly: median {statistics.median(direct):.1f} ms, p95 {percentile(direct, 0.95):.1f} ms")
        print(f"overhead ratio /ask ÷ direct SPARQL: median {statistics.median(http) / statistics.median(direct):.2f}, "
              f"p95 {percentile(http, 0.95) / percentile(direct, 0.95):.2f}")
        slow = sorted(zip(latencies, questions, strict=True), reverse=True)[:5]
        print("slowest:", "; ".join(f"{ms:.0f} ms {q}" for ms, q in slow))
        store.close()


if __name__ == "__main__":
    main()
