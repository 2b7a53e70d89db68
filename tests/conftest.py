"""Shared fixtures: the seeds, the scorers, and real on-disk stores built through the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
CORPUS = ROOT / "examples" / "corpus"
TEST_CORPUS = ROOT / "tests" / "corpus"  # own documents with hand-written gold facts (gold.json)


def suanli(*args: str, check: bool = False, **kwargs) -> subprocess.CompletedProcess:
    """Run the real CLI (`python -m kg`) in a subprocess."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=check,
                          env=env, **kwargs)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    if not SEEDS.exists():
        pytest.skip("shared seeds not present")
    store = tmp_path_factory.mktemp("seeds") / "store"
    suanli("ingest", str(SEEDS), "--store", str(store), check=True)
    return store


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("corpus") / "store"
    suanli("ingest", str(CORPUS), "--store", str(store), check=True)
    return store


@pytest.fixture(scope="session")
def test_corpus_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("test-corpus") / "store"
    suanli("ingest", str(TEST_CORPUS), "--store", str(store), check=True)
    return store
