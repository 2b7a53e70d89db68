"""Shared fixtures: the seeds, the scorers, and real on-disk stores built through the CLI."""

from __future__ import annotations

import os
import re
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


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    """Poll `url` until it answers; the process's stderr in the error when it never does."""
    import time

    import httpx

    deadline = time.monotonic() + seconds  # generous: a loaded CI machine starts a service several times slower
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{url} did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def start_oxigraph(location: Path) -> tuple[str, subprocess.Popen]:
    """A real Oxigraph server (the `oxigraph` package's binary) on a loopback port, over `location`."""
    binary = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    proc = subprocess.Popen([str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/", proc)
    return url, proc


def start_service(store: Path | None = None, *, remote: str | None = None, env: dict[str, str] | None = None,
                  args: tuple[str, ...] = ()) -> tuple[str, subprocess.Popen]:
    """`suanli serve` on a loopback port over an embedded store or a remote endpoint (`remote` = server root URL)."""
    port = free_port()
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "SUANLI_RATE_LIMIT": "0", **(env or {})}
    if remote:
        environment |= {"SUANLI_ENDPOINT": remote + "/query", "SUANLI_UPDATE_ENDPOINT": remote + "/update"}
    command = [sys.executable, "-m", "kg", "serve", "--port", str(port), *args]
    if store is not None:
        command += ["--store", str(store)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/", proc)
    return url, proc


def stop(*procs: subprocess.Popen) -> None:
    for proc in procs:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def readme_questions() -> list[str]:
    """Every example question of the README's table of question types (what a new user tries first)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| type | example |"):]
    table = table[: table.index("\n\n")]
    found = []
    for line in table.splitlines()[2:]:
        examples = re.sub(r"\s*\([^)]*\)\s*$", "", line.split("|")[2].strip())
        found += [q.strip() for q in examples.split(" / ") if q.strip()]
    return found
