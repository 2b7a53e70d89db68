"""spaCy pipelines, one per language, that mark every candidate name in a sentence.

`spacy.blank("zh")` is segmented by jieba (its Rust port, rjieba: the same cuts, thirty times
faster) with every known name and name suffix in its dictionary, so a name is one token;
`spacy.blank("en")` keeps spaCy's own tokenizer. Both carry a span ruler fed from the
reference data and the lexicon: known names (zh-Hans; zh-Hant is folded before matching; en),
the suffixes that end names never seen before (智算中心, Data Center …), and anaphora
(该中心, the city). Overlapping candidates are all kept, so the caller decides which wins.
"""

from __future__ import annotations

import marshal
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any


def _load_spacy_without_its_command_line() -> None:
    """Import spaCy without the command line its package imports for one name, `spacy.info` (typer, weasel, httpx,
    every command: 0.4 of its 1 s, paid by each worker's start). A stand-in takes `spacy.cli`'s place while spaCy
    loads and is taken out after, so `import spacy.cli` still loads the real one; `spacy.info` loads it when called.
    """
    if "spacy" in sys.modules:
        return
    package, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    package.__path__ = []
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": info})
    try:
        import spacy  # noqa: F401
    finally:
        for name, stand_in in (("spacy.cli", package), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from spaCy's real command line, loaded now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


_load_spacy_without_its_command_line()

import rjieba  # noqa: E402
import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from extract.gazetteer import gazetteer  # noqa: E402
from extract.resources import cached, lexicon, sources  # noqa: E402
from extract.text import has_cjk  # noqa: E402

SPANS_KEY = "candidates"
_LOCATIVES = "内外旁"  # the last character of a locative word jieba may make of a name's end (园内)


@dataclass(frozen=True)
class Candidate:
    """A span the ruler matched: a known name (`id` = entity key), a suffix (`id` = type) or an anaphor."""

    start: int
    end: int
    label: str  # "KNOWN", "SUFFIX" or "ANAPHOR"
    id: str
    text: str


class JiebaTokenizer:
    """Segments Chinese with rjieba; whitespace stays in its own tokens so offsets are exact.

    Our words outrank jieba's: a jieba word that begins or ends with one of them (成都市政府,
    庆阳市) is cut there, so a name is never hidden inside a longer common word.
    """

    def __init__(self, vocab: Vocab, words: list[str]) -> None:
        self.vocab = vocab
        self.words = set(words)
        self.jieba = rjieba.Jieba()
        for word in words:
            self.jieba.add_word(word, None, None)

    def _split(self, token: str) -> list[str]:
        if len(token) < 3 or token in self.words:
            return [token]
        for size in range(len(token) - 1, 1, -1):
            if token[-size:] in self.words:
                return [*self._split(token[:-size]), token[-size:]]
            if token[:size] in self.words:
                return [token[:size], *self._split(token[size:])]
        return [token]

    def cut(self, text: str) -> list[str]:
        """The cut of `text`: our words whole, and nothing between the words."""
        words = [piece for token in self.jieba.cut(text, False) for piece in self._split(token)] if text else []
        return self._give_back_locatives(words)

    def __call__(self, text: str) -> Doc:
        words = self.cut(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def _give_back_locatives(self, words: list[str]) -> list[str]:
        """Give a name's last character back from a locative word jieba made of it (科技|园内 → 科技园|内): a
        suffix of ours before 内, 外 or 旁 is never hidden in jieba's 园内."""
        out: list[str] = []
        for token in words:
            if len(token) == 2 and token[1] in _LOCATIVES and token not in self.words and out:
                before = out[-1] + token[0]
                word = next((before[-size:] for size in range(min(len(before), 8), 2, -1) if before[-size:] in self.words), None)
                if word is not None:
                    head = out.pop()[: len(before) - len(word)]
                    out += [*([head] if head else []), word, token[1]]
                    continue
            out.append(token)
        return out


def sentence_language(text: str) -> str:
    """"zh" when a sentence has Chinese characters, else "en": a mixed sentence is read as Chinese."""
    return "zh" if has_cjk(text) else "en"


def _ruler_patterns() -> list[dict]:
    gaz, lex = gazetteer(), lexicon()
    patterns = [{"label": "KNOWN", "pattern": s, "id": key} for s, key in gaz.zh_surfaces.items() if len(s) >= 2]
    patterns += [{"label": "KNOWN", "pattern": s, "id": key} for s, key in gaz.en_surfaces.items()]
    patterns += [{"label": "SUFFIX", "pattern": s["zh"], "id": s["type"]} for s in lex["suffix"]]
    patterns += [{"label": "SUFFIX", "pattern": s, "id": t} for t, group in lex["en_suffix"].items() for s in group]
    patterns += [{"label": "ANAPHOR", "pattern": w, "id": t} for t, words in lex["role"]["anaphora"].items() for w in words]
    describing = lex["role"]["anaphora_describing_en"]
    patterns += [{"label": "ANAPHOR", "pattern": f"the {word} {head}", "id": t} for t, heads in describing.items()
                 if t != "words" for head in heads for word in describing["words"]]
    return patterns


def _dictionary_words() -> list[str]:
    """Chinese words jieba must keep whole: known names, name suffixes and anaphora."""
    patterns = _ruler_patterns()
    return sorted({p["pattern"] for p in patterns if has_cjk(p["pattern"])})


def _with_ruler(nlp: Language, patterns: list[dict]) -> Language:
    """`nlp` with spaCy's span ruler over `patterns`: what `candidates` matched with before the phrase tables, kept as
    the reference they are tested against (tests/test_extract.py)."""
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]  # a SpanRuler, typed as a plain pipe
    return nlp


class PhraseTable:
    """The patterns of one pipeline as sequences of lower-cased tokens, matched as spaCy's span ruler with a phrase
    matcher on LOWER matches them: every run of a document's tokens equal to a pattern's, overlapping ones included,
    each (start, end, label, id) once, in the order of spaCy's spans (start and end character, then the hashes of
    label and id).

    Built from a tokenizer once per edition of the patterns and kept in the cache (`table`): making 16,700 pattern
    documents and adding them to a phrase matcher took 0.9 of the 2.5 CPU-s a worker's server spends warming up.
    """

    def __init__(self, rows: list[tuple[tuple[str, ...], str, str, int]]) -> None:
        self.matches: dict[tuple[str, ...], list[tuple[str, str, int]]] = {}
        lengths: dict[str, set[int]] = {}
        for tokens, label, id_, order in rows:
            found = self.matches.setdefault(tokens, [])
            if (label, id_, order) not in found:
                found.append((label, id_, order))
            lengths.setdefault(tokens[0], set()).add(len(tokens))
        self.lengths = {first: sorted(sizes) for first, sizes in lengths.items()}

    def find(self, lowers: list[str], starts: list[int], ends: list[int]) -> list[tuple[int, int, str, str]]:
        """(start char, end char, label, id) of every match in a document of tokens `lowers` (lower-cased), which
        begin at `starts` and end at `ends`."""
        found: list[tuple[int, int, int, str, str]] = []
        count = len(lowers)
        for i, first in enumerate(lowers):
            for size in self.lengths.get(first, ()):
                if i + size > count:
                    break
                for label, id_, order in self.matches.get(tuple(lowers[i : i + size]), ()):
                    found.append((starts[i], ends[i + size - 1], order, label, id_))
        found.sort(key=lambda m: m[:3])
        return [(start, end, label, id_) for start, end, _, label, id_ in found]


def _table_rows(tokenize: Any, patterns: list[dict]) -> list[tuple[tuple[str, ...], str, str, int]]:
    """Each pattern as (its tokens lower-cased, label, id, its place in spaCy's order of spans), as the span ruler
    reads it: tokenized by the pipeline's own tokenizer, LOWER of each token; spans of equal extent are ordered by
    the hashes of their label, then of their id."""
    from spacy.strings import get_string_id

    rows = []
    for pattern in patterns:
        tokens = tuple(token.lower_ for token in tokenize(pattern["pattern"]))
        if tokens:
            rows.append((tokens, pattern["label"], pattern["id"], (get_string_id(pattern["label"]), get_string_id(pattern["id"]))))
    ranks = {key: rank for rank, key in enumerate(sorted({row[3] for row in rows}))}
    return [(tokens, label, id_, ranks[key]) for tokens, label, id_, key in rows]


def _table(name: str, tokenize: Any, patterns: list[dict]) -> PhraseTable:
    """The phrase table of `patterns` under `tokenize`, from the cache when these patterns were tokenized before (by
    this module's code, with these spaCy and rjieba installs); built, and kept, otherwise."""
    plain = [(p["label"], p["pattern"], p["id"]) for p in patterns]
    key = [f"phrases-{name}/2", *sources((), ("extract.nlp",), ("spacy", "rjieba")), marshal.dumps(plain)]
    return PhraseTable(cached(f"phrases-{name}", key, lambda: _table_rows(tokenize, patterns)))


@dataclass(frozen=True)
class Pipeline:
    """One language's reading: its tokenizer (`words` for Chinese, spaCy's `tokenizer` for English) and its table."""

    table: PhraseTable
    words: JiebaTokenizer | None = None
    tokenizer: Any = None

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every pattern's match in `text`: (start char, end char, label, id), in spaCy's order."""
        if self.words is not None:
            lowers, starts, ends, at = [], [], [], 0
            for word in self.words.cut(text):
                lowers.append(word.lower())
                starts.append(at)
                at += len(word)
                ends.append(at)
            return self.table.find(lowers, starts, ends)
        doc = self.tokenizer(text)
        return self.table.find([t.lower_ for t in doc], [t.idx for t in doc], [t.idx + len(t.text) for t in doc])


@cache
def pipelines() -> dict[str, Pipeline]:
    """The zh and en pipelines (built once per process, their tables from the cache).

    The en pipeline reads sentences without a Chinese character, where a pattern with one never matches: it goes
    without them (they took a third of a worker's start). `_en_every_pattern` reads a piece that holds one anyway.
    """
    zh = spacy.blank("zh")
    words = JiebaTokenizer(zh.vocab, _dictionary_words())
    patterns = _ruler_patterns()
    en = spacy.blank("en").tokenizer
    return {"zh": Pipeline(_table("zh", words, patterns), words=words),
            "en": Pipeline(_table("en", en, [p for p in patterns if not has_cjk(p["pattern"])]), tokenizer=en)}


@cache
def _en_every_pattern() -> Pipeline:
    """The en pipeline with every pattern, for an English piece that spans a Chinese character (between two of the
    sentences it was given): what the en pipeline read before it left those patterns out."""
    en = pipelines()["en"].tokenizer
    return Pipeline(_table("en-every", en, _ruler_patterns()), tokenizer=en)


def language_pieces(text: str, sentences: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(language, start, end) of each run of consecutive sentences in one language: what one pipeline reads at once."""
    pieces: list[tuple[str, int, int]] = []
    for start, end in sentences:
        language = sentence_language(text[start:end])
        if pieces and pieces[-1][0] == language:
            pieces[-1] = (language, pieces[-1][1], end)
        else:
            pieces.append((language, start, end))
    return pieces


def candidates(text: str, sentences: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Every pattern's match in `text`, read sentence by sentence in each sentence's language.

    Consecutive sentences in one language go through their pipeline as one piece.
    """
    nlps = pipelines()
    for language, start, end in language_pieces(text, sentences):
        piece = text[start:end]
        nlp = _en_every_pattern() if language == "en" and has_cjk(piece) else nlps[language]
        for first, last, label, id_ in nlp.find(piece):
            yield Candidate(start + first, start + last, label, id_, piece[first:last])


def plain_words(text: str) -> list[str]:
    """jieba's own cut of a text, without our names: it shows where a name read inside a longer word ends
    (京东 in 京东方)."""
    return list(rjieba.cut(text, False))
