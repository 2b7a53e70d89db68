"""What a query's text says before it runs: its form, its own dataset clauses, and why it must not run.

Keywords are looked for outside strings, IRIs, comments and variables; the refusal (SERVICE, LOAD, deep
nesting) reads the query as tokens (`kg.graph.sparql_lex`), as the engine reads it. Used by the store,
which must know whether a query names its own dataset, and by the protocol at the edge.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.graph import sparql_lex

# Strings, IRIs, comments and variables: the parts of a query where keywords are only text.
_NOT_KEYWORDS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                           r'|<[^<>\s]*>|[?$]\w+|#[^\n]*')
_STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                                   r'|<[^<>\s]*>|#[^\n]*')
_FORM = re.compile(r"(?<![\w:])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
_FROM_WORD = re.compile(r"(?<![\w:])FROM(?![\w:])", re.IGNORECASE)
_GRAPH = re.compile(r"(?<![\w:])GRAPH(?![\w:])", re.IGNORECASE)
_USING = re.compile(r"(?<![\w:])(USING|WITH)(?![\w:])", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w:])FROM\s+(?:NAMED\s+)?(<[^<>\s]*>|[\w.-]*:[\w.-]*)", re.IGNORECASE)
_PREFIX = re.compile(r"(?<![\w:])PREFIX\s+([\w.-]*):\s*<([^<>\s]*)>", re.IGNORECASE)


@lru_cache(maxsize=512)
def _keywords_only(text: str) -> str:
    """The query without strings, IRIs, comments and variables (cached: several checks read it)."""
    return _NOT_KEYWORDS.sub(" ", text)


def query_form(text: str) -> str:
    """select, ask, construct or describe: the first query-form keyword outside strings, IRIs and comments."""
    match = _FORM.search(_keywords_only(text))
    return match.group(1).lower() if match else ""


def names_dataset(text: str) -> bool:
    """True when a query has its own FROM or FROM NAMED clause (strings, IRIs and comments aside)."""
    return _FROM_WORD.search(_keywords_only(text)) is not None


def has_dataset_keyword(text: str) -> bool:
    """True when an update has its own USING or WITH clause (outside strings, IRIs and comments)."""
    return _USING.search(_keywords_only(text)) is not None


def reads_named_graphs(text: str) -> bool:
    """True when a query has a GRAPH pattern (outside strings, IRIs and comments)."""
    return _GRAPH.search(_keywords_only(text)) is not None


def refusal(text: str) -> str | None:
    """Why a query or update must not run here: it would reach outside this dataset, or nest too deep to parse safely.

    Read from the query's tokens (`kg.graph.sparql_lex`), after its \\u escapes are decoded as the engine decodes them, so
    `SERVICEp:x`, `\\u0053ERVICE` or a keyword between a `<` and a `>` is seen as the engine sees it.
    """
    try:
        scan = sparql_lex.scan(text)
    except ValueError as exc:
        return f"bad query: {exc}"
    if scan.forbidden:
        return (f"{scan.forbidden} is not allowed on this endpoint: it would fetch data from outside this dataset "
                "(a prefix or word that begins with SERVICE or LOAD is refused too)")
    if scan.depth > sparql_lex.MAX_DEPTH:
        return f"the query nests {scan.depth} levels deep; at most {sparql_lex.MAX_DEPTH} are allowed"
    return None


@lru_cache(maxsize=512)
def from_graphs(text: str) -> tuple[str, ...]:
    """The graph IRIs a query's own FROM and FROM NAMED clauses name (prefixed names resolved; cached as `_keywords_only`)."""
    stripped = _STRINGS_AND_COMMENTS.sub(lambda m: m.group(0) if m.group(0).startswith("<") else " ", text)
    prefixes = dict(_PREFIX.findall(stripped))
    graphs = []
    for name in _FROM.findall(stripped):
        if name.startswith("<"):
            graphs.append(name[1:-1])
        else:
            prefix, _, local = name.partition(":")
            graphs.append(prefixes.get(prefix, f"{prefix}:") + local)
    return tuple(graphs)
