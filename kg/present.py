"""Figures and answers in words for people, in one language and script: the one presenter.

The CLI, the HTML pages and `/ask` (its `display`, which the page script only places) word a figure
here and nowhere else, so a figure reads the same everywhere: "CNY 2.5 billion" / "25亿元" / "25億元".
`script` is "en", "zh-Hans" or "zh-Hant"; Chinese text is written in simplified characters and turned
into traditional ones at the end, so no simplified character leaks into a traditional answer.
"""

from __future__ import annotations

import re
from typing import Any

from extract.text import to_traditional

SCRIPTS = ("en", "zh-Hans", "zh-Hant")

_COMPARATOR = {"zh": {"gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过", "approx": "约"},
               "en": {"gt": "more than ", "ge": "at least ", "lt": "less than ", "le": "at most ", "approx": "about "}}
_UNIT = {"zh": {"PFLOPS": "P", "CNY": "元", "USD": "美元", "racks": "架", "kW": "千瓦", "MW": "兆瓦", "km2": "平方公里",
                "ms": "毫秒", "m2": "平方米"},
         "en": {"PFLOPS": " PFLOPS", "racks": " racks", "kW": " kW", "MW": " MW", "km2": " km²", "ms": " ms", "m2": " m²"}}
_MONEY = {"CNY", "USD"}
_STATUS = {"zh": {"actual": "现有", "planned": "规划", "target": "目标", "under_construction": "在建"},
           "en": {"actual": "actual", "planned": "planned", "target": "target", "under_construction": "under construction"}}
_KIND = {"zh": {"ai": "智能算力", "hpc": "超算算力", "general": "通用算力"},
         "en": {"ai": "AI", "hpc": "HPC", "general": "general"}}
_WORDS = {"zh": {"yes": "是", "no": "否", "no_answer": "未找到答案:", "source": "依据", "via": "经由{}", "conflict": "来源不一致",
                 "from_text": "读自原文:“{}”"},
          "en": {"yes": "yes", "no": "no", "no_answer": "no answer: ", "source": "source", "via": "via {}", "conflict": "sources disagree",
                 "from_text": "read from the text: \"{}\""}}


def script_of(lang: str | None, script: str | None = None) -> str:
    """One of SCRIPTS from an answer's `lang` ("zh", "en") and script ("zh", "zh-Hant", "zh-Hans", "en")."""
    if script in ("zh-Hant", "zh-Hans", "en"):
        return script
    return "en" if lang == "en" or (lang is None and script is None) else "zh-Hans"


def _family(script: str) -> str:
    return "en" if script == "en" else "zh"


def in_script(text: str, script: str) -> str:
    """Chinese text in the reader's script (traditional for zh-Hant); English text unchanged."""
    return to_traditional(text) if script == "zh-Hant" and text else text


def word(key: str, script: str, *args: str) -> str:
    """An interface word ("yes", "source", "via {}") in the reader's language and script."""
    return in_script(_WORDS[_family(script)][key].format(*args), script)


def _number(value: float, script: str, money: bool) -> str:
    """8,000 / 1.5 million / 2.5 billion in English; 8000 / 1.5万 / 25亿 in Chinese."""
    size = abs(value)
    if _family(script) == "zh":
        if size >= 1e8:
            return f"{value / 1e8:.6g}亿"
        if size >= 1e4:
            return f"{value / 1e4:.6g}万"
        return f"{value:.6g}"
    if size >= 1e9:
        return f"{value / 1e9:,.6g} billion"
    if size >= 1e6 and (money or size >= 1e7):
        return f"{value / 1e6:,.6g} million"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def amount(value: float, script: str) -> str:
    """A bare number as people write it: "120,000" / "12万"."""
    return in_script(_number(value, script, False), script)


def is_share(value: float, unit: str | None, metric: str | None) -> bool:
    """A share is stated as a fraction of one (0.9) and read as a percentage (90%)."""
    if metric is not None:
        return metric.rsplit("#", 1)[-1].endswith(("_share", "_rate"))
    return unit is None and 0 < value < 1


def figure(value: float, unit: str | None, comparator: str | None = None, script: str = "en", *,
           metric: str | None = None) -> str:
    """A figure as people write it: "more than 100,000 PFLOPS" / "超过10万P" / "CNY 2.5 billion" / "25亿元"."""
    family = _family(script)
    unit = unit.rsplit("#", 1)[-1] if unit else None
    prefix = _COMPARATOR[family].get(comparator or "eq", "")
    if is_share(value, unit, metric):
        body = f"{value * 100:.4g}%"
    elif unit in _MONEY and family == "en":
        body = f"{unit} {_number(value, script, True)}"
    else:
        body = _number(value, script, unit in _MONEY) + _UNIT[family].get(unit or "", "" if family == "zh" else
                                                                          (f" {unit}" if unit else ""))
    return in_script(prefix + body, script)


def unit_word(unit: str | None, script: str) -> str:
    """A unit as a figure's axis names it: "PFLOPS" / "P" / "racks" / "架" ("" for none)."""
    code = unit.rsplit("#", 1)[-1] if unit else ""
    return in_script(_UNIT[_family(script)].get(code, code).strip(), script) if code else ""


def qualifiers(status: str | None, kind: str | None, time: str | None, script: str) -> str:
    """What kind of figure it is: "actual, AI, 2024" / "2024年现有智能算力" ("" when nothing is known)."""
    family = _family(script)
    status_word = _STATUS[family].get(status or "", "")
    kind_word = _KIND[family].get(kind or "", "")
    year = (time or "")[:4]
    if family == "en":
        return ", ".join(x for x in (status_word, kind_word, year) if x)
    return in_script((f"{year}年" if year else "") + status_word + kind_word, script)


def metric_word(code: str | None, script: str) -> str:
    """A metric or relation code as a reader's word: "rack count" / "机架数" / "機架數"."""
    if not code:
        return ""
    if _family(script) == "zh":
        return in_script(_ZH_TERMS.get(code, code), script)
    return {"pue": "PUE", "gpu_cards": "GPU cards"}.get(code, code.replace("_", " "))


_CORRECTED = {"zh": {"field": "{field}由{who}于{date}更正,原为{was}", "value": "由{who}于{date}更正,原为{was}",
                     "none": "无", "eq": "等于", "total": "总算力", "mark": "已更正"},
              "en": {"field": "{field} corrected by {who} on {date}; originally {was}",
                     "value": "corrected by {who} on {date}; originally {was}", "none": "none", "eq": "exactly",
                     "total": "total", "mark": "corrected"}}


_FIELD_ZH = {"unit": "单位", "comparator": "比较符", "status": "状态", "kind": "算力类型", "time": "时间"}


def correction(change: dict[str, Any], script: str, *, unit: str | None = None, metric: str | None = None) -> str:
    """A correction worded: "corrected by alice on 2025-06-01; originally 0.8" / "由alice于2025-06-01更正,原为0.8"."""
    family = _family(script)
    words = _CORRECTED[family]
    field, was = change.get("field") or "value", change.get("original")
    if was is None:
        shown = words["none"]
    elif field == "value":
        shown = figure(float(was), unit, None, script, metric=metric)
    elif field == "unit":
        shown = unit_word(str(was), script) or str(was)
    elif field == "comparator":
        shown = words["eq"] if was == "eq" else _COMPARATOR[family].get(str(was), str(was)).strip()
    elif field == "status":
        shown = _STATUS[family].get(str(was), str(was))
    elif field == "kind":
        shown = _KIND[family].get(str(was)) or words.get(str(was)) or str(was)
    else:
        shown = str(was)
    key = "value" if field == "value" else "field"
    text = words[key].format(field=_FIELD_ZH.get(field, field) if family == "zh" else field, who=change.get("who") or "?",
                             date=(change.get("when") or "")[:10], was=shown)
    return in_script(text, script) if family == "zh" else text


def corrected_mark(script: str) -> str:
    """The short mark beside a corrected figure: "corrected" / "已更正"."""
    return in_script(_CORRECTED[_family(script)]["mark"], script)


def display(answer: dict[str, Any], script: str, metric: str | None = None) -> str:
    """One answer worded: "Gui'an cluster: about 8,000 PFLOPS (actual, AI, 2024)" / "贵安集群:2024年现有智能算力约8000P";
    one read from a page's sentence, not from a fact, quotes the sentence beside it."""
    read = answer.get("source") == "text"
    body = in_script(answer["text"], script) if read and answer.get("iri") is None and answer.get("text") else \
        _display(answer, script, metric)
    if read and answer.get("passage"):
        quoted = word("from_text", script, answer["passage"])  # the sentence as the page wrote it
        body += f"({quoted})" if _family(script) == "zh" else f" ({quoted})"
    return body


def _display(answer: dict[str, Any], script: str, metric: str | None = None) -> str:
    label = in_script(answer.get("label") or "", script)
    if answer.get("value") is None:
        return label
    if answer.get("iri") is None and answer.get("unit") is None and not answer.get("parts") \
            and float(answer["value"]).is_integer():  # a count
        return in_script(f"{int(answer['value'])}个", script) if _family(script) == "zh" else f"{int(answer['value'])}"
    if answer.get("iri") is None:  # a sum, worded with its parts by the question layer
        return in_script(answer.get("text") or figure(answer["value"], answer.get("unit"), answer.get("comparator"),
                                                      script, metric=metric), script)
    text = figure(answer["value"], answer.get("unit"), answer.get("comparator"), script, metric=metric)
    qual = qualifiers(answer.get("status"), answer.get("kind"), answer.get("time"), script)
    if answer.get("metric"):  # a figure listed among others of the entity says what it measures
        label += ("的" if _family(script) == "zh" else " ") + metric_word(answer["metric"], script)
    body = f"{label}:{qual}{text}" if _family(script) == "zh" else f"{label}: {text}" + (f" ({qual})" if qual else "")
    if answer.get("conflict"):
        zh = _family(script) == "zh"
        others = ";".join(
            (f"{o.get('source') or ''}为" if zh else "") + figure(o["value"], o.get("unit"), o.get("comparator"), script,
                                                               metric=metric)
            + ("" if zh or not o.get("source") else f" in {o['source']}") for o in answer.get("conflicts", []))
        note = word("conflict", script) + ((":" if zh else ": ") + in_script(others, script) if others else "")
        body += f"({note})" if _family(script) == "zh" else f" ({note})"
    for change in answer.get("corrections") or []:  # who changed the figure the source gave, when, and from what
        note = correction(change, script, unit=answer.get("unit"), metric=metric)
        body += f"({note})" if _family(script) == "zh" else f" ({note})"
    via = (answer.get("via") or {}).get("label")
    if via and via not in label:
        via_words = word("via", script, in_script(via, script))
        body += f"({via_words})" if _family(script) == "zh" else f" ({via_words})"
    return body


_BOUND = re.compile(r"\b(by|has) ([a-z_]+) (gt|ge|lt|le|eq) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?: ([A-Za-z][A-Za-z0-9]*))?")


def interpretation(text: str | None, script: str) -> str | None:
    """The interpretation line in the reader's language: English as planned, Chinese worded from it; a question's
    bound is worded as a figure ("more than CNY 60 billion" / "超过600亿元"), not as the plan's number."""
    if not text:
        return text

    def bound(m: re.Match[str]) -> str:
        worded = figure(float(m.group(4)), m.group(5), m.group(3), script, metric=m.group(2))
        return f"{m.group(1)} {m.group(2)} \x02{worded}\x02"

    text = _BOUND.sub(bound, text)
    if _family(script) == "en":
        return text.replace("\x02", "")
    return in_script(_in_chinese(text), script)


_ZH_TERMS = {
    "renewable_share": "可再生能源占比", "clean_energy_capacity": "清洁能源装机", "computing_power": "算力",
    "rack_count": "机架数", "investment": "投资额", "output_value": "产值", "area": "面积", "pue": "PUE",
    "gpu_cards": "算力卡数", "enterprise_count": "企业数", "job_count": "就业岗位数", "datacenter_count": "数据中心数",
    "rank": "排名", "latency": "时延", "utilization_rate": "利用率",
    "under_construction": "在建", "actual": "现有", "planned": "规划", "target": "目标",
    "ai": "智能算力", "hpc": "高性能算力", "general": "通用算力", "total": "总算力",
    "Hub": "枢纽", "Cluster": "集群", "Center": "中心", "Park": "园区", "City": "城市", "Province": "省份",
    "Company": "企业", "Organization": "机构", "District": "区县", "Initiative": "工程",
    "operator": "建设运营方", "part_of": "所属", "located_in": "所在地", "partner": "合作方", "member_of": "所属计划",
    "contains": "包含的", "most": "最多", "least": "最少", "more": "更多", "less": "更少",
    "gt": "超过", "ge": "不低于", "lt": "低于", "le": "不超过", "max": "最大", "min": "最小",
}
# English interpretation phrases → Chinese, most specific first; \1… are entity labels or the codes above
_ZH_PHRASES = [
    (r"recognised: ", "识别到:"), (r"^metric (\w+)$", r"指标:\1"),
    (r"^'(.+?)' is a name the graph does not know, so (.+?) itself$", r"图谱中没有“\1”这个名称,以下是\2本身的数据"),
    (r"^'(.+?)' is a name the graph does not know$", r"图谱中没有“\1”这个名称"),
    (r"generated query rejected: ", "生成的查询未通过检查:"), (r"the query failed: ", "查询失败:"),
    (r"^is (.+) a ([A-Za-z]+)$", r"\1是否为\2"),
    (r"^difference in ([a-z_]+) between (.+) and (.+)$", r"\2与\3的\1之差"),
    (r"^change in ([a-z_]+) of (.+)$", r"\2的\1变化"),
    (r"no two figures of one kind to set against each other", "没有同一类型的两个数值可相减"),
    (r"^which of (.+) and (.+) has (more|less) ([a-z_]+)", "\\1与\\2哪个\\4\x01\\3"),
    (r"^which of (.+) has the (most|least) ([a-z_]+)", "\\1中\\3\x01\\2的是哪个"),
    (r"^sum of ([a-z_]+) over ([A-Za-z]+) entities of (.+), one figure per [A-Za-z]+", r"\3各\2的\1合计(每个取一个数)"),
    (r"^sum of ([a-z_]+) over ([A-Za-z]+) entities, one figure per [A-Za-z]+", r"各\2的\1合计(每个取一个数)"),
    (r"^sum of ([a-z_]+) over (.+)$", "\\2的\\1合计"),
    (r"^whether (.+?) has ([a-z_]+) (\x02[^\x02]*\x02)", r"\1的\2是否\3"),
    (r"^number of ([A-Za-z]+) entities by ([a-z_]+) (\x02[^\x02]*\x02)", r"\2\3的\1数量"),
    (r"^([A-Z][a-z]+) entities by ([a-z_]+) (\x02[^\x02]*\x02)", r"\2\3的\1"),
    (r"^number of ([A-Za-z]+) in (.+)$", r"\2的\1数量"), (r"^number of ([A-Za-z]+) entities by", r"\1数量,按"),
    (r"^number of ([A-Za-z]+)$", r"\1数量"), (r"^([A-Z][a-z]+) entities in (.+)$", r"\2中的\1"),
    (r"^([A-Z][a-z]+) entities run by (.+?) in (.+?) is (.+)$", r"\3由\2建设运营的\1即\4"),
    (r"^([A-Z][a-z]+) entities run by (.+?) in (.+)$", r"\3由\2建设运营的\1"),
    (r"^([A-Z][a-z]+) entities run by (.+?) is (.+)$", r"由\2建设运营的\1即\3"), ("\x02 or \x02", "\x02或\x02"),
    (r"^([A-Z][a-z]+) entities run by (.+)$", r"由\2建设运营的\1"),
    (r"^([A-Z][a-z]+) entities by ([a-z_]+)", r"按\2列出\1"), (r", (max|min) \(top (\d+)\)", r",\1前\2个"),
    (r"^located_in of what (.+?) runs(, only [A-Za-z]+)?$", r"\1建设运营的设施的located_in\2"),
    (r"^contains of (.+?)(, only [A-Za-z]+)?$", r"\1包含的实体\2"),
    (r"^inverse ([a-z_]+) of (.+?), only ([A-Za-z]+) in (.+)$", r"\4以\2为\1的\3"),
    (r"^inverse ([a-z_]+) of (.+?)(, only [A-Za-z]+)?$", r"以\2为\1的实体\3"),
    (r"none known to be in (.+?), so the members with no known place", r"图谱中没有已知位于\1的,改列未知所在地的成员"),
    (r"the ([A-Za-z]+) described in (.+?) is (.+)$", r"将所述\2的\1理解为\3"),
    (r"^([a-z_]+) of (.+?)( \([a-z]+\))?(, status [a-z_/]+)?(, only [A-Za-z]+)?$", r"\2的\1\3\4\5"),
    (r"^is (.+?) ([a-z_]+) (.+)$", r"\1与\3是否有\2关系"),
    (r", status ", ",状态:"), (r", only ", ",限"), (r" \((\w+)\)", r"(\1)"),
    (r"no figure with that status, so any status", "没有该状态的数值,改取任意状态"),
    (r"no figure of that kind and status, so any", "没有该类型和状态的数值,改取任意"),
    (r"no figure of that kind, so any kind", "没有该类型的数值,改取任意类型"),
    (r"nothing directly, so through places in between", "没有直接关系,改经由中间地点"),
    (r"no operator found, so the companies at work in it", "没有找到建设运营方,改查在其中建设运营设施的企业"),
    (r"no (\w+) found, so (\w+)", r"没有找到\1,改查\2"),
    (r"no figure for the first entity named, so (.+)", r"第一个实体没有数值,改查\1"),
    (r"no stated figure, so the members the graph knows", "来源没有给出数字,改数图谱中已知的成员"),
    (r"no figure for (.+?), so (.+?) as a whole", r"\1没有数值,改查\2整体"),
    (r"no figure for (.+?), so (.+?), a shorter name of it", r"\1没有数值,改查它的简称\2"),
    (r"no figure for (.+?), so (.+?), named like it", r"\1没有数值,改查名称相近的\2"),
    (r"nothing runs (.+?), so (.+?), named like it", r"没有\1的建设运营方,改查名称相近的\2"),
    (r"no figure for (.+?), cannot compare", r"\1没有数值,无法比较"), (r"no figure for (.+?), cannot choose", r"\1没有数值,无法选出"),
    (r"no figure for (.+?), so no sum", r"\1没有数值,无法合计"), (r"no figure for (.+)", r"\1没有数值"),
    (r"the figures are in different units, cannot compare", "数值单位不同,无法比较"),
    (r"a figure is only a bound, so the comparison rests on the stated bounds", "有数值只是上下限,比较依据所述界限"),
    (r"no rank stated within (.+)", r"没有在\1范围内的排名"),
    (r"no figures in one unit to choose from", "没有同一单位的数值可选"), (r"no figures to add up in one unit", "没有同一单位的数值可加总"),
    (r"none found in the graph", "图谱中未找到可计数的对象"),
    (r"^none found of the kind asked$", "图谱中找到的不是所问的那类机构"),
    (r"no such figure in the graph", "图谱中没有这项数值,无从判断"),
    (r"the graph does not say", "图谱中没有这方面的信息,无从判断"),
    (r"^counted$", "计数"),
    (r"^no fact holds it, so read from the text of (\x02[^\x02]*\x02)$", r"事实中没有,读自\1的原文"),
    (r"^none there in the graph$", "图谱中那里没有"),
    (r"^the figure stated for the whole$", "取来源所述的整体数值"),
    (r"^only those of (.+)$", r"限\1的"),
    (r"no figure of its own, so the sum over its clusters", "没有它本身的数值,改为其各集群之和"),
    (r"nothing runs it, so what it runs", "没有找到它的运营方,改列它运营的实体"),
    (r"no operator found, so the companies at work in it", "没有找到运营方,改列在其中建设运营的企业"),
    (r"no phase (\d) of (.+?) in the graph, so the whole of it", r"图谱中没有\2的第\1期,以下是整体的数据"),
    (r"^the figures of (.+)$", r"\1的各项数据"),
    (r"'(.+?)' is part of a name the graph does not know, so (.+?) itself", r"“\1”属于图谱未收录的名称,以下是\2本身的数据"),
    (r"took '(.+?)' as (.+?) \(also close: (.+?)\)", r"将“\1”理解为\2(相近:\3)"),
    (r"figures of different status, kind or bound are not added: (.+)", r"状态、类型或界限不同的数值不相加:\1"),
]


def _in_chinese(text: str) -> str:
    """An interpretation line worded in Chinese, with no English codes."""
    parts = []
    for part in text.split("; "):
        reference = " (from the reference data)" in part
        part = part.replace(" (from the reference data)", "")
        for pattern, repl in _ZH_PHRASES:
            part = re.sub(pattern, repl, part)
        part = re.sub(r"\x02[^\x02]*\x02|(?<![A-Za-z_])[A-Za-z_]+(?![A-Za-z_])",
                      lambda m: m.group(0) if m.group(0)[0] == "\x02" else _ZH_TERMS.get(m.group(0), m.group(0)), part)
        parts.append(part + ("(来自参考数据)" if reference else ""))
    if parts[0] == "not understood":  # the contract's words, which clients read, stay; the Chinese follows
        parts[0] = "not understood(未能理解)"
    return ";".join(parts).replace("\x01", "").replace("\x02", "")
