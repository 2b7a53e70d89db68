"""How long the CLI takes to start, against the bare interpreter in the same run (issue 20).

`suanli --help` used to load the extractor (spaCy, thinc, cn2an, pypinyin) and rich's help renderer:
1.3 s. Each command is run alternately with the baselines, so a loaded machine slows all alike.
`suanli ingest` of the sample corpus into a store that holds it already (issue 19) finds every file unchanged:
it hashes the files and asks the store, and loads neither the extractor nor rdflib.

    python bench/cli_start.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "python -c pass (the floor)": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "suanli --help": [str(BIN / "suanli"), "--help"],
    "suanli --version": [str(BIN / "suanli"), "--version"],
    "suanli ask --help": [str(BIN / "suanli"), "ask", "--help"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    # as installed: bytecode written once and reused (a shell with PYTHONDONTWRITEBYTECODE compiles every start)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    scratch = tempfile.TemporaryDirectory()
    store = Path(scratch.name) / "store"
    subprocess.run([str(BIN / "suanli"), "ingest", str(corpus), "--store", str(store)], capture_output=True, check=True,
                   env=env)
    commands = {**COMMANDS, f"suanli ingest (the {len(list(corpus.iterdir()))} sample pages, every one unchanged)":
                [str(BIN / "suanli"), "ingest", str(corpus), "--store", str(store)]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round in range(runs + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env=env)
            if round:  # the first round writes the bytecode
                times[name].append(time.perf_counter() - start)
    scratch.cleanup()
    floor = statistics.median(times["python -c pass (the floor)"])
    print(f"| command ({runs} runs each, alternated) | median s | ratio to the bare interpreter |")
    print("| --- | ---: | ---: |")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.3f} | {median / floor:.1f}× |")


if __name__ == "__main__":
    main()
