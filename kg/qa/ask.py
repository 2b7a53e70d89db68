"""Questions in Chinese or English → SPARQL over the graph → answers with evidence.

The vocabulary comes from the graph (every label and altLabel) and from a question lexicon
(`extract/data/questions.toml`), so a new entity or metric is askable without code changes.
User text reaches SPARQL only as RDF terms built by rdflib, in a VALUES block; every query is
parsed and checked against the ontology before it runs.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import weakref
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from extract.errors import SuanliError
from extract.quantity import find as find_quantities
from extract.quantity import parse as parse_number
from extract.resources import questions
from extract.text import fold, has_cjk, to_traditional
from kg.graph.factview import entity_labels
from kg.graph.named import query_text
from kg.graph.namespace import SL
from kg.graph.rdf import RELATION_PROPERTY, local_name, number
from kg.graph.store import LocalStore, RemoteStore

Store = LocalStore | RemoteStore
SLNS = str(SL._NS)
_EMPTY = ox.Store()


@dataclass
class Understanding:
    lang: str
    script: str
    entities: list[tuple[int, str]] = field(default_factory=list)  # (position, iri)
    metric: str | None = None
    kind: str | None = None
    cls: str | None = None
    cls_pos: int = -1
    comparator: str | None = None
    threshold: float | None = None
    statuses: list[str] = field(default_factory=list)
    relation: str | None = None
    yes_no: bool = False
    superlative: str | None = None
    comparative: str | None = None  # "max" for more/larger/更多, "min" for fewer/smaller/更少
    top: int = 1
    total: bool = False
    count: bool = False
    year: str | None = None
    notes: list[str] = field(default_factory=list)
    one_of: bool = False
    asked_bound: str | None = None  # "超过多少": the question asks for a stated bound
    classes: list[str] = field(default_factory=list)  # every class the question names
    hops: bool = False  # containment through places in between
    _members: bool = False  # count the graph's members, not a stated figure


@dataclass
class Vocabulary:
    surfaces: dict[str, str]  # folded, lower-case label or alias → iri
    labels: dict[str, dict[str, str]]
    summary: str | None = None  # the summary graph questions read (kg.graph.summary), None in an empty store

    @cached_property
    def longest(self) -> int:
        return max(map(len, self.surfaces), default=0)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Names in a folded, lower-case text, leftmost-longest, without overlaps: (start, end, iri).

        Dictionary look-ups per position, so the cost does not grow with the number of entities.
        An ASCII name must stand as a word of its own.
        """
        found, i = [], 0
        while i < len(text):
            for size in range(min(self.longest, len(text) - i), 1, -1):
                piece = text[i : i + size]
                iri = self.surfaces.get(piece)
                if iri is None:
                    continue
                if piece.isascii() and (i > 0 and text[i - 1].isalnum() or text[i + size : i + size + 1].isalnum()):
                    continue
                found.append((i, i + size, iri))
                i += size - 1
                break
            i += 1
        return found

    @cached_property
    def _index(self) -> tuple[dict[str, float], dict[str, list[str]], dict[str, list[str]]]:
        """Token weights (rarer is heavier), token → surfaces, surface → tokens: for names given in part."""
        tokens = {surface: _tokens(surface) for surface in self.surfaces}
        df: dict[str, int] = {}
        postings: dict[str, list[str]] = {}
        for surface, toks in tokens.items():
            for tok in set(toks):
                df[tok] = df.get(tok, 0) + 1
                postings.setdefault(tok, []).append(surface)
        n = max(len(tokens), 1)
        weights = {tok: math.log(1 + n / count) for tok, count in df.items()}
        return weights, postings, {s: t for s, t in tokens.items() if t}

    def fuzzy(self, text: str) -> list[tuple[int, int, str, float, float]]:
        """Entities named in part ("the Gui'an cluster", "鄱阳湖智算中心"): (start, end, iri, weight, share).

        A label's tokens (Chinese characters, English words) are looked for close together in the
        question; `share` is the part of the label's weight found, rare tokens weighing most
        (difflib's matcher orders the matched Chinese characters, so they must come in the label's order).
        """
        weights, postings, label_tokens = self._index
        spans = _token_spans(text)
        words = [tok for tok, _, _ in spans]
        rare = {tok for tok in words if weights.get(tok, 0) >= 1.5 and tok not in _STOP}
        candidates = {surface for tok in rare for surface in postings.get(tok, ())}
        if len(candidates) > 3000:
            return []
        found = []
        for surface in candidates:
            toks = label_tokens[surface]
            wanted = set(toks) - _STOP
            names = {t for t in wanted - _generic() if not t.isdigit()}
            if not names or (len(names) < 2 and not any(t.isascii() and len(t) >= 4 for t in names)):
                continue
            total = sum(weights.get(t, 0) for t in names)
            positions = [i for i, tok in enumerate(words) if tok in wanted]
            best = None
            run: list[int] = []
            for pos in [*positions, None]:
                if pos is not None and (not run or pos - run[-1] <= 3 and all(
                        words[k] in _STOP or words[k] in _generic() for k in range(run[-1] + 1, pos))):
                    run.append(pos)
                    continue
                if run:
                    got = {words[i] for i in run}
                    if all(not t.isascii() for t in toks):
                        got = set()
                        matcher = difflib.SequenceMatcher(None, toks, words[run[0]: run[-1] + 1], autojunk=False)
                        for block in matcher.get_matching_blocks():
                            got.update(toks[block.a: block.a + block.size])
                    weight = sum(weights.get(t, 0) for t in got & names)
                    extra = sum(weights.get(t, 0) for t in got & wanted - names)
                    if best is None or (weight, extra) > best[:2]:
                        best = (weight, extra, run[0], run[-1])
                run = [pos] if pos is not None else []
            if best is None:
                continue
            weight, extra = best[:2]
            first, last = _trimmed(words, best[2], best[3], names, toks)
            share = weight / total if total else 0.0
            if all(not t.isascii() for t in toks) and (last - first + 1) * 2 < len(toks):
                continue  # a common word of a long Chinese name ("建设" in 中国能源建设) does not name it
            if share >= 0.7 and weight >= 4.0 and (last > first or share == 1.0) and (
                    len(got_names := {words[i] for i in range(first, last + 1)} & names) >= 2
                    or any(t.isascii() and len(t) >= 4 for t in got_names)):
                # words of the span the label lacks ("超" of 成都的超算中心 read as 成都人工智能计算中心) count against it
                lacking = sum(1 for i in range(first, last + 1) if words[i] not in wanted and words[i] not in _STOP)
                score = weight * share + 0.1 * extra - 0.5 * lacking + _phase_fit(text, surface)
                found.append((spans[first][1], spans[last][2], self.surfaces[surface], score, share))
        return found

    def link(self, text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
        """Entities of a folded, lower-case question: exact names, and names given in part or with other
        words; overlapping readings are settled by weight (rare words and the class word count most).
        Returns the chosen (start, end, iri) and notes on readings that were close."""
        exact = self.find(text)
        weights, _, _ = self._index
        pool = {}
        for start, end, iri in exact:
            toks = set(_tokens(text[start:end])) - _STOP
            names = toks - _generic()
            score = sum(weights.get(t, 0) for t in names) + 0.1 * sum(weights.get(t, 0) for t in toks - names) + 2.0
            pool[(start, end, iri)] = score
        for start, end, iri, score, _share in self.fuzzy(text):
            if any(s <= start and end <= e and e - s > end - start for s, e, _ in exact):
                continue  # a name said in full is not a shorter name inside it ("…中心一期" is not "…中心")
            pool[(start, end, iri)] = max(pool.get((start, end, iri), 0), score)
        lex = questions()["class"]
        for (start, end, iri), score in list(pool.items()):
            # the class word that ends the name: "the Gui'an cluster", "庆阳国家数据中心集群" (a cluster, not a center)
            window = text[start: end + 8]
            ends = [(m.end(), len(w), cls) for cls, words in lex.items() for w in words if not w.isascii() or len(w) > 3
                    for m in re.finditer(re.escape(w), window) if m.start() <= end - start + 2 and m.end() >= end - start]
            if ends and max(ends)[2] == self.types.get(iri):
                pool[(start, end, iri)] = score + 3.0
        chosen: list[tuple[int, int, str]] = []
        notes: list[str] = []
        ranked = sorted(pool.items(), key=lambda kv: (-kv[1], kv[0][0]))
        for (start, end, iri), score in ranked:
            if any(start < e and s < end for s, e, _ in chosen):
                continue
            rivals = [i for (s, e, i), sc in ranked if i != iri and s < end and start < e and sc >= score - 1.0]
            if rivals and (start, end, iri) not in exact:
                notes.append(f"took '{text[start:end]}' as {iri} (also close: {', '.join(dict.fromkeys(rivals[:3]))})")
            chosen.append((start, end, iri))
        chosen.sort()
        # a place or company just before a named thing only qualifies it: "宜昌骋风而来算力中心", "China Telecom's … center"
        kept = []
        for i, (start, end, iri) in enumerate(chosen):
            nxt = chosen[i + 1] if i + 1 < len(chosen) else None
            named = _NAMED | ({"District"} if self.types.get(iri) in ("City", "Province") else set())
            if nxt and self.types.get(iri) in _QUALIFIERS and self.types.get(nxt[2]) in named \
                    and re.fullmatch(r"\s*(?:'s|’s|的)?\s*", text[end:nxt[0]]):
                continue
            kept.append((start, end, iri))
        return kept, notes

    @cached_property
    def types(self) -> dict[str, str]:
        """iri → class name (Hub, Cluster, …)."""
        return {iri: entry.get("type", "") for iri, entry in self.labels.items()}


_STOP = {"the", "of", "s", "in", "and", "a", "an", "its", "at", "for", "to", "on", "by", "'s", "的", "和", "与", "在"}


_PHASES = [(1, r"一期|第一阶段|(?:phase|stage)\s*(?:one|1|i)\b|(?:first|1st)\s+(?:phase|stage)"),
           (2, r"二期|第二阶段|(?:phase|stage)\s*(?:two|2|ii)\b|(?:second|2nd)\s+(?:phase|stage)"),
           (3, r"三期|第三阶段|(?:phase|stage)\s*(?:three|3|iii)\b|(?:third|3rd)\s+(?:phase|stage)")]


def _phase(text: str) -> int | None:
    return next((n for n, pattern in _PHASES if re.search(pattern, text)), None)


def _phase_fit(question: str, label: str) -> float:
    """"phase one of X" prefers X's phase 1 (一期), a question naming no phase the whole of X."""
    asked, named = _phase(question), _phase(label)
    if named is None:
        return 0.0
    return 1.5 if asked == named else -1.5


def _trimmed(words: list[str], first: int, last: int, names: set[str], toks: list[str]) -> tuple[int, int]:
    """A fuzzy match's span without the describing words before its first name word ("computing capacity
    was … Poyang Lake center" starts at "Poyang"); the words after the last name word are kept while they
    go on as the label goes on ("Poyang Lake intelligent computing center", "云上天府云计算中心", not its 一期计划)."""
    inside = [i for i in range(first, last + 1) if words[i] in names]
    if not inside:
        return first, last
    start, end = inside[0], inside[-1]
    while start > first and words[start - 1] in toks and words[start - 1] not in _metric_tokens():
        start -= 1  # "China" of "China Telecom's …", not "computing" of "computing capacity"
    left = list(toks)
    for word in words[start: end + 1]:
        if word in left:
            left.remove(word)
    for i in range(end + 1, last + 1):
        if words[i] in left:
            end = i
            left.remove(words[i])
        elif words[i] not in _STOP and words[i] not in _generic():
            break  # describing words the label lacks ("AI", "国家") are passed over, not taken
    return start, end


_QUALIFIERS = {"City", "Province", "District", "Company", "Organization"}
_AGENTS = {"Company", "Organization"}
_NAMED = {"Center", "Cluster", "Park"}


@functools.cache
def _metric_tokens() -> frozenset[str]:
    lex = questions()
    return frozenset(t for table in ("kind", "metric") for ws in lex[table].values() for w in ws for t in _tokens(fold(w).lower()))


@functools.cache
def _generic() -> frozenset[str]:
    """Tokens of class and kind words ("数据中心集群", "intelligent computing center"): they do not name anything."""
    lex = questions()
    words = [w for table in ("class", "kind", "metric") for ws in lex[table].values() for w in ws] + lex["names"]["generic"]
    return frozenset(t for w in words for t in _tokens(fold(w).lower()))


def _tokens(text: str) -> list[str]:
    return [tok for tok, _, _ in _token_spans(text)]


def _token_spans(text: str) -> list[tuple[str, int, int]]:
    """Chinese characters one by one, English words and numbers whole, with their offsets."""
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[\u3400-\u9fff]|[a-z0-9]+", text)]


_VOCAB: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def vocabulary(store: Store) -> Vocabulary:
    """Every label and alias of the graph's entities, built once per open store.

    Answering opens stores read-only (the CLI per run, the server per process), so the
    vocabulary cannot go stale while it is cached.
    """
    if store in _VOCAB:
        return _VOCAB[store]
    labels = entity_labels(store)
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label|skos:altLabel ?l }"
    ).rows
    surfaces: dict[str, str] = {}
    for row in rows:
        iri = row["e"]["value"]
        if iri not in labels:
            continue
        text = fold(row["l"]["value"]).lower().strip()
        if len(text) >= 2:
            surfaces.setdefault(text, iri)
            base = re.sub(r"(市|省)$", "", text)
            if base != text and len(base) >= 2:
                surfaces.setdefault(base, iri)
    summary = store.select(
        f"PREFIX sl: <{SLNS}> SELECT ?g WHERE {{ GRAPH ?g {{ ?f a sl:MergedFact }} }} LIMIT 1").values("g")
    vocab = Vocabulary(surfaces, labels, summary[0] if summary else None)
    _VOCAB[store] = vocab
    return vocab


def _find_words(text: str, words: list[str]) -> tuple[int, str] | None:
    best = None
    for word in sorted(words, key=len, reverse=True):
        pattern = r"(?<![a-z])" + re.escape(word) + r"(?![a-z])" if word.isascii() else re.escape(word)
        m = re.search(pattern, text)
        if m and (best is None or len(word) > len(best[1])):
            best = (m.start(), word)
    return best


def understand(question: str, vocab: Vocabulary) -> Understanding:
    """Read a question into the pieces a query is built from."""
    folded = fold(question)
    is_zh = has_cjk(question)
    script = "zh-Hant" if is_zh and folded != question else ("zh" if is_zh else "en")
    u = Understanding(lang="zh" if is_zh else "en", script=script)
    text = folded.lower()
    masked = list(text)
    linked, u.notes = vocab.link(text)
    lex = questions()
    for start, end, iri in linked:
        if vocab.types.get(iri) == "Initiative" and (named := _find_words(text[start:end], [
                w for ws in lex["class"].values() for w in ws])):
            # "国家枢纽节点", "the national hubs": the programme's name says which class is meant
            u.cls = next(c for c, ws in lex["class"].items() if named[1] in ws)
            u.cls_pos = start
            continue
        u.entities.append((start, iri))
        masked[start:end] = ["\x00"] * (end - start)
    rest = "".join(masked)
    hits = [(len(w), name) for name, words in lex["metric"].items() if (w := _hit(rest, words))]
    if hits:
        u.metric = max(hits)[1]
    kinds = [(len(w), name) for name, words in lex["kind"].items() if (w := _hit(rest, words))]
    if kinds and u.metric == "computing_power":
        u.kind = max(kinds)[1]
    classes = [(pos, len(w), name) for name, words in lex["class"].items() if (f := _find_words(rest, words))
               for pos, w in [f]]
    u.classes = sorted({c[2] for c in classes})
    if classes and u.cls is None:
        best = max(classes, key=lambda c: c[1])
        # a compound names its last word's class: "数据中心园区", "data center parks" are parks
        heads = [c for c in classes if best[0] < c[0] <= best[0] + best[1] + 1 and c[0] + c[1] > best[0] + best[1]]
        best = heads[0] if heads else best
        u.cls, u.cls_pos = best[2], best[0]
    rest = _read_bound(u, rest, folded)
    for name in ("target", "under_construction", "planned", "actual"):
        if _hit(rest, lex["status"][name]):
            u.statuses = {"target": ["target", "planned"], "planned": ["planned", "target", "under_construction"],
                          "actual": ["actual"], "under_construction": ["under_construction"]}[name]
            break
    intent = lex["intent"]
    _read_relation(u, rest, intent, vocab)
    first_word = text.strip().split(" ", 1)[0]
    u.yes_no = (is_zh and bool(_hit(rest, intent["yes_no_zh"]))) or (not is_zh and first_word in intent["yes_no_en"])
    if _hit(rest, intent["comparative_max"]):
        u.comparative = "max"
    elif _hit(rest, intent["comparative_min"]):
        u.comparative = "min"
    if _hit(rest, intent["superlative_max"]):
        u.superlative = "max"
    elif _hit(rest, intent["superlative_min"]):
        u.superlative = "min"
    if m := re.search(r"top\s*(\d+)|前(\d+|[一二三四五六七八九十])", rest):
        raw = m.group(1) or m.group(2)
        u.top = int(raw) if raw.isdigit() else "一二三四五六七八九十".index(raw) + 1
        u.superlative = u.superlative or "max"
    u.total = bool(_hit(rest, intent["total"])) or bool(_hit(rest, intent["total_of_group"]) and _hit(rest, intent["group"]))
    u.count = bool(_hit(rest, intent["count"])) and (u.metric is None or u.threshold is not None)
    if m := re.search(r"((?:19|20)\d{2})\s*年?", rest):
        u.year = m.group(1)
    u.one_of = bool(_hit(rest, intent["one_of"]))
    if not u.yes_no:
        # "the … center in Changsha": a place after a named thing only says where it is
        ordered: list[tuple[int, str]] = list(u.entities)
        u.entities = [(at, ref) for i, (at, ref) in enumerate(ordered)
                      if not (i and vocab.types.get(ref) in ("City", "Province", "District")
                              and vocab.types.get(ordered[i - 1][1]) in _NAMED
                              and re.search(r"(?:\bin|\bat|位于|在)\s*\x00*$", rest[:at]))]
    return u


_YEAR = re.compile(r"(?:\b(?:in|by|of|since|until|before|after|from|as of)\s+)((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年")


def _read_bound(u: Understanding, rest: str, folded: str) -> str:
    """The comparator and threshold of a question ("more than 100,000 racks"); a year is never a threshold.
    A comparator without a number asks for a stated bound ("超过多少", "expected to exceed?")."""
    lex = questions()
    for name in ("ge", "le", "gt", "lt"):
        if word := _hit(rest, lex["comparator"][name]):
            u.comparator = name
            rest = rest.replace(word, " " * len(word))  # "at least" is a bound, not a superlative
            break
    if u.comparator is None:
        return rest
    years = {m.group(1) or m.group(2) for m in _YEAR.finditer(rest)}
    quantities = [q for q in find_quantities(folded) if (q.family != "count" or u.metric == q.noun)
                  and f"{q.value:g}" not in years]
    unyeared = _YEAR.sub(" ", rest)
    if quantities:
        u.threshold = quantities[0].value
    elif m := re.search(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万亿|亿|万|千|(?:billion|million|thousand)\b)?", unyeared):
        u.threshold = parse_number(m.group(0))
    if u.threshold is None:
        u.asked_bound, u.comparator = u.comparator, None
    return rest


_AMOUNT = re.compile(r"多少|几|幾|how (?:much|many)")


def _read_relation(u: Understanding, rest: str, intent: dict, vocab: Vocabulary) -> None:
    """The relation a question asks for: who runs or built it, where it is, what it belongs to.
    A question for an amount ("多少个", "how many") asks for a figure or a count, not a relation,
    unless it also asks who; a question for who asks for the entity even if it names a metric ("哪两家企业共同投资")."""
    asks_amount = bool(_AMOUNT.search(rest))
    ranks = [w for k in ("comparative_max", "comparative_min", "superlative_max", "superlative_min") for w in intent[k]]
    # "与哪个城市签署了算力合作协议": which one of a class, not a figure (unless it asks the most or more)
    asks_which = u.cls is not None and bool(re.search(r"哪|\bwhich\b", rest)) and not _hit(rest, ranks)
    asks_who = bool(_hit(rest, intent["who"])) or asks_which
    for name in ("contains", "operator", "part_of", "partner", "member_of", "located_in"):
        if _hit(rest, intent[name]) and not (name in ("located_in", "contains") and u.metric):
            if (u.metric and name in ("operator", "partner") or asks_amount) and not (asks_who and not asks_amount):
                continue  # "投入运营的机架有多少": a figure, not who runs it
            u.relation = name
            break
    if u.relation is None and asks_who and not asks_amount and _hit(rest, intent["built"]):
        u.relation = "operator"  # "由哪家公司建设", "which company built"
    if u.relation in ("operator", "partner") and asks_who and not asks_amount:
        u.metric = u.kind = None
        agents = [c for c in ("Company", "Organization") if _find_words(rest, questions()["class"][c])]
        if agents and u.cls not in _AGENTS:
            u.cls = agents[0]


def _hit(text: str, words: list[str]) -> str | None:
    found = _find_words(text, words)
    return found[1] if found else None


# ------------------------------------------------------------------ building queries
def _values(bindings: dict[str, list[URIRef | Literal]]) -> str:
    """A VALUES block per variable, from rdflib terms only (never raw user text)."""
    blocks = []
    for name, terms in bindings.items():
        if terms:
            blocks.append(f"VALUES ?{name} {{ " + " ".join(t.n3() for t in terms) + " }")
    return "\n  ".join(blocks)


class QueryRejectedError(Exception):
    """A generated query failed its own check: never run."""


def _checked(sparql: str) -> None:
    if errors := check(sparql):
        raise QueryRejectedError("; ".join(errors))


# Join order, measured on a 1M-triple graph with Oxigraph: for a handful of subjects the metric
# written as a constant lets the engine start from the subjects (10× faster); for a whole class
# the VALUES form is the fast one.
_FEW_SUBJECTS = 20
# Beyond this many subjects a VALUES block makes the engine slower than reading every figure of
# the metric and keeping those in scope (`scope_sparql` then holds the restriction).
_MANY_SUBJECTS = 200


def over_summary(sparql: str, graph: str | None) -> str:
    """The query read over the summary graph only (a FROM clause), where each distinct fact is one node.

    Reading the union of every document's graph costs what the documents cost: one entity's
    figures took 236 ms on a 1M-triple store against 0.5 ms in the summary graph.
    """
    if graph is None or not _SAFE_IRI.fullmatch(graph):
        return sparql
    found = re.search(r"\b(WHERE\s*\{|ASK\s*\{)", sparql)
    if found is None:
        return sparql
    clause = f"FROM <{graph}> "
    if found.group(0).upper().startswith("ASK"):
        return f"{sparql[:found.start()]}ASK {clause}{{{sparql[found.end():]}"
    return f"{sparql[:found.start()]}{clause}{found.group(0)}{sparql[found.end():]}"


def _inline_metric(sparql: str) -> str:
    """Write a single-valued metric binding as the constant it is."""
    m = re.search(r"\n\s*VALUES \?metric \{ (<[^<>\s]+>) \}", sparql)
    if m is None:
        return sparql
    return sparql.replace(m.group(0), "").replace("sl:metric ?metric ;", f"sl:metric {m.group(1)} ;")


_SAFE_IRI = re.compile(r"[^<>\"{}|^`\\\s]+")


def _subject_rows(rows: list[dict]) -> str:
    """The scope query's answer as one VALUES block (IRIs from the store, checked to be plain IRIs)."""
    cells = []
    for row in rows:
        subject, holder = row.get("subject", {}).get("value", ""), row.get("holder", row.get("subject", {})).get("value", "")
        if _SAFE_IRI.fullmatch(subject) and _SAFE_IRI.fullmatch(holder):
            cells.append(f"(<{subject}> <{holder}> {int(row.get('depth', {}).get('value', 0))})")
    return "VALUES (?subject ?holder ?depth) { " + " ".join(cells) + " }"


def check(sparql: str) -> list[str]:
    """Errors of a generated query: syntax, or ontology terms that do not exist."""
    errors = []
    try:
        _EMPTY.query(sparql)  # the parser of the engine that will run it, on an empty store
    except SyntaxError as exc:
        errors.append(f"syntax: {exc}")
    known = set(getattr(SL, "__annotations__", {}))
    for term in re.findall(r"sl:([A-Za-z_]+)|<" + re.escape(SLNS) + r"([A-Za-z_]+)>", sparql):
        name = term[0] or term[1]
        if name not in known:
            errors.append(f"unknown ontology term sl:{name}")
    return errors


def _bound_filters(u: Understanding) -> tuple[dict[str, list], list[str], list[str]]:
    """VALUES bindings, restrictions (kind, status) and the threshold filter of a question."""
    bindings: dict[str, list] = {}
    restrictions, filters = [], []
    if u.metric:
        bindings["metric"] = [SL[u.metric]]
    # kind and status as filters: as VALUES blocks they let the engine start from every figure of that
    # status instead of from the subjects in scope (400 ms against 3 ms on a 1M-triple store)
    if u.kind:
        restrictions.append(f"FILTER(?kind = {SL[u.kind].n3()})")
    if u.statuses:
        restrictions.append("FILTER(?status IN (" + ", ".join(SL[s].n3() for s in u.statuses) + "))")
    if u.comparator and u.threshold is not None:
        bindings["threshold"] = [Literal(u.threshold)]
        filters.append({
            "gt": "FILTER((?value > ?threshold || (?value = ?threshold && ?comparator = sl:gt)) "
                  "&& ?comparator NOT IN (sl:lt, sl:le))",
            "ge": "FILTER(?value >= ?threshold && ?comparator NOT IN (sl:lt, sl:le))",
            "lt": "FILTER((?value < ?threshold || (?value = ?threshold && ?comparator = sl:lt)) "
                  "&& ?comparator NOT IN (sl:gt, sl:ge))",
            "le": "FILTER(?value <= ?threshold && ?comparator NOT IN (sl:gt, sl:ge))",
        }[u.comparator])
    return bindings, restrictions, filters


def _class_scope(cls: str) -> str:
    """Members of a class; a hub also through its clusters and their cities, a cluster through its city."""
    if cls == "Hub":
        return ("{ ?subject a sl:Hub . BIND(?subject AS ?holder) } UNION { ?subject (sl:partOf|sl:locatedIn)+ ?holder . "
                "?holder a sl:Hub } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject ; sl:partOf ?holder . ?subject a sl:City } "
                "BIND(0 AS ?depth)")
    if cls == "Cluster":
        return ("{ ?subject a sl:Cluster . BIND(?subject AS ?holder) } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject . "
                "?subject a sl:City . BIND(?k AS ?holder) } BIND(0 AS ?depth)")
    return f"?subject a sl:{cls} . BIND(?subject AS ?holder) BIND(0 AS ?depth)"


def _entity_scope(iri: str) -> str:
    """An entity (depth 0) and what it contains: parts, places in it, the city of a cluster (depth 1)."""
    e = URIRef(iri).n3()
    return (f"{{ BIND({e} AS ?subject) BIND(0 AS ?depth) }} UNION {{ ?subject (sl:partOf|sl:locatedIn)+ {e} . BIND(1 AS ?depth) }} "
            f"UNION {{ {e} a sl:Cluster ; sl:locatedIn ?subject . ?subject a sl:City . BIND(1 AS ?depth) }} BIND({e} AS ?holder)")


def _listed_scope(iris: list[str]) -> str:
    return f"{_values({'subject': [URIRef(i) for i in iris]})} BIND(?subject AS ?holder) BIND(0 AS ?depth)"


def _figures(bindings: dict[str, list], filters: list[str], *, ascending: bool = False) -> str:
    sparql = query_text("ask_figures").replace("#VALUES", _values(bindings)).replace("#FILTERS", "\n  ".join(filters))
    return sparql.replace("DESC(?value)", "?value") if ascending else sparql


def _scope_query(scope: str) -> str:
    return query_text("ask_scope").replace("#SCOPE", scope)


_REL_PROP = {code: "sl:" + str(prop)[len(SLNS):] for code, prop in RELATION_PROPERTY.items()}


@dataclass
class Plan:
    sparql: str
    shape: str  # value, list, relation, boolean, count, compare, aggregate
    interpretation: str
    scope: str | None = None  # a first query for ?subject ?holder ?depth; its rows fill #SUBJECTS of `sparql`


def plan(u: Understanding, vocab: Vocabulary) -> Plan | None:
    """The query that answers an understood question, or None when nothing fits."""
    entities = [iri for _, iri in u.entities]
    bindings, restrictions, threshold = _bound_filters(u)
    filters = restrictions + threshold
    distinct = list(dict.fromkeys(entities))
    if u.yes_no and len(distinct) == 1 and u.cls and u.threshold is None and (u.one_of or not (u.metric or u.relation)):
        # "Is the Qingyang cluster one of the national clusters?": is it one, or (a place) does it host one
        e = URIRef(distinct[0]).n3()
        sparql = (f"PREFIX sl: <{SLNS}>\nASK {{ {{ {e} a sl:{u.cls} }} UNION "
                  f"{{ ?k a sl:{u.cls} ; sl:locatedIn {e} . {e} a sl:City }} }}")
        return Plan(sparql, "boolean", f"is {distinct[0]} a {u.cls}")
    if u.yes_no and len(entities) >= 2 and not u.metric and not u.relation:
        u.relation = "located_in"
    if u.relation and entities and (u.metric is None or u.relation in ("partner", "operator", "part_of")) \
            and u.threshold is None:
        prop = _REL_PROP.get(u.relation, "sl:partOf")
        if u.yes_no and len(entities) >= 2:
            if u.relation == "contains":  # "X是否包括Y": is Y in X
                entities = [entities[1], entities[0], *entities[2:]]
            path = "(sl:locatedIn|sl:partOf)+" if u.relation in ("located_in", "part_of", "contains") else prop
            pattern = f"?entity {path} ?other" if u.relation in ("located_in", "part_of", "member_of", "contains") \
                else f"{{ ?entity {path} ?other }} UNION {{ ?other {path} ?entity }}"  # "does Huawei run X" = "is X run by Huawei"
            sparql = (f"PREFIX sl: <{SLNS}>\nASK {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"{_values({'other': [URIRef(entities[1])]})} {pattern} }}")
            return Plan(sparql, "boolean", f"is {entities[0]} {u.relation} {entities[1]}")
        return _relation_plan(u, vocab, entities)
    if u.metric and (u.comparative or u.superlative) and len(distinct) >= 2 and u.threshold is None and not u.yes_no \
            and not (u.cls and u.cls in _GROUPS and u.superlative):
        # a choice among named entities: "Among A, B and C, which has the most racks?"
        direction = "most" if (u.comparative or u.superlative) == "max" else "least"
        return Plan(_figures(bindings, restrictions), "choose", f"which of {', '.join(distinct[:5])} has the {direction} {u.metric}"
                    + (f" ({u.kind})" if u.kind else ""), _scope_query(_listed_scope(distinct[:5])))
    if u.metric and u.comparative and len(distinct) >= 2 and u.threshold is None:
        direction = "more" if u.comparative == "max" else "less"
        return Plan(_figures(bindings, restrictions), "compare", f"which of {distinct[0]} and {distinct[1]} has {direction} {u.metric}"
                    + (f" ({u.kind})" if u.kind else ""), _scope_query(_listed_scope(distinct[:2])))
    named = [iri for iri in distinct if vocab.types.get(iri) not in _GROUPS]
    if u.metric and u.total and len(named) >= 2 and u.threshold is None and not (u.superlative or u.yes_no):
        # "the combined computing power of A and B": one figure each of the entities named
        restrictions = restrictions + ([f"FILTER(?kind = {SL.total.n3()})"] if u.metric == "computing_power" and not u.kind else [])
        return Plan(_figures(bindings, restrictions), "aggregate", f"sum of {u.metric} over {', '.join(named[:5])}",
                    _scope_query(_listed_scope(named[:5])))
    if u.metric and u.total and u.threshold is None and not u.superlative and not u.yes_no and (
            u.cls or entities and vocab.types.get(entities[0]) in _GROUPS):
        return _aggregate_plan(u, vocab, bindings, restrictions)
    if u.metric and entities and u.threshold is None and not (u.superlative and u.cls):
        return Plan(_figures(bindings, filters), "value", f"{u.metric} of {entities[0]}" + (f" ({u.kind})" if u.kind else "")
                    + (f", status {'/'.join(u.statuses)}" if u.statuses else ""), _scope_query(_entity_scope(entities[0])))
    if u.metric and (u.cls or u.superlative or u.threshold is not None):
        cls = u.cls or "Cluster"
        scope = _listed_scope(entities[:1]) if u.yes_no and entities else _class_scope(cls)
        sparql = _figures(bindings, filters, ascending=u.superlative == "min")
        what = f"{cls} entities by {u.metric}"
        if u.comparator and u.threshold is not None:
            what += f" {u.comparator} {u.threshold:g}"
        if u.superlative:
            what += f", {u.superlative} (top {u.top})"
        shape = "boolean" if u.yes_no else ("count" if u.count else "list")
        return Plan(sparql, shape, ("number of " if u.count else "") + what, _scope_query(scope))
    if u.count and u.cls in _COUNTED_BY and entities and u.metric is None and not u._members:
        # "张家口有多少座数据中心": a figure the sources state, else the members the graph knows (see ask)
        return Plan(_figures({"metric": [SL[_COUNTED_BY[u.cls]]]}, restrictions), "value",
                    f"{_COUNTED_BY[u.cls]} of {entities[0]}", _scope_query(_entity_scope(entities[0])))
    if u.count and u.cls:
        if entities:
            sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"?answer a sl:{u.cls} ; (sl:partOf|sl:locatedIn)+ ?entity }}")
        else:
            sparql = f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ ?answer a sl:{u.cls} }}"
        return Plan(sparql, "count", f"number of {u.cls}" + (f" in {entities[0]}" if entities else ""))
    if u.cls and entities and not u.metric and not u.yes_no and vocab.types.get(entities[0]) in _GROUPS | {"Park"} \
            and u.cls != vocab.types.get(entities[0]):
        # "Which two clusters are planned under the hub?": the members of a group
        sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                  f"?answer a sl:{u.cls} ; (sl:partOf|sl:locatedIn)+ ?entity }}")
        return Plan(sparql, "relation", f"{u.cls} entities in {entities[0]}")
    return None


def _relation_plan(u: Understanding, vocab: Vocabulary, entities: list[str]) -> Plan:
    """Who runs X, where X is, what X belongs to or includes, whom X partnered; `u.hops` also reads
    containment through places in between (a center in a district of a city is in the city)."""
    entity_pos = u.entities[0][0]
    entity_type = vocab.types.get(entities[0])
    inverse = u.cls is not None and u.cls_pos < entity_pos and u.relation != "partner"
    if inverse and u.relation in ("part_of", "located_in") and entity_type in _CONTAINMENT and u.cls in _CONTAINMENT:
        # "Which hub does X belong to" asks for the container, "Which clusters belong to the hub" for the parts
        inverse = _CONTAINMENT.index(u.cls) > _CONTAINMENT.index(entity_type)
    if u.relation == "operator":
        # "Who built X" asks for X's operator, "Which centers does Huawei run" for what the operator runs
        inverse = entity_type in _AGENTS and u.cls not in _AGENTS | {None}
    relation = "part_of" if u.relation == "contains" else u.relation
    assert relation is not None  # a relation plan is made only for a relation question
    prop = _REL_PROP[relation]
    props = [prop]
    if u.relation == "contains":
        # "X包括哪些园区", "Which parks does X consist of": its parts, or the districts it lies in
        props = ["sl:partOf", "sl:locatedIn"]
        pattern = "{ ?answer sl:partOf|sl:locatedIn ?entity }"
        if u.cls in ("District", "City"):
            pattern += " UNION { ?entity sl:locatedIn ?answer }"
        inverse = True
    elif u.relation == "partner":
        pattern = f"{{ ?entity {prop} ?answer }} UNION {{ ?answer {prop} ?entity }}"
    elif inverse:
        pattern = f"?answer {prop} ?entity ."
    elif relation in ("part_of", "located_in") and u.cls:
        pattern = "?entity (sl:locatedIn|sl:partOf)" + ("+" if u.hops else "") + " ?answer ."
        props = ["sl:partOf", "sl:locatedIn"]
    else:
        pattern = f"?entity {prop} ?answer ."
    if u.cls and (inverse or relation in ("partner", "part_of", "located_in")) \
            and not (relation in ("operator", "partner") and u.cls in _AGENTS):  # a district government builds too
        pattern += " " + _class_test(u.cls)
    entity = URIRef(entities[0]).n3()  # a constant, so the engine starts from it
    sparql = query_text("ask_relation").replace("#VALUES", _values({"relation": [SL[p.split(':')[1]] for p in props]}))
    sparql = sparql.replace("#PATTERN", re.sub(r"\?entity\b", entity, pattern)).replace("#ENTITY", entity)
    sparql = sparql.replace("#FILTERS", "")
    direction = "inverse " if inverse and u.relation != "contains" else ""
    return Plan(sparql, "relation", f"{direction}{u.relation} of {entities[0]}" + (f", only {u.cls}" if u.cls else ""))


def _class_test(cls: str) -> str:
    """?answer is of the class; a county-level city counts as a district ("哪些区县": 无为市)."""
    if cls == "District":
        return "?answer a ?answer_class . FILTER(?answer_class IN (sl:District, sl:City))"
    return f"?answer a sl:{cls} ."


# Broadest first: what a part_of / located_in question may ask for above or below an entity.
_CONTAINMENT = ["Province", "Hub", "City", "Cluster", "District", "Park", "Center"]
_GROUPS = {"Hub", "Province", "City", "District"}
# A class whose members a source may count in a figure of its own ("48 data centers")
_COUNTED_BY = {"Center": "datacenter_count", "Company": "enterprise_count"}


def _aggregate_plan(u: Understanding, vocab: Vocabulary, bindings: dict[str, list], restrictions: list[str]) -> Plan:
    """Sum of a metric over a group: the clusters of a hub, or every cluster (one figure per member)."""
    cls = u.cls if u.cls and u.cls not in _GROUPS else "Cluster"
    group = next((iri for _, iri in u.entities if vocab.types.get(iri) in _GROUPS), None)
    scope = f"?subject a sl:{cls} . BIND(?subject AS ?holder) BIND(0 AS ?depth)"
    if group is not None:
        scope += f" ?subject (sl:partOf|sl:locatedIn)+ {URIRef(group).n3()} ."
    if u.metric == "computing_power" and not u.kind:
        restrictions = [*restrictions, f"FILTER(?kind = {SL.total.n3()})"]  # never add AI or HPC parts to totals
    where = f" of {group}" if group else ""
    return Plan(_figures(bindings, restrictions), "aggregate", f"sum of {u.metric} over {cls} entities{where}, one figure per {cls}",
                _scope_query(scope))


def _one_figure_each(rows: list[dict], statuses: list[str]) -> dict[str, dict]:
    """Per subject one figure: its actual one when the question names no status, else its largest."""
    chosen: dict[str, dict] = {}
    for row in rows:  # rows come largest first
        member = row["subject"]["value"]
        status = local_name(row["status"]["value"])
        current = chosen.get(member)
        if current is None or (not statuses and status == "actual" and local_name(current["status"]["value"]) != "actual"):
            chosen[member] = row
    return chosen


def _aggregate(rows: list[dict], statuses: list[str]) -> tuple[float, str | None, str, list[dict]] | None:
    """(sum, unit, comparator, rows used), one figure per member."""
    used = list(_one_figure_each(rows, statuses).values())
    if not used:
        return None
    units = {local_name(r.get("unit", {}).get("value")) for r in used}
    if len(units) > 1:
        return None
    comparators = {local_name(r["comparator"]["value"]) for r in used}
    comparator = "eq" if comparators == {"eq"} else ("ge" if comparators <= {"eq", "gt", "ge"} else "approx")
    return sum(number(r["value"]["value"]) for r in used), units.pop(), comparator, used


_LOWER_IS_BETTER = {"pue", "latency"}


def _one_figure(rows: list[dict], u: Understanding) -> list[dict]:
    """The figure a question about one entity asks for, when the sources give several: of the status it
    names (else the actual one), of the bound it asks for ("超过多少"), of all AI/HPC/total the total, and
    then the largest (the smallest PUE or latency). Rows come largest first."""
    if len({r["subject"]["value"] for r in rows}) != 1 or len(rows) < 2:
        return rows

    def keep(test) -> None:
        nonlocal rows
        rows = [r for r in rows if test(r)] or rows

    status = lambda r: local_name(r["status"]["value"])  # noqa: E731
    keep(lambda r: status(r) == (u.statuses[0] if u.statuses else "actual"))
    if u.statuses:
        keep(lambda r: status(r) in u.statuses)
    if u.asked_bound:
        wanted = {"gt": ("gt", "ge"), "ge": ("gt", "ge"), "lt": ("lt", "le"), "le": ("lt", "le")}[u.asked_bound]
        keep(lambda r: local_name(r["comparator"]["value"]) in wanted)
    if not u.kind:
        keep(lambda r: local_name(r.get("kind", {}).get("value")) in (None, "total"))
    return [rows[-1] if u.metric in _LOWER_IS_BETTER else rows[0]]


def _named(text: str, vocab: Vocabulary, script: str) -> str:
    """The interpretation line with entity IRIs replaced by their labels in the question's script."""
    return re.sub(r"https?://\S+?(?=[,;)\s]|$)", lambda m: _label(m.group(0), vocab, script)["label"] or m.group(0)
                  if m.group(0) in vocab.labels else m.group(0), text)


def _answer(row: dict, vocab: Vocabulary, u: Understanding) -> dict[str, Any]:
    """One figure as an answer: the entity's label in the question's script, the value and how it is bounded."""
    value = number(row["value"]["value"])
    unit = local_name(row.get("unit", {}).get("value"))
    comparator = local_name(row["comparator"]["value"])
    answer = _label(row["subject"]["value"], vocab, u.script)
    answer.update({"value": value, "unit": unit, "comparator": comparator,
                   "status": local_name(row["status"]["value"]), "time": row.get("time", {}).get("value"),
                   "kind": local_name(row.get("kind", {}).get("value")),
                   "sources": int(row.get("sources", {}).get("value", 1)),
                   "text": readable(value, unit, comparator, u.lang)})
    return answer


def _compare(out: dict[str, Any], u: Understanding, rows: list[dict], vocab: Vocabulary) -> dict[str, Any]:
    """The one of two entities with more (or less) of a metric; yes/no when the question asks it that way."""
    first, second = list(dict.fromkeys(iri for _, iri in u.entities))[:2]
    chosen = _one_figure_each(rows, u.statuses)
    missing = [iri for iri in (first, second) if iri not in chosen]
    if missing:
        names = ", ".join(_label(iri, vocab, u.script)["label"] or iri for iri in missing)
        out["interpretation"] += f"; no figure for {names}, cannot compare"
        return out
    a, b = chosen[first], chosen[second]
    va, vb = number(a["value"]["value"]), number(b["value"]["value"])
    if local_name(a.get("unit", {}).get("value")) != local_name(b.get("unit", {}).get("value")):
        out["interpretation"] += "; the figures are in different units, cannot compare"
        return out
    first_wins = va > vb if u.comparative == "max" else va < vb
    loose = {"gt", "ge", "lt", "le"} & {local_name(a["comparator"]["value"]), local_name(b["comparator"]["value"])}
    if loose:
        out["interpretation"] += "; a figure is only a bound, so the comparison rests on the stated bounds"
    if u.yes_no:
        out["boolean"] = first_wins
    else:
        out["answers"] = [_answer(a if first_wins else b, vocab, u)]
    out["compared"] = [_answer(a, vocab, u), _answer(b, vocab, u)]
    out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in (a, b)]
    return out


def _choose(out: dict[str, Any], u: Understanding, rows: list[dict], vocab: Vocabulary) -> dict[str, Any]:
    """The one of several named entities with the most (or least) of a metric, among those with a figure."""
    named = list(dict.fromkeys(iri for _, iri in u.entities))[:5]
    chosen = _one_figure_each(rows, u.statuses)
    have = [iri for iri in named if iri in chosen]
    units = {local_name(chosen[iri].get("unit", {}).get("value")) for iri in have}
    if not have or len(units) > 1:
        out["interpretation"] += "; no figures in one unit to choose from"
        return out
    missing = [_label(iri, vocab, u.script)["label"] or iri for iri in named if iri not in chosen]
    if missing:
        out["interpretation"] += f"; no figure for {', '.join(missing)}"
    pick = (max if (u.comparative or u.superlative) == "max" else min)(have, key=lambda i: number(chosen[i]["value"]["value"]))
    out["answers"] = [_answer(chosen[pick], vocab, u)]
    out["compared"] = [_answer(chosen[iri], vocab, u) for iri in have]
    out["evidence"] = [{"source": chosen[i]["file"]["value"], "text": chosen[i]["evidence"]["value"]} for i in have]
    return out


# ------------------------------------------------------------------ answering
def _hub_label(hub: dict[str, Any], place: dict[str, Any], script: str) -> dict[str, Any]:
    """A hub found through one of its clusters or their cities keeps the place in its name:
    "甘肃枢纽(庆阳)", "Gansu hub (via Qingyang)" (a question may mean either)."""
    zh = f"{hub['label_zh']}({place['label_zh']})" if hub.get("label_zh") and place.get("label_zh") else hub.get("label_zh")
    en = f"{hub['label_en']} (via {place['label_en']})" if hub.get("label_en") and place.get("label_en") else hub.get("label_en")
    label = (to_traditional(zh) if script == "zh-Hant" and zh else zh) if script != "en" else en
    return {"label": label or hub.get("label"), "label_zh": zh, "label_en": en}


def _label(iri: str, vocab: Vocabulary, script: str) -> dict[str, Any]:
    entry = vocab.labels.get(iri, {})
    zh, en = entry.get("zh-Hans"), entry.get("en")
    if script == "zh-Hant":
        label = entry.get("zh-Hant") or (to_traditional(zh) if zh else en)
    elif script == "zh":
        label = zh or en
    else:
        label = en or zh
    return {"iri": iri, "label": label, "label_zh": zh, "label_en": en}


def readable(value: float, unit: str | None, comparator: str | None, lang: str) -> str:
    """A figure as people write it: 超过10万P / more than 100,000 PFLOPS."""
    words = {"zh": {"gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过", "approx": "约", "eq": ""},
             "en": {"gt": "more than ", "ge": "at least ", "lt": "less than ", "le": "at most ", "approx": "about ",
                    "eq": ""}}
    prefix = words["zh" if lang != "en" else "en"].get(comparator or "eq", "")
    if unit is None and value <= 1 and value > 0:
        body = f"{value * 100:g}%"
    elif lang != "en" and value >= 1e8:
        body = f"{value / 1e8:g}亿"
    elif lang != "en" and value >= 1e4:
        body = f"{value / 1e4:g}万"
    else:
        grouped = "," if lang == "en" else ""  # 8,000 PFLOPS / 8000P
        body = f"{value:{grouped}.6g}" if value < 1e6 else f"{value:{grouped}.0f}"
    unit_text = {"PFLOPS": "P" if lang != "en" else " PFLOPS", "CNY": "元" if lang != "en" else " yuan",
                 "racks": "架" if lang != "en" else " racks", "kW": "千瓦" if lang != "en" else " kW",
                 "km2": "平方公里" if lang != "en" else " km²", "USD": "美元" if lang != "en" else " USD",
                 "ms": "毫秒" if lang != "en" else " ms"}.get(unit or "", "")
    return f"{prefix}{body}{unit_text}"


def ask(question: str, *, store: Store) -> dict[str, Any]:
    """Answer one question; a question it cannot read gets empty answers and a reason. Never raises."""
    question = (question or "").strip() if isinstance(question, str) else ""
    try:
        vocab = vocabulary(store)
        u = understand(question[:2000], vocab)
        out = _run(question, u, vocab, store)
        for retry in _retries(u, vocab):
            if out["answers"] or out["boolean"] is not None:
                break
            again = _run(question, retry[0], vocab, store)
            if again["answers"] or again["boolean"] is not None:
                again["interpretation"] = f"{again['interpretation']}; {_named(retry[1], vocab, u.script)}"
                out = again
        if u.notes and out.get("interpretation"):
            out["interpretation"] += "; " + _named("; ".join(u.notes), vocab, u.script)
        _word(out, u)
        if u.lang == "zh" and out.get("interpretation"):
            out["interpretation"] = _in_chinese(out["interpretation"], u.script)
        return out
    except Exception as exc:  # noqa: BLE001 - one bad question must never stop a batch
        lang = "zh" if has_cjk(question) else "en"
        return {"question": question, "lang": lang, "answers": [], "boolean": None, "sparql": None, "evidence": [],
                "interpretation": f"not understood; {type(exc).__name__}"}


_ZH_TERMS = {
    "renewable_share": "可再生能源占比", "clean_energy_capacity": "清洁能源装机", "computing_power": "算力",
    "rack_count": "机架数", "investment": "投资额", "output_value": "产值", "area": "面积", "pue": "PUE",
    "gpu_cards": "算力卡数", "enterprise_count": "企业数", "job_count": "就业岗位数", "datacenter_count": "数据中心数",
    "rank": "排名", "latency": "时延", "under_construction": "在建", "actual": "现有", "planned": "规划", "target": "目标",
    "ai": "智能算力", "hpc": "高性能算力", "general": "通用算力", "total": "总算力",
    "Hub": "枢纽", "Cluster": "集群", "Center": "中心", "Park": "园区", "City": "城市", "Province": "省份",
    "Company": "企业", "Organization": "机构", "District": "区县", "Initiative": "工程",
    "operator": "建设运营方", "part_of": "所属", "located_in": "所在地", "partner": "合作方", "member_of": "所属计划",
    "contains": "包含的", "most": "最多", "least": "最少", "more": "更多", "less": "更少",
    "gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过", "max": "最大", "min": "最小",
}
# English interpretation phrases → Chinese, most specific first; \1… are entity labels or the codes above
_ZH_PHRASES = [
    (r"recognised: ", "识别到:"), (r"; metric (\w+)", r";指标\1"),
    (r"generated query rejected: ", "生成的查询未通过检查:"), (r"the query failed: ", "查询失败:"),
    (r"^is (.+) a ([A-Za-z]+)$", r"\1是否为\2"),
    (r"^which of (.+) and (.+) has (more|less) ([a-z_]+)", "\\1与\\2哪个\\4\x01\\3"),
    (r"^which of (.+) has the (most|least) ([a-z_]+)", "\\1中\\3\x01\\2的是哪个"),
    (r"^sum of ([a-z_]+) over ([A-Za-z]+) entities of (.+), one figure per [A-Za-z]+", r"\3各\2的\1合计(每个取一个数)"),
    (r"^sum of ([a-z_]+) over ([A-Za-z]+) entities, one figure per [A-Za-z]+", r"各\2的\1合计(每个取一个数)"),
    (r"^sum of ([a-z_]+) over (.+)$", "\\2的\\1合计"),
    (r"^number of ([A-Za-z]+) in (.+)$", r"\2的\1数量"), (r"^number of ([A-Za-z]+) entities by", r"\1数量,按"),
    (r"^number of ([A-Za-z]+)$", r"\1数量"), (r"^([A-Z][a-z]+) entities in (.+)$", r"\2中的\1"),
    (r"^([A-Z][a-z]+) entities by ([a-z_]+)", r"按\2列出\1"), (r", (max|min) \(top (\d+)\)", r",\1前\2个"),
    (r"^inverse ([a-z_]+) of (.+?)(, only [A-Za-z]+)?$", r"以\2为\1的实体\3"),
    (r"^([a-z_]+) of (.+?)( \([a-z]+\))?(, status [a-z_/]+)?(, only [A-Za-z]+)?$", r"\2的\1\3\4\5"),
    (r"^is (.+?) ([a-z_]+) (.+)$", r"\1与\3是否有\2关系"),
    (r", status ", ",状态:"), (r", only ", ",限"), (r" \((\w+)\)", r"(\1)"),
    (r"no figure with that status, so any status", "没有该状态的数值,改取任意状态"),
    (r"no figure of that kind and status, so any", "没有该类型和状态的数值,改取任意"),
    (r"no figure of that kind, so any kind", "没有该类型的数值,改取任意类型"),
    (r"nothing directly, so through places in between", "没有直接关系,改经由中间地点"),
    (r"no (\w+) found, so (\w+)", r"没有找到\1,改查\2"),
    (r"no figure for the first entity named, so (.+)", r"第一个实体没有数值,改查\1"),
    (r"no stated figure, so the members the graph knows", "来源没有给出数字,改数图谱中已知的成员"),
    (r"no figure for (.+?), cannot compare", r"\1没有数值,无法比较"), (r"no figure for (.+)", r"\1没有数值"),
    (r"the figures are in different units, cannot compare", "数值单位不同,无法比较"),
    (r"a figure is only a bound, so the comparison rests on the stated bounds", "有数值只是上下限,比较依据所述界限"),
    (r"no figures in one unit to choose from", "没有同一单位的数值可选"), (r"no figures to add up in one unit", "没有同一单位的数值可加总"),
    (r"took '(.+?)' as (.+?) \(also close: (.+?)\)", r"将“\1”理解为\2(相近:\3)"),
]


def _in_chinese(text: str, script: str) -> str:
    """An interpretation line worded in Chinese, with no English codes (traditional for zh-Hant)."""
    parts = []
    for part in text.split("; "):
        reference = " (from the reference data)" in part
        part = part.replace(" (from the reference data)", "")
        for pattern, repl in _ZH_PHRASES:
            part = re.sub(pattern, repl, part)
        part = re.sub(r"(?<![A-Za-z_])[A-Za-z_]+(?![A-Za-z_])", lambda m: _ZH_TERMS.get(m.group(0), m.group(0)), part)
        parts.append(part + ("(来自参考数据)" if reference else ""))
    if parts[0] == "not understood":  # the contract's words, which clients read, stay; the Chinese follows
        parts[0] = "not understood(未能理解)"
    line = ";".join(parts).replace("\x01", "")
    return to_traditional(line) if script == "zh-Hant" else line


_STATUS_WORDS = {"zh": {"actual": "现有", "planned": "规划", "target": "目标", "under_construction": "在建"},
                 "en": {"actual": "actual", "planned": "planned", "target": "target", "under_construction": "under construction"}}


def _word(out: dict[str, Any], u: Understanding) -> None:
    """A worded form of each answer (`display`) in the question's language and script."""
    zh = u.lang == "zh"
    hant = u.script == "zh-Hant"

    def script(text: str) -> str:
        return to_traditional(text) if hant and text else text

    for answer in out["answers"]:
        if answer.get("text"):
            answer["text"] = script(answer["text"])
        if answer.get("iri") is None and answer.get("value") is not None and answer.get("unit") is None \
                and answer.get("label") == str(answer.get("value")):  # a count
            n = answer["value"]
            answer["label"] = answer["text"] = script(f"{n}个") if zh else f"{n}"
        if answer.get("iri") is None:
            answer["label"] = script(answer.get("label") or "")
            answer["display"] = answer["label"]
            continue
        status = _STATUS_WORDS["zh" if zh else "en"].get(answer.get("status") or "", "")
        when = answer.get("time") or ""
        if answer.get("text") and zh:
            body = f"{answer['label']}:" + (f"{when[:4]}年" if when else "") + f"{status}{answer['text']}"
        elif answer.get("text"):
            qual = ", ".join(x for x in (status, when[:4]) if x)
            body = f"{answer['label']}: {answer['text']}" + (f" ({qual})" if qual else "")
        else:
            body = answer.get("label") or ""
        if answer.get("via") and answer["via"]["label"] not in (answer.get("label") or ""):
            body += f"(经由{answer['via']['label']})" if zh else f" (via {answer['via']['label']})"
        answer["display"] = script(body)


def _retries(u: Understanding, vocab: Vocabulary) -> list[tuple[Understanding, str]]:
    """Looser readings to try, in order, when the question's own reading finds nothing."""
    out = []
    if u.kind:
        out.append((replace(u, kind=None), "no figure of that kind, so any kind"))
    if u.statuses:
        out.append((replace(u, statuses=[]), "no figure with that status, so any status"))
    if u.kind and u.statuses:
        out.append((replace(u, kind=None, statuses=[]), "no figure of that kind and status, so any"))
    if u.relation in ("located_in", "part_of") and u.cls and not u.hops:
        out.append((replace(u, hops=True), "nothing directly, so through places in between"))
        out.append((replace(u, cls=None), f"no {u.cls} found, so any"))
    if u.relation in ("operator", "partner") and not u.metric:
        other = "partner" if u.relation == "operator" else "operator"
        out.append((replace(u, relation=other), f"no {u.relation} found, so {other}"))
    distinct = list(dict.fromkeys(iri for _, iri in u.entities))
    if u.metric and len(distinct) >= 2 and not (u.comparative or u.superlative or u.yes_no):
        for iri in distinct[1:3]:
            others = [(p, i) for p, i in u.entities if i == iri]
            out.append((replace(u, entities=others), f"no figure for the first entity named, so {iri}"))
    if u.count and u.cls in _COUNTED_BY and u.metric is None:
        out.append((replace(u, cls=u.cls, entities=u.entities, count=True, metric=None, one_of=True, _members=True),
                    "no stated figure, so the members the graph knows"))
    return out


def _run(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {"question": question, "lang": u.lang, "answers": [], "boolean": None, "sparql": None,
                           "evidence": [], "interpretation": None}
    the_plan = plan(u, vocab) if question else None
    if the_plan is None:
        seen = [_label(iri, vocab, u.script)["label"] or iri for _, iri in u.entities]
        out["interpretation"] = ("not understood" + (f"; recognised: {', '.join(seen)}" if seen else "")
                                 + (f"; metric {u.metric}" if u.metric else ""))
        return out
    in_scope: dict[str, dict] | None = None
    try:
        if the_plan.scope is not None:
            out["scope_sparql"] = the_plan.scope
            the_plan.scope = out["scope_sparql"] = over_summary(the_plan.scope, vocab.summary)
            _checked(the_plan.scope)
            subjects = store.select(the_plan.scope).rows
            if len(subjects) > _MANY_SUBJECTS:
                # a whole class: all figures of the metric, joined with the scope here (see _MANY_SUBJECTS)
                in_scope = {r["subject"]["value"]: r for r in subjects if "subject" in r}
                the_plan.sparql = the_plan.sparql.replace("#SUBJECTS", "").replace("?holder ?depth ", "")
            else:
                the_plan.sparql = the_plan.sparql.replace("#SUBJECTS", _subject_rows(subjects))
            if len(subjects) <= _FEW_SUBJECTS:
                the_plan.sparql = _inline_metric(the_plan.sparql)
        the_plan.sparql = out["sparql"] = over_summary(the_plan.sparql, vocab.summary)
        _checked(the_plan.sparql)
        results = store.select(the_plan.sparql)
        if in_scope is not None:
            results.rows = [{**row, "holder": in_scope[row["subject"]["value"]].get("holder", row["subject"]),
                             "depth": in_scope[row["subject"]["value"]].get("depth", {"value": "0"})}
                            for row in results.rows if row["subject"]["value"] in in_scope]
    except QueryRejectedError as exc:
        out["interpretation"] = f"not understood; generated query rejected: {exc}"
        return out
    except SuanliError as exc:
        out["interpretation"] = f"not understood; the query failed: {exc}"
        return out
    out["interpretation"] = _named(the_plan.interpretation, vocab, u.script)
    if the_plan.shape == "boolean" and results.boolean is not None:
        out["boolean"] = results.boolean
        return out
    rows = results.rows
    if the_plan.shape == "boolean":
        out["boolean"] = bool(rows)
        return out
    if the_plan.shape == "count":
        members = {r["subject"]["value"] if "subject" in r else r["answer"]["value"] for r in rows}
        out["answers"] = [{"iri": None, "label": str(len(members)), "label_zh": None, "label_en": None,
                           "value": len(members), "unit": None, "comparator": "eq"}]
        out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in rows if "evidence" in r]
        return out
    if the_plan.shape == "compare":
        return _compare(out, u, rows, vocab)
    if the_plan.shape == "choose":
        return _choose(out, u, rows, vocab)
    if the_plan.shape == "aggregate":
        total = _aggregate(rows, u.statuses)
        if total is None:
            out["interpretation"] += "; no figures to add up in one unit"
            return out
        value, unit, comparator, used = total
        text = readable(value, unit, comparator, u.lang)
        out["answers"] = [{"iri": None, "label": text, "label_zh": None, "label_en": None, "value": value, "unit": unit,
                           "comparator": comparator, "text": text,
                           "parts": [{**_label(r["subject"]["value"], vocab, u.script), "value": number(r["value"]["value"]),
                                      "comparator": local_name(r["comparator"]["value"]),
                                      "status": local_name(r["status"]["value"])} for r in used]}]
        out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in used]
        return out
    if the_plan.shape == "relation":
        documented = [r for r in rows if "evidence" in r]
        chosen = documented or rows
        listed: set[str] = set()
        for row in chosen:
            iri = row["answer"]["value"]
            if iri in vocab.labels and iri not in listed:
                listed.add(iri)
                out["answers"].append(_label(iri, vocab, u.script))
            if "evidence" in row:
                out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
        if not documented and rows:
            out["interpretation"] += " (from the reference data)"
        if u.relation in ("located_in", "part_of", "contains") and u.classes == [u.cls]:
            exact = [a for a in out["answers"] if vocab.types.get(a["iri"]) == u.cls]
            out["answers"] = exact or out["answers"]  # "哪个区": the district, not also the city
        return out
    return _figure_answers(out, the_plan, rows, u, vocab)


def _figure_answers(out: dict[str, Any], the_plan: Plan, rows: list[dict], u: Understanding, vocab: Vocabulary) -> dict[str, Any]:
    """Figures as answers (value, list, boolean shapes): the asked year and figure, each subject once, via its holder."""
    if u.year:
        dated = [r for r in rows if r.get("time", {}).get("value", "").startswith(u.year)]
        rows = dated or rows
    if the_plan.shape == "value" and rows and any(r["depth"]["value"] == "0" for r in rows):
        rows = [r for r in rows if r["depth"]["value"] == "0"]
        rows = _one_figure(rows, u)
    if the_plan.shape == "list" and u.superlative:
        rows = rows[: u.top]
    seen_keys = set()
    for row in rows:
        subject = row["subject"]["value"]
        holder = row.get("holder", row["subject"])["value"]
        # "which clusters": a figure about the city that hosts a cluster answers for the cluster, via the city
        for_holder = the_plan.shape in ("list", "boolean") and u.cls in ("Cluster", "Hub") \
            and vocab.types.get(holder) == u.cls
        key = (subject, row["value"]["value"], row.get("unit", {}).get("value")) if the_plan.shape == "value" else (
            holder if for_holder else subject)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        answer = _answer(row, vocab, u)
        if for_holder and holder != subject:
            answer.update(_label(holder, vocab, u.script))
            answer["via"] = _label(subject, vocab, u.script)
            if u.cls == "Hub":
                answer.update(_hub_label(answer, answer["via"], u.script))
        elif holder != subject:
            answer["via"] = _label(holder, vocab, u.script)
        out["answers"].append(answer)
        out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
    return out
