"""The worker processes of ingest and extract, forked from a fork server that has the extractor loaded.

Not a fork of the calling process: an open store has threads of its own, and a process must have none
when it forks. The server imports `kg.pipeline.warm`, which loads the extractor and the shapes once
(seconds), and each worker is forked from it ready to read. This module imports nothing heavy, so a
command can start the server first (`start`), and the server loads while the command does its own work.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import Any

PRELOAD = ("kg.pipeline.warm",)


def start(preload: Sequence[str] = PRELOAD) -> None:
    """Start the fork server now (it loads `preload` in the background); `map_in_processes` then uses it.

    Call it with the preload `map_in_processes` will be given: a running server keeps the one it started with.
    """
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(preload))
    forkserver.ensure_running()


def map_in_processes(work: Callable[[Any], Any], items: list[Any], jobs: int,
                     preload: Sequence[str] = PRELOAD) -> Generator[Any, None, None]:
    """`work` over `items`, yielded in order as they come; in `jobs` processes of the fork server when there is more
    than one item. The workers start at once, before the first result is asked for; `close()` the generator
    to stop them.

    `work` must be a module-level function of a module in `preload` (or imported by one), so workers
    forked from the server have it, and the extractor, loaded.
    """
    if jobs <= 1 or len(items) < 2:
        return _yield_from(map(work, items), None)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    pool = ProcessPoolExecutor(min(jobs, len(items)), mp_context=context, initializer=_follow, initargs=(os.getpid(),))
    try:
        # small chunks: the writer starts on the first documents while the workers read the next ones
        results = pool.map(work, items, chunksize=max(1, min(4, len(items) // (jobs * 4))))
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return _yield_from(results, pool)


def _yield_from(results: Iterable[Any], pool: Any) -> Generator[Any, None, None]:
    try:
        yield from results
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


WORKER_NICENESS = 5  # below the command's own process: ingest's writer is the one that must never wait for a core


def _follow(parent: int) -> None:
    """In a worker: end when the command that started it is gone (killed, not only stopped), so none lingers; and
    yield the CPU to the command's own process.

    Ingest's writer checks and stores each document in order, and is the pipeline's bound: sharing the cores evenly
    with two workers left it two thirds of one while the workers read ahead, and it wrote the last documents alone
    after they were done. At a lower priority the workers take what the writer leaves.
    """
    import threading
    import time

    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
