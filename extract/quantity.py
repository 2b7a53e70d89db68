"""Numbers with their units and bounds: "超2350亿元", "more than 90 percent", "1.3万架", "万P".

`parse` turns one number expression into a float; `find` finds every quantity in a sentence
(already folded to simplified Chinese) with its canonical unit, family and comparator.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import cn2an

from extract.resources import lexicon

_ZH_DIGITS = "零〇○一二两三四五六七八九十百千"
# 五一〇〇万千瓦, 三一四天: Taiwan and Hong Kong outlets write a figure digit by digit in Chinese numerals (with 〇 or ○ for
# nought), where the mainland writes 5100万; three digits or more, or one nought among them, and no 十百千 in between
_DIGIT_BY_DIGIT = re.compile(r"(?=[一二三四五六七八九〇○零]*[〇○零]|[一二三四五六七八九〇○零]{3})"
                             r"([一二三四五六七八九][一二三四五六七八九〇○零]+)")
_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}
_NUMBER = (
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + _ZH_DIGITS + r"]+(?:点[零〇一二三四五六七八九]+)?)"
)


@dataclass(frozen=True)
class Quantity:
    """A number found in a sentence, normalised to its canonical unit."""

    value: float
    unit: str | None
    family: str
    comparator: str
    start: int
    end: int
    text: str
    noun: str | None = None


@cache
def _multipliers() -> tuple[dict[str, float], dict[str, float]]:
    mult = lexicon()["multipliers"]
    return dict(mult["zh"]), {k.lower(): v for k, v in mult["en"].items()}


def parse(expression: str) -> float:
    """Parse a number expression: "150,000", "1.3万", "两万", "十三", "36.6 billion", "千亿".

    Raises:
        ValueError: the expression is not a number.
    """
    s = expression.strip().replace("，", ",")
    zh_mult, en_mult = _multipliers()
    factor = 1.0
    m = re.fullmatch(r"(.*?)(?:\s*|-)(" + "|".join(sorted(en_mult, key=len, reverse=True)) + r")", s, re.I)
    if m:
        s, factor = m.group(1), en_mult[m.group(2).lower()]
    elif (digits := _DIGIT_BY_DIGIT.fullmatch(re.sub(r"[万亿]+$", "", s))) is not None:
        value = float("".join(str(_DIGIT_VALUE[c]) for c in digits.group(1)))
        return value * math.prod(zh_mult[c] for c in s[digits.end() :])
    elif re.fullmatch(r"[" + _ZH_DIGITS + r"]+[万亿]+", s) and s[0] not in "百千":
        return float(cn2an.cn2an(s.replace("〇", "零"), "smart"))
    else:
        for word in sorted(zh_mult, key=len, reverse=True):
            if s.endswith(word):
                s, factor = s[: -len(word)], zh_mult[word]
                break
    s = s.strip()
    if not s:
        return factor
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?", s):
        return float(s.replace(",", "")) * factor
    if re.fullmatch(r"[" + _ZH_DIGITS + r"点]+", s):
        return float(cn2an.cn2an(s.replace("〇", "零").replace("○", "零"), "smart")) * factor
    raise ValueError(f"not a number: {expression!r}")


@cache
def _unit_table() -> list[tuple[str, bool, dict[str, Any]]]:
    """(surface, is_english, unit definition), longest surface first."""
    rows = []
    for unit in lexicon()["unit"]:
        rows += [(s, False, unit) for s in unit["zh"]]
        rows += [(s, True, unit) for s in unit["en"]]
    return sorted(rows, key=lambda row: len(row[0]), reverse=True)


@cache
def _comparator_cues() -> dict[str, list[tuple[str, str]]]:
    cues: dict[str, list[tuple[str, str]]] = {"zh_before": [], "zh_after": [], "en_before": [], "en_after": []}
    for name, table in lexicon()["comparator"].items():
        for slot in cues:
            cues[slot] += [(cue, name) for cue in table.get(slot, [])]
    return {slot: sorted(rows, key=lambda r: len(r[0]), reverse=True) for slot, rows in cues.items()}


@cache
def _count_nouns() -> list[tuple[str, str, bool]]:
    rows = []
    for metric, table in lexicon()["metric"]["count"].items():
        if isinstance(table, dict):
            rows += [(w, metric, False) for w in table["zh"]] + [(w.lower(), metric, True) for w in table["en"]]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


_MULT_ZH = "万亿|千亿|百亿|亿|千万|百万|万|千"
_MULT_AFTER_MORE = re.compile(r"万亿|亿|千万|百万|万")
_MULT_EN = r"(?:\s*|-)(?:trillion|billion|bn|million|mln|thousand)\b"  # "an 8.8-billion-yuan center"
_NUMBER_RE = re.compile(
    # pages that space out their figures write 5~10 万机柜: a multiplier one space after its number still multiplies
    r"(?<![0-9A-Za-z.])(?:" + _NUMBER + r"(?P<mult>(?:[ \u00a0]?(?:" + _MULT_ZH + r"))|" + _MULT_EN + r")?"
    r"|(?P<bare>" + _MULT_ZH + r"))",
    re.I,
)
# the scale words an English number word may take (two million, three hundred); "bn" and "mln" follow digits only
_SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SCALE_AFTER_WORD = re.compile(r"[\s-]+(hundred|thousand|million|billion)\b", re.I)
_PERCENT_ZH = re.compile(r"百分之(?P<num>[\d.]+|[" + _ZH_DIGITS + r"点]+)")
# 八成 = 80 %: tenths, not the 成 of 成员, 成立, 成都 …
# 九成三 = 93 %, 六成九 = 69 %: a digit right after 成 is the hundredths
_TENTHS_ZH = re.compile(r"(?<![\d" + _ZH_DIGITS + r"])(?P<num>[二两三四五六七八九]|\d)成"
                        r"(?:(?P<half>半)|(?P<next>[一二三四五六七八九])(?![十百千万亿个家项座台]))?"
                        r"(?![员立都功交熟就长本果品绩份])")
_CURRENCY = re.compile(r"(US\$|HK\$|\$|USD|RMB|CNY|¥|￥)\s*$")


@cache
def _unit_regexes() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, dict[str, Any]]]]:
    """Every unit surface, longest first, as one pattern (and one for after a space: ASCII, or a Chinese unit of
    measure, since pages that space out their figures write 占地 8.5 亩; a measure word of a count stays tight).

    English surfaces match in any case; an ASCII surface may not run into a following letter or digit.
    """
    lookup: dict[str, tuple[str, dict[str, Any]]] = {}
    tight, spaced = [], []
    for surface, english, unit in _unit_table():
        key = surface.lower() if english else surface
        lookup.setdefault(key, (surface, unit))
        part = re.escape(surface)
        if english:
            part = "(?i:" + part + ")"
        if surface.isascii() and (not english or surface[-1].isalpha()):
            part += "(?![A-Za-z0-9])"
        tight.append(part)
        if english or surface.isascii() or unit["family"] != "count":
            spaced.append(part)
    return re.compile("|".join(tight)), re.compile("|".join(spaced)), lookup


def _unit_at(sentence: str, pos: int) -> tuple[str, dict[str, Any], int] | None:
    """The unit written at `pos` (after optional spaces or a dash): surface, definition, end."""
    tight, spaced, lookup = _unit_regexes()
    stripped_at = pos
    while stripped_at < len(sentence) and sentence[stripped_at] in " \u00a0-":
        stripped_at += 1
    m = (spaced if stripped_at > pos else tight).match(sentence, stripped_at)
    if m is None:
        return None
    text = m.group(0)
    surface, unit = lookup.get(text) or lookup[text.lower()]
    return surface, unit, m.end()


def _comparator(sentence: str, start: int, end: int, between: str) -> tuple[str, int]:
    """Comparator of the number at [start, end) and the end of any postfix cue."""
    cues = _comparator_cues()
    if between[:1] in ("多", "余"):
        return "gt", end
    after = sentence[end:].lstrip()
    for cue, name in cues["zh_after"]:
        if after.startswith(cue):
            return name, end + sentence[end:].index(cue) + len(cue)
    low_after = after.lower()
    for cue, name in cues["en_after"]:
        if low_after.startswith(cue) and (not cue[-1].isalpha() or not low_after[len(cue) : len(cue) + 1].isalpha()):
            return name, end
    before = re.sub(r"(了|达到|达|到|至|为|了约)$", "", sentence[max(0, start - 16) : start].rstrip())
    before = re.sub(r"每秒$", "", before)  # 超每秒200亿亿次: the rate word stands between the hedge and the number
    before = re.sub(r"(US\$|HK\$|\$|USD|RMB|CNY|¥|￥)$", "", before).rstrip()
    for cue, name in cues["zh_before"]:
        if before.endswith(cue):
            return name, end
    low = before.lower()
    for cue, name in cues["en_before"]:
        if low.endswith(cue) and (len(low) == len(cue) or not low[-len(cue) - 1].isalnum()):
            return name, end
    return "eq", end


@cache
def _en_count_noun_regex(noun: str) -> re.Pattern[str]:
    return re.compile(r"[\s-]*(?:[a-z][\w-]*\s+){0,3}?" + re.escape(noun) + r"\b")


@cache
def _en_noun_before_regex(noun: str) -> re.Pattern[str]:
    window = lexicon()["count_window"]["before_en"]
    return re.compile(r"(?<!\d\s)\b" + re.escape(noun) + r"\b[^\d;:]{0," + str(window) + r"}$")


@cache
def _filler_words() -> re.Pattern[str]:
    return re.compile("|".join(lexicon()["count_window"]["filler_zh"]))


_CLAUSE_MARK = re.compile(r"[，,。；;：:、]")
_BRACKETED_WORD = re.compile(r"(?<=[\u4e00-\u9fff])[(（][\u4e00-\u9fff]{1,4}[)）](?=[\u4e00-\u9fff])")
_DESCRIBED_NOUN = re.compile(r"[^，,。；;：:、的]{1,14}的([^，,。；;：:、的]{1,6})")


def _count_noun(sentence: str, pos: int, number_start: int) -> str | None:
    """The metric of a counted figure: its noun right after it, or in Chinese right before it."""
    window = lexicon()["count_window"]
    after = sentence[pos : pos + 40]
    low_after = after.lower()
    # 大型数据(智算)中心23个: a short word in brackets inside the noun does not hide it
    before = _BRACKETED_WORD.sub("", sentence[max(0, number_start - window["before"] - 10) : number_start])
    before = _filler_words().sub("", before)[-window["before"] :]
    before = _CLAUSE_MARK.split(before)[-1]  # "服务器400万台,数据中心…": a noun across a comma counts nothing here
    near_after = _CLAUSE_MARK.split(after[: window["after"]])[0]
    for noun, metric, english in _count_nouns():
        if english and noun in low_after and _en_count_noun_regex(noun).match(low_after):
            return metric
    # a Chinese phrase ends in its head: 12个数据中心 counts the first noun after, 数据中心企业26家 the last one before,
    # 26家数据中心企业 the firms, 7个数据中心园区 no noun of ours; 规上工业企业 are no firms of ours
    zh = [(noun, metric) for noun, metric, english in _count_nouns() if not english]
    not_counted = tuple(window["not_counted_zh"])
    after_hits = sorted((near_after.index(noun), noun, metric) for noun, metric in zh if noun in near_after)
    if not after_hits and (described := _DESCRIBED_NOUN.match(after)) is not None:
        # 800个单柜功率8千瓦的标准机柜: a description ending in 的 may stand between the measure word and the noun
        head = described.group(1)
        after_hits = sorted((head.index(noun) + described.start(1), noun, metric) for noun, metric in zh if noun in head)
        near_after = after[: described.end()]
    if after_hits:
        at, noun, metric = after_hits[0]
        if any(head in near_after[:at] for head in window["other_heads_zh"]):
            return None  # 10个集群标准机架…: the number counts the head before the noun (clusters), not racks
        if metric == "gpu_cards" and near_after[:at].endswith(("万", "千", "百")):
            return None  # 4个万卡级集群, 3个千卡集群: clusters counted by their size in cards, no cards counted
        if near_after[:at].endswith(not_counted) or near_after[: at + len(noun)].endswith(not_counted):
            return None
        rest = after[at + len(noun) :]
        if metric == "gpu_cards" and rest.startswith("集群"):
            return metric  # 3万卡集群: a cluster told by its size in cards, as "a 100,000-card cluster" is
        if rest.startswith(tuple(window["other_heads_zh"])):
            return None
        head = next((m for n, m, e in _count_nouns() if not e and rest.startswith(n)), None)
        return head or metric
    if after.lstrip().startswith(tuple(window["other_nouns_after_zh"])):
        return None  # 机架2000多台服务器: the number counts the noun after it, not the one before
    before_hits = [(before.rindex(noun) + len(noun), noun, metric) for noun, metric in zh if noun in before]
    if not before_hits:
        return None
    end, noun, metric = max(before_hits, key=lambda hit: hit[0])
    if any(w in before[end:] for w in window["own_nouns_zh"]):
        return None  # 与32家企业签约项目36个: a noun of its own nearer the number (项目) is what is counted
    if re.match(r"\s*[”\"」』]", before[end:]):
        return None  # “某某智算中心”八个大字: a noun closing a quoted name is part of that name, not the thing counted
    return None if before[:end].endswith(not_counted) else metric


def _noun_before_en(sentence: str, number_start: int, number_end: int) -> str | None:
    """An English counted noun that is the subject of the clause ending in the number.

    Only when the number closes its phrase ("racks … exceed 150,000 by 2026"): a number
    followed by a noun of its own ("200,000 servers") counts that noun, and a year is no count.
    """
    number = sentence[number_start:number_end]
    if re.fullmatch(r"(?:19|20)\d{2}", number.strip()) or not re.match(_CLOSES_PHRASE, sentence[number_end:]):
        return None
    before = sentence[max(0, number_start - 80) : number_start].lower()
    # the subject's head comes first: "the count of racks across data centres … 300,000" counts racks
    hits = [(m.start(), metric) for noun, metric, english in _count_nouns()
            if english and noun in before and (m := _en_noun_before_regex(noun).search(before))]
    if not hits:
        # "the number of data center racks, consisting of frames that house servers, cables …, is expected to reach
        # 720,000": a description set off by commas between the counted noun and its verb
        far = sentence[max(0, number_start - 320) : number_start].lower()
        hits = [(m.start(), metric) for noun, metric, english in _count_nouns()
                if english and noun in far and (m := _en_noun_described_regex(noun).search(far))]
    return min(hits, key=lambda hit: hit[0])[1] if hits else None


@cache
def _en_noun_described_regex(noun: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:the\s+)?(?:number|count|total)\s+of\s+(?:[a-z][\w-]*\s+){0,3}?" + re.escape(noun)
                      + r"\b,\s+(?:consisting|made up|comprising|which|each|including|defined|meaning|a |an )[^\d;:]{0,260}?,\s*"
                      r"(?:is|are|was|were|will|has|have|had|should|would|could)\b[^\d;:,]{0,40}$")


VALUE_EN = r"\d(?:[\d.]|,(?=\d{3}))*(?:\s*(?:million|billion|thousand))?"
RESPECTIVE_EN = re.compile(VALUE_EN + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)" + VALUE_EN + r")+,?\s+respectively\b", re.I)


def _respective_en(sentence: str, number_start: int) -> tuple[bool, str | None]:
    """"the number of racks and servers will reach 800,000 and 4 million, respectively": a bare number in a list closed
    by "respectively" counts the noun in the same place of the list before it, or nothing (servers are no metric of ours).
    The first value says whether the number is in such a list at all."""
    for lm in RESPECTIVE_EN.finditer(sentence):
        if not lm.start() <= number_start < lm.end():
            continue
        starts = [lm.start() + v.start() for v in re.finditer(VALUE_EN, lm.group(0), re.I)]
        if number_start not in starts:
            return True, None
        parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", sentence[max(0, lm.start() - 160) : lm.start()]) if p.strip()]
        if len(parts) < len(starts):
            return True, None
        item = parts[len(parts) - len(starts) + starts.index(number_start)].lower()
        hits = [metric for noun, metric, english in _count_nouns() if english and re.search(r"\b" + re.escape(noun) + r"\b", item)]
        return True, (hits[0] if hits else None)
    return False, None


_CLOSES_PHRASE = re.compile(r"\s*(?:$|[.,;:)]|(?:by|in|this|next|last|and|as|at|on|from|until|before|after)\b)")


@cache
def _count_units() -> dict[str, str]:
    return {metric: table["unit"] for metric, table in lexicon()["metric"]["count"].items()
            if isinstance(table, dict) and "unit" in table}


# a number of days, times or card-hours is no count of the noun after it (55天实现…企业, 2800万卡时); nor is a voltage
# (110千伏变电站: 千 begins the unit) or a day written in brackets (今(12)日)
_NOT_A_COUNT_AFTER = re.compile(r"\s*(?:年|月|日|号|时|分|秒|天|周|倍|次|岁|届|卡时|卡·时|伏|[)）]\s*[日号]|th\b|st\b|nd\b|rd\b|"
                                r"(?i:days?|times|weeks?|years?|card[- ]hours?)\b)")


# a daily or yearly average is a rate (日均新增1.2EFLOPS)
_RANGE_DASH = re.compile(r"\s*[-–—~～]\s*\d")
_RATE_BEFORE = re.compile(r"(?:日均|月均|年均|每日|每天)[^，,。；;\d]{0,4}$|(?<![A-Za-z])(?:daily|a day)\s+$", re.I)
_CLASS_OF_PROJECTS = re.compile(r"\s*(?:以上|及以上)?(?:的)?(?:重大|重点)?(?:项目|projects?\b)", re.I)


_YI = ("亿", "万亿", "千亿", "百亿")


@cache
def _money_cue_regex() -> re.Pattern[str]:
    money = lexicon()["metric"]["money"]
    words = sorted((w for name in ("investment", "output_value") for w in money[name]["zh"]), key=len, reverse=True)
    hedges = sorted({w for c in lexicon()["comparator"].values() for w in c["zh_before"]}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")(?:额|规模|金额)?(?:达到|达|为|约为|超过|超)?(?:"
                      + "|".join(map(re.escape, hedges)) + r")?\s*$")  # 总投资 63 亿: spaced-out pages


def _money_cue_before(sentence: str, start: int) -> bool:
    """A sum in 亿 right after a word of money (总投资约300亿, 产值达50亿) is in yuan even when 元 is left out."""
    return _money_cue_regex().search(sentence, max(0, start - 12), start) is not None


@cache
def _number_words() -> re.Pattern[str]:
    # "one" and "a" count only before a scale word (one million racks, a billion yuan), not in "one of the hubs"
    words = "|".join(lexicon()["number_words_en"])
    return re.compile(r"(?<![\w-])(?:" + words + r"|(?:one|a)(?=[\s-]+(?:hundred|thousand|million|billion)\b))(?![\w-])", re.I)


def _word_value(word: str) -> float:
    return float(lexicon()["number_words_en"].get(word.lower(), 1))  # "one", "a" before a scale word


def _is_rank_word(sentence: str, start: int) -> bool:
    """"top 2 data centers", 前三, 第10个: a place in a ranking, not a count; 其余3栋: the rest of a count, no total."""
    return bool(re.search(r"(?:\btop|前|第|No\.?|其余|剩余|另外)\s*$", sentence[max(0, start - 5) : start], re.I))


# a share against a reference (较东部地区节能30%, 电价低于均价15%, 15% lower than) is a difference, not a level; so is one
# a verb of change moves by
_COMPARED_BEFORE = re.compile(r"(?:低于|高于|少于|多于|(?<![占对相无])比(?![例重率])|(?<!比)较)[^\d，,。；;、]{1,10}$")
_COMPARED_AFTER = re.compile(r"\s*(?:lower|higher|less|more|cheaper|faster|smaller|larger|greater)\s+than\b", re.I)


# "cut costs for 100 firms by more than 15 percent", "boosted investment by 21%": a verb of change, then by: the change
_BY_CHANGE_EN = re.compile(r"\b(?:reduc|cut|lower|rais|increas|boost|decreas|improv|slash|trimm?|lift)(?:e|es|ed|ing|s)?\b"
                           r"[^,;.]{0,60}?\bby\s+(?:(?:more than|over|nearly|about|around|almost|roughly|up to|at least|some)\s+)?$",
                           re.I)


def _is_compared(sentence: str, start: int, end: int) -> bool:
    before = _COMPARED_BEFORE.search(sentence, max(0, start - 14), start)
    if before is not None and not _change_regex().search(before.group(0)) and before.group(0)[-1] not in "超近约逾达":
        return True
    if _BY_CHANGE_EN.search(sentence, max(0, start - 90), start):
        return True
    return _COMPARED_AFTER.match(sentence, end) is not None


_PER_SECOND = re.compile(r"\s*/\s*(?:秒|s\b|sec\b)", re.I)


def _is_rate(sentence: str, end: int) -> bool:
    after = sentence[end : end + 12].lower().lstrip()
    return any(after.startswith(word) for word in lexicon()["count_window"]["rate_after"])


@cache
def _change_regex() -> re.Pattern[str]:
    """A change word, then at most a hedge (约, nearly), right before the number."""
    words = lexicon()["change"]
    hedges = [w for c in lexicon()["comparator"].values() for w in c["zh_before"] + c["en_before"]]
    cue = "|".join(map(re.escape, words["zh"])) + r"|(?<![A-Za-z])(?i:" + "|".join(map(re.escape, words["en"])) + ")"
    return re.compile(r"(?:" + cue + r")了?\s*(?:(?i:" + "|".join(map(re.escape, hedges)) + r")\s*)?$")


@cache
def _change_after_reference() -> re.Pattern[str]:
    """较年初新增200P, 比上年增5000架: a reference the figure is measured from, then a word of adding."""
    words = "|".join(map(re.escape, sorted(lexicon()["change"]["after_reference_zh"], key=len, reverse=True)))
    return re.compile(r"(?:较|(?<![占对相无])比(?![例重率])|同比|环比)[^\d，,。；;、]{0,8}?(?:" + words + r")了?\s*(?:约|近|超过|超)?\s*$")


def _is_change(sentence: str, start: int) -> bool:
    return (_change_regex().search(sentence, max(0, start - 24), start) is not None
            or _change_after_reference().search(sentence, max(0, start - 16), start) is not None)


# 单池万卡液冷算力集群, 十万卡集群: a cluster of ten (or a hundred) thousand cards, the multiplier standing for its number;
# not a class (万卡级), nor clusters counted by their size (4个万卡集群), nor cards with no cluster (万卡算力)
_CARD_CLUSTER_ZH = re.compile(r"(?<![\d个座家批第])(?P<ten>十)?万卡(?![级时·])(?=[^，,。；;、]{0,8}?集群)")


def find(sentence: str) -> list[Quantity]:
    """Every quantity with a known unit (or a counted noun) in a folded sentence."""
    found: list[Quantity] = []
    measured: dict[str, str] = {}  # measure word → the noun it last counted
    for m in _PERCENT_ZH.finditer(sentence):
        try:
            value = parse(m.group("num")) * 0.01
        except ValueError:
            continue
        comparator, _ = _comparator(sentence, m.start(), m.end(), "")
        found.append(Quantity(value, None, "percent", comparator, m.start(), m.end(), m.group(0)))
    for m in _TENTHS_ZH.finditer(sentence):
        value = (parse(m.group("num")) + (0.5 if m.group("half") else 0) + (parse(m.group("next")) * 0.1 if m.group("next") else 0)) * 0.1
        comparator, _ = _comparator(sentence, m.start(), m.end(), "")
        found.append(Quantity(value, None, "percent", comparator, m.start(), m.end(), m.group(0)))
    for m in _number_words().finditer(sentence):
        # "two million AI chips", "three thousand racks": the word after multiplies, the noun comes after both
        scale = _SCALE_AFTER_WORD.match(sentence, m.end())
        word_end = scale.end() if scale else m.end()
        if scale and (money := _unit_at(sentence, word_end)) is not None and money[1]["family"] == "money":
            # "over two billion yuan": a sum spelt in words, in the unit after it
            comparator, end = _comparator(sentence, m.start(), money[2], "")
            value = _word_value(m.group(0)) * _SCALE_WORDS[scale.group(1).lower()]
            found.append(Quantity(value * money[1]["factor"], money[1].get("unit"), "money", comparator, m.start(),
                                  max(end, money[2]), sentence[m.start() : word_end]))
            continue
        noun = _count_noun(sentence, word_end, m.start())
        if noun is not None and not _NOT_A_COUNT_AFTER.match(sentence, word_end):
            comparator, end = _comparator(sentence, m.start(), word_end, "")
            value = _word_value(m.group(0))
            if scale:
                value *= _SCALE_WORDS[scale.group(1).lower()]
            found.append(Quantity(value, _count_units().get(noun), "count", comparator, m.start(), end,
                                  sentence[m.start() : word_end], noun))
    for m in _NUMBER_RE.finditer(sentence):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        number_text = m.group(0)
        if not number_text.strip():
            continue
        try:
            value = parse(number_text)
        except ValueError:
            continue
        pos = m.end()
        mult = (m.group("mult") or "").strip()
        if mult and m.group("num") and (own := _unit_at(sentence, m.start("mult"))) and own[0].startswith(mult):
            try:
                value, pos = parse(m.group("num")), m.start("mult")  # 2.5千瓦: 千 begins the unit, it multiplies nothing
            except ValueError:  # 百万亿次: a bare 百 is no number of its own
                continue
        between = ""
        if sentence[pos : pos + 1] in ("多", "余"):
            between = sentence[pos]
            pos += 1
            # 2200多亿元, 300余万台: the multiplier comes after the word of "more"
            if not m.group("mult") and (after := _MULT_AFTER_MORE.match(sentence, pos)):
                between += after.group(0)
                value *= parse(after.group(0))
                pos = after.end()
        unit_hit = _unit_at(sentence, pos)
        if m.group("bare") and unit_hit is None:
            continue
        currency = _CURRENCY.search(sentence[max(0, m.start() - 5) : m.start()])
        if unit_hit is None and currency:
            code = lexicon()["currency_prefix"][currency.group(1)]
            comparator, end = _comparator(sentence, m.start() - len(currency.group(0)), m.end(), between)
            found.append(Quantity(value, code, "money", comparator, m.start(), max(end, m.end()), number_text))
            continue
        if (unit_hit is None and m.group("num") and mult in _YI and _money_cue_before(sentence, m.start())
                and not _CLASS_OF_PROJECTS.match(sentence, pos)):
            comparator, end = _comparator(sentence, m.start(), pos, between)  # 总投资约300亿: the yuan is understood
            found.append(Quantity(value, "CNY", "money", comparator, m.start(), max(end, pos), number_text))
            continue
        if unit_hit is None:
            if not m.group("num") or not m.group("num")[0].isdigit():
                continue
            if sentence[pos : pos + 1].isascii() and sentence[pos : pos + 1].isalpha():
                continue  # 39AI, 5G: a number run into a word is part of a name
            if not value.is_integer():  # a count is whole: "a PUE of 1.15" counts nothing
                continue
            if _RANGE_DASH.match(sentence, pos):
                continue  # 机柜(8-22kW): the low end of a range whose unit follows the high end counts nothing
            noun = _count_noun(sentence, pos, m.start())
            if noun is None:
                listed, paired = _respective_en(sentence, m.start())
                noun = paired if listed else _noun_before_en(sentence, m.start(), pos)
            if noun is None or value == 1 or _NOT_A_COUNT_AFTER.match(sentence, pos) or _is_rank_word(sentence, m.start()):
                continue  # 1栋数据中心机楼 is "a building", not a count of one
            comparator, end = _comparator(sentence, m.start(), pos, between)
            found.append(Quantity(value, _count_units().get(noun), "count", comparator, m.start(), end, number_text, noun))
            continue
        surface, unit, unit_end = unit_hit
        if unit["family"] == "percent" and _is_compared(sentence, m.start(), unit_end):
            continue
        if "context_zh" in unit and not any(w in sentence[max(0, m.start() - 6) : unit_end + 6] for w in unit["context_zh"]):
            continue
        per_second = unit["family"] == "compute" and _PER_SECOND.match(sentence, unit_end) is not None
        if (_is_rate(sentence, unit_end) and not per_second) or _RATE_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
            continue  # 10亿亿次/秒 is a speed written with its second: the slash makes no rate of it
        if unit["family"] == "money" and _CLASS_OF_PROJECTS.match(sentence, unit_end):
            continue  # 投资超20亿元项目N个, 亿元以上项目: a class of projects, not an amount
        family = unit["family"]
        if family == "racks" and value <= 1:
            continue  # 单一机柜功率, 1个机柜: "a single rack" describes one, it counts none
        value *= unit["factor"]
        noun = None
        if family == "count":
            # "规划数据中心12个,已建成8个": a measure word without its noun repeats the last one
            # a measure word repeats the last noun only where none follows (…已建成8个。), not in 38个重点城市
            repeats = re.match(r"\s*(?:$|[，,。；;、)）]|以上|左右|多|余)", sentence[unit_end:]) is not None
            # 招引上下游项目31个: a noun of its own right before the number is counted, not the last noun repeated
            if sentence[max(0, m.start() - 4) : m.start()].endswith(tuple(lexicon()["count_window"]["own_nouns_zh"])):
                repeats = False
            noun = _count_noun(sentence, unit_end, m.start()) or (measured.get(surface) if repeats else None)
            if noun is None or value <= 1 or _is_rank_word(sentence, m.start()):
                continue  # 一家企业 is "a firm", 1个数据中心 "a data center": no count of one
            measured[surface] = noun
        comparator, end = _comparator(sentence, m.start(), unit_end, between)
        unit_code = _count_units().get(noun or "", unit.get("unit"))
        found.append(Quantity(value, unit_code, family, comparator, m.start(), max(end, unit_end), number_text, noun))
    for m in _CARD_CLUSTER_ZH.finditer(sentence):
        if not any(q.start <= m.start() < q.end for q in found):
            value = 100000.0 if m.group("ten") else 10000.0
            found.append(Quantity(value, None, "count", "eq", m.start(), m.end(), m.group(0), "gpu_cards"))
    return sorted((q for q in found if not _is_change(sentence, q.start)), key=lambda q: q.start)


_CONVERSION = re.compile(r"\s*[（(]\s*(?:(?:about|around|roughly|approximately|some|nearly|over|more than|约|约合|合|折合)\s*)?"
                         r"(?:US)?\$?\s*", re.I)


def is_conversion(q: Quantity, quantities: list[Quantity], text: str) -> bool:
    """A USD figure in brackets right after a CNY one is a conversion, not a second fact."""
    if q.unit != "USD":
        return False
    for other in quantities:
        if other.unit == "CNY" and other.end <= q.start and _CONVERSION.fullmatch(text[other.end : q.start]):
            return True
    return False
