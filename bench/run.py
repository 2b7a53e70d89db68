"""Benchmarks, as ratios against a baseline run in the same process: `make bench`.

Extraction throughput against bare jieba segmentation of the same text (issue 3's goal:
extraction at least half as fast as segmentation alone).
"""

from __future__ import annotations

import time
from pathlib import Path

import jieba

from extract import read

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "examples" / "corpus").glob("*.txt"))


def timed(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return time.perf_counter() - start


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in CORPUS] * 20
    chars = sum(len(t) for t in texts)
    jieba.lcut("预热")
    read(texts[0])
    seg = timed(lambda: [jieba.lcut(t) for t in texts], 3)
    ext = timed(lambda: [read(t) for t in texts], 3)
    print(f"characters: {chars * 3}")
    print(f"jieba segmentation: {chars * 3 / seg:,.0f} chars/s")
    print(f"extraction:         {chars * 3 / ext:,.0f} chars/s")
    print(f"ratio extraction/segmentation: {seg / ext:.3f}")


if __name__ == "__main__":
    main()
