"""What the figure and relation readers share: a sentence with its mentions, a fact, and cue look-up."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.entities import Mention
from extract.gazetteer import Entity
from extract.resources import lexicon

INFRASTRUCTURE = {"Center", "Cluster", "Park", "Hub"}
PLACES = {"City", "District", "Province"}
NOT_MEASURED = {"Initiative", "Organization", "Company"}  # a figure near a company belongs to what it builds or where


@dataclass(frozen=True)
class Fact:
    """One statement read from one sentence: a figure (value) or a relation (object)."""

    subject: Entity
    metric: str
    value: float | None
    unit: str | None
    object: Entity | None
    comparator: str
    status: str
    time: str | None
    kind: str | None
    evidence: str
    start: int
    end: int
    attachment: str | None = None  # how a figure's subject was found (see _subject); None for relations


@dataclass(frozen=True)
class Passage:
    """A sentence of a document that names at least one thing the reading resolved: what a question is answered
    from when no fact holds the answer (a share, a count of buildings, who built it)."""

    start: int
    end: int
    text: str  # in the document's own script, stripped
    lang: str  # en, zh-Hans or zh-Hant
    entities: tuple[Entity, ...]  # what it names (or points back at), each once, in order


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # folded
    mentions: tuple[Mention, ...]


# ------------------------------------------------------------------ cue helpers
@cache
def cue_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        if w.isascii() and w[:1].isalpha():
            parts.append(r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])")
        else:
            parts.append(re.escape(w))
    return re.compile("|".join(parts), re.I)


def en_cue(phrase: str) -> str:
    """An English cue as a pattern that lets an adverb in before its last word: "launched officially in"."""
    words = phrase.split()
    head = r"\s+".join(map(re.escape, words[:-1]))
    return head + r"\s+(?:[a-z]+ly\s+)?" + re.escape(words[-1]) if head else re.escape(phrase)


def cue_words(table: dict, *names: str) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        entry = table.get(name)
        if isinstance(entry, dict):
            out += entry.get("zh", []) + entry.get("en", [])
        elif isinstance(entry, list):
            out += entry
    return tuple(out)


def cues(text: str, table: dict) -> list[tuple[int, str, str]]:
    """Every cue of the table in `text` as (end, table key, cue word), in text order."""
    found = []
    for name, entry in table.items():
        if not isinstance(entry, dict) or "zh" not in entry:
            continue
        found += [(m.end(), name, m.group(0).lower()) for m in cue_regex(cue_words(table, name)).finditer(text)]
    return sorted(found)


_PHASE_WORD = re.compile(r"[一二三四五首]期[)）]?$")


def masked(sentence: Sentence, upto: int | None = None) -> str:
    """Sentence text with entity names blanked, so cues inside names do not count."""
    chars = list(sentence.text)
    for m in sentence.mentions:
        end = m.end
        if m.part_of is not None and (phase := _PHASE_WORD.search(sentence.text, 0, m.end - sentence.start)):
            end = sentence.start + phase.start()  # 一期 in X一期 still says what stage the figure is at
        for i in range(m.start - sentence.start, min(end - sentence.start, len(chars))):
            chars[i] = " "
    return "".join(chars) if upto is None else "".join(chars[:upto])


DIRECTION = r"(?i:north|south|east|west|northwest|northeast|southwest|southeast|central)(?:ern)?\s+"
# "A, a city in B" / "A in north B" / "A, southwest China's B": A lies in the place B.
IN_PLACE_EN = re.compile(r",?\s*(?:a|the)?\s*(?:city|county|district|town|region)?\s*(?:in|of)\s+(?:" + DIRECTION
                          + r")?(?:[A-Z][\w'’]*\s+){0,3}|,\s*(?:" + DIRECTION + r")?China['’]s\s+")

OPENING = re.compile(r"\s*(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日|近日|日前|近期|目前|今年|去年|本月|上月|今天|今日|昨天|昨日"
                      r"|当天|当日|同时|此外|其中|近年来|近年|多年来)?[,，]?"
                      r"\s*[“\"「]?")


@cache
def _unnamed_regex() -> re.Pattern[str]:
    words = lexicon()["subject"]
    openers = cue_regex(tuple(words["report_openers"])).pattern
    heads = cue_regex(tuple(words["unnamed_heads"])).pattern
    after = cue_regex(tuple(words["unnamed_next"])).pattern
    return re.compile(rf"(?:^|[，,。；;：:])\s*(?:(?:{openers})[,，]?\s*)?([\u4e00-\u9fff]{{2,12}}?)(?:{heads})(?={after})")


_PHASE = re.compile(r"[一二三四五首本]期")


def unnamed_thing(sentence: Sentence, end: int) -> bool:
    """Whether a clause before `end` opens with a thing named in words no name was read from (会展中心扩建项目作为…,
    …由某公司承建): what that clause says is that thing's, and the topic or the sentence before is a guess."""
    words = lexicon()["subject"]
    offset = sentence.start
    stop = set(words["unnamed_not"])
    leads = tuple(words["report_openers"] + words["demonstratives_zh"])
    for m in _unnamed_regex().finditer(sentence.text, 0, end):
        lead = OPENING.match(m.group(1))
        stem = m.group(1)[lead.end() if lead else 0 :]
        stem = _PHASE.sub("", re.sub(rf"^(?:{cue_regex(leads).pattern})+", "", stem))  # 这座数据中心 is no name
        if len(stem) >= 2 and stem not in stop and m.group(1) not in stop and not any(
                mention.start - offset < m.end() and m.start(1) < mention.end - offset for mention in sentence.mentions):
            return True
    return False
