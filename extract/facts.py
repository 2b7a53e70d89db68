"""Cleaned text → facts: figures attached to the entity they are about, and relations.

The rules read the language of the domain, not any one page: the subject of a figure is
the name the figure sits in, the name its Chinese modifier phrase points to (…的“大连数谷”), or
the nearest preceding infrastructure name that is not a place or an agent in its sentence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cache

from extract.entities import Mention, find_mentions, is_project, phases
from extract.gazetteer import Entity, gazetteer, new_entity, phase_entity, slug
from extract.quantity import RESPECTIVE_EN, VALUE_EN, Quantity, is_conversion
from extract.quantity import find as find_quantities
from extract.quantity import parse as parse_number
from extract.reading import (
    DIRECTION,
    INFRASTRUCTURE,
    NOT_MEASURED,
    OPENING,
    PLACES,
    Fact,
    Passage,
    Sentence,
    cue_regex,
    cue_words,
    cues,
    masked,
    unnamed_thing,
)
from extract.relations import implied_relations, stated_relations, whole_places
from extract.resources import lexicon
from extract.text import Cleaned, split_sentences


# ------------------------------------------------------------------ figure attributes
def _metric(q: Quantity, sentence: Sentence, prev_end: int) -> str | None:
    table = lexicon()["metric"].get(q.family, {})
    if q.family == "count":
        return q.noun
    # a share often names its source late: "70 percent of the power … comes from renewable sources"
    # (an English clause spells it out longer: "70% of the electricity used by X comes from wind and solar")
    reach = (90 if sentence.text.isascii() else 60) if q.family == "percent" else 30
    if q.family == "money" and (bracket := _CONVERSION_BRACKET.match(sentence.text, q.end)) is not None:
        reach += bracket.end() - q.end  # "700 million yuan (about 100 million dollars) in subsidies": the word after the bracket
    window = masked(sentence)[max(0, prev_end) : min(len(sentence.text), q.end + reach)]
    found = [(m.start(), m.end(), metric) for metric in table if metric != "default"
             for m in cue_regex(cue_words(table, metric)).finditer(window)]
    # a cue inside a longer one of another metric is no cue ("tax revenues" is no revenue)
    found = [c for c in found if not any(o[0] <= c[0] and c[1] <= o[1] and o[1] - o[0] > c[1] - c[0] for o in found)]
    # a cue in a later clause names the next figure's metric (绿电占比超65%,上架率达到70%) unless the figure has none of its own
    end = q.end - max(0, prev_end)
    later = [c for c in found if c[0] >= end and re.search(r"[，,；;]", window[end : c[0]])]
    found = [c for c in found if not (c in later and c[2] == "none")]  # 达到500P,可满足算力需求: a word of no metric ends at its clause
    later = [c for c in later if c[2] != "none"]
    if len(later) < len(found):
        found = [c for c in found if c not in later]
    if found:
        nearest = min(found, key=lambda c: abs(c[0] - (q.start - max(0, prev_end))))[2]
        return None if nearest == "none" else nearest
    return table.get("default")


_CONVERSION_BRACKET = re.compile(r"\s*[（(][^()（）]{0,40}?(?:\$|dollars?|USD|美元|港元|euros?)[^()（）]{0,10}[)）]", re.I)


def _status(q: Quantity, sentence: Sentence, *, of_phase: bool = False, prior: tuple[int, ...] = ()) -> str:
    """Status from the cues before the figure; a postfix cue in its own clause wins ("390,000 racks planned").

    A weak actual verb (达到, 建成, reach) does not undo an earlier plan or target in the
    sentence: 力争达到 is a target, 计划…建成 a plan.
    """
    table = lexicon()["status"]
    after = sentence.text[q.end : q.end + 72]
    mixed = cue_regex(tuple(table["mixed_zh"] + table["mixed_en"]))
    if re.match(r"\s*(?:[a-z\-]+\s+){0,5}?(?:" + mixed.pattern + ")", after, re.I):
        return "actual"  # 14 data centers under construction or in operation: what exists
    for name in table["postfix"]:
        if re.match(r"\s*(?:[a-z\-]+\s+){0,5}?(?:" + cue_regex(cue_words(table["postfix"], name)).pattern + ")", after, re.I):
            return name
    if mixed.match(sentence.text, q.end) or re.match(r"\s*[(（]\s*(?:" + mixed.pattern + ")", sentence.text[q.end :], re.I):
        return "actual"  # 27个(建成和在建), 350,000 racks (built and under construction)
    found = cues(masked(sentence, q.start), table)
    # built and being built counted together is what exists: its words count as one actual cue
    spans = [(m.start(), m.end()) for m in mixed.finditer(sentence.text, 0, q.start)]
    found = [c for c in found if not any(a < c[0] <= b for a, b in spans)] + [(b, "actual", "") for _, b in spans]
    found += _design_frames(q, sentence, table["design_frame"])
    # "a planned outlay of 4 billion yuan and room for 9,000 racks": an English word of
    # status before a noun qualifies that noun's figure only, not a figure after it
    found = [c for c in found if not (_ATTRIBUTIVE_EN.fullmatch(c[2]) and _ATTRIBUTIVE_NOUN.match(sentence.text, c[0])
                                      and any(c[0] < e <= q.start and _NEW_NOUN_PHRASE_EN.search(sentence.text, e, q.start)
                                              for e in prior))]
    if of_phase:  # a phase's figure: the word 一期 names what is measured, it says nothing of whether it is built
        found = [c for c in found if not _PHASE_CUE.fullmatch(c[2])]
        if not found:
            return _status_after(q, sentence)
    found.sort()
    if not found:
        return "actual"
    at, name, word = found[-1]
    if name == "actual" and word in table["weak_actual"]:
        # "… kept planning its network, and its capacity reached 9 EFLOPS": a plan in an English clause of its own stays there
        # 规划1万架,目前累计建成3000架: a strong word of what is (目前, 已) after the plan closes it
        earlier = [c for c in found if not (c[1] == "actual" and c[2] in table["weak_actual"])
                   and not _NEW_CLAUSE_EN.search(sentence.text, c[0], at)]
        if earlier:
            return earlier[-1][1]
    return name


_NEW_CLAUSE_EN = re.compile(r"[,;]\s+(?:and|while|but)\s|;")
_NEW_NOUN_PHRASE_EN = re.compile(r"\b(?:and|with|while)\s+(?:the|a|an|its|their)\s", re.I)
_ATTRIBUTIVE_EN = re.compile(r"planned|expected|projected|proposed|budgeted", re.I)
_ATTRIBUTIVE_NOUN = re.compile(r"\s+(?:total\s+)?(?:investment|capacity|output|cost|scale|computing|area|number)\b", re.I)


def _design_frames(q: Quantity, sentence: Sentence, frame: dict) -> list[tuple[int, str, str]]:
    """按照总算力10万P规模设计建设: an opening word of a frame before the figure, closed by a word of design after it,
    is a plan cue where it opens."""
    if not cue_regex(tuple(frame["close"])).search(sentence.text, q.end):
        return []
    return [(m.end(), "planned", m.group(0)) for m in cue_regex(tuple(frame["open"])).finditer(sentence.text, 0, q.start)]


def _kind(q: Quantity, sentence: Sentence, prev_end: int) -> str:
    table = lexicon()["kind"]
    # 10万PFlops@fp16, 30 PFLOPS (FP64): the precision of the arithmetic right after the unit says what kind it is
    tag = re.match(r"\s*(?:flops(?![a-z]))?\s*[@(（]?\s*([a-z]+\d+|半精度|双精度)", sentence.text[q.end : q.end + 16], re.I)
    if tag is not None:
        for name, words in lexicon()["kind_precision"].items():
            if tag.group(1).lower() in words:
                return name
    # "5000P Flops智能算力": the rest of a unit written apart is no word between the figure and its kind
    # 800P(每秒八十亿亿次)AI算力: a bracket that glosses the unit stands between the figure and its kind too
    after = re.sub(r"^\s*(?:flops(?![a-z])\s*)?(?:[(（][^()（）]{1,24}[)）]\s*)?(?:的|of\s+)?", "", sentence.text[q.end : q.end + 64],
                   flags=re.I)
    kinds = ("ai", "hpc", "general", "total", "size")
    for name in kinds:
        m = cue_regex(cue_words(table, name)).match(after)
        if m:
            return "default" if name == "size" else name
    window = masked(sentence, q.start)[max(0, prev_end) :]
    matches = [(m.start(), m.end(), name) for name in kinds for m in cue_regex(cue_words(table, name)).finditer(window)]
    if not matches:
        return "default"
    last = max(matches, key=lambda m: m[1])
    overlapping = [m for m in matches if m[0] < last[1] and m[1] > last[0]]
    kind = min(overlapping, key=lambda m: m[0])[2]
    return "default" if kind == "size" else kind


@cache
def _known_kinds() -> dict[str, str]:
    return {slug(item["en"]): item["kind"] for item in lexicon()["known"] if "kind" in item}


def _kind_of(subject: Entity) -> str:
    """The kind a center's own name gives its computing power when the sentence names none: 智算中心 → AI, 超算中心 → HPC;
    a known computer's kind (天河二号 → HPC)."""
    if subject.reference and subject.key in _known_kinds():
        return _known_kinds()[subject.key]
    if subject.type == "Center":
        table = lexicon()["kind"]
        for name in ("ai", "hpc"):
            if any(re.search(cue_regex(cue_words(table, name)).pattern, label or "", re.I) for label in (subject.zh, subject.en)):
                return name
    return "total"


_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=年|(?!\w|\.\d))")


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_OWN_YEAR = re.compile(r"\s*(?:[A-Za-z]+\s+){0,2}?(?:in|by|as of|at the end of|by the end of)\s+(?:(?:"
                       + _MONTHS + r")[a-z]*\.?\s+)?((?:19|20)\d{2})(?!\d)", re.I)


_FAR_FUTURE = re.compile(r"远期|远景|长远|\bin the long (?:run|term)\b", re.I)


# a year a period starts from (2018年以来, 自2013年…以来, since 2019): the figure is what has come since, not dated then
_SINCE_BEFORE = re.compile(r"(?:自从?|since)\s*(?:(?:" + _MONTHS + r")[a-z]*\.?\s+)?$", re.I)
_SINCE_AFTER = re.compile(r"年?(?:以来|起至今|至今)")


def _time(q: Quantity, sentence: Sentence) -> str | None:
    years = [(m.start(), m.group(1)) for m in _YEAR.finditer(sentence.text) if not (q.start <= m.start() < q.end)
             and not _SINCE_BEFORE.search(sentence.text, max(0, m.start() - 14), m.start())
             and not _SINCE_AFTER.match(sentence.text, m.end())]
    if not years:
        return None
    # "from 8 GW in 2015 to 40 GW by May 2025": a year the figure is stated for right after it is its own
    if (own := _OWN_YEAR.match(sentence.text, q.end)) is not None:
        return own.group(1)
    before = [y for y in years if y[0] < q.start]
    if before:
        # …2025年剑指1万P、远期规划超10万P: a far future named after the year leaves the figure undated
        return None if _FAR_FUTURE.search(sentence.text, before[-1][0], q.start) else before[-1][1]
    same_clause = [y for y in years if not re.search(r"[,，;；]", sentence.text[q.end : y[0]])]
    return same_clause[0][1] if same_clause else None


# ------------------------------------------------------------------ roles and subjects
def _role(sentence: Sentence, index: int, roles: list[str]) -> str:
    """'locative', 'agent' or 'subject' for the index-th mention of the sentence."""
    mention = sentence.mentions[index]
    before = sentence.text[: mention.start - sentence.start]
    role_words = lexicon()["role"]
    stripped = before.rstrip(" “\"「")
    if index > 0 and re.search(r"(、|和|及|与|以及|,? and|, )\s*$", stripped):
        prev = sentence.mentions[index - 1]
        gap = sentence.text[prev.end - sentence.start : mention.start - sentence.start]
        if len(gap) <= 6 and roles[index - 1] != "subject":
            return roles[index - 1]
    place = sentence.mentions[index - 1].entity if index > 0 else None
    if place is not None and place.type in PLACES and roles[index - 1] == "locative" and (
            sentence.mentions[index - 1].end == mention.start
            or (mention.entity is not None and mention.entity.type in PLACES
                and _PLACE_CHAIN_EN.fullmatch(sentence.text, sentence.mentions[index - 1].end - sentence.start,
                                              mention.start - sentence.start))):
        # 位于山东聊城市某某开发区, "in Zhangjiakou's Zhangbei county, Hebei province": the places that locate a name
        # share its role
        return "locative"
    if place is not None and place.type in PLACES | {"Park"} and roles[index - 1] == "locative" and _WHERE_OF.search(
            sentence.text, 0, mention.start - sentence.start) and sentence.text[
            sentence.mentions[index - 1].end - sentence.start : mention.start - sentence.start] == "的":
        return "locative"  # 位于X高新区的Y产业园内: the park of the zone where the thing is said to be is a where as well
    if _reference_point(sentence, mention, stripped):
        return "reference"  # 以X为圆心…建设了14个数据中心, "anchored by X": the landmark the figures are placed around
    if cue_regex(tuple(role_words["agent_zh"])).search(stripped[-1:] or " ") or re.search(r"\bby(?:\s+the)?\s*$", stripped):
        return "agent"
    for word in role_words["locative_zh"]:
        if stripped.endswith(word) and not stripped.endswith(tuple(role_words["not_locative_zh"])):
            return "locative"
    if re.search(r"\b(?:" + "|".join(role_words["locative_en"]) + r")\s+(?:the\s+)?(?:(?:[A-Z][\w'’]*|" + DIRECTION.removesuffix(r"\s+")
                 + r")\s+){0,3}$", before):
        return "locative"  # "in Hebei", "in central China's Hubei Province"
    if _SPEAKER_ZH.search(stripped) and _SPEECH_ZH.match(sentence.text, mention.end - sentence.start):
        return "speaker"  # 据X市大数据局局长介绍: the body a speaker works for is no subject of what is said
    if _titled_speaker().match(sentence.text, mention.end - sentence.start):
        return "speaker"  # X经开区党工委书记王某说:“…”: so is the body named before an official's title and name
    if _SPOKESPERSON_ZH.match(sentence.text, mention.end - sentence.start):
        return "speaker"  # X产业园相关负责人介绍,…: the body a spokesperson speaks for is no subject of what is said
    if (mention.entity is not None and mention.entity.type in PLACES and re.search(r"(?:的|来到|走进|参观|考察|探访)$", stripped)
            and _NAMES_A_SITE_ZH.match(sentence.text, mention.end - sentence.start)
            and not any(m.start < mention.end + 10 and m.start >= mention.end for m in sentence.mentions)):
        return "name_part"  # 杭州数据要素运营中心, no name read: the city only opens the name of the thing the clause is about
    if mention.entity is not None and mention.entity.type in PLACES and _BRACKET_AFTER_SITE.search(stripped) \
            and re.match(r"\s*[)）]", sentence.text[mention.end - sentence.start :]):
        return "name_part"  # 人工智能计算中心(福州): the city in brackets closes the name of a center no name was read for
    if (mention.entity is not None and mention.entity.type in PLACES | {"Park", "Cluster"}
            and (project := _OPENS_A_PROJECT.match(sentence.text, mention.end - sentence.start)) is not None
            and not _SAME_PROJECT.fullmatch(project.group(1)) and not _DESCRIBED_PROJECTS.search(project.group(1))
            and not any(mention.end < m.start < mention.end + project.end() for m in sentence.mentions)):
        return "name_part"  # X新区污水管网改造工程投资3亿元: the place opens the name of a project no name was read for
    if re.search(r"由[^，,。]{0,30}$", stripped) and not re.search(r"由[^，,。]*(的|,)", stripped[-30:]):
        return "agent"
    if index > 0 and _COPULA.search(sentence.text[sentence.mentions[index - 1].end - sentence.start : mention.start - sentence.start]):
        return "complement"
    # X是由A、B联合主导的Y项目: the agents between do not make Y a subject of its own; it says what X is
    back = index - 1
    while back >= 0 and roles[back] == "agent":
        back -= 1
    if 0 <= back < index - 1 and roles[back] == "subject" and _COPULA.search(
            sentence.text[sentence.mentions[back].end - sentence.start : mention.start - sentence.start]):
        return "complement"
    return "subject"


_WHERE_OF = re.compile(r"(?:位于|坐落于|坐落在|地处|选址于?|落户于?)[^，,。；;位坐地选落]{2,16}的$")
# "in Zhangjiakou's Zhangbei county", "in Ulanqab, Inner Mongolia": a place naming where a place lies
_PLACE_CHAIN_EN = re.compile(r"['’]s\s+|,\s+")
# 据呼和浩特市大数据管理局局长介绍, 据X公司负责人表示: a name in the words that say who speaks
_SPEAKER_ZH = re.compile(r"(?:^|[，,。；;])\s*(?:据|根据)[^，,。；;据]{0,4}$")
_SPOKESPERSON_ZH = re.compile(r"\s*的?(?:相关|有关)?(?:负责人|工作人员|发言人|人士)[\u4e00-\u9fff]{0,3}?"
                              r"(?:介绍|表示|说|称|指出|透露|告诉记者)")
_SPEECH_ZH = re.compile(r"[^，,。；;]{0,24}?(?:介绍|表示|透露|称|说|指出|了解)[,，]")
@cache
def _titled_speaker() -> re.Pattern[str]:
    """After a name: an official's title, a person's name and a word of speech (党工委书记王某说:, 总经理李某表示,)."""
    person = lexicon()["person"]
    speech = ("说", "表示", "介绍", "指出", "认为", "称", "透露", "坦言", "告诉", "强调")
    titles = "|".join(sorted((w for w in person["after_zh"] if w not in speech), key=len, reverse=True))
    return re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{titles})[\u4e00-\u9fff]{{2,3}}"
                      rf"(?:{'|'.join(speech)})[:：,，“\"]")


# …启用的杭州数据要素运营中心, 来到某市会展中心: a place opening the name of a site no name was read for, in a noun phrase
_NAMES_A_SITE_ZH = re.compile(r"[^\W\dA-Za-z的是在将已有建为和与及等了造成立开投启动落总共计约达超新]{1,8}?"
                              r"(?:中心|产业园|园区|基地|小镇)(?![\u4e00-\u9fff]{0,2}(?:集群|枢纽))")
# 人工智能计算中心(福州): a place in brackets right after the noun of a site
_BRACKET_AFTER_SITE = re.compile(r"(?:中心|基地|园区|产业园|平台|项目)\s*[(（]$")
# X园区生活配套项目投资, X新区污水管网改造工程投资, X新区算力配套项目(EPC)由…: words and the noun of a project after a place
# or a park, then its money or land, its builder or a bracket: the figures are that project's, whose name the place only opens
_OPENS_A_PROJECT = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:项目|工程)(?:[一二三四五首]期)?[,，]?\s*"
                              r"(?:总投资|计划投资|投资|总占地|占地|用地|总建筑面积|建筑面积|由|[(（])")
# …数据中心集群建设项目, X园区一期项目: words that name the same thing as a project
_SAME_PROJECT = re.compile(r"(?:[一二三四五首]期|建设|新建|续建|扩建|改扩建|整体|总体|核心区|起步区)+")
# 今年新签约算力项目总投资60亿元, 重点项目: words that describe a place's projects as a set, which names none of them
_DESCRIBED_PROJECTS = re.compile(r"今年|去年|年内|本年|全年|新签|签约|签署|开工|在建|落地|引进|重点|重大|入驻|累计|全部|各类|多个|一批|\d")
# "X是Y的…", "X is part of Y": Y completes the statement about X and is not what the clause is about.
_COPULA = re.compile(r"^[^，,；;:：]*?(?:是|(?<![A-Za-z])(?:is|are|was|were)(?![A-Za-z]))[^，,；;:：]*$")


@cache
def _reference_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon()["role"]
    before = "|".join(map(re.escape, words["reference_zh_before"]))
    after = "|".join(map(re.escape, words["reference_zh_after"]))
    zh = "|".join(map(re.escape, words["reference_zh"]))
    en = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words["reference_en"])
    return (re.compile(rf"(?:{before})$"), re.compile(rf"[^，,。；;]{{0,16}}?(?:{after})"),
            re.compile(rf"(?:{zh})$|(?<![A-Za-z])(?:{en})(?:\s+the)?$", re.I))


def _reference_point(sentence: Sentence, mention: Mention, stripped: str) -> bool:
    """Whether `mention` is named as a landmark or a centre the sentence measures from (以X为圆心, 围绕X, "anchored by
    X"), not as a thing the sentence is about."""
    before, after, prefix = _reference_words()
    return bool(prefix.search(stripped) or (
        before.search(stripped) and after.match(sentence.text, mention.end - sentence.start)))


def _roles(sentence: Sentence) -> list[str]:
    roles: list[str] = []
    for i in range(len(sentence.mentions)):
        roles.append(_role(sentence, i, roles))
    for i in range(len(roles) - 2, -1, -1):  # 中卫市西部云基地相关负责人介绍: the place a speaking body is named with
        m, n = sentence.mentions[i], sentence.mentions[i + 1]
        if roles[i + 1] == "speaker" and m.end == n.start and m.entity is not None and m.entity.type in PLACES:
            roles[i] = "speaker"
    return roles


# 用于X, 用於X: what money is spent for
_PURPOSE = re.compile(r"[^，,。；;]{0,6}?用[于於]"
                      r"|(?:\s*\([^)]{0,30}\))?\s+(?:into|in|on)\s+(?:the|a|an|its)\s+(?:[a-z-]+\s+){0,2}?"
                      r"(?:project|construction|building|development)\b", re.I)
_FROM = re.compile(r"(?:从|由|(?<![A-Za-z])from)\s*$", re.I)


def _origin(q: Quantity, sentence: Sentence) -> Entity | None:
    """A latency is the origin's: 从韶关到广州时延1.3毫秒, "from Shaoguan to Guangzhou … and to Shenzhen 1.66 ms"."""
    origins = [m.entity for m in sentence.mentions if m.entity is not None and m.end - sentence.start <= q.start
               and _FROM.search(sentence.text, 0, m.start - sentence.start)]
    return origins[-1] if origins else None


def _too_weak(attachment: str, subject: Entity) -> bool:
    """Attachments that were mostly wrong on real news (bench/realworld): a province named in another role before
    the figure (作为四川省最大的…), a place named after it (where the thing is, "… in Guiyang"), or a document topic
    that is a province, district or park."""
    if attachment == "preceding":
        return subject.type == "Province"
    if attachment == "following":
        return subject.type in PLACES
    return attachment == "topic" and subject.type in ("Province", "District", "Park")


_TIME_LEAD = r"(?:(?:预计|到|截至|截止|至)?\s*(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|年底|年末|上半年|前三季度)?\s*)?"


@cache
def _scope_regex() -> re.Pattern[str]:
    table = lexicon()["scope"]
    parts = []
    for name in table:
        words = cue_regex(cue_words(table, name)).pattern
        # a whole opens its clause (目前,全国…; By 2025, China's …), not 我国首个, 服务全省 inside one
        # …, while the country's total …: a conjunction may open the clause before the whole
        # a time may come first (2024年我国…, 预计2028年全国…, 截至2024年底全省…): the whole still opens the clause
        parts.append(f"(?P<{name}>(?:^|[，,；;：:。])\\s*(?:(?:而|且|while|whereas|and|but)\\s+|而|且)?{_TIME_LEAD}(?:{words}))")
    return re.compile("|".join(parts), re.I)


def _scope(q: Quantity, sentence: Sentence, measured: list[tuple[Mention, str]], whole: dict[str, Entity]) -> tuple[bool, Entity | None]:
    """Whether the nearest subject before the figure is a whole (全国, 全省, the city's), and the entity of that whole."""
    offset = sentence.start
    wholes = set(cue_words(lexicon()["scope"], "Province", "City"))
    last_end = max((m.end - offset for m, _ in measured if m.end - offset <= q.start
                    and sentence.text[m.start - offset : m.end - offset] not in wholes), default=0)
    found = [m for m in _scope_regex().finditer(sentence.text, last_end, q.start)]
    if not found:
        return False, None
    name = found[-1].lastgroup or "country"
    return True, whole.get(name)


# A new area or a zone of a hub spans up to a few thousand km²; a larger area is a province's or a country's land.
_LARGEST_SITE_KM2 = 10_000.0
_SMALLEST_PLACE_KM2 = 1.0
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_WHICH_CLAUSE = re.compile(r"\s*which\b", re.I)  # a relative clause after a comma: about the noun before the comma
_POINTER_OPENING_EN = re.compile(r"\s*(?:The|This|Its)\s+(?:[\w-]+\s+){0,3}[\w-]+")  # "The project", "This new center"
_AS_DESCRIPTION = re.compile(r"作为[^，,；;]*$|(?<![A-Za-z])As\s+(?:a|an|the|one)\b[^,;]*$")
# a figure right before 的 describes the noun after it (一片约3平方公里的岛屿, PUE值1.5以上的数据中心)
_DESCRIBES = re.compile(r"\s*(?:元|美元|港元)?(?:以上|以下|以内|左右|及以上|级|多)?的[“\"「]?")
# "a 300 MW wind facility", "a 10,000-rack data center", "the 5,000-PFLOPS cluster": a figure between an article and
# the noun it qualifies
_ARTICLE_BEFORE_EN = re.compile(r"(?<![A-Za-z])(?:a|an|the|its|their)\s+(?:new\s+|planned\s+|total\s+)?(?:about\s+|some\s+)?[^\s]*$", re.I)
_DESCRIBES_EN = re.compile(r"(?:-[a-z]+)?\s+(?:[a-z-]+\s+){0,2}?(?:facility|plant|farm|station|project|data cent(?:er|re)|"
                           r"computing cent(?:er|re)|cent(?:er|re)|base|park|campus|cluster|complex)s?\b(?!\s+of\b)", re.I)
# 投资8亿元建设本省第一个数据中心, 投资5亿元打造智算中心项目: money followed by the site it builds
_BUILDS_A_SITE = re.compile(r"\s*(?:元|美元)?\s*(?:用于|用来)?(?:建设|建成|打造|新建|兴建|建)[^，,。；;]{0,14}?(?:中心|项目|集群|基地)")
_SITE_NOUN_EN = re.compile(r"cent(?:er|re)|cluster|park|campus|project|base|complex", re.I)
# "BEIJING, Jan 5 (Xinhua) --", 中新网宜昌9月20日电: the place a report is filed from is no subject
_DATELINE = re.compile(r"\s*(?:\d{1,2}月\d{1,2}日电|,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\()")
# "With a total capacity of 126,000 petaflops, Inner Mongolia ranks first": the name after the opening phrase
# "By adding 9,000 cards, Qingyang now leads …": so is the name after a phrase of the means
_WITH_OPENING = re.compile(r"\s*(?:With|Having|By\s+[a-z]+ing)\b")


@cache
def _subject_words() -> dict:
    return lexicon()["subject"]


@cache
def _demonstrative() -> re.Pattern[str]:
    """该节点, 这家企业, this platform: a thing pointed at; not 这一数字, this year (a figure or a time)."""
    words = _subject_words()
    abstract = "|".join(map(re.escape, sorted(words["abstract_nouns"], key=len, reverse=True)))
    zh = "|".join(map(re.escape, words["demonstratives_zh"]))
    en = "|".join(map(re.escape, words["demonstratives_en"]))
    return re.compile(rf"(?<!应)(?:{zh})(?!{abstract})(?=[\u4e00-\u9fffA-Za-z])"
                      rf"|(?<![A-Za-z])(?:{en})\s+(?!(?:{abstract})\b)(?=[a-z])", re.I)


@cache
def _type_nouns() -> dict[str, tuple[str, ...]]:
    """The nouns an anaphor of each type is made of (该中心 → 中心, the project → project)."""
    strip = re.compile(r"^(?:该|这一|这个|this|the)\s*", re.I)
    return {t: tuple(strip.sub("", w).lower() for w in words) for t, words in lexicon()["role"]["anaphora"].items()}


def _points_elsewhere(sentence: Sentence, start: int, end: int, candidate: Entity | None) -> bool:
    """A demonstrative between `start` and `end` (sentence offsets) that no name resolves: the words there are about
    something the reader has not named, so a figure after it is not the candidate's, unless the demonstrative names
    the candidate's kind (this project, 该中心 for a center)."""
    offset = sentence.start
    covered = [(m.start - offset, m.end - offset) for m in sentence.mentions]
    # 该项目, 该基地 after a park or a cluster: the news calls any site a project; a city is none
    same: tuple[str, ...] = ()
    if candidate is not None and candidate.type in INFRASTRUCTURE:
        same = tuple(w for t in INFRASTRUCTURE for w in _type_nouns().get(t, ())) + tuple(_subject_words()["site_nouns"])
    elif candidate is not None:
        same = tuple(_subject_words()["place_nouns"])
    return any(not any(a <= d.start() < b for a, b in covered)
               and not sentence.text[d.end() :].lower().startswith(same or ("\x00",))
               for d in _demonstrative().finditer(sentence.text, start, end))


_WHERE_ZH = re.compile(r"(?:选址|坐落|位于|落户|地处|建于|建在|落地)"
                       r"|(?<![A-Za-z])(?:is|are|was|will be)\s+(?:located|based|built|sited)\s+in\b", re.I)


def _located_after_pointer(sentence: Sentence, best: Mention) -> bool:
    """Whether the clause of `best` opens with a demonstrative no name resolves (该项目, this project) and says where that
    thing is before naming `best`: best is the place the thing stands in, the figures after it are the thing's."""
    offset = sentence.start
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, best.start - offset)), default=0)
    covered = [(m.start - offset, m.end - offset) for m in sentence.mentions]
    for d in _demonstrative().finditer(sentence.text, clause_start, best.start - offset):
        if not any(a <= d.start() < b for a, b in covered) and _WHERE_ZH.search(sentence.text, d.end(), best.start - offset):
            return True
    # 项目选址X区,总投资…: a bare 项目 opening the sentence points at no name, but X is still only where it stands
    bare = _BARE_PROJECT.match(sentence.text)
    return bare is not None and clause_start == 0 and _WHERE_ZH.search(sentence.text, bare.end(), best.start - offset) is not None


_BARE_PROJECT = re.compile(r"\s*(?:项目|工程)")


@cache
def _site_nouns_zh() -> tuple[str, ...]:
    return tuple(w for w in _subject_words()["site_nouns"] if not w.isascii()) + ("中心", "园区", "产业园")


def _measure_noun(text: str) -> bool:
    """Whether the noun after 的 is a measure (…的智算, …的规模), not a site whose name opens with one (…的智算中心)."""
    head = text.lstrip()
    return head.startswith(tuple(_subject_words()["measure_nouns"])) and not re.match(r"[\u4e00-\u9fff]{0,2}中心", head)


def _listed(sentence: Sentence) -> set[int]:
    """Indices of the mentions that are items of an enumeration (A、B、C, A、B等, …以及D): a figure after a list is
    the whole set's or its place's, never one item's."""
    text, offset, ms = sentence.text, sentence.start, sentence.mentions
    items: set[int] = set()
    for i, m in enumerate(ms):
        before = text[: m.start - offset].rstrip(" “”\"「」")
        after = text[m.end - offset :].lstrip(" “”\"「」")
        if before.endswith(("、", "以及")) or after.startswith(("、", "等")):
            items.add(i)
    for i in range(1, len(ms)):  # A、B和C: the last item joined by 和, 及, 与
        gap = text[ms[i - 1].end - offset : ms[i].start - offset].strip(" “”\"「」")
        if i - 1 in items and gap in ("和", "及", "与", "以及", "、"):
            items.add(i)
    return items


@cache
def _hedges() -> frozenset[str]:
    return frozenset(w.lower() for c in lexicon()["comparator"].values() for w in c["zh_before"] + c["en_before"])


def _opens_clause(q: Quantity, sentence: Sentence) -> bool:
    """Whether the figure opens its clause, with at most a hedge before it (More than 500 …, A total of 500 …, 约500家…)."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    lead = OPENING.match(sentence.text, clause_start)
    before = sentence.text[lead.end() if lead else clause_start : q.start].strip().lower()
    for opener in _subject_words()["figure_openers"]:
        before = before.removeprefix(opener).strip()
    return not before or before in _hedges()


def _chain_start(sentence: Sentence, mention: Mention) -> int:
    """Where the run of places ending in `mention` starts ("in Ulanqab, Inner Mongolia": at Ulanqab)."""
    i = sentence.mentions.index(mention)
    while i > 0 and (prev := sentence.mentions[i - 1]).entity is not None and prev.entity.type in PLACES and (
            prev.end == sentence.mentions[i].start
            or _PLACE_CHAIN_EN.fullmatch(sentence.text, prev.end - sentence.start, sentence.mentions[i].start - sentence.start)):
        i -= 1
    return sentence.mentions[i].start


_SITE_EN = re.compile(r"\b(?:cent(?:er|re)s?|clusters?|campus(?:es)?|parks?|bases?|facilit(?:y|ies)|projects?|nodes?|"
                      r"its\s+new|the\s+new)\b", re.IGNORECASE)
_POINTING_ZH = re.compile(r"[该此其]|这[个座里]")


# "这是上海首个…千卡集群,总算力达1000P", "the province's first AI center": the place ranks the thing, it is not measured
_FIRST_OF_PLACE = re.compile(r"(?:市|省|区)?(?:的)?(?:首个|首家|首座|首批|第一个|第一座|第一家|最大的?|唯一的?|最早的?)"
                             r"|(?:['’]s)?\s+(?:first|largest|biggest|only)\b", re.IGNORECASE)


# a clause that opens with the scale it states and no subject of its own (and the computing scale reached, 算力规模达)
_SCALE_CLAUSE = re.compile(r"\s*(?:(?:and|while)\s+)?(?:the\s+|its\s+)?(?:[a-z-]+\s+){0,2}(?:scale|capacity|computing power)\b"
                           r"|\s*(?:其|并且?|且)?(?:对外)?(?:(?:智能算力|智算|通用算力|总算力|算力)(?:总)?规模|(?:机架|机柜)(?:总)?(?:数|规模))",
                           re.I)


_THE_FIRM_EN = re.compile(r"(?:^|[,;:])\s*(?:[A-Za-z ]{0,24},\s*)?(?:the|its)\s+(?:company|operator|firm|group|carrier|telco)\s+"
                         r"(?:aims|plans|expects|hopes|intends|wants|has|had|will|is|was|now|also|further)\b", re.I)


def _firm_capacity(q: Quantity, sentence: Sentence, roles: list[str], page_firm: Entity | None = None) -> Entity | None:
    """A firm's own computing power or racks (中国电信算力总规模达3.8EFLOPS, "China Mobile aims to raise its capacity to 17
    Eflops"): the firm opens the figure's clause and the sentence names no site, place or other thing it could be of."""
    offset = sentence.start
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    firms = [m for m, r in zip(sentence.mentions, roles, strict=True) if m.entity is not None
             and m.entity.type == "Company" and r == "subject" and clause_start <= m.start - offset < q.start]
    if not firms:
        # "an executive noted that China Unicom kept planning …, and its AI capacity reached 9 EFLOPS": one firm the
        # sentence speaks of before the figure, in a sentence naming nothing else, is whose scale a later clause gives
        before = [m for m, r in zip(sentence.mentions, roles, strict=True) if m.entity is not None
                  and m.entity.type == "Company" and r == "subject" and m.start - offset < q.start]
        if len({m.entity.key for m in before if m.entity is not None}) == 1 and _SCALE_CLAUSE.match(sentence.text, clause_start):
            firms = before[:1]
    others = [m for m in sentence.mentions if m.entity is not None and m.entity.type not in NOT_MEASURED]
    text = sentence.text
    if (not firms and page_firm is not None and not sentence.mentions
            and (the := _THE_FIRM_EN.search(text, 0, q.start)) is not None and the.end() >= clause_start):
        # "Through this, the company aims to raise its capacity to 9 Eflops": the one firm the page is about
        firms = [Mention(sentence.start + the.start(), sentence.start + the.end(), page_firm)]
    if len(firms) != 1 or others or any(w in text for w in _site_nouns_zh()) or _SITE_EN.search(text) \
            or _POINTING_ZH.search(text):
        return None
    return firms[0].entity


def _subject(q: Quantity, sentence: Sentence, roles: list[str], topic: Entity | None,
             whole: dict[str, Entity] | None = None, carried: Entity | None = None,
             page_firm: Entity | None = None) -> tuple[Entity | None, str]:
    """What the figure is about, and how that was found (the fact's `attachment`), strongest first:
    in_name (万P智算中心), modifier (…的X), scope (a whole: 全省, 全国 — the province or city the document is about,
    or nothing), clause_subject, preceding (a name before it in another role), following (a name after it),
    carried (no name in the sentence: what the sentence before was about, by a pronoun 其/its or in the same
    paragraph), topic (the document's topic).

    Nothing (None) when the figure describes an unnamed noun (…的岛屿), sums a list (A、B、C等…总投资), or follows a
    demonstrative no name resolves (该节点可提供…): the subject is uncertain and the figure is left out.
    """
    offset = sentence.start
    listed = _listed(sentence)
    head_types: tuple[str, ...] | None = None  # the types the noun a figure describes can be (…的智算中心: a center)
    measured = [(m, r) for m, r in zip(sentence.mentions, roles, strict=True)
                if m.entity is not None and m.entity.type not in NOT_MEASURED and r not in ("speaker", "name_part", "reference")
                and not _DATELINE.match(sentence.text, m.end - offset)]
    for m, _ in measured:
        if m.start - offset <= q.start < m.end - offset:
            return m.entity, "in_name"
    whole_set = next((m for m in _SET_TOTAL.finditer(sentence.text, 0, q.start)
                      if not _ONE_OF_SET.search(sentence.text, max(0, m.start() - 16), m.start())
                      and not sentence.text.startswith("之一", m.end())), None)
    if whole_set is not None and not any(whole_set.end() <= m.start - offset < q.start for m, _ in measured):
        # 10个集群标准机架总量超146万架,整体上架率62.72%; "the ten national clusters have 1.5 million racks": the set's
        return None, "set"
    # racks counted by their noun (对外机架数达53.4万) are racks as much as those with their unit (53.4万架)
    if (q.family in ("compute", "racks") or q.noun == "rack_count") and (topic is None or topic.type not in INFRASTRUCTURE) \
            and (firm := _firm_capacity(q, sentence, roles, page_firm)) is not None:
        return firm, "clause_subject"  # on a page about a built thing, a firm's figure may be that thing's: left to the rest
    after = sentence.text[q.end :]
    if (mod := re.match(r"[^，,。；;]{0,24}?的[“\"「]?", after)) is not None:
        target = q.end + mod.end() + offset
        for m, _ in measured:
            if m.start == target:
                return m.entity, "modifier"
    if (mod := _DESCRIBES.match(after)) is not None and not _measure_noun(after[mod.end() :]):
        # the noun after 的 is what the figure describes: a name within it (投资93亿元的X超大规模算力中心项目(以下简称
        # X算力中心)); a site the article is about (投资50亿元的数据中心项目), unless a bound makes it a class (PUE值1.5
        # 以上的数据中心); else nothing (一片约3平方公里的岛屿)
        head = q.end + mod.end()
        phrase_end = next((b.start() for b in _CLAUSE_BREAK.finditer(sentence.text, head)), len(sentence.text))
        named = [m for m, r in measured if head <= m.start - offset < phrase_end and r == "subject"]
        if named:
            return named[0].entity, "modifier"
        bound = re.match(r"\s*(?:以上|以下|以内|及以上)", after) is not None
        site = any(w in sentence.text[head : min(phrase_end, head + 10)] for w in _site_nouns_zh())
        if bound or not site:
            return None, "modifier"
        head_types = _described_types(sentence.text[head : min(phrase_end, head + 10)])
    if (_ARTICLE_BEFORE_EN.search(sentence.text, max(0, q.start - 12), q.start)
            and (noun := _DESCRIBES_EN.match(sentence.text, q.end)) is not None):
        # "a 300 MW wind facility", "a 10,000-rack data center": the figure says what kind of thing it is; it is that
        # thing's only when the noun phrase names it
        named = [m for m, _ in measured if q.end <= m.start - offset < noun.end() + 40
                 and not _CLAUSE_BREAK.search(sentence.text, q.end, m.start - offset)
                 and re.fullmatch(r"[\s(,]*(?:called|named|known as|dubbed)?[\s\"“]*", sentence.text[noun.end() : m.start - offset])]
        if named:
            return named[0].entity, "modifier"
        if not _SITE_NOUN_EN.search(noun.group(0)):
            return None, "modifier"
        # "a new 20 billion yuan intelligent computing center": the site the page is about, as 投资50亿元的智算中心 is
        head_types = _described_types("中心" if re.search(r"cent(?:er|re)", noun.group(0), re.I) else
                                      "集群" if re.search(r"cluster", noun.group(0), re.I) else
                                      "园" if re.search(r"park|campus", noun.group(0), re.I) else "")
    if q.family == "money" and (purpose := _PURPOSE.match(sentence.text, q.end)) is not None:
        # 募资10亿元用于X项目, 投入2亿元用於Y: money spent for a thing named after it is that thing's, whoever spends it
        clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(sentence.text, purpose.end())), len(sentence.text))
        named = [m for m, _ in measured if purpose.end() <= m.start - offset < clause_end]
        if named:
            return named[0].entity, "purpose"
        if sentence.text.isascii() or not re.search(r"用[于於]", purpose.group(0)):
            return None, "purpose"  # "the city poured 9 billion yuan into a project for …": an unnamed project's
    if _generic(sentence.text, q.start) or _HYPOTHETICAL_EN.search(sentence.text, 0, q.start) and _ENABLES_EN.match(sentence.text, q.end):
        return None, "generic"
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    if _WHICH_CLAUSE.match(sentence.text, clause_start):
        # "… plans like the X project, which would host a million chips", "a 2,500 PF cluster, which has kept
        # 80% utilization": the clause is about the noun right before its comma, named or not
        before = sentence.text[: clause_start - 1].rstrip(" \"”’)")
        antecedent = [(m, r) for m, r in measured if m.end - offset == len(before)]
        at_place = any(r == "locative" and m.entity is not None and m.entity.type in PLACES for m, r in antecedent)
        if antecedent and not at_place:
            return antecedent[0][0].entity, "clause_subject"
        # "a center in X county, Hebei province, which offers …": the place says where the thing before it is; left
        # to the rest
        if not antecedent and not _POINTER_OPENING_EN.fullmatch(before):
            return None, "which"  # "The project, which covers 760 acres": the sentence opens on what it points back to
    is_whole, entity = _scope(q, sentence, measured, whole or {})
    if is_whole:
        return entity, "scope"
    preceding = [(m, r) for m, r in measured if m.end - offset <= q.start
                 and not (m.entity is not None and m.entity.type in PLACES
                          and _FIRST_OF_PLACE.match(sentence.text, m.end - offset))]
    # "作为X的重要构成,Y…": X describes Y and is no subject while another name is there, or the sentence continues
    # the one before (X一期封顶。作为四川省最大的…,总投资约40亿元)
    described = [(m, r) for m, r in preceding if _AS_DESCRIPTION.search(sentence.text, 0, m.start - offset)]
    if len(described) < len(preceding) or carried is not None:
        preceding = [item for item in preceding if item not in described]
    # a name opening the figure's own clause is what the clause is about (…建设X集群,Y市已位列第15位)
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    own = [(m, r) for m, r in preceding if m.start - offset >= clause_start and r == "subject"]
    if own:
        preceding = own
    elif any(r == "name_part" and clause_start <= m.start - offset < q.start for m, r in zip(sentence.mentions, roles, strict=True)):
        return None, "name_part"  # 长沙市开工…,其中智算中心(长沙)项目总投资9亿元: the clause is about a thing named in words only
    if q.noun == "enterprise_count":  # 吸引A、B等20家企业: the firms listed are what is counted, not what counts them
        preceding = [(m, r) for m, r in preceding if sentence.mentions.index(m) not in listed]
    if not preceding and any(r == "reference" and m.end - offset <= q.start for m, r in zip(sentence.mentions, roles, strict=True)):
        return None, "reference"  # 以X为圆心,规划建设了14个数据中心: built around X, by someone the sentence does not name
    if not preceding and any(r in ("speaker", "name_part") and m.end - offset <= q.start
                             for m, r in zip(sentence.mentions, roles, strict=True)):
        # what a city's official says may be the city's or the zone the page is about; a site named after its city is
        # not the city: left out
        return None, "speaker"
    if preceding:
        def score(item: tuple[Mention, str]) -> tuple[int, int]:
            m, r = item
            assert m.entity is not None
            return (2 * (m.entity.type in INFRASTRUCTURE) + (r == "subject"), m.start)

        best, role = max(preceding, key=score)
        if role == "complement" and any(r == "subject" and m.entity is not None and m.entity.type in NOT_MEASURED
                                        and m.end <= best.start
                                        for m, r in zip(sentence.mentions, roles, strict=True)):
            return None, "complement"  # 星际之门是…的美国数据中心项目,计划投资…: the scheme's, which no figure is kept for
        if (q.family == "money" and best.entity is not None and best.entity.type in PLACES | {"Park"}
                and (built := _BUILDS_A_SITE.match(sentence.text, q.end)) is not None):
            # X市投资20亿元建设Y集群, X开发区投资8亿元建设本省第一个数据中心: the money of what it builds, if named
            building = [m for m, _ in measured if q.end <= m.start - offset < built.end()]
            return (building[0].entity, "purpose") if building else (None, "purpose")
        if head_types is not None and best.entity is not None and best.entity.type not in head_types:
            return None, "modifier"  # X市开工投资50亿元的数据中心项目, "X, marked by a new ¥9 billion center": the site's
        if (best.entity is not None and best.entity.type in PLACES
                and _FACILITY_IN.search(sentence.text, 0, _chain_start(sentence, best) - offset)):
            return None, "unnamed"  # "China Mobile's data center in Qingyang has …": an unnamed site's figure, not the city's
        if role == "locative" and best.entity is not None and best.entity.type in PLACES and _unnamed_facility_en(q, sentence):
            return None, "unnamed"  # "opened its first AI data center in Zhongwei, … 100% renewable": the center's
        if (role == "locative" and carried is not None and best.entity is not None and best.entity.type in PLACES
                and best.start - offset < clause_start):
            if unnamed_thing(sentence, q.start):
                return None, "unnamed"  # 在X市,人工智能计算中心与超算中心…服务300家企业: unnamed things are what it is about
            return carried, "carried"  # 其优势:依托X县的气候条件,PUE值低至1.2: X is where, what the sentence goes on about is it
        if sentence.mentions.index(best) in listed:
            # 园区已入驻A、B等项目,合计投资超80亿元: the sum of what a place or a site holds is that container's
            first_item = min(i for i in listed if sentence.mentions[i].start <= best.start)
            holders = [m for m, r in preceding if r == "subject" and sentence.mentions.index(m) < first_item
                       and sentence.mentions.index(m) not in listed and m.end - offset <= clause_start]
            return (holders[0].entity, "container") if holders else (None, "list")
        if _points_elsewhere(sentence, best.end - offset, q.start, best.entity):
            return None, "demonstrative"
        if _located_after_pointer(sentence, best):
            return None, "demonstrative"  # 该项目选址位于X园区内,总投资…: the project pointed at is measured, not where it is
        if (role == "locative" and best.entity is not None and best.entity.type == "Park"
                and _WHERE_ZH.search(sentence.text, max(0, best.start - offset - 4), best.start - offset)):
            return None, "unnamed"  # 某数据中心落户X园区,总投资…: what settles in the park is measured, named or not
        if (role == "locative" and best.entity is not None and best.entity.type in PLACES
                and any(r == "subject" and m.entity is not None and m.entity.type in ("Company", "Organization")
                        and clause_start <= m.start - offset < best.start - offset
                        for m, r in zip(sentence.mentions, roles, strict=True))):
            return None, "firm"  # 亚马逊将在中卫总投资15亿美元: the firm's outlay there, not the city's own sum
        if (best.entity is not None and best.entity.type in PLACES | {"Park", "Cluster"}
                and _ONE_OF_ITS.match(sentence.text, best.end - offset)):
            return None, "container"  # 这是园区另一个总投资110亿元的项目: one of the park's projects, no sum of the park
        return best.entity, "clause_subject" if role == "subject" else "preceding"
    # a name after the figure says where or what only in the figure's own clause: across a comma it begins another
    # statement (A拟以50亿元投建总部,B拟投资4亿元…,C募资用于X项目: X is none of the first figures')
    following = [(m, r) for m, r in measured if m.start - offset >= q.end
                 and (_WITH_OPENING.match(sentence.text) or not _CLAUSE_BREAK.search(sentence.text, q.end, m.start - offset))]
    if following:
        first, first_role = following[0]
        if sentence.mentions.index(first) in listed:
            return None, "list"
        if _WITH_OPENING.match(sentence.text) and re.search(r"[,，–—-]\s*(?:the\s+)?$", sentence.text[: first.start - offset]):
            return first.entity, "clause_subject"
        if first.entity is not None and first.entity.type in PLACES:
            if (first.entity.type == "Province" and _REACH_BEFORE_EN.search(sentence.text, 0, q.start)
                    and re.fullmatch(r"\s+(?:in|across)\s+(?:the\s+)?", sentence.text[q.end : first.start - offset])):
                return first.entity, "scope"  # "racks … are expected to reach 720,000 in Ningxia": the province's count
            if _opens_clause(q, sentence):
                # "More than 500 digital enterprises have settled in Qingyang", 500余家企业落户庆阳: the figure is what
                # the clause is about, the place where it stands is what it counts for
                return first.entity, "clause_subject"
            if carried is None:
                return first.entity, "following"  # where the thing is: too weak, left out
        elif first_role != "locative" or carried is None:
            return first.entity, "following"  # …落户X园区: where the thing is, when the sentence before says what
    if any(m.entity is not None and m.entity.type == "Initiative" and clause_start <= m.start - offset < q.start
           for m in sentence.mentions):
        return None, "initiative"  # "the total computing power of the East Data West Computing project": the scheme's sum
    if _points_elsewhere(sentence, 0, q.start, carried or topic):
        return None, "demonstrative"
    fallback = carried or topic
    if head_types is not None and fallback is not None and fallback.type not in head_types:
        return None, "modifier"  # 投资50亿元的智算中心 on a page about a hub: some center's, not the hub's
    if unnamed_thing(sentence, q.start) or (
            fallback is not None and fallback.type in PLACES and _unnamed_facility_en(q, sentence, anywhere=True)):
        return None, "unnamed"
    if q.noun != "enterprise_count" and any(
            m.entity is not None and m.entity.type in ("Company", "Organization") and r == "subject"
            and clause_start <= m.start - offset < q.start for m, r in zip(sentence.mentions, roles, strict=True)):
        # 中国移动今年投资300亿元…, "the firm has invested 2 billion yuan": a firm opening the figure's clause with no
        # site named is the firm's own sum (its capex, its centers), not the sentence before's or the page's site
        return None, "firm"
    if fallback is not None and fallback.type in INFRASTRUCTURE and _UNNAMED_WHOLE.search(sentence.text, 0, q.start):
        # "By 2024 the country had 8.1 million racks", "The province aims to reach …", 当地政府计划投资…: a whole or a
        # government the sentence speaks of, unnamed, not the site the sentence before or the page is about
        return None, "unnamed"
    if carried is not None:
        return carried, "carried"
    if topic is not None and topic.type in PLACES and any(
            m.entity is not None and m.entity.type == "Company" and r == "subject" and m.start - offset < q.start
            for m, r in zip(sentence.mentions, roles, strict=True)):
        # "China Mobile had built 21 data centers" on a page placed in a city, with no other name in the sentence: the
        # firm's or one of its sites', not the city's
        return None, "firm"
    here = [(m, r) for m, r in zip(sentence.mentions, roles, strict=True) if m.entity is not None and m.entity.key == topic.key] \
        if topic is not None else []
    if here and not (topic is not None and topic.type == "City" and any(
            r == "subject" and not _DATELINE.match(sentence.text, m.end - offset) for m, r in here)):
        return None, "topic"  # the topic is named here only where the report comes from: it is not the subject
    # (a city the page is about, named later in the sentence as what it speaks of, 从42P到2600P…昆明算力规模仍偏小, is)
    if topic is not None and any(m.entity is not None and m.entity.type in INFRASTRUCTURE and m.entity.key != topic.key
                                 for m in sentence.mentions):
        # "…300 petaFLOPS," said the manager of the X center: the sentence names another facility than the page's
        # topic, so the figure may be that one's; left out rather than guessed
        return None, "another"
    return topic, "topic"


# a whole or a government opening a clause, unnamed: "By 2024, the country had …", "Nationally, …", 当地政府计划…
_UNNAMED_WHOLE = re.compile(r"(?:^|[,，;；:：])\s*"
                            r"(?:(?:by|in|at|as of|since|last|this|so far|currently|now|meanwhile|also)\b[^,，]{0,30}[,，]\s*)?"
                            r"(?:(?:the|its)\s+(?:country|nation|province|region|local\s+government|government|authorities)\b(?!['’])"
                            r"|(?:nationwide|nationally|across\s+the\s+(?:country|nation|province|region))\b"
                            r"|(?:目前|今年|去年|同时|此外|据悉|据了解)?[,，]?(?:当地|地方|省|市|区|县)政府)", re.I)
_FACILITY_EN = re.compile(r"\b(?:data|computing|supercomputing|AI)\s+cent(?:er|re)\b|\bfacility\b|\bsupercomputer\b", re.I)


def _unnamed_facility_en(q: Quantity, sentence: Sentence, *, anywhere: bool = False) -> bool:
    """Whether an English sentence speaks of a facility it does not name, before the figure or `anywhere` ("opens first
    AI data center powered by 100% green power", "The facility … a PUE of 1.15"): the figure is that facility's, not
    the city's the page is about."""
    offset = sentence.start
    return any(not any(m.start - offset <= f.start() < m.end - offset and m.entity is not None for m in sentence.mentions)
               for f in _FACILITY_EN.finditer(sentence.text, 0, len(sentence.text) if anywhere else q.start))


# "A capacity of 8,000 petaflops would let one train …": any capacity of that size and what it can do, no one's figure
_HYPOTHETICAL_EN = re.compile(r"(?:^|[.;:])\s*An?\s+(?!total\b|combined\b)(?:[a-z-]+\s+){0,3}of\s+(?:about\s+|around\s+)?$")
_ENABLES_EN = re.compile(r"[^,;.]{0,24}?\b(?:allows?|means|enables?|can|could|would|is enough|equals)\b", re.I)


@cache
def _generic_opener() -> re.Pattern[str]:
    words = cue_regex(tuple(_subject_words()["generic_openers"])).pattern
    # a word of contrast or time may open the clause first (而传统数据中心…, 目前行业平均…, "while traditional data centers …")
    return re.compile(rf"\s*(?:而|但|但是|目前|当前|通常|一般|相比之下[,，]?|while|whereas|but|by contrast,?)?\s*"
                      rf"(?:如|例如|比如|譬如|e\.g\.,?|for example,?)?\s*(?:{words})", re.I)


@cache
def _indefinite_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _subject_words()["indefinite_before"])
    return re.compile(rf"(?<![A-Za-z])(?:{words})\s*$", re.I)


def _generic(text: str, q_start: int) -> bool:
    """Whether the figure's clause, or the bracket it stands in, opens with one unit of a kind (单台价格约100万元,
    一台中等规模的智算中心建设成本约20亿元), or the figure follows a word of an unstated number (若干3000机架的数据中心): a
    figure about any such unit, no named thing's."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, q_start)), default=0)
    bracket = max(text.rfind("(", 0, q_start), text.rfind("（", 0, q_start))
    starts = [clause_start]
    if bracket >= 0 and not re.search(r"[)）]", text[bracket:q_start]):
        starts.append(bracket + 1)
    # 若干3000机架的数据中心, "several 100-MW data centers": the size of each of an unstated number of things
    return any(_generic_opener().match(text, s) for s in starts) or bool(_indefinite_before().search(text, 0, q_start))


# ------------------------------------------------------------------ relations
_BULLET = re.compile(r"\s*(?:[-–•·●▪■◆*]\s|[①-⑩]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、](?!\d))")
_PRONOUN_START = re.compile(r"\s*(?:其(?![中他余实次])|它的|(?:its|their)(?![A-Za-z]))", re.I)


# ------------------------------------------------------------------ the stage
def _topics(mentions: list[Mention]) -> tuple[Entity | None, dict[str, Entity]]:
    counts: Counter[str] = Counter(m.entity.key for m in mentions if m.entity is not None)
    first: dict[str, Entity] = {}
    for m in mentions:
        if m.entity is not None:
            first.setdefault(m.entity.key, m.entity)
    # most mentioned first; between equals, the fuller name (a headline shortens it)
    ranked = sorted(counts, key=lambda k: (-counts[k], -len(first[k].en)))
    by_type: dict[str, Entity] = {}
    for key in ranked:
        by_type.setdefault(first[key].type, first[key])
    # a known computer named once is met in passing (a ranking, a comparison): no topic of the page's figures
    topic = next((first[k] for k in ranked if first[k].type in INFRASTRUCTURE
                  and not (counts[k] == 1 and k in _known_kinds())), None)
    if topic is None:
        topic = next((first[k] for k in ranked if first[k].type in PLACES), None)
    return topic, by_type


_PAGE_FIRM_MENTIONS = 3  # a firm named this often, and more than twice as often as any other firm, is the page's firm


def _page_firm(mentions: list[Mention], counts: Counter[str]) -> Entity | None:
    """The one firm a page is about ("the company" points at it): named at least three times, more than twice as often
    as any other firm, on a page that names no built thing."""
    firms = {m.entity.key: m.entity for m in mentions if m.entity is not None and m.entity.type == "Company"}
    if any(m.entity is not None and m.entity.type in INFRASTRUCTURE for m in mentions) or not firms:
        return None
    ranked = sorted(firms, key=lambda k: -counts[k])
    top = counts[ranked[0]]
    rival = counts[ranked[1]] if len(ranked) > 1 else 0
    return firms[ranked[0]] if top >= _PAGE_FIRM_MENTIONS and top > 2 * rival else None


def _figure_topic(mentions: list[Mention], topic: Entity | None) -> Entity | None:
    """The topic a figure with no name near it may fall back on: only one the document names more often than any
    other thing of its rank (built things, else places). A page naming two centers equally often is about both, and
    a figure there with no name of its own is as likely the other's (on real news most such figures were)."""
    if topic is None:
        return None
    rank = INFRASTRUCTURE if topic.type in INFRASTRUCTURE else PLACES
    counts: Counter[str] = Counter(m.entity.key for m in mentions if m.entity is not None and m.entity.type in rank)
    rival = max((n for key, n in counts.items() if key != topic.key), default=0)
    if counts[topic.key] > rival and topic.type != "Park":
        return topic
    if topic.type == "Park":
        rival = max(rival, counts[topic.key])  # a park is too weak a topic for figures: a city named far more is it
    if rank is INFRASTRUCTURE:
        # no one built thing leads: a page naming a city far more often than anything else is about that city
        places: Counter[str] = Counter(m.entity.key for m in mentions if m.entity is not None and m.entity.type in PLACES)
        ranked = places.most_common(2)
        first = next((m.entity for m in mentions if m.entity is not None and ranked and m.entity.key == ranked[0][0]), None)
        if (first is not None and first.type == "City" and ranked[0][1] >= _CITY_TOPIC_MENTIONS
                and ranked[0][1] >= 2 * max(rival, ranked[1][1] if len(ranked) > 1 else 0)):
            return first
        if topic.type == "Park" and counts[topic.key] > max((n for key, n in counts.items() if key != topic.key), default=0):
            return topic  # no city leads: the park stays (its figures are weighed as before)
    return None


_CITY_TOPIC_MENTIONS = 5  # a city named this often, and twice as often as any other thing, is what the page is about
_SET_TOTAL = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|大)\s*(?:国家)?(?:算力)?(?:数据中心)?(?:集群|枢纽|枢纽节点)"
                        r"[^，,；;]{0,12}?(?:总量|总规模|合计|总计|整体|共计|总数)"
                        r"|\b(?:the\s+)?(?:ten|eight|10|8)\s+(?:national\s+)?(?:data\s+cent(?:er|re)\s+)?(?:clusters|hubs)\b"
                        r"(?:\s+(?:together|combined|in total|altogether))?", re.I)
_ONE_OF_SET = re.compile(r"(?:\bone of|\bamong|是|为|作为)\s*(?:the\s+)?(?:top\s+)?$", re.I)  # a member said of the set
_COUNTED_SET_BEFORE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|大)\s*(?:国家)?(?:算力)?(?:数据中心)?$")
_COMPUTE_CLUSTER_BEFORE = re.compile(r"(?:卡|卡级|算力|智算|计算|训练|推理|GPU|AI)$")
_PROJECT_TYPES = ("Center", "Park")  # what "the project" refers back to
_ANAPHOR_REACH = 3  # sentences back (the one of the anaphor and the two before it) where its antecedent is looked for


def _resolve_anaphora(mentions: list[Mention], by_type: dict[str, Entity],
                      sentences: list[tuple[int, int]] | None = None, folded: str | None = None) -> list[Mention]:
    """该中心, the project, 园区: the thing of that type named last in the last few sentences; with none there, the
    document's most named one."""
    out = []
    starts = [a for a, _ in sentences or []]
    first_named: dict[str, int] = {}
    for n in mentions:
        if n.entity is not None and not n.anaphor:
            first_named.setdefault(n.entity.key, n.start)
    for m in mentions:
        if not m.anaphor:
            out.append(m)
            continue
        if m.anaphor == "Cluster" and folded is not None and _COMPUTE_CLUSTER_BEFORE.search(folded, max(0, m.start - 6), m.start):
            continue  # 7个万卡集群, 智算集群: a cluster of chips, no data center cluster
        if m.anaphor in ("Cluster", "Hub") and folded is not None and _COUNTED_SET_BEFORE.search(folded, max(0, m.start - 10), m.start):
            continue  # 10个集群标准机架总量…, 八大枢纽: a counted set of them, none of its members
        if m.anaphor == "Park" and folded is not None and re.search(r"[一二三四五首]期$", folded[max(0, m.start - 2) : m.start]):
            continue  # 一期园区: a project's first phase, the word its phase is written with, no park named before
        types = _PROJECT_TYPES if m.anaphor == "Project" else (m.anaphor,)  # 该项目: a center or a park, not a zone
        # 该项目 points back: a site first named after it in its own sentence is no antecedent (该项目选址位于X园区内: the
        # park is where the project is, not the project); "the city of X" names its city after it, as an apposition
        entity = next((by_type[t] for t in types if t in by_type and (m.anaphor != "Project" or (
            is_project(by_type[t]) and not _named_later_here(first_named.get(by_type[t].key, 0), m.start, starts)))), None)
        if starts:
            here = bisect_right(starts, m.start) - 1
            since = starts[max(0, here - _ANAPHOR_REACH + 1)]
            near = [n.entity for n in mentions
                    if n.entity is not None and n.entity.type in types and since <= n.start < m.start
                    and (m.anaphor != "Project" or is_project(n.entity))]
            if m.anaphor == "Park":  # 园区: a park built there over the zone it belongs to (X产业园作为Y开发区的核心区域)
                near = [e for e in near if is_project(e)] or near
            entity = near[-1] if near else entity  # the one named last: "…旁边,是在建的X。…该项目" is X
        if entity is not None:
            out.append(Mention(m.start, m.end, entity, anaphor=entity.type, source="anaphor"))
    return out


def _named_later_here(named: int, at: int, starts: list[int]) -> bool:
    """Whether a thing first named at `named` is named after `at`, in the sentence of `at` (sentence starts `starts`)."""
    return named > at and (not starts or bisect_right(starts, named) == bisect_right(starts, at))


@cache
def _equals() -> re.Pattern[str]:
    """An equality word a few characters after a figure (1P算力相当于…, 1 PF is equal to …)."""
    # a precision tag may stand between the unit and the equality word: 1 PFlops@fp16约等于…
    # "A 1 EFLOPS computing system can complete …": in English the noun of the unit may stand in between
    # 1P,即每秒完成…: a comma may stand before the word that spells the unit out
    return re.compile(r"(?:\s*@?\s*(?:fp|int|bf)\d{1,2}(?!\d))?(?:[^，,。；;:：()（）\d]{0,10}?|[A-Za-z\s-]{0,24}?)[,，]?\s*(?:"
                      + cue_regex(cue_words(lexicon(), "unit_definition")).pattern + ")", re.I)


_RESTATED = re.compile(r"(?:\s*(?:[（(,，、]|\bor\b|即|约合|合|折合))+\s*(?:about|around|roughly|约|或)?\s*$", re.I)


def _is_restatement(q: Quantity, quantities: list[Quantity], text: str) -> bool:
    """"80.5 mu, or 5.37 hectares", 1760亩(约117公顷): the same figure again in another unit, no second fact."""
    return any(other.end <= q.start and other.unit == q.unit and other.family == q.family and other.value
               and abs(other.value - q.value) <= 0.02 * abs(other.value) and _RESTATED.match(text[other.end : q.start])
               for other in quantities)


_FROM_ZH = re.compile(r"(?:从|由)([^，,。；;从由]{0,12})$")
_TO_ZH = re.compile(r"[^，,。；;]{0,6}?(?:增加|增长|提升|提高|扩大|上升|跃升|攀升|升|增|扩容|发展)(?:到|至)")
_FROM_EN = re.compile(r"\b(?:rose|rise|rising|grew|grow|growing|increased|increase|increasing|climbed|jumped|expanded|up|surged"
                      r"|raise|raised|raising|boost|boosted|boosting|lift|lifted|expand|expanding)"
                      r"\s+(?:[a-z]+\s+){0,4}?from\s+(?:about\s+|around\s+)?$", re.I)
_TO_EN = re.compile(r"[^,;.]{0,40}?\bto\s", re.I)


def _a_starting_value(q: Quantity, quantities: list[Quantity], text: str) -> bool:
    """从5000P增加到1.2万P, "rose from 5,000 racks to 12,000": the figure a change starts from is a past value. It is no
    fact unless a year of its own dates it (由2022年的3万架增至5万架, 从去年底的5000P…: a year said as 去年 too), else it
    would read as the value now. A change still to come starts from the value now: see `_start_of_a_coming_change`."""
    if not any(other.start > q.end and other.family == q.family for other in quantities):
        return False
    if _start_of_a_coming_change(q, text):
        return False
    zh = _FROM_ZH.search(text, 0, q.start)
    if zh is not None and _TO_ZH.match(text, q.end):
        return _YEAR.search(zh.group(1)) is None and _RELATIVE_YEAR.search(zh.group(1)) is None
    if _FROM_EN.search(text, 0, q.start) and _TO_EN.match(text, q.end):
        return _OWN_YEAR.match(text, q.end) is None and _RELATIVE_YEAR_EN.match(text, q.end) is None
    # "raise its capacity from 8 to 9 Eflops and its AI capacity from 10 to 17 Eflops": a second change the same verb makes
    if (second := _AND_FROM_EN.search(text, 0, q.start)) is not None and _TO_EN.match(text, q.end) and any(
            other.end <= second.start() and other.family == q.family and _a_starting_value(other, quantities, text)
            for other in quantities):
        return _OWN_YEAR.match(text, q.end) is None
    return False


_AND_FROM_EN = re.compile(r"\band\s+(?:its|their|the)\s+(?:[a-z-]+\s+){0,3}from\s+(?:about\s+|around\s+)?$", re.I)
_RELATIVE_YEAR = re.compile(r"去年|上年|前年|上一年")
_THIS_YEAR = re.compile(r"今年|本年度|年内|\bthis year\b", re.I)
_RELATIVE_YEAR_EN = re.compile(r"\s*(?:[A-Za-z]+\s+){0,2}?(?:at the end of |by the end of |in )?(?:last|the previous) year\b", re.I)
# a change the text aims at or plans (计划从…提升至…, "aims to raise … from 8 to 9"): the clause before its "from"
_COMING_CHANGE = re.compile(r"(?:将|计划|拟|力争|目标|争取|\b(?:aims?|aiming|plans?|planning|seeks?|intends?|expects?|targets?)\s+to\b"
                            r"|\bwill\b)[^，,。；;.]{0,40}$", re.I)


def _years_back(q: Quantity, quantities: list[Quantity], text: str) -> int:
    """How many years before the page a change's start is dated by a relative year (从去年底的A增加到B: 1; 前年: 2;
    "from A at the end of last year"); 0 when it is not such a start."""
    if not any(other.start > q.end and other.family == q.family for other in quantities):
        return 0
    zh = _FROM_ZH.search(text, 0, q.start)
    if zh is not None and _TO_ZH.match(text, q.end) and (hit := _RELATIVE_YEAR.search(zh.group(1))) is not None:
        return 2 if hit.group(0) == "前年" else 1
    if _FROM_EN.search(text, 0, q.start) and _TO_EN.match(text, q.end) and _RELATIVE_YEAR_EN.match(text, q.end):
        return 1
    return 0


def _start_of_a_coming_change(q: Quantity, text: str) -> bool:
    """计划将算力从8000P提升至9000P, "aims to increase its capacity from 8 to 9 Eflops": a change still to come starts
    from what there is now, so its first figure is the value now."""
    zh = _FROM_ZH.search(text, 0, q.start)
    if zh is not None and _TO_ZH.match(text, q.end):
        return _COMING_CHANGE.search(text, 0, zh.start()) is not None
    if not _TO_EN.match(text, q.end):
        return False
    if (en := _FROM_EN.search(text, 0, q.start)) is not None:
        return _COMING_CHANGE.search(text, 0, en.start()) is not None
    # "… from 8 to 9 Eflops and its AI capacity from 10 to 17 Eflops": the second change is as much to come as the first
    if (second := _AND_FROM_EN.search(text, 0, q.start)) is not None:
        froms = [m.end() for m in re.finditer(r"\bfrom\s", text[: second.start()], re.I)]
        first = _FROM_EN.search(text, 0, froms[-1]) if froms else None
        return first is not None and _COMING_CHANGE.search(text, 0, first.start()) is not None
    return False


_POTENTIAL = re.compile(r"待开发|可开发|未开发|尚未开发|可开采|蕴藏|理论储量|资源量|资源总量|技术可开发"
                        r"|\b(?:untapped|undeveloped|exploitable|potential)\b", re.I)


def _potential(q: Quantity, text: str) -> bool:
    """尚有2000万千瓦待开发的风光资源, "30 GW of untapped wind resources": what nature offers is no installed capacity."""
    start = max([q.start - 8, *(text.rfind(c, 0, q.start) + 1 for c in "，,。；;")])
    end = min([q.end + 24, *(i for i in (text.find(c, q.end) for c in "，,。；;") if i >= 0)])
    return _POTENTIAL.search(text, start, end) is not None


# "、占比", ", accounting for": the share the figure before holds in its whole
_SHARE_OF_IT = re.compile(r"\s*(?:千瓦|兆瓦|[A-Za-z]+)?\s*[、，,]\s*(?:占比|占|占总装机的?|accounting for|or)\s*"
                          r"(?:达到?|为|约|超过|超|近|逾|about|over|nearly|more than)?\s*", re.I)
_SUBSET_ZH = re.compile(r"\s*其中")
_SUBSET_EN = re.compile(r"\b(?:including|of which|of them|among them|among which)\s+(?:[a-z]+\s+){0,2}$", re.I)


def _a_subset(q: Quantity, sentence: Sentence, totals: list[tuple[Quantity, str]], metric: str, before: set[str]) -> bool:
    """Whether the figure counts a part of a whole just stated: its clause opens with 其中 ("including", "of which") after
    a figure of the same metric, or its sentence opens with 其中 after a sentence with a figure of its kind (`before`:
    the families of the last sentence's figures). Given to the whole's subject, the part would read as its total
    (19个数据中心,其中超大型17个). A name of the part's own between the opener and the figure (其中X投资30亿元) makes
    it that name's, so the figure stays."""
    text, offset = sentence.text, sentence.start
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, q.start)), default=0)
    opener = _SUBSET_ZH.match(text, clause_start) or _SUBSET_EN.search(text, clause_start, q.start)
    whole_before = any(m == metric and p.end <= q.start for p, m in totals)
    if opener is None or not whole_before:
        opener = _SUBSET_ZH.match(text)
        if opener is None or q.family not in before:
            return False
    return not any(m.entity is not None and m.entity.type not in NOT_MEASURED and opener.end() <= m.start - offset < q.start
                   for m in sentence.mentions)


# the label of a numbered part of a project: 标段1, 第二标段, 3号楼, 2#机房, A区, B2栋, 5号地块
_PART_LABEL = re.compile(r"(?:其中)?\s*(?:第?[一二三四五六七八九十\d]+标段|标段\s*[一二三四五六七八九十\d]+|[A-Z]?\d+\s*[#号]\s*"
                         r"(?:楼|机楼|机房|厂房|数据机房|地块)|[A-Z]\d*\s*(?:区|栋|地块)(?![\u4e00-\u9fff]{0,3}(?:集群|枢纽)))")


def _of_a_labelled_part(q: Quantity, sentence: Sentence) -> bool:
    """Whether the figure's clause opens with the label of a numbered part (标段1, 3号楼, A区) no name was read for:
    the figure is that part's, and given to the project it would read as the whole's."""
    text, offset = sentence.text, sentence.start
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, q.start)), default=0)
    label = _PART_LABEL.match(text, clause_start + len(text[clause_start:]) - len(text[clause_start:].lstrip()))
    return label is not None and label.end() <= q.start and not any(
        clause_start <= m.start - offset < q.start for m in sentence.mentions)


def _a_part_of(q: Quantity, text: str, totals: list[tuple[Quantity, str]], metric: str) -> bool:
    """Whether the figure stands in a bracket opened right after a figure of the same metric and unit: a breakdown of
    that total (4000万千瓦(风电2500万千瓦、光伏1500万千瓦), "12,000 racks (8,000 built, 4,000 planned)") whose parts,
    with no kind to tell them apart, would read as totals of their own. A kind tells computing power apart, so the
    caller keeps those."""
    bracket = max(text.rfind("(", 0, q.start), text.rfind("（", 0, q.start))
    if bracket < 0 or re.search(r"[)）]", text[bracket:q.start]):
        return False
    return any(m == metric and p.family == q.family and p.unit == q.unit and p.end <= bracket
               and not text[p.end : bracket].strip() for p, m in totals)


_PER_SECOND_GLOSS = re.compile(r"[（(]\s*(?:即|相当于|约)?\s*每秒(?:钟)?(?:可|能)?(?:执行|完成|进行|运算|计算)?\s*(?:约)?\s*$")


def _unit_definitions(quantities: list[Quantity], text: str) -> set[int]:
    """A round figure that explains a unit ("1E等于1000P", "1 PF is equal to 1,000 TF") and the figure it equals: no facts."""
    out: set[int] = set()
    for i, q in enumerate(quantities):
        try:
            number = parse_number(q.text)
        except ValueError:
            continue
        if _PER_SECOND_GLOSS.search(text, max(0, q.start - 12), q.start):
            out.add(i)  # 1.7万PFLOPS(每秒执行1千万亿次浮点运算): a bracket spelling out the unit per second
            continue
        if re.match(r"\s*/\s*秒", text[q.end :]):
            continue  # 最高运算速度达10亿亿次/秒——相当于…: a speed stated with its second, whatever it is then likened to
        m = _equals().match(text, q.end)
        if number > 0 and math.log10(number).is_integer() and m is not None:
            out.add(i)
            out.update(j for j, other in enumerate(quantities) if m.end() <= other.start <= m.end() + 6)
    return out


_CJK = re.compile(r"[\u3400-\u9fff]")


def read_facts(cleaned: Cleaned) -> list[Fact]:
    """Every figure and relation stated in a cleaned document, deduplicated."""
    return read_document(cleaned)[0]


def read_document(cleaned: Cleaned) -> tuple[list[Fact], list[Passage]]:
    """Every figure and relation stated in a cleaned document, deduplicated, and its sentences that name something
    the reading resolved (by name or by a word pointing back at it), for answers no fact holds."""
    folded, original = cleaned.folded, cleaned.text
    sentences = split_sentences(folded)
    raw_mentions = find_mentions(folded, sentences)
    topic, by_type = _topics(raw_mentions)
    figure_topic = _figure_topic(raw_mentions, topic)
    if figure_topic is not None and not figure_topic.reference and any(
            m.entity is not None and m.entity.key == figure_topic.key and _NATION_BEFORE.search(folded[max(0, m.start - 4) : m.start])
            for m in raw_mentions):
        figure_topic = None  # a headline on 我国在用算力中心…: the country's whole, no topic of the figures
    city_fallback = figure_topic is not None and topic is not None and topic.type in INFRASTRUCTURE and figure_topic.type == "City"
    mentions = phases(folded, sentences, _resolve_anaphora(raw_mentions, by_type, sentences, folded), topic)
    facts: list[Fact] = []
    passages: list[Passage] = []
    gaz = gazetteer()
    doc_keys = {m.entity.key for m in mentions if m.entity is not None}
    first_sentence: dict[str, tuple[int, int]] = {}
    explicit_location: set[str] = set()
    pub_year = cleaned.published.year if cleaned.published else None
    named_at: dict[str, int] = {}  # where each thing is first named (not pointed at)
    for m in raw_mentions:
        if m.entity is not None and not m.anaphor:
            named_at.setdefault(m.entity.key, m.start)
    named_count = Counter(m.entity.key for m in raw_mentions if m.entity is not None and not m.anaphor)
    page_firm = _page_firm(raw_mentions, named_count)
    built_at = {key: at for key, at in named_at.items()
                if any(m.entity is not None and m.entity.key == key and m.entity.type in INFRASTRUCTURE for m in raw_mentions)}

    phase_parent = {m.entity.key: m.part_of for m in mentions if m.entity is not None and m.part_of is not None}
    previous: Entity | None = None  # the last thing built or run named in the sentence before
    infrastructure: list[Entity] = []  # the things built or run the sentence before names
    opened: Entity | None = None  # the thing built or run the sentence before opens with (its subject)
    said: Entity | None = None  # what the sentence before was about (its first subject)
    lead: Entity | None = None  # what the line introducing a list (ending in a colon) is about
    last_end = 0
    last_families: set[str] = set()  # the families of the figures of the sentence before
    for start, end in sentences:
        sentence = Sentence(start, end, folded[start:end], tuple(m for m in mentions if start <= m.start < end))
        evidence = original[start:end].strip()
        named_here = tuple({m.entity.key: m.entity for m in sentence.mentions if m.entity is not None}.values())
        if named_here and evidence:
            lang = "en" if not _CJK.search(evidence) else "zh-Hant" if original[start:end] != folded[start:end] else "zh-Hans"
            passages.append(Passage(start, end, evidence, lang, named_here))
        # "…the Liangjiang Supercomputing Center; its 1,000 petaflops …": a pronoun continues the last sentence;
        # so does a sentence with no subject of its own in the same paragraph (X一期正式封顶。作为…,总投资约40亿元)
        if _PRONOUN_START.match(sentence.text):
            carried = said or previous  # "X, part of the Y hub, has …. Its share …": its is X, the subject
        elif _BULLET.match(sentence.text):
            carried = lead  # "X的优势:\n- 气候:PUE值低至1.2": each item of a list goes on about what its lead line names
        else:
            carried = said if said is not None and said.type in INFRASTRUCTURE and "\n" not in folded[last_end:start] else None
            lead = None
        # a sentence cut at a semicolon goes on with the subject of the part before it (P编制了…;推动与A达成协议)
        joined = said if re.search(r"[；;]\s*$", folded[:start]) and "\n" not in folded[last_end:start] else None
        # the one thing built the sentence before names, in the same paragraph (运营方A…: A runs it)
        only_before = previous if len({e.key for e in infrastructure}) == 1 and "\n" not in folded[last_end:start] else None
        last_end = end
        infrastructure = [m.entity for m in sentence.mentions if m.entity is not None and m.entity.type in INFRASTRUCTURE]
        previous = infrastructure[-1] if infrastructure else None
        for m in sentence.mentions:
            if m.entity is not None:
                first_sentence.setdefault(m.entity.key, (start, end))
        roles = _roles(sentence)
        said = _sentence_subject(sentence, roles)
        if re.search(r"[:：]\s*$", sentence.text):
            lead = said
        batch = _batch().search(sentence.text)
        quantities = find_quantities(sentence.text)
        quantities += _ranks_and_pue(sentence.text)
        quantities.sort(key=lambda q: q.start)
        prev_end = 0
        measured: tuple[int, str, str | None, str] | None = None  # the last figure's end, family, unit and metric
        definitions = _unit_definitions(quantities, sentence.text)
        totals: list[tuple[Quantity, str]] = []  # the figures read so far in the sentence, with their metric
        respective = _respective(quantities, sentence.text)
        list_kind: str | None = None  # the kind the first figure of a respective list gives the others
        starting: tuple[str, str] | None = None  # the family and kind of a change's starting figure just read
        for i, q in enumerate(quantities):
            if is_conversion(q, quantities, sentence.text) or i in definitions or _is_restatement(q, quantities, sentence.text):
                continue
            metric = q.noun if q.family in ("rank", "pue") else _metric(q, sentence, prev_end)
            # 绿电占比超65%,未来将达90%, "from 8 GW in 2015 to over 40 GW": a figure right after another of its kind,
            # with no word of its own and only a time and an aim between, goes on measuring the same thing
            if (metric is None and measured is not None and measured[1:3] == (q.family, q.unit)
                    and q.start - measured[0] <= 20 and _only_time_and_aim(sentence.text[measured[0] : q.start])):
                metric = measured[3]
            if (metric is None and q.family == "percent" and measured is not None and measured[3] == "clean_energy_capacity"
                    and _SHARE_OF_IT.fullmatch(sentence.text, measured[0], q.start)):
                metric = "renewable_share"  # 清洁能源装机5100万千瓦、占比九成三: the share of that capacity in the whole
            place = respective.get(i)
            if place is not None and q.family not in ("count", "rank", "pue"):
                items = [v[3] for v in respective.values() if v[2] == place[2]]
                named = [_metric_of_item(q, item) for item in items if item is not None]
                if len(named) == len(items) and any(named):
                    # 上架率和绿电占比分别达85%、60%: the utilisation is no share of green power
                    own = _metric_of_item(q, place[3] or "")
                    metric = own if own not in (None, "none") else None
                    if metric is not None and named.count(metric) > 1 and not _names_the_whole(place[3] or "", items):
                        metric = None  # 清洁能源装机占比与新能源装机占比分别为…: the share of new energy is a part of the clean one
            measured = (q.end, q.family, q.unit, metric) if metric is not None else None
            if metric is not None and _a_starting_value(q, quantities, sentence.text):
                continue  # 从去年底的5000P增加到1.2万P: a past value; the figure after it still measures the same thing
            if metric is not None and metric != "computing_power" and _a_part_of(q, sentence.text, totals, metric):
                continue  # 装机4000万千瓦(风电2500万千瓦、光伏1500万千瓦): the parts of a total in brackets, no totals
            if metric is not None and metric != "computing_power" and _a_subset(q, sentence, totals, metric, last_families):
                continue  # 已落地19个数据中心,其中超大型17个; "47 data centers, including 25 large ones": a part, no total
            if metric is not None and _of_a_labelled_part(q, sentence):
                continue  # 其中标段1(…)投资估算25亿元, 3号楼建筑面积…: a numbered part's figure, no figure of the whole
            if metric is not None:
                totals.append((q, metric))
            if q.family == "count" and (_counts_listed_things(q, sentence)
                                        or re.match(r"[^，,。；;]{0,14}之一", sentence.text[q.end :])
                                        or re.search(r"\b(?:one of|among|included in) the\s+$|\bone of\s+$",
                                                     sentence.text[: q.start], re.I)):
                metric = None  # 10个国家数据中心集群之一, "among the 10 national clusters" count the set, not the subject
            if q.family == "count" and _at_an_event(q, sentence.text):
                metric = None  # 210 enterprises attended the expo: the event's visitors, no count of the place
            if q.unit in _FOREIGN_MONEY:
                metric = None  # 238亿港元: read so it is not taken for yuan; the ontology keeps yuan and dollars only
            if metric == "clean_energy_capacity" and _potential(q, sentence.text):
                metric = None  # 待开发的风光资源: resources in the ground, not capacity built
            if metric == "area" and q.value > _LARGEST_SITE_KM2:
                metric = None  # 960万平方公里: the land of a province or a country is geography, no site's footprint
            if _ATTRIBUTE_AFTER_ONE.search(sentence.text, max(0, q.start - 6), q.start):
                metric = None  # 首个100%清洁能源数据中心: the figure says what kind of thing it is, no amount
            if metric is None:
                prev_end = q.end
                continue
            subject, attachment = _subject(q, sentence, roles, figure_topic, by_type, carried, page_firm)
            if place is not None and subject is not None:
                subject, attachment = _respective_subject(sentence, place, subject, attachment)
            if metric == "latency" and (origin := _origin(q, sentence)) is not None:
                subject, attachment = origin, "origin"
            if (attachment == "topic" and subject is not None and named_at.get(subject.key, 0) >= end
                    and (any(at < end and other != subject.key for other, at in built_at.items())
                         or named_count[subject.key] < 2)):
                # a lead may give the topic's figures before naming it, but once another thing built was named,
                # a figure before the topic's name is as likely that thing's: left out; so is one before a topic the page
                # names once only, at its end (…超讯通信募资用于X项目等): a thing met in passing is no topic of the lead
                subject = None
            if attachment == "topic" and subject is not None and city_fallback and q.family == "count":
                subject = None  # a count with no name on a page about a city counts some site's parts as often as the city's
            if subject is not None and (_too_weak(attachment, subject) or _sums_others(q, sentence, subject, attachment, batch)
                                        or _sums_projects(q, sentence, subject, attachment)
                                        or _of_a_counted_set(q, sentence, attachment)
                                        or _each_of_a_list(q, sentence, attachment)):
                subject = None  # precision first: a guess is left out
            if (subject is not None and metric == "datacenter_count" and subject.type == "Center"
                    and attachment not in ("in_name", "modifier", "clause_subject")):
                subject = None  # "the two centers are …": a count of centers is no figure of the one a page is about
            if subject is not None and _national(sentence, subject):
                subject = None  # 我国在用数据中心机架…: the country's whole, read as if it were a center's name
            if metric == "area" and subject is not None and subject.type in PLACES and q.value < _SMALLEST_PLACE_KM2:
                subject = None  # 292亩, 1.5万平米厂房: a footprint under a square kilometre is some site's, not a city's
            if subject is None:
                prev_end = q.end
                continue
            phase = _bare_phase(q, sentence) if subject.type in _PHASE_PARENTS and attachment != "in_name" else None
            if phase is not None:
                # 400P的三期项目, 二期40P已建设: a figure of a phase no name was read for is that phase's, not the whole's
                # (after a sentence about 一期, the phase's project is the parent)
                parent = phase_parent.get(subject.key, subject)
                subject, attachment = phase_entity(parent, phase), "phase"
                facts.append(Fact(subject, "part_of", None, None, parent, "eq", "actual", None, None, evidence, start, end))
            if phase is None and subject.key in phase_parent and _JOINED_PHASES.search(
                    sentence.text, max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0), q.start):
                subject, attachment = phase_parent[subject.key], "phases"  # 一期和二期共计8000个机架: the project's sum
            # a phase's figure: the word 一期 names what is measured, it says nothing of whether it is built
            # a phase's own entity (X一期, "X Phase II") is part of its project; a cluster is part of a hub and no phase
            of_phase = phase is not None or attachment == "phases" or bool(_PHASE_NAME.search(subject.zh or subject.en or ""))
            status = _status(q, sentence, of_phase=of_phase, prior=tuple(p.end for p in quantities if p.end <= q.start))
            if _start_of_a_coming_change(q, sentence.text) and any(
                    other.start > q.end and other.family == q.family for other in quantities):
                status = "actual"  # "aims to raise it from 8 to 9 EFLOPS": 8 is what there is now
            time = place[4] if place is not None and place[4] else _time(q, sentence)
            if back := _years_back(q, quantities, sentence.text):
                if pub_year is None:
                    prev_end = q.end
                    continue  # 从去年底的3000P增加到…: a past value no date of the page can date, not the value now
                time = str(pub_year - back)
            if time is None and pub_year is not None and _THIS_YEAR.search(sentence.text, max(
                    (m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0), q.start):
                time = str(pub_year)  # 今年内建成投入1000P: the year of the page
            if status == "actual" and time and pub_year and int(time) > pub_year:
                status = "planned"  # a figure for a year still to come, with no word of aim: what is planned
            kind = _kind(q, sentence, prev_end) if metric == "computing_power" else None
            if kind == "default" and place is not None and place[0] > 0 and list_kind is not None:
                kind = list_kind  # 智算算力分别达到10万P和30万P: the second figure is of the same kind
            if kind == "default":
                kind = _kind_of(subject)
            if place is not None and place[0] == 0:
                list_kind = kind
            if kind is not None and starting is not None and starting[0] == q.family and kind in ("default", "total"):
                kind = starting[1]  # "its AI capacity from 10 to 17 Eflops": the figure a change reaches is of the kind it starts from
            starting = (q.family, kind) if kind is not None and _start_of_a_coming_change(q, sentence.text) else None
            value = round(q.value, 6)
            facts.append(Fact(subject, metric, value, q.unit, None, q.comparator, status, time, kind, evidence,
                              start, end, attachment))
            prev_end = q.end
        last_families = {q.family for q in quantities}
        carried, opened = opened, _opening_subject(sentence, roles)
        for s, metric, o in stated_relations(sentence, roles, by_type, carried, joined=joined, named_before=only_before):
            if metric == "located_in":
                explicit_location.add(s.key)
            facts.append(Fact(s, metric, None, None, o, "eq", "actual", None, None, evidence, start, end))

    for m in mentions:  # X一期 is part of X
        if m.part_of is not None and m.entity is not None:
            start, end = first_sentence.get(m.entity.key) or next(
                ((a, b) for a, b in sentences if a <= m.start < b), (m.start, m.end))
            # a project met only through its phase is stated in the phase's sentence
            first_sentence.setdefault(m.entity.key, (start, end))
            first_sentence.setdefault(m.part_of.key, (start, end))
            facts.append(Fact(m.entity, "part_of", None, None, m.part_of, "eq", "actual", None, None,
                              original[start:end].strip(), start, end))
    for key, branch in {m.entity.key: m.entity for m in mentions if m.entity is not None and m.part_of is None}.items():
        host = _branch_parent(branch)
        if host is not None and key in first_sentence:  # 某某中心某某大学分中心 is a branch of 某某中心
            start, end = first_sentence[key]
            facts.append(Fact(branch, "part_of", None, None, host, "eq", "actual", None, None,
                              original[start:end].strip(), start, end, "branch"))
    stated = {f.subject.key for f in facts} | {f.object.key for f in facts if f.object is not None}
    # a phase's place and operator are its project's: the implied relations read the project, not the phase
    projects = [Mention(m.start, m.end, m.part_of) if m.part_of is not None else m for m in mentions]
    facts += implied_relations(projects, doc_keys, explicit_location, stated, first_sentence, original, gaz, folded)
    return _dedupe(whole_places(_own_kind_totals(facts))), passages


def _branch_parent(entity: Entity) -> Entity | None:
    """The center a branch is named on (国家超算某地中心某某大学分中心 → 国家超算某地中心): a center of its own, in its own
    place, run by its own host; part of its parent as a branch, not as a phase (its place and runner stay its own)."""
    zh = entity.zh or ""
    suffixes = tuple(lexicon()["name"]["branch_suffixes"])
    if entity.type != "Center" or not zh.endswith(suffixes):
        return None
    m = re.match(r"(.{2,}?中心)(.{2,})$", zh[: -len(next(s for s in suffixes if zh.endswith(s)))])
    if m is None or m.group(2).endswith("中心"):
        return None
    key = gazetteer().zh_surfaces.get(m.group(1))
    return gazetteer().entities[key] if key else new_entity(m.group(1), "Center")


def _own_kind_totals(facts: list[Fact]) -> list[Fact]:
    """A word of total (总规模, 总算力, total capacity) on a center whose name gives its kind (武昌智算中心建设总规模100P,
    an AI supercomputing centre's total capacity) is the whole of that kind of power, unless the page also gives the center
    power of another kind (100P智能算力和4P高性能算力 … 总规模300P): then the total sums the kinds."""
    kinds: dict[str, set[str]] = {}
    for f in facts:
        if f.metric == "computing_power" and f.kind is not None:
            kinds.setdefault(f.subject.key, set()).add(f.kind)
    out = []
    for f in facts:
        if f.metric == "computing_power" and f.kind == "total" and f.subject.type == "Center":
            own = _kind_of(f.subject)
            if own != "total" and kinds[f.subject.key] <= {"total", own}:
                f = replace(f, kind=own)
        out.append(f)
    return out




_RESPECTIVE_ZH = re.compile(r"分别\s*(?:要|将|已|可|均)?\s*(?:达到|达|为|是|占|超过|超|突破|提升至|增至|增长至|有|约为)?"
                            r"\s*(?:约|近|超)?\s*$")
_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|以及|,?\s*and|,|，)\s*")
_ITEM_SPLIT = re.compile(r"、|以及|和|及|与|,\s*(?:and\s+)?|\s+and\s+", re.I)
_YEAR_LIST = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:底|末|初)?(?:\s*(?:和|、|及|与|以及|and|,)\s*(?:the\s+end\s+of\s+)?"
                        r"(?:19|20)\d{2}\s*年?\s*(?:底|末|初)?)+")
Place = tuple[int, int, int, str | None, str | None]


def _national(sentence: Sentence, subject: Entity) -> bool:
    """A name read right after 我国 / 全国 (我国在用算力中心…) is the country's whole of that kind, no center of its own."""
    return any(m.entity is not None and m.entity.key == subject.key and not m.entity.reference
               and _NATION_BEFORE.search(sentence.text[: m.start - sentence.start]) for m in sentence.mentions)


_NATION_BEFORE = re.compile(r"(?:我国|全国|中国)(?:在|的|现有)?\s*$")


def _at_an_event(q: Quantity, text: str) -> bool:
    window = lexicon()["count_window"]
    after = text[q.end : q.end + 30]
    return bool(cue_regex(tuple(window["event_after_en"])).search(after) or any(w in after[:12] for w in window["event_after_zh"]))


def _respective(quantities: list[Quantity], text: str) -> dict[int, Place]:
    """A、B分别达x、y / "reach x and y, respectively": the figures of such a list go one to each thing listed before.

    For each figure of the list: its place k, the list's length n, where the things listed end, the thing in place k
    (when the list before has as many items) and the year in place k (到2025年底和2026年底…分别达到…)."""
    runs: list[tuple[list[int], int, bool]] = []  # (the figures' places in the list, where the list's head ends, Chinese)
    starts = {q.start: i for i, q in enumerate(quantities)}
    for lm in RESPECTIVE_EN.finditer(text):  # English: the values may be bare numbers no unit makes a figure of
        values = [lm.start() + v.start() for v in re.finditer(VALUE_EN, lm.group(0), re.I)]
        runs.append(([starts.get(v, -1) for v in values], lm.start(), False))
    i = 0
    while i < len(quantities) - 1:
        run = [i]
        while run[-1] + 1 < len(quantities) and _LIST_JOIN.fullmatch(text[quantities[run[-1]].end : quantities[run[-1] + 1].start]):
            run.append(run[-1] + 1)
        if len(run) > 1 and (opener := _RESPECTIVE_ZH.search(text, 0, quantities[run[0]].start)) is not None:
            runs.append((run, opener.start(), True))
        elif len(run) > 1 and re.match(r",?\s*respectively\b", text[quantities[run[-1]].end :], re.I):
            runs.append((run, quantities[run[0]].start, False))  # "800 PFLOPS and 1,200 PFLOPS, respectively"
        i = run[-1] + 1
    out: dict[int, Place] = {}
    for run, head_end, zh in runs:
        clause = max((b.end() for b in re.finditer(r"[，,；;。:：]" if zh else r"[;:]", text[:head_end])), default=0)
        items = [p for p in _ITEM_SPLIT.split(text[clause:head_end]) if p.strip()]
        if not zh:
            items = items[-len(run) :]
        years = next((re.findall(r"(?:19|20)\d{2}", y.group(0)) for y in _YEAR_LIST.finditer(text, 0, head_end)), [])
        for k, j in enumerate(run):
            if j >= 0:
                out[j] = (k, len(run), head_end, items[k] if len(items) == len(run) else None,
                          years[k] if len(years) == len(run) else None)
    return out


def _respective_subject(sentence: Sentence, place: Place, subject: Entity, attachment: str) -> tuple[Entity | None, str]:
    """A和B分别达x、y: with as many things named in the clause before the list as figures, each figure is its own thing's;
    with two or more named and another count, no figure is sure of its subject."""
    offset = sentence.start
    clause = max((b.end() for b in re.finditer(r"[，,；;。]", sentence.text[: place[2]])), default=0)
    named: list[Entity] = []
    for m in sentence.mentions:
        if (m.entity is not None and m.entity.type not in NOT_MEASURED and clause <= m.start - offset
                and m.end - offset <= place[2] and all(e.key != m.entity.key for e in named)):
            named.append(m.entity)
    if len(named) < 2:
        return subject, attachment
    return (named[place[0]], "respective") if len(named) == place[1] else (None, "respective")


_PHASE_PARENTS = ("Center", "Park", "Cluster")
_JOINED_PHASES = re.compile(r"[一二三四五首]期(?:项目|工程)?\s*(?:和|及|与|、|加|加上|以及)\s*[一二三四五]期")
_PHASE_NOUN_AFTER = re.compile(r"\s*的?第?([一二三四五])期(?:项目|工程|系统|建设)?")
_PHASE_NOUN_BEFORE = re.compile(r"(?:^|[，,；;。])\s*(?:其中|同时|此外|与此同时)?[,，]?\s*第?([一二三四五])期(?:项目|工程)?"
                                r"[^，,。；;\d期]{0,8}$")


def _bare_phase(q: Quantity, sentence: Sentence) -> int | None:
    """The number of a phase written with no name (300P的三期项目, 二期60P, 一期投资5亿元) the figure measures, unless a
    mention already covers the phase word (then the reader found its name)."""
    text, offset = sentence.text, sentence.start
    after = _PHASE_NOUN_AFTER.match(text, q.end)
    hit, at = (after, after.start(1)) if after is not None else (None, -1)
    if hit is None and (before := _PHASE_NOUN_BEFORE.search(text, 0, q.start)) is not None:
        hit, at = before, before.start(1)
    if hit is None or any(m.start - offset <= at < m.end - offset for m in sentence.mentions):
        return None
    return "一二三四五".index(hit.group(1)) + 1


_PHASE_CUE = re.compile(r"[一二三四五首]期|first phase")
# the name of a phase's own entity: X一期, "X Phase II", "X Stage 1"
_PHASE_NAME = re.compile(r"[一二三四五首]期|\b(?:phase|stage)\s+(?:[ivx]+|\d+|one|two|three)\b", re.I)


def _status_after(q: Quantity, sentence: Sentence) -> str:
    """A phase's figure with no word of status before it takes one after it: of its own clause, a plan or a build over
    a bare 已 (二期40P也已经开工建设: under construction); else the first of the sentence (400P的三期项目,预计投资20亿元:
    planned); with no word of status at all, a plan, as the phase word alone said before (首期投资约30亿元: what an
    announced project is to cost; taking it for what exists would overstate what is built)."""
    rest = masked(sentence)[q.end :]
    after = [c for c in cues(rest, lexicon()["status"]) if not _PHASE_CUE.fullmatch(c[2])]
    clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(rest)), len(rest))
    own = [c for c in after if c[0] <= clause_end]
    strong = [c for c in own if c[1] != "actual"]
    return (strong or own or after or [(0, "planned", "")])[0][1]


def _described_types(head: str) -> tuple[str, ...]:
    """The types of thing a site noun after 的 can name: 智算中心 a center, 集群 a cluster, 园区 a park; 项目 or 基地 any
    built thing but a hub (a hub is no project)."""
    for noun, types in (("中心", ("Center",)), ("集群", ("Cluster",)), ("园", ("Park",))):
        if noun in head:
            return types
    return ("Center", "Park", "Cluster")


def _names_the_whole(item: str, items: list[str | None]) -> bool:
    """Whether a respective list's item is the one of its items that names all green power (清洁能源 beside 新能源)."""
    whole = tuple(w.lower() for w in lexicon()["respective"]["whole"])
    wholes = [i for i in items if i is not None and any(w in i.lower() for w in whole)]
    return len(wholes) == 1 and wholes[0] == item


def _metric_of_item(q: Quantity, item: str) -> str | None:
    """The metric the thing in a figure's place of a respective list names by a cue of its own ("none" for a sum of
    no metric of ours), or None."""
    table = lexicon()["metric"].get(q.family, {})
    return next((metric for metric in table if metric != "default" and cue_regex(cue_words(table, metric)).search(item)), None)


_LIST_CLOSE = re.compile(r"等\s*(?:共计|共有|共|合计|在内的)?\s*$")


def _counts_listed_things(q: Quantity, sentence: Sentence) -> bool:
    """庆阳、中卫等10个集群, X算力中心等共六家数据中心: a count closing a list of centers or places counts the list's set,
    not what the sentence is about; a count closing a list of firms (华为、腾讯等12家企业) is theirs to count. A count of
    firms says by its noun what the list holds, whatever its names were read as (a firm named after its city is no city)."""
    close = _LIST_CLOSE.search(sentence.text, 0, q.start)
    if close is None:
        return False
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, close.start())), default=0)
    listed = _listed(sentence)
    items = [m for i, m in enumerate(sentence.mentions)
             if clause_start <= m.start - sentence.start < close.start() and i in listed]
    if q.noun != "enterprise_count" and (not items or any(m.entity is not None and m.entity.type not in NOT_MEASURED
                                                          for m in items)):
        return True
    # …unless they deal with another party (等12家企业分别与X公司签约): then they are that party's partners
    clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(sentence.text, q.end)), len(sentence.text))
    return any(m.entity is not None and m.entity.type in NOT_MEASURED and q.end <= m.start - sentence.start < clause_end
               and re.search(r"(?:与|和|同|跟)\s*$", sentence.text[: m.start - sentence.start]) for m in sentence.mentions)


# A list closing into a counted set (A、B、C等八个集群, X等5家数据中心): what follows in the clause is the set's
_COUNTED_SET = re.compile(r"等\s*(?:[\d一二两三四五六七八九十]+|几|多)\s*(?:个|家|座|大|地|处)")


def _of_a_counted_set(q: Quantity, sentence: Sentence, attachment: str) -> bool:
    """庆阳、中卫等八个集群的机架总数超过100万架: a figure after a list closed into a counted set, in the same clause,
    sums the set; it is no one member's (the first name of the list would otherwise take it)."""
    if attachment in ("in_name", "modifier", "scope"):
        return False
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    return _COUNTED_SET.search(sentence.text, clause_start, q.start) is not None


# the word of "each" stands right before the figure (均达, 都超过, 分别为): 都 inside a name (成都) says nothing
_EACH = re.compile(r"、[^，,；;]*(?:均|都|分别|各自)\s*(?:已经?|将)?\s*(?:达到|达|为|在|超过|超|有|是|占|逾|突破)?\s*(?:约|近|超)?\s*$")


# A和B、C都是…5~10万机柜的园区: names joined and then "all are / both have" share the figure; it is no one's own
_JOINT = re.compile(r"(?:和|与|及|、)[^，,；;]{1,40}?(?:都|均)(?:是|为|拥有|有)")


def _each_of_a_list(q: Quantity, sentence: Sentence, attachment: str) -> bool:
    """甲、乙、丙绿电占比均达95%: a figure each member of a list in its own clause holds is theirs, not the topic's nor
    the thing the sentence before was about; A和B都是…: a figure shared by names joined in its clause is none's."""
    if attachment in ("topic", "carried") and _EACH.search(sentence.text, 0, q.start) is not None:
        return True
    if attachment in ("in_name", "modifier", "scope"):
        return False
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence.text, 0, q.start)), default=0)
    return _JOINT.search(sentence.text, clause_start, q.start) is not None


# 建成首个100%绿电的数据中心, 首座万P级智算中心: a figure right after "the first one / a" describes the noun after it
_FOREIGN_MONEY = frozenset({"HKD"})
# one site, not named, placed in a city: "X's data center in", "the new computing center at"
_FACILITY_IN = re.compile(r"(?:'s|’s|\bthe|\ba|\ban|\bits|\btheir|\bnew|\banother)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:data cent(?:er|re)|computing cent(?:er|re)"
                          r"|cent(?:er|re)|facility|campus|project|base)\s+(?:(?:located|based)\s+)?(?:in|at)\s+$", re.I)
_ATTRIBUTE_AFTER_ONE = re.compile(r"(?:首|第一|一)(?:个|座|家|所)\s*[“\"「]?\s*$")


@cache
def _time_and_aim() -> re.Pattern[str]:
    status = lexicon()["status"]
    words = [w for name in ("target", "planned", "actual") for w in cue_words(status, name)]
    words += [w for c in lexicon()["comparator"].values() for w in c["zh_before"] + c["en_before"]]
    words += ["将", "达", "到", "至", "提升", "提高", "增至", "进一步", "再", "并", "以后", "之后", "by", "and", "to", "reach", "in"]
    return re.compile(r"(?:\d{4}年?|年底|年末|[\s,，、;；]|" + cue_regex(tuple(words)).pattern + ")*", re.I)


def _only_time_and_aim(text: str) -> bool:
    """Nothing but a time, a word of aim or status and a hedge (,未来将达, , and by 2025 to)."""
    return _time_and_aim().fullmatch(text) is not None


def _sentence_subject(sentence: Sentence, roles: list[str]) -> Entity | None:
    """The first name a sentence speaks about (not a place it happens in, an agent, a list item or a dateline)."""
    listed = _listed(sentence)
    for i, (m, role) in enumerate(zip(sentence.mentions, roles, strict=True)):
        if (role == "subject" and i not in listed and m.entity is not None and m.entity.type not in NOT_MEASURED
                and not _DATELINE.match(sentence.text, m.end - sentence.start)):
            return m.entity
    return None


@cache
def _batch() -> re.Pattern[str]:
    return cue_regex(tuple(_subject_words()["batch"]))


@cache
def _aggregate() -> re.Pattern[str]:
    return re.compile("(?:" + cue_regex(tuple(_subject_words()["aggregate"])).pattern + r")[^，,。；;]*$", re.I)


def _sums_others(q: Quantity, sentence: Sentence, subject: Entity, attachment: str, batch: re.Match[str] | None) -> bool:
    """A sum over many things given to one: the money of a batch of projects started or signed together
    (重大项目集中开工,总投资N亿元), or what a verb of gathering adds up (累计接入34家数据中心, 汇聚通算640P) put on a
    single center that is not the clause's own subject. One project singled out of the batch (…集中开工,其中一个项目即X,
    该项目总投资…) has its own money."""
    if attachment in ("in_name", "modifier"):
        return False
    if batch is not None and q.family == "money":
        return not (attachment == "clause_subject" and _SINGLED_OUT.search(sentence.text, batch.end(), q.start) is not None)
    return (subject.type == "Center" and attachment in ("topic", "preceding", "following")
            and _aggregate().search(sentence.text, 0, q.start) is not None)


_ONE_OF_ITS = re.compile(r"\s*的?(?:另一个|又一个|另一|第[一二三四五六七八九十\d]+个|首个|唯一一个|一个)")
_REACH_BEFORE_EN = re.compile(r"\b(?:reach|exceed|hit|top|total|surpass)\s+(?:about\s+|around\s+|over\s+|more than\s+)?$", re.I)
_SINGLED_OUT = re.compile(r"其中(?:一个|一项|之一)?")
_PROJECT_SET_ZH = re.compile(r"(?:[2-9]|\d{2,}|[两二三四五六七八九十几数多]+)\s*(?:个|大|批|项)[^，,。；;\d]{0,10}?(?:项目|工程)"
                             r"|(?:项目|工程)\s*(?:[2-9]|\d{2,}|[两二三四五六七八九十]+)\s*个")
_PROJECT_SET_EN = re.compile(r"\b(?:[2-9]|\d{2,}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple"
                             r"|dozens of|a batch of|the two|both)\s+(?:[\w-]+\s+){0,3}?projects\b", re.I)


def _sums_projects(q: Quantity, sentence: Sentence, subject: Entity, attachment: str) -> bool:
    """Money stated for a set of projects (签约12个项目,总投资120亿元; 两个项目总投资80亿元; "the two projects represent a
    total investment of …") is the set's: a place's total when the place says it, or a park's or a cluster's that holds
    them, never one center's, nor a site's the sentence does not name."""
    if q.family != "money" or subject.type in PLACES or attachment in ("in_name", "modifier", "purpose"):
        return False
    if subject.type != "Center" and attachment in ("clause_subject", "container"):
        return False  # 园区签约12个项目,总投资…: a park or a cluster named holds its projects, and their sum is its own
    before = sentence.text[: q.start]
    sets = [m.end() for m in (*_PROJECT_SET_ZH.finditer(before), *_PROJECT_SET_EN.finditer(before))]
    if not sets:
        return False
    at = max(sets)
    # the set's clause or the one before the figure's (签约12个项目,总投资…), with the site not named after the set
    # (…37 data center projects … The X Data Center has invested …: X's own)
    return (len(list(_CLAUSE_BREAK.finditer(before, at))) <= 1
            and not any(m.entity is not None and m.entity.key == subject.key and at <= m.start - sentence.start < q.start
                        for m in sentence.mentions))


def _opening_subject(sentence: Sentence, roles: list[str]) -> Entity | None:
    """The thing built or run a sentence opens with (成都智算中心项目总投资…): what it, and a next sentence
    without a subject of its own, is about."""
    if not sentence.mentions or roles[0] != "subject":
        return None
    first = sentence.mentions[0]
    lead = OPENING.match(sentence.text)
    if first.entity is None or first.entity.type not in INFRASTRUCTURE or lead is None or not re.fullmatch(
            r"(?:The\s+)?", sentence.text[lead.end() : first.start - sentence.start]):  # "The X broke ground": X
        return None
    return first.entity


_ORDINAL_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


_WOULD_HAVE = re.compile(r"\bwould\s+have\b[^.;]{0,40}$", re.I)


_PUE_TO = re.compile(r"\s*(?:(?:下降|降低|降|减|优化|缩减)(?:至|到)|(?:down\s+)?to\s)\s*(?:约\s*)?(\d\.\d+)(以下|以内|左右)?", re.I)


def _ranks_and_pue(text: str) -> list[Quantity]:
    out = []
    # the list may be named between the verb and the place: 位列全球超算榜单第10位
    for m in re.finditer(r"(?:(?:排名|位列|位居|名列|排在)[^，,。；;：:\d第]{0,12}|居(?:全国|全球|榜单)?)"
                         r"第(\d+|[一二三四五六七八九十]+)(?:位|名)?|"
                         r"\brank(?:s|ed|ing)?\s+(?:No\.?\s*)?(\d+|" + "|".join(_ORDINALS) + r")(?:st|nd|rd|th)?\b",
                         text, re.I):
        raw = (m.group(1) or m.group(2)).lower()
        value = float(_ORDINALS.index(raw) + 1) if raw in _ORDINALS else parse_number(raw)
        out.append(Quantity(value, None, "rank", "eq", m.start(), m.end(), m.group(0), "rank"))
    # a rank with no verb but its scope (算力规模全国第三, 居全国首位, the world's second-fastest, topped the TOP500 list);
    # not an ordinal counting things (全国第一个…的城市, 第一批)
    taken = [(q.start, q.end) for q in out]
    for m in re.finditer(r"(?:全国|全球|世界|国内)(?:排名)?第(?P<n>\d+|[一二三四五六七八九十]+)(?:位|名)?(?![\d个家座批次条届台项号期的])"
                         r"|(?:(?:全国|全球|世界|国内|榜单|排行榜)(?:的)?(?:首位|榜首|第一名)|(?:居|位居|位列|登上)(?:榜首|首位))"
                         r"|\b(?:the\s+)?(?:world|china|country|nation)['’]s\s+(?:(?P<nth>" + "|".join(_ORDINALS[1:])
                         + r")[-\s])?(?:fastest|most powerful)\b"
                         r"|(?:\btopped\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:list|ranking|rankings)\b)", text, re.I):
        if any(a < m.end() and m.start() < b for a, b in taken) or _WOULD_HAVE.search(text, 0, m.start()):
            continue  # a rank it would have held is none it holds
        raw = (m.group("n") or m.group("nth") or "first").lower()
        value = float(_ORDINALS.index(raw) + 1) if raw in _ORDINALS else parse_number(raw)
        out.append(Quantity(value, None, "rank", "eq", m.start(), m.end(), m.group(0), "rank"))
    # a place among the first N (进入全国前10, one of the 10 most powerful …): a rank of N at best
    words = "|".join(_ORDINAL_COUNTS)
    for m in re.finditer(r"(?:进入|跻身|排进|挤进|迈入|位列|位居|稳居|居|名列|排名)(?:全国|全球|世界|国内|全省|榜单)?"
                         r"前(\d+|[一二三四五六七八九十]+)(?:名|位|强)?(?![\d%])"
                         r"|\bone of the (\d+|" + words + r") (?:most|fastest|largest|biggest|best|strongest|top)\b"
                         r"|\b(?:among|in|into) the (?:[a-z']+ )?top (\d+|" + words + r")\b", text, re.I):
        raw = next(g for g in m.groups() if g).lower()
        value = float(_ORDINAL_COUNTS.index(raw) + 1) if raw in _ORDINAL_COUNTS else parse_number(raw)
        if value > 1:
            out.append(Quantity(value, None, "rank", "le", m.start(), m.end(), m.group(0), "rank"))
    # PUE值(数据中心总设备能耗/IT设备能耗)1.25左右: a gloss in brackets may stand between the word and its value
    # "the PUE of the X center is as low as 1.1": the thing measured may stand between the word and its value
    for m in re.finditer(r"(?:PUE|电能利用效率|电能使用效率|电源使用效率)(?:值)?(?:\s*[(（][^)）]{0,40}[)）])?(?:[^\d。;；]{0,14}?"
                         r"|\s+of\s+[^\d.;]{0,60}?\b(?:is|was|stands at|stood at)\b[^\d.;]{0,16}?)"
                         r"(\d\.\d+|[一二]点[零〇○一二三四五六七八九]+)(以下|以内|左右)?",
                         text, re.I):
        between = text[m.start() : m.start(1)]
        comparator = "eq"
        for name, pattern in (("le", r"不高于|不超过|at most|no more than"), ("lt", r"低于|below|under|less than|不到"),
                              ("approx", r"约|近|左右|about|around|nearly|approximately")):
            if re.search(pattern, between, re.I):
                comparator = name
                break
        if m.group(2):
            comparator = "approx" if m.group(2) == "左右" else "lt"
        value, end = parse_number(m.group(1)), m.end()
        if re.search(r"从|由|\bfrom\b", between, re.I) and (to := _PUE_TO.match(text, m.end())) is not None:
            # PUE从1.35降至1.2以下, "cut its PUE from 1.5 to 1.2": the value it came down to is the one it has
            value, end = parse_number(to.group(1)), to.end()
            comparator = "approx" if to.group(2) == "左右" else "lt" if to.group(2) else "eq"
        # with the thing measured inside, the figure starts at its value: the name before it is its subject
        start = m.start(1) if re.match(r"PUE\s+of\s", m.group(0), re.I) else m.start()
        out.append(Quantity(value, None, "pue", comparator, start, end, text[m.start() : end], "pue"))
    return out


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per statement, in the place of its first mention but in its fullest form.

    A headline says "attracts 40 billion yuan", the body "has exceeded 40 billion yuan by 2025":
    the body's comparator and year are kept.
    """
    best: dict[tuple, Fact] = {}
    for f in facts:
        obj = f.object.key if f.object else None
        key = (f.subject.key, f.metric, f.value, f.unit, obj, f.kind, f.status)
        if f.metric == "partner" and obj is not None:
            if (obj, f.metric, None, None, f.subject.key, None, "actual") in best:
                continue
        kept = best.get(key)
        if kept is None or _fullness(f) > _fullness(kept):
            best[key] = f
    return list(best.values())


def _fullness(fact: Fact) -> tuple[bool, bool]:
    return fact.time is not None, fact.comparator != "eq"
