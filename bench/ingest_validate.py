"""Per-document ingest-and-validate time on a small and a large store: `make bench`.

Two stores grown the way `bench/qa_latency.py` grows one (the reference world once, the sample
documents copied), one of about 10k and one of about 1M triples. Into each, the same new
documents are ingested one at a time: news about reference clusters and hubs (whose figures the
copies have repeated hundreds of times in the large store) and about a new center. Each ingest
reads, validates in context (kg.pipeline.validate.context) and writes the document and its summary
changes in one update. The goal: the large store's median per document within 1.5× the small one's.
The full validation (`suanli validate`, every stored document again in its context) is measured
per document, on the new documents: its cost grows with the number of documents, by design.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_latency import BASE, build  # noqa: E402

from kg.graph.store import LocalStore  # noqa: E402
from kg.pipeline.ingest import ingest  # noqa: E402
from kg.pipeline.write import recheck  # noqa: E402

NEWS = [
    "{y}年,庆阳数据中心集群算力规模达到{n}万P,可再生能源占比超过80%。",
    "甘肃枢纽节点规划到{y}年标准机架达到{n}万架,总投资{n}0亿元。",
    "{y}年,中卫数据中心集群新增智能算力{n}千P,PUE降至1.2。",
    "In {y}, the Tianfu data center cluster reached {n},000 PFLOPS of computing power.",
    "{y}年,测试{n}号智算中心在芜湖数据中心集群建成投用,智能算力达到{n}00P。",
]
DOCUMENTS = int(os.environ.get("SUANLI_BENCH_DOCS", "20"))


def per_document(store_dir: Path, target: int, texts: Path) -> tuple[int, list[float], list[float], int]:
    """Triples, ingest times per new document, full-validation times per stored document, documents stored."""
    store, _, seed = build(store_dir, target)
    seed.close()
    # closed and opened again, as `suanli ingest` opens a store in service: the handle that just
    # bulk-loaded and rebuilt the summary (its write buffers full, compaction running) made every
    # ingest after it slower by half at 1M triples
    store.close()
    store = LocalStore(store_dir)
    triples = len(store.oxigraph)
    ingest(sorted(texts.glob("warm-*.txt")), store=store, base=BASE)  # the extractor loads each language's models once
    times = []
    for path in sorted(texts.glob("doc-*.txt")):
        started = time.perf_counter()
        ingest([path], store=store, base=BASE)
        times.append((time.perf_counter() - started) * 1000)
    # the copies that grew the store share their originals' content hashes, so the documents just
    # ingested are the ones whose graphs are named as `suanli validate` names them
    rechecks = []
    for path in sorted(texts.glob("doc-*.txt")):
        started = time.perf_counter()
        recheck(store, base=BASE, content_hash=hashlib.sha256(path.read_bytes()).hexdigest())
        rechecks.append((time.perf_counter() - started) * 1000)
    documents = int(store.select("SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?d a "
                                 "<https://w3id.org/suanli/ontology#SourceDocument> } }").values("n")[0])
    store.close()
    return triples, times, rechecks, documents


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts"
        texts.mkdir()
        (texts / "warm-zh.txt").write_text("2020年,庆阳数据中心集群算力规模达到1万P。", encoding="utf-8")
        (texts / "warm-en.txt").write_text("In 2020, the Qingyang cluster reached 10,000 PFLOPS.", encoding="utf-8")
        for i in range(DOCUMENTS):
            text = NEWS[i % len(NEWS)].format(y=2021 + i % 6, n=2 + i)
            (texts / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
        results = {}
        for name, target in (("10k", 10_000), ("1M", int(os.environ.get("SUANLI_BENCH_TRIPLES", "1000000")))):
            started = time.perf_counter()
            triples, times, rechecks, documents = per_document(Path(tmp) / name, target, texts)
            results[name] = statistics.median(times)
            print(f"{name}: {triples:,} triples (built in {time.perf_counter() - started:.0f} s); ingest per document: "
                  f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over {len(times)} documents")
            per = statistics.median(rechecks)
            print(f"  full validation: {documents:,} documents at a median {per:.0f} ms each "
                  f"(measured on {len(rechecks)}), about {documents * per / 1000:,.0f} s in all")
        print(f"ratio 1M ÷ 10k (median per document): {results['1M'] / results['10k']:.2f} (goal: below 1.5)")


if __name__ == "__main__":
    main()
