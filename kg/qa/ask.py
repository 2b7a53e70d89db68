"""Questions in Chinese or English → SPARQL over the graph → answers with evidence.

`ask(question, store=...)` is the door: it understands (`kg.qa.understand`), plans (`kg.qa.plan`),
runs the plan over the store, tries looser readings when the first finds nothing, and shapes the
answer of the contract; the words for people come from `kg.present`. It never raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from extract.errors import SuanliError
from extract.quantity import find as find_quantities
from extract.resources import questions
from extract.text import fold, has_cjk, to_traditional
from kg import present
from kg.graph.factview import corrections
from kg.graph.rdf import local_name, number
from kg.qa.passages import asks_share, from_text
from kg.qa.plan import (
    COUNTED_BY,
    FEW_SUBJECTS,
    MANY_SUBJECTS,
    Plan,
    QueryRejectedError,
    by_figure,
    checked,
    clusters_of,
    described,
    facilities_in,
    in_place,
    inline_metric,
    issued_query,
    over_summary,
    plan,
    subject_rows,
)
from kg.qa.understand import AGENTS, Store, Understanding, Vocabulary, phase_asked, understand, vocabulary


def _one_figure_each(rows: list[dict], statuses: list[str]) -> dict[str, dict]:
    """Per subject one figure: its total one over one of a kind (AI, HPC), then its actual one when the question
    names no status, else its largest."""
    def rank(row: dict) -> tuple[bool, bool]:
        return (local_name(row.get("kind", {}).get("value")) in (None, "total"),
                not statuses and local_name(row["status"]["value"]) == "actual")

    chosen: dict[str, dict] = {}
    for row in rows:  # rows come largest first
        current = chosen.get(row["subject"]["value"])
        if current is None or rank(row) > rank(current):
            chosen[row["subject"]["value"]] = row
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


def _sum_text(value: float, unit: str | None, comparator: str, used: list[dict], u: Understanding) -> tuple[str, str]:
    """A sum in words; one that adds figures of different status or kind says what it adds:
    "at least 180,000 racks (120,000 actual + 60,000 planned)"."""
    script = present.script_of(u.lang, u.script)
    text = present.figure(value, unit, comparator, script, metric=u.metric)
    groups: dict[tuple[str | None, str | None], float] = {}
    for row in used:
        key = (local_name(row["status"]["value"]), local_name(row.get("kind", {}).get("value")))
        groups[key] = groups.get(key, 0.0) + number(row["value"]["value"])
    if len(groups) < 2:
        return text, comparator
    if comparator == "eq":  # planned and built racks added are not one stated figure
        comparator = "ge"
        text = present.figure(value, unit, comparator, script, metric=u.metric)
    zh = script != "en"
    parts = [(f"{present.qualifiers(status, kind, None, script)}{present.amount(v, script)}" if zh else
              f"{present.amount(v, script)} {present.qualifiers(status, kind, None, script)}").strip()
             for (status, kind), v in groups.items()]
    return (f"{text}({' + '.join(parts)})" if zh else f"{text} ({' + '.join(parts)})"), comparator


_LOWER_IS_BETTER = {"pue", "latency"}


def _one_figure(rows: list[dict], u: Understanding, question: str = "") -> list[dict]:
    """The figure a question about one entity asks for, when the sources give several: of the status it
    names (else the actual one), of the bound it asks for ("超过多少"), of all AI/HPC/total the total, then
    the one whose sentence the question's words point to, else the largest (the smallest PUE or latency).
    Rows come largest first."""
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
    chosen = _closest_evidence(rows, question) or (rows[-1] if u.metric in _LOWER_IS_BETTER else rows[0])
    others = [r for r in rows if _figure_key(r) == _figure_key(chosen) and r is not chosen
              and (r["value"]["value"], r["comparator"]["value"]) != (chosen["value"]["value"], chosen["comparator"]["value"])]
    return [{**chosen, "_others": others} if others else chosen]


def _terms(text: str) -> set[str]:
    """A sentence's words for telling which of several sentences a question was written from: Chinese
    character pairs (folded to simplified) and English words of three letters or more."""
    text = fold(text).lower()
    pairs = {a + b for run in re.findall(r"[\u4e00-\u9fff]+", text) for a, b in zip(run, run[1:], strict=False)}
    return pairs | {w for w in re.findall(r"[a-z]{3,}", text) if w not in _FUNCTION_WORDS}


def _closest_evidence(rows: list[dict], question: str) -> dict | None:
    """The figure whose sentence shares clearly more words with the question than any other figure's: one asked
    in the words of its article ("刚交付首批机房时有多少机架") is that sentence's, not the largest. None when no
    sentence stands out (by three words or more, and two more than the next)."""
    asked = _terms(question)
    best: dict[tuple, tuple[int, dict]] = {}  # per figure stated, its sentence closest to the question
    for row in rows:
        shared = len(asked & _terms(row.get("evidence", {}).get("value", "")))
        figure = (row["value"]["value"], row["comparator"]["value"])
        if figure not in best or shared > best[figure][0]:
            best[figure] = (shared, row)
    ranked = sorted(best.values(), key=lambda pair: -pair[0])
    if len(ranked) >= 2 and ranked[0][0] >= 3 and ranked[0][0] >= ranked[1][0] + 2:
        return ranked[0][1]
    return None


def _tells_of(row: dict, unknown: list[str], said: Any) -> bool:
    """Whether a place's figure, given for a name the graph does not know inside it ("宁夏采用自然风冷的数据中心",
    "贵州某某渲染云平台"), is stated in a sentence that tells of that thing: the sentence shares a pair of characters
    (or an English word) of the name beyond the place's own name and the words every facility name has. A place's
    figure from a sentence about something else (the province's total computing power) is no answer about it; a
    sentence in the other language is not judged."""
    evidence = row.get("evidence", {}).get("value", "")
    if any(has_cjk(name) != has_cjk(evidence) for name in unknown):
        return True  # a sentence in the other language shares no words with the name: nothing to judge by
    generic = _terms(" ".join(questions()["names"]["generic"])) | {w for s in said for w in _terms(s)}
    own = {w for name in unknown for w in _terms(name)} - generic
    return bool(own & _terms(evidence))


def _figure_key(row: dict) -> tuple:
    """What makes two figures comparable: status, kind and time (two such figures that differ are a conflict)."""
    return row["status"]["value"], row.get("kind", {}).get("value"), row.get("time", {}).get("value")


def _named(text: str, vocab: Vocabulary, script: str) -> str:
    """The interpretation line with entity IRIs replaced by their labels in the question's script; a label is
    marked (\x02…\x02) so that wording the line in Chinese leaves it whole ("… Industrial Park", not "… 园区")."""
    def label(m: re.Match[str]) -> str:
        found = _label(m.group(0), vocab, script)["label"] if m.group(0) in vocab.labels else None
        return f"\x02{found}\x02" if found else m.group(0)

    return re.sub(r"https?://\S+?(?=[,;)\s]|$)", label, text)


def _answer(row: dict, vocab: Vocabulary, u: Understanding) -> dict[str, Any]:
    """One figure as an answer: the entity's label in the question's script, the value and how it is bounded."""
    value = number(row["value"]["value"])
    unit = local_name(row.get("unit", {}).get("value"))
    comparator = local_name(row["comparator"]["value"])
    answer = _label(row["subject"]["value"], vocab, u.script)
    answer.update({"value": value, "unit": unit, "comparator": comparator,
                   "status": local_name(row["status"]["value"]), "time": row.get("time", {}).get("value"),
                   "kind": local_name(row.get("kind", {}).get("value")),
                   "sources": int(row.get("sources", {}).get("value", 1)), "_merged": row.get("f", {}).get("value"),
                   "text": present.figure(value, unit, comparator, present.script_of(u.lang, u.script), metric=u.metric)})
    return answer


def _compare(out: dict[str, Any], u: Understanding, rows: list[dict], vocab: Vocabulary) -> dict[str, Any]:
    """The one of two entities with more (or less) of a metric; yes/no when the question asks it that way;
    how far apart they are when it asks that ("多多少")."""
    first, second = list(dict.fromkeys(iri for _, iri in u.entities))[:2]
    if u.difference:
        out["interpretation"] = _named(f"difference in {u.metric} between {first} and {second}", vocab, u.script)
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
    if u.difference:
        out["answers"] = [_difference(a, b, va - vb, u)]
    elif u.yes_no:
        out["boolean"] = first_wins
    else:
        out["answers"] = [_answer(a if first_wins else b, vocab, u)]
    out["compared"] = [_answer(a, vocab, u), _answer(b, vocab, u)]
    out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in (a, b)]
    return out


def _change(out: dict[str, Any], u: Understanding, rows: list[dict], vocab: Vocabulary) -> dict[str, Any]:
    """How far one entity's two figures are apart: of the two years named (the later minus the earlier), of the two
    kinds named (the first minus the second), or as planned minus as built (in the year named, else the latest)."""
    def year(r: dict) -> str:
        return r.get("time", {}).get("value", "")[:4]

    def kind(r: dict) -> str:
        return local_name(r.get("kind", {}).get("value")) or "total"

    def status(r: dict) -> str:
        return local_name(r["status"]["value"]) or ""

    first: list[dict]
    if u.change[0] == "status":  # rows come largest first
        first = [r for r in rows if status(r) == "actual" and (len(u.change) < 2 or year(r) == u.change[1])]
        first = sorted(first, key=year, reverse=True)[:1]
        second = [r for r in rows if status(r) in ("planned", "target", "under_construction")]
    elif u.change[0][:1].isdigit():
        earlier, later = sorted(u.change)
        first, second = [r for r in rows if year(r) == earlier], [r for r in rows if year(r) == later]
    else:
        second, first = [r for r in rows if kind(r) == u.change[0]], [r for r in rows if kind(r) == u.change[1]]
    if first and second:
        # the same kind on both sides when the question did not set kinds against each other
        if u.change[0] in ("status",) or u.change[0][:1].isdigit():
            common = [(a, b) for a in first for b in second if kind(a) == kind(b)]
            first, second = ([common[0][0]], [common[0][1]]) if common else ([], [])  # AI less total is no change
        a, b = first[0], second[0]
        if local_name(a.get("unit", {}).get("value")) == local_name(b.get("unit", {}).get("value")):
            gap = number(b["value"]["value"]) - number(a["value"]["value"])
            out["answers"] = [_difference(b, a, gap, u)]
            out["compared"] = [_answer(a, vocab, u), _answer(b, vocab, u)]
            out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in (a, b)]
            return out
    # no two figures of one kind to set against each other: the figures it has, each saying what it is
    out["interpretation"] += "; no two figures of one kind to set against each other"
    for row in rows[:FACTS_SHOWN]:
        out["answers"].append(_answer(row, vocab, u))
        out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
    return out


def _difference(a: dict, b: dict, gap: float, u: Understanding) -> dict[str, Any]:
    """How far apart two figures are, in the first figure's unit; a bound on either side makes the gap approximate."""
    unit = local_name(a.get("unit", {}).get("value"))
    exact = {local_name(a["comparator"]["value"]), local_name(b["comparator"]["value"])} == {"eq"}
    comparator = "eq" if exact else "approx"
    script = present.script_of(u.lang, u.script)
    text = present.figure(abs(gap), unit, comparator, script, metric=u.metric)
    word = ("多" if gap >= 0 else "少") if script != "en" else ("more" if gap >= 0 else "less")
    label = f"{word}{text}" if script != "en" else f"{text} {word}"
    return {"iri": None, "label": label, "label_zh": None, "label_en": None, "value": abs(gap), "unit": unit,
            "comparator": comparator, "text": label}


def _choose(out: dict[str, Any], u: Understanding, rows: list[dict], vocab: Vocabulary) -> dict[str, Any]:
    """The one of several named entities with the most (or least) of a metric, among those with a figure."""
    if u.difference:
        return _compare(out, u, rows, vocab)
    named = list(dict.fromkeys(iri for _, iri in u.entities))[:5]
    if u.cls in ("Center", "Park", "Cluster") and not any(vocab.types.get(i) == u.cls for i in named):
        # "中国移动在呼和浩特的那座最大智算中心": a center is asked, the company and the city only say whose and where
        out["interpretation"] += "; 所问的设施未被点名,无从比较" if u.lang == "zh" else "; the facility asked is not named"
        return out
    chosen = _one_figure_each(rows, u.statuses)
    have = [iri for iri in named if iri in chosen]
    units = {local_name(chosen[iri].get("unit", {}).get("value")) for iri in have}
    if not have or len(units) > 1:
        out["interpretation"] += "; no figures in one unit to choose from"
        return out
    missing = [_label(iri, vocab, u.script)["label"] or iri for iri in named if iri not in chosen]
    unknown = [_label(iri, vocab, u.script)["label"] or iri for iri in named if iri not in vocab.subjects
               and vocab.types.get(iri) not in ("City", "Province", "District", *AGENTS)]  # (those only say whose, where)
    if unknown:  # a thing the graph only knows by name may be the largest: no choice (Wuhu's cluster vs Stargate)
        out["interpretation"] += f"; no figure for {', '.join(unknown)}, cannot choose"
        return out
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


def ask(question: str, *, store: Store) -> dict[str, Any]:
    """Answer one question; a question it cannot read gets empty answers and a reason. Never raises."""
    question = (question or "").strip() if isinstance(question, str) else ""
    try:
        vocab = vocabulary(store)
        u = understand(question[:2000], vocab)
        out, u = _by_description(question, u, vocab, store)
        if out is None:
            out = _the_only(question, u, vocab, store) or _run(question, u, vocab, store)
        for retry in _retries(u, vocab, question):
            if out["answers"] or out["boolean"] is not None:
                break
            again = _run(question, retry[0], vocab, store)
            if again["answers"] or again["boolean"] is not None:
                again["interpretation"] = f"{again['interpretation']}; {_named(retry[1], vocab, u.script)}"
                out = again
        if asks_share(question) and out["answers"] and not any(
                a.get("value") is not None and a.get("unit") is None for a in out["answers"]):
            out = {**out, "answers": []}  # a share asked, a company or PFLOPS found: no answer of the asked kind
        if not out["answers"] and out["boolean"] is None:  # no fact holds it: the page's own sentences may
            out = from_text(question, u, vocab, store) or out
        if u.notes and out.get("interpretation"):
            out["interpretation"] += "; " + _named("; ".join(u.notes), vocab, u.script)
        script = present.script_of(u.lang, u.script)
        out["script"] = script
        _add_corrections(out["answers"], store, vocab.summary, out.get("compared") or [])
        for answer in out["answers"]:
            answer["label"] = present.in_script(answer.get("label") or "", script) or answer.get("label")
            answer["display"] = present.display(answer, script, u.metric or answer.get("metric"))
        out["interpretation"] = present.interpretation(out.get("interpretation"), script)
        return out
    except Exception as exc:  # noqa: BLE001 - one bad question must never stop a batch
        lang = "zh" if has_cjk(question) else "en"
        return {"question": question, "lang": lang, "answers": [], "boolean": None, "sparql": None, "evidence": [],
                "interpretation": f"not understood; {type(exc).__name__}"}


def _the_only(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> dict[str, Any] | None:
    """"Is Shaoguan the only national cluster in South China", "粤港澳枢纽下面,韶关是不是唯一的数据中心集群": yes when
    the place's cluster (or the cluster named) is the one cluster of the hub named or of the region's provinces, by the
    reference data; None when the question is of another kind."""
    only = questions()["only"]
    text = fold(question).lower()
    if not u.yes_no or "Cluster" not in (u.cls, *u.classes) or not any(w in text for w in only["words"]):
        return None
    things = [iri for _, iri in u.entities if vocab.types.get(iri) in ("City", "Cluster")]
    hub = next((iri for _, iri in u.entities if vocab.types.get(iri) == "Hub"), None)
    region = max((w for w in only["regions"] if w in text), key=len, default=None)
    if len(set(things)) != 1 or (hub is None) == (region is None):
        return None
    provinces = [vocab.surfaces[p] for p in only["regions"][region] if p in vocab.surfaces] if region else []
    sparql = clusters_of(hub, provinces)
    checked(sparql)
    members = {r["member"]["value"] for r in store.select(sparql).rows}
    thing = things[0]
    own = {thing} if vocab.types.get(thing) == "Cluster" else {r["member"]["value"] for r in store.select(
        clusters_of(None, [thing])).rows}
    if len(own) != 1:
        return None  # a city that holds no national cluster: nothing to weigh
    where = _label(hub, vocab, u.script)["label"] if hub else region
    return {"question": question, "lang": u.lang, "answers": [], "boolean": members == own, "sparql": sparql,
            "evidence": [], "interpretation": (f"{where}的数据中心集群是否只有{_label(thing, vocab, u.script)['label']}"
                                               f"的一个(参考数据)") if u.lang == "zh" else
            f"whether {_label(thing, vocab, u.script)['label']}'s is the only cluster of {where} (reference data)"}


def _add_corrections(answers: list[dict[str, Any]], store: Store, summary: str | None,
                     compared_too: list[dict[str, Any]]) -> None:
    """A figure an analyst corrected says so (who, when, the original value): the quote beside it may still say otherwise."""
    merged = {a["_merged"]: a for a in answers if a.get("_merged")}
    for answer in answers:
        answer.pop("_merged", None)
    for compared in compared_too:
        compared.pop("_merged", None)
    if not merged or summary is None:
        return
    for iri, changes in corrections(store, list(merged), summary=summary).items():
        merged[iri]["corrections"] = changes


def _by_description(question: str, u: Understanding, vocab: Vocabulary,
                    store: Store) -> tuple[dict[str, Any] | None, Understanding]:
    """An entity named by what it is, who runs it and where ("China Mobile's center in Wuhu"): the entities that
    fit are the answer, or, when the question asks a figure of it, the entity the figure is asked of."""
    found = described(u, vocab)
    if found is None:
        return None, _one_in_place(question, u, vocab, store)
    sparql, replaced = found
    sparql = over_summary(sparql, vocab.summary)
    checked(sparql)
    rows = store.select(sparql).rows
    fits = list(dict.fromkeys(r["answer"]["value"] for r in rows if r["answer"]["value"] in vocab.labels))
    agent, *place = replaced
    what = f"{u.cls or 'Center'} entities run by {agent}" + (f" in {place[0]}" if place else "")
    if not fits and u.relation == "operator" and place and not u.metric:
        # "华为在韶关建设了哪些中心": none there is the answer, not every center it runs elsewhere
        return {"question": question, "lang": u.lang, "answers": [], "boolean": None, "sparql": sparql, "evidence": [],
                "interpretation": _named(f"{what}; none there in the graph", vocab, u.script)}, u
    if not fits:
        return None, u
    asks_who = bool(re.search(r"\bwho\b|谁|哪家", fold(question).lower()))
    if u.metric or u.relation in ("operator", "partner") and (asks_who or u.cls not in ("Center", "Cluster", "Park")):
        # a figure of it, or who runs it ("中国移动在中卫的数据中心由谁运营"): asked of the entity described
        fits = [f for f in fits if vocab.whole_of.get(f) not in fits]  # a phase of another fit is part of it
        fits = _best_described(question, fits, [iri for _, iri in u.entities], vocab) or fits
        if len(fits) > 3:
            return None, u
        pos = min(p for p, iri in u.entities if iri in replaced)
        kept = [(p, iri) for p, iri in u.entities if iri not in replaced]
        # "the first phase of its Wuhu park": the phase of the entity described, when the graph holds it
        fit = vocab.phases.get((fits[0], phase)) if (phase := phase_asked(question.lower())) and len(fits) == 1 else None
        # several fit (two pages name one center two ways): the first with the figure, tried in turn (see _retries)
        return None, replace(u, entities=[(pos, fit or fits[0]), *[(pos, f) for f in fits[1:]], *kept], cls=None,
                             notes=[*u.notes, f"{what} is {' or '.join(fits)}"])
    if u.yes_no or u.uncounted:
        # "does China Mobile's center in X use liquid cooling", "how many buildings will it have": the centers that fit
        # say no yes or no, and no number
        return None, u
    out: dict[str, Any] = {"question": question, "lang": u.lang, "answers": [_label(iri, vocab, u.script) for iri in fits],
                           "boolean": None, "sparql": sparql, "interpretation": _named(what, vocab, u.script),
                           "evidence": [{"source": r["file"]["value"], "text": r["evidence"]["value"]}
                                        for r in rows if "evidence" in r]}
    return out, u


def _one_in_place(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> Understanding:
    """"the hyperscale AI computing center in Dianjun District": of the facilities in that place, the one whose name
    holds most of the question's describing words (those some candidate's name has), clearly ahead of the next."""
    if (pointed := _pointed_at(question, u, vocab, store)) is not None:
        return pointed
    if (figured := _by_its_figure(question, u, vocab, store)) is not None:
        return figured
    sparql = in_place(u, vocab)
    if u.cls in AGENTS and u.relation == "operator" and _MANY_AGENTS.search(fold(question).lower()):
        return u  # "哪些企业在中卫筹建数据中心", "which firms are building in X": the operators of all of them there
    if sparql is None or re.search(r"\b(?:centers|centres|parks|facilities)\b", question.lower()) or u.lang == "en" \
            and not re.search(r"\bthe\b[^?.]*\b(?:center|centre|park|platform|base|project)\s+(?:in|at|near|of)\b",
                              question.lower()):
        return u  # "the data centers in Ulanqab" are all of them; "Ulanqab's data center investment" is the city's
    sparql = over_summary(sparql, vocab.summary)
    checked(sparql)
    fits = list(dict.fromkeys(r["answer"]["value"] for r in store.select(sparql).rows if r["answer"]["value"] in vocab.labels))
    best = _best_described(question, fits, [iri for _, iri in u.entities], vocab)
    if not best:
        return u
    chosen = best[0]
    place = u.entities[0][1]
    return replace(u, entities=[(u.entities[0][0], chosen)], cls=u.cls if u.cls in AGENTS or u.relation == "located_in" else None,
                   notes=[*u.notes, f"the {vocab.types.get(chosen)} described in {place} is {chosen}"])


def _by_its_figure(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> Understanding | None:
    """"the 8.8-billion-yuan data center in Horinger New Area", "总投资200亿元的张家口智算中心": of the centers and parks
    in the place named, the one holding the figure the question states. None unless exactly one does."""
    if not u.entities or u.threshold is not None or u.yes_no or u.count or u.superlative or u.comparative or u.total:
        return None
    if any(vocab.types.get(iri) not in ("City", "Province", "District", "Park", "Cluster") for _, iri in u.entities):
        return None  # a facility or a firm is named: the figure is no description of another
    stated = [q for q in find_quantities(fold(question)) if q.unit and q.family in _DESCRIBING_FAMILIES]
    if len(stated) != 1 or not stated[0].unit or not re.search(_FACILITY_WORD, fold(question).lower()):
        return None
    place = u.entities[-1][1]  # "Hohhot's Horinger New Area": the last place named is the nearest
    sparql = over_summary(by_figure(place, stated[0].unit, stated[0].value), vocab.summary)
    checked(sparql)
    fits = list(dict.fromkeys(r["answer"]["value"] for r in store.select(sparql).rows if r["answer"]["value"] in vocab.labels))
    fits = [f for f in fits if vocab.whole_of.get(f) not in fits]  # a phase of another fit is part of it
    if len(fits) != 1:
        return None
    return replace(u, entities=[(u.entities[-1][0], fits[0])], cls=u.cls if u.cls in AGENTS else None,
                   notes=[*u.notes, f"the {vocab.types.get(fits[0])} of {stated[0].text} in {place} is {fits[0]}"])


# the figures that name a facility ("a 20-billion-yuan center", "5万机柜的数据中心"), and the words of one
_DESCRIBING_FAMILIES = ("money", "racks", "compute", "area", "power")
_FACILITY_WORD = r"中心|园区|基地|项目|工程|\b(?:cent(?:er|re)|park|campus|base|project|facility)\b"


_MANY_AGENTS = re.compile(r"哪些(?:企业|公司|机构)|哪几家|有哪些|\bwhich\s+(?:firms|companies|operators|organi[sz]ations)\b")

# "达州那个…中心", "克拉玛依这座…": a place, then a demonstrative with a measure word, points at one thing in the place
_DEMONSTRATIVE = re.compile(r"^的?(?:新开工的|新建的)?[那这][个座家所处]")


def _pointed_at(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> Understanding | None:
    """"达州那个阿里站先进计算中心的智算规模": a figure of one facility the question points at in a place, by words that
    need not be its name: of the centers and parks in that place, the one whose name holds most of the describing
    words (see _best_described). None when the question points at nothing or no one facility fits."""
    if u.lang != "zh" or not u.metric or u.count or u.superlative or u.comparative or u.total or u.yes_no \
            or u.threshold is not None or u.relation or not u.entities:
        return None
    folded = fold(question)
    pointed = None
    for start, iri in u.entities:
        said = fold(u.said.get(iri, ""))
        at = folded.find(said, start) if said else -1
        if at >= 0 and vocab.types.get(iri) in ("Province", "City", "District", "Park") \
                and _DEMONSTRATIVE.match(folded[at + len(said):]):
            pointed = iri
            break
    if pointed is None:
        return None
    # what it is said to be runs to the first word that ends a facility's name ("…先进计算中心"), else to 的
    rest = _DEMONSTRATIVE.sub("", folded[at + len(said):])
    ends = sorted(questions()["names"]["facility_ends"], key=len, reverse=True)
    found = re.search("|".join(map(re.escape, ends)), rest)
    description = rest[:found.end()] if found else rest.partition("的")[0]
    sparql = over_summary(facilities_in(pointed), vocab.summary)
    checked(sparql)
    fits = list(dict.fromkeys(r["answer"]["value"] for r in store.select(sparql).rows if r["answer"]["value"] in vocab.labels))
    if description.endswith("中心"):  # a center is asked of, not the park it stands in
        fits = [f for f in fits if vocab.types.get(f) == "Center"]
    best = _best_described(description, [f for f in fits if f != pointed], [iri for _, iri in u.entities], vocab)
    if not best:
        return None
    return replace(u, entities=[(u.entities[0][0], best[0])], cls=None, itself=set(), unknown=[],
                   notes=[*u.notes, f"the {vocab.types.get(best[0])} pointed at in {pointed} is {best[0]}"])


def _best_described(question: str, fits: list[str], said: list[str], vocab: Vocabulary) -> list[str]:
    """The one of `fits` whose name holds most of the question's describing words (those some fit's name has, not
    the words of the entities `said`), at least 0.6 of them and 0.15 ahead of the next; else none."""
    known = {t for iri in said for label in _names_of(iri, vocab) for t in _words(label)}
    names = {f: set().union(*(_words(label) for label in _names_of(f, vocab))) - known for f in fits}
    describing = (_words(fold(question)) - known) & set().union(*names.values()) if names else set()
    if not describing:
        return []
    scored = sorted(((len(describing & words) / len(describing), f) for f, words in names.items()), reverse=True)
    if scored[0][0] < 0.6 or len(scored) > 1 and scored[0][0] - scored[1][0] < 0.15:
        return []
    return [scored[0][1]]


def _names_of(iri: str, vocab: Vocabulary) -> list[str]:
    return [label for key, label in vocab.labels.get(iri, {}).items() if key != "type" and label]


def _words(text: str) -> set[str]:
    """English words ("AI" as the words it stands for) and Chinese characters, for a name's describing words."""
    text = re.sub(r"\bai\b", "artificial intelligence", text.lower())
    return {w for w in re.findall(r"[a-z0-9]+|[\u4e00-\u9fff]", text) if w not in _FUNCTION_WORDS}


_FUNCTION_WORDS = {"the", "of", "in", "at", "is", "who", "which", "what", "s", "and", "a", "an", "by", "for",
                   "的", "在", "由", "谁", "哪", "是"}


def _retries(u: Understanding, vocab: Vocabulary, question: str) -> list[tuple[Understanding, str]]:
    """Looser readings to try, in order, when the question's own reading finds nothing."""
    out = []
    if u.kind:
        out.append((replace(u, kind=None), "no figure of that kind, so any kind"))
    final = bool(u.statuses) and _says_final(question)
    if u.statuses and not final:  # "最终规划": the figure reached now is not the final one
        out.append((replace(u, statuses=[]), "no figure with that status, so any status"))
    if u.kind and u.statuses and not final:
        out.append((replace(u, kind=None, statuses=[]), "no figure of that kind and status, so any"))
    if u.relation in ("located_in", "part_of") and u.cls and not u.hops:
        out.append((replace(u, hops=True), "nothing directly, so through places in between"))
        if u.cls == "District" and u.relation == "located_in":
            out.append((replace(u, cls="Park"), "no District found, so Park"))  # 开发区, 新区: a zone a county's rank
        elif (not u.entities or u.cls_pos > u.entities[0][0]) and not (u.relation == "located_in" and u.cls == "Park"):
            # "哪些中心位于X" must not turn into "where is X"; "X在哪个园区" is not answered with its province
            out.append((replace(u, cls=None), f"no {u.cls} found, so any"))
    if u.relation == "operator" and u.cls in ("Company", "Organization") and not u.hops and u.entities \
            and vocab.types.get(u.entities[0][1]) in ("Park", "District", "City", "Province"):
        out.append((replace(u, hops=True), "no operator found, so the companies at work in it"))
    if u.relation == "operator" and u.cls is None and u.entities and vocab.types.get(u.entities[0][1]) in AGENTS \
            and all(vocab.types.get(i) in ("City", "Province", "District", *AGENTS) for _, i in u.entities[1:]):
        # "X运营的是什么平台": what the company runs, not who runs the company (nor, when the question names a
        # facility, what else the company runs: "which China Telecom subsidiary runs the Lingang park")
        out.append((replace(u, cls="Center", cls_pos=-1), "nothing runs it, so what it runs"))
    distinct = list(dict.fromkeys(iri for _, iri in u.entities))
    if u.relation in ("operator", "located_in") and not u.metric and not u.yes_no and len(distinct) == 1 \
            and u.cls_pos <= u.entities[0][0]:
        # "Who built the X center": the sources may name the builders or the site of its first phase only
        for phase in vocab.phases_of.get(distinct[0], [])[:2]:
            out.append((replace(u, entities=[(u.entities[0][0], phase)]), f"nothing for {distinct[0]} as a whole, so {phase}"))
    if u.relation == "operator" and not u.metric and len(distinct) == 1 and vocab.types.get(distinct[0]) in ("Center", "Park"):
        # another page's longer name for it ("曙光重庆超级计算中心" for 重庆超级计算中心): who runs that, said so
        for other in [o for o in vocab.named_like(u.said.get(distinct[0], ""), distinct[0])
                      if vocab.types.get(o) == vocab.types.get(distinct[0]) and o not in vocab.whole_of][:1]:
            out.append((replace(u, entities=[(u.entities[0][0], other)]), f"nothing runs {distinct[0]}, so {other}, named like it"))
    other = "partner" if u.relation == "operator" else "operator"
    if u.relation in ("operator", "partner") and not u.metric and _says(question, "built" if other == "operator" else "jointly"):
        # "携手建设", "which partners built it": builders and partners are one answer only when the question says both;
        # a strategic partner asked is no builder, the thing a firm's product was built on no partner of the firm
        out.append((replace(u, relation=other), f"no {u.relation} found, so {other}"))
    if u.metric and len(distinct) >= 2 and not (u.comparative or u.superlative or u.yes_no or u.total):
        for iri in distinct[1:3]:
            others = [(p, i) for p, i in u.entities if i == iri]
            out.append((replace(u, entities=others), f"no figure for the first entity named, so {iri}"))
    if u.metric and len(distinct) == 1 and (whole := vocab.whole_of.get(distinct[0])):
        # a source may state the figure of "X一期" of X: given as X's, said so
        out.append((replace(u, entities=[(u.entities[0][0], whole)]), f"no figure for {distinct[0]}, so {whole} as a whole"))
    if u.metric and len(distinct) == 1 and vocab.types.get(distinct[0]) in ("Center", "Park"):
        # another page's shorter name for it (中南算力中心 for 中国电信中南智能算力中心): its figures, said so
        for other in vocab.short_forms(distinct[0])[:2]:
            out.append((replace(u, entities=[(u.entities[0][0], other)]),
                        f"no figure for {distinct[0]}, so {other}, a shorter name of it"))
    if u.total and u.metric and not u.cls and len(distinct) == 1 and vocab.types.get(distinct[0]) in ("Hub", "Province",
                                                                                                    "City", "District"):
        out.append((replace(u, cls="Cluster"), "no figure of its own, so the sum over its clusters"))
    if u.metric and len(distinct) == 1 and not u.cls and vocab.types.get(distinct[0]) not in ("Company", "Organization"):
        # (a firm's name opens the name of everything it runs: none of those figures is the firm's)
        # a place's figure may be stated of the cluster or park named after it, not of a center in it unless the
        # question names a facility ("天河超级计算机" → 天河一号); a place inside an unknown name leads only to a
        # name close to that one (国家超算西安中心 → 国家超级计算西安中心)
        place = vocab.types.get(distinct[0]) in ("City", "Province", "District")
        alike = [o for o in vocab.named_like(u.said.get(distinct[0], ""), distinct[0])
                 if not place or u.unknown or u.itself or "Center" in u.classes
                 or vocab.types.get(o) in ("Cluster", "Hub", "Park")]
        if distinct[0] in u.itself:
            asked = fold(question).lower()
            alike = [o for o in alike if any(fuzz.partial_ratio(label.lower(), asked) >= 75
                                              for key, label in vocab.labels.get(o, {}).items() if key != "type")]
        for other in alike[:3]:
            out.append((replace(u, entities=[(u.entities[0][0], other)]),
                        f"no figure for {distinct[0]}, so {other}, named like it"))
    places = [i for i in distinct if vocab.types.get(i) in ("City", "Province", "District")]
    if u.relation == "member_of" and u.cls and len(distinct) == 2 and len(places) == 1:
        # "Which Ningxia centers are on the list" when the graph places none there: the members it places nowhere
        out.append((replace(u, entities=[(p, i) for p, i in u.entities if i != places[0]], placeless=True),
                    f"none known to be in {places[0]}, so the members with no known place"))
    if u.count and u.cls in COUNTED_BY and u.metric is None and u.relation in ("operator", "partner"):
        # a thing's builders or partners, as the page names them; never the centers or firms of a place the graph
        # happens to know (news names a few of a province's hundreds)
        out.append((replace(u, cls=u.cls, entities=u.entities, count=True, metric=None, one_of=True, _members=True),
                    "no stated figure, so the members the graph knows"))
    return out


def _says(question: str, words: str, *, table: str = "intent") -> bool:
    """Whether the question says one of a list of words of the question lexicon ("built", "jointly" of its intents)."""
    text = fold(question).lower()
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) if w.isascii() else w in text
               for w in questions()[table][words])


def _says_final(question: str) -> bool:
    """"最终规划", "ultimately": the question asks the final figure, which a figure reached so far is not."""
    text = fold(question).lower()
    return any(re.search(rf"\b{re.escape(w)}\b", text) if w.isascii() else w in text
               for w in questions()["status"]["only_target"])


def _run(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {"question": question, "lang": u.lang, "answers": [], "boolean": None, "sparql": None,
                           "evidence": [], "interpretation": None}
    the_plan = plan(u, vocab) if question else None
    if the_plan is None:
        seen = [_label(iri, vocab, u.script)["label"] or iri for _, iri in u.entities]
        out["interpretation"] = ("not understood" + (f"; recognised: {', '.join(seen)}" if seen else "")
                                 + (f"; metric {u.metric}" if u.metric else ""))
        return out
    unbounded = replace(the_plan, sparql=the_plan.known, known=None) if the_plan.known else None
    try:
        results = _execute(the_plan, out, vocab, store)
        if unbounded is not None and not results.rows and results.boolean is not True \
                and not _execute(unbounded, {}, vocab, store).rows:
            # no figure at all is not a "no": say the graph does not know
            silent = "no such figure in the graph" if u.metric else "the graph does not say"  # a relation: open world
            out["interpretation"] = _named(the_plan.interpretation, vocab, u.script) + f"; {silent}"
            return out
    except QueryRejectedError as exc:
        out["interpretation"] = f"not understood; generated query rejected: {exc}"
        return out
    except SuanliError as exc:
        out["interpretation"] = f"not understood; the query failed: {exc}"
        return out
    out["interpretation"] = _named(the_plan.interpretation, vocab, u.script)
    if u.year and results.rows and "value" in results.rows[0] and the_plan.shape != "change":
        results.rows = _as_of(results.rows, u.year, store, vocab,
                              per_subject=len({iri for _, iri in u.entities}) > 1)
    return _shaped(out, the_plan, results, u, vocab)


def _as_of(rows: list[dict], year: str, store: Store, vocab: Vocabulary, *, per_subject: bool) -> list[dict]:
    """The figures of the year a question asks ("截至2023年", "as of 2024"), subject by subject when several are
    compared (one side only may be dated): those stated for that year, else those the sources published that year (a report's figure
    is as of its date), else those published the next year (a year's totals come out after it ends), else those stated
    for no other year, else all."""
    issued: dict[str, set[str]] = {}
    merged = [r["f"]["value"] for r in rows if "f" in r and not r.get("time")]
    if merged and vocab.summary is not None:
        sparql = issued_query(merged)
        checked(sparql)
        for row in store.select(sparql).rows:
            issued.setdefault(row["f"]["value"], set()).add(row["issued"]["value"][:4])
    tests = (lambda r: r.get("time", {}).get("value", "").startswith(year),
             lambda r: year in issued.get(r.get("f", {}).get("value", ""), set()),
             lambda r: str(int(year) + 1) in issued.get(r.get("f", {}).get("value", ""), set()),
             lambda r: not r.get("time"))
    if not per_subject:  # one entity asked: at each test its own figures first, then those of what it contains
        own = [r for r in rows if r.get("depth", {}).get("value") == "0"]
        return next((found for test in tests for pool in (own, rows) if (found := [r for r in pool if test(r)])), rows)
    kept: set[int] = set()
    for subject in dict.fromkeys(r["subject"]["value"] for r in rows):
        own = [r for r in rows if r["subject"]["value"] == subject]
        chosen = next((found for test in tests if (found := [r for r in own if test(r)])), own)
        kept.update(map(id, chosen))
    return [r for r in rows if id(r) in kept]


def _execute(the_plan: Plan, out: dict[str, Any], vocab: Vocabulary, store: Store) -> Any:
    """Run a plan: its scope query first (the subjects), then its figures over them; both checked, both kept in `out`."""
    in_scope: dict[str, dict] | None = None
    if the_plan.scope is not None:
        out["scope_sparql"] = the_plan.scope
        the_plan.scope = out["scope_sparql"] = over_summary(the_plan.scope, vocab.summary)
        checked(the_plan.scope)
        subjects = store.select(the_plan.scope).rows
        if len(subjects) > MANY_SUBJECTS:
            # a whole class: all figures of the metric, joined with the scope here (see MANY_SUBJECTS)
            in_scope = {r["subject"]["value"]: r for r in subjects if "subject" in r}
            the_plan.sparql = the_plan.sparql.replace("#SUBJECTS", "").replace("?holder ?depth ", "")
        else:
            the_plan.sparql = the_plan.sparql.replace("#SUBJECTS", subject_rows(subjects))
        if len(subjects) <= FEW_SUBJECTS:
            the_plan.sparql = inline_metric(the_plan.sparql)
    the_plan.sparql = out["sparql"] = over_summary(the_plan.sparql, vocab.summary)
    checked(the_plan.sparql)
    results = store.select(the_plan.sparql)
    if in_scope is not None:
        results.rows = [{**row, "holder": in_scope[row["subject"]["value"]].get("holder", row["subject"]),
                         "depth": in_scope[row["subject"]["value"]].get("depth", {"value": "0"})}
                        for row in results.rows if row["subject"]["value"] in in_scope]
    return results


def _shaped(out: dict[str, Any], the_plan: Plan, results: Any, u: Understanding, vocab: Vocabulary) -> dict[str, Any]:
    """The rows of a run as the answer of its shape: boolean, count, comparison, choice, sum, relation or figures."""
    if the_plan.shape == "boolean" and results.boolean is not None:
        out["boolean"] = results.boolean
        return out
    rows = results.rows
    if the_plan.shape == "boolean":
        out["boolean"] = bool(rows)
        return out
    if the_plan.shape == "count":
        members = {r["subject"]["value"] if "subject" in r else r["answer"]["value"] for r in rows}
        if u.cls == "Company" and u.relation in ("operator", "partner"):
            members = {m for m in members if vocab.types.get(m) == "Company"}  # "几家企业": not the governments
        if not members:  # nothing found is not a count of zero: the graph may simply not know them
            out["interpretation"] += "; none found in the graph"
            return out
        out["answers"] = [{"iri": None, "label": str(len(members)), "label_zh": None, "label_en": None,
                           "value": len(members), "unit": None, "comparator": "eq"}]
        out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in rows if "evidence" in r]
        return out
    if the_plan.shape == "change":
        return _change(out, u, rows, vocab)
    if the_plan.shape == "compare":
        return _compare(out, u, rows, vocab)
    if the_plan.shape == "choose":
        return _choose(out, u, rows, vocab)
    if the_plan.shape == "aggregate":
        named = {i for _, i in u.entities}
        own = [r for r in rows if r["depth"]["value"] == "0" and r["subject"]["value"] in named] if len(named) == 1 else []
        if own and not _EACH.search(fold(out["question"]).lower()):
            # "乌兰察布一共投资了多少": the total the sources state for the whole, not the sum of what the graph knows
            whole = own[0]["subject"]["value"]
            out["interpretation"] = _named(f"{u.metric} of {whole}; the figure stated for the whole", vocab, u.script)
            return _figure_answers(out, replace(the_plan, shape="value"), own, u, vocab)
        rows = [r for r in rows if r["depth"]["value"] != "0" or not own]
        total = _aggregate(rows, u.statuses)
        if total is None:
            out["interpretation"] += "; no figures to add up in one unit"
            return out
        value, unit, comparator, used = total
        lacking = [i for i in the_plan.added if i not in {r.get("holder", r["subject"])["value"] for r in used}]
        if lacking:  # "A和B合计": B's figure unknown, so no sum is the combined one
            out["interpretation"] += "; " + _named(f"no figure for {', '.join(lacking)}, so no sum", vocab, u.script)
            return out
        text, comparator = _sum_text(value, unit, comparator, used, u)
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
        elif u.relation in ("operator", "partner"):
            # "which companies": a government or a city beside them is no company; "which research institutions": a
            # company is none either. The asked kind strictly: rather no answer than one of another kind
            kept = [a for a in out["answers"] if _of_asked_kind(a["iri"], u, vocab, out["question"])]
            if out["answers"] and not kept:
                out["evidence"] = []
                out["interpretation"] += "; none found of the kind asked"
            out["answers"] = kept
        return out
    return _figure_answers(out, the_plan, rows, u, vocab)


def _of_asked_kind(iri: str, u: Understanding, vocab: Vocabulary, question: str) -> bool:
    """Whether a runner or partner found is of the kind the question asks for: a company when it asks for companies
    ("哪些企业", "which firms"); a research body, named as one, when it asks for research institutions; anything
    when it asks who."""
    words = questions()["agents"]
    text = fold(question).lower()
    if any(i == iri for _, i in u.entities) and _says(question, "subsidiary", table="agents"):
        return False  # "which China Telecom subsidiary runs it", "由鸿海旗下哪家子公司": not the parent the question names
    if any(w in text for w in words["research_asked"]):
        names = " ".join(_names_of(iri, vocab)).lower()
        return vocab.types.get(iri) == "Organization" and any(w in names for w in words["research_names"])
    if u.cls == "Company" and "Company" in u.classes:
        return vocab.types.get(iri) == "Company"
    return True


def _ranked_within(row: dict, region: str) -> bool:
    """A rank row stated for the region asked: its quote says the region just before this rank ("中部第1")."""
    value = number(row["value"]["value"])
    text = fold(row.get("evidence", {}).get("value", "")).lower()
    if value is None or value != int(value):
        return False
    n = int(value)
    words = {str(n), *([_ZH_ORDINALS[n]] if n < len(_ZH_ORDINALS) else [])}
    alts = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    stated = rf"(?:[^,，。;；、]{{0,8}}?(?:第|no\.?\s*|#)\s*(?:{alts})(?![0-9])|[^,，。;；、]{{0,12}}?\b(?:{alts})(?:st|nd|rd|th)\b)"
    return bool(re.search(re.escape(region) + stated, text))


_ZH_ORDINALS = "零一二三四五六七八九十"

_EACH = re.compile(r"各|所有|每个|每一|\beach\b|\bevery\b|\ball\b")  # a sum asked member by member

FACTS_SHOWN = 12  # figures shown when the question was only partly understood


def _figure_answers(out: dict[str, Any], the_plan: Plan, rows: list[dict], u: Understanding, vocab: Vocabulary) -> dict[str, Any]:
    """Figures as answers (value, list, boolean shapes): the asked year and figure, each subject once, via its holder."""
    if u.itself and u.unknown and u.metric and not u.count and the_plan.shape == "value":  # (a count is the place's)
        rows = [r for r in rows if r["subject"]["value"] not in u.itself or _tells_of(r, u.unknown, u.said.values())]
    if u.metric == "rank" and u.rank_within:  # the national rank does not answer "第几 among central provinces"
        rows = [r for r in rows if _ranked_within(r, u.rank_within)]
        if not rows:
            out["interpretation"] += f"; no rank stated within {u.rank_within}"
    if the_plan.shape == "value" and rows and any(r["depth"]["value"] == "0" for r in rows):
        rows = [r for r in rows if r["depth"]["value"] == "0"]
        parts = _named_parts(rows, u, out.get("question", "")) if u.total else None
        if parts:
            value, unit, comparator, used = parts
            text, comparator = _sum_text(value, unit, comparator, used, u)
            out["answers"] = [{"iri": None, "label": text, "label_zh": None, "label_en": None, "value": value,
                               "unit": unit, "comparator": comparator, "text": text}]
            out["evidence"] = [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in used]
            out["interpretation"] += "; " + ("所问各部分之和" if u.lang == "zh" else "the sum of the parts asked")
            return out
        rows = _one_figure(rows, u, out.get("question", ""))
    elif the_plan.shape == "value" and rows and u.entities:
        rows = _one_figure(rows, u, out.get("question", ""))  # one part holds the figures ("庆阳…集群" via the city): its one asked figure
    if the_plan.shape == "list" and u.superlative:
        rows = rows[: u.top]
    if the_plan.shape == "facts":
        rows = rows[:FACTS_SHOWN]
    seen_keys = set()
    for row in rows:
        subject = row["subject"]["value"]
        holder = row.get("holder", row["subject"])["value"]
        # "which clusters": a figure about the city that hosts a cluster answers for the cluster, via the city
        for_holder = the_plan.shape in ("list", "boolean") and u.cls in ("Cluster", "Hub") \
            and vocab.types.get(holder) == u.cls
        key = (subject, row["value"]["value"], row.get("unit", {}).get("value")) if the_plan.shape == "value" else (
            (subject, row["metric"]["value"], row["value"]["value"], row["status"]["value"]) if the_plan.shape == "facts"
            else holder if for_holder else subject)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        answer = _answer(row, vocab, u)
        if the_plan.shape == "facts":  # each figure says what it measures, since the question named no metric
            answer["metric"] = local_name(row["metric"]["value"])
            answer["text"] = present.figure(answer["value"], answer["unit"], answer["comparator"],
                                            present.script_of(u.lang, u.script), metric=answer["metric"])
        if for_holder and holder != subject:
            answer.update(_label(holder, vocab, u.script))
            answer["via"] = _label(subject, vocab, u.script)
            if u.cls == "Hub":
                answer.update(_hub_label(answer, answer["via"], u.script))
        elif holder != subject:
            answer["via"] = _label(holder, vocab, u.script)
        out["answers"].append(answer)
        out["evidence"].append({"source": row["file"]["value"], "text": row["evidence"]["value"]})
        if row.get("_others"):  # the sources disagree: the answer says so and quotes the others beside it
            answer["conflict"] = True
            answer["conflicts"] = [{"value": number(r["value"]["value"]), "unit": local_name(r.get("unit", {}).get("value")),
                                    "comparator": local_name(r["comparator"]["value"]), "source": r["file"]["value"]}
                                   for r in row["_others"]]
            out["evidence"] += [{"source": r["file"]["value"], "text": r["evidence"]["value"]} for r in row["_others"]]
    _mark_conflicts(out["answers"])
    return out


_JOINED = r"(?:和|与|及|以及|加上|加|跟)"


def _named_parts(rows: list[dict], u: Understanding, question: str) -> tuple[float, str | None, str, list[dict]] | None:
    """"基建投资和服务器投资加起来": one entity's figure in named parts, asked as a total. The sum when each part the
    question names is said, in a sentence holding one of the entity's figures, right before that figure (基建累计投资
    282亿元, 服务器投资491亿元), every part its own figure in one unit; otherwise None (no sum of what is not asked)."""
    words = "|".join(map(re.escape, sorted(questions()["metric"].get(u.metric or "", []), key=len, reverse=True)))
    if not words or len({r["subject"]["value"] for r in rows}) != 1:
        return None
    text = fold(question).lower()
    part = r"((?:(?![的之])[\u4e00-\u9fff]){2,4}?)"
    m = re.search(rf"{part}(?:{words})?{_JOINED}{part}(?:{words})", text) or re.search(
        rf"\b([a-z-]{{3,}})(?: (?:{words}))? (?:and|plus) ([a-z-]{{3,}}) (?:{words})\b", text)
    if m is None or m.group(1) == m.group(2):
        return None
    used: list[dict] = []
    for name in m.groups():
        found = None
        for row in rows:
            said = fold(row["evidence"]["value"]).lower()
            quantities = find_quantities(said) if name in said else []
            for at in (hit.end() for hit in re.finditer(re.escape(name), said)):
                after = [q for q in quantities if q.start >= at]
                gap = said[at : after[0].start] if after else ""
                if after and len(gap) <= 8 and not re.search(r"[,，。;；、]", gap) \
                        and math.isclose(after[0].value, number(row["value"]["value"]), rel_tol=1e-6):
                    found = row
                    break
            if found is not None:
                break
        if found is None or found in used:
            return None
        used.append(found)
    units = {local_name(r.get("unit", {}).get("value")) for r in used}
    comparators = {local_name(r["comparator"]["value"]) for r in used}
    if len(units) != 1:
        return None
    comparator = "eq" if comparators == {"eq"} else ("ge" if comparators <= {"eq", "gt", "ge"} else "approx")
    return sum(number(r["value"]["value"]) for r in used), units.pop(), comparator, used


def _mark_conflicts(answers: list[dict[str, Any]]) -> None:
    """Two figures of one entity with the same status, kind and time that differ: the sources disagree, and the answer says so."""
    seen: dict[tuple, set] = {}
    for a in answers:
        seen.setdefault((a.get("iri"), a.get("metric"), a.get("status"), a.get("kind"), a.get("time")),
                        set()).add((a.get("value"), a.get("comparator")))
    for a in answers:
        if len(seen[(a.get("iri"), a.get("metric"), a.get("status"), a.get("kind"), a.get("time"))]) > 1:
            a["conflict"] = True

