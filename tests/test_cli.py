"""The command line by its conventions: --version, one line and exit 2 on every bad input, readable parser errors."""

from __future__ import annotations

import pytest

from tests.conftest import suanli


def test_version() -> None:
    done = suanli("--version")
    assert done.returncode == 0 and done.stdout.startswith("suanli ")


@pytest.mark.parametrize(("args", "words"), [
    (("export", "--format", "turtle", "-o", "/nonexistent/dir/x.ttl"), "cannot write"),
    (("ask", ""), "empty"),
    (("query", "SELECT ?x WHERE { ?x a foo:Bar }"), "prefix 'foo:' is not declared"),
    (("query", "SELECT ?x WHERE { ?x a ?y . FILTE(?y) }"), "at 1:"),
    (("ingest", "--jobs", "-1", "x"), "--jobs"),
    (("ingest",), "--facts"),
])
def test_bad_input_is_one_line_and_exit_2(corpus_store, args: tuple[str, ...], words: str) -> None:
    done = suanli(*args, "--store", str(corpus_store))
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert "Traceback" not in done.stderr


def test_an_empty_quarantine_says_so(corpus_store) -> None:
    done = suanli("quarantine", "list", "--store", str(corpus_store))
    assert done.returncode == 0 and "no fact is kept aside" in done.stdout
