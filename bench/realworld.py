"""Score extraction (and questions) on the real-article corpus, whatever of it is cached here, split by split.

The corpus is real news pages found in public page archives: `bench/realworld/manifest.json` lists
them (URL, language, topic), `gold.json` holds facts annotated by hand in the scorer's format and
`questions.json` questions written about them. The page texts are not committed: they live in the
git-ignored `bench/realworld/cache/<doc>.txt`. To rebuild the cache, save each manifest URL's page
text (as stored by the page archive, or fetched where the web is reachable) under its `doc` name. The archive
keeps a page's first 2,000 bytes, and the gold was made from those copies.

Three splits: the dev split (entries without a `split` key), the pages the extraction rules were
developed on; the held-back test split (`"split": "test"`, docs rw_tNN), read only to measure
whether those rules generalise (never tune a rule on it); and the fresh split (`"split": "fresh"`, docs
fd_/fe_/fb_/fh_/fi_pNN), the pages of the fresh question sets dev, dev2, blind1, dev3 and dev4 (bench/fresh.py), annotated by hand
after the rules of their time were written: pages that may be read, not yet tuned on. Each split is
ingested and scored on its own.

    python bench/realworld.py                 # facts: lenient and strict P/R/F1, recall by metric
    python bench/realworld.py --show          # also every missed, extra and disagreeing fact
    python bench/realworld.py --docs          # per document
    python bench/realworld.py --names         # the new entity names the extractor created
    python bench/realworld.py --questions     # the question set, over the extracted facts
    python bench/realworld.py --speed         # extraction throughput against bare jieba segmentation
    python bench/realworld.py --split test    # one split only: dev, test, fresh or all (all three, scored together)

Without --split every mode reports the dev split as it always has, then the same lines for the test
split under a "test split" line, then for the fresh split. Scoring uses ../shared/eval/score_facts.py and score_qa.py, the scorers
of the held-out sets. The facts of one state of the code and one split's pages are kept in bench/out/
(ignored), so a second run of the same state is instant.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench" / "realworld"
CACHE = HERE / "cache"
SPLITS = ("dev", "test", "fresh")
EVAL = ROOT.parent / "shared" / "eval"


def suanli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def cached_docs(split: str = "dev") -> list[Path]:
    """The cached pages of one split ("dev", "test", "fresh" or "all"); a manifest entry without a split is dev.

    A fresh entry's page is that of a fresh question set (`"fresh": "<set>/<page>"`): when only the set's cache
    holds it, it is copied here under its doc name.
    """
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    for m in manifest:
        if "fresh" not in m or (CACHE / f"{m['doc']}.txt").exists():
            continue
        fresh_set, page = m["fresh"].split("/")
        if (kept := HERE / "fresh" / fresh_set / "cache" / f"{page}.txt").exists():
            CACHE.mkdir(parents=True, exist_ok=True)
            shutil.copy(kept, CACHE / f"{m['doc']}.txt")
    return [CACHE / f"{m['doc']}.txt" for m in manifest
            if split in ("all", m.get("split", "dev")) and (CACHE / f"{m['doc']}.txt").exists()]


def build_store(docs: list[Path], work: Path) -> Path:
    folder = work / "docs"
    folder.mkdir()
    for doc in docs:
        shutil.copy(doc, folder / doc.name)
    store = work / "store"
    done = suanli("ingest", str(folder), "--store", str(store))
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed: {done.stderr.strip()[-500:]}")
    return store


def state_key(docs: list[Path]) -> str:
    """A hash of everything the facts depend on: the cached pages and the code and data that read them."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([*docs, *(p for d in ("extract", "kg", "ontology") for p in (ROOT / d).rglob("*")
                                 if p.is_file() and "__pycache__" not in p.parts)]):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def system_facts(docs: list[Path], split: str = "dev") -> list[dict]:
    """The extractor's facts on one split's cached pages, through a real ingest of that split alone.

    Kept in bench/out per split and state of code and pages; "all" is the two splits' facts together.
    """
    if split == "all":
        return [fact for one in SPLITS for fact in system_facts(cached_docs(one), one)]
    saved = ROOT / "bench" / "out" / f"realworld-facts-{split}-{state_key(docs)}.json"
    if saved.exists():
        return json.loads(saved.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(docs, Path(tmp))
        facts = json.loads(suanli("facts", "--store", str(store), "--format", "json").stdout)
    saved.parent.mkdir(parents=True, exist_ok=True)
    for old in saved.parent.glob(f"realworld-facts-{split}-*.json"):
        old.unlink()
    saved.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return facts


def score_facts(system: list[dict], docs: list[Path], args: argparse.Namespace) -> None:
    sys.path.insert(0, str(EVAL))
    from score_facts import RELATIONS, doc_of, score  # type: ignore[import-not-found]

    names = {d.stem for d in docs}
    gold = [g for g in json.loads((HERE / "gold.json").read_text(encoding="utf-8")) if g["doc"] in names]
    result = score(gold, system)
    if args.show:
        for g in result["missed"]:
            value = g["value"].get("en") if g["metric"] in RELATIONS else g["value"]
            print("MISSED  ", g["doc"], g["subject"].get("en"), g["metric"], value, g.get("unit") or "")
        for f in result["unmatched_system"]:
            subject = f.get("subject") or {}
            obj = f.get("object") or {}
            print("EXTRA   ", doc_of(f), subject.get("label_en") or subject.get("label_zh"), f.get("metric"),
                  obj.get("label_en") if obj else f.get("value"), f.get("unit") or "", "|", (f.get("evidence") or "")[:80])
        for d in result["strict_disagreements"]:
            g, f = d["gold"], d["system"]
            print("DISAGREE", g["doc"], g["subject"].get("en"), g["metric"], "gold", g.get("comparator"), g.get("status"),
                  g.get("kind"), "system", f.get("comparator"), f.get("status"), f.get("kind"))
    if args.docs:
        for name in sorted(names):
            one = score([g for g in gold if g["doc"] == name], [f for f in system if doc_of(f) == name])
            print(f"{name}: lenient F1={one['lenient']['f1']} strict F1={one['strict']['f1']} "
                  f"(tp {one['lenient']['tp']}, system {one['lenient']['system']}, gold {one['lenient']['gold']})")
    print(f"documents: {len(docs)} cached of the manifest; gold facts: {len(gold)}")
    print("recall by metric:", json.dumps(result["recall_by_metric"], ensure_ascii=False))
    sets: dict[str, set[str]] = {}  # the fresh split's pages by the question set they came with
    for m in json.loads((HERE / "manifest.json").read_text(encoding="utf-8")):
        if m["doc"] in names and "fresh" in m:
            sets.setdefault(m["fresh"].split("/")[0], set()).add(m["doc"])
    if len(sets) > 1:
        by_set = {k: score([g for g in gold if g["doc"] in v], [f for f in system if doc_of(f) in v]) for k, v in sets.items()}
        print("by set (lenient / strict F1):", ", ".join(f"{k} {r['lenient']['f1']} / {r['strict']['f1']}"
                                                        for k, r in by_set.items()))
    lenient, strict = result["lenient"], result["strict"]
    print(f"lenient P={lenient['precision']} R={lenient['recall']} F1={lenient['f1']}")
    print(f"strict  P={strict['precision']} R={strict['recall']} F1={strict['f1']}")


def new_names(store: Path) -> None:
    """Entities the extractor named that the reference data does not know, with their English labels."""
    query = """PREFIX sl: <https://w3id.org/suanli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?e ?zh ?en WHERE {
  GRAPH ?g { ?e rdfs:label ?zh . FILTER(langMatches(lang(?zh), "zh-Hans"))
             OPTIONAL { ?e rdfs:label ?en FILTER(langMatches(lang(?en), "en")) } }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/suanli/resource/graph/") && !STRENDS(STR(?g), "/reference")
         && !STRENDS(STR(?g), "/summary") && !STRENDS(STR(?g), "/ontology"))
  FILTER NOT EXISTS { GRAPH <https://w3id.org/suanli/resource/graph/reference> { ?e ?p ?o } }
} ORDER BY ?zh"""
    rows = json.loads(suanli("query", query, "--store", str(store), "--format", "json").stdout)["results"]["bindings"]
    seen: dict[str, tuple[str, str]] = {}
    for row in rows:
        seen.setdefault(row["e"]["value"], (row["zh"]["value"], row.get("en", {}).get("value", "")))
    for zh, en in sorted(seen.values()):
        print(f"{zh}\t{en}")
    print(f"new entity names: {len(seen)}")


def questions(store: Path, docs: list[Path]) -> None:
    names = {d.stem for d in docs}
    items = [q for q in json.loads((HERE / "questions.json").read_text(encoding="utf-8"))
             if q["id"].rsplit("_q", 1)[0] in names or not q["id"].rsplit("_q", 1)[0].startswith("rw_")]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(items, fh, ensure_ascii=False)
    done = subprocess.run([sys.executable, str(EVAL / "score_qa.py"), fh.name, "--run",
                           f"{sys.executable} -m kg ask --store {store}"], capture_output=True, text=True, cwd=ROOT)
    print(done.stdout.strip())


def speed(docs: list[Path]) -> None:
    """Extraction against bare jieba segmentation of the same pages, in this one process."""
    import jieba

    from extract import read

    texts = [d.read_text(encoding="utf-8") for d in docs]
    jieba.initialize()
    for text in texts:  # load models, dictionaries and tables (some only on the first name that needs them) untimed
        read(text)
        jieba.lcut(text)
    started = time.perf_counter()
    for _ in range(3):
        for text in texts:
            jieba.lcut(text)
    bare = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(3):
        for text in texts:
            read(text)
    ours = time.perf_counter() - started
    print(f"jieba segmentation {bare:.2f} s, extraction {ours:.2f} s: extraction runs at {bare / ours:.2f}x jieba")


def report(split: str, args: argparse.Namespace) -> None:
    """One split's lines for the chosen mode; the dev split's are the lines this script always printed."""
    docs = cached_docs(split)
    if not docs:
        print("no cached page in bench/realworld/cache/; see the docstring for how to rebuild it")
        return
    if args.speed:
        speed(docs)
        return
    if not (args.names or args.questions):
        score_facts(system_facts(docs, split), docs, args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(docs, Path(tmp))
        if args.names:
            new_names(store)
        else:
            questions(store, docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag in ("--show", "--docs", "--names", "--questions", "--speed"):
        ap.add_argument(flag, action="store_true")
    ap.add_argument("--split", choices=(*SPLITS, "all"),
                    help="one split only (default: the dev split, then the test split, then the fresh split)")
    args = ap.parse_args()
    for split in [args.split] if args.split else list(SPLITS):
        if split != "dev":
            print(f"{split} split" if split != "all" else "all splits")
        report(split, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
