"""The `suanli` command: a thin adapter over ingest, facts, validate, query, ask, export and serve.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 not conforming, 2 bad usage or input.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extract.errors import BadQueryError, SuanliError

if TYPE_CHECKING:
    from kg.graph.store import Results
    from kg.pipeline.ingest import IngestReport
    from kg.pipeline.scale import ExtractReport

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Suanli KG: China's computing infrastructure as a knowledge graph.")


def _version(shown: bool) -> None:
    if shown:
        from importlib.metadata import version

        typer.echo(f"suanli {version('suanli-kg')}")
        raise typer.Exit()


@app.callback()
def _root(show_version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                      help="print the version and exit")] = False) -> None:
    """Suanli KG: China's computing infrastructure as a knowledge graph."""

StoreOpt = Annotated[str, typer.Option("--store", help="store directory")]
def _format(*choices: str) -> Any:
    """The --format option with its choices in the help (`_choice` checks the same tuple)."""
    return typer.Option("--format", help=f"output format: {', '.join(choices)}")
DEFAULT_STORE = "./suanli-store"


def fail(message: str, code: int = 2) -> typer.Exit:
    """One clear line on stderr, then exit with `code`."""
    typer.echo(f"suanli: {message}", err=True)
    return typer.Exit(code)


def _settings(store: str):
    from kg.web.settings import Settings

    return Settings.from_env(store=store)


_HELD: list[int] = []  # the store's lock, held until the command ends


def _open(store: str, *, must_exist: bool = False, write: bool = True):
    """The store; a command that writes takes the store's lock first (refused while a service serves it),
    a command that only reads opens it read-only, so it runs beside an ingest or a service."""
    from kg.graph.iris import summary_graph
    from kg.graph.store import lock_store, open_store

    settings = _settings(store)
    if not settings.endpoint and must_exist and not Path(store).exists():
        raise fail(f"no store at {store}; run `suanli ingest` first")
    if not settings.endpoint and write and not os.environ.get("SUANLI_SERVICE_WRITE"):
        try:
            _HELD.append(lock_store(settings.store, exclusive=True))
        except SuanliError as exc:
            raise fail(str(exc)) from None
    try:
        return open_store(path=settings.store, endpoint=settings.endpoint, update_endpoint=settings.update_endpoint,
                          read_only=not write and not settings.endpoint, default_graph=summary_graph(settings.base))
    except OSError as exc:
        raise fail(f"cannot open the store {store}: {' '.join(str(exc).split())[:200]}") from None


def _base() -> str:
    from kg.web.settings import Settings

    return Settings.from_env().base


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise fail(f"--format must be one of {', '.join(allowed)}")
    return value


@app.command()
def ingest(paths: Annotated[list[str] | None, typer.Argument(help="files or directories")] = None,
           store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("text", "json")] = "text",
           jobs: Annotated[int, typer.Option("--jobs", "-j", help="processes that extract documents (default: the CPU count)")]
           = 0,
           curated: Annotated[Path | None, typer.Option("--facts", help="a JSON list of curated facts, each with a source")]
           = None,
           lang: Annotated[str, typer.Option("--lang", help="language of the report lines: en, zh")] = "en") -> None:
    """Read text or HTML documents into the store (idempotent), or curated facts with --facts."""
    from kg.pipeline.ingest import expand
    from kg.pipeline.ingest import ingest as run

    _choice(format, ("text", "json"))
    if jobs < 0:
        raise fail(f"--jobs takes a number of processes, not {jobs}")
    if not paths and curated is None:
        raise fail("name files or directories to ingest, or --facts FILE.json")
    workers = jobs or os.cpu_count() or 1
    raw = b""
    try:
        files = expand(paths or [])
        if curated is not None:
            raw = curated.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read {curated}: {exc.strerror or exc}") from None
    except SuanliError as exc:
        raise fail(str(exc)) from None
    show_progress = sys.stderr.isatty() and len(files) > 3
    db = _open(store)
    try:
        if curated is not None:
            from kg.pipeline.write import ingest_curated

            report = ingest_curated(raw, store=db, base=_base(), path=curated.name)
        elif show_progress:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("ingest", total=len(files))
                report = run(files, store=db, base=_base(), progress=lambda _: bar.advance(task), jobs=workers,
                             on_empty=lambda p: typer.echo(f"suanli: skipped empty document {p}", err=True))
        else:
            report = run(files, store=db, base=_base(), jobs=workers,
                         on_empty=lambda p: typer.echo(f"suanli: skipped empty document {p}", err=True))
    except SuanliError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()
    _print_report(report, format, lang)


def _print_report(report: IngestReport | ExtractReport, format: str, lang: str) -> None:
    """What an ingest or a load did: JSON per document, or one line per issue and a closing count."""
    if format == "json":
        typer.echo(json.dumps([{"path": d.path, "status": d.status, "facts": d.facts, "quarantined": d.quarantined,
                                "issues": [{"severity": e.severity, "focus": e.focus, "message": e.message(lang)}
                                           for e in d.issues]}
                               for d in report.documents], ensure_ascii=False))
        return
    summary = ", ".join(f"{report.count(s)} {s}" for s in ("added", "replaced", "unchanged", "empty", "written") if report.count(s))
    facts = sum(d.facts for d in report.documents)
    kept = sum(d.quarantined for d in report.documents)
    zh = lang.startswith("zh")
    warned = 0
    for d in report.documents:  # what validation kept aside or warns of (conflicts between sources), one line a result
        for entry in d.issues:
            if entry.severity in ("Violation", "Warning"):
                warned += entry.severity == "Warning"
                what = {"Violation": ("已隔离", "kept aside"), "Warning": ("警告", "warning")}[entry.severity][0 if zh else 1]
                typer.echo(f"suanli: {what} {d.path}: {entry.message(lang)}", err=True)
    tail = (f";隔离 {kept} 条" if zh else f"; {kept} kept aside (suanli quarantine list)") if kept else ""
    tail += (f";警告 {warned} 条" if zh else f"; {warned} warning{'s' if warned != 1 else ''} (suanli validate)") if warned else ""
    documents = f"{len(report.documents)} document{'s' if len(report.documents) != 1 else ''}"
    typer.echo(f"{documents} ({summary}); {facts} fact{'s' if facts != 1 else ''} read{tail}", err=True)


@app.command()
def extract(paths: Annotated[list[str] | None, typer.Argument(help="files or directories")] = None,
            out: Annotated[Path | None, typer.Option("--out", help="directory for one .nq and one .jsonl per document")] = None,
            engine: Annotated[str, typer.Option("--engine", help="local (processes) or dask (a Dask cluster)")] = "local",
            scheduler: Annotated[str | None, typer.Option("--scheduler", help="the Dask scheduler's address, tcp://HOST:PORT")]
            = None,
            jobs: Annotated[int, typer.Option("--jobs", "-j", help="local processes (default: the CPU count)")] = 0,
            format: Annotated[str, _format("text", "json")] = "text") -> None:
    """Turn documents into files without a store: each one's named graph (N-Quads) and facts (JSON Lines).

    Files are named by the document's content hash; a document whose files exist is skipped. `suanli load` stores them.
    """
    from kg.pipeline.scale import extract_documents

    _choice(format, ("text", "json"))
    if not paths or out is None:
        raise fail("name files or directories to extract, and --out DIR")
    if jobs < 0:
        raise fail(f"--jobs takes a number of processes, not {jobs}")
    if scheduler and engine != "dask":
        raise fail("--scheduler goes with --engine dask")
    try:
        report = extract_documents(paths, out=out, base=_base(), engine=engine, jobs=jobs or os.cpu_count() or 1,
                                   scheduler=scheduler,
                                   on_empty=lambda p: typer.echo(f"suanli: skipped empty document {p}", err=True))
    except SuanliError as exc:
        raise fail(str(exc)) from None
    _print_report(report, format, "en")


@app.command()
def load(directory: Annotated[Path | None, typer.Argument(help="a directory `suanli extract` wrote")] = None,
         store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("text", "json")] = "text",
         jobs: Annotated[int, typer.Option("--jobs", "-j", help="processes that check documents (default: the CPU count)")]
         = 0,
         lang: Annotated[str, typer.Option("--lang", help="language of the report lines: en, zh")] = "en") -> None:
    """Load what `extract` wrote, validated like ingest (idempotent; the same store): into the embedded store with
    Oxigraph's bulk loader, or into the remote store SUANLI_ENDPOINT names with SPARQL Update."""
    from kg.pipeline.scale import load_directory

    _choice(format, ("text", "json"))
    if directory is None:
        raise fail("name the directory `suanli extract` wrote")
    if not directory.is_dir():
        raise fail(f"[SL-E001] {directory}: no such directory")
    if jobs < 0:
        raise fail(f"--jobs takes a number of processes, not {jobs}")
    workers = jobs or os.cpu_count() or 1
    db = _open(store)
    try:
        report = load_directory(directory, store=db, base=_base(), jobs=workers)
    except SuanliError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()
    _print_report(report, format, lang)


_SCRIPTS = {"en": "en", "zh": "zh-Hans", "zh-Hans": "zh-Hans", "zh-Hant": "zh-Hant"}


def _script(lang: str) -> str:
    """The reader's script from --lang (zh is taken as zh-Hans)."""
    if lang not in _SCRIPTS:
        raise fail(f"--lang must be one of en, zh-Hans, zh-Hant, not '{lang}'")
    return _SCRIPTS[lang]


def _print_table(headers: list[str], rows: list[list[str]], *, widest: dict[int, int] | None = None) -> None:
    """A table as wide as the terminal: each cell on one line, what does not fit cut with "…" (never wrapped).

    Columns take their natural width up to `widest[i]`; while the table is too wide the widest column gives
    way first, so a long sentence is cut before a name is.
    """
    import shutil

    from rich.cells import cell_len

    cells = [[" ".join(cell.split()) for cell in row] for row in [headers, *rows]]
    widths = [min(max(cell_len(row[i]) for row in cells), (widest or {}).get(i, 10**6)) for i in range(len(headers))]
    room = max(shutil.get_terminal_size().columns - 2 * (len(widths) - 1), 4 * len(widths))
    while sum(widths) > room:
        widths[widths.index(max(widths))] -= 1
    lines = [cells[0], ["─" * w for w in widths], *cells[1:]]
    for row in lines:
        typer.echo("  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` terminal cells: padded, or cut with "…" (a wide character counts two)."""
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    kept, used = [], 0
    for char in text:
        if used + cell_len(char) > width - 1:
            break
        kept.append(char)
        used += cell_len(char)
    return "".join(kept) + "…" + " " * (width - 1 - used)


def _name(entity: dict | None, labels: dict[str, dict[str, str]], script: str) -> str:
    """An entity's name in the reader's script: its own zh-Hant label, else the simplified one turned."""
    from kg import present

    if not entity:
        return ""
    if script == "en":
        return entity.get("label_en") or entity.get("label_zh") or entity["iri"]
    own = labels.get(entity["iri"], {}).get("zh-Hant") if script == "zh-Hant" else None
    return own or present.in_script(entity.get("label_zh") or entity.get("label_en") or entity["iri"], script)


def _mentions(fact: dict, needle: str, labels: dict[str, dict[str, str]]) -> bool:
    """True when the fact's subject or object has `needle` in a label (any script) or its IRI, ignoring case."""
    from kg import present

    wanted = needle.casefold()
    for entity in (fact["subject"], fact["object"]):
        if not entity:
            continue
        names = [entity["iri"], entity.get("label_zh"), entity.get("label_en"),
                 labels.get(entity["iri"], {}).get("zh-Hant"), present.in_script(entity.get("label_zh") or "", "zh-Hant")]
        if any(wanted in name.casefold() for name in names if name):
            return True
    return False


@app.command()
def facts(store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("json", "csv", "table")] = "table",
          entity: Annotated[str | None, typer.Option(
              "--entity", help="only facts about an entity: part of its name in any script, or of its IRI")] = None,
          metric: Annotated[str | None, typer.Option("--metric", help="only one metric, by code (rack_count, part_of…)")]
          = None,
          lang: Annotated[str, typer.Option("--lang", help="the table's language: en, zh-Hans, zh-Hant")] = "en") -> None:
    """Print the normalised fact table (json as the contract says, csv with evidence, or a table for people)."""
    from kg.graph.factview import entity_labels, metric_codes
    from kg.graph.factview import facts as fact_table

    _choice(format, ("json", "csv", "table"))
    script = _script(lang)
    if metric is not None and metric not in metric_codes():
        raise fail(f"unknown metric '{metric}'; choose one of {', '.join(metric_codes())}")
    db = _open(store, must_exist=True, write=False)
    try:
        rows = fact_table(db)
        labels = entity_labels(db) if entity or script == "zh-Hant" else {}
    finally:
        db.close()
    rows = [r for r in rows if (metric is None or r["metric"] == metric) and (not entity or _mentions(r, entity, labels))]
    if (entity or metric) and not rows:
        typer.echo(f"suanli: no fact matches{f' --entity {entity}' if entity else ''}"
                   f"{f' --metric {metric}' if metric else ''}", err=True)
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif format == "csv":
        typer.echo(_facts_csv(rows), nl=False)
    else:
        _facts_table(rows, labels, script)


_CSV_FIELDS = ["subject", "subject_en", "type", "metric", "value", "unit", "object", "comparator", "status", "time",
               "kind", "file", "object_en", "subject_iri", "object_iri", "evidence"]


def _facts_csv(rows: list[dict]) -> str:
    """The fact table as CSV: the first twelve columns as before, then English object names, IRIs and evidence."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_CSV_FIELDS)
    writer.writeheader()
    for r in rows:
        subject, obj = r["subject"], r["object"] or {}
        writer.writerow({
            "subject": subject["label_zh"] or subject["label_en"], "subject_en": subject["label_en"],
            "type": subject["type"], "metric": r["metric"], "value": r["value"], "unit": r["unit"],
            "object": obj.get("label_zh") or obj.get("label_en"), "comparator": r["comparator"], "status": r["status"],
            "time": r["time"], "kind": r["kind"], "file": r["source"]["file"], "object_en": obj.get("label_en"),
            "subject_iri": subject["iri"], "object_iri": obj.get("iri"), "evidence": r["evidence"],
        })
    return buffer.getvalue()


_FACT_HEADERS = {"en": ["entity", "metric", "figure", "qualifiers", "source", "evidence"],
                 "zh": ["实体", "指标", "数值", "说明", "来源", "证据"]}


def _facts_table(rows: list[dict], labels: dict[str, dict[str, str]], script: str) -> None:
    """The fact table for people: names in the reader's script, figures and qualifiers worded by the presenter."""
    from kg import present

    lines = []
    for r in rows:
        if r["object"] is not None:
            figure = "→ " + _name(r["object"], labels, script)
        elif r["value"] is not None:
            figure = present.figure(r["value"], r["unit"], r["comparator"], script, metric=r["metric"])
        else:
            figure = ""
        lines.append([_name(r["subject"], labels, script), present.metric_word(r["metric"], script), figure,
                      present.qualifiers(r["status"], r["kind"], r["time"], script), r["source"]["file"] or "",
                      r["evidence"] or ""])  # a quote stays as the source wrote it
    headers = [present.in_script(h, script) for h in _FACT_HEADERS["en" if script == "en" else "zh"]]
    _print_table(headers, lines, widest={0: 32, 1: 22, 2: 34, 3: 28, 4: 24})


def _readable(text: str, labels: dict[str, dict[str, str]], lang: str) -> str:
    """A report message with entity IRIs written as their labels in `lang`."""
    key = "zh-Hans" if lang.startswith("zh") else "en"
    return re.sub(r"https?://\S+?(?=[\s,;:)(),。:;]|$)",
                  lambda m: labels.get(m.group(0), {}).get(key) or re.split(r"[/#]", m.group(0))[-1], text)


def _print_results(results: list[dict], labels: dict[str, dict[str, str]], lang: str) -> None:
    """Results grouped by entity, in one language."""
    zh = lang.startswith("zh")
    names = {"Violation": "违规" if zh else "violation", "Warning": "警告" if zh else "warning", "Info": "提示" if zh else "info"}
    by_entity: dict[str, list[dict]] = {}
    for r in results:
        by_entity.setdefault(r["entity"], []).append(r)
    for entity, entries in sorted(by_entity.items()):
        typer.echo(_readable(entity, labels, lang))
        for r in entries:
            state = ("(已隔离)" if zh else " (quarantined)") if r["quarantined"] else ""
            source = f" [{r['file']}]" if r.get("file") else ""
            typer.echo(f"  {names.get(r['severity'], r['severity'])}{state}: "
                       f"{_readable(r['message_zh'] if zh else r['message_en'], labels, lang)}{source}")


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("text", "json", "turtle")] = "text",
             lang: Annotated[str, typer.Option("--lang", help="zh or en")] = "en") -> None:
    """Check every document against the SHACL shapes in its context; exit 1 while any fact is quarantined.

    Facts that now break a Violation go to quarantine; quarantined facts that now pass come back.
    """
    from kg.graph.factview import entity_labels
    from kg.pipeline.validate import SH, stored_results
    from kg.pipeline.write import document_hashes, recheck

    _choice(format, ("text", "json", "turtle"))
    if lang not in ("zh", "en", "zh-Hans", "zh-Hant"):
        raise fail("--lang must be zh or en")
    db = _open(store, must_exist=True)  # validation writes quarantine and report graphs
    base = _base()
    try:
        for content_hash in document_hashes(db):
            recheck(db, base=base, content_hash=content_hash)
        results = stored_results(db, base)
        labels = entity_labels(db)
    finally:
        db.close()
    quarantined = {r["focus"] for r in results if r["quarantined"]}
    conforms = not quarantined
    if format == "json":
        typer.echo(json.dumps({"conforms": conforms, "quarantined": len(quarantined), "results": results},
                              ensure_ascii=False, indent=1))
    elif format == "turtle":
        from rdflib import Literal, URIRef
        from rdflib.namespace import RDF, XSD

        from kg.graph.rdf import new_graph

        graph = new_graph()
        graph.bind("sh", SH)
        report = URIRef(f"{base}report")
        graph.add((report, RDF.type, SH.ValidationReport))
        graph.add((report, SH.conforms, Literal(conforms, datatype=XSD.boolean)))
        for i, r in enumerate(results):
            node = URIRef(f"{base}report#r{i}")
            graph.add((report, SH.result, node))
            graph.add((node, RDF.type, SH.ValidationResult))
            graph.add((node, SH.focusNode, URIRef(r["focus"])))
            graph.add((node, SH.resultSeverity, SH[r["severity"]]))
            graph.add((node, SH.resultMessage, Literal(r["message_zh"], lang="zh-Hans")))
            graph.add((node, SH.resultMessage, Literal(r["message_en"], lang="en")))
        typer.echo(graph.serialize(format="turtle"))
    else:
        zh = lang.startswith("zh")
        counts = {s: sum(1 for r in results if r["severity"] == s) for s in ("Violation", "Warning", "Info")}
        if zh:
            typer.echo(f"符合约束: {'是' if conforms else '否'};违规 {counts['Violation']}(已隔离事实 {len(quarantined)}),"
                       f"警告 {counts['Warning']},提示 {counts['Info']}")
        else:
            typer.echo(f"conforms: {conforms}; {counts['Violation']} violations ({len(quarantined)} facts quarantined), "
                       f"{counts['Warning']} warnings, {counts['Info']} info")
        _print_results(results, labels, lang)
    if not conforms:
        raise typer.Exit(1)


quarantine_app = typer.Typer(no_args_is_help=True, help="Facts kept aside by a Violation: list them, correct and re-admit them.")
app.add_typer(quarantine_app, name="quarantine")


@quarantine_app.command("list")
def quarantine_list(store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("text", "json")] = "text",
                    lang: Annotated[str, typer.Option("--lang", help="en, zh-Hans or zh-Hant")] = "en") -> None:
    """The quarantined facts: entity, metric, value, the rule each breaks and its source file."""
    from kg.graph.factview import entity_labels, fact_figures
    from kg.pipeline.validate import stored_results

    _choice(format, ("text", "json"))
    script = _script(lang)
    db = _open(store, must_exist=True, write=False)
    try:
        results = [r for r in stored_results(db, _base()) if r["quarantined"]]
        labels = entity_labels(db)
        figures = fact_figures(db, [r["focus"] for r in results])
    finally:
        db.close()
    for r in results:
        r["metric"] = figures.get(r["focus"], {}).get("metric")
    if format == "json":
        typer.echo(json.dumps(results, ensure_ascii=False, indent=1))
    elif not results:
        typer.echo({"en": "nothing is quarantined", "zh-Hans": "没有被隔离的事实", "zh-Hant": "沒有被隔離的事實"}[script])
    else:
        _quarantine_table(results, figures, labels, script)


_QUARANTINE_HEADERS = {"en": ["entity", "metric", "value", "reason", "source"], "zh": ["实体", "指标", "数值", "原因", "来源"]}


def _quarantine_table(results: list[dict], figures: dict[str, dict], labels: dict[str, dict[str, str]],
                      script: str) -> None:
    """One line a kept-aside fact and rule it breaks, in the reader's language."""
    from kg import present
    from kg.graph.factview import entity_json

    lines = []
    for r in results:
        fact = figures.get(r["focus"], {})
        if fact.get("object"):
            value = "→ " + _name(entity_json(fact["object"], labels), labels, script)
        elif fact.get("value") is not None:
            value = present.figure(fact["value"], fact["unit"], fact["comparator"], script, metric=fact["metric"])
        else:
            value = r["value"] or ""
        reason = _readable(r["message_en"] if script == "en" else r["message_zh"], labels, script)
        lines.append([_name(entity_json(r["entity"], labels), labels, script) if r["entity"] in labels
                      else r["entity"].rsplit("/", 1)[-1], present.metric_word(fact.get("metric"), script), value,
                      present.in_script(reason, script), r["file"] or ""])
    headers = [present.in_script(h, script) for h in _QUARANTINE_HEADERS["en" if script == "en" else "zh"]]
    _print_table(headers, lines, widest={0: 32, 1: 22, 2: 24, 4: 28})


@quarantine_app.command("readmit")
def quarantine_readmit(
    facts: Annotated[list[str] | None, typer.Argument(help="quarantined fact IRIs (all when none)")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="FIELD=VALUE correction of the named fact (value, unit, comparator, status, kind, time)")] = None,
    by: Annotated[str | None, typer.Option(
        "--by", help="who corrects, as the graph records it (default: your login name)")] = None,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Validate quarantined facts again (after a correction, or a change of shapes or reference data); admit those that pass.

    A correction is recorded beside the fact: who made it (--by), when, with this command, and the original value.
    """
    from kg.pipeline.validate import stored_results
    from kg.pipeline.write import Corrector, recheck

    corrections: dict[str, str] = {}
    for item in set_ or []:
        field, sep, value = item.partition("=")
        if not sep or not value:
            raise fail(f"--set takes FIELD=VALUE, not '{item}'")
        corrections[field.strip()] = value.strip()
    if corrections and len(facts or []) != 1:
        raise fail("--set corrects one fact: name exactly one fact IRI")
    if by is not None and (not by.strip() or not by.isprintable()):
        raise fail("--by takes a name, not an empty or unprintable one")
    corrector = Corrector(by.strip() if by else _login(),
                          "suanli quarantine readmit " + " ".join(f"--set {f}={v}" for f, v in corrections.items()))
    db = _open(store)
    base = _base()
    try:
        held = [r for r in stored_results(db, base) if r["quarantined"]]
        wanted = set(facts or [r["focus"] for r in held])
        unknown = wanted - {r["focus"] for r in held}
        if unknown:
            raise fail(f"not a quarantined fact: {sorted(unknown)[0]}")
        by_document = db.select(
            "PREFIX sl: <https://w3id.org/suanli/ontology#> SELECT DISTINCT ?fact ?hash WHERE { "
            f"VALUES ?fact {{ {' '.join(f'<{f}>' for f in sorted(wanted))} }} "
            "GRAPH ?q { ?fact sl:subject ?s ; prov:wasDerivedFrom ?doc } GRAPH ?g { ?doc sl:contentHash ?hash } }"
            .replace("SELECT", "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT", 1)).rows
        hashes = sorted({r["hash"]["value"] for r in by_document})
        try:
            for content_hash in hashes:
                fixes = {facts[0]: corrections} if corrections and facts else None
                recheck(db, base=base, content_hash=content_hash, corrections=fixes, by=corrector)
        except SuanliError as exc:
            raise fail(exc.message) from None
        still = {r["focus"] for r in stored_results(db, base) if r["quarantined"]} & wanted
    finally:
        db.close()
    typer.echo(f"re-admitted {len(wanted) - len(still)} of {len(wanted)} facts", err=True)
    for fact in sorted(still):
        typer.echo(f"still quarantined: {fact}", err=True)
    if still:
        raise typer.Exit(1)


def _login() -> str:
    """The user running the command, as a correction records who made it."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "unknown"


_GRAPH_FORMATS = ("table", "turtle", "nt", "json")


@app.command()
def query(sparql: Annotated[str | None, typer.Argument(help="SPARQL query text")] = None,
          file: Annotated[Path | None, typer.Option("--file", help="read the query from a file")] = None,
          store: StoreOpt = DEFAULT_STORE,
          format: Annotated[str, typer.Option("--format", help="SELECT and ASK: table, json, csv, tsv; "
                                              "CONSTRUCT and DESCRIBE: turtle (or table), nt, json (JSON-LD)")]
          = "table") -> None:
    """Run a SPARQL query against the store: SELECT and ASK print results, CONSTRUCT and DESCRIBE a graph."""
    from kg.graph.query_text import query_form

    _choice(format, ("table", "json", "csv", "tsv", "turtle", "nt"))
    text = _query_text(sparql, file)
    form = query_form(text)
    builds = form in ("construct", "describe")
    if builds and format not in _GRAPH_FORMATS:
        raise fail(f"a {form.upper()} query builds a graph: --format turtle, nt or json, not {format}")
    if not builds and format in ("turtle", "nt"):
        raise fail(f"--format {format} is for CONSTRUCT and DESCRIBE; SELECT and ASK print table, json, csv or tsv")
    db = _open(store, must_exist=True, write=False)
    try:
        if builds:
            data = db.graph(text)
        else:
            results = db.select(text)
    except BadQueryError as exc:
        raise fail(f"bad query: {str(exc).splitlines()[0]}") from None
    finally:
        db.close()
    if builds:
        _print_graph(data, format)
    else:
        _print_results_of(results, format)


def _query_text(sparql: str | None, file: Path | None) -> str:
    """The query from the argument or the file, exactly one of them."""
    if (sparql is None) == (file is None):
        raise fail("give a query or --file, not both")
    if file is None:
        return sparql or ""
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read {file}: {exc}") from None


def _print_graph(data: bytes, format: str) -> None:
    """A built graph: N-Triples as the store wrote it, or Turtle / JSON-LD with our prefixes, subjects grouped."""
    if format == "nt":
        sys.stdout.buffer.write(data)
        return
    from rdflib import Graph

    from kg.graph.prefixes import readable

    graph = Graph().parse(data=data, format="nt")
    sys.stdout.buffer.write(readable(graph, "jsonld" if format == "json" else "turtle", _base()))


def _print_results_of(results: Results, format: str) -> None:
    """SELECT rows or an ASK answer in the asked format (json, csv and tsv as SPARQL 1.1 writes them)."""
    if format == "json":
        typer.echo(json.dumps(results.to_json(), ensure_ascii=False))
    elif results.boolean is not None:
        typer.echo("true" if results.boolean else "false")
    elif format == "tsv":
        typer.echo(results.to_tsv(), nl=False)
    elif format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(results.variables)
        for row in results.rows:
            writer.writerow([row.get(v, {}).get("value", "") for v in results.variables])
        typer.echo(buffer.getvalue(), nl=False)
    else:
        from kg.graph.prefixes import prefixes

        names = sorted(prefixes(_base()).items(), key=lambda item: -len(item[1]))
        _print_table(list(results.variables), [[_short(row[v], names) if v in row else "" for v in results.variables]
                                               for row in results.rows])


def _short(cell: dict[str, str], names: list[tuple[str, str]]) -> str:
    """A result cell for people: an IRI under a known namespace as prefix:name, other values as they are."""
    if cell["type"] == "uri":
        for prefix, namespace in names:
            if cell["value"].startswith(namespace) and len(cell["value"]) > len(namespace):
                return f"{prefix}:{cell['value'][len(namespace):]}"
    return cell["value"]


@app.command()
def ask(question: Annotated[str | None, typer.Argument(help="a question in Chinese or English")] = None,
        batch: Annotated[Path | None, typer.Option("--batch", help="one question a line")] = None,
        store: StoreOpt = DEFAULT_STORE, format: Annotated[str, _format("text", "json")] = "text") -> None:
    """Answer questions from the graph, with the SPARQL that ran and the evidence."""
    from kg.qa.ask import ask as answer

    _choice(format, ("text", "json"))
    if (question is None) == (batch is None):
        raise fail("give a question or --batch FILE")
    if question is not None and not question.strip():
        raise fail("the question is empty")
    if batch is not None:
        try:
            questions = [q for q in batch.read_text(encoding="utf-8").splitlines() if q.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"cannot read {batch}: {exc}") from None
    else:
        questions = [question or ""]
    db = _open(store, must_exist=True, write=False)
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
    """An answer for people: each answer as the question layer worded it, then the sentences it rests on."""
    from kg import present

    script = present.script_of(result.get("lang"), result.get("script"))
    lines = [f"? {result['question']}"]
    if result["boolean"] is not None:
        lines.append(present.word("yes" if result["boolean"] else "no", script))
    elif not result["answers"]:
        lines.append(present.word("no_answer", script) + (result["interpretation"] or ""))
    for a in result["answers"]:
        lines.append(f"  - {a.get('display') or present.display(a, script)}")
    seen: set[str] = set()
    for e in result["evidence"]:
        if e["text"] in seen:
            continue
        seen.add(e["text"])
        quote = e["text"] if len(e["text"]) <= 240 else e["text"][:239] + "…"
        lines.append(f"    {present.word('source', script)} {e['source']}: {quote}")
        if len(seen) == 5:
            break
    return "\n".join(lines)


@app.command()
def export(format: Annotated[str, _format("turtle", "trig", "nquads", "jsonld")] = "turtle",
           output: Annotated[Path, typer.Option("-o", "--output", help="the file to write (- for stdout)")] = Path("-"),
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Write a linked-data dump: turtle (every graph merged), trig (one block per named graph), nquads or jsonld.

    Turtle, TriG and JSON-LD use the sl:, res: and standard prefixes and group each subject's statements.
    """
    import pyoxigraph as ox

    _choice(format, ("turtle", "trig", "nquads", "jsonld"))
    db = _open(store, must_exist=True, write=False)
    try:
        if not hasattr(db, "dump"):
            raise fail("export needs the embedded store")
        data = db.dump(ox.RdfFormat.N_QUADS)
    finally:
        db.close()
    if format != "nquads":
        data = _readable_dump(data, format)
    if str(output) == "-":
        sys.stdout.buffer.write(data)
    else:
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
        typer.echo(f"wrote {output} ({len(data)} bytes)", err=True)


def _readable_dump(nquads: bytes, format: str) -> bytes:
    """The store's N-Quads as Turtle (the union of its graphs), TriG or JSON-LD, with our prefixes."""
    from rdflib import Graph

    from kg.graph.prefixes import dataset_from_nquads, readable

    dataset = dataset_from_nquads(nquads)
    if format != "turtle":
        return readable(dataset, format, _base())
    merged = Graph()
    for s, p, o, _ in dataset.quads():
        merged.add((s, p, o))
    return readable(merged, "turtle", _base())


@app.command()
def serve(store: StoreOpt = DEFAULT_STORE, host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port")] = 8000,
          timeout: Annotated[float | None, typer.Option("--timeout", help="seconds before a query is stopped")] = None,
          workers: Annotated[int | None, typer.Option("--workers", help="query worker processes")] = None,
          rate_limit: Annotated[float | None, typer.Option("--rate-limit", help="requests a second per client; 0 = none")] = None,
          row_cap: Annotated[int | None, typer.Option("--row-cap", help="rows an answer carries at most")] = None) -> None:
    """Serve /sparql, /rdf-graphs, /ask and the web page over HTTP (read-only unless SUANLI_UPDATE_TOKEN is set)."""
    import uvicorn

    from kg.graph.store import lock_store
    from kg.web.server import create_app, guarded_http
    from kg.web.settings import Limits

    settings = _settings(store)
    if not settings.endpoint and not Path(store).exists():
        raise fail(f"no store at {store}; run `suanli ingest` first")
    if not settings.endpoint:  # an ingest from another process would leave the service answering from an old copy
        try:
            _HELD.append(lock_store(settings.store, exclusive=False))
        except SuanliError as exc:
            raise fail(str(exc)) from None
    try:
        limits = Limits.from_env(timeout=timeout, workers=workers, rate=rate_limit, row_cap=row_cap)
    except ValueError as exc:
        raise fail(str(exc)) from None
    if limits.timeout <= 0 or limits.row_cap <= 0:
        raise fail("--timeout and --row-cap must be positive")
    app = create_app(store=settings.store, endpoint=settings.endpoint, limits=limits)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, loop="uvloop",
                http=guarded_http(limits.header_timeout), timeout_keep_alive=5)


def main() -> None:
    """Console entry point; usage errors exit 2 with one line, as the contract says (never Click's usage box)."""
    import importlib

    try:  # a recent Typer carries its own copy of Click, an older one uses Click's
        errors: Any = importlib.import_module("typer._click.exceptions")
    except ImportError:  # pragma: no cover
        errors = importlib.import_module("click.exceptions")
    ClickException, UsageError = errors.ClickException, errors.UsageError  # noqa: N806 - classes
    help_only = getattr(errors, "NoArgsIsHelpError", ())  # Click < 8.2 prints the help itself
    try:
        code = app(prog_name="suanli", standalone_mode=False)
    except help_only as exc:  # `suanli` or `suanli quarantine` alone: the help (Typer prints it while formatting)
        if text := exc.format_message().strip():
            typer.echo(text, err=True)
        raise SystemExit(2) from None
    except UsageError as exc:  # an unknown option or command, a missing or ill-typed value
        where = exc.ctx.command_path if exc.ctx else "suanli"
        message = " ".join(exc.format_message().split()).rstrip(".")
        typer.echo(f"suanli: {message[0].lower() + message[1:]} (see `{where} --help`)", err=True)
        raise SystemExit(2) from None
    except typer.Abort:  # end of input at a prompt
        typer.echo("suanli: interrupted", err=True)
        raise SystemExit(130) from None
    except ClickException as exc:
        typer.echo(f"suanli: {' '.join(exc.format_message().split())}", err=True)
        raise SystemExit(exc.exit_code) from None
    except SuanliError as exc:
        typer.echo(f"suanli: {exc}", err=True)
        raise SystemExit(2) from None
    raise SystemExit(code if isinstance(code, int) else 0)
