"""The one accessor for data files shipped with the package (lexicon, reference data)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


def read_text(package: str, name: str) -> str:
    """Return a data file of `package` as text (works from a wheel and from a checkout)."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, Any]:
    """The extraction lexicon (`extract/data/lexicon.toml`)."""
    return tomllib.loads(read_text("extract.data", "lexicon.toml"))


@cache
def questions() -> dict[str, Any]:
    """The question lexicon (`extract/data/questions.toml`)."""
    return tomllib.loads(read_text("extract.data", "questions.toml"))


@cache
def reference() -> dict[str, Any]:
    """The reference gazetteer (`ontology/reference.toml`)."""
    return tomllib.loads(read_text("kg.ontology", "reference.toml"))
