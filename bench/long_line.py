"""Reading cost of one long line with no full stop (a hostile or broken page): it must grow linearly.

    python bench/long_line.py     # prints seconds for 256 KB and 1 MB of one line, and their ratio (goal: at most ~5x)

The text is generated here (figures and names in clauses separated by commas), not taken from any page.
"""

from __future__ import annotations

import random
import time

from extract import read


def one_line(size: int) -> str:
    rng = random.Random(7)
    parts, total, i = [], 0, 0
    while total < size:
        part = f"第{i}号项目青枫智算中心{i}期位于芜湖,规划建设{rng.randint(100, 9999)}P智能算力,机架{rng.randint(100, 9999)}个,"
        parts.append(part)
        total += len(part.encode())
        i += 1
    return "".join(parts)


def main() -> None:
    read(one_line(4096))  # models and tables loaded outside the timing
    timings = {}
    for size in (256 * 1024, 1024 * 1024):
        text = one_line(size)
        started = time.perf_counter()
        read(text)
        timings[size] = time.perf_counter() - started
        print(f"{size // 1024} KB one line: {timings[size]:.2f} s")
    print(f"1 MB / 256 KB: {timings[1024 * 1024] / timings[256 * 1024]:.2f}x (linear would be 4x)")


if __name__ == "__main__":
    main()
