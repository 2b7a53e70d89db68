"""News scale: every path from documents to the store, on N generated documents (200 by default, 10,000 for the plan).

The documents are variants of examples/corpus: copy r of page p has its figures moved by a few percent (years,
dates, percentages and PUE left alone) and its new centers renamed (江城智算中心 → 江城三号智算中心), so each is a
new document with facts of its own, and copies of one page disagree now and then (conflict warnings), as pages of
a real crawl do. Every path runs through the CLI in a fresh store, as a user runs it:

- `ingest --jobs 1`, then the same documents again (all unchanged: the content-hash check),
- `ingest --jobs 2`,
- `extract --jobs 2` + `load --jobs 2`,
- `extract --engine dask` on a local cluster of two worker processes (started here), whose files must equal local's.

The cache of what the extractor and the base graphs build from data files is filled first, by one document
(printed: the cost of a machine's first run), so every path starts as any later run does.

For each: wall clock, CPU seconds of the whole process tree (workers, fork server), documents/s and documents per
CPU-second, the tree's peak memory (sum of PSS, so pages the workers share with their server count once; sampled
every 0.2 s) and the store's size on disk. The stores of
the two ingests and of extract + load are compared (`suanli export --format nquads`, byte for byte). The machine's
load average is printed with each line: on a shared machine the ratios hold within one run only.

    PYTHONPATH=. python bench/scale.py --docs 200
    PYTHONPATH=. nohup python bench/scale.py --docs 10000 > scale.log 2>&1 &
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
NUMERALS = "一二三四五六七八九十"
CENTER = re.compile(r"([\u4e00-\u9fff]{2,4}?)(智算中心|算力中心|超算中心)")
NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d.])")


def variant(text: str, copy: int) -> str:
    """Copy `copy` of a page: figures moved by 0–8 %, new centers renamed; the first copy is the page itself."""
    if copy == 0:
        return text
    factor = 1 + (copy % 5) * 0.02

    def figure(match: re.Match[str]) -> str:
        start, end, digits = match.start(), match.end(), match.group()
        after, before = match.string[end:end + 8].lstrip(), match.string[max(0, start - 8):start]
        year = re.fullmatch(r"(19|20)\d\d", digits) and not re.match(r"[A-Za-z万亿千架台]", after)
        if year or after[:1] in ("年", "月", "日", "-", "%", "％") or after.startswith(("percent", "per cent")) \
                or "PUE" in before or before.endswith("-"):
            return digits
        value = float(digits.replace(",", "")) * factor
        if "," in digits:
            return f"{round(value):,}"
        return f"{value:.2f}".rstrip("0").rstrip(".") if "." in digits or value != int(value) else str(int(value))

    renamed = CENTER.sub(lambda m: f"{m.group(1)}{NUMERALS[copy % 10]}号{m.group(2)}", text) if copy % 10 else text
    return NUMBER.sub(figure, renamed)


def documents(folder: Path, count: int) -> Path:
    """`count` documents: the sample corpus, then its variants, each with a line naming its copy."""
    folder.mkdir(parents=True)
    originals = sorted(CORPUS.iterdir())
    for i in range(count):
        source = originals[i % len(originals)]
        copy = i // len(originals)
        text = variant(source.read_text(encoding="utf-8"), copy)
        line = f"(第 {i} 份 copy {i})"
        text = text.replace("</body>", f"<p>{line}</p></body>") if source.suffix == ".html" else f"{text}\n{line}\n"
        (folder / f"{i:05d}_{source.name}").write_text(text, encoding="utf-8")
    return folder


@dataclass
class Run:
    name: str
    seconds: float
    cpu: float
    peak_mb: float
    load: float


def tree(root: psutil.Process) -> list[psutil.Process]:
    try:
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def suanli(name: str, *args: str, env: dict[str, str] | None = None) -> Run:
    """One CLI command, which must succeed: wall clock, CPU of its process tree, the tree's peak PSS."""
    started = time.perf_counter()
    # messages to a file: a pipe nobody reads while the command runs fills with its warnings and stops it
    messages = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL, stderr=messages,
                            env={**os.environ, **(env or {})})
    root = psutil.Process(proc.pid)
    cpu: dict[int, float] = {}
    peak = 0
    while proc.poll() is None:
        rss = 0
        for p in tree(root):
            try:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
                rss += p.memory_full_info().pss  # shared pages (a fork server's) counted once
            except psutil.NoSuchProcess:
                continue
        peak = max(peak, rss)
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    messages.seek(0)
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed: {messages.read().decode()[-2000:]}")
    return Run(name, seconds, sum(cpu.values()), peak / 2**20, os.getloadavg()[0])


def dump_digest(store: Path) -> str:
    target = Path(f"{store}.nq")
    subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(store), "--format", "nquads", "-o", str(target)],
                   check=True, capture_output=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    target.unlink()
    return digest


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def files_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def report(run: Run, count: int, store: Path | None, base: float) -> None:
    size = f"{size_mb(store):.0f}" if store is not None and store.exists() else "–"
    print(f"| {run.name} | {run.seconds:.1f} | {run.seconds / base:.2f} | {count / run.seconds:.1f} | "
          f"{count / max(run.cpu, 1e-9):.1f} | {run.cpu:.0f} | {run.peak_mb:.0f} | {size} | {run.load:.1f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=int(os.environ.get("SUANLI_BENCH_DOCS", "200")))
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask path")
    options = parser.parse_args()
    count = options.docs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = documents(work / "docs", count)
        print(f"{count} documents ({size_mb(docs):.1f} MB), {os.cpu_count()} CPUs, load average at start "
              f"{os.getloadavg()[0]:.1f}; wall clock through the CLI", flush=True)
        # every path with the cache filled (the segmenter's dictionary, the base graphs: `extract.resources.cached`),
        # as on any run but a machine's first; the first run's extra cost is printed here
        os.environ["SUANLI_CACHE"] = str(work / "cache")
        first = suanli("fill the cache (1 document)", "ingest", str(sorted(docs.iterdir())[0]), "--store",
                       str(work / "first"), "--jobs", "1")
        warm = suanli("the same with the cache filled", "ingest", str(sorted(docs.iterdir())[0]), "--store",
                      str(work / "second"), "--jobs", "1")
        print(f"one document into a new store: {first.seconds:.1f} s ({first.cpu:.1f} CPU-s) with an empty cache, "
              f"{warm.seconds:.1f} s ({warm.cpu:.1f} CPU-s) with it filled", flush=True)
        print("| run | seconds | ratio to ingest --jobs 1 | documents/s | documents per CPU-s | CPU s | peak MB | "
              "store MB | load avg |", flush=True)
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
        one = suanli("ingest --jobs 1", "ingest", str(docs), "--store", str(work / "one"), "--jobs", "1")
        report(one, count, work / "one", one.seconds)
        again = suanli("ingest again (all unchanged)", "ingest", str(docs), "--store", str(work / "one"))
        report(again, count, None, one.seconds)
        two = suanli("ingest --jobs 2", "ingest", str(docs), "--store", str(work / "two"), "--jobs", "2")
        report(two, count, work / "two", one.seconds)
        extract = suanli("extract --jobs 2", "extract", str(docs), "--out", str(work / "out"), "--jobs", "2")
        report(extract, count, None, one.seconds)
        load = suanli("load --jobs 2", "load", str(work / "out"), "--store", str(work / "loaded"), "--jobs", "2")
        report(load, count, work / "loaded", one.seconds)
        both = Run("extract --jobs 2 + load --jobs 2", extract.seconds + load.seconds, extract.cpu + load.cpu,
                   max(extract.peak_mb, load.peak_mb), load.load)
        report(both, count, work / "loaded", one.seconds)
        if not options.no_dask:
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                              dashboard_address=None) as cluster:
                dask = suanli("extract --engine dask (2 local workers)", "extract", str(docs), "--out",
                              str(work / "dask"), "--engine", "dask", "--scheduler", cluster.scheduler_address)
            report(dask, count, None, one.seconds)
            print(f"dask's files equal local's: {files_digest(work / 'dask') == files_digest(work / 'out')} "
                  "(its CPU column counts the CLI only, not the cluster's workers)", flush=True)
        reference = dump_digest(work / "one")
        print(f"ingest --jobs 2 store equals --jobs 1: {dump_digest(work / 'two') == reference}; "
              f"extract + load store equals ingest: {dump_digest(work / 'loaded') == reference}", flush=True)
        shutil.rmtree(work / "out", ignore_errors=True)


if __name__ == "__main__":
    main()
