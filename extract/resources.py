"""The one accessor for data files shipped with the package (lexicon, reference data), and the cache of what is
built from them."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
CACHE_KEPT = 3  # entries kept per cached value: a few editions of the data (branches, upgrades) side by side


def read_text(package: str, name: str) -> str:
    """Return a data file of `package` as text (works from a wheel and from a checkout)."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


def read_bytes(package: str, name: str) -> bytes:
    """Return a data file of `package` as bytes."""
    return files(package).joinpath(name).read_bytes()


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


def cache_dir() -> Path | None:
    """Where values built from data files are kept between runs: `SUANLI_CACHE`, else `$XDG_CACHE_HOME/suanli`
    (`~/.cache/suanli`); None (no cache) when `SUANLI_CACHE` is set empty."""
    chosen = os.environ.get("SUANLI_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "suanli"


def digest(parts: Iterable[str | bytes]) -> str:
    """A hash of everything a cached value is made from, each part delimited so no two lists give one hash."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed.hexdigest()


def cached(name: str, key: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """`build()`, kept on disk under `name` and a hash of `key`, so a later process loads it instead of building it.

    `key` must hold everything the value is made from (data files' bytes, library versions, an edition of the code
    that builds it); the value must be plain data (marshal: str, int, float, bytes, tuples, lists, dicts, sets).
    Warm-ups take seconds to build what a process loads in a fraction of that (the segmenter's dictionary with our
    names in it: 1.3 s built, 0.5 s loaded). A cache that cannot be read or written is passed over.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest([str(marshal.version), sys.version, *key])[:32]}.marshal"
    try:
        return marshal.loads(path.read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_bytes(marshal.dumps(value))  # type: ignore[arg-type]  # plain data, as the docstring asks
        os.replace(temp, path)  # whole or not at all, whoever reads it meanwhile
        older = sorted(folder.glob(f"{name}-*.marshal"), key=_modified, reverse=True)[CACHE_KEPT:]
        for stale in older:
            stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
    return value


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
