"""SPARQL 1.1 read as tokens, the way the engine reads it, for the checks made before a query may run.

Word matching over the raw text misses what the engine accepts: Oxigraph decodes `\\u0053` escapes
anywhere in a query before parsing (SPARQL 1.1 §19.2), and its parser takes a keyword glued to what
follows (`SERVICEp:x`, `SERVICE<…>`). So the text is decoded first, then split into the grammar's own
terminals (§19.8: IRIREF, prefixed names, variables, strings, comments …) left to right; a keyword
hidden in an IRI must then be a well-formed IRIREF, which the engine reads as an IRI too.

`scan(text)` returns what the checks need: the first forbidden word (SERVICE or LOAD, also as the
start of a word or prefix) and the deepest nesting of brackets and unary operators, which bounds
the parser's recursion. Nothing here runs or fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_DEPTH = 64  # brackets and unary operators; the engine's recursive parser is safe far beyond this
FORBIDDEN = ("service", "load")

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
         "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_CHARS = _BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"


@lru_cache(maxsize=1)
def _tokens() -> re.Pattern[str]:
    """The terminals' pattern, compiled on first use: 60 ms, as its classes span most of Unicode, which every
    command that opens a store would pay at import."""
    return re.compile(
        r"(?P<space>\s+)"
        r"|(?P<comment>#[^\n\r]*)"
        r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
        r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
        r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
        rf"|(?P<var>[?$][{_BASE}_0-9][{_BASE}_0-9\u00b7\u0300-\u036f\u203f-\u2040]*)"
        rf"|(?P<blank>_:[{_BASE}_0-9](?:[{_CHARS}.]*[{_CHARS}])?)"
        r"|(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)"
        rf"|(?P<pname>(?P<prefix>[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?)?:"
        rf"(?:(?:[{_BASE}_:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?)?)"
        rf"|(?P<word>[{_BASE}_][{_CHARS}]*)"
        r"|(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
        r"|(?P<open>[{(\[])|(?P<close>[})\]])"
        r"|(?P<unary>[!^+\-])"
        r"|(?P<other>.)",
        re.DOTALL,
    )


@dataclass(frozen=True)
class Scan:
    """What the checks read off a query's tokens."""

    forbidden: str | None  # SERVICE or LOAD as the engine would see it, upper-cased
    depth: int  # the deepest nesting of brackets plus a run of unary operators


def unescape(text: str) -> str:
    """The query with its \\uXXXX and \\UXXXXXXXX escapes decoded, as the engine does before it parses.

    Raises:
        ValueError: an escape names no character.
    """
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"the escape {match.group(0)} names no character")
        return chr(code)

    return _ESCAPE.sub(char, text) if "\\" in text else text


@lru_cache(maxsize=512)
def scan(text: str) -> Scan:
    """Read `text` token by token (cached: the front checks the same query more than once).

    Raises:
        ValueError: an escape names no character.
    """
    forbidden: str | None = None
    depth = deepest = run = 0
    for match in _tokens().finditer(unescape(text)):
        kind = match.lastgroup
        if kind == "space" or kind == "comment":
            continue
        if kind == "unary":
            run += 1
            deepest = max(deepest, depth + run)
            continue
        run = 0
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(0, depth - 1)
        elif forbidden is None and kind in ("word", "pname"):
            word = (match.group("prefix") or "") if kind == "pname" else match.group(0)
            lowered = word.lower()
            forbidden = next((w.upper() for w in FORBIDDEN if lowered.startswith(w)), None)
    return Scan(forbidden, deepest)


_AT = re.compile(r"error at (\d+):(\d+)")


def explain(message: str, text: str) -> str:
    """A parser's error as one line a person reads: where, the offending token, and for an undeclared prefix, the fix.

    Oxigraph lists every token it expected ("expected one of Prefix not found, ['%'], …"); that list helps nobody.
    """
    at = _AT.search(message)
    if at is None:
        return " ".join(message.split())[:200]
    line, column = int(at.group(1)), int(at.group(2))
    lines = text.splitlines() or [""]
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    tokens = [m for m in _tokens().finditer(row) if m.lastgroup not in ("space", "comment")]
    near = [m for m in tokens if m.start() <= column and m.end() >= column - 1]  # Oxigraph's column is approximate
    if "Prefix not found" in message:
        named = [m for m in tokens if m.lastgroup == "pname"]
        hit = next((m for m in near if m.lastgroup == "pname"), named[0] if named else None)
        prefix = (hit.group("prefix") or "") if hit else "?"
        return f"at {line}:{column}: the prefix '{prefix}:' is not declared; add PREFIX {prefix}: <…>"
    token = near[-1].group(0) if near else ""
    shown = token if len(token) <= 40 else token[:39] + "…"
    return f"at {line}:{column}: unexpected {shown!r}" if shown else f"at {line}:{column}: the query ends too soon"
