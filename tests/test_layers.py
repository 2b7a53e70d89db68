"""The layers load what they use: the CLI, the question layer and the web front never load spaCy."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_the_questions_and_the_front_do_not_import_spacy() -> None:
    probe = ("import sys, kg.cli, kg.qa.ask, kg.web.server; "
             "print(sorted(m for m in ('spacy', 'thinc', 'rjieba') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_does_not_import_the_extractor_or_a_help_renderer() -> None:
    """`--help` is plain click text: rich's renderer alone took 160 ms of a 0.5 s help."""
    probe = ("import sys; sys.argv = ['suanli', '--help']\n"
             "from kg.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('spacy' in sys.modules, 'extract.facts' in sys.modules, 'typer.rich_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "False False False"


def test_ingesting_unchanged_files_loads_neither_rdflib_nor_the_extractor(tmp_path) -> None:
    """A crawl's next pass finds most pages unchanged: their hashes are asked of the store, and nothing is built."""
    from tests.conftest import CORPUS, suanli

    store = tmp_path / "store"
    suanli("ingest", str(CORPUS), "--store", str(store), "--jobs", "1", check=True)
    probe = ("import sys; sys.argv = ['suanli', 'ingest', sys.argv[1], '--store', sys.argv[2]]\n"
             "from kg.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('rdflib', 'spacy', 'extract.text', 'extract.gazetteer', 'pyshacl_turbo',"
             " 'kg.pipeline.write', 'multiprocessing.forkserver') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe, str(CORPUS), str(store)], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
    assert "10 unchanged" in done.stderr
