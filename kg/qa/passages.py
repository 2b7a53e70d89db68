"""Answers read from the page's own sentences, when no fact holds them (issue 16).

Ingest keeps each document's sentences that name an entity the graph knows (`sl:Passage`, in the document's
graph). `from_text(question, …)` is tried only when the structured path found nothing: it reads the passages of
the question's entities (one SPARQL query, kept in the answer's `sparql`) and answers from the one that shares
the most content words with the question. A word counts in either language (an English question about a Chinese
page): its other language comes from the question lexicon's groups that hold both (metrics, classes, statuses,
relation words), the extractor's glossary reversed and a short list of news words (questions.toml [passages]). An
overlap found through translation must share MIN_SHARED words whatever the question's length, and one more for an
entity answer. The answers:

- a number question: a number of that passage whose unit fits what the question asks (its metric, a share, or
  the measure word it counts in: "多少天" → "157天", "how many buildings" → "18 buildings"), parsed by
  `extract.quantity` so units come out canonical as facts' do;
- a which/who question asking for a company, a place or a park: an entity of that type the passage names that
  the question does not;
- a yes/no question: True when one passage carries every content word of the claim. Never False: a page that
  does not say so is no "no".

The answer says it was read from text (`"source": "text"`, the sentence as evidence, the interpretation in the
question's language), so users weigh it. Nothing shared, nothing answered.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extract.quantity import find as find_quantities
from extract.quantity import is_conversion
from extract.quantity import parse as parse_number
from extract.resources import lexicon, questions
from extract.text import fold
from kg.qa.plan import SAFE_IRI, checked
from kg.qa.understand import Store, Understanding, Vocabulary

MIN_SHARED = 2  # content words a passage must share with the question (one when the question has only one)
# A question's word with the forms that count as it in a passage: itself and its other language's words
Concept = tuple[str, frozenset[str]]

# what a figure's metric is measured in: the quantity families of extract.quantity
_METRIC_FAMILY = {"computing_power": "compute", "rack_count": "racks", "investment": "money", "output_value": "money",
                  "area": "area", "renewable_share": "percent", "utilization_rate": "percent",
                  "clean_energy_capacity": "power", "latency": "latency"}
_ASKED_CLASSES = {"Company", "Organization", "Park", "City", "District", "Province", "Center"}
_PLAN = re.compile(r"将|预计|计划|拟|有望|目标|规划|\b(?:will|expected|plan|plans|planned|aim|aims|target|would|could|may)\b")
_SHARE_METRICS = {"renewable_share", "utilization_rate"}
_PLACES = {"City", "District", "Province"}
_ZH_NUMBER = r"(\d+(?:\.\d+)?\s*[万亿]?|[零〇一二两三四五六七八九十百千万亿]+)"
_EN_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")
_NEGATION = re.compile(r"未(?!来)|没有|不是|并非|尚未|\bnot\b|\bno\b|\bnever\b|n't")

_HALF = re.compile(r"(?:\b(more than|over|nearly|almost|about|around|roughly)\s+)?(?<!first )(?<!second )\bhalf (?:of|the)\b|"
                   r"(超过|逾|近|约)?(?:一半|半数)|(过)半")
_HALF_BOUND = {"more than": "gt", "over": "gt", "超过": "gt", "逾": "gt", "nearly": "approx", "almost": "approx",
               "about": "approx", "around": "approx", "roughly": "approx", "近": "approx", "约": "approx", "过": "gt"}

QUERY = """PREFIX sl: <https://w3id.org/suanli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?passage ?text ?file ?position ?mentioned WHERE {
  VALUES ?entity { #ENTITIES }
  GRAPH ?g {
    ?passage sl:mentions ?entity ; sl:text ?text ; sl:position ?position ; prov:wasDerivedFrom ?doc ;
             sl:mentions ?mentioned .
    ?doc dcterms:identifier ?file .
  }
}"""


@cache
def _words() -> dict[str, Any]:
    return questions()["passages"]


def _folded(text: str) -> str:
    return fold(text).lower()


def _content_words(question: str, vocab: Vocabulary, said: tuple[str, ...] = ()) -> list[Concept]:
    """The question's own words, without the names it gives (exact ones, and those `said` in part: "联通临港国际云数据中心"
    for China Unicom's Lingang center shares its words with every sentence about it), its question words and function
    words: Chinese words
    of two characters or more as jieba cuts them, English words of three letters or more (plural s dropped) and the
    English phrases the bilingual words know ("computing power"). Each comes with its other language's words, so an
    English question shares words with a Chinese passage (and back)."""
    import rjieba  # jieba's plain cut, as extract.nlp.plain_words, without importing the extractor's spaCy pipelines

    text = _folded(question)
    for start, end, _ in vocab.find(text):
        text = text[:start] + " " * (end - start) + text[end:]
    for name in sorted(said, key=len, reverse=True):
        text = text.replace(name, " " * len(name))
    stop = set(_words()["stop_zh"]) | set(_words()["stop_en"])
    en_zh, zh_en = _bilingual()
    found: list[Concept] = []
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        found += [(w, frozenset({w, *zh_en.get(w, ())})) for w in rjieba.cut(run, False) if len(w) >= 2 and w not in stop]
    for run in re.split(r"[^a-z0-9' -]+", re.sub(r"['’]s\b|[\u4e00-\u9fff]+", ",", text)):
        raw = run.split()
        tokens = [_stem(w) for w in raw]
        at = 0
        while at < len(tokens):
            phrase = next((n for n in range(min(4, len(tokens) - at), 1, -1) if " ".join(tokens[at:at + n]) in en_zh
                           and not set(tokens[at:at + n]) <= stop), 0)
            if phrase:
                words = " ".join(tokens[at:at + phrase])
                found.append((words, frozenset({words, *_overlap(en_zh[words])})))
                at += phrase
                continue
            word = tokens[at]
            if _EN_WORD.fullmatch(raw[at]) and raw[at] not in stop and word not in stop:
                found.append((word, frozenset({word, *_overlap(en_zh.get(word, ()))})))
            at += 1
    return list({word: (word, forms) for word, forms in found}.values())


def _overlap(forms: Any) -> set[str]:
    """The Chinese words that count in an overlap: two characters or more (one is a measure word: 天, 栋)."""
    return {form for form in forms if form.isascii() or len(form) >= 2}


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"  # companies, cities
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _root(word: str) -> str:
    """A word without its -ing/-ed/-e ending, for an overlap only: "achieving" and "achieve", "powered" and
    "power", "running" and "run" meet. Hyphenated words are roots of their parts ("green-powered": "green power")."""
    if "-" in word:
        return " ".join(_root(part) for part in word.split("-") if part)
    word = _stem(word)
    for ending, least in (("ing", 6), ("ed", 5)):
        if len(word) >= least and word.endswith(ending) and not word.endswith("eed"):
            word = word[:-len(ending)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # running, planned
            break
    return word[:-1] if len(word) >= 4 and word.endswith("e") and not word.endswith("ee") else word


def _stem_phrase(phrase: str) -> str:
    return " ".join(_stem(w) for w in _folded(phrase).split())


@cache
def _bilingual() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """English word or phrase (plural s dropped) → its Chinese words, and Chinese word → its English: the question
    lexicon's groups that hold one meaning in both languages, the extractor's glossary, the news words."""
    pairs: list[tuple[list[str], list[str]]] = []
    for path in _words()["bilingual_groups"]:
        node: Any = questions()
        for key in path.split("."):
            node = node[key]
        for group in (node.values() if isinstance(node, dict) else [node]):
            pairs.append(([w for w in group if w.isascii()], [w for w in group if not w.isascii()]))
    pairs += [([en], [zh]) for zh, en in lexicon()["stem_en"].items() if len(zh) >= 2]
    pairs += [([en], list(zh)) for en, zh in _words()["bilingual"].items()]
    en_zh: dict[str, set[str]] = {}
    zh_en: dict[str, set[str]] = {}
    for english, chinese in pairs:
        for en in {_stem_phrase(w) for w in english}:
            en_zh.setdefault(en, set()).update(_folded(zh) for zh in chinese)
            for zh in chinese:
                zh_en.setdefault(_folded(zh), set()).add(en)
    return ({k: frozenset(v) for k, v in en_zh.items()}, {k: frozenset(v) for k, v in zh_en.items()})


def _shared(words: list[Concept], passage: str) -> list[str]:
    """The forms by which a passage holds the question's words, one per word and each form once: a Chinese word
    inside its text, an English word or phrase among its words."""
    text = _folded(passage)
    stop = set(_words()["stop_en"])
    tokens = re.findall(r"[a-z0-9][a-z0-9'-]*", text)
    english = " " + " ".join(_stem(w) for w in tokens) + " "
    roots = " " + " ".join(_root(w) for w in tokens) + " "
    used: list[str] = []
    for word, forms in words:
        for form in sorted(forms, key=lambda f: (f != word, -len(f), f)):  # the word itself first, then the longest
            if form not in used and ((f" {form} " in english or f" {' '.join(map(_root, form.split()))} " in roots)
                                     if form.isascii() else form in text):
                # an English phrase held as it is counts its words, as single words would ("computing power": two)
                used += [w for w in form.split() if w not in stop] or [form] if form == word and " " in form else [form]
                break
    return used


def _cross(words: list[Concept], shared: list[str]) -> bool:
    """Whether a passage shares a word only in the other language (an overlap that must reach MIN_SHARED)."""
    own = {part for word, _ in words for part in [word, *word.split()]}
    return bool(set(shared) - own)


def _enough(words: list[Concept], shared: list[str], kind: str) -> bool:
    """Whether a passage shares enough: MIN_SHARED words (all of them when the question has fewer, in its own
    language only). Across languages, an entity answer (which company, who) needs min_shared_entity: two words a
    translation finds are weaker than two the question writes, and a wrong company is worse than a number whose unit
    has to fit as well."""
    if not _cross(words, shared):
        return len(shared) >= min(MIN_SHARED, len(words))
    return len(shared) >= (_words()["min_shared_entity"] if kind == "entity" else MIN_SHARED)


def _asked(question: str, u: Understanding) -> tuple[str, Any] | None:
    """What kind of answer the question wants: ("number", how to pick it), ("entity", class) or ("boolean", None)."""
    text = _folded(question)
    words = _words()
    if u.yes_no:
        return "boolean", None
    number = re.search("|".join(map(re.escape, words["number_zh"])), text.replace("哪几", "哪")) or re.search(
        r"\b(?:" + "|".join(map(re.escape, words["number_en"])) + r")\b", text)
    # "What PUE does …", "What is X's computing scale": a figure's metric asked by what, not by which or who
    asks_metric = u.metric in (*_METRIC_FAMILY, "pue") and not u.relation and not re.search(
        "|".join(map(re.escape, words["who"])), text) and not re.search(r"哪|\bwhich\b", text)
    if number or asks_metric:
        if asks_share(question) and u.metric not in _SHARE_METRICS:
            return "number", ("family", "percent")  # "what share of its computing power is AI": a share, no PFLOPS
        if u.metric == "pue":
            return "number", ("pue", "pue")
        if u.metric in _METRIC_FAMILY:
            return "number", ("family", _METRIC_FAMILY[u.metric])
        if re.search("|".join(map(re.escape, words["share_zh"])), text) or re.search(
                r"\b(?:" + "|".join(map(re.escape, words["share_en"])) + r")\b", text):
            return "number", ("family", "percent")
        measure = re.search(r"(?:多少|几)\s*([^\s\d,，。?？的个是了a-z])", text)
        if measure:
            return "number", ("measure", measure.group(1))
        counted = re.search(r"\bhow many ((?:[a-z-]+ ){0,2}?)([a-z-]{3,})\b", text)
        if counted:
            return "number", ("noun", _stem(counted.group(2)))
        return None
    cls = u.cls if u.cls in _ASKED_CLASSES else None
    if cls is None and re.search("|".join(map(re.escape, words["who"])), text):
        cls = "Company"
    if cls is not None and (u.relation or re.search("|".join(map(re.escape, words["which"])), text)):
        return "entity", cls
    return None


def asks_share(question: str) -> bool:
    """Whether a question asks for a share ("what share of", "占比多少"): then no entity and no figure in a unit
    answers it."""
    text, words = _folded(question), _words()
    asked = re.search("|".join(map(re.escape, words["number_zh"])), text) or re.search(
        r"\b(?:" + "|".join(map(re.escape, words["number_en"])) + r")\b", text)
    zh = [w for w in words["share_zh"] if len(w) >= 2]  # not 率 alone: 功率, 效率 are no shares
    return bool(asked) and bool(re.search("|".join(map(re.escape, zh)), text) or re.search(
        r"\b(?:what|which) (?:" + "|".join(map(re.escape, words["share_en"])) + r")\b", text))


def _numbers(text: str, how: tuple[str, str]) -> list[tuple[int, float, str | None, str]]:
    """The numbers of a passage that fit how the question counts: (position, value, unit, comparator)."""
    folded = _folded(text)
    kind, wanted = how
    if kind == "pue":  # a PUE is a bare ratio between 1 and 3, said after its name ("PUE of 1.15", "PUE值1.2")
        if not re.search(r"pue|电能利用效率", folded):
            return []
        return [(m.start(), float(m.group(2)), None, "lt" if m.group(1) else "eq")
                for m in re.finditer(r"(低于|不超过|below|under|less than)?\s*(?<![\d.])([12]\.\d{1,3})(?!\d|\.\d|%)", folded)]
    if kind == "family":
        quantities = find_quantities(folded)
        figures: list[tuple[int, float, str | None, str]] = [  # not "(about 275 million U.S. dollars)" after yuan
            (q.start, q.value, q.unit, q.comparator) for q in quantities
            if q.family == wanted and not is_conversion(q, quantities, folded)]
        if wanted == "percent":  # a share in words: "about half of", "more than half of", 半数, 过半 (not "the first half")
            figures += [(m.start(), 0.5, None, _HALF_BOUND.get(m.group(1) or m.group(2) or m.group(3) or "", "eq"))
                        for m in _HALF.finditer(folded)]
        return figures
    en_zh, zh_en = _bilingual()
    # counted in the question's word, or in its other language's ("how many days" → 157天, "几栋" → 18 buildings)
    measures = [wanted, *en_zh.get(wanted, ())] if kind == "noun" else [wanted]
    nouns = [wanted, *zh_en.get(wanted, ())] if kind == "measure" else [wanted]
    zh_words = "|".join(re.escape(w) for w in sorted({w for w in measures + nouns if not w.isascii()}, key=len, reverse=True))
    en_words = "|".join(re.escape(w) for w in sorted({w for w in measures + nouns if w.isascii()}, key=len, reverse=True))
    # a Chinese noun may follow its measure word ("200家中小企业"): one of the lexicon's, or none
    classifier = f"[{re.escape(questions()['names']['measure_words'])}]?" if kind == "noun" else ""
    patterns = ([_ZH_NUMBER + r"\s*(?:多|余)?" + classifier + "(?:" + zh_words + ")"] if zh_words else []) + (
        [r"(\d[\d,]*(?:\.\d+)?(?: (?:million|billion|thousand))?)\s+(?:[a-z-]+\s+){0,2}?(?:" + en_words + ")"]
        if en_words else [])
    found: list[tuple[int, float, str | None, str]] = []
    for m in (m for pattern in patterns for m in re.finditer(pattern, folded)):
        if re.fullmatch(r"[百千万亿]+", m.group(1).strip()):
            continue  # "万卡级", "千卡级": a class of size, no count
        try:
            value = parse_number(m.group(1).strip())
        except (ValueError, ArithmeticError):
            continue
        found.append((m.start(), value, None, "eq"))
    return found


def from_text(question: str, u: Understanding, vocab: Vocabulary, store: Store) -> dict[str, Any] | None:
    """An answer read from the passages of the question's entities, or None. Never raises on a bad question."""
    entities = [iri for iri in dict.fromkeys(iri for _, iri in u.entities) if SAFE_IRI.fullmatch(iri)][:5]
    if not u.yes_no and (u.comparative or u.superlative or u.difference or u.change):
        return None  # a comparison is not read off one number of one sentence
    asked = _asked(question, u) if entities else None
    if asked is None:
        return None
    kind, how = asked
    # a figure of several things together ("A、B和C合计") is one a sentence states about them all, not about one
    # — unless they are an owner and a place, the words that describe one facility ("China Telecom's center in
    # Zhongwei"): then a sentence naming a place states it, or one naming the owner and sharing a word more (an owner
    # is named on many pages, of many facilities)
    types = [vocab.types.get(iri) for iri in entities]
    described = types.count("Company") == 1 and all(t in _PLACES for t in types if t != "Company")
    needed = set(entities) if kind == "number" and len(entities) > 1 and not described else set()
    places = {iri for iri, t in zip(entities, types, strict=True) if t != "Company"} if described and kind == "number" else set()

    def pinned(shared: list[str], mentioned: list[str]) -> bool:
        return not places or bool(places & set(mentioned)) or len(shared) > MIN_SHARED
    words = _content_words(question, vocab, tuple(n for n in u.said.values() if len(n) >= 2))
    if not words:
        return None
    sparql = QUERY.replace("#ENTITIES", " ".join(f"<{iri}>" for iri in entities))
    checked(sparql)
    passages: dict[str, dict[str, Any]] = {}
    for row in store.select(sparql).rows:
        entry = passages.setdefault(row["passage"]["value"], {"text": row["text"]["value"], "file": row["file"]["value"],
                                                              "position": int(row["position"]["value"]),
                                                              "mentioned": []})
        entry["mentioned"].append(row["mentioned"]["value"])
    ranked = sorted(((_shared(words, p["text"]), p) for p in passages.values()),
                    key=lambda pair: (-len(pair[0]), pair[1]["file"], pair[1]["position"]))
    ranked = [(n, p) for n, p in ranked
              if _enough(words, n, kind) and needed <= set(p["mentioned"]) and pinned(n, p["mentioned"])]
    for _, passage in ranked:
        answer = _read(kind, how, passage, words, u, entities, vocab)
        if answer is not None:
            return _out(question, u, vocab, sparql, passage, answer)
    return None


def _read(kind: str, how: Any, passage: dict[str, Any], words: list[Concept], u: Understanding, entities: list[str],
          vocab: Vocabulary) -> dict[str, Any] | bool | None:
    text = passage["text"]
    if kind == "boolean":
        shared, folded = len(_shared(words, text)), _folded(text)
        if len(words) < MIN_SHARED or _NEGATION.search(folded):
            return None
        if shared == len(words):
            return True
        # a long claim ("supplied with 100% green electricity"): two thirds of its words, in a sentence that states
        # what is (a plan or an expectation is no yes), when the question itself asks about no plan
        if len(words) >= 3 and 3 * shared >= 2 * len(words) and not _PLAN.search(folded) and not u.statuses:
            return True
        return None
    if kind == "entity":
        others = [iri for iri in dict.fromkeys(passage["mentioned"])
                  if iri not in entities and vocab.types.get(iri) == how and iri in vocab.labels]
        return {"iri": others[0]} if len(others) == 1 else None
    numbers = _numbers(text, how)
    if not numbers:
        return None
    folded = _folded(text)
    marks = [m.start() for w in _shared(words, text) for m in re.finditer(re.escape(w), folded)]
    position, value, unit, comparator = min(numbers, key=lambda n: min((abs(n[0] - at) for at in marks), default=0))
    return {"value": int(value) if float(value).is_integer() else value, "unit": unit, "comparator": comparator,
            "share": how == ("family", "percent"), "measure": how[1] if how[0] in ("measure", "noun") else None}


def _plural(noun: str) -> str:
    """The English noun a count is said in, back in the plural the question used ("how many buildings")."""
    if not noun.isascii() or noun.endswith("s"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def _out(question: str, u: Understanding, vocab: Vocabulary, sparql: str, passage: dict[str, Any],
         answer: dict[str, Any] | bool) -> dict[str, Any]:
    """The answer of the contract, marked as read from text: the sentence as its evidence and beside its answer."""
    from kg import present
    from kg.qa.ask import _label

    evidence = {"source": passage["file"], "text": passage["text"]}
    out: dict[str, Any] = {"question": question, "lang": u.lang, "answers": [], "boolean": None, "sparql": sparql,
                           "evidence": [evidence], "source": "text",
                           "interpretation": f"no fact holds it, so read from the text of \x02{passage['file']}\x02"}
    if answer is True:
        out["boolean"] = True
        return out
    assert isinstance(answer, dict)
    if "iri" in answer:
        found = _label(answer["iri"], vocab, u.script)
    else:
        script = present.script_of(u.lang, u.script)
        measure = answer.pop("measure", None)
        if answer.pop("share", False):
            text = present.figure(answer["value"], None, answer["comparator"], script, metric="renewable_share")
        elif measure:  # "200天", "18 buildings": counted in the question's own word
            text = f"{present.amount(answer['value'], script)}{measure}" if script != "en" else \
                f"{present.amount(answer['value'], script)} {_plural(measure) if answer['value'] != 1 else measure}"
        else:
            text = present.figure(answer["value"], answer["unit"], answer["comparator"], script, metric=u.metric)
        found = {"iri": None, "label": text, "label_zh": None, "label_en": None, **answer, "text": text}
    out["answers"] = [{**found, "source": "text", "passage": passage["text"], "document": passage["file"]}]
    return out
