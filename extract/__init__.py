"""Extraction: news text → facts. `read(raw)` is the door; each stage is a module of its own."""

from __future__ import annotations

from dataclasses import dataclass

from extract.facts import Fact, read_facts
from extract.gazetteer import Entity
from extract.text import Cleaned, clean

__all__ = ["EXTRACTOR_VERSION", "Entity", "Fact", "Reading", "read"]

EXTRACTOR_VERSION = "suanli-extract/0.2.0"


@dataclass(frozen=True)
class Reading:
    """What one document says: its cleaned text and metadata, and the facts read from it."""

    cleaned: Cleaned
    facts: list[Fact]


def read(raw: bytes | str, *, path: str | None = None) -> Reading:
    """Read one document (bytes in any supported encoding, or text; plain or HTML).

    Raises:
        BadInputError: binary or undecodable input.
        EmptyDocumentError: no readable text.
    """
    cleaned = clean(raw, path=path)
    return Reading(cleaned, read_facts(cleaned))
