"""Where the graph lives: an embedded Oxigraph store on disk, or a remote SPARQL 1.1 store.

Both speak the same small interface, so ingest, the fact view, the answerer and the HTTP
service run unchanged on either. Query results come back in the SPARQL 1.1 JSON shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from extract.errors import BadQueryError, StoreError
from kg.graph.query_text import names_dataset, reads_named_graphs
from kg.graph.sparql_lex import explain

Row = dict[str, dict[str, str]]


class Results:
    """SELECT rows or an ASK boolean, shaped like SPARQL 1.1 Query Results JSON."""

    def __init__(self, variables: list[str], rows: list[Row] | None = None, boolean: bool | None = None) -> None:
        self.variables = variables
        self.rows = rows or []
        self.boolean = boolean

    def to_json(self) -> dict[str, Any]:
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        return {"head": {"vars": self.variables}, "results": {"bindings": self.rows}}

    def values(self, name: str) -> list[str]:
        return [row[name]["value"] for row in self.rows if name in row]

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV: `?name` headers, each term in its Turtle form, unbound as empty."""
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join(_tsv_term(row[v]) if v in row else "" for v in self.variables) for row in self.rows]
        return "\n".join(lines) + "\n"


class Store(Protocol):
    """The operations the rest of the system needs from a quad store."""

    def select(self, sparql: str) -> Results: ...

    def graph(self, sparql: str) -> bytes:
        """The graph a CONSTRUCT or DESCRIBE query builds, as N-Triples."""
        ...

    def replace(self, *, remove: list[str], add: dict[str, str], then: str = "", before: str = "") -> None:
        """Atomically run update `before`, drop graphs `remove`, load N-Triples `add[graph]`, run update `then`."""
        ...

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        """Run one SPARQL Update request (one transaction); relative IRIs resolve against `base_iri`."""
        ...

    def graph_names(self) -> list[str]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _tsv_term(cell: dict[str, str]) -> str:
    """A result cell as TSV writes it (Oxigraph's escaping); an integer bare, as Turtle allows."""
    if cell["type"] == "uri":
        return str(ox.NamedNode(cell["value"]))
    if cell["type"] == "bnode":
        return str(ox.BlankNode(cell["value"]))
    datatype = cell.get("datatype")
    if datatype == "http://www.w3.org/2001/XMLSchema#integer" and cell["value"].lstrip("+-").isdigit():
        return cell["value"]
    return str(ox.Literal(cell["value"], language=cell.get("xml:lang"),
                          datatype=ox.NamedNode(datatype) if datatype else None))


def join_updates(*updates: str) -> str:
    """Several SPARQL Updates as one request (one transaction): one prologue, then every operation.

    Oxigraph reads a prologue only at the start of a request, so the PREFIX lines move up front;
    comment lines are dropped.
    """
    lines = [line for update in updates for line in update.splitlines()]
    prologue = list(dict.fromkeys(line for line in lines if line.startswith("PREFIX ")))
    bodies = ["\n".join(ln for ln in u.splitlines() if not ln.startswith(("PREFIX ", "#"))).strip() for u in updates]
    operations = " ;\n".join(b for b in bodies if b)
    return "".join(f"{ln}\n" for ln in prologue) + operations if operations else ""


def replace_update(remove: list[str], add: dict[str, str], then: str = "", before: str = "") -> str:
    """One SPARQL Update: `before`, then drop `remove`, load N-Triples into each graph of `add`, then `then`."""
    return join_updates(before, *(f"DROP SILENT GRAPH <{g}>" for g in remove),
                        *(f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}" for graph, ntriples in add.items()),
                        then)


class LocalStore:
    """pyoxigraph on disk (or in memory with path=None); the default store."""

    def __init__(self, path: str | Path | None, *, read_only: bool = False, default_graph: str | None = None) -> None:
        try:
            if path is None:
                self.oxigraph = ox.Store()
            elif read_only:
                self.oxigraph = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self.oxigraph = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open store: {exc}", path=str(path)) from exc
        self.path = path
        self.read_only = read_only
        self.default_graph = default_graph

    def query(self, sparql: str, **options: Any) -> Any:
        """Run any query with pyoxigraph options.

        A query without FROM reads the store's default graph: the summary graph when the store was
        opened with one (the served view), else the union of all graphs.
        """
        if not names_dataset(sparql) and "default_graph" not in options:
            if self.default_graph:
                options["default_graph"] = ox.NamedNode(self.default_graph)
            else:
                options.setdefault("use_default_graph_as_union", True)
        try:
            return self.oxigraph.query(sparql, **options)
        except SyntaxError as exc:
            raise BadQueryError(explain(str(exc), sparql)) from exc

    def select(self, sparql: str) -> Results:
        result = self.query(sparql)
        if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
            return Results([], boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = []
            for solution in result:
                row = {}
                for name in names:
                    term = solution[name]
                    if term is not None:
                        row[name] = _term_json(term)
                rows.append(row)
            return Results(names, rows)
        raise BadQueryError("only SELECT and ASK return rows")

    def graph(self, sparql: str) -> bytes:
        result = self.query(sparql)
        if not isinstance(result, ox.QueryTriples):
            raise BadQueryError("only CONSTRUCT and DESCRIBE build a graph")
        return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""

    def replace(self, *, remove: list[str], add: dict[str, str], then: str = "", before: str = "") -> None:
        if update := replace_update(remove, add, then, before):
            self.update(update)

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        try:
            self.oxigraph.update(sparql, base_iri=base_iri)
        except SyntaxError as exc:
            raise BadQueryError(f"bad update: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"write failed: {exc}") from exc

    def graph_names(self) -> list[str]:
        return [g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)]

    def count(self) -> int:
        return len(self.oxigraph)

    @contextmanager
    def closed(self) -> Iterator[None]:
        """This read-only store's handle closed for a block, so another process may write it; then opened again.

        One process may hold a RocksDB store for writing; the caller makes sure no query runs meanwhile.
        """
        if not self.read_only or self.path is None:
            raise ValueError("only a read-only store on disk is written by another process")
        del self.oxigraph
        try:
            yield
        finally:
            self.oxigraph = ox.Store.read_only(str(self.path))

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        return self.oxigraph.dump(format=fmt) or b""

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            try:
                self.oxigraph.flush()
            except (OSError, RuntimeError):
                pass
        del self.oxigraph


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, Virtuoso, QLever, GraphDB).

    Queries name no default graph: the server must treat the union of graphs as default
    (`oxigraph serve --union-default-graph`, Fuseki's `unionDefaultGraph`).
    """

    def __init__(self, query_endpoint: str, update_endpoint: str | None = None, *, timeout: float = 60.0,
                 default_graph: str | None = None) -> None:
        import httpx

        self.default_graph = default_graph
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint or query_endpoint.rsplit("/", 1)[0] + "/update"
        self.client = httpx.Client(timeout=timeout)

    def _post(self, sparql: str, accept: str) -> Any:
        """The endpoint's answer to a query, in `accept`.

        Raises:
            BadQueryError: the endpoint refused the query (400).
            StoreError: any other failure.
        """
        # default-graph-uri also empties the named graphs: a query with GRAPH patterns keeps the store's own dataset
        served = self.default_graph and not names_dataset(sparql) and not reads_named_graphs(sparql)
        params = {"default-graph-uri": self.default_graph} if served and self.default_graph else None
        response = self._send(self.query_endpoint, sparql, {"Content-Type": "application/sparql-query", "Accept": accept},
                              params)
        if response.status_code == 400:
            raise BadQueryError(response.text[:300])
        if response.status_code >= 300:
            raise StoreError(f"remote store answered {response.status_code}: {response.text[:200]}")
        return response

    def _send(self, url: str, sparql: str, headers: dict[str, str], params: dict[str, str] | None = None) -> Any:
        """One POST to the store; StoreError with one line when it cannot be reached or does not answer in time."""
        import httpx

        try:
            return self.client.post(url, params=params, content=sparql.encode("utf-8"), headers=headers)
        except httpx.TransportError as exc:
            raise StoreError(f"cannot reach the remote store: {' '.join(str(exc).split())[:160] or type(exc).__name__}",
                             path=url) from None

    def graph(self, sparql: str) -> bytes:
        return bytes(self._post(sparql, "application/n-triples").content)

    def select(self, sparql: str) -> Results:
        data = json.loads(self._post(sparql, "application/sparql-results+json").text)
        if "boolean" in data:
            return Results([], boolean=bool(data["boolean"]))
        return Results(data["head"].get("vars", []), data["results"]["bindings"])

    def replace(self, *, remove: list[str], add: dict[str, str], then: str = "", before: str = "") -> None:
        if update := replace_update(remove, add, then, before):
            self.update(update)

    def update(self, sparql: str, base_iri: str | None = None) -> None:
        if base_iri:
            sparql = f"BASE <{base_iri}> {sparql}"
        response = self._send(self.update_endpoint, sparql, {"Content-Type": "application/sparql-update"})
        if response.status_code == 400:
            raise BadQueryError(f"bad update: {response.text.strip()[:300]}")
        if response.status_code >= 300:
            raise StoreError(f"remote update answered {response.status_code}: {response.text[:200]}")

    def graph_names(self) -> list[str]:
        return self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").values("g")

    def count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").values("n")
        return int(rows[0]) if rows else 0

    def close(self) -> None:
        self.client.close()


def lock_store(path: str | Path, *, exclusive: bool) -> int:
    """Hold the store's lock file (beside it, `<store>.lock`): shared by a service that serves the store,
    exclusive by a process that writes it. Returns the descriptor to keep open; closing it releases the lock.

    Raises:
        StoreError: a service serves the store and another process asked to write it, or the reverse.
    """
    import fcntl
    import os

    folder = Path(path)
    lock = folder.with_name(folder.name + ".lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        if exclusive:
            raise StoreError(f"{folder} is served by a running `suanli serve`; add documents through it "
                             "(POST /documents with the update token) or stop it first") from None
        raise StoreError(f"{folder} is being written by another process (an ingest); serve it when that is done") from None
    return fd


def open_store(*, path: str | None, endpoint: str | None = None, update_endpoint: str | None = None,
               read_only: bool = False, default_graph: str | None = None) -> LocalStore | RemoteStore:
    """The configured store: remote when an endpoint is given, else the embedded one at `path`.

    `default_graph` names the graph a query without FROM reads (the summary graph when serving).
    """
    if endpoint:
        return RemoteStore(endpoint, update_endpoint, default_graph=default_graph)
    return LocalStore(path, read_only=read_only, default_graph=default_graph)
