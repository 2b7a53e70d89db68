"""A worker's share of ingest: a document read, made into its named graph and checked on its own.

`prepare` runs in ingest's worker processes (or in the writer with one job); `warm_up` loads the extractor once,
in the fork server the workers are forked from (`kg.pipeline.warm`).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from rdflib import Graph

from extract import Reading, read
from extract.errors import EmptyDocumentError
from kg.graph.rdf import document_graph, graph_iri
from kg.graph.summary import document_share
from kg.pipeline.ingest import _path_key
from kg.pipeline.validate import Checked, check_alone


def graph_of_document(path: Path, raw: bytes, reading: Reading, *, base: str) -> Graph:
    """The named graph ingest writes for a file read from `path` (before validation moves anything aside).

    One function for ingest and `extract`, so a graph extracted without a store is the one ingest would store.
    """
    content_hash = hashlib.sha256(raw).hexdigest()
    return document_graph(reading, base=base, content_hash=content_hash, file_name=path.name, path=_path_key(path))


def read_one(item: tuple[Path, bytes]) -> Reading | None:
    """One document extracted, or None when it holds no text."""
    path, raw = item
    try:
        return read(raw, path=str(path))
    except EmptyDocumentError:
        return None


def prepare(item: tuple[Path, bytes, str]) -> tuple[int, Checked] | None:
    """A worker's share of one document: read it, make its graph, check it alone (`check_alone`); None when it holds
    no text. The number of facts read goes with it.

    With no Violation of its own, the graph's share of the summary is made here too (`summary.document_share`): the
    writer uses it when the graph goes in whole (no Violation in its context either), 1.3 ms CPU a document it no
    longer spends.
    """
    path, raw, base = item
    reading = read_one((path, raw))
    if reading is None:
        return None
    checked = check_alone(graph_of_document(path, raw, reading, base=base))
    if not any(e.severity == "Violation" for e in checked.entries):
        served = str(graph_iri(base, hashlib.sha256(raw).hexdigest()))
        share = document_share(checked.ntriples, base=base, graph=served)
        if share is not None:
            checked = replace(checked, share=(served, *share))
    return len(reading.facts), checked


# sentences of our own that wake every stage: a new name (the segmenter, the traditional-script labels), a page in
# traditional script, one in English
WARM_UP = ("2025年,庆阳数据中心集群算力规模达到5万P,PUE为1.2。芜湖市江北新区算力中心已投入运营。",
           "慶陽數據中心集群的標準機架達到2萬架。", "The Qingyang cluster reached 50,000 PFLOPS in 2025.")


def warm_up() -> None:
    """Load what a process's first document would (the extractor's models and dictionaries, the compiled shapes):
    run by the fork server workers fork from, so each starts ready instead of spending seconds on its first document."""
    with collector_paused():
        for text in WARM_UP:
            prepare((Path("warm-up.txt"), text.encode("utf-8"), "urn:suanli:warm-up:"))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a process loads what it keeps to its end, which is then frozen (`gc.freeze`).

    Loading makes millions of objects and no garbage; collecting among them took 0.8 of the warm-up's 6 CPU-seconds.
    Frozen, they are passed over by every later collection, a forked worker's too.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
