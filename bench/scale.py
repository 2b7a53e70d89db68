"""News scale: `ingest --jobs 1` against `ingest --jobs 2` against `extract --jobs 2` + `load`, on 200 documents.

The documents are copies of examples/corpus, each with a line of its own (so each is a new document with
its own content hash and the same facts). Every run goes through the CLI in a fresh store, as a user runs
it; times are wall clock, shown as ratios to `ingest --jobs 1`. The extract+load store is checked to equal
the ingested one. Results go into BENCHMARKS.md by hand.

    PYTHONPATH=. python bench/scale.py            # SUANLI_BENCH_DOCS=200 by default
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
DOCUMENTS = int(os.environ.get("SUANLI_BENCH_DOCS", "200"))


def suanli(*args: str) -> float:
    """Seconds one CLI command takes; it must succeed."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def documents(folder: Path, count: int) -> Path:
    """`count` copies of the sample corpus, each told apart by a line naming its copy."""
    folder.mkdir()
    originals = sorted(CORPUS.iterdir())
    for i in range(count):
        source = originals[i % len(originals)]
        text = source.read_text(encoding="utf-8")
        line = f"(第 {i} 份副本 copy {i})"
        text = text.replace("</body>", f"<p>{line}</p></body>") if source.suffix == ".html" else f"{text}\n{line}\n"
        (folder / f"{i:04d}_{source.name}").write_text(text, encoding="utf-8")
    return folder


def dump(store: Path) -> bytes:
    target = Path(f"{store}.nq")
    suanli("export", "--store", str(store), "--format", "nquads", "-o", str(target))
    return target.read_bytes()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = documents(work / "docs", DOCUMENTS)
        one = suanli("ingest", str(docs), "--store", str(work / "one"), "--jobs", "1")
        two = suanli("ingest", str(docs), "--store", str(work / "two"), "--jobs", "2")
        extract = suanli("extract", str(docs), "--out", str(work / "out"), "--jobs", "2")
        load = suanli("load", str(work / "out"), "--store", str(work / "loaded"))
        same = dump(work / "loaded") == dump(work / "one")
    print(f"{DOCUMENTS} documents, {os.cpu_count()} CPUs; wall clock through the CLI")
    print("| run | seconds | ratio to ingest --jobs 1 |")
    print("| --- | ---: | ---: |")
    for name, seconds in (("ingest --jobs 1", one), ("ingest --jobs 2", two), ("extract --jobs 2", extract),
                          ("load", load), ("extract --jobs 2 + load", extract + load)):
        print(f"| {name} | {seconds:.1f} | {seconds / one:.2f} |")
    print(f"load's store equals ingest's: {same}")


if __name__ == "__main__":
    main()
