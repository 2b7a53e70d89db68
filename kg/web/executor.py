"""Queries run in worker processes, so a runaway query can be stopped by killing its worker.

A thread cannot be stopped and Oxigraph has no cancellation, so the HTTP front (kg.web.server) hands
each query to one of a few workers over a socket pair and waits with a deadline: past it, the
worker is killed and replaced and the client is told the query timed out. A query still running
after `nice_after` seconds has its worker's priority lowered, so a heavy query takes only the CPU
the others leave. Workers write the answer in the negotiated format, cut at the row cap.

Workers are forked by one holder process (`python -m kg.web.executor`), which loads the store into
memory when it is small enough (`memory_quads`): Oxigraph answers from memory 2–4× faster than
from its on-disk store opened read-only (a 300-row join: 28 → 8 ms), the forked workers share
the holder's pages, and a killed worker is replaced in milliseconds. A larger store is opened
read-only by each worker; a remote SPARQL store is reached over HTTP.

The holder imports only pyoxigraph and the standard library (and httpx for a remote store).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyoxigraph as ox

from kg.graph.sparql_lex import explain
from kg.web.sandbox import isolate

HEADER = struct.Struct("!II")  # lengths of the JSON head and of the body that follows


class QueryTimeoutError(Exception):
    """A query ran past the deadline; its worker was killed."""


class WorkerFailedError(Exception):
    """A worker died or answered nonsense; it was replaced."""


class BusyError(Exception):
    """Every worker stayed busy for longer than a client should wait."""


# --- writing results, cut at the row cap -------------------------------------------------------

@dataclass(frozen=True)
class _RowMarks:
    """How rows show in a serialized result, so the output can be cut after the last whole row."""

    marker: bytes  # bytes that open (or separate) rows and cannot occur inside a value
    keep: int  # bytes of the marker kept before the cut
    shift: int  # markers seen before the first row is complete (a header line, an opening tag)
    needs_more: bool  # a marker ends a row rather than opening the next one
    closing: bytes  # what closes a document cut short


_ROWS = {
    "application/sparql-results+json": _RowMarks(b'},{"', 1, 0, False, b"]}}"),
    "application/sparql-results+xml": _RowMarks(b"<result>", 0, 1, False, b"</results></sparql>"),
    "text/tab-separated-values": _RowMarks(b"\n", 1, 1, True, b""),
    "text/csv": _RowMarks(b"\r\n", 2, 1, True, b""),
}


class _FullError(Exception):
    pass


class _CappedOutput:
    """A file-like sink for Oxigraph's serializer that stops it once `cap` rows or `max_bytes` are written."""

    def __init__(self, marks: _RowMarks, cap: int, max_bytes: int) -> None:
        self.marks, self.cap, self.max_bytes = marks, cap, max_bytes
        self.buffer = bytearray()
        self.seen = 0
        self.last_cut: int | None = None  # where a cut keeps every row seen whole so far
        self.pending: int | None = None  # a cut waiting to see whether another row follows
        self.cut: int | None = None

    def write(self, chunk: bytes) -> int:
        marks = self.marks
        start = max(0, len(self.buffer) - len(marks.marker) + 1)
        self.buffer += chunk
        position = self.buffer.find(marks.marker, start)
        while position != -1:
            self.seen += 1
            kept = self.seen - marks.shift
            if kept >= 0:
                self.last_cut = position + marks.keep
            if kept == self.cap and self.pending is None:
                if marks.needs_more:
                    self.pending = position + marks.keep
                else:
                    self.cut = position + marks.keep
                    raise _FullError
            position = self.buffer.find(marks.marker, position + 1)
        if self.pending is not None and len(self.buffer) > self.pending:
            self.cut = self.pending
            raise _FullError
        if len(self.buffer) > self.max_bytes:
            self.cut = self.last_cut if self.last_cut is not None else -1
            raise _FullError
        return len(chunk)

    def flush(self) -> None:
        pass

    def result(self) -> tuple[bytes, bool]:
        if self.cut is None:
            return bytes(self.buffer), False
        if self.cut < 0:
            raise ValueError(f"a single result row is larger than {self.max_bytes} bytes")
        return bytes(self.buffer[: self.cut]) + self.marks.closing, True


def write_solutions(solutions: ox.QuerySolutions, media_type: str, cap: int, max_bytes: int) -> tuple[bytes, bool]:
    """SELECT results in `media_type` by Oxigraph's own writer, cut after `cap` rows; (body, truncated)."""
    sink = _CappedOutput(_ROWS[media_type], cap, max_bytes)
    with contextlib.suppress(_FullError):
        solutions.serialize(sink, format=ox.QueryResultsFormat.from_media_type(media_type))  # type: ignore[arg-type]
    return sink.result()


def write_triples(triples: Iterable[ox.Triple], media_type: str, cap: int) -> tuple[bytes, bool]:
    """CONSTRUCT or DESCRIBE results, at most `cap` triples; (body, truncated)."""
    kept = list(islice(triples, cap + 1))
    truncated = len(kept) > cap
    return ox.serialize(kept[:cap], format=ox.RdfFormat.from_media_type(media_type)) or b"", truncated


# --- the worker process ------------------------------------------------------------------------

RESULT_MEDIA = "application/sparql-results+json"
GRAPH_MEDIA = "text/turtle"


class Backend:
    """Where a worker runs queries: the embedded store read-only, or a remote SPARQL 1.1 endpoint."""

    def __init__(self, config: dict[str, Any], loaded: ox.Store | None = None) -> None:
        """Over `loaded` (the store held in memory) when given, else as `config` says."""
        self.config = config
        self.default_graph: str | None = config.get("default_graph")
        self.store: ox.Store | None = loaded
        self.client: Any = None
        if loaded is not None:
            return
        if config.get("endpoint"):
            import httpx

            self.client = httpx.Client(timeout=None)
        elif config.get("store"):
            self.store = ox.Store.read_only(config["store"])
        else:
            raise ValueError("a worker needs a store or an endpoint")

    def unknown_graphs(self, graphs: list[str]) -> list[str]:
        if not graphs:
            return []
        if self.store is not None:
            return [g for g in graphs if not self.store.contains_named_graph(ox.NamedNode(g))]
        values = " ".join(f"<{g}>" for g in graphs)
        found = self._remote(f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ }} }}", [], [],
                             RESULT_MEDIA, "select")
        known = {s["g"].value for s in found}  # type: ignore[union-attr]
        return [g for g in graphs if g not in known]

    def run(self, request: dict[str, Any]) -> Any:
        """The query's result: QuerySolutions, QueryBoolean or an iterable of triples."""
        text, defaults, named = request["text"], request["default"], request["named"]
        if self.store is not None:
            options: dict[str, Any] = {}
            if defaults or named:
                options["default_graph"] = [ox.NamedNode(g) for g in defaults]
                options["named_graphs"] = [ox.NamedNode(g) for g in named]
            elif not request["has_from"]:
                if self.default_graph:
                    options["default_graph"] = ox.NamedNode(self.default_graph)
                else:
                    options["use_default_graph_as_union"] = True
            return self.store.query(text, base_iri=request.get("base"), **options)
        if not (defaults or named or request["has_from"] or request.get("has_graph")) and self.default_graph:
            # The protocol's default-graph-uri also empties the named graphs, so a query that reads
            # GRAPH patterns gets the remote store's own dataset instead.
            defaults = [self.default_graph]
        graph = request["form"] in ("construct", "describe")
        if request.get("base"):
            text = f"BASE <{request['base']}> {text}"
        return self._remote(text, defaults, named, "application/n-triples" if graph else RESULT_MEDIA, request["form"])

    def _remote(self, text: str, defaults: list[str], named: list[str], accept: str, form: str) -> Any:
        params = [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]
        response = self.client.post(self.config["endpoint"], params=params, content=text.encode("utf-8"),
                                    headers={"Content-Type": "application/sparql-query", "Accept": accept})
        if response.status_code == 400:
            raise SyntaxError(response.text.strip().splitlines()[0][:300] if response.text.strip() else "bad query")
        if response.status_code >= 300:
            raise OSError(f"the remote store answered {response.status_code}: {response.text[:200]}")
        media = response.headers.get("content-type", accept).split(";")[0].strip()
        if media in ("application/n-triples", "text/turtle", "application/rdf+xml", "application/ld+json"):
            return (quad.triple for quad in ox.parse(response.content, format=ox.RdfFormat.from_media_type(media)))
        return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.from_media_type(media))


def answer(backend: Backend, request: dict[str, Any], cap: int, max_bytes: int) -> tuple[dict[str, Any], bytes]:
    """Run one query request and write its result: (head for the front, body)."""
    try:
        graphs = [ox.NamedNode(g).value for g in request["default"] + request["named"] + request["from"]]
    except ValueError as exc:
        return {"status": 400, "error": f"not an IRI: {exc}"}, b""
    if missing := backend.unknown_graphs(graphs):
        return {"status": 400, "error": f"graph <{missing[0]}> is not in this dataset; this endpoint never fetches graphs "
                                        "from elsewhere"}, b""
    media = request["type"]
    try:
        result = backend.run(request)
        if isinstance(result, ox.QueryBoolean):
            media = media if media in _ROWS else RESULT_MEDIA
            return {"status": 200, "type": media, "rows": 1, "truncated": False}, result.serialize(
                format=ox.QueryResultsFormat.from_media_type(media)) or b""
        if isinstance(result, ox.QuerySolutions):
            media = media if media in _ROWS else RESULT_MEDIA
            body, truncated = write_solutions(result, media, cap, max_bytes)
        else:
            media = media if media not in _ROWS else GRAPH_MEDIA
            body, truncated = write_triples(result, media, cap)
    except SyntaxError as exc:
        return {"status": 400, "error": f"bad query: {explain(str(exc), request['text'])}"}, b""
    except (ValueError, RuntimeError) as exc:  # the engine refused to evaluate it, or one row is too large
        return {"status": 400, "error": f"the query failed: {' '.join(str(exc).split())[:300]}"}, b""
    except OSError as exc:
        return {"status": 503, "error": f"the store could not be read: {exc}"}, b""
    return {"status": 200, "type": media, "truncated": truncated}, body


def _send(sock: socket.socket, head: dict[str, Any], body: bytes = b"") -> None:
    data = json.dumps(head).encode("utf-8")
    sock.sendall(HEADER.pack(len(data), len(body)) + data + body)


def _receive(stream: Any) -> dict[str, Any] | None:
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    head_size, body_size = HEADER.unpack(header)
    head = json.loads(stream.read(head_size))
    stream.read(body_size)
    return head


def serve_worker(sock: socket.socket, config: dict[str, Any], loaded: ox.Store | None = None) -> None:
    """The worker loop: open the backend, say ready, then answer queries until the socket closes."""
    stream = sock.makefile("rb")
    try:
        backend = Backend(config, loaded)
    except (OSError, ValueError) as exc:
        _send(sock, {"status": 500, "error": f"cannot open the store: {exc}"})
        return
    _send(sock, {"status": 200, "ready": True})
    while (request := _receive(stream)) is not None:
        head, body = answer(backend, request, request.get("cap", config["row_cap"]), config["max_bytes"])
        _send(sock, head, body)


# --- the holder: the store in memory, workers forked from it ------------------------------------

def dump_store(path: str, limit: int) -> None:
    """Write a store's graph names (one JSON line) and then its quads (N-Quads) to stdout; exit 3 past `limit` quads.

    Run as its own process: opening the on-disk store starts RocksDB threads, and the holder must
    have none when it forks.
    """
    store = ox.Store.read_only(path)
    if len(store) > limit:
        sys.exit(3)
    out = sys.stdout.buffer
    out.write(json.dumps([g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]).encode() + b"\n")
    store.dump(out, format=ox.RdfFormat.N_QUADS)
    out.flush()


def load_in_memory(config: dict[str, Any]) -> ox.Store | None:
    """The embedded store copied into memory, or None (a remote store, memory off, or more than `memory_quads`)."""
    limit = int(config.get("memory_quads") or 0)
    if not config.get("store") or limit <= 0:
        return None
    dumped = subprocess.run([sys.executable, "-m", "kg.web.executor", "--dump", config["store"], str(limit)],
                            capture_output=True, stdin=subprocess.DEVNULL)
    if dumped.returncode != 0:
        return None
    names, _, quads = dumped.stdout.partition(b"\n")
    store = ox.Store()
    store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
    for name in json.loads(names):
        store.add_graph(ox.NamedNode(name))  # an empty named graph is part of the dataset too
    return store


def serve_holder(fd: int, config: dict[str, Any]) -> None:
    """The holder loop over a SOCK_SEQPACKET control socket: `spawn` forks a worker and passes its socket; `reload`."""
    control = socket.socket(fileno=fd)
    if not config.get("endpoint"):  # a remote store is reached over the network; the embedded one never is
        try:
            isolate()
        except OSError as exc:
            control.send(json.dumps({"ready": False, "error": f"query workers cannot be cut off from the network: {exc}"}).encode())
            return
    loaded = load_in_memory(config)
    control.send(json.dumps({"ready": True, "memory": loaded is not None}).encode())
    while message := control.recv(4096):
        with contextlib.suppress(ChildProcessError):
            while os.waitpid(-1, os.WNOHANG)[0]:  # workers killed since the last message
                pass
        op = json.loads(message).get("op")
        if op == "spawn":
            ours, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:  # the worker
                try:
                    control.close()
                    ours.close()
                    serve_worker(theirs, config, loaded)
                finally:
                    os._exit(0)
            theirs.close()
            socket.send_fds(control, [json.dumps({"pid": pid}).encode()], [ours.fileno()])
            ours.close()
        elif op == "reload":
            loaded = None  # the old copy freed first: two at once would double the peak memory
            loaded = load_in_memory(config)
            control.send(json.dumps({"memory": loaded is not None}).encode())


# --- the pool, in the HTTP front ---------------------------------------------------------------

class Worker:
    """One forked worker process and the front's end of its socket."""

    def __init__(self, pid: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.pid, self.reader, self.writer = pid, reader, writer
        # a process handle (Linux): the kill reaches this worker even if its pid was reused meanwhile
        self.handle = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
        self.lowered = False

    async def call(self, head: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        data = json.dumps(head).encode("utf-8")
        self.writer.write(HEADER.pack(len(data), 0) + data)
        await self.writer.drain()
        return await self.receive()

    async def receive(self) -> tuple[dict[str, Any], bytes]:
        head_size, body_size = HEADER.unpack(await self.reader.readexactly(HEADER.size))
        head = json.loads(await self.reader.readexactly(head_size))
        return head, await self.reader.readexactly(body_size) if body_size else b""

    def lower_priority(self) -> None:
        """Let other queries have the CPU first (the worker is retired after this query)."""
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, self.pid, 15)
            self.lowered = True

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            if self.handle is None:
                os.kill(self.pid, signal.SIGKILL)
            else:
                signal.pidfd_send_signal(self.handle, signal.SIGKILL)
        if self.handle is not None:
            os.close(self.handle)
            self.handle = None
        self.writer.close()


class Pool:
    """Worker processes for queries, with a deadline per query and exclusive access for writes."""

    def __init__(self, config: dict[str, Any], *, size: int, timeout: float, nice_after: float = 0.5,
                 wait: float | None = None) -> None:
        self.config, self.size, self.timeout, self.nice_after = config, size, timeout, nice_after
        self.wait = wait if wait is not None else timeout
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self.holder: asyncio.subprocess.Process | None = None
        self.control: socket.socket | None = None
        self.control_lock = asyncio.Lock()
        self.in_memory = False

    async def start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.holder = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "kg.web.executor", str(theirs.fileno()), json.dumps(self.config),
            pass_fds=(theirs.fileno(),), stdin=asyncio.subprocess.DEVNULL)
        theirs.close()
        self.control = ours
        ready = await self._ask(lambda: json.loads(ours.recv(4096) or b"{}"))
        if not ready.get("ready"):
            raise RuntimeError("the query worker holder did not start")
        self.in_memory = bool(ready.get("memory"))
        await asyncio.gather(*(self._spawn() for _ in range(self.size)))

    async def _ask(self, exchange: Any) -> Any:
        """One blocking exchange with the holder, off the event loop, one at a time."""
        async with self.control_lock:
            return await asyncio.get_running_loop().run_in_executor(None, exchange)

    def _fork(self) -> tuple[int, socket.socket]:
        assert self.control is not None
        self.control.send(b'{"op": "spawn"}')
        message, fds, _, _ = socket.recv_fds(self.control, 4096, 1)
        if not message or not fds:
            raise RuntimeError("the query worker holder is gone")
        return json.loads(message)["pid"], socket.socket(fileno=fds[0])

    async def _spawn(self) -> None:
        pid, sock = await self._ask(self._fork)
        reader, writer = await asyncio.open_unix_connection(sock=sock, limit=2**20)
        worker = Worker(pid, reader, writer)
        head, _ = await worker.receive()
        if not head.get("ready"):
            worker.kill()
            raise RuntimeError(head.get("error", "a query worker did not start"))
        self.workers.add(worker)
        self.idle.put_nowait(worker)

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        self.workers.discard(worker)
        task = asyncio.get_running_loop().create_task(self._spawn())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def run(self, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        """Run one query on an idle worker; QueryTimeoutError past the deadline, BusyError when none frees up in time."""
        try:  # a timeout scope, not wait_for: that starts a task for every request that waits
            async with asyncio.timeout(self.wait):
                worker = await self.idle.get()
        except TimeoutError:
            raise BusyError from None
        lower = asyncio.get_running_loop().call_later(self.nice_after, worker.lower_priority)
        try:
            async with asyncio.timeout(self.timeout):
                result = await worker.call({"op": "query", **request})
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeoutError from None
        except (asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
            self._replace(worker)
            raise WorkerFailedError(str(exc)) from None
        except asyncio.CancelledError:  # the client went away: the worker may still be busy
            self._replace(worker)
            raise
        finally:
            lower.cancel()
        if worker.lowered:
            self._replace(worker)
        else:
            self.idle.put_nowait(worker)
        return result

    @contextlib.asynccontextmanager
    async def paused(self) -> AsyncIterator[None]:
        """No worker running and none holding the store (for a write to the embedded store); then fresh ones.

        The holder loads the store again after the write when it keeps it in memory.
        """
        held = [await self.idle.get() for _ in range(self.size)]
        for worker in held:
            worker.kill()
            self.workers.discard(worker)
        try:
            yield
        finally:
            if self.in_memory:
                assert self.control is not None
                control = self.control

                def reload() -> dict[str, Any]:
                    control.send(b'{"op": "reload"}')
                    return dict(json.loads(control.recv(4096) or b"{}"))

                self.in_memory = bool((await self._ask(reload)).get("memory"))
            await asyncio.gather(*(self._spawn() for _ in range(self.size)))

    async def stop(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        for worker in list(self.workers):
            worker.kill()
        self.workers.clear()
        if self.control is not None:
            self.control.close()  # the holder stops at the end of its control socket
            self.control = None
        if self.holder is not None:
            try:
                await asyncio.wait_for(self.holder.wait(), 10)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.holder.kill()
            self.holder = None


def run_update(path: str) -> None:
    """One SPARQL Update on the store at `path`, read as JSON {text, base} from stdin, in this isolated process.

    Run as its own process by the front (`update_in_process`), so an update that crashes the parser or
    asks for the network costs this process only. Exit 0 done, 2 with one line on stderr for a bad update.
    """
    isolate()
    request = json.loads(sys.stdin.buffer.read())
    store = ox.Store(path)
    try:
        store.update(request["text"], base_iri=request.get("base"))
    except (SyntaxError, ValueError, OSError) as exc:
        sys.stderr.write(" ".join(str(exc).split())[:300] + "\n")
        sys.exit(2)
    finally:
        store.flush()


def update_in_process(path: str, text: str, base: str | None, timeout: float) -> str | None:
    """Run one update on the embedded store in a fresh isolated process; None when done, else the one-line reason.

    Raises:
        QueryTimeoutError: the update ran past `timeout` seconds and was killed.
    """
    try:
        done = subprocess.run([sys.executable, "-m", "kg.web.executor", "--update", path],
                              input=json.dumps({"text": text, "base": base}).encode(), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise QueryTimeoutError from None
    if done.returncode == 0:
        return None
    reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return reason[-1] if reason and done.returncode == 2 else f"the update process failed (exit {done.returncode})"


if __name__ == "__main__":
    if sys.argv[1] == "--dump":
        dump_store(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "--update":
        run_update(sys.argv[2])
    else:
        serve_holder(int(sys.argv[1]), json.loads(sys.argv[2]))
