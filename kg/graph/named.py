"""Named SPARQL queries (`queries/*.rq`): each starts with its name and question in zh and en."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class NamedQuery:
    name: str
    zh: str
    en: str
    sparql: str


def _header(text: str, field: str) -> str:
    for line in text.splitlines():
        if line.startswith(f"# {field}:"):
            return line.split(":", 1)[1].strip()
    return ""


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name."""
    out = {}
    for item in sorted(files("kg.queries").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            text = item.read_text(encoding="utf-8")
            name = _header(text, "name") or item.name[:-3]
            out[name] = NamedQuery(name, _header(text, "zh"), _header(text, "en"), text)
    return out


def query_text(name: str) -> str:
    return named_queries()[name].sparql
