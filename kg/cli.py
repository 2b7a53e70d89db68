"""The `suanli` command: a thin adapter over ingest, facts, validate, query, ask, export and serve.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 not conforming, 2 bad usage or input.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from extract.errors import BadQueryError, SuanliError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Suanli KG: China's computing infrastructure as a knowledge graph.")

StoreOpt = Annotated[str, typer.Option("--store", help="store directory")]
FormatOpt = Annotated[str, typer.Option("--format", help="output format")]
DEFAULT_STORE = "./suanli-store"


def fail(message: str, code: int = 2) -> typer.Exit:
    """One clear line on stderr, then exit with `code`."""
    typer.echo(f"suanli: {message}", err=True)
    return typer.Exit(code)


def _open(store: str, *, read_only: bool = False):
    from kg.settings import Settings
    from kg.store import open_store
    from kg.summary import summary_graph_iri

    settings = Settings.from_env(store=store)
    if not settings.endpoint and read_only and not Path(store).exists():
        raise fail(f"no store at {store}; run `suanli ingest` first")
    return open_store(path=settings.store, endpoint=settings.endpoint, update_endpoint=settings.update_endpoint,
                      default_graph=str(summary_graph_iri(settings.base)))


def _base() -> str:
    from kg.settings import Settings

    return Settings.from_env().base


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise fail(f"--format must be one of {', '.join(allowed)}")
    return value


@app.command()
def ingest(paths: Annotated[list[str], typer.Argument(help="files or directories")], store: StoreOpt = DEFAULT_STORE,
           format: FormatOpt = "text") -> None:
    """Read text or HTML documents into the store (idempotent)."""
    from kg.ingest import expand
    from kg.ingest import ingest as run

    _choice(format, ("text", "json"))
    try:
        files = expand(paths)
    except SuanliError as exc:
        raise fail(str(exc)) from None
    show_progress = sys.stderr.isatty() and len(files) > 3
    db = _open(store)
    try:
        if show_progress:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("ingest", total=len(files))
                report = run(files, store=db, base=_base(), progress=lambda _: bar.advance(task),
                             on_empty=lambda p: typer.echo(f"suanli: skipped empty document {p}", err=True))
        else:
            report = run(files, store=db, base=_base(),
                         on_empty=lambda p: typer.echo(f"suanli: skipped empty document {p}", err=True))
    except SuanliError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()
    if format == "json":
        typer.echo(json.dumps([{"path": d.path, "status": d.status, "facts": d.facts, "quarantined": d.quarantined}
                               for d in report.documents], ensure_ascii=False))
        return
    summary = ", ".join(f"{report.count(s)} {s}" for s in ("added", "replaced", "unchanged", "empty") if report.count(s))
    facts = sum(d.facts for d in report.documents)
    typer.echo(f"{len(report.documents)} documents ({summary}); {facts} facts read", err=True)


@app.command()
def facts(store: StoreOpt = DEFAULT_STORE, format: FormatOpt = "table") -> None:
    """Print the normalised fact table."""
    from kg.factview import facts as fact_table

    _choice(format, ("json", "csv", "table"))
    db = _open(store, read_only=True)
    try:
        rows = fact_table(db)
    finally:
        db.close()
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    flat = [{
        "subject": r["subject"]["label_zh"] or r["subject"]["label_en"], "subject_en": r["subject"]["label_en"],
        "type": r["subject"]["type"], "metric": r["metric"], "value": r["value"], "unit": r["unit"],
        "object": (r["object"] or {}).get("label_zh") or (r["object"] or {}).get("label_en"),
        "comparator": r["comparator"], "status": r["status"], "time": r["time"], "kind": r["kind"],
        "file": r["source"]["file"],
    } for r in rows]
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(flat[0]) if flat else ["subject"])
        writer.writeheader()
        writer.writerows(flat)
        typer.echo(buffer.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("subject", "metric", "value", "unit", "object", "cmp", "status", "time", "kind", "file")
    for r in flat:
        table.add_row(*(str(r[k] if r[k] is not None else "") for k in
                        ("subject", "metric", "value", "unit", "object", "comparator", "status", "time", "kind", "file")))
    Console(width=200).print(table)


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE, format: FormatOpt = "text",
             lang: Annotated[str, typer.Option("--lang", help="zh or en")] = "en") -> None:
    """Check the whole graph against the SHACL shapes; exit 1 when it does not conform."""
    from kg.rdf import new_graph
    from kg.validate import validate as check

    _choice(format, ("text", "json", "turtle"))
    db = _open(store, read_only=True)
    try:
        graph = new_graph()
        rows = db.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!CONTAINS(STR(?g), '/quarantine/')) }")
        from rdflib import BNode, Literal, URIRef

        def term(t: dict):
            if t["type"] == "uri":
                return URIRef(t["value"])
            if t["type"] == "bnode":
                return BNode(t["value"])
            return Literal(t["value"], lang=t.get("xml:lang"), datatype=t.get("datatype"))

        for r in rows.rows:
            graph.add((term(r["s"]), term(r["p"]), term(r["o"])))
        quarantined = db.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                "FILTER(CONTAINS(STR(?g), '/quarantine/')) }").values("n")
    finally:
        db.close()
    report = check(graph)
    if format == "turtle":
        typer.echo(report.graph.serialize(format="turtle") if report.graph is not None else "")
    elif format == "json":
        typer.echo(json.dumps({"conforms": report.conforms, "quarantined": int(quarantined[0]) if quarantined else 0,
                               "results": [e.__dict__ for e in report.entries]}, ensure_ascii=False, indent=1))
    else:
        heading = "符合约束" if lang.startswith("zh") else "conforms"
        typer.echo(f"{heading}: {report.conforms}; {len(report.entries)} results")
        for entry in report.entries:
            typer.echo(f"  [{entry.severity}] {entry.focus}: {entry.message(lang)}")
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def query(sparql: Annotated[str | None, typer.Argument(help="SPARQL query text")] = None,
          file: Annotated[Path | None, typer.Option("--file", help="read the query from a file")] = None,
          store: StoreOpt = DEFAULT_STORE, format: FormatOpt = "table") -> None:
    """Run a SPARQL query against the store."""
    _choice(format, ("table", "json", "csv"))
    if (sparql is None) == (file is None):
        raise fail("give a query or --file, not both")
    if file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"cannot read {file}: {exc}") from None
    db = _open(store, read_only=True)
    try:
        results = db.select(sparql or "")
    except BadQueryError as exc:
        raise fail(f"bad query: {str(exc).splitlines()[0]}") from None
    finally:
        db.close()
    if format == "json":
        typer.echo(json.dumps(results.to_json(), ensure_ascii=False))
    elif results.boolean is not None:
        typer.echo("true" if results.boolean else "false")
    elif format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(results.variables)
        for row in results.rows:
            writer.writerow([row.get(v, {}).get("value", "") for v in results.variables])
        typer.echo(buffer.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*results.variables)
        for row in results.rows:
            table.add_row(*(row.get(v, {}).get("value", "") for v in results.variables))
        Console(width=200).print(table)


@app.command()
def ask(question: Annotated[str | None, typer.Argument(help="a question in Chinese or English")] = None,
        batch: Annotated[Path | None, typer.Option("--batch", help="one question a line")] = None,
        store: StoreOpt = DEFAULT_STORE, format: FormatOpt = "text") -> None:
    """Answer questions from the graph, with the SPARQL that ran and the evidence."""
    from kg.ask import ask as answer

    _choice(format, ("text", "json"))
    if (question is None) == (batch is None):
        raise fail("give a question or --batch FILE")
    if batch is not None:
        try:
            questions = [q for q in batch.read_text(encoding="utf-8").splitlines() if q.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"cannot read {batch}: {exc}") from None
    else:
        questions = [question or ""]
    db = _open(store, read_only=True)
    try:
        for q in questions:
            result = answer(q, store=db)
            if format == "json":
                typer.echo(json.dumps(result, ensure_ascii=False))
            else:
                typer.echo(render_answer(result))
    finally:
        db.close()


def render_answer(result: dict) -> str:
    """An answer for people: the figures with comparators, then the sentences they rest on."""
    zh = result["lang"] == "zh"
    lines = [f"? {result['question']}"]
    if result["boolean"] is not None:
        lines.append(("是" if result["boolean"] else "否") if zh else ("yes" if result["boolean"] else "no"))
    elif not result["answers"]:
        lines.append(("未找到答案:" if zh else "no answer: ") + (result["interpretation"] or ""))
    for a in result["answers"]:
        text = a["label"] or ""
        if a.get("text"):
            text += f": {a['text']}" + (f" ({a['status']}" + (f", {a['time']}" if a.get("time") else "") + ")")
        if a.get("via"):
            text += f" [{'所属' if zh else 'via'} {a['via']['label']}]"
        lines.append(f"  - {text}")
    for e in result["evidence"][:5]:
        lines.append(f"    {'依据' if zh else 'source'} {e['source']}: {e['text'][:160]}")
    return "\n".join(lines)


@app.command()
def export(format: FormatOpt = "turtle", output: Annotated[Path, typer.Option("-o", "--output")] = Path("-"),
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Write a linked-data dump (turtle, trig, nquads or jsonld)."""
    import pyoxigraph as ox

    _choice(format, ("turtle", "trig", "nquads", "jsonld"))
    db = _open(store, read_only=True)
    try:
        if not hasattr(db, "dump"):
            raise fail("export needs the embedded store")
        fmt = {"turtle": ox.RdfFormat.TRIG, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
               "jsonld": ox.RdfFormat.N_QUADS}[format]
        data = db.dump(fmt)
    finally:
        db.close()
    if format in ("turtle", "jsonld"):
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data=data, format="trig" if format == "turtle" else "nquads")
        if format == "turtle":
            from rdflib import Graph

            merged = Graph()
            for s, p, o, _ in dataset.quads():
                merged.add((s, p, o))
            data = merged.serialize(format="turtle").encode("utf-8")
        else:
            data = dataset.serialize(format="json-ld").encode("utf-8")
    if str(output) == "-":
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@app.command()
def serve(store: StoreOpt = DEFAULT_STORE, host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port")] = 8000) -> None:
    """Serve /sparql, /ask and the web page over HTTP."""
    import uvicorn

    from kg.server import create_app

    if not Path(store).exists():
        raise fail(f"no store at {store}; run `suanli ingest` first")
    uvicorn.run(create_app(store=store), host=host, port=port, log_level="warning")


def main() -> None:
    """Console entry point; usage errors exit 2 as the contract says."""
    try:
        app(standalone_mode=True)
    except SuanliError as exc:
        typer.echo(f"suanli: {exc}", err=True)
        raise SystemExit(2) from None
