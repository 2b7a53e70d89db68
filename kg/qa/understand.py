"""Understanding a question: which entities, metric, class, relation, comparison and time it names.

The vocabulary comes from the graph (every label and altLabel) and from a question lexicon
(`extract/data/questions.toml`), so a new entity or metric is askable without code changes.
`understand(question, vocabulary)` is the door; it reads and never queries.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import weakref
from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from extract.gazetteer import english_name
from extract.quantity import find as find_quantities
from extract.quantity import parse as parse_number
from extract.resources import lexicon, questions, reference
from extract.text import fold, has_cjk
from kg.graph.factview import entity_labels
from kg.graph.namespace import SL
from kg.graph.store import LocalStore, RemoteStore

Store = LocalStore | RemoteStore
SLNS = str(SL._NS)
_EMPTY = ox.Store()


_ASKS_RANK = re.compile(r"\bwhere\s+(?:does|do|did|is|was)\b.*\branks?(?:ed)?\b|\bwhat\s+(?:rank|place|position)\b|"
                        r"\branks?(?:ed)?\s+(?:where|what)\b|\branking\b|第几|第幾|排名(?:如何|多少|怎样)")
_LIST_WORDS = r"\band\b|\bor\b|\bplus\b|\bvs\.?|\bversus\b|&|加上|[,，、;；和与及或跟加]"  # words that join the items of a list
# between two items of one list ("A、B和C", "A's first phase and B"), a phase word of the first allowed
_LISTED = re.compile(rf"(?:\s*(?:[一二三四五首]期|'s\s+(?:first|second|third)\s+(?:phase|stage)))?"
                     rf"\s*(?:,\s*and\b|以及|同|{_LIST_WORDS})\s*(?:the\s+)?", re.I)
_TO_HOW_MUCH = re.compile(r"[到至](?:多少|几)|\bto\s+(?:how\s+(?:much|many)|what)\b")
_ASKS_POWER = re.compile(r"\b(?:capacity|kilowatts?|megawatts?|gigawatts?|kw|mw|gw)\b|装机|千瓦|兆瓦")
_ASKS_SHARE = re.compile(r"\b(?:fraction|share|proportion|percentage|percent)\b|比例|占比|比重|百分之|多少成")


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
    threshold_unit: str | None = None  # the canonical unit the question's bound was written in
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
    said: dict[str, str] = field(default_factory=dict)
    overview: bool = False  # "tell me about X", "X怎么样": the figures held on X
    difference: bool = False  # "多多少", "how many more": how far apart two figures are
    change: list[str] = field(default_factory=list)  # one entity's two figures compared: two years, two kinds or []
    placeless: bool = False  # only answers the graph places nowhere (a place was asked, and none is known there)
    listing: bool = False  # asks for many ("which", "哪些", "each", "the clusters"), not for one thing
    itself: set[str] = field(default_factory=set)  # places named inside an unknown name: their own facts only
    unknown: list[str] = field(default_factory=list)  # names the question gives that the graph does not know
    peers: list[int] = field(default_factory=list)  # where entities are named side by side in a list ("A、B和C")
    uncounted: bool = False  # asks how many of a thing no class or metric holds ("几栋机房"): no count, no list
    rank_within: str | None = None  # a rank asked within a region ("中部第几"), not over the country


@dataclass
class Vocabulary:
    surfaces: dict[str, str]  # folded, lower-case label or alias → iri
    labels: dict[str, dict[str, str]]
    summary: str | None = None  # the summary graph questions read (kg.graph.summary), None in an empty store
    spellings: dict[str, str] = field(default_factory=dict)  # other ways to write a label, for exact look-ups only
    subjects: frozenset[str] = frozenset()  # the entities some fact is about (not those the reference data only names)

    @cached_property
    def longest(self) -> int:
        return max(map(len, [*self.surfaces, *self.spellings]), default=0)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Names in a folded, lower-case text, leftmost-longest, without overlaps: (start, end, iri).

        Dictionary look-ups per position, so the cost does not grow with the number of entities.
        An ASCII name must stand as a word of its own.
        """
        found, i = [], 0
        while i < len(text):
            for size in range(min(self.longest, len(text) - i), 1, -1):
                piece = text[i : i + size]
                iri = self.surfaces.get(piece) or self.spellings.get(piece)
                if iri is None:
                    continue
                if piece.isascii() and (i > 0 and _ascii_word(text[i - 1]) or _ascii_word(text[i + size: i + size + 1])):
                    continue  # "gdsx" holds no GDS; "GDS在乌兰察布" does
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
        (the matched Chinese characters must come in the label's order: rapidfuzz's Indel alignment, where a
        bracketed part may stand anywhere: 中国移动在呼和浩特的智算中心 names 中国移动智算中心(呼和浩特));
        an English word a letter or two off a label's word ("Qinyang") is read as that word.
        """
        weights, postings, label_tokens = self._index
        shapes = self._shapes
        spans = _token_spans(text)
        words = [self._spelt(tok) for tok, _, _ in spans]
        said = set(words)
        rare = {tok for tok in words if weights.get(tok, 0) >= 1.5 and tok not in _STOP}
        candidates = {surface for tok in rare for surface in postings.get(tok, ())}
        if len(candidates) > 3000:
            return []
        found = []
        for surface in candidates:
            if (shape := shapes.get(surface)) is None:
                continue
            wanted, names, total = shape
            # the most this label could score: its name words the question says at all (a set look-up,
            # where the alignment below costs a loop; most candidates share one rare word and stop here)
            reachable = sum(weights[t] for t in names & said)
            if reachable < 4.0 or reachable < 0.7 * total:
                continue
            toks = label_tokens[surface]
            positions = [i for i, tok in enumerate(words) if tok in wanted]
            best = None
            run: list[int] = []
            for pos in [*positions, None]:
                # between two words of the label, only stop or class words; in a long run also one other word
                # ("… ecological green integration demonstration zone" for "… integrated development demonstration zone")
                if pos is not None and (not run or pos - run[-1] <= 3 and all(
                        words[k] in _STOP or words[k] in _generic() for k in range(run[-1] + 1, pos))
                        or len(run) >= 3 and pos - run[-1] == 2):
                    run.append(pos)
                    continue
                if run:
                    got = {words[i] for i in run}
                    if all(not t.isascii() for t in toks):
                        got = set()
                        for part in _order_free_parts(surface):
                            for block in Indel.opcodes(part, words[run[0]: run[-1] + 1]):
                                if block.tag == "equal":
                                    got.update(part[block.src_start: block.src_end])
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
            if self.types.get(self.surfaces[surface]) in ("Company", "Organization") and any(
                    m.start() < spans[last][2] for m in _FACILITY_END.finditer(text, spans[first][1], spans[last][2] + 3)):
                # "乔山集成电路产业园总投资": words around a facility word name the facility, not a fund or a firm;
                # nor does a span that cuts one ("在建设数据中心" holds no 中国能源建设)
                continue
            if share >= 0.7 and weight >= 4.0 and (last > first or share == 1.0) and (
                    len(got_names := {words[i] for i in range(first, last + 1)} & names) >= 2
                    or any(t.isascii() and len(t) >= 4 for t in got_names)):
                # words of the span the label lacks ("超" of 成都的超算中心 read as 成都人工智能计算中心) count against it
                lacking = sum(1 for i in range(first, last + 1) if words[i] not in wanted and words[i] not in _STOP)
                score = weight * share + 0.1 * extra - 0.5 * lacking \
                    + _phase_fit(_own_part(text, spans[first][1], spans[last][2]), surface)
                found.append((spans[first][1], spans[last][2], self.surfaces[surface], score, share))
        return found

    @cached_property
    def _shapes(self) -> dict[str, tuple[set[str], set[str], float]]:
        """Per label that can be named in part: its words, its name words (not class, kind or stop words) and their
        weight, computed once per store rather than once per question and label."""
        weights, _, label_tokens = self._index
        generic = _generic()
        shapes = {}
        for surface, toks in label_tokens.items():
            wanted = set(toks) - _STOP
            names = {t for t in wanted - generic if not t.isdigit()}
            if not names or (len(names) < 2 and not any(t.isascii() and len(t) >= 4 for t in names)):
                continue
            shapes[surface] = (wanted, names, sum(weights.get(t, 0) for t in names))
        return shapes

    def named_like(self, words: str, iri: str) -> list[str]:
        """Other entities whose name contains the words that named `iri` ("Gui'an" → the Gui'an cluster),
        clusters first, then centers and parks, shorter names first."""
        if len(words) < 2 or (words.isascii() and len(words) < 4):
            return []
        inside = re.compile(rf"(?<![a-z0-9]){re.escape(words)}(?![a-z0-9])" if words.isascii() else re.escape(words))
        # only labels holding every word of `words` can contain it: their postings, not every label, are searched
        postings = self._index[1]
        lists = sorted((postings.get(tok, []) for tok in set(_tokens(words))), key=len)
        pool = set(lists[0]).intersection(*lists[1:]) if lists else set(self.surfaces)
        found = {self.surfaces[s] for s in pool if self.surfaces[s] != iri and inside.search(s)}
        rank = {"Cluster": 0, "Center": 1, "Park": 2}
        return sorted(found, key=lambda o: (rank.get(self.types.get(o, ""), 3), len(self.labels.get(o, {}).get("en") or o)))

    @cached_property
    def _latin(self) -> list[str]:
        """The English words of the labels, for questions that misspell a name ("Qinyang")."""
        return sorted(tok for tok in self._index[0] if tok.isascii() and tok.isalpha() and len(tok) >= 5)

    def _spelt(self, token: str) -> str:
        """A question's English word as the labels spell it, when it is a near miss of one (rapidfuzz ratio ≥ 86)."""
        if not token.isascii() or len(token) < 5 or token in self._index[0]:
            return token
        close = process.extractOne(token, self._latin, scorer=fuzz.ratio, score_cutoff=86)
        return close[0] if close else token

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
        for start, end, iri, score, share in self.fuzzy(text):
            if any(s <= start and end <= e and e - s > end - start for s, e, _ in exact):
                continue  # a name said in full is not a shorter name inside it ("…中心一期" is not "…中心")
            if any(s < end < e and start < s for s, e, _ in exact):
                continue  # nor a reading that cuts one in two ("Hohhot's Horinger New Area" is Horinger New Area)
            # one that starts inside a name said in full starts with it ("国移动在…" is "中国移动在…")
            start = min([s for s, e, _ in exact if s < start < e < end] or [start])
            inside = [(s, e, i) for s, e, i in exact if start <= s and e <= end]
            rest = set(_tokens("".join(" " if any(s <= k < e for s, e, _ in inside) else text[k]
                                       for k in range(start, end)))) - _STOP
            if inside and all(self.types.get(i) in _PLACE_TYPES for *_, i in inside) and not rest - _generic() \
                    and (share < 0.999 or not rest):
                # places alone ("宁夏中卫" is not 中国移动(宁夏中卫)数据中心), or places and class words for a label with
                # more ("宁夏的数据中心" is not 中国电信宁夏枢纽节点数据中心)
                continue
            pool[(start, end, iri)] = max(pool.get((start, end, iri), 0), score)
        lex = questions()["class"]
        for (start, end, iri), score in list(pool.items()):
            # the class word that ends the name: "the Gui'an cluster", "庆阳国家数据中心集群" (a cluster, not a center)
            window = text[start: end + 8]
            ends = [(m.end(), len(w), cls) for cls, words in lex.items() for w in words if not w.isascii() or len(w) > 3
                    for m in re.finditer(re.escape(w), window) if m.start() <= end - start + 2 and m.end() >= end - start]
            # or the class word said before it: "the data center cluster of the … demonstration zone"
            before = [cls for cls, words in lex.items() for w in words if w.isascii() and len(w) > 3
                      and re.search(rf"\b{re.escape(w)}\s+of\s+(?:the\s+)?$", text[max(0, start - 40): start])]
            if ends and max(ends)[2] == self.types.get(iri) or self.types.get(iri) in before:
                pool[(start, end, iri)] = score + 3.0
        chosen: list[tuple[int, int, str]] = []
        notes: list[str] = []
        ranked = sorted(pool.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][2]))  # ties: the same reading every run
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
            # "宁夏中卫", "Dianjun District, Yichang" is no pair: a province just before its city only says where
            named = _NAMED | ({"District"} if self.types.get(iri) in ("City", "Province") else set()) \
                | ({"City"} if self.types.get(iri) == "Province" else set())
            if nxt and self.types.get(iri) in _QUALIFIERS and self.types.get(nxt[2]) in named \
                    and re.fullmatch(r"\s*(?:'s|’s|的)?\s*[「『“\"《]?", text[end:nxt[0]]):
                continue
            kept.append((start, end, iri))
        return kept, notes

    def containing(self, words: set[str]) -> list[str]:
        """Facilities whose label holds every one of `words` (English words), shortest label first, phases after
        the whole: a name given in part, "the Lingang platform" for China Telecom Lingang Computing Power Platform."""
        postings = self._index[1]
        lists = sorted((set(postings.get(w, ())) for w in words), key=len)
        if not lists:
            return []
        pool = {self.surfaces[s] for s in lists[0].intersection(*lists[1:])}
        fits = [i for i in pool if self.types.get(i) not in _OWNERS and self.types.get(i) != "Initiative"]
        return sorted(fits, key=lambda i: (phase_asked(self.labels[i].get("en", "").lower()) is not None,
                                           len(self.labels[i].get("en") or i)))

    @cached_property
    def phases(self) -> dict[tuple[str, int], str]:
        """(entity, phase number) → the entity of that phase, from labels that are another label and a phase word
        ("…数据中心二期", "… Data Center Stage II")."""
        out: dict[tuple[str, int], str] = {}
        for surface, iri in self.surfaces.items():
            if (n := phase_asked(surface)) is None:
                continue
            base = re.sub(_PHASES[n - 1][1], "", surface, count=1).strip(" -")
            base = re.sub(r"\s+of$", "", re.sub(r"^of\s+", "", base)).strip()
            if (whole := self.surfaces.get(base)) and whole != iri:
                out.setdefault((whole, n), iri)
        return out

    def short_forms(self, iri: str) -> list[str]:
        """Facilities of the same class whose English name words are some of this one's, at least one of them its
        own (not an owner's or a place's word): "Central South Computing Center" for China Telecom Central South
        Intelligent Computing Center, as another page calls it."""
        own_words = self._name_words(iri)
        postings = self._index[1]
        owners = self._owner_words
        pool = {self.surfaces[s] for w in own_words - owners for s in postings.get(w, ())}
        return sorted((o for o in pool if o != iri and self.types.get(o) == self.types.get(iri)
                       and (words := self._name_words(o)) and words < own_words and words - owners),
                      key=lambda o: len(self.labels[o].get("en", "")))

    def _name_words(self, iri: str) -> set[str]:
        return set(_tokens(self.labels.get(iri, {}).get("en", "").lower())) - _generic() - _STOP

    @cached_property
    def _owner_words(self) -> frozenset[str]:
        """Words of companies' and places' names: shared by every facility they own or hold, they tell none apart."""
        return frozenset(t for iri, entry in self.labels.items() if entry.get("type") in _OWNERS
                         for t in _tokens(entry.get("en", "").lower()))

    @cached_property
    def phases_of(self) -> dict[str, list[str]]:
        """An entity → its phases' entities, in phase order."""
        out: dict[str, list[str]] = {}
        for (whole, _), phase in sorted(self.phases.items()):
            out.setdefault(whole, []).append(phase)
        return out

    @cached_property
    def whole_of(self) -> dict[str, str]:
        """A phase's entity → the entity it is a phase of."""
        return {phase: whole for (whole, _), phase in self.phases.items()}

    @cached_property
    def types(self) -> dict[str, str]:
        """iri → class name (Hub, Cluster, …)."""
        return {iri: entry.get("type", "") for iri, entry in self.labels.items()}


def _spelt_as_us(text: str) -> str:
    """"centre" as "center" in labels and questions alike (same length, so offsets hold)."""
    return text.replace("centre", "center")


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


_SIMPLIFIED_TOO = {"昇"}  # folded to 升 for matching, yet written so in simplified brand names

_STOP = {"the", "of", "s", "in", "and", "a", "an", "its", "at", "for", "to", "on", "by", "'s", "的", "和", "与", "在"}


_COMPARED = re.compile(r"比|相比|\bthan\b|\bcompared (?:with|to)\b|\bversus\b|\bvs\b")

_PHASES = [(1, r"一期|首期|第一阶段|首阶段|(?:phase|stage)\s*(?:one|1|i)\b|(?:first|1st)[\s-]+(?:phase|stage)"),
           (2, r"二期|第二阶段|(?:phase|stage)\s*(?:two|2|ii)\b|(?:second|2nd)[\s-]+(?:phase|stage)"),
           (3, r"三期|第三阶段|(?:phase|stage)\s*(?:three|3|iii)\b|(?:third|3rd)[\s-]+(?:phase|stage)")]


def phase_asked(text: str) -> int | None:
    """The phase a lower-case text names (一期, stage II, the second phase), if any."""
    return next((n for n, pattern in _PHASES if re.search(pattern, text)), None)



def _phases_asked(text: str, linked: list[tuple[int, int, str]], vocab: Vocabulary,
                  notes: list[str]) -> list[tuple[int, int, str]]:
    """"二期" after a name, "the second phase of X" before it: the phase the graph holds of the entity nearest the
    phase word; when it holds none, the whole entity, said so (a phase's figure is not the whole's)."""
    out = list(linked)
    for n, pattern in _PHASES:
        for m in re.finditer(pattern, text):
            near = [(m.start() - e if e <= m.start() else s - m.end(), k) for k, (s, e, _) in enumerate(out)
                    if e <= m.start() + 2 or s >= m.end() - 2]
            near = [(d, k) for d, k in near if -2 <= d <= 40 and vocab.types.get(out[k][2]) not in _OWNERS]
            if not near:
                continue
            k = min(near)[1]
            s, e, iri = out[k]
            compared = e <= m.start() and re.search(_COMPARED, text[e:m.start()])
            if phase_asked(vocab.labels.get(iri, {}).get("en", "").lower()) is not None:
                # "X一期和二期", "stage II than stage I": a second phase of the same whole, named where it is said
                whole = vocab.whole_of.get(iri)
                if whole and compared and vocab.phases.get((whole, n)) == iri:
                    # "X … compared with its first phase", the name read as that phase: the whole, then the phase
                    out[k] = (s, e, whole)
                    out.append((m.start(), m.end(), iri))
                    continue
                if whole and (other := vocab.phases.get((whole, n))) and other != iri \
                        and not any(i == other for _, _, i in out):
                    out.append((m.start(), m.end(), other))
                continue
            child = vocab.phases.get((iri, n))
            if child and compared:
                out.append((m.start(), m.end(), child))  # "X比首阶段多多少", "X … than its first phase": both
            elif child:
                out[k] = (s, e, child)
                notes[:] = [note for note in notes if not note.startswith(f"took '{text[s:e]}' as")]
            else:
                notes.append(f"no phase {n} of {iri} in the graph, so the whole of it")
    return sorted(out)


_QUOTES_OPEN, _QUOTES_CLOSE = "「『“\"《", "」』”\"》"


def _programme_inside_a_name(text: str, linked: list[tuple[int, int, str]], notes: list[str],
                             vocab: Vocabulary) -> tuple[list[tuple[int, int, str]], list[str]]:
    """"贵安新区「东数西算」算力产业集群配套项目", "贵安东数西算配套项目": a programme's name said inside a facility's
    name that the graph holds without it. Read again with the programme's name left out, the facility is named
    across it; only that reading is taken (a programme said on its own, "实施东数西算工程", stays the programme)."""
    for start, end, iri in linked:
        if vocab.types.get(iri) != "Initiative":
            continue
        a, b = start, end
        if a > 0 and text[a - 1] in _QUOTES_OPEN and b < len(text) and text[b] in _QUOTES_CLOSE:
            a, b = a - 1, b + 1
        if not (a > 0 and has_cjk(text[a - 1]) and b < len(text) and has_cjk(text[b])):
            continue
        again, again_notes = vocab.link(text[:a] + " " * (b - a) + text[b:])
        if any(s < a and b < e and vocab.types.get(i) not in (*_OWNERS, "Initiative", "Hub") for s, e, i in again):
            return again, again_notes
    return linked, notes


_LIST_BREAK = re.compile(_LIST_WORDS)


def _own_part(text: str, start: int, end: int) -> str:
    """The part of a question that is about the name at start:end, between the list words around it: "A's first phase
    and B" names no phase of B."""
    before = [m.end() for m in _LIST_BREAK.finditer(text, 0, start)]
    after = _LIST_BREAK.search(text, end)
    return text[before[-1] if before else 0: after.start() if after else len(text)]


def _phase_fit(question: str, label: str) -> float:
    """"phase one of X" prefers X's phase 1 (一期), a question naming no phase the whole of X."""
    asked, named = phase_asked(question), phase_asked(label)
    if named is None:
        return 0.0
    if asked is None:
        return -1.5
    return 1.5 if asked == named else -100.0  # "the first stage" is never stage II, however many words it shares


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
        if words[i] == "的" and _starts_metric("".join(words[i + 1: i + 8])):
            break  # "丁戊中心的算力": a name ends at 的, the 算 after it is the metric's, not the label's 智算
        if words[i] in left:
            end = i
            left.remove(words[i])
        elif words[i] not in _STOP and words[i] not in _generic():
            break  # describing words the label lacks ("AI", "国家") are passed over, not taken
    return start, end


def _starts_metric(text: str) -> bool:
    return any(text.startswith(w) for ws in questions()["metric"].values() for w in ws if not w.isascii())


_QUALIFIERS = {"City", "Province", "District", "Company", "Organization"}
AGENTS = {"Company", "Organization"}
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


@functools.lru_cache(maxsize=65536)
def _order_free_parts(surface: str) -> tuple[list[str], ...]:
    """A label's tokens in the parts a question may put in any order: the bracketed qualifier of a name
    (a place or an operator) is written before, inside or after the rest."""
    outside = re.sub(r"\([^()]*\)", " ", surface)
    return (_tokens(outside), *(_tokens(m) for m in re.findall(r"\(([^()]*)\)", surface)))


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
    # every county of the country is in the reference graph: one no fact names and the reference data does not list
    # by hand holds no answer, and its name (七星区 "Qixing", 沁阳 "Qinyang") would only take a word of a facility's
    named = {row["e"]["value"] for row in store.select(
        f"PREFIX sl: <{SLNS}> SELECT DISTINCT ?e WHERE {{ ?e a sl:District . "
        "GRAPH ?g { ?f a sl:MergedFact . { ?f sl:subject ?e } UNION { ?f sl:object ?e } } }").rows}
    labels = {iri: entry for iri, entry in labels.items()
              if entry.get("type") != "District" or iri in named or entry.get("zh-Hans") in _listed_districts()}
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?e ?l ?alias WHERE { { ?e rdfs:label ?l BIND(false AS ?alias) } "
        "UNION { ?e skos:altLabel ?l BIND(true AS ?alias) } }"
    ).rows
    surfaces: dict[str, str] = {}
    spellings: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    for row in rows:
        iri = row["e"]["value"]
        if iri not in labels:
            continue
        text = _spelt_as_us(fold(row["l"]["value"]).lower().strip())
        if len(text) < 2:
            continue
        if row["alias"]["value"] == "true":
            aliases.setdefault(text, set()).add(iri)
            continue
        surfaces.setdefault(text, iri)
        if "人工智能" in text:  # "数码港AI超算中心": Chinese questions write AI for 人工智能
            spellings.setdefault(text.replace("人工智能", "ai"), iri)
        if "artificial intelligence" in text:  # "the Lanzhou AI model park" for Artificial Intelligence Large Model …
            spellings.setdefault(text.replace("artificial intelligence", "ai"), iri)
            if "intelligence large model" in text:  # … and "AI model" for an AI large model ("大模型")
                spellings.setdefault(text.replace("artificial intelligence large model", "ai model"), iri)
        if "'" in text or "’" in text:  # "Xian", "Guian" for Xi'an, Gui'an
            spellings.setdefault(re.sub(r"['’]", "", text), iri)
        base = re.sub(r"(市|省)$", "", text)
        if base != text and len(base) >= 2:
            surfaces.setdefault(base, iri)
    types = {iri: entry.get("type", "") for iri, entry in labels.items()}
    stems: dict[str, set[str]] = {}
    for text, iri in surfaces.items():
        # "临平的算力小镇", "in Linping": a district or county is written without its 区/县 as often as with it
        if types.get(iri) == "District" and (base := re.sub(r"(?:新片区|片区|新区|区|县|旗|\s+(?:district|county|new area|special area))$",
                                                           "", text)) != text \
                and len(base) >= 2:
            stems.setdefault(base, set()).add(iri)
    # "闽宁产业园" for 永宁县闽宁产业园: a facility named after its place is asked without it, when what is left is a
    # name of its own (not "大数据中心") that no other thing has
    unplaced: dict[str, set[str]] = {}
    for text, iri in surfaces.items():
        if types.get(iri) in ("Center", "Park") and has_cjk(text) and not re.search(r"期$", text):  # a phase: its own words
            for cut in range(2, len(text) - 3):
                rest = text[cut:]
                if types.get(surfaces.get(text[:cut], ""), "") in _PLACE_TYPES and has_cjk(rest[:1]) \
                        and len(_without_generic(rest)) >= 2:
                    unplaced.setdefault(rest, set()).add(iri)
        elif types.get(iri) in ("Center", "Park") and not has_cjk(text) and not re.search(r"\b(?:phase|stage)\b", text):
            # "the Minning industrial park" for Yongning County Minning Industrial Park
            words = text.split()
            for cut in range(1, len(words) - 1):
                rest = " ".join(words[cut:])
                if types.get(surfaces.get(" ".join(words[:cut]), ""), "") in _PLACE_TYPES \
                        and any(t not in _generic() and t not in _STOP for t in _tokens(rest)):
                    unplaced.setdefault(rest, set()).add(iri)
    for rest, iris in unplaced.items():
        if len(iris) == 1 and rest not in surfaces:
            spellings.setdefault(rest, next(iter(iris)))
    for adjective, place in questions().get("demonyms", {}).items():
        if place in surfaces:
            spellings.setdefault(adjective, surfaces[place])
    for joint, place in questions().get("joint_places", {}).items():
        if place in surfaces:  # "贵阳贵安": one name for a city and the new area run with it, asked of the city
            spellings.setdefault(joint, surfaces[place])
    ordered = sorted(surfaces)
    for base, iris in stems.items():
        # only a stem no other thing's name opens with: 天河 is also 天河二号 and 天河超级计算机
        at, others = bisect.bisect_left(ordered, base), set()
        while at < len(ordered) and ordered[at].startswith(base):
            others.add(surfaces[ordered[at]])
            at += 1
        if len(iris) == 1 and base not in surfaces and not others - iris:
            spellings.setdefault(base, next(iter(iris)))
    for text, iris in aliases.items():
        # a short form one page gave ("贵州数据中心" for 中国移动(贵州)数据中心) names that thing only when no other
        # thing has it and it is more than a place or a company with a facility word
        if len(iris) == 1 and text not in surfaces and not _generic_alias(text, surfaces, types):
            surfaces[text] = next(iter(iris))
    summary = store.select(
        f"PREFIX sl: <{SLNS}> SELECT ?g WHERE {{ GRAPH ?g {{ ?f a sl:MergedFact }} }} LIMIT 1").values("g")
    subjects = frozenset(row["e"]["value"] for row in store.select(
        f"PREFIX sl: <{SLNS}> SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?f a sl:MergedFact ; sl:subject ?e }} }}").rows)
    vocab = Vocabulary(surfaces, labels, summary[0] if summary else None, spellings, subjects)
    _VOCAB[store] = vocab
    return vocab


@functools.cache
def _listed_districts() -> frozenset[str]:
    """The districts, counties and new areas the reference data lists by hand (the clusters' cities, national new
    areas), by their Chinese names: questions name them whether or not a fact does."""
    names = {item.partition(":")[0] for items in lexicon()["county"]["cities"].values() for item in items}
    return frozenset(names | {d["zh"] for d in reference()["district"]})


@functools.cache
def _cjk_generic() -> frozenset[str]:
    """The generic Chinese words of names, alone and two in a row ("智算" + "中心")."""
    words = [w for w in questions()["names"]["generic"] if has_cjk(w)]
    return frozenset(words) | frozenset(a + b for a in words for b in words)


@functools.cache
def _name_filler() -> tuple[str, ...]:
    """The generic and field words of Chinese names, longest first (read once)."""
    names = questions()["names"]
    words = {*(w for w in names["generic"] if has_cjk(w)), *names["field_words"]}
    return tuple(sorted(words, key=len, reverse=True))


def _without_generic(text: str) -> str:
    """What is left of a Chinese name without its generic words (闽宁 of 闽宁产业园; nothing of 大数据产业园)."""
    for word in _name_filler():
        text = text.replace(word, "")
    return text


def _generic_alias(text: str, surfaces: dict[str, str], types: dict[str, str]) -> bool:
    """Whether a short form is only a place or a company and generic words: "贵州数据中心", "中国移动数据中心"."""
    generic = _cjk_generic()
    for cut in range(len(text) - 1, 1, -1):
        if types.get(surfaces.get(text[:cut], ""), "") in (*_PLACE_TYPES, "Company", "Organization"):
            rest = text[cut:].strip("()（）")
            return not rest or rest in generic
    return False


@functools.cache
def _word_pattern(word: str) -> re.Pattern[str]:
    """An English word of the lexicon as a whole word, or its plural ("renewables", "hubs"); compiled once: the
    lexicon outgrows re's own cache."""
    plural = "(?:s|es)?" if word[-1:].isalpha() else ""
    return re.compile(r"(?<![a-z])" + re.escape(word) + plural + r"(?![a-z])")


def _find_words(text: str, words: list[str]) -> tuple[int, str] | None:
    """The longest of `words` in the text, and where it first stands."""
    best = None
    for word in sorted(words, key=len, reverse=True):
        if best is not None and len(word) <= len(best[1]):
            break
        if word.isascii():
            m = _word_pattern(word).search(text)
            start = m.start() if m else -1
        else:
            start = text.find(word)
        if start >= 0:
            best = (start, word)
    return best


def understand(question: str, vocab: Vocabulary) -> Understanding:
    """Read a question into the pieces a query is built from."""
    folded = fold(question)
    is_zh = has_cjk(question)
    # a character simplified text keeps in names (昇腾) does not make a question traditional
    changed = {a for a, b in zip(question, folded, strict=False) if a != b} if len(question) == len(folded) else {""}
    script = "zh-Hant" if is_zh and changed - _SIMPLIFIED_TOO else ("zh" if is_zh else "en")
    u = Understanding(lang="zh" if is_zh else "en", script=script)
    text = _spelt_as_us(folded.lower())
    masked = list(text)
    linked, u.notes = vocab.link(text)
    linked, u.notes = _programme_inside_a_name(text, linked, u.notes, vocab)
    linked, unknown = _read_unknown_names(text, folded, linked, vocab, u.notes)
    unknown += _unknown_list_items(text, linked, unknown)
    linked = _phases_asked(text, linked, vocab, u.notes)
    kept = {text[s:e] for s, e, _ in linked}
    u.notes = [n for n in u.notes if not (m := re.match(r"took '(.+?)' as", n)) or m.group(1) in kept]
    for start, end in unknown:
        u.unknown.append(folded[start:end])
        if not any(start <= s and e <= end and vocab.types.get(i) in _PLACE_TYPES for s, e, i in linked):
            u.notes.append(f"'{folded[start:end]}' is a name the graph does not know")  # else its place says so
    # a company or hub inside an unknown facility's name only qualifies it: "甲公司贵州数据中心" is not 甲公司,
    # "甲公司京津冀大数据基地" is no figure of the hub's
    linked = [(s, e, i) for s, e, i in linked
              if not (vocab.types.get(i) in ("Company", "Organization", "Hub")
                      and any(a <= s and e <= b for a, b in unknown))]
    lex = questions()
    lowered = text.lower()
    regions = [(m.start(), m.end()) for w in lex["rank_within"]["words"] for m in re.finditer(re.escape(w), lowered)]
    # "among central provinces": a region's words name no facility whose name holds them (the Central … Center)
    linked = [(s, e, i) for s, e, i in linked
              if vocab.types.get(i) in _PLACE_TYPES or not any(a <= s and e <= b for a, b in regions)]
    for start, end, iri in linked:
        if vocab.types.get(iri) in _PLACE_TYPES and (any(a <= start and end <= b for a, b in unknown)
                                                     or _inside_unknown_name(text, start, end, linked)):
            # an honest fallback: the place's own facts, saying that the name around it is unknown
            u.notes.append(f"'{text[start:end]}' is part of a name the graph does not know, so {iri} itself")
            u.itself.add(iri)
        if vocab.types.get(iri) == "Initiative" and (named := _find_words(text[start:end], [
                w for ws in lex["class"].values() for w in ws])) \
                and text[start + named[0] + len(named[1]):end].strip() in ("", "s", "node", "nodes", "节点"):
            # "国家枢纽节点", "the national hubs": the programme's name says which class is meant
            u.cls = next(c for c, ws in lex["class"].items() if named[1] in ws)
            u.cls_pos = start
            continue
        u.entities.append((start, iri))
        u.said.setdefault(iri, text[start:end])
        masked[start:end] = ["\x00"] * (end - start)
    for start, end in unknown:  # its facility word names no class: "甲乙产业园的产值" asks of one park, not of all
        masked[start:end] = ["\x00"] * (end - start)
    kept_links = sorted((s, e, i) for s, e, i in linked if (s, i) in u.entities)
    for (s1, e1, _), (s2, _, _) in zip(kept_links, kept_links[1:], strict=False):
        if _LISTED.fullmatch(text[e1:s2]):  # "A、B和C": listed side by side, not "B at A" or "A里的B"
            u.peers += [p for p in (s1, s2) if p not in u.peers]
    places = [iri for _, iri in u.entities if vocab.types.get(iri) in _PLACE_TYPES]
    if unknown and places and len(places) == len(u.entities):
        # "Ming Energy's center in Zhangjiakou": the place says where the unknown thing is; its own facts, said so
        u.itself.update(places)
        said = any(n.endswith(f"so {places[0]} itself") for n in u.notes)
        u.notes = [f"{n}, so {places[0]} itself" if n.endswith("does not know") and not said else n for n in u.notes]
    rest = "".join(masked)
    # "哪个智算中心" asks which one, it counts nothing: a measure word after 哪/每 (or 首个, 这个) is no count;
    # "green-electricity" is the words "green electricity"
    counted = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", re.sub(r"(?<=[哪每首这那该此])个", "\x00", rest))
    counted = re.sub(r"(?<=[两二三四五六七八九十])个(?=项目)", "\x00", counted)  # "两个项目投资一共": which, not how many
    for word in lex["not_metric"]["words"]:
        counted = _blanked(counted, word)
    plain = counted
    for word in lex["not_metric"]["facility"]:
        plain = _blanked(plain, word)
        # "有哪些算力中心": the facility word is the class asked, no metric word at all
        counted = re.sub(rf"([哪几这那该此][个座些家]?|多少个?){re.escape(word)}", "\x00", counted)  # 这个智算中心: which
    # a metric word of a facility's name ("算力产业园占地多少") counts only when no other metric word is asked
    hits = [(len(w), name) for name, words in lex["metric"].items() if (w := _hit(plain, words))] \
        or [(len(w), name) for name, words in lex["metric"].items() if (w := _hit(counted, words))]
    if hits:
        u.metric = max(hits)[1]
    if any(name == "rank" for _, name in hits) and _ASKS_RANK.search(rest):
        u.metric = "rank"  # "where does Hubei rank for computing power": a rank, whatever it ranks by
    if u.metric == "rank":
        u.rank_within = _hit(rest, questions()["rank_within"]["words"])  # "在中部省份里排第几": not the national rank
    if u.metric == "clean_energy_capacity" and _ASKS_SHARE.search(rest):
        u.metric = "renewable_share"  # "what fraction of its installed capacity is clean energy"
    elif u.metric == "renewable_share" and _ASKS_POWER.search(rest) and not _ASKS_SHARE.search(rest):
        u.metric = "clean_energy_capacity"  # "the capacity of its green-power project": kilowatts, not a share
    if u.metric == "enterprise_count" and not _AMOUNT.search(rest) and re.search(r"哪|\bwhich\b", rest):
        u.metric = None  # "Which Beijing companies have moved…" asks for firms, not for their number
    kinds = [(len(w), name) for name, words in lex["kind"].items() if (w := _hit(rest, words))]
    if kinds and u.metric == "computing_power":
        u.kind = max(kinds)[1]
    classes = [(pos, len(w), name) for name, words in lex["class"].items() if (f := _find_words(rest, words))
               for pos, w in [f]]
    u.classes = sorted({c[2] for c in classes})
    if classes and u.cls is None:
        # ("which administrative zone": one describing word between)
        asked = [c for c in classes if re.search(r"(?:哪|\bwhich\s+)\S{0,2}$|\bwhich\s+[a-z-]+\s+$", rest[max(0, c[0] - 24):c[0]])
                 or rest[c[0]] == "哪"  # "位于哪个县": the class word holds the question word
                 or re.search(r"\bhow many\s+(?:[a-z]+\s+)?$|(?:多少|几)[个座家所]?$", rest[max(0, c[0] - 24):c[0]])]
        # the class after the question word is the one asked: "哪个城市的数据中心更多" asks for a city
        best = max(asked or classes, key=lambda c: c[1])
        # a compound names its last word's class: "数据中心园区", "data center parks" are parks
        # ("城市的数据中心" is no compound)
        heads = [c for c in classes if best[0] < c[0] <= best[0] + best[1] + 1 and c[0] + c[1] > best[0] + best[1]
                 and rest[best[0] + best[1]: c[0]].strip() == ""]
        best = heads[0] if heads else best
        u.cls, u.cls_pos = best[2], best[0]
    _share_the_class(u, vocab, rest)
    rest = _read_bound(u, rest, folded)
    for name in ("target", "under_construction", "planned", "actual"):
        if _hit(rest, lex["status"][name]):
            u.statuses = {"target": ["target", "planned"], "planned": ["planned", "target", "under_construction"],
                          "actual": ["actual"], "under_construction": ["under_construction"]}[name]
            if name == "under_construction" and _hit(rest, lex["status"]["built"]):
                u.statuses = ["actual", "under_construction"]  # "建成和在建", "built or under construction": both
            break
    intent = lex["intent"]
    _read_relation(u, rest, intent, vocab)
    # "As of 2020, did …", "According to the report, is …": the question opens after a leading phrase of time or source
    opening = _LEADING_PHRASE_EN.match(text.strip())
    first_word = (text.strip()[opening.end():] if opening else text.strip()).split(" ", 1)[0]
    u.yes_no = (is_zh and bool(_hit(rest, intent["yes_no_zh"]))) or (not is_zh and first_word in intent["yes_no_en"])
    if u.yes_no and u.metric and u.comparator is None and u.asked_bound is None:
        _read_reached(u, folded)
    if u.yes_no and u.metric == "rank" and u.threshold is None and (place := _ordinal(folded)) is not None:
        u.comparator, u.threshold = "eq", place  # "did it rank seventh", "是否排名第三": that very place
    head = max(classes, default=None)
    if u.yes_no and is_zh and head and head[2] != u.cls and u.entities and vocab.types.get(u.entities[0][1]) == head[2]:
        u.cls = None  # "湖北是否是唯一能直达八大枢纽的省份": it is a province; the words before the head describe it, no class
    if u.metric == "area" and _hit(folded, lex["names"]["part_areas"]):
        u.metric = u.kind = None  # "和林格尔新区的核心区面积": a part's land, which no figure of the whole answers
    if u.metric and _hit(rest, intent["means"]) and not _AMOUNT.search(rest):
        u.metric = u.kind = u.cls = None
        u.comparator = u.threshold = u.threshold_unit = None
    u.overview = _asks_overview(u, rest, intent["overview"])
    u.difference = bool(_hit(rest, intent["difference"])) and len({iri for _, iri in u.entities}) >= 2
    if u.metric and len({iri for _, iri in u.entities}) == 1 and not u.threshold and (
            _hit(rest, intent["difference"]) or _hit(rest, intent["growth"]) and _AMOUNT.search(rest)
            and not _TO_HOW_MUCH.search(rest)):  # "从10E提升到多少": the level it is to reach, no change
        # "By how much did X's capacity grow between 2015 and 2025", "总算力比智能算力多多少": two figures of one entity
        years = list(dict.fromkeys(re.findall(r"(?<!\d)((?:19|20)\d{2})(?![\d.,])(?!\s*(?:个|架|台|万|亿|p\b|pflops|mw|gw|kw|racks))",
                                              rest)))
        said_kinds = {name: f[0] for name, words in lex["kind"].items() if (f := _find_words(rest, words))}
        two_kinds = sorted(said_kinds, key=lambda k: said_kinds[k])[:2]  # in the question's order
        u.change = [str(y) for y in years[:2]] if len(years) >= 2 else two_kinds \
            if len(two_kinds) == 2 and u.metric == "computing_power" else ["status", *map(str, years[:1])]
        u.statuses, u.kind = [], None
    if u.difference:
        u.comparative, u.yes_no = "max", False
    elif _hit(rest, intent["comparative_max"]):
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
    if _hit(rest, intent["all_phases"]):
        # "taking both stages together, how many racks will it have": what is built and what is planned, each said
        u.total, u.statuses = True, []
    if _counts_the_class(u, rest, classes, lex) or _counts_what_no_metric_holds(u, rest, classes, lex):
        u.metric = u.kind = None
    u.count = bool(_hit(rest.replace("哪几", "哪"), intent["count"])) and (u.metric is None or u.threshold is not None)
    if u.metric is None and u.cls and not u.yes_no and _counts_another_thing(rest, classes):
        u.count, u.uncounted = False, True  # "中国移动在中卫的数据中心有几栋机房": no class, no metric holds what is counted
    if m := re.search(r"((?:19|20)\d{2})\s*年?", rest):
        u.year = m.group(1)
    u.one_of = bool(_hit(rest, intent["one_of"]))
    u.listing = bool(re.search(r"哪|列出|各|所有|\b(?:which|list|every|all|each|clusters|centers|hubs|parks|cities|"
                               r"provinces|companies|districts|platforms)\b", rest))
    if u.relation == "partner" and len({iri for _, iri in u.entities}) >= 2:
        # "芜湖智算中心揭牌那天,跟中国电信安徽公司签约的企业": the partners of the one said after 跟/与/with
        withs = [(at, iri) for at, iri in u.entities if re.search(r"(?:跟|与|同|\bwith)\s*$", text[max(0, at - 6):at])]
        if len(withs) == 1:
            u.entities = withs + [e for e in u.entities if e != withs[0]]
    if not u.yes_no:
        # "the … center in Changsha": a place after a named thing only says where it is
        ordered: list[tuple[int, str]] = list(u.entities)
        u.entities = [(at, ref) for i, (at, ref) in enumerate(ordered)
                      if not (i and vocab.types.get(ref) in ("City", "Province", "District")
                              and vocab.types.get(ordered[i - 1][1]) in _NAMED
                              and re.search(r"(?:\bin|\bat|位于|在)\s*\x00*$|\x00(?:'s|’s)\s*$", rest[:at]))]
    return u


_YEAR = re.compile(r"(?:\b(?:in|by|of|since|until|before|after|from|as of)\s+)((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a month or a day is a time, never a bound: "截至2024年12月…超过多少", "as of June 2023 … exceeded how much"
_DATE = re.compile(rf"\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?|\b{_MONTHS}\s+\d{{1,2}}\b(?!\s*(?:万|亿|p\b|racks?))"
                   rf"|\b\d{{1,2}}\s+{_MONTHS}(?=\s|$)", re.IGNORECASE)


def _blanked(text: str, word: str) -> str:
    return re.sub(re.escape(word) if has_cjk(word) else rf"\b{re.escape(word)}\b", "\x00", text)


def _read_bound(u: Understanding, rest: str, folded: str) -> str:
    """The comparator and threshold of a question ("more than 100,000 racks"); a year is never a threshold.
    A comparator without a number asks for a stated bound ("超过多少", "expected to exceed?")."""
    lex = questions()
    probe = re.sub(r"超(?=大规模|大型|级|算|高速|融合)", "\x00", rest)  # 超大规模, 超算: a name's word, no bound
    probe = re.sub(r"\bunder\s+(?:construction|way|development)\b", "\x00", probe)  # a status, no bound
    for name in ("ge", "le", "gt", "lt"):
        if word := _hit(probe, lex["comparator"][name]):
            u.comparator = name
            rest = rest.replace(word, " " * len(word))  # "at least" is a bound, not a superlative
            break
    if u.comparator is None:
        return rest
    years = {m.group(1) or m.group(2) for m in _YEAR.finditer(rest)}
    folded, rest_undated = _DATE.sub(" ", folded), _DATE.sub(" ", rest)
    quantities = [q for q in find_quantities(folded) if (q.family != "count" or u.metric == q.noun)
                  and f"{q.value:g}" not in years and re.search(r"\d", q.text)]  # "超过多少亿元" states no bound
    unyeared = _YEAR.sub(" ", rest_undated)
    if quantities:
        u.threshold, u.threshold_unit = quantities[0].value, quantities[0].unit
    elif m := re.search(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万亿|亿|万|千|(?:billion|million|thousand)\b)?", unyeared):
        u.threshold = parse_number(m.group(0))
    if u.threshold is None:
        u.asked_bound, u.comparator = u.comparator, None
    return rest


def _read_reached(u: Understanding, folded: str) -> None:
    """A yes/no question that states an amount without a comparator asks whether the figure reaches it
    ("Is it supplied with 100% green power?", "是否有5万个机架"); a year or a date is no amount."""
    years = {m.group(1) or m.group(2) for m in _YEAR.finditer(folded)}
    for q in find_quantities(_DATE.sub(" ", folded)):
        if (re.search(r"\d", q.text) or re.search(r"\b(?:hundred|thousand|million|billion)\b", q.text, re.I)) \
                and f"{q.value:g}" not in years and (q.unit or q.family == "percent"):
            u.comparator, u.threshold, u.threshold_unit = "ge", q.value, q.unit
            return


_ORDINALS_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10}
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS_EN) + r")\b|\b(\d{1,3})(?:st|nd|rd|th)\b|第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})",
                      re.I)


def _ordinal(text: str) -> int | None:
    """A place in a ranking the question states (seventh, 7th, 第七)."""
    m = _ORDINAL.search(text)
    if m is None:
        return None
    if m.group(1):
        return _ORDINALS_EN[m.group(1).lower()]
    return int(m.group(2)) if m.group(2) else int(parse_number(m.group(3)))


_LEADING_PHRASE_EN = re.compile(r"(?:as of|according to|by|in|at|since|after|before|during|under|based on)\b[^,?]{1,60},\s*",
                                re.I)
_AMOUNT = re.compile(r"多少|几|幾|how (?:much|many)")


def _read_relation(u: Understanding, rest: str, intent: dict, vocab: Vocabulary) -> None:
    """The relation a question asks for: who runs or built it, where it is, what it belongs to.
    A question for an amount ("多少个", "how many") asks for a figure or a count, not a relation,
    unless it also asks who; a question for who asks for the entity even if it names a metric ("哪两家企业共同投资")."""
    asks_amount = bool(_AMOUNT.search(rest.replace("哪几", "哪")))  # "哪几个园区" asks which
    ranks = [w for k in ("comparative_max", "comparative_min", "superlative_max", "superlative_min") for w in intent[k]]
    # "与哪个城市签署了算力合作协议": which one of a class, not a figure (unless it asks the most or more)
    # ("哪些集群总投资超过600亿元" asks which pass a bound: a figure question)
    asks_which = u.cls is not None and bool(re.search(r"哪|\bwhich\b", rest)) and not _hit(rest, ranks) \
        and u.threshold is None
    asks_who = bool(_hit(rest, intent["who"])) or asks_which
    # "A的合作企业中有没有B": whether two named things are partners, whatever metric word is said
    pair = len({iri for _, iri in u.entities}) >= 2 and not asks_amount and u.comparator is None and bool(
        _hit(rest, intent["yes_no_zh"]) or rest.strip().split(" ", 1)[0] in intent["yes_no_en"])
    # "How many companies signed with X", "共有几家企业参与建设": a count of X's partners or builders
    counted = asks_amount and u.cls in AGENTS and u.metric in (None, "enterprise_count") and u.comparator is None
    for name in ("contains", "operator", "part_of", "partner", "member_of", "located_in"):
        if _hit(rest, intent[name]) and not (name in ("located_in", "contains") and u.metric):
            if (u.metric and name in ("operator", "partner") or asks_amount) and not (asks_who and not asks_amount) \
                    and not ((pair or counted) and name in ("operator", "partner")):
                continue  # "投入运营的机架有多少": a figure, not who runs it
            u.relation = name
            break
    if u.relation is None and asks_which and not asks_amount and u.entities \
            and re.search(r"(?:与|和|同|跟)\s*哪|\bwith\s+which\b", rest):
        # "X要和哪个数据中心互通数据、共享算力", "with which center will X share": whom X works with, whatever the words
        # of the work; a figure of X is no answer to which other thing
        u.relation = "partner"
        u.metric = u.kind = None
    where_asked = asks_which and u.cls in ("District", "City", "Province", "Park") and not _hit(rest, intent["who"])
    if u.relation is None and (asks_who and not asks_amount or counted) and _hit(rest, intent["built"]) and not where_asked:
        u.relation = "operator"  # "由哪家公司建设", "which company built" (not "which development zone is X in")
    if counted and u.relation in ("operator", "partner"):
        u.metric = None
    if u.relation is None and asks_which and u.cls in ("District", "City", "Province", "Park") and not asks_amount \
            and not u.metric and u.entities:
        # "X在南京哪个区域", "X in which district": where X is; "集群以哪些产业集聚区为载体": the parks in it
        order = ["Province", "Hub", "City", "Cluster", "District", "Park", "Center"]
        kind = vocab.types.get(u.entities[0][1], "")
        # "庆阳有哪些区县": a city's or a province's districts are in it, as a hub's clusters are
        u.relation = "contains" if kind in ("Hub", "Cluster", "City", "Province") and order.index(u.cls) > order.index(kind) \
            else "located_in"
    if u.cls == "Hub" and u.relation in (None, "member_of", "operator") and asks_which and not asks_amount \
            and not u.metric and u.entities \
            and vocab.types.get(u.entities[0][1]) in ("Cluster", "City", "District", "Center", "Park"):
        # "X被纳入哪个枢纽", "X is one of the clusters of which hub": a hub is no list a thing joins, it is part of one;
        # nor does a hub run what it sets up ("由哪个枢纽规划设立"): the cluster is part of it
        u.relation = "part_of"
    if u.relation in ("operator", "partner") and asks_who and not asks_amount:
        u.metric = u.kind = None
        agents = [c for c in ("Company", "Organization") if _find_words(rest, questions()["class"][c])]
        if agents and u.cls not in AGENTS:
            u.cls = agents[0]
    if u.relation is None and u.metric and _hit(rest, intent["who"]) and not asks_amount and not _hit(rest, ranks) \
            and u.threshold is None:
        # "是谁建议在湖北布局算力枢纽", "who proposed the computing hub": a person or body by no relation the graph
        # holds; a figure of the place is no answer to who
        u.metric = u.kind = None


def _asks_overview(u: Understanding, rest: str, words: list[str]) -> bool:
    """"Tell me about X", "X怎么样", "X的情况": asked of the thing itself, with nothing between them
    ("庆阳今天天气怎么样" asks about the weather, which the graph does not hold)."""
    found = _find_words(rest, words)
    if found is None or not u.entities:
        return False
    start, word = found
    for pos, iri in u.entities:
        end = pos + len(u.said.get(iri, ""))
        gap = rest[end:start] if end <= start else rest[start + len(word):pos]
        if re.fullmatch(r"[\s的]*(?:the\s*)?|\s*(?:the\s+)?", gap):
            return True
    return False


@functools.cache
def _facility_end() -> re.Pattern[str]:
    names = questions()["names"]
    stops = re.escape(names["name_stops"])
    ends = "|".join(sorted(map(re.escape, names["facility_ends"]), key=len, reverse=True))
    return re.compile(rf"([^{stops}a-z0-9]{{0,6}}?)(?:{ends})")


_PLACE_TYPES = ("City", "Province", "District")
_ZONE_ENDS = ("高新区", "经开区", "开发区")
_FACILITY_END = re.compile(r"产业园|园区|科技园|中心|基地|集群|机房|数据港|算力园")
_OWNERS = (*_PLACE_TYPES, "Company", "Organization")  # what a facility's name may open with


def _read_unknown_names(text: str, cased: str, linked: list[tuple[int, int, str]], vocab: Vocabulary,
                        notes: list[str]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Facility names in a Chinese question the labels do not hold ("先鸿集成电路产业园"): found through the English
    name the extractor gives such a name ("Xianhong Integrated Circuit Industrial Park", the label of an entity
    read from an English page), else returned as unknown, so its facility word is not read as a class question.

    A name is a run of name characters ending in a facility word, with at least two characters that are neither
    generic words nor inside a place the question names (中卫数据中心 is the place's data centers)."""
    names = questions()["names"]
    stops = names["name_stops"]
    found: list[tuple[int, int, str]] = []
    unknown: list[tuple[int, int]] = []
    for m in re.finditer("|".join(sorted(map(re.escape, names["facility_ends"]), key=len, reverse=True)), text):
        end, start = m.end(), m.start()
        # a reading that cuts the facility word and starts inside a word ("卫)云数据中" of 中交(中卫)云数据中心) is a
        # broken one: dropped
        linked = [(s, e, i) for s, e, i in linked if not ((start < e < end or start < s < end) and s > 0
                                                           and has_cjk(text[s - 1]) and text[s - 1] not in stops)]
        if any(s < end and start < e for s, e, _ in linked + found) or any(s < end and start < e for s, e in unknown):
            continue
        while start > 0 and (has_cjk(text[start - 1]) or text[start - 1] in "()·") and text[start - 1] not in stops \
                and not any(s <= start - 1 < e and vocab.types.get(i) not in (*_OWNERS, "Hub") for s, e, i in linked):
            start -= 1
        inside = [(s, e) for s, e, _ in linked if start <= s and e <= end]
        residue = "".join(" " if any(s <= k < e for s, e in inside) else text[k] for k in range(start, m.start()))
        if text[start] in names["measure_words"] or (text[start] == "少" and text[start + 1:start + 2]
                                                     and text[start + 1] in names["measure_words"]):
            continue  # "几座独立数据中心", "多少家存量数据中心" count buildings, they name none
        if _building(residue.strip()):
            continue  # "中卫筹建数据中心": building data centers in a place, no name of one
        # a place's own zone (成都高新区) is a thing of its own, not the place
        named = len(_name_residue(residue)) >= 2 or (m.group() in _ZONE_ENDS and bool(inside))
        owned = any(start <= a and vocab.types.get(i) in ("Company", "Organization") for a, _, i in linked if a < end)
        english = english_name(text[start:end]).lower()
        wanted = set(re.findall(r"[a-z0-9']+", english)) - set(names["generic"])
        place_words = {w for s, e, i in inside_links for w in re.findall(r"[a-z0-9']+", english_name(text[s:e]).lower())} \
            if (inside_links := [(s, e, i) for s, e, i in linked if start <= s and e <= end]) else set()
        if not named and not owned and not (inside and wanted - place_words and len(text[start:end]) >= 6):
            continue  # (a place and words of the field that one label holds whole, 云计算内蒙古信息园, is that one)
        hits, _ = vocab.link(english)
        # the whole name must be in the label: "Zhongjiao (Zhongwei) Cloud Data Center" is not Zhongwei Cloud Base
        iris = {i for _, _, i in hits if vocab.types.get(i) not in _OWNERS
                and wanted <= set(re.findall(r"[a-z0-9']+", vocab.labels.get(i, {}).get("en", "").lower()))}
        if len(iris) == 1:  # "苹果贵州数据中心": Apple Guizhou Data Center, the one read from an English page
            found.append((start, end, iris.pop()))
        elif named or owned:  # a name of its own, or a company's facility no entity has ("甲公司贵州数据中心")
            unknown.append((start, end))
    unknown += _unknown_english_names(cased, linked, vocab)
    for start, end in list(unknown):
        # a name given in part: every word of it in one facility's label ("中国移动庆阳数据中心", "the Qixing center")
        said = text[start:end] if text[start:end].isascii() else english_name(cased[start:end]).lower()
        words = set(_tokens(said)) - _STOP - set(names["generic"]) - set(names["not_names_en"]) - _generic()
        places = {t for s, e, i in linked if start <= s and e <= end and vocab.types.get(i) in _PLACE_TYPES
                  for t in _tokens(text[s:e])}
        if said.isascii() and words and words <= places:
            unknown.remove((start, end))  # "Inner Mongolia's data center": the place's centers, no name of its own
            continue
        fits = vocab.containing(words) if words and any(len(w) >= 3 for w in words) else []
        # of those, the ones that also share its other words ("computing power platform", not the Lingang area)
        overlap = {i: len(set(_tokens(vocab.labels[i].get("en", "").lower())) & set(_tokens(said))) for i in fits}
        fits = [i for i in fits if overlap[i] == max(overlap.values())]
        whole = [i for i in fits if phase_asked(vocab.labels[i].get("en", "").lower()) is None]
        if fits and len(whole) <= 3:
            unknown.remove((start, end))
            found.append((start, end, fits[0]))
            if len(whole) > 1:  # the shortest name, saying which others fit
                notes.append(f"took '{text[start:end]}' as {fits[0]} (also close: {', '.join(whole[1:])})")
            found = [(s, e, i) for s, e, i in found if (s, e) == (start, end) or not (start <= s and e <= end)]
    kept = [(s, e, i) for s, e, i in linked if not any(s < b and a < e for a, b, _ in found)]
    ends = {e for _, e, i in kept + found if vocab.types.get(i) not in _OWNERS}
    for start, end in [span for span in unknown if span[0] in ends]:
        # the rest of a facility named just before ("…粤港澳" + "大湾区(韶关)数据中心"): its name goes on, no new name
        unknown.remove((start, end))
        kept = [(s, e, i) for s, e, i in kept if not (start <= s and e <= end)]
    return sorted(kept + found), unknown


@functools.cache
def _question_words() -> tuple[str, ...]:
    """Every Chinese word of the question lexicon: metrics, classes, statuses, intents."""
    lex = questions()
    words = {w for table in ("metric", "class", "status", "kind", "comparator") for ws in lex[table].values() for w in ws}
    words |= {w for ws in lex["intent"].values() if isinstance(ws, list) for w in ws}
    return tuple(sorted(w for w in words if has_cjk(w)))


def _unknown_list_items(text: str, linked: list[tuple[int, int, str]],
                        unknown: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"通榆、大安、镇赉三地…": an item of a listed set (closed by 、) that no label holds is a name the graph does not
    know, so the question is not asked of every entity of its class. Only items that stand alone count: two to four
    characters between two 、, or opening the question, with no word of the question lexicon in them."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"(?:^|(?<=[、,，:：\s]))([\u4e00-\u9fff]{2,4})(?=、)", text):
        start, end = m.span(1)
        if any(s < end and start < e for s, e, _ in linked) or any(s < end and start < e for s, e in unknown):
            continue
        if any(w in m.group(1) for w in _question_words()):
            continue  # "算力、机架和PUE": metric words listed, no names
        out.append((start, end))
    return out


def _unknown_english_names(cased: str, linked: list[tuple[int, int, str]], vocab: Vocabulary) -> list[tuple[int, int]]:
    """"The Miaotan park", "Ming Energy's computing center": capitalised words before a facility word that no label
    holds (places aside) make a name the graph does not know, not a question about every park."""
    names = questions()["names"]
    plain = {w for w in names["generic"] + names["not_names_en"]}
    ends = "|".join(sorted(map(re.escape, names["facility_ends_en"]), key=len, reverse=True))
    out: list[tuple[int, int]] = []
    pattern = rf"(?<![\w'’])((?:[A-Z][\w'’.-]*\s+){{1,4}}?)(?:[a-z\s-]{{0,30}}?)\b(?:{ends})\b"
    for m in re.finditer(pattern, cased):
        start, end = m.start(1), m.end()
        inside = [vocab.types.get(i) for s, e, i in linked if s < end and start < e]
        if start == 0 or any(t not in (*_PLACE_TYPES, "Initiative") for t in inside):
            continue
        words = [w for k, w in ((k.start(), k.group(0)) for k in re.finditer(r"[A-Za-z][\w.-]*", m.group(1)))
                 if w.lower() not in plain and not any(s <= start + k < e for s, e, _ in linked)]
        # "the East Data West Computing industrial park": a facility named after a programme (not the programme's
        # own "project") is no programme
        named_after = "Initiative" in inside and not m.group(0).lower().endswith("project")
        if words or named_after:
            out.append((start, end))
    return out


@functools.cache
def _plain_words() -> re.Pattern[str]:
    names = questions()["names"]
    words = {w for w in names["generic"] + names["not_names"] if has_cjk(w)}
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


def _name_residue(chars: str) -> str:
    """What is left of a run of characters once generic words, determiners and verbs are taken out: the part that
    could only be a name (甲乙 in 甲乙新型算力产业园; nothing in 力争数据中心 or 新建的大型智算中心)."""
    return _plain_words().sub("", chars).replace(" ", "")


def _building(words: str) -> bool:
    """Words before a facility word that say it is being built ("筹建数据中心", "新建数据中心"): no name of one."""
    return any(words.startswith(w) for w in questions()["intent"]["built"] if has_cjk(w))


def _inside_unknown_name(text: str, start: int, end: int, linked: list[tuple[int, int, str]]) -> bool:
    """A place inside a facility's name the graph does not know ("甲乙芜湖新型算力产业园"): other name characters
    stand before it (not another entity's) or between it and the facility word. A place followed by a bare class
    word ("中卫数据中心", Zhongwei's data centers) is the place."""
    if not has_cjk(text[start:end]):
        return False
    m = _facility_end().match(text, end)
    if m is None:
        return False
    if m.group(1):
        return bool(_name_residue(m.group(1))) and not _building(m.group(1))
    stops = questions()["names"]["name_stops"]
    before = start
    while before > 0 and has_cjk(text[before - 1]) and text[before - 1] not in stops \
            and not any(s <= before - 1 < e for s, e, _ in linked):
        before -= 1
    return start - before >= 2


def _share_the_class(u: Understanding, vocab: Vocabulary, rest: str) -> None:
    """"The Gui'an, Qingyang and Zhongwei clusters": a class word after a list names every item of it, so a
    place in the list stands for the entity of that class named like it (the Qingyang cluster, not the city).
    Only a list: in "甲公司在芜湖的产业园" the place says where, it names no park."""
    if len({iri for _, iri in u.entities}) < 2:
        return
    named = {vocab.types.get(iri) for _, iri in u.entities} & {"Cluster", "Center", "Park", "Hub"}
    cls = u.cls or (next(iter(named)) if len(named) == 1 else None)  # "the Wuhu or the Qingyang cluster"
    if cls is None or cls not in named and u.cls_pos < max(p for p, _ in u.entities):
        return
    words = "|".join(map(re.escape, sorted(questions()["class"][cls], key=len, reverse=True)))
    for (a, first), (b, _) in zip(u.entities, u.entities[1:], strict=False):
        gap = rest[a + len(u.said.get(first, "")):b]
        # a list, or each item with its own class word ("the A demonstration-zone cluster and the Wuhu cluster")
        if not re.fullmatch(r"[\s、,，和与及或]*(?:and|or|以及)?[\s,，]*(?:the\s+)?", gap) \
                and not re.match(rf"\s*(?:[a-z-]+\s+){{0,2}}(?:{words})\b|[\u4e00-\u9fff]{{0,4}}(?:{words})", gap):
            return
    shared = []
    for pos, iri in u.entities:
        if vocab.types.get(iri) not in (cls, "Company", "Organization"):
            same = [o for o in vocab.named_like(u.said.get(iri, ""), iri) if vocab.types.get(o) == cls]
            if same:
                u.said[same[0]] = u.said.get(iri, "")
                iri = same[0]
        shared.append((pos, iri))
    u.entities = shared


_HOW_MANY_BEFORE = re.compile(r"(?:多少|几)[个座家所]?$|\bhow\s+many\s+(?:[a-z]+\s+)?$")
_COUNTED = ("Center", "Company")  # the classes a stated figure counts (plan.COUNTED_BY)


def _counts_the_class(u: Understanding, rest: str, classes: list[tuple[int, int, str]], lex: dict) -> bool:
    """"X算力调度平台接入了几家数据中心", "how many data centers has the X computing platform linked": the number of
    centers (firms) is asked; a metric word before it only describes the thing it is asked of. Not when a metric
    word follows the class ("几个数据中心的机架合计"), nor with a bound, a superlative or a yes/no."""
    if not u.metric or u.cls not in _COUNTED or u.threshold is not None or u.yes_no or u.total \
            or u.superlative or u.comparative or u.metric in ("datacenter_count", "enterprise_count"):
        return False
    word = next((c for c in classes if c[0] == u.cls_pos and c[2] == u.cls), None)
    if word is None or not _HOW_MANY_BEFORE.search(rest[max(0, word[0] - 16):word[0]]):
        return False
    after = rest[word[0] + word[1]:]
    return not any(_hit(after, ws) for ws in lex["metric"].values()) and not re.search(r"最|\btop\b|前\d", rest)


# "多少个国家和地区", "几项地方标准": a number of things, said with a measure word (a share in 百分点 is no such count)
_HOW_MANY_OF = re.compile(r"(?<!第)(?:多少|几)\s*[个项条座所栋张台套家款部](?!百分点)")


def _counts_what_no_metric_holds(u: Understanding, rest: str, classes: list[tuple[int, int, str]], lex: dict) -> bool:
    """"青海出台了几项绿色算力标准", "其算力服务覆盖了多少个国家和地区": the things counted (what follows the measure
    word, to the clause's end) are neither a metric's nor a class's, so a metric word before them only describes them;
    the place's computing power is no answer to how many standards it issued."""
    if not u.metric or u.threshold is not None or u.yes_no or not (m := _HOW_MANY_OF.search(rest)):
        return False
    counted = re.split(r"[,，。;；?？!！]|以上|以下|左右", rest[m.end():])[0].strip()
    if len(counted) < 2 or re.match(r"[已将在被是有都还正也可能会要]", counted) \
            or any(_hit(rest[m.end() - 1:m.end() + len(counted)], ws) for ws in lex["metric"].values()) \
            or any(c[0] >= m.end() - 1 for c in classes):
        return False  # "多少张以上": the cards of the metric; "几家已落户": what is counted was said before
    return any(_hit(rest[:m.start()], ws) for ws in lex["metric"].values())


def _counts_another_thing(rest: str, classes: list[tuple[int, int, str]]) -> bool:
    """"X数据中心有几栋机房", "how many machine-room buildings will X's center have": what follows the how-many is
    no class word (the class named is the thing asked of, not the things counted)."""
    if m := re.search(r"\bhow\s+many\s+(?=\w)", rest):
        return not rest[m.end():].startswith("of ") and not any(
            c[0] >= m.end() and not re.search(r"\b(?:will|would|does|do|did|has|have|had|is|are|was|were|can)\b|'s\b|[,;?]",
                                              rest[m.end():c[0]]) for c in classes)
    if m := _HOW_MANY_OF.search(rest):
        counted = re.split(r"[,，。;；?？!！]", rest[m.end():])[0].strip()  # "有多少个?": the class said before
        return bool(counted) and not re.match(r"[已将在被是有都还正也可能会要]", counted) \
            and not any(m.end() - 1 <= c[0] <= m.end() + 2 for c in classes) and any(c[0] < m.start() for c in classes)
    return False


def _hit(text: str, words: list[str]) -> str | None:
    found = _find_words(text, words)
    return found[1] if found else None


