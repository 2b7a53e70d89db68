"""Entity mentions in a folded text: the gazetteer, patterns for new names, and anaphora.

Chinese names never seen before are found by their suffix (XX智算中心, XX有限公司 …) with the
stem cut at the nearest function word; English ones as a title-case run ending in a suffix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from extract.gazetteer import Entity, gazetteer, new_entity, phase_entity, place_words, slug, suffix_of
from extract.nlp import Candidate, candidates, plain_words
from extract.resources import lexicon
from extract.text import has_cjk

_REACH = 200  # characters before a suffix where a known name can touch its stem (the English window is 120)
_NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9()（）·・]")  # 中国联通(宁夏·中卫)云数据中心


@dataclass(frozen=True)
class Mention:
    """A span of the folded text that names an entity (or refers back to one: `anaphor`)."""

    start: int
    end: int
    entity: Entity | None
    anaphor: str | None = None
    source: str = "gazetteer"
    part_of: Entity | None = None  # a phase's project (X一期 → X)


@cache
def _stop_words(company: bool) -> tuple[str, ...]:
    """The words a stem is cut after; a company's registered name runs through some of them (某某开发建设有限公司)."""
    names = lexicon()["name"]
    inner = set(names["company_inner_words"]) if company else set()
    return tuple(w for w in names["stop_words"] if w not in inner)


@cache
def _count() -> re.Pattern[str]:
    """A count: a numeral and a measure word (3栋, 两大, 第5号) that opens the text or follows no other word."""
    names = lexicon()["name"]
    numerals = "[" + re.escape(names["numerals"]) + "]"
    measure = "(?:" + "|".join(map(re.escape, names["measure_words"])) + ")"
    return re.compile(rf"(?:(?<![\u3400-\u9fff])|(?<=第)){numerals}+{measure}|[0-9０-９]{numerals}*{measure}")


@cache
def _leading_count() -> re.Pattern[str]:
    """A count opening a stem that a stop word has cut (新建 | 两栋数据中心)."""
    names = lexicon()["name"]
    return re.compile("[" + re.escape(names["numerals"]) + "]+(?:" + "|".join(map(re.escape, names["measure_words"])) + ")")


def _last_measure(window: str) -> int:
    """The end of the last count in `window` (3栋, 两大), or 0: a count is not a name part, but 小三台园区 keeps its 三台."""
    return max((m.end() for m in _count().finditer(window)), default=0)


def _stem_start(folded: str, suffix_start: int, known: list[Candidate], company: bool = False) -> int:
    """Where a new name's stem begins: after the last break or function word, never inside a known name (华为, 呼和浩特)."""
    names = lexicon()["name"]
    lo = max(0, suffix_start - names["stem_max"])
    if any(word in folded[lo:suffix_start] for word in names["brand_bound_suffixes"]):
        lo = max(0, suffix_start - 2 * names["stem_max"])  # 某某信息科技服务有限公司智算中心: built on a firm's full name
    cut = lo
    for i in range(suffix_start - 1, lo - 1, -1):
        if not _NAME_CHAR.match(folded[i]):
            cut = i + 1
            break
    inside_known = bytearray(suffix_start - cut)
    for k in known:
        for i in range(max(k.start, cut), min(k.end, suffix_start)):
            inside_known[i - cut] = 1
    window = folded[cut:suffix_start]
    best, word_at_best = _last_measure(window), ""
    for word in _stop_words(company):
        idx = window.rfind(word)
        while idx >= 0 and (any(inside_known[idx : idx + len(word)]) or _inside_a_word(folded, cut + idx, word)):
            idx = window.rfind(word, 0, idx)
        if idx >= 0 and idx + len(word) > best:
            best, word_at_best = idx + len(word), word
    if word_at_best in names["descriptive_stops"]:
        # 中联芜湖新型算力产业园, 某某超大规模人工智能算力中心: a description inside a coined name is part of it
        at = cut + best - len(word_at_best)
        before = _stem_start(folded, at, known, company)
        if _has_proper_word(folded, before, at, known):
            return before
    if word_at_best in names["inner_conjunctions"] and _joins_two_descriptions(window, best, word_at_best,
                                                                               folded[suffix_start : suffix_start + 4]):
        # 某某东部大数据与人工智能产业园: two fields joined inside a coined name, not two names; so in a project's name
        # that a city or a county opens (某市绿色算力与数据产业园项目), where the place is all the name has of its own
        at = cut + best - len(word_at_best)
        before = _stem_start(folded, at, known, company)
        if _has_proper_word(folded, before, at, known) or (
                _place_opens(before, at, known) and _project_after().match(folded, _suffix_end(folded, suffix_start))):
            return before
    if best == 0 and cut == lo and lo > 0 and _NAME_CHAR.match(folded[lo - 1]):
        # no break within reach: the window starts mid-clause (…部门上午集中研究部署怀来大数据产业基地), so the name
        # starts at the first known name in it, or at a known firm further back that opens a long coined name with no
        # break (某某数据集团环首都·某某山能源信息技术产业基地), or there is none
        entities = gazetteer().entities
        firms = [k.start for k in known if suffix_start - 2 * names["stem_max"] <= k.start < lo and k.end <= suffix_start
                 and entities[k.id].type == "Company" and all(map(_NAME_CHAR.match, folded[k.start : lo]))
                 and not _site_suffixes().search(folded, k.end, suffix_start)]  # another site's name ends between
        return min(firms or [k.start for k in known if lo <= k.start < suffix_start], default=suffix_start)
    return cut + best


def _place_opens(start: int, end: int, known: list[Candidate]) -> bool:
    """Whether a known city or county opens folded[start:end] and description words follow it to the end."""
    entities = gazetteer().entities
    return any(k.start == start and k.end < end and entities[k.id].type in ("City", "District") for k in known)


def _suffix_end(folded: str, suffix_start: int) -> int:
    """The end of the site's suffix that starts at `suffix_start` (产业园 in …数据产业园项目)."""
    hit = _site_suffixes().match(folded, suffix_start)
    return hit.end() if hit is not None else suffix_start


@cache
def _site_suffixes() -> re.Pattern[str]:
    """The Chinese suffixes of built things (数据中心, 产业园 …): a name does not run on through one."""
    words = sorted((s["zh"] for s in lexicon()["suffix"] if s["type"] in ("Center", "Park", "Cluster")), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _inside_a_word(folded: str, at: int, stop: str) -> bool:
    """Whether the stop word at `at` is a character of a common word (据 in 数据), where it cuts nothing."""
    return any(folded.startswith(word, at - word.index(stop)) for word in lexicon()["name"]["stop_words_inside"].get(stop, ())
               if at - word.index(stop) >= 0)


def _joins_two_descriptions(window: str, best: int, word: str, suffix_head: str = "") -> bool:
    """Whether the conjunction ending at `best` joins two field words (大数据与人工智能, 云计算和边缘存储) rather than two
    names (中国电信和华为智算中心): descriptions after it, a description right before it. Right before a suffix that
    opens with a field (某某云计算和大数据中心), the suffix's own field is the second one."""
    after, head = window[best:], window[: best - len(word)]
    fields = tuple(w for w in lexicon()["name"]["descriptive_words"] if len(w) >= 2)
    if not after:
        return head.endswith(fields) and suffix_head.startswith(fields)
    return _only_descriptive(after) and head.endswith(fields)


def _has_proper_word(folded: str, start: int, end: int, known: list[Candidate], glossary_words: bool = False) -> bool:
    """Whether folded[start:end] holds a word of a name of its own (中联, 骋风而来, a company), not only places and
    descriptions (芜湖, 西部, 全省); with `glossary_words`, a glossary word counts (空港 in 空港智算中心)."""
    gaz = gazetteer()
    glossary = lexicon()["stem_en"]
    pieces, pos = [], start
    for k in sorted(known, key=lambda k: k.start):
        if start <= k.start and k.end <= end:
            if gaz.entities[k.id].type not in ("Province", "City", "District"):
                return True
            pieces.append(folded[pos : k.start])
            pos = k.end
    pieces.append(folded[pos:end])
    # a building's code (N01新型工业化数据中心) is a count of parts, not a name's word
    return any(len(re.sub(r"[^\u3400-\u9fff]", "", p)) >= 2 and (glossary_words or p not in glossary)
               and not _only_descriptive(p) for p in pieces)


@cache
def _provinces() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(name for e in gaz.entities.values() if e.type == "Province" and e.zh
                     for name in (e.zh, *e.aliases))


def _is_province(stem: str) -> bool:
    return stem in _provinces() or stem.removesuffix("省") in _provinces()


def _only_descriptive(stem: str) -> bool:
    """True when the stem is description words end to end (发展, 智能科技, 云计算): it names nothing."""
    words = lexicon()["name"]["descriptive_words"]
    ends = {0}
    for i in range(len(stem)):
        if i in ends:
            ends.update(i + len(w) for w in words if stem.startswith(w, i))
    return len(stem) in ends


@cache
def _park_suffixes() -> str:
    return "|".join(re.escape(s["zh"]) for s in lexicon()["suffix"] if s["type"] == "Park")


def _listed(folded: str, start: int, suffix: Candidate) -> bool:
    """One of a list of park names (东坡园区、西岭园区, 东湾产业园、南山开发区以及北岭科技城): a list names its items."""
    parks = _park_suffixes()
    return bool(re.match(r"(?:[、和及与]|以及)[\u4e00-\u9fff]{2,5}?(?:" + parks + ")", folded[suffix.end : suffix.end + 14])
                or re.search("(?:" + parks + r")(?:[、和及与]|以及)$", folded[max(0, start - 12) : start]))


@cache
def _center_suffixes() -> str:
    return "|".join(re.escape(s["zh"]) for s in sorted(lexicon()["suffix"], key=lambda s: -len(s["zh"])) if s["type"] == "Center")


def _listed_center(folded: str, start: int, suffix: Candidate) -> bool:
    """One of a list of named centers (某某超算中心、某某先进计算中心等七家算力中心): a center after another center's name
    and a list mark, or an item the list closes with a count of centers."""
    counted = re.match(r"等[0-9一二三四五六七八九十两几多]+[家个座][\u4e00-\u9fff]{0,6}?(?:" + _center_suffixes() + ")",
                       folded[suffix.end : suffix.end + 16])
    after_center = re.search("(?:" + _center_suffixes() + ")[、]$", folded[max(0, start - 12) : start])
    return start > 0 and folded[start - 1] == "、" and bool(counted or after_center)


def _road_after(folded: str, end: int) -> bool:
    """Whether a road's word follows a site's suffix (数谷大道, 科技园路), not a word of its own (路由, 路线)."""
    names = lexicon()["name"]
    return folded.startswith(tuple(names["road_words"]), end) and not folded.startswith(tuple(names["road_words_not"]), end)


def _joined_by_plus(folded: str, suffix: Candidate, known: list[Candidate]) -> int | None:
    """Where a project's name starts that joins a field to a kind of center with a plus (某地新能源+智算中心一体化项目):
    at the stem before the plus, when a known place or firm opens it and 项目 follows; None otherwise."""
    if suffix.start == 0 or folded[suffix.start - 1] not in "+＋" or not _project_after().match(folded, suffix.end):
        return None
    start = _stem_start(folded, suffix.start - 1, known)
    if suffix.start - 1 - start < 2 or not any(k.start == start and k.end <= suffix.start - 1 for k in known):
        return None
    return start


def _branch_parent(folded: str, start: int, suffix: Candidate, known: list[Candidate]) -> int | None:
    """Where a branch's name starts, on its parent center's name (国家超算某地中心某某大学分中心): the stem's start when it
    holds that name, the name's start when a word cut the stem right after it; None when no center's name is there."""
    if "中心" in folded[start : suffix.start]:
        return start  # the stem holds it already (no break between the two names)
    if not folded.endswith("中心", 0, start):
        return None
    at = _stem_start(folded, start - 2, known)
    return at if start - 2 - at >= 2 else None


def _after_county(folded: str, start: int, stem_end: int, known: list[Candidate]) -> int:
    """Where a name starts after a county that locates it, when a province or a city opens the name itself (某某县吉林
    某某智算中心 is 吉林某某智算中心 in that county): a name never runs from a county into its province."""
    county = re.match(r"[\u4e00-\u9fff]{1,3}[县旗]", folded[start:stem_end])
    if county is None:
        return start
    entities = gazetteer().entities
    at = start + county.end()
    opens = any(k.start == at and k.end < stem_end and entities[k.id].type in ("Province", "City") for k in known)
    return at if opens else start


def _alone_on_its_line(folded: str, start: int, end: int) -> bool:
    """A name that is a whole line or a whole table cell (| 某某云计算数据中心二期 |): what else could it be."""
    return bool(re.search(r"(?:^|[|\n])[ \t]*$", folded[max(0, start - 3) : start])
                and re.match(r"(?:[(（]?[一二三四五]期[)）]?|项目)*[ \t。]*(?:[|\n]|$)", folded[end : end + 10]))


def _anchored(folded: str, start: int, stem: str, suffix: Candidate, known: list[Candidate]) -> bool:
    """Whether the sentence marks the stem as a name rather than a description (新建智算中心)."""
    names = lexicon()["name"]
    before, after = folded[max(0, start - 4) : start], folded[suffix.end : suffix.end + 10]
    quoted = (start > 0 and folded[start - 1] in "“\"「『") or stem[:1] in "“\"「『"
    # a short name opening its clause is a name (江城智算中心位于芜湖), not a description (新建智算中心)
    opens_clause = ((start == 0 or folded[start - 1] in "。！？；;，,:：\n —") and 2 <= len(stem) <= names["clause_stem_max"]
                    and suffix.text not in names["clause_generic_suffixes"] and stem[-1] not in "中上")
    # …and so is a short coined name opening its clause before where it stands (青禾数据中心位于某市)
    # (its length is that of its own words: 星河云计算产业园 is 星河's)
    sited = ((start == 0 or folded[start - 1] in "。！？；;，,:：\n") and _short_name(stem)
             and after.startswith(("位于", "坐落于", "坐落在", "地处")) and _has_proper_word(folded, start, suffix.start, known))
    # …or after where it stands or who builds it, and 的 (位于某市的江城智算中心, 由某公司承建的江城智算中心)
    owned = (start > 0 and folded[start - 1] == "的" and _short_name(stem)
             and (suffix.id in ("Center", "Cluster") or suffix.text not in names["clause_generic_suffixes"])
             and _owned_before().search(folded, max(0, start - 20), start) is not None
             and not stem.startswith(tuple(names["owned_descriptions"])) and stem[-1] not in "中上"
             and _has_proper_word(folded, start, suffix.start, known))
    # a name given in apposition (其中一个项目即江城智算中心, 一座名为江城智算中心的机房)
    apposed = (before.endswith(tuple(names["apposition_words"])) and _short_name(stem)
               and _has_proper_word(folded, start, suffix.start, known))
    # what a place is called after 位于 (位于青松科创园), and what a text defines a short form for (X(简称Y))
    placed = suffix.id in ("Park", "District") and before.endswith(tuple(names["place_verbs"]))
    defined = bool(re.match(r"(?:项目|工程)?[(（]\s*(?:以下)?简称", after)) or before.endswith("简称") \
        or ((acronym := _ACRONYM.match(after)) is not None and acronym.group(1) not in names["not_acronym_alias"])  # X(ABCD)
    listed = (suffix.id == "Park" and 2 <= len(stem) <= 5 and _listed(folded, start, suffix)) \
        or (suffix.id == "Center" and 2 <= len(stem) <= 6 and _listed_center(folded, start, suffix))
    # a place in brackets inside the name: 星海(华东)国际信息港, 中国移动(宁夏·中卫)数据中心
    bracketed = bool(re.search(r"[\u4e00-\u9fff]{2}[(（][\u4e00-\u9fff·・]{2,8}[)）]", stem))
    # a name built on a company's or a park's full name (某某科技有限公司云计算数据中心)
    built_on = bool(re.search("(?:有限公司|" + _park_suffixes() + ")", stem))
    # a project's name: a word of its own before the suffix and 项目 or a phase after it (…的青松云计算产业园项目开工)
    project = bool(_project_after().match(folded, suffix.end)) and (
        _has_proper_word(folded, start, suffix.start, known) or stem.startswith(tuple(names["region_stems"])))
    return (quoted or opens_clause or sited or owned or apposed or placed or defined or listed or bracketed or project or _coded(stem)
            or built_on or _alone_on_its_line(folded, start, suffix.end) or folded.count(stem + suffix.text) >= 2
            or any(start <= k.start and k.end <= suffix.start for k in known))


def _short_name(stem: str) -> bool:
    """Whether a stem is short enough to be a coined name by where it stands: two characters at least (青云, 星河), and no
    more of its own than a clause's short name has (星河云计算 is 星河's length; its field describes)."""
    return len(stem) >= 2 and 1 <= len(_proper_core(stem)) <= lexicon()["name"]["clause_stem_max"]


@cache
def _owned_before() -> re.Pattern[str]:
    """Where a thing stands or who builds or owns it, then 的, in its clause (位于某市的, 由某公司承建的, 某集团旗下的)."""
    names = lexicon()["name"]
    word = r"[^，,。；;！？：:\s的“”\"]"
    places = "|".join(map(re.escape, names["place_verbs"]))
    builders = "|".join(map(re.escape, sorted(names["builder_verbs"], key=len, reverse=True)))
    owners = "|".join(map(re.escape, sorted(names["owner_marks"], key=len, reverse=True)))
    return re.compile(rf"(?:(?:{places}){word}{{2,12}}|由{word}{{2,14}}?(?:{builders})|{word}{{2,14}}?(?:{owners}))的$")


def _coded(stem: str) -> bool:
    """Whether the stem holds a code or a Latin name (A1, N01, GDS), not only a field's abbreviation (AI, IDC): a
    clause that runs into "AI算力中心" names nothing."""
    generic = "|".join(map(re.escape, lexicon()["name"]["not_acronym_alias"]))
    return bool(re.search(r"[A-Za-z0-9]", re.sub(rf"(?<![A-Za-z])(?:{generic})(?![A-Za-z])", "", stem)))


@cache
def _project_after() -> re.Pattern[str]:
    """What follows a project's name and no description: 项目 (示范项目, 一体化项目), a phase, or the event of a named site
    (揭牌, 开工, 投运)."""
    events = "|".join(map(re.escape, lexicon()["name"]["site_events"]))
    kinds = "|".join(map(re.escape, lexicon()["name"]["project_kinds"]))
    return re.compile(r"(?:(?:" + kinds + r")?(?:项目|工程|专案)|[(（]?第?[一二三四五首]期"
                      r"|(?:正式|近日|日前|昨日|今日)?(?:" + events + "))")


def _after_unopened_bracket(stem: str) -> int:
    """Where a stem starts after a closing bracket it did not open (杨某)江城…, )江城…): 0 when there is none."""
    depth, cut = 0, 0
    for i, ch in enumerate(stem):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                cut = i + 1
            else:
                depth -= 1
    return cut


def _byline(folded: str, close: int) -> bool:
    """Whether the bracket closing at `close` holds a byline (记者 王某 李某, 通讯员某某), not a part of a name (甘肃·庆阳)."""
    open_at = max(folded.rfind("(", max(0, close - 30), close), folded.rfind("（", max(0, close - 30), close))
    inside = folded[open_at + 1 : close] if open_at >= 0 else ""
    return bool(re.search(r"[^\S\n]|记者|通讯员|摄", inside))


@cache
def _quoted_kinds() -> tuple[str, ...]:
    """The last words of a quoted description of a kind of thing (“万卡集群”, “城市大脑中心”): no brand."""
    return (*(s["zh"] for s in lexicon()["suffix"]), "集群", "中心", "平台")


# (a size in a name stays: 滁州市3000P智算中心, 万卡集群)
_MEASURED = re.compile(r"\d(?:[\d.,]*)\s*(?:公里|千米|平方|亩|公顷|个|家|座|台|架|张|%|％|分钟|小时|毫秒|兆瓦|千瓦|亿|万元|元)")


def _zh_pattern_mention(folded: str, suffix: Candidate, known: list[Candidate]) -> Mention | None:
    """A new Chinese name: the suffix the ruler found and the stem before it (cut at a function word)."""
    names = lexicon()["name"]
    if folded.startswith(tuple(names["suffix_runs_on"].get(suffix.text, ())), suffix.end):
        return None  # 广州大学城: a campus town, no university
    if suffix.id in ("Center", "Park") and _road_after(folded, suffix.end):
        return None  # 某某数谷大道旁, 科技园路南侧: a street named after a site, no site
    start = _stem_start(folded, suffix.start, known, company=suffix.id == "Company")
    parent = _branch_parent(folded, start, suffix, known) if suffix.text in names["branch_suffixes"] else None
    branch = parent is not None
    if parent is not None:
        start = parent  # 某某超算中心某某大学分中心: the branch is named on its parent's full name and its host
    if start == suffix.start and (joined := _joined_by_plus(folded, suffix, known)) is not None:
        start = joined  # 某地新能源+智算中心一体化项目: two fields joined by a plus name one project
    if (count := _leading_count().match(folded[start : suffix.start])) is not None:
        start += count.end()  # 新建两栋数据中心: the stem after 新建 opens with a count
    stem = folded[start : suffix.start].lstrip(")）")
    start = suffix.start - len(stem)
    if (cut := _after_unopened_bracket(stem)) and _byline(folded, start + cut - 1):
        stem = stem[cut:]  # (记者 某某)江城数据中心: a byline's bracket closes before the name
    start = suffix.start - len(stem)
    brand = re.search(r"[“「『\"]([\u4e00-\u9fff]{1,6})[”」』\"]$", folded[max(0, start - 8) : start])
    if brand is not None and len(_proper_core(stem)) <= 4 and brand.group(1) not in gazetteer().zh_surfaces \
            and not re.search("[的了着地得]", brand.group(1)) \
            and not brand.group(1).endswith(_quoted_kinds()) \
            and not brand.group(1).endswith(tuple(names["quoted_quality_ends"])):
        start -= len(brand.group(0))  # “天衍”量子计算云平台: a quoted brand opens the name (not “东数西算”产业园,
        # nor a quoted phrase: “真正能用的”智算中心, nor a quoted kind of thing: “千卡集群”某某算力平台, nor a quoted
        # quality: “某某一体化”交通算力中心, “万卡级”智算基地)
        if suffix.id == "Park" and (city := _through_quoted_slogan(folded, start + len(brand.group(0)), known, True)) is not None:
            start = city  # 西宁“数字丝路”产业园: the city the park is named after opens its name
        stem = folded[start : suffix.start]
    elif len(_proper_core(stem)) <= 4 and (named := _through_quoted_slogan(folded, start, known, suffix.id == "Park")) is not None:
        start = named  # 某某能建甘肃庆阳“东数西算”零碳大数据产业园: a slogan quoted inside a name, after its owner and place
        stem = folded[start : suffix.start]
    if not stem or stem.strip("“”「」『』\"") in names["generic_stems"] or re.fullmatch(r"[\d.]+", stem) \
            or suffix.id == "Company" and (len(stem) < 2 or re.match(r"[\u4e00-\u9fff](?:集团|公司)", stem)) \
            or re.fullmatch(names["chip_model"] + "(?:AI)?", stem):
        return None  # AI超级计算中心, GB300数据中心: a description and a chip, no name
    if (head := _site_suffixes().match(stem)) is not None and len(stem) - head.end() >= 2 \
            and folded.endswith(tuple(names["apposition_after"]), 0, start) \
            and not _only_descriptive(stem[head.end():]) and not _site_suffixes().match(stem, head.end()):
        start += head.end()  # 全省唯一智算产业园青禾智算产业园: a kind of site, then its name in apposition (which marks
        stem, apposed = stem[head.end():], True  # it as a name)
    else:
        apposed = False
    if suffix.text in names["area_suffixes"] and re.search("(?:" + _park_suffixes() + ")$", stem):
        return None  # 某某产业园科学城会展中心: a part of a park named after it, no park of its own (but 某某科学城数字产业基地)
    abroad = stem in names["foreign_stems"]
    if abroad and not folded.startswith(("项目", "工程"), suffix.end):
        return None  # 美国数据中心: that country's centers; 美国数据中心项目 is one project abroad
    if re.match(names["share_stem"], stem):
        return None  # 约三分之一智算中心, 近七成数据中心: a share of many, no name
    if stem[0].isdigit() or stem.count("(") + stem.count("（") != stem.count(")") + stem.count("）"):
        return None  # 3号机房, 平均PUE值(…: a count or a clause, not a name
    if _MEASURED.search(stem):
        return None  # 环京200公里内重点算力中心, 约200万平方呎新数据中心, 某某中标13亿元智算中心: a measure or a sum
        # inside says which ones, it names none
    if stem[-1] in names["locative_ends"]:  # 集群起步区内数据中心: data centers within a place, no name
        return None
    if stem[-1] in names["verb_ends"] and not any(k.end == suffix.start for k in known):
        return None  # 某公司在某地建数据中心: where one is built, no name (but 福建数据中心)
    if suffix.id != "Company" and stem.startswith(tuple(names["owner_project"]["owner_ends"])):
        return None  # 集团有限公司…: the tail of a company's name that a word inside it cut off, no name's start
    if _only_descriptive(stem):  # 发展有限责任公司, 智能科技产业园: what is said of a thing, not its name
        return None
    if suffix.text in names["place_kind_heads"] and any(
            k.start == start and k.end == suffix.start and gazetteer().entities[k.id].type == "Hub" for k in known) \
            and not re.match(r"[一二三四五六七八九十0-9]期|项目|工程", folded[suffix.end : suffix.end + 3]):
        return None  # 成渝枢纽数据中心: the hub's centers, as 广东省数据中心 are the province's (with a phase or 项目 after
        # it, one project: kept, so its figures go to no hub)
    if suffix.id in ("Center", "Park", "Cluster", "District") and not abroad and not apposed \
            and not _anchored(folded, start, stem, suffix, known):
        return None
    if suffix.id == "Center" and _is_province(stem) and suffix.text not in names["province_institution_heads"]:
        return None  # 广东省数据中心: the province's data centers, not one of them (a province's 计算中心 is an institute)
    if suffix.text in names["owner_bound_suffixes"] and stem in place_words():
        return None  # …有限公司北京市分公司 cut after its owner: a branch of whom, the stem does not say
    if suffix.id in ("Company", "Organization") and len(stem) < 2:
        return None
    if suffix.text in names["brand_bound_suffixes"] and _only_places(start, suffix.start, known):
        return None  # 集团(以下简称…)黑龙江有限公司: a registered firm's name has a word of its own, not a province alone
    if len(_proper_core(stem)) == 1 and has_cjk(stem) and (len(stem) < 2 or suffix.id in ("Company", "Organization")):
        # one character of its own is no name: a function word cut a word (就绪 → 绪数据中心, 四川并济 → 济科技有限公司);
        # a site's two-character stem is (青云智算中心, 华云数据中心), though 云 alone describes
        start = _through_cut_word(folded, start, suffix, known)
        if start < 0:
            return None
        stem = folded[start : suffix.start]
    if suffix.text in names["place_bound_suffixes"]:
        # 当地政府, 两地政府: a government is named by its place (芜湖市政府), and by nothing before it (…复函湖南省政府)
        place = next((k for k in known if k.end == suffix.start), None)
        if place is None:
            return None
        start = place.start
    if suffix.text in names["place_led_suffixes"] and not any(k.start == start for k in known):
        return None  # 专家委员会, 该委员会: no place opens it
    if suffix.id != "Company" and not branch:
        start = _after_leading_description(folded, start, suffix.start, known)  # 发展|某地西数据中心园区
        start = _after_leading_initiative(start, suffix.start, known)  # 东数西算|某地算力产业集群: what it serves
    start = _locators_end(start, suffix.start, known)  # the places before stay mentions of their own
    start = _after_county(folded, start, suffix.start, known)  # 某某县吉林某某智算中心: where, then the name
    stem, end = folded[start : suffix.start], suffix.end
    if (bracket := _place_after(folded, suffix)) is not None and "(" not in stem and "（" not in stem:
        stem, end = f"{stem}({bracket.group(1)})", bracket.end()  # 某某智算中心(武汉) is 某某(武汉)智算中心
    elif suffix.id in ("Center", "Park", "Cluster") and (support := _supporting_project(folded, end)):
        return Mention(start, end + len(support), new_entity(stem + suffix.text + support, suffix.id), source="pattern")
    return Mention(start, end, new_entity(stem + suffix.text, suffix.id), source="pattern")


def _supporting_project(folded: str, end: int) -> str:
    """The words after a site's name that make a project of its own of what supports it (某地算力产业集群配套项目):
    its builders and its sums are not the site's; "" when none follow."""
    return next((w for w in lexicon()["name"]["supporting_project_words"] if folded.startswith(w, end)), "")


def _after_leading_initiative(start: int, stem_end: int, known: list[Candidate]) -> int:
    """Where a name starts that a known plan opens before a place (东数西算 | 某地算力产业集群): at the place, the plan
    stays a mention of its own; `start` unchanged otherwise."""
    entities = gazetteer().entities
    plan = next((k for k in known if k.start == start and entities[k.id].type == "Initiative"), None)
    if plan is None:
        return start
    place = any(k.start == plan.end and k.end <= stem_end and entities[k.id].type in ("Province", "City", "District")
                for k in known)
    return plan.end if place else start


def _through_quoted_slogan(folded: str, start: int, known: list[Candidate], park: bool = False) -> int | None:
    """Where a name starts that runs through a quoted slogan (某某集团宁夏中卫“东数西算”示范产业园): at the known firms
    and places written right before the opening quote, with no break; None when no known name touches the quote.
    A city alone before a slogan opens a park's name (庆阳“东数西算”产业园: the park the city named after the plan)."""
    quoted = re.search(r"[“「\"]([\u4e00-\u9fff]{2,6})[”」\"]$", folded[max(0, start - 10) : start])
    if quoted is None:
        return None
    entities = gazetteer().entities
    ends = {k.end: k for k in known if entities[k.id].type in ("Company", "Province", "City", "District")}
    pos = start - len(quoted.group(0))
    if pos not in ends or entities[ends[pos].id].type not in ("Company",) and ends[pos].start not in ends \
            and not (park and entities[ends[pos].id].type in ("City", "District")):
        return None  # a province alone before a slogan is where, not a part of a name
    while pos in ends:
        pos = ends[pos].start
    return pos


def _place_after(folded: str, suffix: Candidate) -> re.Match[str] | None:
    """A known place in brackets right after a center's or a park's name (某某智算中心(武汉), 某某数据中心（甘肃·庆阳）):
    the center of that place, the one the text also writes 某某武汉智算中心 or 某某(武汉)智算中心."""
    if suffix.id not in ("Center", "Park"):
        return None
    hit = re.compile(r"[(（]([\u4e00-\u9fff]{2,8}?(?:[·・][\u4e00-\u9fff]{2,6})?)[)）]").match(folded, suffix.end)
    if hit is None or not all(part in place_words() for part in re.split("[·・]", hit.group(1))):
        return None
    return hit


def _only_places(start: int, end: int, known: list[Candidate]) -> bool:
    """Whether folded[start:end] is known places end to end (黑龙江, 四川成都)."""
    entities = gazetteer().entities
    pos = start
    for k in sorted(known, key=lambda k: k.start):
        if k.start == pos and k.end <= end and entities[k.id].type in ("Province", "City", "District"):
            pos = k.end
    return pos == end > start


def _after_leading_description(folded: str, start: int, stem_end: int, known: list[Candidate]) -> int:
    """Where a name starts when description words open its stem before a known place (规划发展 | 某地数据中心园区):
    at the place; `start` unchanged when no place follows them."""
    entities = gazetteer().entities
    for k in known:
        if start < k.start < stem_end and entities[k.id].type in ("Province", "City", "District") \
                and _only_descriptive(folded[start : k.start]):
            return k.start
    return start


def _proper_core(stem: str) -> str:
    """The stem without the description words that end it (某某科技 → 某某): what names the thing."""
    words = sorted(lexicon()["name"]["descriptive_words"], key=len, reverse=True)
    while stem and (word := next((w for w in words if stem.endswith(w) and len(w) < len(stem)), None)):
        stem = stem[: -len(word)]
    return stem


def _through_cut_word(folded: str, start: int, suffix: Candidate, known: list[Candidate]) -> int:
    """Where a firm's registered name starts when a one-character function word cut its two-character brand (四川 | 并
    | 济科技有限公司): at the place right before that word; -1 when no firm's name can be read there."""
    if suffix.id != "Company" or start == 0 or folded[start - 1] not in _stop_words(True):
        return -1
    place = next((k for k in known if k.end == start - 1
                  and gazetteer().entities[k.id].type in ("Province", "City", "District")), None)
    return place.start if place is not None else -1


def _locators_end(start: int, stem_end: int, known: list[Candidate]) -> int:
    """Where the name proper starts after a run of places that locate it: 江西九江某某科技城 is 九江某某科技城.

    Only the last place of the run stays (宁夏中卫美利工业园区 → 中卫美利工业园区).
    """
    entities = gazetteer().entities
    places = {k.start: k for k in known if entities[k.id].type in ("Province", "City", "District") and k.end <= stem_end}
    pos, run = start, []
    while pos in places:
        run.append(pos)
        pos = places[pos].end
    return run[-1] if len(run) >= 2 else start


def _owner_projects(folded: str, mentions: list[Mention], known: list[Candidate]) -> list[Mention]:
    """A project named by its owner and its place (某某数据集团中卫项目, 某某公司乌兰察布项目): a project of its own, so
    its figures are not the place's. The owner is a company read before the place, or a name ending in 集团 or 公司."""
    rule = lexicon()["name"]["owner_project"]
    owners = {m.end: m for m in mentions if m.entity is not None and m.entity.type == "Company"}
    ends = sorted(rule["owner_ends"], key=len, reverse=True)
    out = []
    for m in mentions:
        if m.source != "gazetteer" or m.entity is None or m.entity.type not in ("City", "District", "Province"):
            continue
        word = next((w for w in rule["project_words"] if folded.startswith(w, m.end)), None)
        if word is None or folded.startswith(tuple(rule["not_after"]), m.end + len(word)):
            continue  # 某某公司中卫项目部: a part of the company, not a project
        owner = owners.get(m.start)
        if owner is not None:
            start, name = owner.start, folded[owner.start : m.start]  # as written: 某某数据集团, not its short name
        else:
            end_word = next((w for w in ends if folded.endswith(w, 0, m.start)), None)
            if end_word is None:
                continue
            at = m.start - len(end_word)
            near = [k for k in known if at - _REACH <= k.start < at]
            start = _stem_start(folded, at, near, company=True)
            stem, name = folded[start:at], folded[start : m.start]
            if len(stem) < 2 or name in rule["generic_owners"] or _only_descriptive(stem) or not has_cjk(stem[0]) \
                    or any(stem.startswith(g) for g in rule["generic_owners"]):
                continue
        place = folded[m.start : m.end]
        out.append(Mention(start, m.end + len(word), new_entity(name + place + "项目", "Center"), source="pattern"))
    return out


_PHASED_CENTER = re.compile(r"中心(?=(?:项目)?[(（]?第?[一二三四五]期)")


def _phased_centers(folded: str, known: list[Candidate]) -> list[Mention]:
    """A center named by a short word and the phase it builds (科创中心二期, 研发中心一期项目): the phase makes it one
    project, even where its word alone would be a description; the figures of that phase are not the last center's."""
    names = lexicon()["name"]
    suffixes = tuple(s["zh"] for s in lexicon()["suffix"])
    out = []
    for hit in _PHASED_CENTER.finditer(folded):
        near = [k for k in known if hit.start() - _REACH <= k.start < hit.start()]
        start = _stem_start(folded, hit.start(), near)
        stem = folded[start : hit.start()]
        if not 2 <= len(stem) <= 6 or not all(map(has_cjk, stem)) or stem in names["generic_stems"] \
                or (stem + "中心").endswith(suffixes) or stem[-1] in names["locative_ends"] \
                or any(k.start < hit.start() < k.end for k in near):
            continue  # 数据中心二期 names the data center before it; 园区内中心: a place
        out.append(Mention(start, hit.end(), new_entity(stem + "中心", "Center"), source="pattern"))
    return out


_EN_SYSTEM = re.compile(r"(?:\b[Tt]he|['’]s)[^\S\n]+((?:[A-Z][\w\-]*[^\S\n]+){0,2}[A-Z][\w\-]*)[^\S\n]+supercomputers?\b")


def _en_supercomputers(folded: str, known: list[Candidate]) -> list[Mention]:
    """A computer the English news names before the word (the Xinghe-3 supercomputer, China's Yunfan supercomputer): a
    system of its own, so its figures are not the center's that houses it. Descriptions (the Chinese supercomputer) and
    places (the Tianjin supercomputer: which one?) name none."""
    names = lexicon()["name"]
    generic = {*names["en_generic"], *names["en_leading_stop"]}
    out = []
    for hit in _EN_SYSTEM.finditer(folded):
        words = hit.group(1).split()
        if any(w in generic for w in words) or any(k.start <= hit.start(1) and hit.end(1) <= k.end for k in known):
            continue
        places = [k for k in known if hit.start(1) <= k.start and k.end <= hit.end(1)
                  and gazetteer().entities[k.id].type in ("Province", "City", "District", "Company", "Organization")]
        if places:
            continue  # the Jinan supercomputer, the Huawei supercomputer: where or whose, not which
        out.append(Mention(hit.start(1), hit.end(1), new_entity(hit.group(1), "Center"), source="pattern"))
    return out


@cache
def _en_facility() -> re.Pattern[str]:
    """A center's kind in lower case ("data center", "intelligent computing center"): a description, not a name."""
    forms = sorted({f.lower() for f in lexicon()["en_suffix"]["Center"] if f.lower().endswith(("center", "centre"))},
                   key=lambda f: (-len(f), f))  # one order in every process (a set's is not): one pattern to cache
    return re.compile(r"(?:(?<![\w'’\-])[Tt]he[^\S\n]+)?(?:new[^\S\n]+)?(" + "|".join(map(re.escape, forms)) + r")(?![\w\-])")


_EN_WHOSE = re.compile(r"[^\S\n]+(?:of|operated[^\S\n]+by|run[^\S\n]+by|built[^\S\n]+by)[^\S\n]+(?:[a-z]+[^\S\n]+){0,3}")
_EN_IN = re.compile(r"[^\S\n]+in[^\S\n]+")
_EN_ADMIN = re.compile(r"\s+(?:County|City|District|Prefecture|Banner)$")


def _en_owner_place_centers(folded: str, known: list[Candidate]) -> list[Mention]:
    """A center the English news names by its owner and its place, with no name of its own: "<firm>'s data center in
    <city>", "the intelligent computing center of <firm> in <city>". Both are known names and
    adjacent to the kind word; the center is the owner's in that city or county (Alibaba Zhangbei Data Center)."""
    entities = gazetteer().entities
    owners = {k.end: k for k in known if entities[k.id].type in ("Company", "Organization")}
    places = {k.start: k for k in known if entities[k.id].type in ("City", "District")}
    out = []
    for hit in _en_facility().finditer(folded):
        kind = hit.group(1)
        the = hit.group(0)[:3].lower() == "the"
        if not kind.islower():
            continue
        owner = None
        before = re.search(r"['’]s[^\S\n]+$", folded[max(0, hit.start() - 3) : hit.start()])
        if before is not None and not the:
            owner = owners.get(hit.start() - len(before.group(0)))  # Alibaba's data center in …
        elif the and (whose := _EN_WHOSE.match(folded, hit.end())) is not None:
            owner = next((k for k in owners.values() if k.start == whose.end()), None)  # the … center of China Mobile in …
        if owner is None:
            continue
        after = _EN_IN.match(folded, max(hit.end(), owner.end if owner.start > hit.start() else hit.end()))
        place = places.get(after.end()) if after is not None else None
        if place is None or folded[place.end : place.end + 2] in ("'s", "’s"):
            continue
        owner_words = folded[owner.start : owner.end]
        owner_en = owner_words if owner_words.isascii() and owner_words[:1].isupper() else entities[owner.id].en
        place_en = _EN_ADMIN.sub("", entities[place.id].en)
        canonical = next(f for f in lexicon()["en_suffix"]["Center"] if f.lower() == kind)
        start = hit.start() if the else hit.start(1)
        out.append(Mention(start, hit.end(), new_entity(f"{owner_en} {place_en} {canonical}", "Center"), source="pattern"))
    return out


_EN_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)(?:[^\S\n]+[a-z][\w\-]*){0,2}[^\S\n]+$")


@cache
def _en_stem_regex() -> re.Pattern[str]:
    word = r"(?:[A-Z][\w'’\-]*|\([A-Z][\w \-]*\))"
    space = r"[^\S\n]+"  # a name stays on its line: a photo credit above a caption is no part of it
    return re.compile(r"(?<![\w'’\-])" + word + r"(?:" + space + r"(?:" + word + r"|of|and|for|&))*" + space + "$")


def _en_pattern_mention(folded: str, suffix: Candidate, known: list[Candidate]) -> Mention | None:
    """A new English name: a title-case run before a suffix written as the lexicon writes it.

    A suffix in lower case names a thing only right after a known name ("China Mobile's Zhongwei
    intelligent computing center"); "a new data center" stays a description.
    """
    names = lexicon()["name"]
    written: dict[str, str] = {}
    for form in lexicon()["en_suffix"][suffix.id]:  # the first form is how the name is written (Data Center Cluster)
        written.setdefault(form.lower(), form)
    canonical = written.get(suffix.text.lower())
    if canonical is None or folded[suffix.end : suffix.end + 1] == "-":
        return None  # Co-founder, Data Center-based: no name ends there
    window_start = max(0, suffix.start - 120)
    m = _en_stem_regex().search(folded, window_start, suffix.start)
    if m is None:
        return None
    stem_end = m.start() + len(m.group(0).rstrip())
    own = suffix.id in ("Center", "Cluster", "Park") and _the_own_word(folded, m, known)
    if suffix.text not in written.values() and (not (any(k.end == stem_end for k in known) or own)
                                                 or _EN_INDEFINITE.search(folded, window_start, m.start())):
        return None  # "a new Gansu data center": one of a kind in a place, not a name
    leading = set(names["en_leading_stop"])
    words = m.group(0).split()
    owner = max((i + 1 for i, w in enumerate(words) if w.endswith(("'s", "’s")) or w in names["en_run_verbs"]), default=0)
    whose = _possessive_owner(folded, m, words, owner, known) if suffix.text in written.values() else None
    words = words[owner:]  # China Mobile's Ulanqab Data Center: the owner is a name of its own; Binhai Opens X: a verb
    if whose is not None and all(w in names["en_generic"] for w in words):
        # Cyberport's AI Supercomputing Center: a body's own center named by what it is; the owner makes it one
        return Mention(whose[0], suffix.end, _en_known_or_new(f"{whose[1]} {' '.join([*words, canonical])}", suffix.id),
                       source="pattern")
    while words and (words[0] in leading or words[0].capitalize() in leading):  # The, THE
        words.pop(0)
    words = _after_title(words)
    joined = " ".join(words)
    if (cut := list(re.finditer(r"\b(?:" + _en_suffix_ends() + r")\.?\s+and\s+", joined))):
        words = joined[cut[-1].end() :].split()  # "X Group and Y Group": the name is the last of the two
    phase = re.match(r"(Stage|Phase)\s+([IVX]+|\d+)\s+of\s+", " ".join(words))
    if phase:
        words = words[3:]  # Phase 2 of Lanzhou Mobile Data Center: a phase of the center
    while phase and words and words[0] in leading:
        words.pop(0)
    if words and all(w in names["en_generic"] for w in words) and (placed := _en_park_in_place(folded, m, words, suffix)):
        # the Cloud Computing Industrial Park in Karamay: English names a place's park by its field and the place after
        return Mention(folded.rindex(words[0], m.start(), suffix.start), suffix.end,  # the place stays a mention
                       new_entity(f"{placed} {' '.join([*words, canonical])}", suffix.id), source="pattern")
    if not words or all(w in names["en_generic"] for w in words):
        return None  # "National Supercomputing Center", "National AI Computing Center": which one, the text does not say
    stem = " ".join(words)
    if suffix.id == "Cluster":  # the Zhongwei National Data Center Cluster is the Zhongwei cluster
        core = " ".join(w for w in words if w not in names["en_generic"]).lower()
        key = gazetteer().en_surfaces.get(f"{core} data center cluster")
        if key is not None:
            return Mention(folded.rindex(words[0], m.start(), suffix.start), suffix.end, gazetteer().entities[key])
    first = folded.rindex(words[0], m.start(), suffix.start)
    firm_words = "|".join(map(re.escape, lexicon()["en_suffix"]["Company"]))
    if suffix.id == "Company" and (same := next((k for k in known if k.start == first and (
            k.end == stem_end or re.fullmatch(rf"(?:,?\s+(?:{firm_words}))+", folded[k.end : stem_end]))), None)) is not None:
        entity_known = gazetteer().entities[same.id]
        if entity_known.type == "Company":  # Tencent Holdings, Huawei Technologies, Some Telecom Corporation Limited: the
            # known company, in full
            return Mention(first, suffix.end, entity_known)
    heads = lexicon()["name"]["en_of_heads"]
    type_ = next((heads[w] for w, nxt in zip(words, words[1:], strict=False) if w in heads and nxt == "of"), suffix.id)
    entity = _en_known_or_new(stem + " " + canonical, type_)  # National University of Defense Technology: a body, not a firm
    if not phase:  # Phase II of the Lanzhou New Area Data Center
        phase = re.search(r"\b(Stage|Phase)\s+([IVX]+|\d+)\s+of\s+(?:the\s+)?$", folded[max(0, first - 30) : first])
    if phase:
        start = folded.rindex(phase.group(1), max(0, first - 30), suffix.start)
        word, numeral = phase.group(1), phase.group(2)
        return Mention(start, suffix.end, phase_entity(entity, _ordinal(numeral), word, numeral), source="pattern", part_of=entity)
    ordinal = _EN_ORDINAL_PHASE.search(folded, max(0, first - 40), first)
    if ordinal:  # the second phase of the Yunfan Data Center
        number = _EN_ORDINALS.index(ordinal.group(1).lower()) + 1
        return Mention(ordinal.start(1), suffix.end, phase_entity(entity, number), source="pattern", part_of=entity)
    return Mention(first, suffix.end, entity, source="pattern")


def _en_known_or_new(name: str, type_: str) -> Entity:
    """The entity an English name the patterns built stands for: the known one when the reference data writes it so
    (Cyberport's AI Supercomputing Center → the Cyberport AI Supercomputing Center it knows, with its Chinese name
    and its links), else a new one."""
    key = gazetteer().en_surfaces.get(name.replace("’", "'").lower())
    known = gazetteer().entities.get(key) if key is not None else None
    return known if known is not None and known.type == type_ else new_entity(name, type_)


_EN_IN_PLACE = re.compile(r"\s+in\s+([A-Z][\w'’-]+(?:\s+(?:New\s+)?(?:Area|District|County|City))?)")


def _en_park_in_place(folded: str, m: re.Match[str], words: list[str], suffix: Candidate) -> str | None:
    """A park named by its field in title case and a city or district after "in" (the Cloud Computing Industrial Park
    in Karamay): the place's English label; None for a center (the AI Computing Center in
    Wuhu may be any of the city's) or a run that "the" does not open."""
    if suffix.id != "Park" or not re.search(r"\b[Tt]he\s+$", folded[max(0, m.start() - 5) : folded.rindex(words[0], m.start())]):
        return None
    hit = _EN_IN_PLACE.match(folded, suffix.end)
    key = gazetteer().en_surfaces.get(hit.group(1).replace("’", "'").lower()) if hit else None
    place = gazetteer().entities.get(key) if key else None
    if hit is None or place is None or place.type not in ("City", "District"):
        return None
    return place.en


def _possessive_owner(folded: str, m: re.Match[str], words: list[str], owner: int,
                      known: list[Candidate]) -> tuple[int, str] | None:
    """The known body or firm whose center the name is (the Cyberport's AI Supercomputing Center): where its name starts
    and its English label; None when the word before the name is no known body's possessive."""
    if owner == 0 or not words[owner - 1].endswith(("'s", "’s")):
        return None
    end = m.start() + list(re.finditer(r"\S+", m.group(0)))[owner - 1].end() - 2  # where the name before 's ends
    entities = gazetteer().entities
    hit = next((k for k in known if k.end == end and entities[k.id].type in ("Organization", "Company")), None)
    return (hit.start, entities[hit.id].en) if hit is not None else None


def _after_title(words: list[str]) -> list[str]:
    """The words after a person's title and "of" (Chairman of X Group → X Group); the words unchanged when none."""
    titles = set(lexicon()["name"]["en_titles"])
    if "of" in words and words.index("of") > 0 and all(w in titles for w in words[: words.index("of")]):
        rest = words[words.index("of") + 1 :]
        return rest[1:] if rest[:1] == ["the"] else rest
    return words


def _the_own_word(folded: str, m: re.Match[str], known: list[Candidate]) -> bool:
    """"the Jingshan intelligent computing center", "its Jingshan data center": after "the" or a firm's "its", one or
    two title-case words of their own (no known name, no description) name a center written in lower case; so after
    "The" opening a sentence or a line."""
    words = m.group(0).split()
    opening = words[0] == "The" and re.search(r"(?:^|[.!?:][^\S\n]+|\n)$", folded[max(0, m.start() - 3) : m.start()])
    if opening:
        words = words[1:]
    elif not re.search(r"(?<![\w'’\-])(?:the|its|their)[^\S\n]+$", folded[max(0, m.start() - 7) : m.start()]):
        return False
    if not 1 <= len(words) <= 2:
        return False
    names = lexicon()["name"]
    generic = {*names["en_generic"], *names["en_leading_stop"], *names["en_run_verbs"]}
    return (not any(w in generic or w.endswith(("'s", "’s")) or not w[1:].islower() for w in words)
            and not any(k.start < m.start() + len(m.group(0)) and m.start() < k.end for k in known))


_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_EN_ORDINAL_PHASE = re.compile(r"\b(" + "|".join(_EN_ORDINALS) + r")\s+(?:phase|stage)\s+of\s+(?:the\s+)?$", re.I)


@cache
def _en_suffix_ends() -> str:
    """The last words of the English suffixes (Group, Inc, Center …): "X Inc and Y Company" are two names."""
    ends = {form.split()[-1].rstrip(".") for group in lexicon()["en_suffix"].values() for form in group}
    return "|".join(sorted(map(re.escape, ends | {"Zone"}), key=len, reverse=True))


@cache
def _en_of_regex() -> re.Pattern[str]:
    word = r"[A-Z][\w'’\-]*"
    heads = "|".join(map(re.escape, lexicon()["name"]["en_of_heads"]))
    sp = r"[^\S\n]+"  # on one line
    return re.compile(rf"(?<![\w'’\-])((?:{word}{sp}){{0,4}}?)({heads}){sp}of{sp}(?:the{sp})?{word}"
                      rf"(?:{sp}(?:of{sp}the{sp})?(?:{word}|of|and|for|&))*")


def _en_of_names(folded: str) -> list[Mention]:
    """English names of a body "of" something: the Institute of Computing of the Binhai Academy of Sciences, the
    Ministry of Industry and Information Technology; two bodies joined by "and" stay two."""
    names = lexicon()["name"]
    heads = names["en_of_heads"]
    out = []
    for hit in _en_of_regex().finditer(folded):
        text = hit.group(0)
        second = re.search(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,4}?(?:" + "|".join(heads) + r")\b", text)
        text = text[: second.start()] if second else text
        text = re.sub(r"(?:\s+(?:of|and|for|&|of\s+the))+$", "", text)
        words = text.split()
        lead = 0
        while lead < len(words) and (words[lead].capitalize() in names["en_leading_stop"]
                                     or words[lead] in names["en_run_verbs"] or words[lead].endswith(("'s", "’s"))):
            lead += 1  # THE, China's: no part of the body's name
        words = words[lead:]
        if len(words) < 3 or any(w.endswith(("'s", "’s")) for w in words[words.index("of") :] if "of" in words):
            continue  # the Business Department of Some Group's Planning Division: a body of a body, no name read whole
        start = folded.index(words[0], hit.start())
        name = " ".join(words)
        out.append(Mention(start, start + len(name), new_entity(name, heads[hit.group(2)]), source="pattern"))
    return out


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def _ordinal(numeral: str) -> int:
    """II → 2, 3 → 3, 首/一 → 1."""
    if numeral == "次":  # 次阶段: the next one, after the first
        return 2
    if numeral in "首一二三四五" and len(numeral) == 1:
        return "首一二三四五".index(numeral) or 1
    return _ROMAN.get(numeral) or (int(numeral) if numeral.isdigit() else 0)


_PHASE_AFTER = re.compile(r"(?:项目|专案|工程)?[(（]?第?([一二三四五首次])(?:期|阶段)[)）]?")  # X一期, X第二期, X首阶段
_BARE_PHASE = re.compile(r"(?:(?<=[，,。；;:：\s])|^)(?:项目|专案)?第?([一二三四五首])期(?=项目|工程|园区|建设|规划|占地|总投资|投资|[,，])"
                         r"|\b(Stage|Phase)\s+([IVX]+|\d)\b(?!\s+of\b)")
_PHASE_TYPES = ("Center", "Park", "Cluster")


def phases(folded: str, sentences: list[tuple[int, int]], mentions: list[Mention], topic: Entity | None) -> list[Mention]:
    """Project phases (X一期, X项目二期, Stage II of X): a mention of the phase, part of its project.

    A phase written alone (…项目总投资50亿元,一期项目占地…; Stage I contains …) is one of the first project named before
    it in its sentence, of a phase with that name met before, or, opening its sentence, of the document's topic.
    """
    out: list[Mention] = []
    seen: dict[str, Mention] = {}  # "Stage I" → the phase it named
    taken = bytearray(len(folded) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    for m in mentions:
        if m.part_of is not None and m.entity is not None:
            seen[m.entity.en.rsplit(" ", 2)[-2] + " " + m.entity.en.rsplit(" ", 1)[-1]] = m
        hit = _PHASE_AFTER.match(folded, m.end) if m.entity is not None and m.entity.type in _PHASE_TYPES else None
        if hit is not None and m.part_of is None and m.entity is not None and not any(taken[m.end : hit.end()]):
            out.append(Mention(m.start, hit.end(), phase_entity(m.entity, _ordinal(hit.group(1))), source="pattern",
                               part_of=m.entity))
            taken[m.end : hit.end()] = b"\x01" * (hit.end() - m.end)
        else:
            out.append(m)
    for start, end in sentences:
        for hit in _BARE_PHASE.finditer(folded, start, end):
            if any(taken[hit.start() : hit.end()]):
                continue
            before = [m for m in out if start <= m.start and m.end <= hit.start() and m.entity is not None
                      and m.entity.type in _PHASE_TYPES]
            if hit.group(2):  # Stage I, Phase 2
                label = f"{hit.group(2)} {hit.group(3)}"
                parent = seen[label].part_of if label in seen else (before[-1].entity if before else None)
                if parent is not None:
                    out.append(Mention(hit.start(), hit.end(), phase_entity(parent, _ordinal(hit.group(3)), hit.group(2),
                                                                            hit.group(3)), source="pattern", part_of=parent))
                continue
            # the sentence's project is named first (成都智算中心是天府集群的重要项目,…,二期规划…)
            parent = (before[0].part_of or before[0].entity) if before else (
                topic if hit.start() == start and topic is not None and topic.type in _PHASE_TYPES else None)
            if parent is not None:
                out.append(Mention(hit.start(), hit.end(), phase_entity(parent, _ordinal(hit.group(1))), source="pattern",
                                   part_of=parent))
    return sorted(out, key=lambda m: m.start)


def is_project(entity: Entity) -> bool:
    """Whether "the project" (该项目) can mean this thing: a center or a park, not a zone that governs a place
    (某某经济开发区, 高新区, 新片区)."""
    zones = lexicon()["name"]["zone_suffixes"]
    return entity.type in ("Center", "Park") and not (entity.zh or "").endswith(tuple(zones)) \
        and not entity.en.endswith(("Zone", "Area"))


def _short_forms(folded: str, mentions: list[Mention]) -> tuple[dict[str, Entity], dict[str, Entity]]:
    """Short forms of the new names of a document: the bracket dropped (长三角智算中心 for 长三角(芜湖)智算中心), which
    stands for the name where it was read as a name; and the known place or owner that opens a center's or a park's name
    dropped (空港智算中心 for 河南空港智算中心, 鄱阳湖智算中心 for 中国电信鄱阳湖智算中心), with the place after the owner
    too (临港国际云数据中心 for 中国联通上海临港国际云数据中心), which stands for it wherever it is written, when what is
    left still has a word of its own (not 韶关数据中心 for 中国电信韶关数据中心). English names drop their opening owner
    where the short form was read as a name (the Central Intelligent Computing Center for China Telecom Central …).
    A short form two full names of the page share stands for neither."""
    read_as: dict[str, Entity] = {}
    written: dict[str, Entity] = {}
    shared: set[str] = set()
    heads = {m.start: m for m in mentions if m.source == "gazetteer"}
    en_tails: dict[str, Entity] = {}
    for m in mentions:
        if m.source != "pattern" or m.entity is None or not m.entity.zh or m.part_of is not None:
            continue
        for alias in m.entity.aliases:
            read_as.setdefault(alias, m.entity)
        suffix = suffix_of(m.entity.zh)
        if suffix is None or m.entity.type not in ("Center", "Park"):
            continue
        for tail in _tails_after_heads(folded, m, heads):
            if not has_cjk(tail):
                other = en_tails.setdefault(tail, m.entity)
                if other.key != m.entity.key:
                    shared.add(tail)
                continue
            stem = tail[: -len(suffix["zh"])]
            # a place's own supercomputing center is one institution (曙光重庆超级计算中心 is 重庆超级计算中心)
            institution = suffix["zh"] in lexicon()["name"]["province_institution_heads"] and stem in place_words()
            if m.entity.zh.endswith(tail) and _word_ends_at(m.entity.zh, len(m.entity.zh) - len(tail)) \
                    and (_names_a_thing(stem) or institution):
                other = written.setdefault(tail, m.entity)
                if other.key != m.entity.key:
                    shared.add(tail)
    for m in mentions:  # the English short form, read as a name of its own: the full name's entity
        if m.source == "pattern" and m.entity is not None and m.entity.zh and m.part_of is None \
                and (full := en_tails.get(m.entity.en)) is not None and full.key != m.entity.key \
                and full.type == m.entity.type and m.entity.en not in shared:
            read_as.setdefault(m.entity.zh, full)
    # the place after the owner dropped (华为人工智能大数据中心 for 华为成都人工智能大数据中心), where that form was read
    # as a name of its own and no other full name of the page has it
    placeless: dict[str, Entity] = {}
    for m in mentions:
        owner = heads.get(m.start)
        place = heads.get(owner.end) if owner is not None else None
        if m.source != "pattern" or m.entity is None or not m.entity.zh or m.part_of is not None \
                or m.entity.type not in ("Center", "Park") or owner is None or place is None \
                or owner.entity is None or owner.entity.type not in ("Company", "Organization") \
                or place.entity is None or place.entity.type not in ("City", "District", "Province") or place.end >= m.end:
            continue
        short = folded[m.start : owner.end] + folded[place.end : m.end]
        if placeless.setdefault(short, m.entity).key != m.entity.key:
            shared.add(short)
    for m in mentions:
        if m.source == "pattern" and m.entity is not None and m.entity.zh in placeless and m.entity.zh not in shared \
                and placeless[m.entity.zh].key != m.entity.key and placeless[m.entity.zh].type == m.entity.type:
            read_as.setdefault(m.entity.zh, placeless[m.entity.zh])
    return read_as, {short: entity for short, entity in written.items() if short not in shared}


def _tails_after_heads(folded: str, m: Mention, heads: dict[int, Mention]) -> list[str]:
    """What is left of a new name's text after the known names that open it, one head dropped at a time: the first head
    any known name (中国电信, 河南), the next ones places only (中国联通 | 上海 | 临港国际云数据中心)."""
    tails: list[str] = []
    at = m.start
    places = ("City", "District", "Province")
    while (head := heads.get(at)) is not None and head.end < m.end and head.entity is not None \
            and (at == m.start or head.entity.type in places):
        at = head.end
        while folded[at : at + 1] == " ":
            at += 1
        tail = folded[at : m.end]
        if not has_cjk(tail):
            if m.entity is not None and m.entity.en.endswith(" " + tail) and tail[:1].isupper():
                tails.append(tail)
            continue
        tail = tail.replace("（", "(").replace("）", ")")
        if m.entity is not None and m.entity.zh and m.entity.zh.endswith(tail):
            tails.append(tail)
    return tails


def _word_ends_at(text: str, end: int) -> bool:
    """Whether a word of jieba's own cut of `text` ends at `end` (京东 does not end a word in 京东方…)."""
    pos = 0
    for word in plain_words(text):
        pos += len(word)
        if pos >= end:
            return pos == end
    return False


def _names_a_thing(stem: str) -> bool:
    """Whether a stem left after its opening place or owner still names something: a word of its own that is no place,
    description or name suffix (鄱阳湖, 空港; not 韶关, 高新区浈江, 数字)."""
    if len(stem) < 2 or stem.startswith(tuple(s["zh"] for s in lexicon()["suffix"])) or not has_cjk(stem[0]):
        return False
    places = [w for w in place_words() if w in stem]
    rest = stem
    for place in sorted(places, key=len, reverse=True):
        rest = rest.replace(place, " ")
    return any(len(piece) >= 2 and not _only_descriptive(piece) for piece in rest.split())


def _shortened_descriptions(mentions: list[Mention]) -> dict[str, Entity]:
    """A name written again without its descriptions or with the short word for its kind (江城人工智能计算中心 →
    江城智算中心, 青松超大规模智能算力中心 → 青松算力中心): the one full name on the page with that coined word.
    Another kind is another thing (江城超算中心 is not 江城智算中心)."""
    rule = lexicon()["name"]
    short_kinds: dict[str, list[str]] = rule["short_kind"]
    fillers = tuple(rule["descriptive_stops"])
    new = {m.entity.zh: m.entity for m in mentions
           if m.source == "pattern" and m.entity is not None and m.entity.zh and m.part_of is None and m.entity.type == "Center"}
    parts = {zh: (zh[: -len(sfx["zh"])], sfx["zh"]) for zh in new if (sfx := suffix_of(zh)) is not None}
    out: dict[str, Entity] = {}
    for short, (stem, kind) in parts.items():
        if len(stem) < 2:
            continue
        # a place's own center written with the short word for its kind (重庆超算中心, 重庆超级计算中心) is the same
        # one; a place with words between is not
        fulls = [zh for zh, (s, k) in parts.items() if zh != short and s.startswith(stem)
                 and (k == kind or k in short_kinds.get(kind, ())) and _only_filler(s[len(stem) :], fillers)
                 and (s == stem or _names_a_thing(stem))]
        if len(fulls) == 1 and len(fulls[0]) > len(short):
            out[short] = new[fulls[0]]
    return out


def _only_filler(text: str, fillers: tuple[str, ...]) -> bool:
    """Whether `text` is nothing or descriptions only (超大规模人工智能)."""
    for word in sorted(fillers, key=len, reverse=True):
        text = text.replace(word, "")
    return not text or _only_descriptive(text)


def _owner_written_forms(mentions: list[Mention]) -> dict[str, Entity]:
    """A name opening with its owner's group name (某某数据集团芜湖算力产业园) where the text also writes the thing's own
    name with the owner's short name (某某芜湖算力产业园): that own name is the name, the longer one says whose it is."""
    ends = sorted(lexicon()["name"]["owner_project"]["owner_ends"], key=len, reverse=True)
    names = {m.entity.zh: m.entity for m in mentions
             if m.source == "pattern" and m.entity is not None and m.entity.zh and m.part_of is None
             and m.entity.type in ("Center", "Park")}
    out: dict[str, Entity] = {}
    contractor_ends = (*ends, *lexicon()["name"]["contractor_ends"])
    for zh in names:
        # 某某局某地某某计算集群 where the text also writes 某地某某计算集群: a builder's word for its site, the site's name
        own_name = next((names[other] for other in names if other != zh and zh.endswith(other)
                         and zh[: -len(other)].endswith(contractor_ends)), None)
        if own_name is not None:
            out[zh] = own_name
            continue
        for end_word in ends:
            at = zh.find(end_word)
            if at < 3 or len(zh) - at - len(end_word) < 4:
                continue
            stem, rest = zh[:at], zh[at + len(end_word) :]
            own = next((names[stem[:n] + rest] for n in range(len(stem) - 1, 1, -1) if stem[:n] + rest in names), None)
            if own is not None:
                out[zh] = own
                break
    return out


_DEFINED = re.compile(r"(?:项目|工程|专案)?(?:[(（]?[一二三四五首]期[)）]?)?(?:项目|工程|专案)?\s*"
                      r"(?:[(（]\s*(?:以下)?(?:简称|下称)\s*[:：]?\s*[“\"「『]?([^“”\"「」『』()（）,，。]{2,16}?)[”\"」』]?\s*[)）]"
                      r"|[,，]\s*(?:以下)?简称\s*[“\"「『]([^“”\"「」『』()（）,，。]{2,16})[”\"」』]"
                      r"|\s*\((?:hereinafter|hereafter)(?:\s+referred\s+to\s+as)?\s+(?:the\s+)?[“\"]([^“”\"]{2,40})[”\"]\))")


def _defined_forms(folded: str, mentions: list[Mention]) -> dict[str, Entity]:
    """Short forms a text defines for a name: X(以下简称“Y”), X,简称“Y”, X (hereinafter "Y"): Y is X from there on."""
    out: dict[str, Entity] = {}
    for m in mentions:
        if m.entity is None or m.anaphor:
            continue
        hit = _DEFINED.match(folded, m.end)
        if hit is None:
            continue
        short = next(g for g in hit.groups() if g).strip()
        short = re.sub(r"(?:项目|工程|专案)$", "", short) if has_cjk(short) else short
        if len(short) >= 2 and short != m.entity.zh:
            out.setdefault(short, m.entity)
    for m in mentions:
        if m.entity is not None and not m.anaphor and (short := _acronym_after(folded, m)) is not None:
            out.setdefault(short, m.entity)
    return out


_ACRONYM = re.compile(r"[^\S\n]?[(（]\s*([A-Z][A-Z0-9&]{2,7})\s*[)）]")


def _acronym_after(folded: str, m: Mention) -> str | None:
    """An upper-case short form in brackets right after a name: 某某超算中心(ABSC), Binhai Data Committee (BDC). An
    English name's short form is made of its words' first letters, in order."""
    hit = _ACRONYM.match(folded, m.end)
    if hit is None or hit.group(1) in lexicon()["name"]["not_acronym_alias"]:
        return None
    short = hit.group(1)
    name = folded[m.start : m.end]
    if not has_cjk(name):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’\-]*", name) if w[0].isupper())
        letters = iter(initials)
        if not all(ch in letters for ch in short if ch.isalpha()):
            return None  # Binhai Data Center (AWS): another body in brackets, not this name's short form
    return short


def _aliases(folded: str, mentions: list[Mention]) -> list[Mention]:
    """A short form of a new name is that name: where it was read as a name, and a defined or place-less one wherever it
    is written (the longer mention wins where one overlaps). A defined form that is a common noun (以下简称“中心”) is the
    name only where it opens a clause, as 该中心 would."""
    read_as, written = _short_forms(folded, mentions)
    written.update(_defined_forms(folded, mentions))
    full = {**_shortened_descriptions(mentions), **read_as, **written, **_owner_written_forms(mentions)}
    for short, entity in list(full.items()):  # 重庆超算中心 → 重庆超级计算中心 → 曙光重庆超级计算中心: the longest form
        seen = {short}
        while entity.zh in full and entity.zh not in seen:
            seen.add(entity.zh)
            entity = full[entity.zh]
        full[short] = entity
    out = [Mention(m.start, m.end, full[m.entity.zh], m.anaphor, m.source)
           if m.source == "pattern" and m.entity is not None and m.entity.zh in full and m.part_of is None else m
           for m in mentions]
    generic = {*lexicon()["name"]["generic_short_forms"], *(s["zh"] for s in lexicon()["suffix"])}
    for short, entity in written.items():
        if not has_cjk(short) and not re.fullmatch(r"[A-Z][A-Z0-9&]{2,7}", short):
            continue  # an English short form other than an acronym ("the Project") may be a common word elsewhere
        for hit in re.finditer(re.escape(short), folded):
            at = hit.start()
            if short in generic and at > 0 and folded[at - 1] not in "。！？；;，,:：\n “\"「":
                continue
            if has_cjk(short) or not re.search(r"\w", folded[at - 1 : at] + folded[hit.end() : hit.end() + 1]):
                out.append(Mention(at, hit.end(), entity, source="alias"))
    return out


@cache
def _city_named_forms() -> list[tuple[re.Pattern[str], dict]]:
    out = []
    en_city = r"([A-Z][a-z]+(?:['’][a-z]+|[ \-][A-Z][a-z]+)?)"
    for family in lexicon()["city_named"]:
        for form in family["zh"]:
            head, tail = (re.escape(part).replace("\\(", "[(（]").replace("\\)", "[)）]") for part in form.split("{}"))
            out.append((re.compile(head + r"([\u4e00-\u9fff]{2,4}?)市?" + tail), family))
        for form in family["en"]:
            head, tail = (re.escape(part) for part in form.split("{}"))
            out.append((re.compile(r"(?<![\w-])" + head + en_city + tail + r"(?![\w'’])"), family))
        cities = family.get("short_cities", [])
        zh_cities = "|".join(map(re.escape, cities))
        en_cities = "|".join(re.escape(gazetteer().place_en[c]) for c in cities if c in gazetteer().place_en)
        for form in family.get("short_zh", []) if cities else []:
            head, tail = (re.escape(part) for part in form.split("{}"))
            not_before = "|".join(map(re.escape, family.get("short_zh_not_before", [])))
            out.append((re.compile(head + rf"({zh_cities})市?" + tail + rf"(?![(（]{'|' + not_before if not_before else ''})"), family))
        for form in family.get("short_en", []) if cities else []:
            head, tail = (re.escape(part) for part in form.split("{}"))
            out.append((re.compile(r"(?<![\w-])" + head + rf"({en_cities})" + tail + r"(?![\w'’])"), family))
    return out


def _city_named(folded: str) -> list[Mention]:
    """Centers named after their city inside the name (国家超算西安中心, National Supercomputing Center in Xi'an): one
    entity per city, whichever form the text writes."""
    gaz = gazetteer()
    out = []
    for pattern, family in _city_named_forms():
        for hit in pattern.finditer(folded):
            city = hit.group(1)
            zh = city if has_cjk(city) else gaz.place_zh.get(city.lower())
            en = gaz.place_en.get(zh or "") if zh else None
            if zh and en:
                # its other forms (国家超算成都中心, 成都超算中心 where the short forms are the national one's) are labels
                # a question may name it by
                short = zh in family.get("short_cities", [])
                forms = [*(f.format(zh) for f in family["zh"][1:] + (family.get("short_zh", []) if short else [])),
                         *(f.format(en) for f in family["en"][1:] + (family.get("short_en", []) if short else []))]
                entity = Entity(slug(family["en"][0].format(en)), family["type"], family["zh"][0].format(zh),
                                family["en"][0].format(en), tuple(dict.fromkeys(forms)))
                out.append(Mention(hit.start(), hit.end(), entity, source="gazetteer"))
    return out


@cache
def _cluster_of_city() -> tuple[dict[str, Entity], re.Pattern[str], re.Pattern[str]]:
    """The national cluster each city holds, and the two ways news set one up in a city: 甘肃枢纽在庆阳建设数据中心集群,
    "the hub set up a data center cluster in Qingyang"."""
    gaz = gazetteer()
    by_city: dict[str, Entity] = {}
    for entity in gaz.entities.values():
        if entity.type == "Cluster":
            for code, key in entity.links:
                city = gaz.entities.get(key)
                if code == "located_in" and city is not None and city.type == "City" and city.zh:
                    by_city[city.zh] = by_city[city.en.lower()] = entity
    zh_cities = "|".join(sorted((re.escape(c) for c in by_city if has_cjk(c)), key=len, reverse=True))
    en_cities = "|".join(sorted((re.escape(c) for c in by_city if not has_cjk(c)), key=len, reverse=True))
    zh = re.compile(rf"(?:在|于|落户)({zh_cities})市?(?:设立|建设|布局|打造|规划建设|规划布局|建|设)了?(?:国家级?|一个)?的?(数据中心集群)")
    en = re.compile(rf"(?i:\b(?:a|the|its)\s+(?:national\s+)?(data\s+cent(?:er|re)\s+cluster)\s+in\s+)({en_cities.title()})\b"
                    # …or names it after the city as a "mega-cluster" (the Wuhu mega-cluster): that city's national one
                    rf"|\b()({en_cities.title()})[^\S\n]+(?i:mega-?\s?cluster)\b")
    return by_city, zh, en


_BRACKETED_PLACE = re.compile(r"[(（]([\u4e00-\u9fff]{2,6})[)）](?:智算中心|算力中心|数据中心|中心)")
_BRAND_WORDS = ("智算", "算力", "超算", "数据", "云")


@cache
def _firm_surfaces() -> frozenset[str]:
    gaz = gazetteer()
    return frozenset(s for s, k in gaz.zh_surfaces.items() if gaz.entities[k].type == "Company" and len(s) >= 2)


def _branded_centers(folded: str) -> list[Mention]:
    """A firm's brand, its city in brackets, and 中心 (协鑫智算(上海)中心, 甲乙算力(庆阳)中心): the firm's center there."""
    places, firms = gazetteer().place_en, _firm_surfaces()
    out = []
    for hit in _BRACKETED_PLACE.finditer(folded):
        if hit.group(1) not in places:
            continue
        end = hit.start()
        brand = next((w for w in _BRAND_WORDS if folded.endswith(w, 0, end)), "")
        firm_end = end - len(brand)
        size = next((k for k in range(min(12, firm_end), 1, -1) if folded[firm_end - k : firm_end] in firms), 0)
        if size:
            start = firm_end - size
            out.append(Mention(start, hit.end(), new_entity(folded[start : hit.end()], "Center"), source="pattern"))
    return out


def _clusters_set_up(folded: str) -> list[Mention]:
    """A cluster the text sets up in a city without naming it (在庆阳建设数据中心集群): that city's national cluster."""
    by_city, zh, en = _cluster_of_city()
    out = [Mention(hit.start(2), hit.end(2), by_city[hit.group(1)], source="gazetteer") for hit in zh.finditer(folded)]
    for hit in en.finditer(folded):
        city = hit.group(2) or hit.group(4)
        if city.lower() in by_city:
            start, end = (hit.start(1), hit.end(1)) if hit.group(2) else (hit.start(4), hit.end())
            out.append(Mention(start, end, by_city[city.lower()], source="gazetteer"))
    return out


_DISTRICT = re.compile(r"(?:(?<=[市省、，,和及与在于至])|(?<=位于)|(?<=包括))([\u4e00-\u9fff]{2})([区县])"
                       r"(?![\u4e00-\u9fff]{0,1}(?:数据|内|域|块|位|间|级))")


_EN_NODE_IN = re.compile(r"\b[Aa]n?[^\S\n]+(?:new[^\S\n]+|core[^\S\n]+)?node(?=[^\S\n]+in[^\S\n]+)[^\S\n]+in[^\S\n]+")


def _network_nodes(folded: str, known: list[Candidate]) -> list[Mention]:
    """A node of a computing network that centers join (国家超算互联网核心节点, 国家超算互联网郑州节点; SCNet … a new node
    in Zhengzhou): a site of its own, named by the network and what the text says of the node (核心, its city). Only
    the networks the lexicon lists: a hub node (枢纽节点) is a region, and a node of a road or a power grid is no site."""
    entities = gazetteer().entities
    networks = set(lexicon()["name"]["node_networks"])
    places = {k.start: k for k in known if entities[k.id].type in ("City", "District")}
    out = []
    for k in known:
        if k.id not in networks:
            continue
        net = entities[k.id]
        if has_cjk(folded[k.start : k.end]):
            zh = re.compile(r"(核心|[\u4e00-\u9fff]{2,3}?)?节点(?!城市|建设|布局|之一)").match(folded, k.end)
            if zh is None:
                continue
            middle = zh.group(1) or ""
            place = places.get(k.end)
            if middle and middle != "核心" and (place is None or place.end != k.end + len(middle)):
                continue  # 国家超算互联网重要节点: which one, the text does not say
            if net.zh:
                out.append(Mention(k.start, zh.end(), new_entity(net.zh + middle + "节点", "Center"), source="pattern"))
            continue
        # English: the network, then "a (new) node in <City>" in the same sentence
        stop = min((i for i in (folded.find(". ", k.end), folded.find("\n", k.end)) if i >= 0), default=len(folded))
        en = _EN_NODE_IN.search(folded, k.end, stop)
        if en is None or (place := places.get(en.end())) is None:
            continue
        city = entities[place.id]
        out.append(Mention(en.start(), folded.index("node", en.start()) + 4, Entity(  # the city stays a mention
            slug(f"{net.en} {_EN_ADMIN.sub('', city.en)} node"), "Center", f"{net.zh}{city.zh}节点",
            f"{net.en} {_EN_ADMIN.sub('', city.en)} Node", ()), source="pattern"))
    return out


def _districts(folded: str) -> list[Mention]:
    """County-level districts and counties the reference data lacks (成都市双流区, 郫都区, 东阿县): two characters and
    区 or 县 after a city, a list mark or a locative verb, never a generic word (园区, 城区, 起步区)."""
    generic = set(lexicon()["name"]["district_generic"])
    out = []
    for m in _DISTRICT.finditer(folded):
        stem = m.group(1)
        if stem in generic or stem[-1] in "新市省园城镇港谷湾" or any(ch in "全各本该此每为个" for ch in stem) \
                or stem[0] in lexicon()["name"]["numerals"] or stem[0] in "和与及或跟同":
            continue  # 为全区, 一个县, 城市和地区: a clause, not a place
        out.append(Mention(m.start(1), m.end(2), new_entity(stem + m.group(2), "District"), source="pattern"))
    return out


@cache
def _firm_list() -> re.Pattern[str]:
    item = r"[\u4e00-\u9fffA-Za-z0-9]{2,8}"
    nouns = "|".join(map(re.escape, lexicon()["name"]["firm_list_nouns"]))
    # what the firms are between the count and the noun: 等5家全国数据中心龙头企业, 等7家互联网头部企业
    return re.compile(rf"(?<![\u4e00-\u9fffA-Za-z0-9])((?:{item}、)+{item})等\s*[0-9一二三四五六七八九十百]+\s*家"
                      rf"[\u4e00-\u9fff]{{0,8}}?(?:{nouns})")


def _listed_firms(folded: str) -> list[Mention]:
    """The items of a list that the text counts as firms (A、B、C等12家企业): each one is a company.

    The first item is read only as the short name of one known firm (…先后引进甲乙、丙丁等: 甲乙 for 甲乙数据): where
    it starts the clause does not say (会上甲乙、丙丁等), and a known name there is found anyway.
    """
    generic = set(lexicon()["name"]["generic_parties"])
    out = []
    for m in _firm_list().finditer(folded):
        items = m.group(1).split("、")
        start = m.start(1)
        while start > 0 and folded[start - 1] == "、":  # the regex starts at the last item that opens after a mark
            head = re.search(r"[\u4e00-\u9fffA-Za-z0-9]{1,12}$", folded[max(0, start - 13) : start - 1])
            if head is None:
                break
            items.insert(0, head.group(0))
            start -= len(head.group(0)) + 1
        first, *rest = items
        short = next((first[-n:] for n in range(min(6, len(first)), 1, -1) if _firm_by_short_name(first[-n:])), None)
        if short is not None and folded.startswith(short, start + len(first) - len(short)):
            at = start + len(first) - len(short)
            out.append(Mention(at, at + len(short), _firm_by_short_name(short), source="pattern"))  # type: ignore[arg-type]
        pos = start + len(first) + 1
        for item in rest:
            if item not in generic and not _only_descriptive(item) and not item[0].isdigit():
                entity = _firm_by_short_name(item) or new_entity(item, "Company")
                out.append(Mention(pos, pos + len(item), entity, source="pattern"))
            pos += len(item) + 1
    return out


@cache
def _firm_by_short_name(short: str) -> Entity | None:
    """The one known company whose name opens with a listed firm's short name (秦淮 for 秦淮数据); None when none or
    several do, or the short name is a place."""
    gaz = gazetteer()
    if len(short) < 2 or short in place_words():
        return None
    keys = {k for surface, k in gaz.zh_surfaces.items() if surface.startswith(short) and gaz.entities[k].type == "Company"}
    return gaz.entities[next(iter(keys))] if len(keys) == 1 else None


def _bracketed_firms(folded: str, known: list[Candidate]) -> list[Mention]:
    """A firm's Chinese name and its English name in brackets (辉达(NVIDIA)宣布…): a company with both labels, and
    its Chinese name written again on the page is that firm. Only a one-word brand (NVIDIA, Nvidia) in the bracket,
    and a party's word after it: 算力(Compute) or a place's gloss names no firm."""
    names = lexicon()["name"]
    after = "|".join(map(re.escape, names["bracketed_firm_after"]))
    pattern = rf"(?:(?<![\u4e00-\u9fff])|(?<=[由与和及、据]))([\u4e00-\u9fff]{{2,4}})[(（]\s*([A-Z][A-Za-z]{{1,15}})\s*[)）](?={after})"
    gaz = gazetteer()
    out: list[Mention] = []
    for hit in re.finditer(pattern, folded):
        zh, en = hit.group(1), hit.group(2)
        if any(k.start < hit.end(1) and hit.start(1) < k.end for k in known) or zh in names["generic_stems"] \
                or _only_descriptive(zh) or zh in gaz.zh_surfaces or en.lower() in {w.lower() for w in place_words()}:
            continue  # a known name, a description, or a place's English gloss
        entity = replace(new_entity(en, "Company"), zh=zh)
        out += [Mention(m.start(), m.end(), entity, source="pattern") for m in re.finditer(re.escape(zh), folded)]
    return out


@cache
def _stock_code() -> re.Pattern[str]:
    exchanges = "|".join(map(re.escape, lexicon()["name"]["stock_exchanges"]))
    bare = lexicon()["name"]["stock_code_bare"]
    return re.compile(rf"[^\S\n]?[(（]\s*(?:(?:[0-9]{{6}}|[0-9]{{4,5}})\.(?:{exchanges})\b(?=\s*[)）,，;；])|{bare}\s*[)）])")


def _listed_companies(folded: str, known: list[Candidate]) -> list[Mention]:
    """A listed firm named before its stock code (某某股份(600000.SH), 某某时尚(002000.SZ)公告): the short name the market
    knows it by is a company, whatever its last word. A stem cut at a function word (两连板的某某股份) starts after it."""
    names = lexicon()["name"]
    out = []
    for hit in _stock_code().finditer(folded):
        at = hit.start()
        near = [k for k in known if at - _REACH <= k.start < at]
        if any(k.end == at for k in near):
            continue  # a known company: it is read already
        start = _stem_start(folded, at, near, company=True)
        stem = folded[start:at]
        if not 2 <= len(stem) <= 8 or not all(map(has_cjk, stem)) or stem[0] in names["numerals"] \
                or stem in names["generic_stems"] or stem.endswith(tuple(names["generic_parties"])):
            continue  # 上市公司(600000.SH): a kind of party; an English or mixed run: not read here
        out.append(Mention(start, at, new_entity(stem, "Company"), source="pattern"))
    for name in {folded[m.start : m.end] for m in out}:  # 某某股份 written again without its code is that firm
        out += [Mention(hit.start(), hit.end(), new_entity(name, "Company"), source="pattern")
                for hit in re.finditer(re.escape(name), folded) if not any(m.start == hit.start() for m in out)]
    return out


def _groups(folded: str, known: list[Candidate]) -> list[Mention]:
    """A group the reference data lacks, named by its own word and 集团 (某钢集团, 某省电力集团): a company.

    Precision first: the name must open a line, or follow a list mark, a bracket or a function word, its stem holds no pronoun and
    opens with no verb, and a known company before 集团 (某某电信集团) is that company, so nothing new is read.
    """
    names = lexicon()["name"]
    rule = names["group"]
    generic = tuple(names["generic_parties"])
    inner = tuple(names["company_inner_words"])
    entities = gazetteer().entities
    out = []
    for hit in re.finditer(re.escape(rule["word"]), folded):
        at = hit.start()
        if folded.startswith(tuple(rule["not_before"]), hit.end()):
            continue  # 某某集团有限公司: the registered name's own rule reads it
        near = [k for k in known if at - _REACH <= k.start < at]
        start = _stem_start(folded, at, near, company=True)
        stem = folded[start:at]
        if not 2 <= len(stem) <= 8 or not all(map(has_cjk, stem)) or stem[0] in names["numerals"] \
                or any(ch in rule["not_in_stem"] for ch in stem) or stem.startswith(inner) or stem.endswith(generic) \
                or stem in names["generic_stems"] or _only_descriptive(stem):
            continue  # 四大集团, 央企集团, 投资某某集团: a count, a kind of party or a clause
        if any(k.end == at and entities[k.id].type not in ("Province", "City", "District") for k in near) \
                or any(k.start < start < k.end for k in near):
            continue  # 某某电信集团 is the known company; a stem that cuts a known name is no name
        # a clause's subject after a comma: a stem of a name's length and a verb after 集团 (…,某某控股集团将投资)
        subject = folded[start - 1 : start] in ",，" and len(stem) >= rule["after_comma_min"] \
            and folded.startswith(tuple(rule["after_comma_verbs"]), hit.end())
        if start > 0 and folded[start - 1] != "\n" and not folded.endswith(tuple(rule["opens_after"]), 0, start) \
                and not subject:
            continue  # cut after a date word (日报报业集团) or a clause's comma (…,争取集团投资): no name's start
        out.append(Mention(start, hit.end(), new_entity(stem + rule["word"], "Company"), source="pattern"))
    return out


def _is_area_word(folded: str, c: Candidate, entity: Entity) -> bool:
    """江北区域, 南岸区域: a district's name inside 区域 ("area") is a direction, not the district."""
    return entity.type == "District" and c.text.endswith("区") and folded[c.end : c.end + 1] == "域"


def _common_word(folded: str, c: Candidate) -> bool:
    """数字经济浪潮, 时代的浪潮中: a firm's short name that is a common word after words that make it one."""
    before = lexicon()["name"]["common_word_names"].get(c.text)
    return before is not None and folded[max(0, c.start - 6) : c.start].endswith(tuple(before))


@cache
def _site_suffix_types() -> dict[str, str]:
    return {s["zh"]: s["type"] for s in lexicon()["suffix"] if s["type"] in ("Center", "Park", "Cluster")}


def _site_run_into(folded: str, c: Candidate, entity: Entity) -> Candidate | None:
    """The site's suffix a firm's short name runs into, its last word opening it (临港算力 in 临港算力平台, 临港算力中心):
    the site's name, not the firm; None when there is none (华为云数据中心 is a center of 华为, a firm's name before
    the suffix)."""
    if entity.type != "Company":
        return None
    suffixes, firms = _site_suffixes(), _firm_surfaces()
    for i in range(c.start + 1, c.end):
        hit = suffixes.match(folded, i)
        if hit is not None and hit.end() > c.end and folded[c.start : i] not in firms:
            return Candidate(i, hit.end(), "SUFFIX", _site_suffix_types()[hit.group()], hit.group())
    return None


def _in_personal_name(folded: str, c: Candidate, entity: Entity, found: list[Candidate]) -> bool:
    """Zhang Yulin, 王中卫表示: a place's name that is a person's given name (a surname before it) names no place."""
    if entity.type not in ("City", "District", "Province"):
        return False
    person = lexicon()["person"]
    if c.text[:1].isupper():
        before = re.search(r"\b([A-Z][a-z]+)\s+$", folded[max(0, c.start - 12) : c.start])
        after = folded[c.end : c.end + 12]
        return (before is not None and before.group(1) in person["surnames_en"]
                and not re.match(r"\s+(?:City|Province|County|District|cluster|data|hub)\b", after, re.I))
    if not (2 <= len(c.text) <= 3) or c.start == 0 or folded[c.start - 1] not in person["surnames_zh"]:
        return False
    if any(k.start < c.start - 1 < k.end for k in found if k.label == "KNOWN"):
        return False  # 宁夏中卫: the character before belongs to another name
    return folded.startswith(tuple(person["after_zh"]), c.end)


def _place_and_kind(folded: str, m: Mention, known: list[Candidate]) -> str | None:
    """The place of a center written as a place and a kind of center only (宜宾算力中心, 中卫市数据中心): how news
    speaks of a place's centers, not a name; None for a name with a word of its own (寅午数据中心)."""
    name = folded[m.start : m.end]
    head = next((h for h in lexicon()["name"]["place_kind_heads"] if name.endswith(h)), None)
    if m.source != "pattern" or m.entity is None or m.entity.type != "Center" or head is None:
        return None
    entities = gazetteer().entities
    places = [k for k in known if m.start <= k.start and k.end <= m.end - len(head)
              and entities[k.id].type in ("Province", "City", "District")]
    if not places or _has_proper_word(folded, m.start, m.end - len(head), known, glossary_words=True) \
            or re.search(r"[A-Za-z0-9]", name):
        return None  # 某市2000P智算中心: a size makes one project of it, whose figures are not the city's
    return places[-1].text


def _place_descriptions(folded: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                        known: list[Candidate]) -> list[Mention]:
    """Drop a place-and-kind center when the page names another center of that place (a headline's 宜宾算力中心 over a
    body's 寅午数据中心位于宜宾市 is the body's center) or writes the place in full (中卫市数据中心: the city's centers).
    Alone, 南京智算中心 stays a name: dropped, its figures would go to the city."""
    described = {id(m): place for m in mentions if (place := _place_and_kind(folded, m, known)) is not None}
    if not described:
        return mentions
    others = [m for m in mentions if id(m) not in described and m.entity is not None and m.entity.type == "Center"]

    def sentence_of(pos: int) -> str:
        """The sentence around `pos`, with every place-and-kind name blanked: the other center must meet the place."""
        a, b = next(((a, b) for a, b in sentences if a <= pos < b), (pos, pos))
        text = list(folded[a:b])
        for d in mentions:
            if id(d) in described and a <= d.start < b:
                text[d.start - a : d.end - a] = "_" * (min(d.end, b) - d.start)
        return "".join(text)

    def kept(m: Mention) -> bool:
        place = described[id(m)]
        bare = place.removesuffix("市").removesuffix("省").removesuffix("县")
        if any(o.entity is not None and m.entity is not None and o.entity.en == m.entity.en for o in others):
            return True  # 南京智算中心 for 南京智能计算中心 written before: a short form of that name
        here = sentence_of(m.start)
        if any((bare in folded[o.start : o.end] or bare in sentence_of(o.start)) and sentence_of(o.start) != here
               for o in others):
            return False  # another center met with the place elsewhere (寅午数据中心位于宜宾市); listed with it: another
        # 中卫市数据中心: the city's centers, written with the city's full name (its figures are the city's), unless
        # 项目 or a phase makes it one project (某市大数据中心项目总投资…: not the city's investment)
        full = place.endswith(("市", "省", "县")) or folded[m.start : m.end].startswith(place + "市")
        return not full or bool(_project_after().match(folded, m.end))

    return [m for m in mentions if id(m) not in described or kept(m)]


def find_mentions(folded: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """All non-overlapping mentions in `folded`, longest first, known names before patterns."""
    gaz = gazetteer()
    found = list(candidates(folded, sentences))
    known = [c for c in found if c.label == "KNOWN" and not (c.text.isascii() and len(c.text) <= 4 and not c.text[0].isupper())
             and not _is_area_word(folded, c, gaz.entities[c.id]) and not _common_word(folded, c)
             and not _in_personal_name(folded, c, gaz.entities[c.id], found)]
    run_into = {id(c): site for c in known if (site := _site_run_into(folded, c, gaz.entities[c.id])) is not None}
    found += run_into.values()  # the suffix the ruler gave to the firm's name
    known = [c for c in known if id(c) not in run_into]
    mentions = [Mention(c.start, c.end, gaz.entities[c.id]) for c in known]
    known.sort(key=lambda c: c.start)
    starts = [c.start for c in known]
    for c in found:
        if c.label == "ANAPHOR":
            mentions.append(Mention(c.start, c.end, None, anaphor=c.id, source="anaphor"))
        elif c.label == "SUFFIX":
            # only the known names a stem can reach (120 characters back at most): linear in a long text
            near = known[bisect_left(starts, c.start - _REACH) : bisect_left(starts, c.end)]
            new = _zh_pattern_mention(folded, c, near) if has_cjk(c.text) else _en_pattern_mention(folded, c, near)
            if new is not None:
                mentions.append(new)
    mentions += _owner_projects(folded, mentions, known)
    mentions += _phased_centers(folded, known)
    mentions += _en_supercomputers(folded, known)
    mentions += _en_owner_place_centers(folded, known)
    mentions += _city_named(folded)
    mentions += _clusters_set_up(folded)
    mentions += _branded_centers(folded)
    mentions += _districts(folded)
    mentions += _network_nodes(folded, known)
    mentions += _listed_firms(folded)
    mentions += _groups(folded, known)
    mentions += _listed_companies(folded, known)
    mentions += _bracketed_firms(folded, known)
    mentions = _place_descriptions(folded, sentences, mentions, known)
    mentions = _aliases(folded, mentions)
    known_ends = {m.end for m in mentions if m.source == "gazetteer"}
    mentions = [m for m in mentions if not (m.source == "pattern" and m.end in known_ends)]
    mentions += _en_of_names(folded)  # …of the Chinese Academy of Sciences: ends with a known name, and is longer
    rank = {"alias": 0, "gazetteer": 0, "pattern": 1, "anaphor": 2}
    mentions.sort(key=lambda m: (-(m.end - m.start), rank[m.source], m.start))
    taken: list[Mention] = []
    occupied = bytearray(len(folded) + 1)
    for mention in mentions:
        if any(occupied[mention.start : mention.end]):
            continue
        occupied[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        taken.append(mention)
    return sorted(taken, key=lambda m: m.start)
