"""Documents → the store: one named graph per document, idempotent and atomic.

`ingest(paths, store=…, base=…)` checks that every document is text first (nothing is written if
any input is bad), then writes each document in one transaction: its new graph in, the graph of an
earlier version of the same file out. A document already stored with the same content is
skipped, so ingesting twice changes nothing.

With `jobs` > 1, worker processes read the documents and check each on its own (`kg.pipeline.reader`) while
this process, the writer, checks each in its context and writes it (`kg.pipeline.write`), in file order, as soon
as it comes: the same store as one process gives, byte for byte.

This module imports neither rdflib nor the extractor: a run that finds every file stored unchanged and the base
graphs current (`kg.pipeline.base`) hashes the files, asks the store, and loads nothing else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract import EXTRACTOR_VERSION
from extract.errors import BadInputError
from kg.graph.iris import ONTOLOGY_NS, literal
from kg.pipeline import base as base_graphs
from kg.pipeline.workers import map_in_processes
from kg.pipeline.workers import start as start_workers

if TYPE_CHECKING:
    from kg.graph.store import LocalStore, RemoteStore
    from kg.pipeline.validate import Checked, Entry

STAGING = "/staging/"  # graphs `load` bulk-loads documents into before it validates and publishes each
TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""}


@dataclass
class DocumentOutcome:
    path: str
    status: str  # added, replaced, unchanged, empty
    facts: int = 0
    quarantined: int = 0
    issues: list[Entry] = field(default_factory=list)


@dataclass
class IngestReport:
    documents: list[DocumentOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the text and HTML files under named directories, sorted.

    Raises:
        BadInputError: a path does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                            and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            raise BadInputError("no such file or directory", path=_shown(path))
    for path in files:
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            raise BadInputError("the file name is not UTF-8; rename it", path=_shown(path)) from None
    return files


def _shown(path: Path) -> str:
    """A path as it can be printed, whatever bytes its name holds."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _existing(store: LocalStore | RemoteStore, content_hash: str, path: str) -> tuple[bool, list[str]]:
    """(same content already read by this extractor, graphs of older versions of the same path or content)."""
    # one query per key, each starting from its constant: a FILTER over both read every document (90 ms at 300k triples)
    rows = [row for key, value in (("contentHash", content_hash), ("sourcePath", path)) for row in store.select(
        f"PREFIX sl: <{ONTOLOGY_NS}> "
        f"SELECT ?g ?hash ?version WHERE {{ GRAPH ?g {{ ?doc sl:{key} {literal(value)} ; a sl:SourceDocument ; "
        "sl:contentHash ?hash . OPTIONAL { ?doc sl:extractorVersion ?version } } "
        f"FILTER(!CONTAINS(STR(?g), {literal(STAGING)})) }}").rows]

    def current(row: dict) -> bool:
        return row["hash"]["value"] == content_hash and row.get("version", {}).get("value") == EXTRACTOR_VERSION

    return any(map(current, rows)), list(dict.fromkeys(r["g"]["value"] for r in rows if not current(r)))


def _path_key(path: Path) -> str:
    """Where a file was read from, as a key that finds its earlier versions but publishes no server path."""
    return "path:" + hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _read_bytes(path: Path) -> bytes:
    """A file's bytes, or BadInputError with one line (unreadable, a directory, a name that is not text)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"cannot read the file: {exc.strerror or exc}", path=_shown(path)) from None


def ingest(
    paths: Iterable[str | Path],
    *,
    store: LocalStore | RemoteStore,
    base: str,
    progress: Callable[[str], None] | None = None,
    on_empty: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Read, validate and store documents; `jobs` processes extract them (the store is written by this one, in order).

    Raises:
        BadInputError: a path is missing, or a file is binary or undecodable; nothing is written.
    """
    files = expand(paths)
    raws = [_read_bytes(path) for path in files]
    # a file this extractor already read, with the same content, is known by its hash before anything is extracted
    known: list[tuple[bool, list[str]]] = []
    todo: list[tuple[Path, bytes, str]] = []
    for path, raw in zip(files, raws, strict=True):
        known.append(_existing(store, hashlib.sha256(raw).hexdigest(), _path_key(path)))
        if not known[-1][0]:
            todo.append((path, raw, base))
            if jobs > 1 and len(todo) == 2:
                # the second new file: their server loads the extractor while this process asks about the other
                # files, loads the writer and checks the files
                start_workers()
    if not todo and base_graphs.current(store, base=base):  # nothing to read, write or build
        return _write_all(files, raws, known, iter(()), store=store, base=base, progress=progress, on_empty=on_empty)
    from extract.text import decode
    from kg.pipeline import reader, write

    for path, raw, _ in todo:  # the only way reading fails, checked before anything is written
        decode(raw, path=str(path))
    base_graphs.ensure_base_graphs(store, base=base)
    if todo:
        write.warm_up()
    if todo and (jobs <= 1 or len(todo) < 2):
        reader.warm_up()  # in this process, as no worker does it
    prepared_in_order = map_in_processes(reader.prepare, todo, jobs)
    try:
        return _write_all(files, raws, known, prepared_in_order, store=store, base=base, progress=progress,
                          on_empty=on_empty)
    finally:
        prepared_in_order.close()


def _write_all(files: list[Path], raws: list[bytes], known: list[tuple[bool, list[str]]],
               prepared_in_order: Iterator[tuple[int, Checked] | None], *, store: LocalStore | RemoteStore, base: str,
               progress: Callable[[str], None] | None, on_empty: Callable[[str], None] | None) -> IngestReport:
    """The writer: each new document checked in its context and stored, in file order, as its worker hands it over."""
    report = IngestReport()
    for path, raw, (same, older) in zip(files, raws, known, strict=True):
        if progress:
            progress(str(path))
        if same:
            report.documents.append(DocumentOutcome(str(path), "unchanged"))
            continue
        prepared = next(prepared_in_order)
        if prepared is None:
            if on_empty:
                on_empty(str(path))
            report.documents.append(DocumentOutcome(str(path), "empty"))
            continue
        from kg.pipeline.write import store_checked

        facts, checked = prepared
        quarantined, entries = store_checked(store, checked, base=base, content_hash=hashlib.sha256(raw).hexdigest(),
                                             older=older)
        report.documents.append(DocumentOutcome(str(path), "replaced" if older else "added", facts, quarantined, entries))
    return report
