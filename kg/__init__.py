"""Suanli KG: the knowledge graph of China's computing infrastructure (store, validation, queries, answers)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("suanli-kg")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0"
