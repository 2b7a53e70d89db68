"""Entity mentions in a folded text: the gazetteer, patterns for new names, and anaphora.

Chinese names never seen before are found by their suffix (XX智算中心, XX有限公司 …) with the
stem cut at the nearest function word; English ones as a title-case run ending in a suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.gazetteer import Entity, gazetteer, new_entity
from extract.resources import lexicon

_NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9()（）]")


@dataclass(frozen=True)
class Mention:
    """A span of the folded text that names an entity (or refers back to one: `anaphor`)."""

    start: int
    end: int
    entity: Entity | None
    anaphor: str | None = None
    source: str = "gazetteer"


@cache
def _zh_regex() -> re.Pattern[str]:
    surfaces = sorted((s for s in gazetteer().zh_surfaces if len(s) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, surfaces)))


@cache
def _en_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    surfaces = sorted(gazetteer().en_surfaces, key=len, reverse=True)
    long = [re.escape(s) for s in surfaces if len(s) > 4]
    short = [re.escape(s) for s in surfaces if len(s) <= 4]
    return (
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(long) + r")(?![A-Za-z])", re.I),
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(short) + r")(?![A-Za-z])"),
    )


@cache
def _short_en_keys() -> dict[str, str]:
    return {s: k for s, k in gazetteer().en_surfaces.items() if len(s) <= 4}


@cache
def _en_suffix_regex() -> re.Pattern[str]:
    suffixes = sorted((s for group in lexicon()["en_suffix"].values() for s in group), key=len, reverse=True)
    word = r"(?:[A-Z][\w'’\-]*|\([A-Z][\w \-]*\))"
    return re.compile(
        word + r"(?:\s+(?:" + word + r"|of|and|for|&))*?\s+(?P<suffix>" + "|".join(map(re.escape, suffixes)) + r")\b"
    )


@cache
def _en_suffix_types() -> dict[str, str]:
    return {s: type_ for type_, group in lexicon()["en_suffix"].items() for s in group}


def _gazetteer_mentions(folded: str) -> list[Mention]:
    gaz = gazetteer()
    found = [Mention(m.start(), m.end(), gaz.entities[gaz.zh_surfaces[m.group(0)]]) for m in _zh_regex().finditer(folded)]
    long_re, short_re = _en_regexes()
    for m in long_re.finditer(folded):
        found.append(Mention(m.start(), m.end(), gaz.entities[gaz.en_surfaces[m.group(0).lower()]]))
    short_keys = _short_en_keys()
    for m in short_re.finditer(folded):
        key = short_keys.get(m.group(0).lower())
        if key and m.group(0) == next(s for s in (m.group(0),) if s[0].isupper()):
            found.append(Mention(m.start(), m.end(), gaz.entities[key]))
    return found


def _stem_start(folded: str, suffix_start: int) -> int:
    names = lexicon()["name"]
    lo = max(0, suffix_start - names["stem_max"])
    cut = lo
    for i in range(suffix_start - 1, lo - 1, -1):
        if not _NAME_CHAR.match(folded[i]):
            cut = i + 1
            break
    window = folded[cut:suffix_start]
    best = 0
    for word in names["stop_words"]:
        idx = window.rfind(word)
        if idx >= 0:
            best = max(best, idx + len(word))
    return cut + best


def _new_zh_mentions(folded: str) -> list[Mention]:
    names = lexicon()["name"]
    generic = set(names["generic_stems"])
    found = []
    for suffix in sorted(lexicon()["suffix"], key=lambda s: len(s["zh"]), reverse=True):
        for m in re.finditer(re.escape(suffix["zh"]), folded):
            start = _stem_start(folded, m.start())
            stem = folded[start : m.start()].lstrip(")）")
            start = m.start() - len(stem)
            if not stem or stem in generic or re.fullmatch(r"[\d.]+", stem):
                continue
            quoted = folded[start - 1 : start] in "“\"「『" and start > 0
            anchored = bool(_zh_regex().search(stem)) or bool(re.search(r"[A-Za-z0-9]", stem)) or quoted
            if suffix["type"] in ("Center", "Park", "Cluster", "District") and not anchored:
                continue
            if suffix["type"] in ("Company", "Organization") and len(stem) < 2:
                continue
            found.append(Mention(start, m.end(), new_entity(stem + suffix["zh"], suffix["type"]), source="pattern"))
    return found


def _new_en_mentions(folded: str) -> list[Mention]:
    leading = set(lexicon()["name"]["en_leading_stop"])
    found = []
    for m in _en_suffix_regex().finditer(folded):
        text, start = m.group(0), m.start()
        while True:
            first = text.split(" ", 1)[0]
            if first in leading and " " in text:
                text = text.split(" ", 1)[1].lstrip()
                start = m.end() - len(text)
            else:
                break
        if text == m.group("suffix"):
            continue
        type_ = _en_suffix_types()[m.group("suffix")]
        found.append(Mention(start, m.end(), new_entity(text, type_), source="pattern"))
    return found


@cache
def _anaphora() -> list[tuple[str, str]]:
    rows = [(w, t) for t, words in lexicon()["role"]["anaphora"].items() for w in words]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


def _anaphor_mentions(folded: str) -> list[Mention]:
    found = []
    for word, type_ in _anaphora():
        flags = re.I if word.isascii() else 0
        pattern = r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])" if word.isascii() else re.escape(word)
        for m in re.finditer(pattern, folded, flags):
            found.append(Mention(m.start(), m.end(), None, anaphor=type_, source="anaphor"))
    return found


def find_mentions(folded: str) -> list[Mention]:
    """All non-overlapping mentions in `folded`, longest first, known names before patterns."""
    candidates = _gazetteer_mentions(folded) + _new_zh_mentions(folded) + _new_en_mentions(folded)
    candidates += _anaphor_mentions(folded)
    known_ends = {m.end for m in candidates if m.source == "gazetteer"}
    candidates = [m for m in candidates if not (m.source == "pattern" and m.end in known_ends)]
    rank = {"gazetteer": 0, "pattern": 1, "anaphor": 2}
    candidates.sort(key=lambda m: (-(m.end - m.start), rank[m.source], m.start))
    taken: list[Mention] = []
    occupied = bytearray(len(folded) + 1)
    for mention in candidates:
        if any(occupied[mention.start : mention.end]):
            continue
        occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        taken.append(mention)
    return sorted(taken, key=lambda m: m.start)
