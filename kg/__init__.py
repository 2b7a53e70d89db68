"""Suanli KG: the knowledge graph of China's computing infrastructure (store, validation, queries, answers)."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`kg.__version__` on demand: importlib.metadata costs more than the rest of `suanli --help`."""
    if name != "__version__":
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("suanli-kg")
    except PackageNotFoundError:  # running from a checkout without installing
        return "0.0.0"
