"""Benchmarks, as ratios against a baseline run in the same process: `make bench`.

Extraction throughput against bare jieba segmentation of the same text (issue 3's goal:
extraction at least half as fast as segmentation alone), on three sets: the seed news pages
(real articles of 2–6k characters, when ../shared is present), the own test corpus and the
short sample corpus, where the fixed cost per document weighs most.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import jieba

from extract import read
from extract.text import clean

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seed news pages": ROOT.parent / "shared" / "seeds",
    "own test corpus": ROOT / "tests" / "corpus",
    "sample corpus": ROOT / "examples" / "corpus",
}


def timed(fn: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return time.perf_counter() - start


def ratio(raws: list[bytes], repeat: int = 5) -> tuple[int, float, float]:
    """Characters, segmentation time and extraction time over the same documents."""
    texts = [clean(raw).text for raw in raws]
    for raw in raws:  # warm caches and the spaCy pipelines
        read(raw)
    jieba.lcut("预热")
    seg = timed(lambda: [jieba.lcut(t) for t in texts], repeat)
    ext = timed(lambda: [read(raw) for raw in raws], repeat)
    return sum(map(len, texts)) * repeat, seg, ext


def main() -> None:
    print("| documents | characters | jieba chars/s | extraction chars/s | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for name, folder in SETS.items():
        files = sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".html")) if folder.exists() else []
        if not files:
            continue
        chars, seg, ext = ratio([p.read_bytes() for p in files])
        print(f"| {name} ({len(files)}) | {chars:,} | {chars / seg:,.0f} | {chars / ext:,.0f} | **{seg / ext:.2f}** |")


if __name__ == "__main__":
    main()
