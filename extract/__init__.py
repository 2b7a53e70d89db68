"""Extraction: news text → facts. `read(raw)` is the door; each stage is a module of its own.

The stages (spaCy, the segmenter, the number parser) load on first use, so importing a light part
of the package (`extract.errors`) from the CLI, the question layer or the web front costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.gazetteer import Entity
    from extract.reading import Fact, Passage
    from extract.text import Cleaned

__all__ = ["EXTRACTOR_VERSION", "Entity", "Fact", "Reading", "read"]

EXTRACTOR_VERSION = "suanli-extract/0.14.0"


@dataclass(frozen=True)
class Reading:
    """What one document says: its cleaned text and metadata, the facts read from it, and its sentences that name
    what it resolved (`Passage`; none for curated facts)."""

    cleaned: Cleaned
    facts: list[Fact]
    passages: tuple[Passage, ...] = ()


def read(raw: bytes | str, *, path: str | None = None) -> Reading:
    """Read one document (bytes in any supported encoding, or text; plain or HTML).

    Raises:
        BadInputError: binary or undecodable input.
        EmptyDocumentError: no readable text.
    """
    from extract.facts import read_document
    from extract.text import clean

    cleaned = clean(raw, path=path)
    facts, passages = read_document(cleaned)
    return Reading(cleaned, facts, tuple(passages))


def __getattr__(name: str) -> Any:
    """`Entity` and `Fact`, imported when first asked for."""
    if name == "Entity":
        from extract.gazetteer import Entity

        return Entity
    if name == "Fact":
        from extract.reading import Fact

        return Fact
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
