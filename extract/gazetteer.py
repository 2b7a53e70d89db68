"""Known entities and naming: the reference data as entities, and labels for new names.

One entity has one key (the IRI's local part) in every language: a Chinese name and its
English translation produce the same key, so 庆阳 / 慶陽 / Qingyang resolve together.
"""

from __future__ import annotations

import marshal
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from extract.resources import cached, counties, lexicon, reference, sources
from extract.text import has_cjk, to_traditional

if TYPE_CHECKING:
    import types

    import jieba


@dataclass(frozen=True)
class Entity:
    """A real thing the graph can name: its key, type and labels in both languages."""

    key: str
    type: str
    zh: str | None
    en: str
    aliases: tuple[str, ...] = ()
    reference: bool = False
    wikidata: str | None = None
    links: tuple[tuple[str, str], ...] = field(default=())  # (relation code, key of the other entity)

    @property
    def zh_hant(self) -> str | None:
        """Traditional-Chinese label, when it differs from the simplified one."""
        if not self.zh:
            return None
        hant = to_traditional(self.zh)
        return hant if hant != self.zh else None


def slug(name: str) -> str:
    """IRI-safe key of an English name: "Gui'an data center cluster" → "guian-data-center-cluster"."""
    s = re.sub(r"['’`.]", "", name.lower())
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "entity"


def pinyin_name(zh: str) -> str:
    """Romanise a Chinese word as a proper name: 庆阳 → Qingyang."""
    from pypinyin import lazy_pinyin  # here: the graph and the web front read the gazetteer, never a new name

    return "".join(lazy_pinyin(zh)).capitalize()


@dataclass(frozen=True)
class Gazetteer:
    """Every reference entity and the surface forms it is matched by."""

    entities: dict[str, Entity]
    zh_surfaces: dict[str, str]  # simplified surface → key
    en_surfaces: dict[str, str]  # lower-case surface → key
    place_en: dict[str, str]  # place zh short name → English name
    place_zh: dict[str, str]  # lower-case English place name → zh short name


# what the gazetteer is made from: the data files, the extractor's code, the libraries that romanise and convert names
_GAZETTEER_DATA = (("kg.ontology", "reference.toml"), ("extract.data", "counties.toml"), ("extract.data", "lexicon.toml"))
_GAZETTEER_LIBRARIES = ("pypinyin", "opencc")


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of `ontology/reference.toml`, once per process, from the cache (`extract.resources.cached`)
    when one holds this edition of its sources: loaded in 0.01 s where `_build_gazetteer` takes 0.25 s of every
    worker server's start."""
    key = ["gazetteer/1", *sources(_GAZETTEER_DATA, ("extract",), _GAZETTEER_LIBRARIES)]
    entities, *maps = cached("gazetteer", key, lambda: _plain(_build_gazetteer()))
    return Gazetteer({row[0]: Entity(*row) for row in entities}, *maps)


def _plain(gaz: Gazetteer) -> tuple:
    """A gazetteer as plain data for the cache: each entity a tuple of its fields, then the four maps (in order)."""
    names = [f.name for f in fields(Entity)]
    return ([tuple(getattr(e, name) for name in names) for e in gaz.entities.values()], gaz.zh_surfaces, gaz.en_surfaces,
            gaz.place_en, gaz.place_zh)


def _build_gazetteer() -> Gazetteer:
    """Build the gazetteer from `ontology/reference.toml`.

    Longer than our usual functions on purpose: one pass over the reference data's sections in the order
    later ones rely on (provinces, cities, districts, counties, hubs, clusters, companies, branches).
    """
    ref = reference()
    ambiguous = set(lexicon()["name"]["ambiguous_city"])
    entities: dict[str, Entity] = {}
    zh_surfaces: dict[str, str] = {}
    en_surfaces: dict[str, str] = {}
    place_en: dict[str, str] = {}
    province_names = {p["zh"] for p in ref["province"]}

    def add(entity: Entity, zh_forms: list[str], en_forms: list[str]) -> None:
        entities[entity.key] = entity
        for form in zh_forms:
            zh_surfaces.setdefault(form, entity.key)
        for form in en_forms:  # Gui'an is also written Gui’an
            en_surfaces.setdefault(form.lower(), entity.key)
            en_surfaces.setdefault(form.lower().replace("'", "’"), entity.key)

    city_keys: dict[str, str] = {}
    for prov in ref["province"]:
        key = slug(prov["en"])
        place_en[prov["zh"]] = prov["en"]
        add(
            Entity(key, "Province", prov["zh"], prov["en"], (prov["full"],), True, prov.get("wikidata")),
            [prov["zh"], prov["full"]],
            [prov["en"], f"{prov['en']} province"],
        )
        if prov.get("municipality"):
            city_keys[prov["zh"]] = key
    for prov in ref["province"]:
        for item in prov.get("cities", []):
            zh, _, en = item.partition(":")
            en = en or pinyin_name(zh)
            if zh in city_keys:
                continue
            key = slug(en)
            if key in entities:
                key = slug(f"{en} {prov['en']}") if entities[key].type == "City" else slug(f"{en} city")
            city_keys[zh] = key
            place_en.setdefault(zh, en)
            zh_forms = [zh + "市"] if zh in ambiguous or zh in province_names else [zh, zh + "市"]
            en_forms = [en, f"{en} city"] if en.lower() not in en_surfaces else [f"{en} city"]
            add(
                Entity(key, "City", zh, en, (zh + "市",), True, links=(("located_in", slug(prov["en"])),)),
                zh_forms,
                en_forms,
            )
    for item in counties()["prefectures"]:  # 黔南布依族苗族自治州 (黔南州), 锡林郭勒盟: prefectures that are no city
        zh, abbreviation, en, province, plain_en = item.split(":")
        forms = [zh, abbreviation] if abbreviation else [zh]
        key = city_keys[zh] = slug(en) if slug(en) not in entities else slug(f"{en} {_province_en(province)}")
        place_en.update({zh: en, **dict.fromkeys(forms[1:], plain_en or en)})  # 阿坝州智算产业园: Ngawa Prefecture ...
        add(Entity(key, "City", zh, en, tuple(forms[1:]), True, links=(("located_in", slug(_province_en(province))),)),
            forms, [en, plain_en] if plain_en else [en])
    for dist in ref["district"]:
        # a new area across two cities' land (贵安新区: 贵阳 and 安顺) is given its province, not one of the cities
        key, aliases = slug(dist["en"]), dist.get("aliases", [])
        place_en[dist["zh"]] = dist["en"]
        parent = city_keys.get(dist["city"]) if "city" in dist else slug(_province_en(dist["province"]))
        add(
            Entity(key, "District", dist["zh"], dist["en"], tuple(aliases), True,
                   links=(("located_in", parent),) if parent else ()),
            [dist["zh"], *([f"{dist['city']}{dist['zh']}"] if "city" in dist else []), *[a for a in aliases if has_cjk(a)]],
            [dist["en"], *[a for a in aliases if not has_cjk(a)]],
        )
    for entity, zh_forms, en_forms in _counties(city_keys, place_en, set(entities)):
        if entity.zh in zh_forms:  # 朝阳区 of 长春 is read only as 长春朝阳区: its bare name is no word to cut at
            place_en.setdefault(entity.zh or "", entity.en)
        for alias in entity.aliases:  # 怀来大数据产业基地 → Huailai Big Data Industrial Base
            place_en.setdefault(alias, _COUNTY_EN.sub("", entity.en))
        add(entity, zh_forms, en_forms)
    hub_provinces: dict[str, list[str]] = {}
    for hub in ref["hub"]:
        links = tuple(("located_in", slug(_province_en(p))) for p in hub["provinces"])
        hub_provinces[hub["id"]] = hub["provinces"]
        add(
            Entity(hub["id"], "Hub", hub["zh"], hub["en"], tuple(hub["aliases"]), True, links=links),
            [hub["zh"], *[a for a in hub["aliases"] if has_cjk(a)]],
            [hub["en"], *[a for a in hub["aliases"] if not has_cjk(a)]],
        )
    for cluster in ref["cluster"]:
        cluster_links: list[tuple[str, str]] = [("part_of", cluster["hub"])]
        if "city" in cluster:
            cluster_links.append(("located_in", city_keys[cluster["city"]]))
        cluster_links += [("located_in", slug(_province_en(p))) for p in cluster.get("provinces", [])]
        add(
            Entity(cluster["id"], "Cluster", cluster["zh"], cluster["en"], tuple(cluster["aliases"]), True,
                   links=tuple(cluster_links)),
            [cluster["zh"], *[a for a in cluster["aliases"] if has_cjk(a)]],
            [cluster["en"], *[a for a in cluster["aliases"] if not has_cjk(a)]],
        )
    for section, type_ in (("company", "Company"), ("organization", "Organization"), ("initiative", "Initiative")):
        for item in ref[section]:
            aliases = tuple(item.get("aliases", []))
            add(
                Entity(slug(item["en"]), type_, item["zh"], item["en"], aliases, True),
                [item["zh"], *[a for a in aliases if has_cjk(a)]],
                [item["en"], *[a for a in aliases if not has_cjk(a)]],
            )
    for body in ref["province_body"]:  # 贵州省发改委 is Guizhou's, not the national commission 发改委 alone names
        for prov in ref["province"]:
            if prov["zh"] in _NO_PROVINCE_BODIES:
                continue
            names = dict.fromkeys((prov["full"], prov["zh"]))
            forms = [f"{before}{name}{ending}" for before in body.get("before", [""]) for ending in body["endings"]
                     for name in names]
            level = "Municipal" if prov.get("municipality") else "Provincial" if prov["full"].endswith("省") else ""
            plain = body["en"].format(prov["en"])
            en = body["en"].format(f"{prov['en']} {level}".strip()) if body.get("leveled", True) else plain
            # no located_in, as for the operators' branches: a reference link answers "which companies are in X"
            body_links = (("member_of", slug(body["member_of"])),) if "member_of" in body else ()
            add(Entity(slug(en), body.get("type", "Organization"), forms[0], en, tuple(forms[1:]), True, links=body_links),
                forms, list(dict.fromkeys([en, plain])))
    for item in lexicon()["known"]:  # 天河二号, 数码港: named things without a suffix to find them by
        forms = [item["zh"], item["en"], *item["forms"]]
        known_links = tuple((code, slug(item[code])) for code in ("operator", "located_in") if code in item)
        add(Entity(slug(item["en"]), item["type"], item["zh"], item["en"], tuple(item["forms"]), True, links=known_links),
            [f for f in forms if has_cjk(f)], [f for f in forms if not has_cjk(f)])
    for op in ref["operator_branch"]:
        for prov in ref["province"]:
            zh = f"{op['zh']}{prov['zh']}公司"
            en = f"{op['en']} {prov['en']}"
            short = f"{prov['zh']}{op['short']}"
            forms = [zh, f"{op['zh']}{prov['zh']}分公司", f"{op['zh']}{prov['full']}分公司",
                     f"{op['zh']}集团公司{prov['zh']}分公司", f"{op['zh']}集团{prov['zh']}分公司",
                     f"{op['zh']}集团{prov['zh']}公司", f"{op['zh']}{prov['full']}公司", short, short + "公司"]
            forms += [f"{reg}{place}{end}" for reg in op.get("registered", []) for place in dict.fromkeys((prov["zh"], prov["full"]))
                      for end in ("分公司", "有限公司")]  # 中国联合网络通信有限公司某省分公司, 中国移动通信集团某省有限公司
            add(
                Entity(slug(en), "Company", zh, en, tuple(forms[1:]), True, links=(("member_of", slug(op["en"])),)),
                forms,
                [en, f"{op['en']} {prov['en']} branch", f"{op['en']}'s {prov['en']} branch"],
            )
    for place, spellings in lexicon()["place_en_forms"].items():  # Ulaanqab, Huhehaote: other spellings of a known place
        place_key = zh_surfaces.get(place) or zh_surfaces.get(place + "市")
        if place_key is not None:
            for spelling in spellings:
                en_surfaces.setdefault(spelling.lower(), place_key)
    english = Counter(v.lower() for v in place_en.values())
    # an English name two places share (Jining: 济宁 and 集宁) gives no Chinese name ("") rather than a wrong one
    place_zh = {v.lower(): k if english[v.lower()] == 1 else "" for k, v in place_en.items()}
    return Gazetteer(entities, zh_surfaces, en_surfaces, place_en, place_zh)


_NO_PROVINCE_BODIES = ("香港", "澳门", "台湾")  # their governments are organised otherwise: no 发改委 or 通信管理局
_COUNTY_LEVEL = re.compile(r"(?:区|县|市|旗)$")
_COUNTY_EN = re.compile(r"\s+(?:District|County|City|Banner)$")
_COUNTY_BARE_EN = re.compile(r"(?:\s+[A-Z][a-z]+)*?(?:\s+Autonomous)?\s+(?:District|County|City|Banner)$")


def _counties(city_keys: dict[str, str], place_en: dict[str, str],
              taken: set[str]) -> list[tuple[Entity, list[str], list[str]]]:
    """Every county-level place (成都 → 双流区), each located in its city, prefecture or province.

    The lexicon's hand-made list comes first, with its English names and short forms: a short form (双流, Shuangliu)
    is matched only when it lists it, since 长寿 and 南岸 are words too. The generated list of all China follows; a
    name it marks as shared, generic or common (朝阳区, 城区, 东方市) is matched only with its prefecture before it.
    """
    data = lexicon()["county"]
    short = set(data["short"])
    out: list[tuple[Entity, list[str], list[str]]] = []
    hand = {(city, item.partition(":")[0]) for city, items in data["cities"].items() for item in items}
    for city, items in data["cities"].items():
        city_key = city_keys[city]
        for item in items:
            zh, _, en = item.partition(":")
            bare_zh, bare_en = _COUNTY_LEVEL.sub("", zh), _COUNTY_EN.sub("", en)
            key = slug(en)
            if key in taken:
                key = slug(f"{en} {place_en.get(city, city)}")
            taken.add(key)
            aliases = (bare_zh,) if bare_zh in short else ()
            zh_forms = [zh, city + zh, *aliases]
            en_forms = [en, *([bare_en] if aliases else [])]
            out.append((Entity(key, "District", zh, en, aliases, True, links=(("located_in", city_key),)),
                        zh_forms, en_forms))
    generated = counties()
    alone_never = set(generated["with_prefecture_only"])
    english = Counter(item.partition(":")[2].lower() for items in generated["places"].values() for item in items)
    # a name several places share is labelled with its prefecture (长春朝阳区, "Chaoyang District, Changchun"): a
    # question or a relation that finds a place by its label must not find another
    names = Counter(item.partition(":")[0] for items in [*generated["places"].values(), *data["cities"].values()]
                    for item in items)
    provinces = {p["zh"]: p for p in reference()["province"]}
    abbreviated = {zh: [abbreviation] for zh, abbreviation, *_ in (p.split(":") for p in generated["prefectures"]) if abbreviation}
    for group, items in generated["places"].items():
        prefixes = [group, f"{group}市"] if group in city_keys else [group]
        if group in provinces:  # 海南省文昌市, 重庆市城口县
            prefixes.append(provinces[group]["full"])
        prefixes = list(dict.fromkeys([*prefixes, *abbreviated.get(group, [])]))  # 黔南州惠水县
        group_key = city_keys.get(group) or slug(provinces[group]["en"])
        for item in items:
            zh, en, *short_form = item.split(":")  # 陵水黎族自治县:Lingshui Li Autonomous County:陵水县
            if (group, zh) in hand:
                continue
            alone = zh not in alone_never
            key = slug(en) if alone and slug(en) not in taken else slug(f"{en} {place_en.get(group, group)}")
            if key in taken:
                continue
            taken.add(key)
            # a name read alone needs no prefixed form: 黔南州惠水县 is cut into the two names (each pattern costs start-up)
            zh_forms = [zh, *short_form] if alone else [p + zh for p in prefixes]
            en_forms = [en] if alone and english[en.lower()] == 1 else []
            bare = _COUNTY_LEVEL.sub("", short_form[0] if short_form else zh)
            if alone and bare in short:  # a bare name the lexicon lists (陵水, 澄迈) is matched too, in both languages
                zh_forms.append(bare)
                en_forms.append(_COUNTY_BARE_EN.sub("", en))
            label_zh, label_en = (zh, en) if names[zh] == 1 else (zh_forms[0], f"{en}, {place_en.get(group, group)}")
            out.append((Entity(key, "District", label_zh, label_en, (), True, links=(("located_in", group_key),)),
                        zh_forms, en_forms))
    return out


def _province_en(zh: str) -> str:
    return next(p["en"] for p in reference()["province"] if p["zh"] == zh)


@cache
def _suffixes() -> list[dict[str, str]]:
    return sorted(lexicon()["suffix"], key=lambda s: len(s["zh"]), reverse=True)


def suffix_of(zh_name: str) -> dict[str, str] | None:
    """The lexicon suffix a Chinese name ends with (longest first), if any."""
    return next((s for s in _suffixes() if zh_name.endswith(s["zh"]) and len(zh_name) > len(s["zh"])), None)


@cache
def _suffix_en() -> dict[str, str]:
    return {s["zh"]: s["en"] for s in lexicon()["suffix"]}


@cache
def _suffix_type() -> dict[str, str]:
    return {s["zh"]: s["type"] for s in lexicon()["suffix"]}


@cache
def _tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer that knows every place, entity and glossary word.

    Its dictionary, with our words added, is kept in the cache (`extract.resources.cached`): jieba's own start
    reads its dictionary in 1.3 s, ours loads in 0.5 s.
    """
    jieba = _import_jieba()
    jieba.setLogLevel(60)
    gaz = gazetteer()
    words = [word for word in [*gaz.zh_surfaces, *gaz.place_en, *lexicon()["stem_en"], *_suffix_en()] if len(word) > 1]
    tokenizer = jieba.Tokenizer()

    def build() -> tuple[dict[str, int], int]:
        tokenizer.initialize()
        for word in words:
            tokenizer.add_word(word, freq=100000)
        return tokenizer.FREQ, tokenizer.total

    def build_shards() -> tuple[dict[str, bytes], int]:
        frequencies, total = build()
        shards: dict[str, dict[str, int]] = {}
        for word, count in frequencies.items():
            shards.setdefault(word[:1], {})[word] = count
        return {first: marshal.dumps(shard) for first, shard in shards.items()}, total

    with tokenizer.get_dict_file() as handle:  # jieba's own dictionary, as its start would read it
        dictionary = handle.read()
    shards, tokenizer.total = cached("jieba-shards", ["jieba-with-names/2", jieba.__version__, dictionary, *words], build_shards)
    tokenizer.FREQ = _Frequencies(shards)
    tokenizer.initialized = True
    return tokenizer


class _Frequencies:
    """jieba's word frequencies (its `FREQ`: every word and every prefix of one → its count) read from the cache one
    first character at a time, as jieba asks for them.

    The segmenter cuts only the stems of new names, a few characters each, so a process reads a few shards of the
    half a million entries instead of all of them (0.3–0.4 CPU-s of the workers' warm-up, loaded as one dict).
    jieba only reads it: `in`, `[]` and `get`.
    """

    def __init__(self, shards: dict[str, bytes]) -> None:
        self._shards = shards
        self._read: dict[str, dict[str, int]] = {}

    def _shard(self, word: str) -> dict[str, int]:
        first = word[:1]
        shard = self._read.get(first)
        if shard is None:
            blob = self._shards.get(first)
            shard = self._read[first] = marshal.loads(blob) if blob is not None else {}
        return shard

    def __contains__(self, word: str) -> bool:
        return word in self._shard(word)

    def __getitem__(self, word: str) -> int:
        return self._shard(word)[word]

    def get(self, word: str, default: int | None = None) -> int | None:
        return self._shard(word).get(word, default)

    def as_dict(self) -> dict[str, int]:
        """Every entry, shard after shard (for tests)."""
        return {word: count for first in self._shards for word, count in self._shard(first).items()}


def _import_jieba() -> types.ModuleType:
    """jieba, without the `pkg_resources` it imports only to open its own files (0.1 CPU-s of a worker's start, and a
    deprecation warning): told there is none, jieba opens them by their path beside its modules, the same bytes."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
        try:
            import jieba  # noqa: F401
        finally:
            if "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
                del sys.modules["pkg_resources"]
    import jieba

    return jieba


def _known_prefix(word: str) -> str | None:
    """A known place or glossary word that begins a longer jieba word (北京 in 北京城建…, 芜湖 in 芜湖集群): the name's
    parts are cut there."""
    places, glossary = gazetteer().place_en, lexicon()["stem_en"]
    return next((word[:n] for n in range(len(word) - 1, 1, -1) if word[:n] in places or word[:n] in glossary), None)


def romanise(run: str) -> str:
    """A coined word in pinyin, one word per two characters as brand names are written (燧弘华创 → Suihong Huachuang);
    a run of two or three characters, or an odd last character, stays one word (中瀚云 → Zhonghanyun)."""
    if len(run) < 4:
        return pinyin_name(run)
    pairs = [run[i : i + 2] for i in range(0, len(run) - len(run) % 2, 2)]
    if len(run) % 2:
        pairs[-1] += run[-1]
    return " ".join(pinyin_name(p) for p in pairs)


_SPLIT_IN_NAMES = ("Hub", "Cluster")  # 芜湖集群 inside a name is Wuhu Cluster, not "Wuhu data center cluster"


def translate_stem(stem: str) -> str:
    """English for the stem of a Chinese name: known places and companies, glossary words; only what none of them
    knows is a proper name and is spelt in pinyin (一体化 is Integrated, 燧弘华创 is Suihong Huachuang)."""
    gaz = gazetteer()
    glossary = lexicon()["stem_en"]
    words: list[str] = []
    run = ""  # characters no list knows, romanised together

    def flush() -> None:
        nonlocal run
        if run:
            words.append(romanise(run))
            run = ""

    tokens: list[str] = []
    def known(token: str) -> bool:
        return token in gaz.place_en or token in glossary or token in _suffix_en() or (
            token in gaz.zh_surfaces and gaz.entities[gaz.zh_surfaces[token]].type not in _SPLIT_IN_NAMES)

    for token in _tokenizer().lcut(stem.replace("（", "(").replace("）", ")")):
        # known words off the front, one after another (粤港澳大湾区枢纽: 粤港澳 + 大湾区 + 枢纽, not "Dawan Qushuniu")
        while has_cjk(token) and not known(token) and (prefix := _known_prefix(token)) is not None:
            tokens.append(prefix)
            token = token[len(prefix) :]
        tail = next((s["zh"] for s in _suffixes() if token.endswith(s["zh"]) and len(token) > len(s["zh"])), None) \
            if has_cjk(token) and not known(token) else None  # 天府数据中心集群: 天府 + 数据中心集群
        tokens += [token[: -len(tail)], tail] if tail else [token]
    for word in tokens:
        english = None
        if word in gaz.place_en:
            english = gaz.place_en[word]
        elif word in glossary:
            english = glossary[word]
        elif word in _suffix_en():  # a name inside a name: 成都科学城超算产业集聚区; a firm's 有限公司 is left out
            english = "" if _suffix_type()[word] == "Company" else _suffix_en()[word]
        elif word in gaz.zh_surfaces and gaz.entities[gaz.zh_surfaces[word]].type not in _SPLIT_IN_NAMES:
            english = gaz.entities[gaz.zh_surfaces[word]].en
        elif word in lexicon()["name"]["inner_conjunctions"]:  # 大数据与人工智能: two fields, "and" in English
            english = "and"
        elif re.fullmatch(r"[万亿千]", word):
            english = {"万": "10,000", "亿": "100 million", "千": "1,000"}[word]
        if english is None and has_cjk(word):
            run += word
            continue
        flush()
        if english is not None:
            words.append(english) if english else None
        elif word in "·・":
            words.append("\x00-")
        elif word in "“”「」『』\"":
            continue  # “天衍”量子计算云平台 → Tianyan Quantum Computing Cloud Platform
        elif word.strip():
            words.append(word.strip())
    flush()
    text = re.sub(r"(10,000|1,000) ([A-Z])\b", r"\1\2", " ".join(words))
    text = re.sub(r"\s*\x00-\s*", "-", text)  # 鲲鹏·昇腾 → Kunpeng-Ascend
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text)).strip()


def _cuts_a_place(zh_name: str, suffix: str) -> bool:
    """Whether reading `suffix` off the end cuts a known place in two (内蒙古自治区政府 is not 内蒙古自治 + 区政府)."""
    stem_end = len(zh_name) - len(suffix)
    if any(zh_name[j:stem_end] in place_words() for j in range(max(0, stem_end - 8), stem_end - 1)):
        return False  # 芜湖 + 市政府: the stem ends with the place whole
    return any(zh_name[j : stem_end + i] in place_words()
               for i in range(1, len(suffix)) for j in range(max(0, stem_end + i - 8), stem_end))


@cache
def place_words() -> frozenset[str]:
    """Every written form of a known province, city or district (庆阳, 庆阳市, 双流区)."""
    gaz = gazetteer()
    return frozenset([*gaz.place_en, *(w for w, k in gaz.zh_surfaces.items()
                                      if gaz.entities[k].type in ("Province", "City", "District"))])


def english_name(zh_name: str) -> str:
    """English label of a new Chinese name: 安康智算中心 → Ankang Intelligent Computing Center."""
    suffix = next((s for s in _suffixes() if zh_name.endswith(s["zh"]) and len(zh_name) > len(s["zh"])
                   and not _cuts_a_place(zh_name, s["zh"])), None)
    level = lexicon()["name"]["place_level_en"]
    if suffix is None and len(zh_name) > 2 and zh_name[-1] in level:  # 点军区 → Dianjun District, not Dianjunqu
        return f"{translate_stem(zh_name[:-1])} {level[zh_name[-1]]}"
    if suffix is None:
        return translate_stem(zh_name)
    return f"{translate_stem(zh_name[: -len(suffix['zh'])])} {suffix['en']}".strip()


def chinese_name(en_name: str, type_: str) -> str | None:
    """Chinese label of a new English name when every part is known, else None."""
    gaz = gazetteer()
    by_en = sorted(_suffixes(), key=lambda s: (-len(s["en"]), len(s["zh"])))
    suffix = next((s for s in by_en if s["type"] == type_ and en_name.lower().endswith(" " + s["en"].lower())), None)
    stem = en_name[: -len(suffix["en"])].strip() if suffix else en_name
    known = {**gaz.place_zh, **_reverse_glossary()}
    words = re.findall(r"\(|\)|[^\s()]+", stem)
    parts: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in "()":
            parts.append(words[i])
            i += 1
            continue
        for j in range(min(len(words), i + 5), i, -1):
            phrase = " ".join(words[i:j]).lower()
            zh = known.get(phrase)
            if zh == "":
                return None
            if zh is None and phrase in gaz.en_surfaces:
                zh = gaz.entities[gaz.en_surfaces[phrase]].zh
            if zh:
                parts.append(zh)
                i = j
                break
        else:
            return None
    return "".join(parts) + (suffix["zh"] if suffix else "")


@cache
def _reverse_glossary() -> dict[str, str]:
    out: dict[str, str] = {}
    for zh, en in lexicon()["stem_en"].items():  # the first word of a meaning is its Chinese (Development: 发展)
        if len(zh) > 1:
            out.setdefault(en.lower(), zh)
    return out


_ZH_ORDINALS = "一二三四五六七八九"


_PHASE_EN = re.compile(r"(.+) (phase|stage|Phase|Stage) ([IVX]+|\d+)")


def phase_entity(parent: Entity, number: int, word: str = "phase", numeral: str | None = None) -> Entity:
    """A phase of a project (中交(中卫)云数据中心一期, Stage II of X): a thing of the parent's type, named after it,
    part of it. The English keeps the text's word and numeral ("Stage II"), else "phase 2". A phase's phase is no
    thing: (一期)项目 said again of X一期 is X一期, and 二期 said of X一期 is X二期."""
    whole = _PHASE_EN.fullmatch(parent.en)
    parent_key = next((key for relation, key in parent.links if relation == "part_of"), None)
    if whole is not None and parent_key is not None and (parent.zh is None or re.search(r"[一二三四五六七八九首]期$", parent.zh)):
        if whole.group(3) in (numeral or str(number), str(number)) or (parent.zh or "").endswith(f"{_ZH_ORDINALS[number - 1]}期"):
            return parent
        parent = Entity(parent_key, parent.type, parent.zh[:-2] if parent.zh else None, whole.group(1))
    zh = f"{parent.zh}{_ZH_ORDINALS[number - 1]}期" if parent.zh and 1 <= number <= 9 else None
    en = f"{parent.en} {word} {numeral or number}"
    return Entity(slug(en), parent.type, zh, en, links=(("part_of", parent.key),))


_SHORT_EN = re.compile(r"Guangdong-Hong Kong-Macao (?=Greater Bay Area)")


@lru_cache(maxsize=8192)
def new_entity(name: str, type_: str) -> Entity:
    """An entity for a name the reference data does not know, with labels in both languages.

    Cached: a name recurs across the sentences and documents of one run.
    """
    if has_cjk(name):
        zh = name.replace("（", "(").replace("）", ")")
        if len(bare := re.sub(r"[“”「」『』\"]", "", zh)) >= 2:
            zh = bare  # 「某某」智算中心 and “某某”智算中心 are 某某智算中心: quotes mark a brand, they are no part of its name
        en = english_name(zh)
    else:
        en = name
        zh = chinese_name(name, type_)  # type: ignore[assignment]  # None: no Chinese name is known
    aliases: list[str] = []
    if zh and (m := re.fullmatch(r"(.+?)\((.+?)\)(.+)", zh)):
        aliases += [m.group(2) + m.group(3), m.group(1) + m.group(3)]
    if en and (short := _SHORT_EN.sub("", en)) != en:
        aliases.append(short)  # the news writes "China Telecom's Greater Bay Area integrated data center"
    key = slug(en)
    known = gazetteer().entities.get(key)
    if known is not None and zh and known.zh and known.zh != zh and not zh.startswith(known.zh):
        key = slug(f"{en} {type_}")  # 无为市 is not 武威 (both Wuwei): another thing, another IRI
    return Entity(key, type_, zh, en, tuple(aliases))
