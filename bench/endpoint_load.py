"""Load on /sparql against a bare Oxigraph server and rdflib-endpoint, on the same data, in one run: `make bench`.

The data is the synthetic graph of bench/qa_latency.py at SUANLI_LOAD_TRIPLES (default 100,000)
triples. Three servers answer it on loopback: `suanli serve` (the embedded store, query workers,
rate limit off), `oxigraph serve-read-only` over a copy of the same store, and rdflib-endpoint over
the summary graph (which is our default graph). Each server gets the same question over the same
triples: ours reads its default graph, Oxigraph is told `FROM <summary>`, rdflib's default graph
is the summary.

50 clients (httpx, asyncio) send one query for SUANLI_LOAD_SECONDS (default 60) each; then ours
runs the small query again with one of the 50 clients sending a runaway query instead. Reported
per phase: requests/s, p50/p99 latency, errors, and requests per CPU-second of the server's
processes (the load generator shares the two cores, so per CPU-second is the fair measure).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_latency import BASE, build  # noqa: E402

from kg.graph.summary import summary_graph_iri  # noqa: E402

TRIPLES = int(os.environ.get("SUANLI_LOAD_TRIPLES", "100000"))
SECONDS = float(os.environ.get("SUANLI_LOAD_SECONDS", "60"))
CLIENTS = 50
SUMMARY = str(summary_graph_iri(BASE))
PREFIXES = ("PREFIX sl: <https://w3id.org/suanli/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
QUERIES = {
    "small: 8 hubs": "SELECT ?hub ?label {FROM} WHERE { ?hub a sl:Hub ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), 'en')) }",
    "small: one cluster's figures": "SELECT ?metric ?value {FROM} WHERE { ?f a sl:MergedFact ; sl:subject ?c ; sl:metric ?metric ; "
                                    "sl:value ?value . ?c rdfs:label 'Qingyang data center cluster'@en }",
    "join: 300 rows": "SELECT ?center ?label ?place ?placeLabel {FROM} WHERE { ?center a sl:Center ; rdfs:label ?label ; "
                      "sl:locatedIn ?place . ?place rdfs:label ?placeLabel "
                      "FILTER(LANGMATCHES(LANG(?label), 'en') && LANGMATCHES(LANG(?placeLabel), 'en')) } LIMIT 300",
}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def query_for(name: str, server: str) -> str:
    dataset = f"FROM <{SUMMARY}>" if server == "oxigraph" else ""
    return PREFIXES + QUERIES[name].replace("{FROM}", dataset)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], url: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    for _ in range(1200):
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return proc
            time.sleep(0.1)
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{command[0]} did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


async def load(url: str, query: str, seconds: float, runaway: bool = False) -> dict[str, float]:
    """CLIENTS clients (aiohttp, keep-alive) sending `query` for `seconds`; with `runaway`, one sends RUNAWAY instead."""
    import aiohttp

    latencies: list[float] = []
    errors = 0
    runaway_statuses: list[int] = []
    deadline = time.perf_counter() + seconds
    headers = {"Accept": "application/sparql-results+json"}

    async def client(http: aiohttp.ClientSession, text: str, record: bool) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                async with http.get(url, params={"query": text}, headers=headers) as response:
                    await response.read()
                    status = response.status
            except aiohttp.ClientError:
                status = 0
            if record:
                latencies.append(time.perf_counter() - started)
                errors += status != 200
            else:
                runaway_statuses.append(status)

    connector = aiohttp.TCPConnector(limit=CLIENTS + 1)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as http:
        tasks = [client(http, RUNAWAY if runaway and i == 0 else query, not (runaway and i == 0)) for i in range(CLIENTS)]
        started = time.perf_counter()
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "errors": errors,
            "p50": 1000 * statistics.median(latencies) if latencies else 0,
            "p95": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0,
            "p99": 1000 * latencies[int(0.99 * (len(latencies) - 1))] if latencies else 0,
            "runaway": runaway_statuses}


class CpuMeter:
    """CPU seconds used by a server and its child processes, sampled often so killed workers still count."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.root = psutil.Process(proc.pid)
        self.start = self._sample()
        self.last = dict(self.start)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _sample(self) -> dict[int, float]:
        seen = {}
        for p in [self.root, *self.root.children(recursive=True)]:
            try:
                times = p.cpu_times()
                seen[p.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return seen

    def _run(self) -> None:
        while not self.done.wait(0.2):
            self.last.update(self._sample())

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        self.last.update(self._sample())
        return sum(self.last.values()) - sum(self.start.values())


def measure(proc: subprocess.Popen, url: str, query: str, seconds: float, runaway: bool = False) -> dict[str, float]:
    meter = CpuMeter(proc)
    result = asyncio.run(load(url, query, seconds, runaway))
    result["cpu"] = meter.stop()
    result["per_cpu"] = result["requests"] / result["cpu"] if result["cpu"] else 0.0
    return result


def main() -> None:
    binary = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "store"
        started = time.perf_counter()
        store, _, seed = build(directory, TRIPLES)
        triples = store.count()
        summary_nt = Path(tmp) / "summary.nt"
        import pyoxigraph as ox

        summary_nt.write_bytes(ox.serialize((q.triple for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(SUMMARY))),
                                            format=ox.RdfFormat.N_TRIPLES) or b"")
        store.close()
        seed.close()
        copy = Path(tmp) / "oxigraph"
        shutil.copytree(directory, copy)
        print(f"{triples:,} triples built in {time.perf_counter() - started:.0f} s; {CLIENTS} clients, {SECONDS:g} s a phase, "
              f"{os.cpu_count()} CPUs")

        ports = {name: free_port() for name in ("ours", "oxigraph", "rdflib")}
        urls = {"ours": f"http://127.0.0.1:{ports['ours']}/sparql", "oxigraph": f"http://127.0.0.1:{ports['oxigraph']}/query",
                "rdflib": f"http://127.0.0.1:{ports['rdflib']}/"}
        servers = {
            "ours": start([str(binary / "suanli"), "serve", "--store", str(directory), "--port", str(ports["ours"]),
                           "--timeout", "5"], urls["ours"], {"SUANLI_RATE_LIMIT": "0"}),
            "oxigraph": start([str(binary / "oxigraph"), "serve-read-only", "--location", str(copy), "--bind",
                               f"127.0.0.1:{ports['oxigraph']}"], urls["oxigraph"]),
        }
        results: dict[tuple[str, str], dict[str, float]] = {}
        try:
            for name in QUERIES:
                for server in ("ours", "oxigraph"):
                    check = httpx.get(urls[server], params={"query": query_for(name, server)},
                                      headers={"Accept": "application/sparql-results+json"}).json()
                    rows = len(check["results"]["bindings"])
                    results[(server, name)] = measure(servers[server], urls[server], query_for(name, server), SECONDS)
                    report(server, name, rows, results[(server, name)])
            name = "small: 8 hubs"
            results[("ours", "runaway")] = measure(servers["ours"], urls["ours"], query_for(name, "ours"), SECONDS, runaway=True)
            report("ours", f"{name} + 1 runaway client", 8, results[("ours", "runaway")])
            servers["rdflib"] = start([str(binary / "rdflib-endpoint"), "serve", str(summary_nt), "--host", "127.0.0.1",
                                       "--port", str(ports["rdflib"])], urls["rdflib"])
            for name in ("small: 8 hubs", "join: 300 rows"):
                check = httpx.get(urls["rdflib"], params={"query": query_for(name, "rdflib")}, timeout=120,
                                  headers={"Accept": "application/sparql-results+json"}).json()
                results[("rdflib", name)] = measure(servers["rdflib"], urls["rdflib"], query_for(name, "rdflib"),
                                                    min(SECONDS, 20))
                report("rdflib", name, len(check["results"]["bindings"]), results[("rdflib", name)])
        finally:
            for proc in servers.values():
                proc.terminate()
                proc.wait(20)
        print()
        print("| query | ours / Oxigraph (req per CPU-s) | ours / Oxigraph (req/s) | ours / rdflib-endpoint (req per CPU-s) |")
        print("| --- | --- | --- | --- |")
        for name in QUERIES:
            ours, ox_, rdf = results[("ours", name)], results[("oxigraph", name)], results.get(("rdflib", name))
            vs_rdflib = f"{ours['per_cpu'] / rdf['per_cpu']:.1f}×" if rdf and rdf["per_cpu"] else "–"
            print(f"| {name} | {ours['per_cpu'] / ox_['per_cpu']:.2f}× | {ours['rps'] / ox_['rps']:.2f}× | {vs_rdflib} |")
        calm, stormy = results[("ours", "small: 8 hubs")], results[("ours", "runaway")]
        print(f"\nrunaway: the other 49 clients' p95 {calm['p95']:.1f} ms without it, {stormy['p95']:.1f} ms with it "
              f"(ratio {stormy['p95'] / calm['p95']:.2f}); the runaway client got {sorted(set(stormy['runaway']))}")


def report(server: str, name: str, rows: int, r: dict[str, float]) -> None:
    print(f"{server:9} {name:40} rows {rows:4}  {r['rps']:8.0f} req/s  p50 {r['p50']:7.1f} ms  p99 {r['p99']:7.1f} ms  "
          f"errors {r['errors']:3}  server CPU {r['cpu']:6.1f} s  {r['per_cpu']:7.0f} req/CPU-s", flush=True)


if __name__ == "__main__":
    main()
