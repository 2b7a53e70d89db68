"""Questions end to end on fresh pages: the held-out sets' setting, reproduced on pages nobody tuned a rule on.

The held-out sets are scored outside the project on stores our extractor builds from the seeds and articles it has
never seen, with questions other people wrote. `bench/realworld/fresh/<set>/` reproduces that: `pages.json` lists
16 news pages (URL, language, topic) found after the extraction rules of the time were written, and
`questions.json` 80 questions about them, written by someone who had not read the question code, with answers read
from the pages. The page texts are not committed: they live in the git-ignored `<set>/cache/pNN.txt` (save each
URL's page text there to rebuild it). `dev` and `dev2` may be read to find what fails (and `blind1`, read after it
was scored once, `dev3`, `dev4` and `dev5`, added in sessions 20, 22 and 25, each scored once before anything was
tuned on it); `blind2` and `blind3` are only scored.

    python bench/fresh.py                  # every set whose pages are cached: macro F1, by language
    python bench/fresh.py --set dev --show # one set, every question with its answers

Each run ingests the seeds and the set's pages into a fresh store with the CLI and scores the questions with
../shared/eval/score_qa.py, the scorer of the held-out sets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "realworld" / "fresh"
SEEDS = ROOT.parent / "shared" / "seeds"
SCORER = ROOT.parent / "shared" / "eval" / "score_qa.py"


def score(name: str, show: bool) -> str:
    """Ingest the seeds and one set's cached pages into a fresh store, and score the set's questions over it."""
    pages = sorted((HERE / name / "cache").glob("*.txt"))
    if not pages:
        return f"{name}: no cached pages (bench/realworld/fresh/{name}/cache/)"
    cli = [sys.executable, "-m", "kg"]
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for page in [*sorted(SEEDS.glob("*.txt")), *pages]:
            shutil.copy(page, docs / page.name)
        store = Path(tmp) / "store"
        subprocess.run([*cli, "ingest", str(docs), "--store", str(store)], cwd=ROOT, check=True, capture_output=True)
        command = " ".join([*cli, "ask", "--store", str(store)])
        run = subprocess.run([sys.executable, str(SCORER), str(HERE / name / "questions.json"), "--run", command,
                              *(["--show"] if show else [])], cwd=ROOT, check=True, capture_output=True, text=True)
    lines = run.stdout.strip().splitlines()
    body = lines if show else lines[-2:]
    return "\n".join([f"{name} ({len(pages)} pages):", *body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="names", action="append", help="a set under bench/realworld/fresh/ (default: all)")
    parser.add_argument("--show", action="store_true", help="every question with the system's answers")
    args = parser.parse_args()
    names = args.names or sorted(p.name for p in HERE.iterdir() if (p / "questions.json").exists())
    for name in names:
        print(score(name, args.show))


if __name__ == "__main__":
    main()
