"""One exception family for Suanli KG, with stable message codes.

Each error also inherits the builtin a caller would expect, so `except ValueError` keeps
working, and carries a code (``SL-E…``) that tests and logs match on whatever the wording.
"""

from __future__ import annotations


class SuanliError(Exception):
    """Base of every error this project raises on purpose."""

    code = "SL-E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __reduce__(self) -> tuple:
        """Pickled with its path, so an error raised in a worker process reads the same in the parent."""
        return (self.__class__, (self.message,), {"path": self.path})

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"[{self.code}] {where}{self.message}"


class BadInputError(SuanliError, ValueError):
    """A document that cannot be read as text (binary, undecodable, missing)."""

    code = "SL-E001"


class EmptyDocumentError(SuanliError, ValueError):
    """A document with no text; skipped rather than stored."""

    code = "SL-E002"


class BadQueryError(SuanliError, ValueError):
    """A SPARQL query that does not parse or breaks the endpoint's rules."""

    code = "SL-E010"


class StoreError(SuanliError, OSError):
    """The store cannot be opened or written."""

    code = "SL-E020"


class UnknownUnitError(SuanliError, ValueError):
    """A unit the lexicon does not know."""

    code = "SL-E030"
