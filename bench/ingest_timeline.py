"""Where the wall clock of `suanli ingest --jobs N` goes: a timeline of every process of the command (issue 19).

The command runs as a user runs it, through the CLI, with a `sitecustomize` hook on its path that times the
pipeline's stages in each process it starts (the writer, the workers' fork server, the workers): the writer's
start (imports, the files' check), the base graphs, the writer's warm-up, the wait for the workers' server, the
server's warm-up (the extractor), each document in a worker and in the writer. Nothing in the package is changed.

    PYTHONPATH=. python bench/ingest_timeline.py --docs 200 --jobs 2
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import documents  # noqa: E402

HOOK = '''
import os, sys, time, functools, importlib.abc, importlib.util
_LOG = os.environ["SUANLI_TIMELINE"]

def mark(event):
    with open(_LOG, "a") as f:
        f.write(f"{time.time():.4f} {os.getpid()} {time.process_time():.3f} {event}\\n")

mark("process start")
WRAP = {"kg.pipeline.ingest": ("ingest", "_write_all"), "kg.pipeline.base": ("current", "ensure_base_graphs"),
        "kg.pipeline.reader": ("prepare", "warm_up"), "kg.pipeline.write": ("store_checked", "warm_up"),
        "kg.pipeline.workers": ("start", "map_in_processes")}

def wrapped(module, name):
    real = getattr(module, name)
    @functools.wraps(real)
    def timed(*args, **kwargs):
        mark(f"{module.__name__.rsplit('.', 1)[-1]}.{name} start")
        try:
            return real(*args, **kwargs)
        finally:
            mark(f"{module.__name__.rsplit('.', 1)[-1]}.{name} end")
    return timed

class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in WRAP:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        loader = spec.loader
        real_exec = loader.exec_module
        def exec_module(module):
            real_exec(module)
            for name in WRAP[fullname]:
                setattr(module, name, wrapped(module, name))
        loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Finder())
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = documents(work / "docs", options.docs)
        (work / "hook").mkdir()
        (work / "hook" / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        log = work / "timeline.log"
        env = {**os.environ, "SUANLI_TIMELINE": str(log),
               "PYTHONPATH": os.pathsep.join([str(work / "hook"), os.environ.get("PYTHONPATH", "")])}
        print(f"{options.docs} documents, --jobs {options.jobs}, load average at start {os.getloadavg()[0]:.1f}")
        started = time.time()
        subprocess.run([sys.executable, "-m", "kg", "ingest", str(docs), "--store", str(work / "store"),
                        "--jobs", str(options.jobs)], check=True, env=env, stderr=subprocess.DEVNULL)
        wall = time.time() - started
        report(log.read_text().splitlines(), started, wall)


def report(lines: list[str], started: float, wall: float) -> None:
    """Per process: when it started, its stages (from–to, seconds of wall clock), the documents it handled, its CPU."""
    events: dict[int, list[tuple[float, float, str]]] = collections.defaultdict(list)
    for line in lines:
        at, pid, cpu, event = line.split(" ", 3)
        events[int(pid)].append((float(at) - started, float(cpu), event))
    print(f"wall clock {wall:.2f} s (times from the command's start)")
    for pid, marks in events.items():
        names = {e.rsplit(" ", 1)[0] for _, _, e in marks}
        role = ("writer" if "ingest.ingest" in names else "fork server" if "reader.warm_up" in names
                and "reader.prepare" in names and len(marks) < 20 else "worker" if "reader.prepare" in names else "other")
        print(f"pid {pid} ({role}): started at {marks[0][0]:.2f}, last mark at {marks[-1][0]:.2f}, "
              f"CPU {marks[-1][1]:.2f} s")
        open_at: dict[str, tuple[float, float]] = {}
        totals: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0, float("inf"), 0.0])
        for at, cpu, event in marks[1:]:
            name, edge = event.rsplit(" ", 1)
            if edge == "start":
                open_at[name] = (at, cpu)
            elif name in open_at:
                begin, cpu0 = open_at.pop(name)
                total = totals[name]
                total[0] += at - begin
                total[1] += cpu - cpu0
                total[2] += 1
                total[3] = min(total[3], begin)
                total[4] = max(total[4], at)
        for name, (seconds, cpu, count, first, last) in sorted(totals.items(), key=lambda kv: kv[1][3]):
            each = f", {1000 * seconds / count:.1f} ms each" if count > 1 else ""
            print(f"  {name:28s} {first:6.2f} → {last:6.2f}  {seconds:6.2f} s wall, {cpu:6.2f} s CPU, {count}×{each}")


if __name__ == "__main__":
    main()
