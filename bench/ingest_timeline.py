"""Where the wall clock of `suanli ingest --jobs N` goes: a timeline of every process of the command (issue 19).

The command runs as a user runs it, through the CLI, with a `sitecustomize` hook on its path that times the
pipeline's stages in each process it starts (the writer, the workers' fork server, the workers): the writer's
start (imports, the files' check), the base graphs, the writer's warm-up, the wait for the workers' server, the
server's warm-up (the extractor), each document in a worker and in the writer. Nothing in the package is changed.

    PYTHONPATH=. python bench/ingest_timeline.py --docs 200 --jobs 1,2

It prints each process's stages, and a model of the wall clock on two free cores from the CPU each stage took,
since on a shared machine the wall clock mostly measures the other sessions.
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
    parser.add_argument("--jobs", default="1,2", help="the runs, one per number of jobs, each into a fresh store")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = documents(work / "docs", options.docs)
        (work / "hook").mkdir()
        (work / "hook" / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        cache = {"SUANLI_CACHE": str(work / "cache")}
        subprocess.run([sys.executable, "-m", "kg", "ingest", str(sorted(docs.iterdir())[0]), "--store",
                        str(work / "first")], check=True, env={**os.environ, **cache}, stderr=subprocess.DEVNULL)
        totals = {}
        for jobs in [int(j) for j in options.jobs.split(",")]:
            log = work / f"timeline-{jobs}.log"
            env = {**os.environ, **cache, "SUANLI_TIMELINE": str(log),
                   "PYTHONPATH": os.pathsep.join([str(work / "hook"), os.environ.get("PYTHONPATH", "")])}
            print(f"\n{options.docs} documents, --jobs {jobs}, load average at start {os.getloadavg()[0]:.1f}")
            started = time.time()
            subprocess.run([sys.executable, "-m", "kg", "ingest", str(docs), "--store", str(work / f"store-{jobs}"),
                            "--jobs", str(jobs)], check=True, env=env, stderr=subprocess.DEVNULL)
            totals[jobs] = report(log.read_text().splitlines(), started, time.time() - started, options.docs)
        if 1 in totals and len(totals) > 1:
            for jobs, modelled in totals.items():
                if jobs > 1:
                    print(f"\nCPU of --jobs 1 / modelled wall clock of --jobs {jobs} on 2 free cores: "
                          f"{totals[1]:.2f} / {modelled:.2f} s = {totals[1] / modelled:.2f}x")


def report(lines: list[str], started: float, wall: float, count: int) -> float:
    """Per process: when it started, its stages (from–to, seconds of wall clock and of CPU), the documents it handled.

    Returns, for one job, the CPU seconds of the command; for more, its wall clock modelled on two cores that nothing
    else uses (the machine is shared, so the measured one says little): the writer alone until it starts the workers'
    server; the server's warm-up, while the writer does the rest of its start; then the documents, as fast as the
    writer (which the workers yield to) or the two cores together allow; then the last document's worker share.
    """
    events: dict[int, list[tuple[float, float, str]]] = collections.defaultdict(list)
    for line in lines:
        at, pid, cpu, event = line.split(" ", 3)
        events[int(pid)].append((float(at) - started, float(cpu), event))
    print(f"wall clock {wall:.2f} s (times from the command's start)")
    cpu_of: dict[str, dict[str, float]] = collections.defaultdict(lambda: collections.defaultdict(float))
    for pid, marks in events.items():
        names = {e.rsplit(" ", 1)[0] for _, _, e in marks}
        prepared = sum(1 for _, _, e in marks if e == "reader.prepare end")
        role = ("writer" if "ingest.ingest" in names else "fork server" if "reader.warm_up" in names
                else "worker" if "reader.prepare" in names else "other")
        print(f"pid {pid} ({role}): started at {marks[0][0]:.2f}, last mark at {marks[-1][0]:.2f}, "
              f"CPU {marks[-1][1]:.2f} s")
        cpu_of[role]["total"] += marks[-1][1]
        open_at: dict[str, tuple[float, float]] = {}
        totals: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0, float("inf"), 0.0])
        for at, cpu, event in marks[1:]:
            name, edge = event.rsplit(" ", 1)
            if edge == "start":
                open_at[name] = (at, cpu)
                if name == "workers.start":
                    cpu_of[role]["before workers.start"] = cpu
            elif name in open_at:
                begin, cpu0 = open_at.pop(name)
                total = totals[name]
                total[0] += at - begin
                total[1] += cpu - cpu0
                total[2] += 1
                total[3] = min(total[3], begin)
                total[4] = max(total[4], at)
        for name, (seconds, cpu, times, first, last) in sorted(totals.items(), key=lambda kv: kv[1][3]):
            each = f", {1000 * cpu / times:.1f} ms CPU each" if times > 1 else ""
            print(f"  {name:28s} {first:6.2f} → {last:6.2f}  {seconds:6.2f} s wall, {cpu:6.2f} s CPU, {times}×{each}")
            cpu_of[role][name] += cpu
        del prepared
    writer, server, workers = cpu_of["writer"], cpu_of["fork server"], cpu_of["worker"]
    if not workers:
        return writer["total"] + cpu_of["other"]["total"]
    per_write = writer["write.store_checked"] / count
    per_read = workers["reader.prepare"] / count
    start = writer["before workers.start"]
    ready = max(start + server["total"], writer["total"] - writer["ingest._write_all"])
    modelled = ready + count * max(per_write, (per_write + per_read) / 2) + per_read
    print(f"modelled on 2 free cores: the writer starts the server at {start:.2f} s (CPU), the server is ready at "
          f"{start + server['total']:.2f}, the writer at {writer['total'] - writer['ingest._write_all']:.2f}; "
          f"then {count} documents at max(writer {1000 * per_write:.1f}, (writer + worker {1000 * per_read:.1f}) / 2) "
          f"ms each: {modelled:.2f} s")
    return modelled


if __name__ == "__main__":
    main()
