"""Relations a sentence states (X位于Y, built by X, 与X签约, A、B、C等十大集群) and those a reader takes from names and
reference data (中国移动(宁夏·中卫)数据中心 lies in 中卫 and is run by 中国移动)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extract.entities import Mention
from extract.gazetteer import Entity, gazetteer, phase_entity
from extract.nlp import plain_words
from extract.reading import (
    DIRECTION,
    IN_PLACE_EN,
    INFRASTRUCTURE,
    OPENING,
    PLACES,
    Fact,
    Sentence,
    en_cue,
    masked,
    unnamed_thing,
)
from extract.resources import lexicon
from extract.text import split_sentences


def _types_ok(metric: str, subject: Entity, obj: Entity) -> bool:
    allowed = lexicon()["relation"]["types"][metric]
    if metric == "located_in" and subject.type == "Hub" and obj.type != "Province":
        return False  # a hub spans provinces: "某枢纽在某市建设集群" says where its cluster is, not where the hub is
    return subject.type in allowed[0] and obj.type in allowed[1] and subject.key != obj.key


def stated_relations(sentence: Sentence, roles: list[str], topic_of: dict[str, Entity],
               carried: Entity | None = None, *, joined: Entity | None = None,
               named_before: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """The relations one sentence states. Longer than our usual functions on purpose: the rules read in order
    over one sentence's mentions and share its helpers (`between`, `listed_after`); the larger ones are functions.

    `carried` is the thing the sentence before was about (its opening name): a sentence that names no thing built
    of its own (由A、B共同建设。) goes on about it. `joined` is the subject of the part before a semicolon that
    ended the sentence before (P编制了规划;推动与A达成协议: P signs). `named_before` is the one thing built the sentence
    before names, in the same paragraph (记者来到X。运营方A负责人说: A runs X).
    """
    rel = lexicon()["relation"]
    text = sentence.text
    off = sentence.start
    ents = [(m, m.entity) for m in sentence.mentions if m.entity is not None]
    roles_of = {m: r for m, r in zip(sentence.mentions, roles, strict=True)}
    found: list[tuple[Entity, str, Entity]] = []
    within: set[tuple[str, str]] = set()

    def between(a: Mention, b: Mention) -> str:
        return text[a.end - off : b.start - off]

    def listed_before(a: Mention, joiner: str) -> list[Entity]:
        """The entities listed right before a ("A、A2与B", "A, A2 and B"), the first of the clause's list first."""
        listed: list[Entity] = []
        k = next(i for i, (m, _) in enumerate(ents) if m is a)
        while k > 0 and re.fullmatch(joiner, between(ents[k - 1][0], ents[k][0])):
            listed.insert(0, ents[k - 1][1])
            k -= 1
        return listed

    def listed_after(b: Mention, joiner: str) -> list[Entity]:
        """The entities listed right after b ("B、C和D", "B, C and D")."""
        listed = []
        k = next(i for i, (m, _) in enumerate(ents) if m is b) + 1
        while k < len(ents) and re.fullmatch(joiner, between(ents[k - 1][0], ents[k][0])):
            listed.append(ents[k][1])
            k += 1
        return listed

    # located_in: "A位于B" / "A,项目建设地点位于B" / "A在B揭牌" / "A, a city in B" / "A in B province"
    # a phase may stand between the name and the cue: A项目一期位于B, A(二期)在B开工
    phase = r"(?:项目)?(?:[（(]?[一二三四五六七八九十\d]+期(?:工程|项目)?[）)]?)?"
    # 正式签约落户B, 成功落地B: the settling is stated, how it came about does not matter
    located_zh = (r"[,，（(]?\s*" + phase + r"(?:" + "|".join(rel["site_zh"]) + r")?(?:已经|已|将|正式|也|成功|顺利|签约)*(?:"
                  + "|".join(rel["located_in_zh"]) + r")(?:于|在)?\s*")
    at_zh = r"\s*(?:项目)?[）)]?" + phase + r"[,，]?\s*(?:" + _WHEN + r")*\s*在\s*"
    for i, (a, ea) in enumerate(ents):
        for b, eb in ents[i + 1 : i + 3]:
            gap = between(a, b)
            if re.fullmatch(located_zh, gap) and _owned_thing_after(text[_run_end(ents, b).end - off :]):
                continue  # A位于B的数据中心: A's data center lies in B, not A
            if re.fullmatch(located_zh, gap) or re.fullmatch(at_zh, gap) and re.match(
                    r"\s*(?:正式)?(?:" + "|".join(rel["located_in_event_zh"]) + ")", text[_run_end(ents, b).end - off :]):
                found += [(ea, "located_in", p) for p in _places_of_run(ents, b)]
                if (park := _park_of_place(ents, _run_end(ents, b), text, off)) is not None:
                    found.append((ea, "located_in", park))  # A落户B的C产业园: A lies in the park too
            elif IN_PLACE_EN.fullmatch(gap) and ea.type in PLACES | INFRASTRUCTURE and eb.type in PLACES:
                found.append((ea, "located_in", eb))
            elif re.fullmatch(r",?\s*in\s+(?:the\s+)?", gap) and ea.type in ("Center", "Park") and eb.type in ("Cluster", "Park"):
                found.append((ea, "located_in", eb))  # the X in the Y cluster (a part of it) / in the Y park
            elif re.search(r"\b(?:" + "|".join(en_cue(w) for w in rel["located_in_en"]) + r")\s+(?:the\s+)?$", gap) or (
                    re.search(_EVENT_WHEN_IN_EN, gap) and eb.type in PLACES | {"Park"}):
                found.append((ea, "located_in", eb))
                if re.search(r"\b(?:" + "|".join(en_cue(w) for w in rel["within_en"]) + r")\s+(?:the\s+)?$", gap):
                    within.add((ea.key, eb.key))  # a machine housed at a center: a center may hold it
            elif (re.fullmatch(r"(?:\s+project)?\s+(?:was|were|is|will\s+be)\s+held\s+(?:in|at)\s+(?:the\s+)?", gap)
                  and re.search(r"\b(?:ceremony|groundbreaking|launch|unveiling)\s+(?:for|of)\s+(?:the\s+)?$", text[: a.start - off])):
                found += [(ea, "located_in", p) for p in _places_of_run(ents, b)]  # the ceremony for X was held in Y
            elif gap in rel["place_of_zh"] and ea.type in PLACES and eb.type in INFRASTRUCTURE:
                found.append((eb, "located_in", ea))
                # 庆阳市西峰区的X: the city written right before the district places X too
                found += [(eb, "located_in", e) for m, e in ents[:i] if ea.type == "District" and e.type == "City"
                          and m.end == a.start]
            elif gap in ("内的", "境内的", "里的") and ea.type in ("Park", "Cluster", "Hub") and eb.type in ("Center", "Park"):
                found.append((eb, "located_in", ea))  # Y集群内的X / Y园区内的X (a part of a cluster, below)
            elif gap in rel["place_of_zh"] and ea.type == "Park" and eb.type == "Center" and re.search(
                    r"(?:" + "|".join(rel["located_in_zh"]) + r")(?:于|在)?\s*$", text[: a.start - off]):
                found.append((eb, "located_in", ea))  # 位于A园内的B: a center inside a park the clause names first
            elif ea.type in PLACES | {"Park"} and eb.type in INFRASTRUCTURE and re.fullmatch(
                    r"\s+(?:" + "|".join(map(en_cue, rel["home_of_en"])) + r")\s+(?:the\s+)?", gap):
                found.append((eb, "located_in", ea))  # Y is home to X
            elif ea.type in INFRASTRUCTURE and eb.type == "Park" and re.fullmatch(r"\s+at\s+(?:the\s+)?", gap):
                found.append((ea, "located_in", eb))  # the X at the Y park
            elif ea.type in ("Center", "Park") and eb.type in PLACES | {"Park"} and re.fullmatch(
                    r"\s+(?:covers|covering|occupies|occupying|spans|spanning)\s+(?:an?\s+(?:total\s+)?area\s+of\s+)?"
                    r"(?:about\s+|around\s+|some\s+)?[\d,.]+\s*(?:mu|hectares|square\s+(?:meters|metres|kilometers)|sq\s*m|acres)\b"
                    r"(?:\s*\([^()]{1,30}\))?\s+in\s+(?:the\s+)?", gap):
                found += [(ea, "located_in", p) for p in _places_of_run(ents, b)]  # X covers 500 mu in the Y
        # "the X Park of China Telecom (Cloud Computing) in Y": the owner named on the way, X lies in Y
        if i + 2 < len(ents) and ea.type in ("Center", "Park") and ents[i + 1][1].type == "Company" and re.fullmatch(
                r"\s+of\s+(?:the\s+)?", between(a, ents[i + 1][0])) and re.fullmatch(
                r"(?:\s+[A-Z][\w-]*){0,3}\s+in\s+(?:the\s+)?", between(*(m for m, _ in ents[i + 1 : i + 3]))) and (
                ents[i + 2][1].type in PLACES | {"Park"}):
            found += [(ea, "located_in", p) for p in _places_of_run(ents, ents[i + 2][0])]
    found += _leading_place_zh(ents, text, off) + _later_clause_place(ents, text, off)
    # "X, co-developed by A and B, is located in Y": an aside between the name and its verb of place
    for a, ea in ents:
        aside = re.match(r",[^,.;]{1,100},\s+(?:which\s+)?(?:is|was|are|were|will\s+be)\s+(?:" + "|".join(
            en_cue(w) for w in rel["located_in_en"] if not w.startswith(("is ", "which "))) + r")\s+(?:the\s+)?", text[a.end - off :])
        if ea.type in ("Center", "Park") and aside is not None:
            place = next((m for m, e in ents if m.start - off == a.end - off + aside.end() and e.type in PLACES | {"Park"}), None)
            if place is not None:
                found += [(ea, "located_in", p) for p in _places_of_run(ents, place)]
    # partner: "A(、A2)与B签约", "A签约B、C", "between A and B", "A partnered with B"
    for i, (a, ea) in enumerate(ents):
        for b, eb in ents[i + 1 :]:
            gap = between(a, b)
            rest = text[b.end - off : b.end - off + 40]
            # a run of places signs as its most specific one (与广东省深圳市光明区合作: 光明区)
            b_last = _run_end(ents, b) if eb.type in PLACES else b
            if re.fullmatch(_LIST_TAIL_ZH + r"\s*(?:" + "|".join(rel["partner_adverb_zh"]) + r")?(?:" + "|".join(rel["partner_join_zh"])
                            + r")\s*", gap) and re.match(
                r"[^，,。]{0,30}?(?:" + "|".join(rel["partner_zh"]) + ")", text[b_last.end - off : b_last.end - off + 40]
            ) and not re.match(r"\s*就(?![^，,。；;]*(?:(?:签订|签署)[^，,。；;]{0,6}协议|达成))", rest) and not re.search(
                r"由[^，,。；;]*$", text[: a.start - off]) and not _name_runs_on(b_last, text, off) and b_last.entity is not None:
                # 由A与B建设: builders; A与B就X签订合作协议: partners too; A、A2与B签约: A2's list signs with B too
                signing = (*listed_before(a, r"\s*、\s*"), ea)
                found += [(s, "partner", e) for s in signing
                          for e in (b_last.entity, *listed_after(b_last, r"\s*(?:、|和|及|以及)\s*"))]
                if re.match(r"\s*(?:[二两三四五六七八九十多]|\d+)方", text[b_last.end - off :]):
                    # A、B和C三方签署: one agreement of all the parties, each with each
                    found += [(s, "partner", e) for k, s in enumerate(signing) for e in signing[k + 1 :]]
            if re.fullmatch(r"\s*(?:已|正式|成功)?\s*签约\s*", gap) and not _name_runs_on(b, text, off):
                found += [(ea, "partner", e) for e in (eb, *listed_after(b, r"\s*[、,]\s*"))]
            if re.search(r"between\s+(?:the\s+)?$", text[: a.start - off]) and re.fullmatch(r"\s+and\s+(?:the\s+)?", gap):
                found.append((ea, "partner", eb))
            if re.search(r"(?:" + "|".join(rel["partner_en"]) + r")\s+(?:the\s+)?$", gap) and len(gap) < 60:
                # the clause's subject signs, not a place named on the way ("X in Ningxia has signed with B and C")
                # (but "A and B are collaborating with C": each party listed before the verb is C's partner)
                listed = listed_before(a, r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?")
                j = i
                while not listed and j > 0 and roles_of[ents[j][0]] == "locative":
                    j -= 1
                parties = (*listed, ents[j][1])
                found += [(s, "partner", e) for s in parties
                          for e in (eb, *listed_after(b, r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?"))]
            # a place's government signs as the place ("the Qingyang government and Huawei signed")
            gov_a = _GOVERNMENT_EN if ea.type in PLACES else ""
            gov_b = _GOVERNMENT_EN if eb.type in PLACES else ""
            if re.fullmatch(gov_a + r"\s*,?\s*and\s+(?:the\s+)?", gap) and re.match(
                    gov_b + r"\s+(?:have\s+|has\s+)?(?:jointly\s+)?(?:signed|inked)", rest) or (
                    re.fullmatch(r"\s*,?\s*and\s+(?:the\s+)?(?:(?!(?:of|in|at|for|from|with|by)\s)[A-Za-z-]+\s+){0,3}", gap) and re.match(
                    r"(?:\s+(?:Co|Ltd|Inc|Corp|Company|Group)\.?)*\s+(?:have\s+|has\s+)?(?:announced|said|agreed|decided|pledged)\s+"
                    r"(?:that\s+they\s+(?:will|would)\s+|to\s+)(?:work\s+together|cooperate|collaborate|jointly\s+[a-z]+"
                    r"|(?:establish|set\s+up|build|launch|open)\s+an?\s+joint)\b", text[b.end - off :])):
                # "A, B and C signed": every party listed before signs with the last; "A and B agreed to work together"
                found += [(s, "partner", eb) for s in (*listed_before(a, r"\s*,\s*(?:the\s+)?"), ea)]
            if re.fullmatch(r"(?:\s+(?:Co|Ltd|Inc|Corp)\.?)?,\s*an?\s+", gap) and re.match(r"(?:['’]s)?\s+partner\b", rest):
                found.append((eb, "partner", ea))  # "X, a Qingyang partner company"
    # A与B签约,双方将共建X: the companies that sign build the thing the next clause says they build together
    # (a government or a zone that signs to build together builds too: 市政府与A签署协议,共建X)
    signers = {e.key: e for pair in found if pair[1] == "partner" for e in (pair[0], pair[2])
               if e.type in ("Company", "Organization", "City", "District") or e.type == "Park" and _is_zone(e)}
    for co in re.finditer(r"[,，]\s*(?:双方|两家|三方|各方)?(?:将|拟|计划)?(?:" + "|".join(rel["co_build_zh"]) + r")[“\"]?"
                          r"|\bto\s+(?:jointly\s+)?(?:build|develop|construct|set\s+up)\s+(?:the\s+)?", text):
        # "A signed a deal with B to build the X": as 双方将共建X
        built = next((e for m, e in ents if m.start - off == co.end() and e.type in ("Center", "Park")), None)
        signed_before = all(m.end - off <= co.start() for m, e in ents if e.key in signers)
        if built is not None and signed_before:
            found += [(built, "operator", e) for e in signers.values()]
    # A、B与C联合宣布,由三方共建的X: the parties the sentence named before, as many as it counts, build X
    for co in re.finditer(r"(?:由)?(?P<n>双方|两方|两家|三方|三家|四方|四家)(?:将|拟|计划)?(?:"
                          + "|".join(rel["co_build_zh"]) + r")的?[“\"]?", text):
        built = next((e for m, e in ents if m.start - off == co.end() and e.type in ("Center", "Park")), None)
        co_builders = list({e.key: e for m, e in ents
                            if m.end - off <= co.start() and e.type in ("Company", "Organization")}.values())
        if built is not None and len(co_builders) == {"双": 2, "两": 2, "三": 3, "四": 4}[co.group("n")[0]]:
            found += [(built, "operator", e) for e in co_builders]
    # "A积极参与…,携手B、C打造…": the sentence's first party partners every party listed after the verb
    for verb in re.finditer(r"[“\"]?(?:" + "|".join(rel["partner_verb_zh"]) + r")[”\"]?", text):
        before = [(m, e) for m, e in ents if m.end - off <= verb.start() and e.type in _PARTIES]
        after = [(m, e) for m, e in ents if m.start - off == verb.end()]
        if before and after and not re.search(r"(?:与|和|同|跟)\s*$|由[^，,。；;]*$", text[: verb.start()]):
            # the first party is the last of its run of places (重庆渝中 → 渝中), as the parties after the verb
            first = _run_end(ents, before[0][0])
            if first.end - off <= verb.start() and first.entity is not None:
                found += [(first.entity, "partner", e) for e in _listed_parties(ents, after[0][0], text, off)]
    found += _listed_signers(ents, text, off) + _clause_signers(ents, text, off, joined)
    # "X的合作伙伴包括A、B": X partners each party listed
    for i, (a, ea) in enumerate(ents):
        lead = re.match(r"的?(?:战略|主要|重要)?合作伙伴(?:包括|有|为|是)[:：]?\s*", text[a.end - off :])
        named = next(((m, e) for m, e in ents[i + 1 :] if lead is not None and m.start - off == a.end - off + lead.end()), None)
        if named is not None:
            found += [(ea, "partner", e) for e in (named[1], *listed_after(named[0], r"\s*(?:、|和|及|以及)\s*"))]
    # "A, …, jointly planned and carried out the project with B": the sentence's first party and B
    for m_with in re.finditer(r"\bjointly\s+[a-z]+(?:\s+and\s+[a-z]+)?\b(?!\s+by\b)[^,.;]{0,80}?\bwith\s+(?:the\s+)?", text):
        b_with = next((e for m, e in ents if m.start - off == m_with.end() and e.type in _PARTIES), None)
        a_with = next((e for m, e in ents if m.end - off <= m_with.start() and e.type in _PARTIES), None)
        if a_with is not None and b_with is not None:
            found.append((a_with, "partner", b_with))
    # anaphoric subject: "The city has partnered with Ganzhou"
    for m in sentence.mentions:
        if m.anaphor and m.anaphor in topic_of:
            for b, eb in ents:
                gap = text[m.end - off : b.start - off]
                if b.start > m.end and re.search(r"(?:" + "|".join(rel["partner_en"]) + r")\s+(?:the\s+)?$", gap):
                    found.append((topic_of[m.anaphor], "partner", eb))
                    break
    # operator: "由A、B和C联合打造(的X)" and "A与B就X建设运营…签订"
    # 由A园区公司…: no thing of its own; 会展中心扩建项目由A承建: a thing named in words no name was read from
    own = any(e.type in INFRASTRUCTURE and roles_of[m] != "agent" for m, e in ents) or unnamed_thing(sentence, len(text))
    found += _by_agents(ents, text, masked(sentence), off, roles_of, None if own else carried)
    found += _role_nouns(ents, text, off, roles_of, None if own else carried, named_before=None if own else named_before)
    found += _role_nouns_en(ents, text, off, None if own else carried)
    found += _in_charge(ents, text, off, None if own else carried)
    if (m_on := re.search(r"就([^，,。]*?)(?:的)?(?:建设运营|建设|运营)", text)):
        target = next((e for m, e in ents if m_on.start(1) <= m.start - off < m_on.end(1)), None)
        if target is not None:
            for m, e in ents:
                if m.end - off <= m_on.start() and e.type == "Company":
                    found.append((target, "operator", e))
    # "built by the government of X district and A": the district's government builds (the district stands for it)
    for m_en in re.finditer(r"(?:" + "|".join(rel["operator_en"]) + r")\s+(?:the\s+)?(?:China['’]s\s+)?"
                            r"(?:(?:local\s+|municipal\s+|district\s+|city\s+|county\s+)?government\s+of\s+(?:the\s+)?|"
                            + _AGENT_KIND_EN + r")?", text, re.IGNORECASE):
        agent = next((m for m, e in ents if m.start - off == m_en.end()), None)
        # what is built: the last thing named before, not a place it stands in ("housed at the X") nor a name
        # in brackets, another name of the one before it ("Tianhe-2 (Milky Way-2)")
        target = next((e for m, e in reversed(ents) if m.end - off <= m_en.start() and e.type in INFRASTRUCTURE
                       and not re.search(r"(?:\b(?:at|in|inside|within)\s+(?:the\s+)?|[（(]\s*)$", text[: m.start - off])),
                      None if own else carried)  # "It was built by A": the sentence before's subject
        if agent is not None and re.fullmatch(r"\s*(?:(?:Jointly|Co-?)\s*)?", text[: m_en.start()], re.IGNORECASE):
            target = _participle_target(ents, text, off, agent, carried or topic_of.get("Center"))
        if agent is not None and agent.entity is not None and target is not None:  # "built by A and B": both
            found += [(target, "operator", e) for e in (agent.entity, *listed_after(agent, r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?"))]
    # part_of: "作为入驻Y的…项目,X" (one of Y's projects) / "X入驻Y"; X入驻Y产业园 (also 入驻位于P的Y): a center or
    # park that settles in a park lies in it, as one that 落户 there does
    for i, (a, ea) in enumerate(ents):
        prefix = text[: a.start - off]
        if cue := re.search(r"(" + "|".join(rel["part_of_zh"]) + r")(?:位于[^，,。；;“”\"]{1,16}?的)?[“\"]?$", prefix):
            later = [e for m, e in ents[i + 1 :] if e.type in ("Center", "Park")]
            earlier = [e for m, e in ents[:i] if e.type in ("Center", "Park") and re.search(
                r"(?:" + "|".join(rel["part_of_zh"]) + r")", text[m.end - off : a.start - off])]
            settles = bool(earlier) and cue.group(1) in rel["part_of_settle_zh"] and ea.type == "Park"
            for x in (earlier or later)[:1]:
                found.append((x, "located_in" if settles else "part_of", ea))
        for b, eb in ents[i + 1 : i + 2]:
            if re.search(r"(?:" + "|".join(rel["part_of_en"]) + r")\s+(?:the\s+)?[“\"]?$", between(a, b)):
                found.append((ea, "part_of", eb))
    # member_of: "A是B成员" / "A, a member of B"
    for i, (a, ea) in enumerate(ents):
        for b, eb in ents[i + 1 : i + 2]:
            gap, rest = between(a, b), text[b.end - off : b.end - off + 12]
            if (re.search(r"(?:是|为|作为|成为|加入|当选)", gap) and re.match(
                    r"的?(?:首批|创始|核心|重要)?(?:" + "|".join(sorted(rel["member_zh"], key=len, reverse=True)) + ")", rest)) or \
                    re.search(r"(?:" + "|".join(rel["member_en"]) + r")\s+(?:the\s+)?$", gap) or \
                    re.fullmatch(r"\s*(?:已|正式|已经|成功)*加入\s*", gap) and eb.type == "Organization":
                found.append((ea, "member_of", eb))
            elif _is_body(eb) and re.fullmatch(r"\s*等[^，,。；;、]{0,10}?(?:已|正式|已经|成功|先后|相继|陆续)*加入了?\s*[“\"]?", gap):
                # A、B等企业加入了X联盟: every party of the list joins
                found += [(e, "member_of", eb) for e in (*listed_before(a, r"\s*(?:、|和|及|以及)\s*"), ea)]
    found += _set_members(ents, text, off)
    found += _active_operators(ents, text, off, carried) + _possessive_operators(ents, text, off) + _one_of_its_own(ents, text, off)
    found += _first_of_park(ents, text, off)
    found += _copula_part_of(ents, text, off) + _carriers(ents, text, off) + _inclusions(ents, text, off)
    found += _into_layout(ents, text, off)
    # "Y枢纽节点样板工程、西南最大的智算中心——X": a project of Y named after a dash is part of Y
    for (my, ey), (mx, ex) in zip(ents, ents[1:], strict=False):
        if ey.type in ("Hub", "Cluster", "Park") and ex.type in ("Center", "Park") and re.fullmatch(
                r"(?:节点)?的?[^，,。；;—]{0,12}?(?:工程|项目)(?:、[^，,。；;—]{0,24})?\s*(?:——|—|--)\s*[“\"]?",
                text[my.end - off : mx.start - off]):
            found.append((ex, "part_of", ey))
    found += _leading_place_en(ents, text, off) + _located_phrases(ents, text, off) + _built_at(ents, text, off)
    found += _city_builds_its_cluster(ents, text, off)
    # A、B等项目相继落户C: every thing of the list before 等 lies in C
    settle = "|".join(rel["located_in_zh"])
    for m_list in re.finditer(r"等(?:[0-9一二三四五六七八九十]+(?:个|家|大))?[^，,。；;、]{0,8}?\s*"
                              r"(?:相继|先后|陆续|均|都|已经|已|将|正式|也)*(?:" + settle + r")(?:于|在)?\s*", text):
        place = next((m for m, e in ents if m.start - off == m_list.end() and e.type in PLACES | {"Park"}), None)
        if place is not None:
            items = [e for e in _list_items(ents, text, off, m_list.start()) if e.type in ("Center", "Park")]
            found += [(e, "located_in", p) for e in items for p in _places_of_run(ents, place)]
    # X是Y第一家/首个/最大的数据中心: X is one of Y's, so it lies in Y
    for (mx, ex), (my, ey) in zip(ents, ents[1:], strict=False):
        if ex.type in ("Center", "Park") and ey.type in PLACES | {"Park"} and re.fullmatch(
                r"\s*(?:也|还)?(?:是|为|成为)\s*", text[mx.end - off : my.start - off]) and re.match(
                _FIRST_OF_ITS_KIND, text[_run_end(ents, my).end - off :]):
            found.append((ex, "located_in", _run_end(ents, my).entity or ey))
    # X…开工。项目选址兰州新区,…: a sentence opening with a bare 项目 and a location cue places the thing the one before
    # opens with
    bare = re.match(r"\s*(?:该|本|此)?(?:项目|工程)" + phase + r"(?:" + "|".join(rel["site_zh"]) + r")?(?:已经|已|将|正式|也)?(?:"
                    + "|".join(rel["located_in_zh"]) + r")(?:于|在)?\s*", text)
    site = next((m for m, e in ents if bare is not None and m.start - off == bare.end() and e.type in PLACES | {"Park"}), None)
    if carried is not None and carried.type in ("Center", "Park") and site is not None:
        found += [(carried, "located_in", p) for p in _places_of_run(ents, site)]
        if (park := _park_of_place(ents, _run_end(ents, site), text, off)) is not None:
            found.append((carried, "located_in", park))  # 该项目位于B的C产业园内
    # 作为Y最大的在建数据中心,总投资…: a sentence opening so, naming nothing built, goes on about the thing the one
    # before opens with, else the page's own center (or park) of that kind
    lead = re.match(r"\s*(?:而|同时)?作为\s*", text)
    opening = next(((m, e) for m, e in ents if lead is not None and m.start - off == lead.end() and e.type in PLACES), None)
    if opening is not None and not any(e.type in INFRASTRUCTURE for _, e in ents) and (
            kind := re.match(_FIRST_OF_ITS_KIND, text[_run_end(ents, opening[0]).end - off :])) is not None:
        about = carried or topic_of.get("Park" if kind.group(0).endswith("园区") or kind.group(0).endswith("产业园") else "Center")
        if about is not None and about.type in ("Center", "Park"):
            found.append((about, "located_in", _run_end(ents, opening[0]).entity or opening[1]))
    elif opening is not None and (kind := re.match(_FIRST_OF_ITS_KIND + r"\s*[,，]\s*", text[
            _run_end(ents, opening[0]).end - off :])) is not None:
        # 作为Y第一家投产的数据中心,X…: the name right after the phrase is the one of Y's own
        start = _run_end(ents, opening[0]).end - off + kind.end()
        after_phrase = next((e for m, e in ents if m.start - off == start), None)
        if after_phrase is not None and after_phrase.type in ("Center", "Park"):
            found.append((after_phrase, "located_in", _run_end(ents, opening[0]).entity or opening[1]))
    out = []
    for s, metric, o in found:
        if metric == "located_in" and o.type in ("Cluster", "Hub") and (s.type in ("Center", "Park") or o.type == "Hub"):
            metric = "part_of"  # a thing placed in a cluster or hub (位于X集群, in the X cluster) is a part of it
        if not _types_ok(metric, s, o) and not (metric == "located_in" and (s.key, o.key) in within
                                                 and s.type == o.type == "Center") and (metric, o.key) not in s.links:
            continue
        # two companies signing is left out: the seed gold does not count it (the real corpus's gold does: they differ)
        if metric == "partner" and s.type == "Company" and o.type == "Company":
            continue
        if metric == "partner" and {s.type, o.type} <= _FIRMS and not (_is_government(s) or _is_government(o)):
            continue  # an institute's memo with a firm, as two firms signing, is left out (the seed gold's way)
        if metric == "partner" and s.type in _FIRMS and o.type in _PARTNERED:
            s, o = o, s  # 华为与某市签约 / X signed with Qingyang: the place or project has the firm as its partner
        if metric == "operator" and o.type == "Park" and not _is_zone(o):
            continue  # a park builds nothing; a zone with its own administration does (成都高新区)
        if metric == "located_in" and s.type in PLACES | {"Hub"} and o.type == "Park":
            continue  # 在A县位于B园区建设X: the park lies in the county, never the county in the park
        out.append((s, metric, o))
    return out


# A、B等N家单位(分别)与C签约: the list's closing words (等, a count, a noun for the parties) before the joiner; every
# party listed signs with C
_LIST_TAIL_ZH = r"(?:\s*等\s*(?:[0-9一二三四五六七八九十]+\s*(?:多|余)?\s*(?:家|个|所))?[^，,。；;、与和同跟]{0,12}?)?"
# "<city>, <aside>, has made progress in developing / is building / has begun constructing a (national) data center
# cluster": the cluster a city builds, unnamed, is the one the reference data places in that city
_BUILDS_CLUSTER = re.compile(
    r"(?:\s*,[^,.;]{1,60},)?\s+(?:has|have|is|was|had)\s+(?:(?:made|achieved)\s+(?:\w+\s+){0,2}progress\s+in\s+|"
    r"(?:started|begun|began)\s+|been\s+)?(?:developing|constructing|building)\s+(?:a|its|the)\s+(?:national\s+)?"
    r"(?:data\s+(?:center|centre)|computing(?:\s+power)?)\s+cluster\b")


# 枢纽在<city>设立数据中心集群 / 明确在<city>建设数据中心集群 / 数据中心集群规划设立在<city>: an unnamed cluster set up in a
# city, in Chinese
_CLUSTER_IN_ZH = re.compile(r"\s*(?:规划)?(?:设立|建设|布局|打造|规划建设|规划设立)(?:国家)?(?:数据中心|算力)集群")
_CLUSTER_AT_ZH = re.compile(r"(?:数据中心|算力)集群(?:规划|将)?(?:设立|设|建|布局)(?:在|于)\s*$")


def _city_builds_its_cluster(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """The reference cluster of a city the sentence says builds an unnamed cluster lies in that city."""
    found = []
    for m, e in ents:
        if e.type == "City" and (_BUILDS_CLUSTER.match(text[m.end - off :]) or re.search(r"在\s*$", text[: m.start - off])
                                 and _CLUSTER_IN_ZH.match(text[m.end - off :]) or _CLUSTER_AT_ZH.search(text[: m.start - off])):
            found += [(c, "located_in", e) for c in gazetteer().entities.values()
                      if c.type == "Cluster" and ("located_in", e.key) in c.links]
    return found


_GOVERNMENT_WORD = r"\s+(?:municipal\s+|city\s+|provincial\s+|district\s+|county\s+|local\s+|regional\s+)?government"
_GOVERNMENT_EN = r"(?:" + _GOVERNMENT_WORD + r")?"
# a place followed by its government's word acts with the others ("China Telecom and the Qingyang government will build")
_GOVERNMENT_OF = re.compile(_GOVERNMENT_WORD)

# "built by local company A", "run by state-owned carrier A": what kind of agent A is, written before its name
_AGENT_KIND_EN = (r"(?:(?:local|state-owned|state-run|private|Chinese|domestic|tech|technology|telecom|telecommunications|"
                  r"internet|cloud|e-commerce|energy|[A-Z][a-z]+-based)\s+){1,3}"
                  r"(?:company|companies|firm|firms|giant|operator|carrier|group|developer|provider)\s+")


def _name_runs_on(m: Mention, text: str, off: int) -> bool:
    """Whether a place is only the head of a longer name the reader did not know (与上海超级计算中心签约: the
    partner is that center, not 上海): the characters right after it end in an institution's word before any
    word of signing or acting."""
    if m.entity is None or m.entity.type not in PLACES:
        return False
    rel = lexicon()["relation"]
    run = re.match(r"[\u4e00-\u9fff]{1,10}?(?:" + "|".join(rel["institution_end_zh"]) + ")", text[m.end - off :])
    return run is not None and not re.search("|".join(rel["partner_zh"] + rel["not_a_name_zh"]), run.group(0))


def _participle_target(ents: list[tuple[Mention, Entity]], text: str, off: int, agent: Mention,
                       about: Entity | None) -> Entity | None:
    """"Built by A and B, the X …": the thing the opening phrase describes comes after its comma, by name, else as
    "the facility" (the thing the page is about, `about`)."""
    comma = text.find(",", agent.end - off)
    if comma < 0:
        return None
    named = next(((m, e) for m, e in ents if m.start - off > comma), None)
    if named is not None and named[1].type in INFRASTRUCTURE and re.fullmatch(r",\s*(?:the\s+)?", text[comma : named[0].start - off]):
        return named[1]
    if re.match(r",\s*the\s+(?:[\w-]+\s+){0,3}?(?:facility|center|centre|data\s+center|project|campus)\b", text[comma:], re.IGNORECASE):
        return about if about is not None and about.type in INFRASTRUCTURE else None
    return None


def _is_government(body: Entity) -> bool:
    """Whether an organization is a government body or one of its departments, by its name (芜湖市政府, Big Data Bureau)."""
    rel = lexicon()["relation"]
    return bool(body.zh and body.zh.endswith(tuple(rel["government_zh"]))) or any(
        word in body.en.lower().split() for word in rel["government_en"])


def _is_zone(park: Entity) -> bool:
    """Whether a park is an administrative zone by its name (成都高新区, Wuhu Economic Development Zone)."""
    rel = lexicon()["relation"]
    return bool(park.zh and park.zh.endswith(tuple(rel["operator_zone_zh"]))) or (
        park.en.lower().endswith(tuple(rel["operator_zone_en"])))


# when, between a name and 在 (X一期,20日在Y开工 / X近日在Y上线): words of time that do not change where X is
_WHEN = (r"(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年|\d{1,2}日)(?:上午|下午|晚间|晚)?(?:初|底|中旬|下旬|上旬)?"
         r"|近日|日前|近期|今天|今日|当天|昨天|昨日|上午|下午|上月|本月|今年|去年|正式|已经|已|将|于")

# after a place: 内首个/境内最大的在建数据中心 (X is one of the place's own, so X lies in it)
_FIRST_OF_ITS_KIND = (r"(?:内|境内)?的?(?:第一|首|唯一|最大|规模最大)[^，,。；;]{0,20}?"
                      r"(?:数据中心|算力中心|智算中心|计算中心|产业园|园区)")

_SET_MEMBER_TYPES = ("Cluster", "Hub", "City", "Province")
_PARTIES = {"City", "District", "Province", "Company", "Organization", "Park", "Center", "Cluster"}
# a partnership is stated either way round (华为与某市签约, 某市与华为签约); the graph keeps it on the place or the
# project, the firm or body as its partner, as the gold facts write it
_FIRMS = {"Company", "Organization"}
_PARTNERED = {"City", "District", "Province", "Park", "Center", "Cluster", "Hub"}


_SET_PHRASE = re.compile(
    r"(?:(?:全国|国家)?(?:[0-9一二三四五六七八九十]+个?|八大|十大)(?:国家)?|全国|国家)(?:算力|一体化算力网络)?"
    r"(?P<zh>枢纽节点|枢纽|数据中心集群|数据集群|集群)[”\"]?之一"
    # 宁夏是全国一体化算力网络国家枢纽节点, the clause ending there (not 是国家枢纽节点的核心区: a part of one)
    r"|(?:是|为|作为|成为)[“\"]?(?:全国一体化算力网络)?(?:全国|国家)(?:十大|八大|[0-9一二三四五六七八九十]+个)?(?:算力)?"
    r"(?:(?P<zh4>枢纽节点)|(?P<zh5>数据中心集群))[”\"]?(?=\s*(?:[，,。；;!！、]|$))"
    r"|(?:全国|国家)?(?:算力)?(?P<zh3>枢纽)(?:[0-9一二三四五六七八九十]+个?|八大)节点之一"
    r"|(?:列入|列为|纳入|入选|确定为|确立为|获批建设|获批)[“\"]?(?:国家|全国)?(?:唯一的?|首批)?(?:一体化算力网络)?(?:[0-9十]+个?|十大|八大)?"
    r"(?:国家)?(?P<zh2>数据中心集群|算力枢纽节点|枢纽节点)"
    r"|\b(?:one of|among) (?:the |China's )?(?:eight |8 |ten |10 )?(?:[\w\"“”-]+\s+){0,5}?(?P<en>hubs|hub nodes|clusters)\b"
    r"|\b(?:selected|designated|approved|listed|named|chosen|confirmed)\s+as\s+(?:an?\s+)?(?:national|state-level)\s+"
    r"(?P<en2>computing\s+hub|hub\s+node|data\s+cent(?:er|re)\s+cluster)\b"
    r"|(?:\b(?:is|was|became|as)\s+|,\s*)(?:an?\s+)?(?:national|state-level)\s+"
    r"(?P<en3>computing\s+hub(?:\s+node)?|hub\s+node|data\s+cent(?:er|re)\s+cluster)\b(?!\s+(?:of|in|for)\b)",
    re.IGNORECASE,
)


def _set_members(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X是10个国家数据中心集群之一 / 被列入国家数据中心集群 / X, one of the eight national hubs: X belongs to the set.

    The member is the first place or cluster of the clause before the phrase, else the one right after it
    (作为全国8个枢纽节点之一,宁夏…).
    """
    gaz = gazetteer()
    found = []
    for match in _SET_PHRASE.finditer(text):
        word = next((w for w in match.groups() if w), "").lower()
        key = "national-computing-hub-nodes" if ("枢纽" in word or "hub" in word) else "national-data-center-clusters"
        group = gaz.entities.get(key)
        if group is None:
            continue
        # the subject of the phrase's own comma clause first (宁夏…,中卫市被列为…之一: 中卫), else of the sentence
        members: list[Entity] = []
        for stops in (",，。；;!?！？", "。；;!?！？"):
            clause_start = max(text.rfind(c, 0, match.start()) for c in stops) + 1
            members = members or [e for m, e in ents if clause_start <= m.start - off and m.end - off <= match.start()
                                  and e.type in _SET_MEMBER_TYPES]
        if not members:
            # 作为十大集群、…的算力高地,芜湖…: the subject after the 作为 phrase's comma
            after = match.end()
            if match.group(0).startswith("作为") and (comma := re.search(r"[，,]", text[after:])) is not None:
                after += comma.end()
            members = [e for m, e in ents if m.start - off >= after and e.type in _SET_MEMBER_TYPES
                       and not (e.type == "Hub" and key == "national-data-center-clusters")][:1]
        if len(members) > 1 and members[0].type == "Province" and members[1].type == "City" \
                and key == "national-data-center-clusters" and ("located_in", members[0].key) in members[1].links:
            members = members[1:]  # 宁夏中卫市作为十个集群之一: the city written after its province is the member
        if members and members[0].type == "Cluster" and key == "national-computing-hub-nodes":
            members = []  # 作为八大枢纽节点之一,和林格尔集群…: a cluster lies in a hub, it is none of the hubs
        if members:
            found.append((members[0], "member_of", group))
            # 庆阳、中卫等地入选…: every place of the list before 等 is one of the set
            if (many := re.search(r"等[^，,。；;、]{0,8}?\s*(?:被|已|均|都|先后|相继|成功)*\s*$", text[: match.start()])) is not None:
                found += [(e, "member_of", group) for e in _list_items(ents, text, off, many.start())
                          if e.type in _SET_MEMBER_TYPES and e.key != members[0].key
                          and not (e.type == "Cluster" and key == "national-computing-hub-nodes")]
            # "one of the eight hubs and ten clusters": the member belongs to the set coordinated with the first
            if (both := _SECOND_SET.match(text, match.end())) is not None:
                other = "national-computing-hub-nodes" if both.group("hub") else "national-data-center-clusters"
                if other != key and (second := gaz.entities.get(other)) is not None:
                    found.append((members[0], "member_of", second))
    return (found + _listed_members(ents, text, off) + _one_of_them(ents, text, off) + _stated_named_set(ents, text, off)
            + _founders(ents, text, off))


# 规划了10个国家数据中心集群,庆阳位列其一 / "… ten national data center clusters, and Qingyang is one of them": a set named
# earlier in the sentence, then a clause whose subject is one of it
_NAMED_SET = re.compile(r"(?:(?:[0-9一二三四五六七八九十]+\s*(?:个|地|座)|八大|十大)[^，,。；;]{0,10}?|(?:eight|ten|8|10)\s+)"
                        r"(?:国家|national\s+)?(?:算力|computing\s+)?"
                        r"(?:(?P<hub>枢纽节点|算力枢纽|枢纽|hubs|hub\s+nodes)|数据中心集群|集群|(?:data\s+cent(?:er|re)\s+)?clusters)",
                        re.IGNORECASE)
_OF_THEM = re.compile(r"\s*(?:也|就|便|均)?(?:位列其一|名列其一|位列其中|名列其中|入选其中|列入其中|是其中之一|为其中之一)"
                      r"|\s+(?:is|was|being)\s+(?:one\s+of|among)\s+them\b", re.IGNORECASE)


def _one_of_them(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """The subject of a clause saying it is one of a set named before it in the sentence (庆阳位列其一): a member.

    Only the name opening its clause, right before the phrase, and only the set named last before that clause."""
    gaz = gazetteer()
    found = []
    for i, (m, e) in enumerate(ents):
        last = _run_end(ents, m) if e.type in PLACES else m
        if last.entity is None or last.entity.type not in _SET_MEMBER_TYPES or (i > 0 and ents[i - 1][0].end == m.start):
            continue
        clause = re.search(r"[,，;；]\s*(?:(?:and|while)\s+|而|其中\s*[,，]?\s*)?$", text[: m.start - off])
        if clause is None or _OF_THEM.match(text, last.end - off) is None:
            continue
        sets = list(_NAMED_SET.finditer(text, 0, clause.start()))
        if sets and not any(clause.start() < n.start - off < m.start - off for n, _ in ents):
            group = gaz.entities.get("national-computing-hub-nodes" if sets[-1].group("hub") else "national-data-center-clusters")
            if group is not None and not (last.entity.type == "Cluster" and sets[-1].group("hub")):
                found.append((last.entity, "member_of", group))
    return found


def _is_body(e: Entity) -> bool:
    """Whether a name is of a body one joins (an alliance, a consortium), by its last word."""
    rel = lexicon()["relation"]
    return e.type in ("Organization", "Initiative") and (
        bool(e.zh and e.zh.endswith(tuple(rel["member_body_zh"])))
        or bool(re.search(r"\b(?:" + "|".join(rel["member_body_en"]) + r")$", e.en, re.IGNORECASE)))


_JOINED = r"\s*(?:、|和|及|以及)\s*"
_JOINED_EN = r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?"


def _run_from(ents: list[tuple[Mention, Entity]], k: int, text: str, off: int, joiner: str) -> list[tuple[Mention, Entity]]:
    """The names listed from the k-th on (A、B和C; "A, B and C"); names written together (江苏 + 电信) count once,
    the last of them."""
    run = [ents[k]]
    while k + 1 < len(ents):
        gap = text[ents[k][0].end - off : ents[k + 1][0].start - off]
        if gap == "":
            run[-1] = ents[k + 1]
        elif re.fullmatch(joiner, gap):
            run.append(ents[k + 1])
        else:
            break
        k += 1
    return run


def _run_to(ents: list[tuple[Mention, Entity]], end: int, text: str, off: int, joiner: str) -> list[Entity]:
    """The names of a list ending at `end` (A、B和C等 → A, B, C)."""
    last = next((k for k, (m, _) in enumerate(ents) if m.end - off == end), None)
    if last is None:
        return []
    k = last
    while k > 0:
        gap = text[ents[k - 1][0].end - off : ents[k][0].start - off]
        if gap != "" and not re.fullmatch(joiner, gap):
            break
        k -= 1
    return [e for m, e in _run_from(ents, k, text, off, joiner) if m.end - off <= end]


_FOUNDERS = ("Company", "Organization", "Center", "Park", "City", "District", "Province")


def _founders(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X联盟由A、B等单位共同发起 / 由A、B组建的X联盟 / A、B等企业联合发起成立X联盟 / X联盟的成员单位包括A、B /
    "the X Alliance was jointly launched by A, B and C": those who found a body, and those listed as its members,
    belong to it. Only a body one joins (its name ends in 联盟, 联合体, alliance …) has members so."""
    rel = lexicon()["relation"]
    founded = "|".join(sorted(rel["founded_zh"], key=len, reverse=True))
    founded_en = "|".join(sorted((en_cue(w) for w in rel["founded_en"]), key=len, reverse=True))
    listed = "|".join(sorted(rel["member_list_zh"], key=len, reverse=True))
    many = r"(?:等\s*[0-9一二三四五六七八九十百多余]*\s*(?:家|个|所)?[^，,。；;、]{0,8}?)?"
    found: list[tuple[Entity, list[Entity]]] = []
    for i, (x, ex) in enumerate(ents):
        if not _is_body(ex):
            continue
        after, before = text[x.end - off :], text[: x.start - off]
        # X由A、B等单位共同发起 (the founders after 由, ending in the verb)
        lead = re.match(r"\s*(?:是|系)?\s*由\s*", after)
        k = next((j for j, (m, _) in enumerate(ents) if lead is not None and m.start - off == x.end - off + lead.end()), None)
        if k is not None:
            run = _run_from(ents, k, text, off, _JOINED)
            if re.match(many + r"\s*(?:" + founded + ")", text[run[-1][0].end - off :]):
                found.append((ex, [e for _, e in run]))
        # 由A、B共同组建的X / A、B等企业联合发起成立X
        by = re.search(r"由\s*([^，,。；;由]*?)" + many + r"\s*(?:" + founded + r")的\s*[“\"]?$", before)
        if by is not None:
            end = by.start(1) + len(by.group(1).rstrip())
            found.append((ex, _run_to(ents, end, text, off, _JOINED)))
        elif (verb := re.search(many + r"\s*(?:" + founded + r")了?\s*[“\"]?$", before)) is not None and verb.start() > 0:
            found.append((ex, _run_to(ents, verb.start(), text, off, _JOINED)))
        # "the X Alliance, jointly launched by A, B and C"
        lead_en = re.match(r",?\s+(?:which\s+)?(?:was|were|has\s+been|had\s+been|is)?\s*(?:" + founded_en + r")\s+by\s+(?:the\s+)?", after)
        k = next((j for j, (m, _) in enumerate(ents) if lead_en is not None and m.start - off == x.end - off + lead_en.end()), None)
        if k is not None:
            found.append((ex, [e for _, e in _run_from(ents, k, text, off, _JOINED_EN)]))
        # X的成员单位包括A、B / X…理事单位有19家,分别是A、B: the members listed after, in X's sentence
        for m_list in re.finditer(r"(?:" + listed + r")(?:主要)?(?:包括|包含|有|为|是)?\s*(?:[0-9一二三四五六七八九十百多余]+\s*家)?"
                                  r"[,，]?\s*(?:分别是|分别为|包括|有|如)?\s*[:：]?\s*", after):
            k = next((j for j, (m, _) in enumerate(ents) if m.start - off == x.end - off + m_list.end()), None)
            if k is not None and not any(_is_body(e) for m, e in ents[i + 1 : k]):
                found.append((ex, [e for _, e in _run_from(ents, k, text, off, _JOINED)]))
    return [(e, "member_of", body) for body, members in found for e in members if e.type in _FOUNDERS and e.key != body.key]


def _stated_named_set(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X是第十家国家超级计算中心 / 作为国家超级计算中心,X… / X, listed as the tenth national supercomputing center:
    the center the clause is about belongs to the set (the center named last before the phrase in its clause, else
    the first one right after it); none while it is still applying to join."""
    gaz = gazetteer()
    found = []
    for s in lexicon()["relation"]["named_set"]:
        if re.search(s["not_yet"], text):
            continue
        group = gaz.entities.get(s["key"]) or Entity(s["key"], "Initiative", s["zh"], s["en"])
        kinds = s.get("members", ["Center"])  # a list of parks holds parks
        for match in re.finditer(s["stated"], text):
            clause_start = max(text.rfind(c, 0, match.start()) for c in ",，。；;") + 1
            before = [e for m, e in ents if clause_start <= m.start - off and m.end - off <= match.start() and e.type in kinds]
            after = [e for m, e in ents if m.start - off >= match.end() and e.type in kinds
                     and re.fullmatch(r"\s*[,，]\s*", text[match.end() : m.start - off])]
            member = before[-1] if before else (after[0] if after and text[match.start() : match.start() + 2] == "作为" else None)
            if member is not None:
                found.append((member, "member_of", group))
            # A、B和C等七家算力中心正式接入X: every center of the list that ends right before the phrase
            last = next((m for m, e in reversed(ents) if before and e is before[-1]), None)
            if last is not None and re.fullmatch(r"(?:等[^，,。；;、]{0,12}?)?\s*", text[last.end - off : match.start()]):
                found += [(e, "member_of", group) for e in _run_to(ents, last.end - off, text, off, _JOINED)
                          if e.type in kinds and e is not member]
    return found


_SECOND_SET = re.compile(r"\s*(?:和|及|、|and)\s*(?:the\s+)?(?:[0-9一二三四五六七八九十]+个?|八大|十大|eight|ten)\s*"
                         r"(?:[\w\"“”-]+\s+){0,4}?(?:国家)?(?:(?P<hub>枢纽节点|hubs|hub nodes)|数据中心集群|clusters)(?![A-Za-z])",
                         re.IGNORECASE)


_SET_LIST = re.compile(r"等\s*(?:[0-9一二三四五六七八九十]+|八大|十大)\s*(?:个|地|大|省)?[^，,。；;、]{0,12}?"
                       r"(?:(?P<hub>枢纽节点|算力枢纽)|(?P<cluster>数据中心集群))")


def _listed_members(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """A list before the set ("L1、L2等N地…枢纽节点", "L等N个国家数据中心集群"): each named item belongs to the set."""
    gaz = gazetteer()
    found = []
    for match in _SET_LIST.finditer(text):
        group = gaz.entities.get("national-computing-hub-nodes" if match.group("hub") else "national-data-center-clusters")
        if group is not None:
            found += [(e, "member_of", group) for e in _list_items(ents, text, off, match.start())
                      if e.type in _SET_MEMBER_TYPES]
    return found


def _listed_signers(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """A、B、C等12家企业分别与D签约: D partners every named party of the list before 等."""
    rel = lexicon()["relation"]
    found = []
    for d, ed in ents:
        lead = re.search(r"等\s*[0-9一二三四五六七八九十百多余]*\s*(?:家|个|所)?[^，,。；;、]{0,8}?(?:" + "|".join(
            rel["partner_adverb_zh"]) + r")?(?:" + "|".join(rel["partner_join_zh"]) + r")\s*$", text[: d.start - off])
        if lead is not None and re.match(r"[^，,。；;]{0,20}?(?:" + "|".join(rel["partner_zh"]) + ")", text[d.end - off :]):
            found += [(ed, "partner", e) for e in _list_items(ents, text, off, lead.start())]
    return found


def _clause_signers(ents: list[tuple[Mention, Entity]], text: str, off: int,
                    joined: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """P编制了规划,…,积极与A、B等达成合作协议 / X总体规划4万架,已与A、B等12家企业完成签约: a clause opening with 与
    and no party of its own signs for the sentence's subject (the first party opening a clause), when no other
    party comes between that one and the clause."""
    rel = lexicon()["relation"]
    adverbs = "|".join(rel["partner_adverb_zh"] + ["推动", "促成", "主动", "并", "均"])
    found: list[tuple[Entity, str, Entity]] = []
    for m_with in re.finditer(r"(?:^|[，,；;])\s*(?:" + adverbs + r")*\s*(?:与|同|跟)\s*", text):
        # the list's first items may be names the reader does not know (与甲、乙、B等): the known ones sign
        k = next((j for j, (m, e) in enumerate(ents) if m.start - off >= m_with.end() and e.type in _PARTIES
                  and re.fullmatch(r"(?:[^\s，,。；;、与和及等的]{1,10}[、和及])*", text[m_with.end() : m.start - off])), None)
        if k is None:
            continue
        run = _run_from(ents, k, text, off, _JOINED)
        parties = [e for _, e in run if e.type in _PARTIES]
        if not parties or not re.match(r"(?:等|在内的)?[^，,。；;由]{0,16}?(?:签约|签署|签订|达成)", text[run[-1][0].end - off :]):
            continue
        # the subject opens a clause (围绕…,P编制了… / 作为A的…,X已…): only time words may come before it
        before = [(m, e) for m, e in ents if m.end - off <= m_with.start()]
        opener = next((m for m, e in before if e.type in _PARTIES and OPENING.fullmatch(
            re.split(r"[，,；;]", text[: m.start - off])[-1])), None)
        if opener is None:
            # no party before the clause: the subject of the part before the semicolon, if that part had one
            if not before and joined is not None and joined.type in _PARTIES:
                found += [(joined, "partner", e) for e in parties]
            continue
        subject = _run_end(ents, opener)
        if subject.entity is None or re.match(r"\s*的", text[subject.end - off :]) or any(
                e.key != subject.entity.key for m, e in before if m.start > subject.start):
            continue
        found += [(subject.entity, "partner", e) for e in parties]
    return found


def _list_items(ents: list[tuple[Mention, Entity]], text: str, off: int, end: int) -> list[Entity]:
    """The names of a list ending at `end` ("A、B、C等"): items that are a whole name, the others skipped; the first
    item may open with the words that introduce the list (规划了庆阳、…)."""
    run = re.search(r"[^，,。；;：:]*$", text[:end])
    assert run is not None
    found = []
    for item in re.finditer(r"[^、]+", run.group(0)):
        start, stop = run.start() + item.start(), run.start() + item.end()
        start += len(item.group(0)) - len(item.group(0).lstrip(" “\"「"))
        stop -= len(item.group(0)) - len(item.group(0).rstrip(" ”\"」"))
        found += [e for m, e in ents if m.end - off == stop and (m.start - off == start or item.start() == 0 and m.start - off > start)]
    return found


def _listed_parties(ents: list[tuple[Mention, Entity]], first: Mention, text: str, off: int) -> list[Entity]:
    """The parties listed from `first` on (甘肃庆阳、新疆哈密和X): a place written before a smaller one gives way to it."""
    parties: list[Entity] = []
    last: Mention | None = None
    for m, e in ents:
        if m.start < first.start:
            continue
        gap = text[last.end - off : m.start - off] if last is not None else ""
        if last is not None and gap == "" and e.type in PLACES and parties and parties[-1].type in PLACES:
            parties[-1] = e  # 甘肃庆阳 → 庆阳
        elif last is None or re.fullmatch(r"\s*(?:、|和|及|以及)\s*", gap):
            parties.append(e)
        else:
            break
        last = m
    return parties


def _most_specific_place(ents: list[tuple[Mention, Entity]], first: Mention, text: str, off: int) -> Entity:
    """The last of a run of places written together: 位于呼和浩特市和林格尔新区 → 和林格尔新区."""
    place = _run_end(ents, first)
    assert place.entity is not None
    return place.entity


def _places_of_run(ents: list[tuple[Mention, Entity]], first: Mention) -> list[Entity]:
    """Where a run of places written together (广东韶关市浈江区) locates a thing: its last place, and the city
    the run names when that last place is a district of it (浈江区 and 韶关; not the province)."""
    last = _run_end(ents, first)
    assert last.entity is not None
    places = [last.entity]
    if last.entity.type == "District":
        places += [e for m, e in ents if first.start <= m.start < last.start and e.type == "City"][-1:]
    return places


def _owned_thing_after(rest: str) -> bool:
    """Whether an unnamed thing of the subject's follows its place (A位于B的数据中心今日开幕): what lies there is that
    thing, not A."""
    return bool(re.match(r"的(?:[\u4e00-\u9fff]{0,4}?)(?:数据中心|算力中心|智算中心|机房|大楼)(?:[(（][^()（）]{1,20}[)）])?\s*"
                         r"(?:今日|昨日|今天|昨天|日前|近日|正式|已|将)?(?:开幕|启用|开业|落成|投运|揭牌|开工)", rest))


def _park_of_place(ents: list[tuple[Mention, Entity]], place: Mention, text: str, off: int) -> Entity | None:
    """The park written right after a place and 的, ending its phrase (落户B的C产业园, 位于B的C园区内): the most exact
    site named."""
    park = next((e for m, e in ents if m.start - off == place.end - off + 1 and e.type == "Park"), None)
    if park is None or text[place.end - off : place.end - off + 1] != "的":
        return None
    end = next(m for m, e in ents if m.start - off == place.end - off + 1).end - off
    return park if re.match(r"\s*(?:内|里|中)?\s*(?:[，,。；;、(（]|$)", text[end:]) else None


def _run_end(ents: list[tuple[Mention, Entity]], first: Mention) -> Mention:
    """The last mention of a run of places written together (广东韶关市浈江区)."""
    place = first
    for m, _ in ents:
        if m.start > place.end:
            break
        if m.start == place.end and m.entity is not None and m.entity.type in PLACES | {"Park"}:
            place = m
    return place


def _place_list(ents: list[tuple[Mention, Entity]], index: int, text: str, off: int) -> tuple[list[Entity], int]:
    """The places listed from the index-th name on (成都市双流区、郫都区和简阳市), each the last of its run,
    and where the list ends."""
    places: list[Entity] = []
    end = -1
    k = index
    while k < len(ents) and ents[k][1].type in PLACES | {"Park"}:
        last = _run_end(ents, ents[k][0])
        assert last.entity is not None
        places.append(last.entity)
        end = last.end - off
        k = next((j for j, (m, _) in enumerate(ents) if m.start >= last.end), len(ents))
        if k == len(ents) or not re.fullmatch(r"\s*(?:、|和|及|以及)\s*", text[end : ents[k][0].start - off]):
            break
    return places, end


# "X opened on Monday in Y", "X was put into operation on May 31 in Y": a date between an event verb and its place
_EVENT_WHEN_IN_EN = re.compile(
    r"\b(?:opened|was\s+opened|was\s+launched|was\s+unveiled|was\s+inaugurated|broke\s+ground|began\s+operations?|"
    r"went\s+into\s+operation|was\s+put\s+into\s+(?:operation|use|service)|was\s+completed|was\s+commissioned)"
    r"\s+(?:on\s+(?:[A-Z][a-z]+day|[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:last|this)\s+(?:week|month|year|[A-Z][a-z]+day))"
    r"\s+in\s+(?:the\s+)?$")


def _later_clause_place(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X总投资50亿元,占地300亩,位于Y: a later clause opening with a location cue and naming no subject of its own
    places the thing the sentence opens with, when nothing else is named between them."""
    rel = lexicon()["relation"]
    if len(ents) < 2 or ents[0][1].type not in ("Center", "Park") or not OPENING.fullmatch(text[: ents[0][0].start - off]):
        return []
    x, ex = ents[0]
    # a clause of builders may stand between (X,由A承建,位于Y): its agents are not the place
    k = 1
    while k < len(ents) - 1 and ents[k][1].type in ("Company", "Organization") and re.search(
            r"[,，]\s*由[^，,。；;]*$", text[x.end - off : ents[k][0].start - off]):
        k += 1
    b = ents[k][0]
    gap = text[x.end - off : b.start - off]
    cue = r"[,，]\s*(?:该?项目)?(?:已经|已|将|也|正式)?(?:位于|坐落于|坐落在|地处|选址于|选址在|选址|落户于|落户在|落户)\s*$"
    if re.search(r"[,，]", gap) and re.search(cue, gap) and not re.search(r"[。；;]", gap) and not re.search(
            "|".join(rel["located_in_zh"]), gap[: re.search(cue, gap).start()]):  # type: ignore[union-attr]
        return [(ex, "located_in", p) for p in _places_of_run(ents, b) if p.type in PLACES | {"Park"}]
    return []


def _located_phrases(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """Where news says a thing is, beyond "A位于B": A项目开工仪式在B举行 / A在B举行揭牌仪式 / 位于B的A /
    A先期在B、C、D建设 / A起步区为B、C、D / A包括B、C (a cluster laid out over several districts)."""
    rel = lexicon()["relation"]
    events, ceremonies = "|".join(rel["located_in_event_zh"]), "|".join(rel["ceremony_zh"])
    spread = "|".join(rel["spread_zh"])
    found: list[tuple[Entity, str, Entity]] = []
    for i, (a, ea) in enumerate(ents[:-1]):
        b, eb = ents[i + 1]
        gap = text[a.end - off : b.start - off]
        if ea.type in INFRASTRUCTURE:
            places, end = _place_list(ents, i + 1, text, off)
            after = text[end:] if places else ""
            # one ceremony for two events joined by 暨 (X投运暨二期签约仪式在Y举行, X签约暨开工仪式在Y举行)
            held = re.fullmatch(r"\s*(?:[（(][^）)]{1,8}[）)])?\s*(?:项目)?(?:集中)?(?:[^，,。；;暨]{1,8}暨)?(?:" + events
                                + r")(?:暨[^，,。；;]{1,16}?)?(?:" + ceremonies + r")(?:在|于)\s*", gap) and re.match(
                r"\s*(?:隆重|正式|顺利|盛大)?(?:举行|举办)", after)
            hosts = re.fullmatch(r"\s*(?:项目)?(?:在|于)\s*", gap) and re.match(
                r"\s*(?:隆重|正式|顺利|盛大)?(?:举行|举办)[^，,。；;]{0,6}?(?:" + events + ")", after)
            built = re.fullmatch(r"\s*(?:" + "|".join(rel["spread_adverb_zh"]) + r")?(?:在|于)\s*", gap) and re.match(
                r"(?:[、和及][^，,。；;、]{1,6}?)*\s*(?:" + "|".join(rel["spread_verb_zh"]) + ")", after)  # 、简阳市建设
            zoned = re.fullmatch(r"\s*的?(?:" + spread + r")\s*", gap)
            if (held or hosts) and ea.type == "Cluster" and ea.reference and not any(_is_zone(p) or p.type != "Park" for p in places):
                pass  # X集群项目开工仪式在Y产业园举行: the park is one of the national cluster's, not the cluster in it
            elif (held or hosts) and len(places) == 1:
                found += [(ea, "located_in", p) for p in _places_of_run(ents, b)]
            elif held or built or (zoned and ea.type in ("Cluster", "Park")):
                found += [(ea, "located_in", p) for p in places]
        # P已吸引A、B等项目落户 / P引进了A项目: what a place draws in lies in it
        if ea.type in PLACES | {"Park"} and _run_end(ents, a) is a and (draw := re.match(
                r"\s*(?:已经|已|先后|相继|陆续|成功|还|共|累计)*(?P<verb>" + "|".join(rel["draw_in_zh"]) + r")了?\s*",
                text[a.end - off :])) is not None:
            drawn: list[tuple[Mention, Entity]] = []
            k = i + 1
            while k < len(ents) and ents[k][1].type in ("Center", "Park") and re.fullmatch(
                    r"\s*" if not drawn else r"(?:项目)?\s*(?:、|和|及|以及)\s*",
                    text[(a.end - off + draw.end() if not drawn else ents[k - 1][0].end - off) : ents[k][0].start - off]):
                drawn.append(ents[k])
                k += 1
            tail = text[drawn[-1][0].end - off :] if drawn else ""
            settled = re.match(r"(?:等[^，,。；;、]{0,10}?)?(?:项目)?\s*(?:相继|先后|陆续|成功)?(?:"
                               + "|".join(rel["settle_zh"]) + ")", tail)
            if drawn and (settled or draw.group("verb") in ("引进", "引入") and re.match(r"(?:项目)?\s*(?:[，,。；;]|$)", tail)):
                found += [(e, "located_in", ea) for _, e in drawn]
        # X选址于Y,具体分布在A、B、C: a clause of places only, after one placing X, goes on placing X
        x, ex = ents[0]
        placing = text[x.end - off : a.start - off]  # from X to the place of the first clause
        if (ea.type in PLACES | {"Park"} and ex.type in INFRASTRUCTURE
                and re.fullmatch(r"[,，]\s*(?:具体|主要|分别)?(?:" + spread + r"|位于|坐落于)\s*", gap)
                and re.search(r"(?:" + "|".join(rel["located_in_zh"]) + ")", placing) and not re.search(r"[,，;；]", placing)):
            found += [(ex, "located_in", p) for p in _place_list(ents, i + 1, text, off)[0]]
        if eb.type in INFRASTRUCTURE and ea.type in PLACES | {"Park", "Cluster"} and re.fullmatch(r"(?:内|境内|里)?的[“\"]?", gap):
            first = a
            for m, e in reversed(ents[:i]):
                if m.end == first.start and e.type in PLACES:
                    first = m
            if re.search(r"(?:位于|坐落于|地处)\s*$", text[: first.start - off]):
                found.append((eb, "located_in", ea))
                # 位于B的A和C: every thing built listed after the first lies there too
                k = i + 2
                while k < len(ents) and ents[k][1].type in INFRASTRUCTURE and re.fullmatch(
                        r"(?:项目)?\s*(?:、|和|及|以及|与)\s*", text[ents[k - 1][0].end - off : ents[k][0].start - off]):
                    found.append((ents[k][1], "located_in", ea))
                    k += 1
    return found


def _built_at(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """A在P建设X / A在Y枢纽的P集群规划X项目 / A在P投资建设的X: the thing built after the verb lies where the work
    happens (in a place or park; part of a cluster or hub), and a company doing the work builds it.

    Only the company written right before 在 is the builder (由A在P建设 is the passive of another rule)."""
    rel = lexicon()["relation"]
    verbs = "|".join(sorted(rel["built_at_verb_zh"], key=len, reverse=True))
    found: list[tuple[Entity, str, Entity]] = []
    sites = PLACES | {"Park", "Cluster", "Hub"}
    for i, (a, ea) in enumerate(ents):
        if ea.type not in ("Company", "Organization") + tuple(PLACES) or re.search(r"由\s*$", text[: a.start - off]):
            continue
        lead = re.match(r"\s*(?:" + "|".join(rel["built_at_adverb_zh"]) + r")*\s*在\s*(?:[^，,。；;在]{0,8}?(?:——|—))?\s*",
                        text[a.end - off :])
        first = next((m for m, e in ents[i + 1 :] if lead is not None and m.start - off == a.end - off + lead.end()), None)
        if first is None or first.entity is None or first.entity.type not in sites:
            continue
        last = first  # through a run of sites written together or joined by 的 (京津冀枢纽的张家口集群)
        for m, e in ents:
            if m.start >= last.end and e.type in sites and re.fullmatch(r"的?", text[last.end - off : m.start - off]):
                last = m
            elif m.start >= last.end:
                break
        verb = re.match(r"\s*(?:" + verbs + r")了?的?\s*[“\"]?", text[last.end - off :])
        built = next((e for m, e in ents if verb is not None and m.start - off == last.end - off + verb.end()
                      and e.type in ("Center", "Park")), None)
        if built is None or last.entity is None:
            continue
        site = last.entity
        if site.type in PLACES:
            found += [(built, "located_in", p) for p in _places_of_run(ents, first if first.entity.type in PLACES else last)]
        else:
            found.append((built, "located_in" if site.type == "Park" else "part_of", site))
        if ea.type == "Company":
            found.append((built, "operator", ea))
    return found


_EN_RELATIVE = re.compile(r"\s*(?:which|who|that)\s+(?:also\s+|now\s+|has\s+|had\s+|have\s+)?")


@cache
def _approval() -> re.Pattern[str]:
    """The last word of approving or backing before a verb of building (批复同意, 支持, approved): its agent builds nothing."""
    words = sorted(lexicon()["relation"]["approval"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")(?!.*(?:" + "|".join(map(re.escape, words)) + r"))", re.S)


def _active_operators(ents: list[tuple[Mention, Entity]], text: str, off: int,
                      carried: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """Builders named before the verb: 中国电信与华为共同建设X, A投资建设的X, A等企业参与集群建设, Huawei built the center."""
    rel = lexicon()["relation"]
    found = []
    agents_before = [(m, e) for m, e in ents if e.type in ("Company", "Organization")]
    for verb in re.finditer(r"(?:共同|联合|合作|参与)?(?:" + "|".join(rel["operator_zh"]) + r")(?:的)?[“\"]?"
                            r"|(?<![A-Za-z])(?:jointly\s+)?(?:" + "|".join(rel["operator_active_en"]) + r")\s+"
                            r"|(?<![A-Za-z])invest(?:s|ed)?\s+[^.,;]{0,40}?\bin\s+", text):  # A has invested N in X
        clause_start = max(text.rfind(c, 0, verb.start()) for c in "，,;；。") + 1
        if _EN_RELATIVE.fullmatch(text, clause_start, verb.start()) and text[clause_start - 1 : clause_start] == ",":
            clause_start = max(text.rfind(c, 0, clause_start - 1) for c in "，,;；。") + 1  # Sugon, which operates X
        if (approved := _approval().search(text, clause_start, verb.start())) is not None:
            clause_start = approved.end()  # 科技部批复同意在某地建设X, 某委支持A建设X: who approves or backs builds nothing
        agents = [e for m, e in agents_before if clause_start <= m.start - off and m.end - off <= verb.start()]
        if not agents and re.fullmatch(r"\s*(?:并|将|拟|还将)?\s*(?:共同|联合|携手|合作)", text[clause_start : verb.start()] + (
                verb.group(0)[:2] if verb.group(0)[:2] in ("共同", "联合", "合作") else "")):
            # A与B签署协议,共同建设X: the parties that signed in the clause before build together
            prev_start = max(text.rfind(c, 0, clause_start - 1) for c in "，,;；。") + 1
            signs = "|".join(rel["partner_zh"])
            signed = re.match(r"[^，,;；。]*?(?:与|和|同)[^，,;；。]*?(?:" + signs + ")", text[prev_start : clause_start])
            if signed is not None:
                agents = [e for m, e in agents_before if prev_start <= m.start - off and m.end - off <= prev_start + signed.end()]
        last = max((m.end for m, e in agents_before if m.end - off <= verb.start()), default=0)
        if not agents or any(last <= m.start and m.end - off <= verb.start() and e.type in PLACES
                             and not _after_at(ents, m, text, off) and not _GOVERNMENT_OF.match(text, m.end - off) for m, e in ents):
            continue  # A响应宁夏打造X的号召: the place after the company builds, not the company
        # the built thing right after the verb, or between 参与 and the verb (A等企业参与集群建设)
        target = next((e for m, e in ents if e.type in INFRASTRUCTURE and (
            re.fullmatch(r"(?:the\s+)?", text[verb.end() : max(verb.end(), m.start - off)]) and m.start - off >= verb.end()
            or re.search(r"参与$", text[:m.start - off]) and m.end - off == verb.start())), None)
        if target is None and verb.group(0).endswith("的") and re.match(
                r"[^，,。；;]{0,6}?(?:项目|工程|数据中心|算力中心|智算中心|超算中心|计算中心|产业园|园区)", text[verb.end() :]):
            # X是A与B合作建设的项目 / X是A在P建设的第二个数据中心: the thing before 是 the agents open with
            first = min(m.start for m, e in agents_before if clause_start <= m.start - off and m.end - off <= verb.start())
            target = next((e for m, e in ents if e.type in INFRASTRUCTURE and re.fullmatch(
                r"\s*(?:项目)?(?:是|为|系)\s*", text[m.end - off : first - off])), None)
        if target is None and re.match(r"\s*(?:[和及与、]?\s*(?:运营|管理|运维))?\s*(?:[，,。；;]|$)", text[verb.end() :]):
            # X项目总投资50亿元,A负责投资建设。/ …。A与B共同建设。: a clause of builders and a verb only is about
            # the thing the sentence opens with, else (naming none) the one the sentence before was about
            words = text[clause_start : verb.start()]
            spans = sorted((m.start - off - clause_start, m.end - off - clause_start) for m, _ in agents_before
                           if clause_start <= m.start - off and m.end - off <= verb.start())
            for a, b in reversed(spans):
                words = words[:a] + words[b:]
            if re.fullmatch(r"(?:\s|[、和与及同]|以及|将|已|正在|负责|共同|联合|合作|主要)*", words):
                lead = OPENING.match(text)
                opening = [e for m, e in ents if e.type in INFRASTRUCTURE]
                if opening and lead is not None and next(m for m, e in ents if e.type in INFRASTRUCTURE).start - off == lead.end():
                    target = opening[0] if len({e.key for e in opening}) == 1 else None
                elif not opening:
                    target = carried
        for agent in agents:
            if target is not None:
                found.append((target, "operator", agent))
    return found


def _after_at(ents: list[tuple[Mention, Entity]], m: Mention, text: str, off: int) -> bool:
    """Whether a place is where something happens (在宁夏中卫投资建设: 中卫 and 宁夏), not who acts."""
    start = m.start
    for n, _ in reversed(ents):
        if n.end == start and n.entity is not None and n.entity.type in PLACES:
            start = n.start
    return bool(re.search(r"(?:在|于|位于|落户)\s*$", text[: start - off]))


def _by_agents(ents: list[tuple[Mention, Entity]], text: str, masked: str, off: int,
               roles_of: dict[Mention, str], carried: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """由A、B共同建设(的X): the agents after 由 build or run the X the phrase modifies, else the clause's subject
    (the last thing built named before 由 that is not a place it lies in: A位于B园区,由C建设 → A).

    Cue words inside names do not count (由甲乙数字城市开发建设有限公司牵头建设).
    """
    rel = lexicon()["relation"]
    found = []
    # a verb running on into a company's name is part of the name (…功能区建设发展有限公司 with 功能区 read alone)
    for m_by in re.finditer(r"由([^，,。；;]*?)(?:" + "|".join(rel["operator_adverb_zh"]) + r")?(?:"
                            + "|".join(rel["operator_zh"]) + r")(?![\u4e00-\u9fff]{0,6}(?:公司|集团))", masked):
        if re.search(r"(?:批准|批复|同意|审批|授权|认定)\s*$", m_by.group(1)):
            continue  # 由国家科技部批准成立/建设: who approves it builds nothing
        # a place the work happens in is no agent (由A公司在B开发区建设)
        # a company written right after another (…有限公司北京市分公司) is a branch read apart: the name before stands
        glued = {m.start for m, e in ents if e.type == "Company" and any(
            n.end == m.start and f.type == "Company" for n, f in ents)}
        agents = [e for m, e in ents if m_by.start(1) <= m.start - off and m.end - off <= m_by.end(1)
                  and not (e.type in PLACES | {"Park"} and _after_at(ents, m, text, off)) and m.start not in glued]
        target = None
        # 由A承建、B监理的X: a second party's other role (supervising, designing) may stand before 的; A builds
        if (mod := re.match(r"(?:[、和及]\s*[^，,。；;的由]{1,30}?(?:监理|设计|勘察|代建))?的[“\"]?", text[m_by.end() :])):
            modified = next((e for m, e in ents if m.start - off == m_by.end() + mod.end()), None)
            if modified is not None and modified.type in ("Company", "Organization", "Initiative"):
                continue  # 由华为发起成立的X联盟: the phrase is about the body it names, nothing built before it
            # (a place after 的 opens the noun it modifies: 由A建设的武汉市首个智算中心, about the clause's subject)
            modified = modified if modified is not None and modified.type in INFRASTRUCTURE else None
            target = modified
        bare = re.match(r"[（(]?([一二三四五])期[）)]?(?:项目|工程)", text[m_by.end() + mod.end() :]) if mod else None
        builders = any(e.type in ("Company", "Organization") for e in agents)
        if target is None and builders and bare is not None and carried is not None and carried.type in ("Center", "Park") and not any(
                e.type in INFRASTRUCTURE for m, e in ents if m.end - off <= m_by.start()):
            # X项目开工。由A承建的(一期)项目…: A builds the phase of the thing the sentence before opened with
            target = phase_entity(carried, "一二三四五".index(bare.group(1)) + 1)
            found.append((target, "part_of", carried))
        if target is None:
            target = next((e for m, e in reversed(ents) if m.end - off <= m_by.start() and e.type in INFRASTRUCTURE
                           and not _placed(m, text, off, roles_of)), carried)
        if target is not None:
            found += [(target, "operator", agent) for agent in agents]
    return found


def _placed(m: Mention, text: str, off: int, roles_of: dict[Mention, str]) -> bool:
    """Whether a name is where something lies or who acts, not what its clause is about (A位于B园区,…: B;
    由B出资: B)."""
    clause = text[: m.start - off]
    clause = clause[max(clause.rfind(c) for c in "，,;；。") + 1 :]
    # 正在建设中的X: 在 after 正, 现 or 仍 marks time, not a place
    return roles_of.get(m) == "locative" or bool(re.search(r"位于|坐落于|地处|落户|入驻|(?<![正现仍])在|由", clause))


def _role_nouns(ents: list[tuple[Mention, Entity]], text: str, off: int, roles_of: dict[Mention, str],
                carried: Entity | None = None, *, named_before: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """A公司为建设单位 / A作为运营主体 / 建设单位为A公司: the company builds or runs the thing the sentence is about
    (its first name of something built, not a place it lies in; else, in a sentence naming no such thing, the
    subject of the sentence before: X项目总投资50亿元。项目业主为A公司。). A sentence opening with the role noun
    (运营方A总经理说) may also go on about the one thing the sentence before names, wherever it named it
    (记者来到X。运营方A…)."""
    rel = lexicon()["relation"]
    roles = "|".join(rel["operator_role_zh"])
    found = []
    for i, (c, ec) in enumerate(ents):
        if ec.type not in ("Company", "Organization"):
            continue
        # the role noun as an apposition (X的运营方A, 运营方A负责人说): a sentence opening with it and naming nothing
        # built before it is about the thing the sentence before opened with
        apposed = re.search(r"(?:^|[，,。；;：:（(\s]|的)(?:该?项目)?(?:" + roles + r")\s*$", text[: c.start - off])
        if re.match(r"\s*(?:为|是|作为|担任)(?:该?项目的?)?(?:" + roles + ")", text[c.end - off :]) or re.search(
                r"(?:" + roles + r")(?:均|分别)?(?:为|是|[:：])\s*$", text[: c.start - off]) or apposed:
            opening = apposed is not None and re.fullmatch(r"\s*(?:该?项目)?(?:" + roles + r")\s*", text[: c.start - off])
            target = next((e for m, e in ents[:i] if e.type in INFRASTRUCTURE and not _placed(m, text, off, roles_of)),
                          carried or (named_before if opening else None))
            if target is not None:
                found.append((target, "operator", ec))
                # 建设单位为A、B: the companies listed after A build it too
                k = i + 1
                while k < len(ents) and ents[k][1].type in ("Company", "Organization") and re.fullmatch(
                        r"\s*(?:、|和|及|以及|与)\s*", text[ents[k - 1][0].end - off : ents[k][0].start - off]):
                    found.append((target, "operator", ents[k][1]))
                    k += 1
        # A是X的建设单位 / A,作为X的运营主体 / 中国移动旗下的X: the thing named between the company and the role noun, or after 旗下
        if i + 1 < len(ents) and ents[i + 1][1].type in INFRASTRUCTURE:
            x, ex = ents[i + 1]
            if re.fullmatch(r"\s*[,，]?\s*(?:为|是|作为|担任)\s*", text[c.end - off : x.start - off]) and re.match(
                    r"(?:[（(][^）)]{0,12}[）)])?(?:项目)?的(?:" + roles + ")", text[x.end - off :]) or re.fullmatch(
                    r"(?:旗下|下属|自建|自有)的?[“\"]?", text[c.end - off : x.start - off]):
                found.append((ex, "operator", ec))
    return found


_WORK_ZH = r"(?:投资建设|建设运营|运营管理|投资|建设|运营|运维|管理)"
_WORK_EN = r"(?:construction|development|building|operation|operations|running|management|investment)"
_IN_CHARGE_ZH = re.compile(r"\s*(?:将|已|主要|具体)?(?:负责|承担|牵头)(?:该?项目|该中心|中心)?的?[“\"]?")
# 组建了A公司,具体负责X的建设运营: a company the clause sets up is the subject of the 负责 clause after its comma
_SET_UP_ZH = re.compile(r"(?:组建|成立|设立|注册成立|合资成立|出资成立)了?(?:项目公司)?\s*[“\"]?$")
_PIVOT_ZH = re.compile(r"[，,]\s*(?:并|由其)?")
_IN_CHARGE_EN = re.compile(r"\s+(?:will\s+|would\s+|is\s+to\s+|shall\s+)?(?:lead|leads|led|oversee|oversees|handle|handles|undertake|"
                           r"undertakes|(?:be|is|was|are)\s+responsible\s+for|take\s+charge\s+of|takes\s+charge\s+of)\s+the\s+"
                           + _WORK_EN + r"(?:\s*(?:,|and|,\s*and)\s+(?:the\s+)?" + _WORK_EN + r")*\s+of\s+(?:the\s+)?")
_UNNAMED_THING_EN = re.compile(r"(?:new\s+|planned\s+)?(?:center|centre|facility|project|data\s+center)\b")


def _in_charge(ents: list[tuple[Mention, Entity]], text: str, off: int,
               about: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """A负责X的建设和运营 / A将负责项目的建设运营 / "A is to oversee the building of the new facility": A builds
    or runs X, or (the project, the new center) the thing the sentence before opened with (never a guess from the
    page: the center most named may be another)."""
    found: list[tuple[Entity, str, Entity]] = []
    for i, (a, ea) in enumerate(ents):
        if ea.type not in ("Company", "Organization"):
            continue
        rest = text[a.end - off :]
        pivot = _PIVOT_ZH.match(rest) if ea.type == "Company" and _SET_UP_ZH.search(text[: a.start - off]) else None
        skip = pivot.end() if pivot is not None else 0
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (zh := _IN_CHARGE_ZH.match(rest, skip)) is not None:
            if nxt is not None and nxt[0].start - off == a.end - off + zh.end() and nxt[1].type in INFRASTRUCTURE and re.match(
                    r"(?:[（(][^（）()]{1,12}[）)])?(?:项目)?[”\"]?的?" + _WORK_ZH, text[nxt[0].end - off :]):
                found.append((nxt[1], "operator", ea))
            elif re.search(r"(?:项目|中心)的?$", zh.group(0)) and re.match(_WORK_ZH, rest[zh.end() :]) and (
                    meant := _anaphor_within(ents, a.end + zh.start(), a.end + zh.end()) or about) is not None:
                found.append((meant, "operator", ea))  # A负责该中心的运营: the center 该中心 refers to
        elif (en := _IN_CHARGE_EN.match(rest)) is not None:
            if nxt is not None and nxt[0].start - off == a.end - off + en.end() and nxt[1].type in INFRASTRUCTURE:
                found.append((nxt[1], "operator", ea))
            elif _UNNAMED_THING_EN.match(rest, en.end()) and about is not None:
                found.append((about, "operator", ea))
    return found


def _anaphor_within(ents: list[tuple[Mention, Entity]], start: int, end: int) -> Entity | None:
    """The thing a word referring back (该中心, 该项目) between start and end stands for, if it was resolved."""
    return next((e for m, e in ents if m.anaphor and start <= m.start < end and e.type in INFRASTRUCTURE), None)


def _role_nouns_en(ents: list[tuple[Mention, Entity]], text: str, off: int,
                   carried: Entity | None = None) -> list[tuple[Entity, str, Entity]]:
    """"A is the developer of X", "A, the operator of X", "X's operator, A," / "X's developer is A", "The project's
    developer is A" (the sentence before's subject): A builds or runs X."""
    roles = r"(?:main\s+|lead\s+|principal\s+)?(?:" + "|".join(lexicon()["relation"]["operator_role_en"]) + r")"
    found = []
    for (a, ea), (b, eb) in zip(ents, ents[1:], strict=False):
        gap = text[a.end - off : b.start - off]
        if ea.type in ("Company", "Organization") and eb.type in INFRASTRUCTURE and re.fullmatch(
                r"(?:,\s*|\s+(?:is|was|will\s+be|has\s+been|became|serves\s+as|acts\s+as)\s+)(?:the|a|an)\s+" + roles
                + r"\s+(?:and\s+[a-z]+\s+)?(?:of|for|behind)\s+(?:the\s+)?", gap, re.IGNORECASE):
            found.append((eb, "operator", ea))
        elif ea.type in INFRASTRUCTURE and eb.type in ("Company", "Organization") and re.fullmatch(
                r"['’]s\s+" + roles + r"(?:,\s*|\s+(?:is|was)\s+)(?:the\s+)?", gap, re.IGNORECASE):
            found.append((ea, "operator", eb))
    for (x, ex), (a, ea) in zip(ents, ents[1:], strict=False):  # "X, which A operates,": A runs X
        if ex.type in INFRASTRUCTURE and ea.type in ("Company", "Organization") and re.fullmatch(
                r",?\s*which\s+(?:the\s+)?", text[x.end - off : a.start - off]) and re.match(
                r"\s+(?:(?:has|had|will|now)\s+)?(?:jointly\s+)?(?:built|builds|operates|runs|developed|owns|constructed|manages)\b",
                text[a.end - off :]):
            found.append((ex, "operator", ea))
    for (x, ex), (a, ea) in zip(ents, ents[1:], strict=False):  # X is a joint venture of A and B
        if ex.type in INFRASTRUCTURE and ea.type in ("Company", "Organization") and re.fullmatch(
                r"(?:\s+(?:is|was|will\s+be)\s+|,\s*)(?:a\s+)?joint\s+(?:venture|project)\s+(?:of|between|by)\s+(?:the\s+)?",
                text[x.end - off : a.start - off]):
            found.append((ex, "operator", ea))
            k = next(j for j, (m, _) in enumerate(ents) if m is a) + 1
            while k < len(ents) and ents[k][1].type in ("Company", "Organization") and re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?", text[ents[k - 1][0].end - off : ents[k][0].start - off]):
                found.append((ex, "operator", ents[k][1]))
                k += 1
    for (x, ex), (a, ea) in zip(ents, ents[1:], strict=False):  # "X was co-founded by A and B": they set it up
        if ex.type in INFRASTRUCTURE and ea.type in ("Company", "Organization") and re.fullmatch(
                r",?\s*(?:which\s+)?(?:was|were|is|has\s+been|had\s+been)\s+(?:jointly\s+|co-?)?(?:founded|established)\s+by\s+(?:the\s+)?",
                text[x.end - off : a.start - off]):
            k = next(j for j, (m, _) in enumerate(ents) if m is a)
            found += [(ex, "operator", e) for _, e in _run_from(ents, k, text, off, _JOINED_EN)
                      if e.type in ("Company", "Organization")]
    if carried is not None:
        lead = re.match(r"\s*(?:The|Its)\s+(?:project|center|centre|facility)?(?:['’]s)?\s*" + roles
                        + r"(?:,\s*|\s+(?:is|was)\s+)(?:the\s+)?", text, re.IGNORECASE)
        agent = next((e for m, e in ents if lead is not None and m.start - off == lead.end()), None)
        if agent is not None and agent.type in ("Company", "Organization"):
            found.append((carried, "operator", agent))
    return found


# 作为A在P布局的三大数据中心之一,X… / X是A建设的首批智算中心之一: X is one of the company's own, so A runs it
_ONE_OF_OWN_ZH = re.compile(r"(?:在[^，,。；;、]{1,12}?)?(?:布局|建设|打造|投资|运营|部署|自建)(?:建设|运营)?的[^，,。；;“”\"]{0,16}?"
                            r"(?:数据中心|智算中心|算力中心|计算中心|中心|基地|园区|集群)之一")


def _one_of_its_own(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """A company named as the builder of a set the thing is "one of" (之一) runs the thing: the thing is the
    subject after the 作为 phrase's comma, or the one right before 是."""
    found = []
    for i, (c, ec) in enumerate(ents):
        if ec.type != "Company" or (own := _ONE_OF_OWN_ZH.match(text, c.end - off)) is None:
            continue
        if re.search(r"作为\s*$", text[: c.start - off]):
            after = re.match(r"\s*[,，]\s*(?:该|这个|这座|此)?", text[own.end() :])
            thing = next((e for m, e in ents[i + 1 :] if after is not None and m.start - off == own.end() + after.end()), None)
        elif i > 0 and re.fullmatch(r"\s*(?:也|还|则|已)?(?:是|为|成为)\s*", text[ents[i - 1][0].end - off : c.start - off]):
            thing = ents[i - 1][1]
        else:
            continue
        if thing is not None and thing.type in INFRASTRUCTURE:
            found.append((thing, "operator", ec))
    return found


_THIS_IS = re.compile(r"(?:[^。；;!！?？]{0,40}?[，,]\s*(?:这|此|它|该中心|该项目)(?:也|还)?|\s*(?:也|还|则|已)?)(?:是|为|成为)\s*$")
_ITS_NTH = re.compile(r"\s*的?(?:第一个|首个|首家|首座|唯一一个|唯一的|唯一|又一个|另一个|第[一二三四五六七八九十\d]+个)")


def _first_of_park(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X建成投用,这是P第一个投产的数据中心; X是P首个智算中心: one of a park's centers, counted among them, lies in it."""
    return [(ea, "located_in", eb) for (a, ea), (b, eb) in zip(ents, ents[1:], strict=False)
            if ea.type == "Center" and eb.type == "Park" and _THIS_IS.search(text, a.end - off, b.start - off)
            and _ITS_NTH.match(text, b.end - off)]


def _possessive_operators(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """China Mobile's Ulanqab Data Center, a data park of China Unicom: the owner operates it; Ulanqab's Jining Big
    Data Industrial Park lies in Ulanqab."""
    found = []
    for (a, ea), (b, eb) in zip(ents, ents[1:], strict=False):
        gap = text[a.end - off : b.start - off]
        if ea.type == "Company" and re.fullmatch(r"['’]s\s+", gap):
            found.append((eb, "operator", ea))
        elif ea.type in PLACES and eb.type in INFRASTRUCTURE and re.fullmatch(r"['’]s\s+(?:the\s+)?", gap):
            found.append((eb, "located_in", ea))
        elif ea.type in ("Center", "Park") and eb.type == "Company" and re.fullmatch(
                r"(?:,\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?:project|facility|base|campus))?\s+of\s+(?:the\s+)?", gap):
            found.append((ea, "operator", eb))  # a data park of China Unicom, X, a key project of China Telecom
    return found


def _carriers(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """X…以A、B、C为主要载体: the parks or centers listed are parts of X, the cluster or park the clause is about
    (its first one named before 以)."""
    rel = lexicon()["relation"]
    found = []
    for m_by in re.finditer(r"以([^，,。；;]+?)为(?:主要|核心|重要)?(?:" + "|".join(rel["part_of_carrier_zh"]) + ")", text):
        clause_start = max(text.rfind(c, 0, m_by.start()) for c in "。；;!?！？") + 1
        whole = next((e for m, e in ents if clause_start <= m.start - off < m_by.start() and e.type in ("Cluster", "Park")), None)
        if whole is not None:
            found += [(e, "part_of", whole) for e in _list_items(ents, text, off, m_by.end(1))
                      if e.type in ("Center", "Park") and e.key != whole.key]
    return found


def _inclusions(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """W包括A、B和C / W共包含3个园区,分别为A、B、C: the parks, centers and clusters listed are parts of W (a hub,
    cluster or park); the districts a cluster includes are where it lies (芜湖集群包括鸠江区、弋江区两个起步区)."""
    rel = lexicon()["relation"]
    found: list[tuple[Entity, str, Entity]] = []
    cue = re.compile(r"(?:项目)?(?:目前|主要|共|还)?(?:" + "|".join(rel["part_of_include_zh"]) + r")了?[:：]?\s*"
                     r"(?:[0-9一二三四五六七八九十]+(?:个|大)[^，,。；;、]{0,10}?[,，]\s*分别(?:位于|为|是)[:：]?\s*)?"
                     r"|\s+(?:(?:now|also|mainly)\s+)?(?:" + "|".join(rel["part_of_include_en"]) + r")(?::|\s+such\s+as)?\s+(?:the\s+)?")
    for w, ew in ents:
        if ew.type not in ("Hub", "Cluster", "Park"):
            continue
        lead = cue.match(text, w.end - off)
        k = next((j for j, (m, _) in enumerate(ents) if lead is not None and m.start - off >= lead.end()), len(ents))
        if lead is None or k == len(ents) or ents[k][0].start - off != lead.end():
            continue
        while True:
            item = _run_end(ents, ents[k][0]) if ents[k][1].type in PLACES else ents[k][0]
            e = item.entity
            if e is not None and e.type in ("Center", "Park", "Cluster") and e.key != ew.key:
                found.append((e, "part_of", ew))
            elif e is not None and e.type in PLACES and ew.type == "Cluster":
                found.append((ew, "located_in", e))
            k = next((j for j, (m, _) in enumerate(ents) if m.start >= item.end), len(ents))
            if k == len(ents) or not re.fullmatch(r"\s*(?:、|和|及|以及|与|,|,?\s*and)\s*(?:the\s+)?",
                                                  text[item.end - off : ents[k][0].start - off]):
                break
    return found


# 将X(作为…,)纳入Y枢纽(节点)(…)整体布局 / X被列入Y集群建设范围: X is put into the hub's (or cluster's) own plan
_INTO_ZH = re.compile(r"(?:纳入|列入)[“\"]?")
_INTO_TAIL_ZH = re.compile(r"[”\"]?(?:节点)?(?:[（(][^）)，,。]{1,6}[）)])?(?:[^，,。；;]{0,12}?(?:布局|规划|范围|版图))?"
                           r"\s*(?:[，,。；;]|$)")


def _into_layout(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """A place, site or cluster put into a hub's or a cluster's layout is part of it: what 将 names before the verb,
    else the name right before (被)纳入. The hub may follow the network it belongs to (纳入全国一体化算力网络成渝枢纽节点)."""
    found = []
    for cue in _INTO_ZH.finditer(text):
        k = next((k for k, (m, _) in enumerate(ents) if m.start - off >= cue.end()), None)
        if k is not None and ents[k][1].type == "Initiative" and ents[k][0].start - off == cue.end() and k + 1 < len(ents) \
                and ents[k + 1][0].start == ents[k][0].end:
            k += 1  # 全国一体化算力网络 + 成渝枢纽
        elif k is not None and ents[k][0].start - off != cue.end():
            continue
        if k is None or ents[k][1].type not in ("Hub", "Cluster") or not _INTO_TAIL_ZH.match(text, ents[k][0].end - off):
            continue
        whole = ents[k][1]
        before = text[: cue.start()]
        subject = None
        if verb := list(re.finditer(r"将", before)):
            # 将X(作为…城市,)纳入…: the name right after the last 将 of the sentence (将算力设施纳入: no name, nothing)
            subject = next((e for m, e in ents if m.start - off == verb[-1].end()), None)
        else:
            subject = next((e for m, e in reversed(ents) if m.end - off <= cue.start() and re.fullmatch(
                r"\s*(?:也|还|已|已经|先后|正式|成功|均)*(?:被)?(?:正式|成功)?", text[m.end - off : cue.start()])), None)
        allowed = ("City", "District", "Park", "Center", "Cluster") if whole.type == "Hub" else ("District", "Park", "Center")
        if subject is not None and subject.type in allowed and subject.key != whole.key:
            found.append((subject, "part_of", whole))
    return found


def _copula_part_of(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """成都智算中心是天府集群的重要项目 / A、B是C的重要组成部分 / X is the core of the Y hub: X is part of Y.

    Y is the name right before the noun; X the name right before 是 (a hub named on the way, 甘肃枢纽节点庆阳集群,
    is part of how Y is written), with the names listed before it.
    """
    rel = lexicon()["relation"]
    found = []
    for j, (b, eb) in enumerate(ents):
        rest = text[b.end - off : b.end - off + 24]
        # a short modifier and a kind may come before the noun (Y集群首个投运的智算项目)
        if not re.match(r"(?:内|中)?的?(?:建设|发展)?的?(?:重要|核心|主要|重点|重大|标志性|示范|样板|首个|首批|龙头|旗舰|唯一的|唯一)?"
                        r"(?:[^，,。；;的]{1,6}的)?(?:智算|算力|数据中心|大数据|超算)?(?:要素)?"
                        r"(?:支撑|配套|骨干)?(?:"
                        + "|".join(rel["part_of_copula_zh"]) + ")", rest):
            continue
        for i in range(j - 1, -1, -1):
            a, ea = ents[i]
            if re.fullmatch(r"[,，]?\s*(?:[（(][^）)]{0,16}[）)])?\s*(?:将|已|也|还)?(?:是|为|作为|成为)[^，,。；;]{0,24}",
                            text[a.end - off : b.start - off]):
                found += [(e, "part_of", eb) for e in (*_listed_before(ents, i, text, off), ea)]
                if eb.type == "Park" and re.match(r"(?:内|中)?的?(?:核心|重要|主要)?(?:区域|片区|核心区)", rest):
                    # 庙滩园区作为张北开发区的核心区域: an area of a zone lies in the zone too
                    found += [(e, "located_in", eb) for e in (*_listed_before(ents, i, text, off), ea) if e.type == "Park"]
                break
        else:
            # 作为Y的重要构成,(近年来,)X…: the clause's subject after the comma is the part
            if re.fullmatch(r"\s*作为[^，,。；;]{0,24}", text[: b.start - off]) and (
                    comma := re.search(r"[,，]", text[b.end - off :])) is not None:
                after = b.end - off + comma.end()
                lead = OPENING.match(text, after)
                k = next((k for k, (m, _) in enumerate(ents) if m.start - off >= after), None)
                if k is not None and lead is not None and ents[k][1].type == "Initiative" and ents[k][0].start - off == \
                        lead.end() and k + 1 < len(ents) and re.fullmatch(
                        r"[”\"]?", text[ents[k][0].end - off : ents[k + 1][0].start - off]):
                    lead, k = re.compile(r"[”\"]?").match(text, ents[k][0].end - off), k + 1  # “东数西算”X项目: a label
                if k is not None and lead is not None and ents[k][0].start - off == lead.end():
                    found.append((ents[k][1], "part_of", eb))
                    # 作为Y的核心项目,A与B…: each thing listed with the subject is one of Y's too
                    found += [(e, "part_of", eb) for m, e in _run_from(ents, k, text, off, r"\s*(?:、|和|与|及|以及)\s*")[1:]
                              if e.type in ("Center", "Park", "Cluster") and e.key != eb.key]
            # X于1月启动建设,…,是Y的重要项目: a clause of 是 with no name of its own goes on about the sentence's opening X
            elif (clause := re.search(r"[,，]\s*(?:也|还|更|将)?(?:是|为|成为)[^，,。；;]{0,24}$", text[: b.start - off])) and (
                    lead := OPENING.match(text)) is not None and ents[0][0].start - off == lead.end() and (
                    ents[0][1].type in ("Center", "Park", "Cluster") and ents[0][1].key != eb.key) and not any(
                    clause.start() <= m.start - off < b.start - off for m, _ in ents):
                found.append((ents[0][1], "part_of", eb))
            # …共建的X正式投运,将成为Y的重要节点: the thing the clause before ends on, as what happens to it, goes on
            elif (clause := re.search(r"[,，]\s*(?:也|还|更|将)?(?:是|为|成为)[^，,。；;]{0,24}$", text[: b.start - off])) and (
                    last := next(((m, e) for m, e in reversed(ents) if m.end - off <= clause.start()), None)) is not None \
                    and last[1].type in ("Center", "Park") and last[1].key != eb.key and re.fullmatch(
                        r"(?:正式|已|已经|顺利|全面)?(?:投运|投产|投用|启用|开工|揭牌|上线|落成|建成|点亮|开园|运营)(?:了)?",
                        text[last[0].end - off : clause.start()]):
                found.append((last[1], "part_of", eb))
    return found


def _listed_before(ents: list[tuple[Mention, Entity]], index: int, text: str, off: int) -> list[Entity]:
    """The names listed right before the index-th one ("A、B和C": A and B for C); a place written right before
    a name only qualifies it (呼和浩特市和林格尔新区)."""
    listed: list[Entity] = []
    k = index
    while k > 0:
        gap = text[ents[k - 1][0].end - off : ents[k][0].start - off]
        if gap == "" and ents[k - 1][1].type in PLACES:
            k -= 1
            continue
        if not re.fullmatch(r"\s*(?:、|和|及|以及)\s*", gap):
            break
        listed.insert(0, ents[k - 1][1])
        k -= 1
    return listed


def _leading_place_zh(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """在B(,B2的岸边,B3),A正式开工: a location phrase opening the sentence, in one or a few short parts, places
    the first thing built named after it. Each part gives its most specific place; a province only when alone."""
    rel = lexicon()["relation"]
    lead = re.match(r"\s*(?:\d{1,2}月\d{1,2}日|近日|日前|今天|当天|目前)?[,，]?\s*(?:而|同时|此外)?在", text)
    if lead is None and ents and ents[0][1].type in PLACES | {"Park"} and OPENING.fullmatch(text[: ents[0][0].start - off]):
        # P园区内,X…: a place phrase with 内 and no 在 opens the sentence as well
        if re.match(r"(?:内|里|境内)\s*[,，]", text[_run_end(ents, ents[0][0]).end - off :]):
            lead = re.compile("").match(text, ents[0][0].start - off)  # the phrase begins at the place
    event = r"\s*(?:正式)?(?:" + "|".join(rel["located_in_event_zh"]) + ")"
    infra = next(((m, e) for m, e in ents if e.type in INFRASTRUCTURE and lead and m.start - off > lead.end()
                  and re.search(r"[,，]\s*$", text[: m.start - off]) and re.match(event, text[m.end - off :])), None)
    if lead is not None and infra is None:
        # no event word: only a phrase of nothing but place names (而在河南郑州,X…) places the name right after it
        run = [(m, e) for m, e in ents if m.start - off >= lead.end()]
        if run and run[0][0].start - off == lead.end() and run[0][1].type in PLACES | {"Park"}:
            last = _run_end(ents, run[0][0])
            after = next(((m, e) for m, e in run if m.start > last.end), None)
            # a short modifier may stand before the name (在P,占地500亩的X…: X, what the phrase is about)
            if after is not None and after[1].type in INFRASTRUCTURE and last.entity is not None and re.fullmatch(
                    r"(?:内|里|境内)?[,，]\s*(?:[^，,。；;、的]{1,20}的)?\s*[“\"]?", text[last.end - off : after[0].start - off]):
                return [(after[1], "located_in", last.entity)]
    if lead is None or infra is None:
        return []
    parts = re.fullmatch(r"((?:[^，,。；;]{1,16}[,，]){1,3})\s*", text[lead.end() : infra[0].start - off])
    if parts is None:
        return []
    places: list[Entity] = []
    for part in re.finditer(r"[^，,]+", parts.group(1)):
        inside = [e for m, e in ents if lead.end() + part.start() <= m.start - off and m.end - off <= lead.end() + part.end()
                  and e.type in PLACES | {"Park"}]
        if inside:
            places.append(inside[-1])
    if len(places) > 1:
        places = [p for p in places if p.type != "Province"]
    return [(infra[1], "located_in", p) for p in places]


def _leading_place_en(ents: list[tuple[Mention, Entity]], text: str, off: int) -> list[tuple[Entity, str, Entity]]:
    """In Wuhu, the Wuhu data center cluster … / Located in Wuhu, the …: a place phrase opening an English sentence."""
    lead = re.match(r"\s*(?:(?:Located|Situated|Based|Sited)\s+)?In\s+(?:the\s+)?", text, re.IGNORECASE)
    if lead is None or not ents or ents[0][0].start - off != lead.end() or ents[0][1].type not in PLACES | {"Park"}:
        return []
    # the most specific place of the phrase: "In Qingyang's Xifeng district, …" (Xifeng district)
    k = 0
    while k + 1 < len(ents) and ents[k + 1][1].type in PLACES | {"Park"} and re.fullmatch(
            r"(?:['’]s\s+(?:the\s+)?|\s+)", text[ents[k][0].end - off : ents[k + 1][0].start - off]):
        k += 1
    place, placed = ents[k]
    comma = text.find(",", place.end - off)
    if comma < 0 or comma - (place.end - off) > 1:
        return []
    after = [(m, e) for m, e in ents[k + 1 :] if m.start - off > comma]
    if after and re.fullmatch(r",\s*(?:the\s+)?", text[comma : after[0][0].start - off]) and after[0][1].type in INFRASTRUCTURE:
        return [(after[0][1], "located_in", placed)]
    return []



def implied_relations(mentions: list[Mention], doc_keys: set[str], explicit_location: set[str], stated: set[str],
                       first_sentence: dict[str, tuple[int, int]], original: str, gaz, folded: str = "") -> list[Fact]:
    """Relations a reader takes from names and reference data: 安康高新区 lies in 安康, a city in its province.

    A new name carries its place (中国移动(宁夏·中卫)数据中心 lies in 中卫), but not one named only in a comparison
    (继深圳云谷之后, "like Shenzhen's Cloud Valley"): that is no subject of the article.
    """
    out: list[Fact] = []
    seen: dict[str, Entity] = {}
    aside: dict[str, bool] = {}  # key → every mention is a comparison (继深圳云谷之后, 如…, like …)
    for m in mentions:
        if m.entity is not None:
            seen.setdefault(m.entity.key, m.entity)
            compared = bool(_IN_PASSING.search(original[max(0, m.start - 6) : m.start]))
            aside[m.entity.key] = aside.get(m.entity.key, True) and compared
    passing = {key for key, compared in aside.items() if compared}
    hub_named = bool(re.search(r"[枢樞][纽紐]|(?i:\bhubs?\b)", original))  # the evidence text keeps traditional script

    def fact(s: Entity, metric: str, o: Entity) -> Fact:
        start, end = first_sentence.get(s.key, (0, 0))
        return Fact(s, metric, None, None, o, "eq", "actual", None, None, original[start:end].strip(), start, end)

    for before, after in zip(mentions, mentions[1:], strict=False):  # 成都市双流区: a new district in the city before it
        if (after.source == "pattern" and after.entity is not None and after.entity.type == "District"
                and before.entity is not None and before.entity.type in ("City", "Province") and before.end == after.start):
            out.append(fact(after.entity, "located_in", before.entity))
    written_before = _places_written_before(mentions, gaz)
    out += [fact(thing, "located_in", place) for thing, place in written_before.values()]
    written: dict[str, set[str]] = {}  # how each thing is written on the page (a headline may give its owner in full)
    for m in mentions:
        if m.entity is not None and not m.anaphor and re.match(r"[\u4e00-\u9fff]", folded[m.start : m.end]):
            written.setdefault(m.entity.key, set()).add(folded[m.start : m.end])
    for entity in seen.values():
        owner = None
        if not entity.reference and entity.type in ("Center", "Park"):
            # 中国电信鄱阳湖智算中心, Apple's Gui'an Data Center; 某某数据集团某地算力产业园 where the name kept is 某某某地…
            owner = _owner_in_name(entity, gaz) or next(
                (o for zh in sorted(written.get(entity.key, ())) if zh != entity.zh
                 and (o := _owner_in_name(replace(entity, zh=zh, en=""), gaz)) is not None), None)
        if owner is not None:
            out.append(fact(entity, "operator", owner))
        if (not entity.reference and entity.type in ("Center", "Park", "District") and entity.key not in explicit_location
                and entity.key not in passing):
            place = _place_in_name(entity, gaz) or _page_place_in_name(entity, seen.values())
            # a province alone in a name is the region served or the branch's (中国移动(某省)数据中心, 某银行某省数据中心),
            # no site: a city or district in the name places it, a municipality being a city
            if place is not None and entity.key not in written_before and place.key != entity.key \
                    and not (entity.zh is None and _elsewhere(place, doc_keys, gaz)) and not _whole_province(place):
                out.append(fact(entity, "located_in", place))
        if entity.type == "Center" and entity.key not in passing:
            out += [fact(entity, "member_of", group) for group in _named_sets(entity, gaz, folded)]
        if entity.reference:
            for relation, other_key in entity.links:
                other = gaz.entities.get(other_key)
                if other is None:
                    continue
                if relation == "located_in" and entity.type == "City":
                    continue  # a city lies in its province where the text says so: read below
                if relation == "located_in" and entity.type == "District" and (
                        other_key in doc_keys if other.type == "Province" else _written(other, folded)):
                    # a district lies in a city the text names (山东聊城市东阿县开发区 names 聊城 too); a new area given
                    # its province, in the province named as a place (not 某省枢纽, 某省日报)
                    out.append(fact(entity, relation, other))
                elif relation == "part_of" and (other_key in doc_keys or (entity.type == "Cluster" and hub_named)):
                    out.append(fact(entity, relation, other))  # 内蒙古…建设国家枢纽节点,规划设立和林格尔集群
                elif relation in ("operator", "located_in") and entity.type in ("Center", "Park") \
                        and (other_key in doc_keys or (other.zh and other.zh in (entity.zh or ""))):
                    # a known system's runner or site, when the page or the system's own name names it
                    out.append(fact(entity, relation, other))
    things = [e for e in seen.values() if e.type in ("Center", "Park") and e.key not in passing]
    for company in (e for e in seen.values() if e.type == "Company"):  # 成都智算中心运营有限公司 runs 成都智算中心
        out += [fact(thing, "operator", company) for thing in things if _namesake(company, thing)]
    out += [Fact(s, metric, None, None, o, "eq", "actual", None, None, original[a:b].strip(), a, b)
            for s, metric, o, a, b in [(s, "located_in", o, a, b) for s, o, a, b in _table_locations(mentions, folded)]
            + _fields(mentions, folded)]
    for city, province, at in _cities_in_provinces(folded, [e for e in seen.values() if e.type == "City"], gaz):
        start, end = next(((a, b) for a, b in split_sentences(folded) if a <= at < b), (0, 0))
        out.append(Fact(city, "located_in", None, None, province, "eq", "actual", None, None,
                        original[start:end].strip(), start, end))
    return out


def _places_written_before(mentions: list[Mention], gaz) -> dict[str, tuple[Entity, Entity]]:
    """A place written right before a new center's or park's name is where it lies (某市某区大数据产业园,
    在安远县江西云启智算中心项目现场), unless the name carries a place of its own as specific (宁夏中卫工业园区 lies in
    中卫, said by its name). Chinese only: in English a space keeps the two mentions apart."""
    found: dict[str, tuple[Entity, Entity]] = {}
    for before, after in zip(mentions, mentions[1:], strict=False):
        place, thing = before.entity, after.entity
        if (place is None or thing is None or before.end != after.start or place.type not in PLACES
                or thing.type not in ("Center", "Park") or thing.reference or thing.key in found):
            continue
        own = _place_in_name(thing, gaz)
        if own is None or own.type == "Province" and place.type != "Province":
            found[thing.key] = (thing, place)
    return found


def _namesake(company: Entity, thing: Entity) -> bool:
    """Whether a company is named after the center or park it was set up to run: the thing's whole name and a company
    word (苏州市超级计算中心有限公司, X运营有限公司, "X Co., Ltd.")."""
    zh = bool(company.zh and thing.zh and company.zh.startswith(thing.zh) and re.fullmatch(
        r"(?:运营|运营管理|管理|建设|建设运营|投资|发展)?(?:有限公司|有限责任公司|股份有限公司)", company.zh[len(thing.zh) :]))
    zh = zh or _namesake_by_stem(company.zh or "", thing.zh or "")
    en = company.en.lower().startswith(thing.en.lower()) and bool(re.fullmatch(
        r"\s*(?:operation|operations|management|development)?\s*(?:co\.?,?\s*ltd\.?|company(?:\s+limited)?|co\.|ltd\.?|limited)",
        company.en[len(thing.en) :], re.IGNORECASE))
    return zh or en


def _namesake_by_stem(company: str, thing: str) -> bool:
    """某某云针智算中心 and 某某云针智算科技有限公司: the firm bears the thing's own part (its name without the kind of
    thing it is), then only words of the field and of a firm's business. The own part must say more than a place (吉林
    智算中心 and 吉林智算科技有限公司 share only their province)."""
    kinds = sorted((s["zh"] for s in lexicon()["suffix"] if s["type"] in ("Center", "Park")), key=len, reverse=True)
    kind = next((k for k in kinds if thing.endswith(k) and len(thing) > len(k)), None)
    if kind is None:
        return False
    stem = thing[: -len(kind)]
    lead = _leading_place_word().match(stem)
    own = stem[lead.end() :] if lead else stem
    rel = lexicon()["relation"]
    field = "|".join(sorted(rel["namesake_field_zh"], key=len, reverse=True))
    if len(own) < 2 or re.fullmatch(r"(?:" + field + r")+", own) or not company.startswith(stem):
        return False
    business = "|".join(sorted(rel["namesake_business_zh"], key=len, reverse=True))
    return bool(re.fullmatch(r"(?:" + field + r")?(?:" + business + r")*(?:有限公司|有限责任公司|股份有限公司)", company[len(stem) :]))


def _named_sets(entity: Entity, gaz, folded: str) -> list[Entity]:
    """The sets a center's name puts it in (国家超级计算长沙中心 is one of the national supercomputing centers), on a
    page that speaks of the set and of no center still applying to join it."""
    return [gaz.entities.get(s["key"]) or Entity(s["key"], "Initiative", s["zh"], s["en"])
            for s in lexicon()["relation"]["named_set"] if entity.zh and re.match(s["member_zh"], entity.zh)
            and re.search(s["page"], folded) and not re.search(s["not_yet"], folded)]


_CELL = re.compile(r"[^|\n]+")


def _table_locations(mentions: list[Mention], folded: str) -> list[tuple[Entity, Entity, int, int]]:
    """A table of projects with a column of places (名称 | 所在地 | 状态): each row's project lies in its row's place.

    The header is the run of short cells naming no entity that holds both a name and a place header; rows are read
    in groups of as many cells, and reading stops at the first row whose place cell is not one place name (the table
    ended or its cells are not where they should be). A row whose name cell names no one project is skipped.
    """
    rel = lexicon()["relation"]
    names, places = set(rel["table_name_header"]), set(rel["table_place_header"])
    found: list[tuple[Entity, Entity, int, int]] = []
    cells = [(c.start() + len(c.group(0)) - len(c.group(0).lstrip()), c.end() - len(c.group(0)) + len(c.group(0).rstrip()))
             for c in _CELL.finditer(folded) if c.group(0).strip()]
    if len(cells) < 4 or "|" not in folded:
        return found

    def inside(a: int, b: int) -> list[Mention]:
        return [m for m in mentions if m.entity is not None and a <= m.start and m.end <= b]

    for k, (a, b) in enumerate(cells):
        if folded[a:b].lower() not in places or "|" not in folded[max(0, a - 3) : b + 3]:
            continue
        start = k  # back to the header's first cell: short, no entity, its text after the sentence before
        while start > 0 and _header_cell(folded, *cells[start - 1], inside):
            start -= 1
        first = re.split(r"[。！？!?]\s*", folded[cells[start][0] : cells[start][1]])[-1].strip().lower()
        header = [first] + [folded[x:y].lower() for x, y in cells[start + 1 :]]
        n = next((i for i, (x, y) in enumerate(cells[start:], start=0) if i > 0 and not _header_cell(folded, x, y, inside)), 0)
        header = header[:n]
        if not any(h in names for h in header):
            continue
        i_name = next(i for i, h in enumerate(header) if h in names)
        i_place = k - start
        row = start + n
        while row + n <= len(cells):
            pa, pb = cells[row + i_place]
            place = [m for m in inside(pa, pb) if m.start == pa and m.end == pb]
            if not place or place[0].entity is None or place[0].entity.type not in PLACES:
                break
            things = [m for m in inside(*cells[row + i_name]) if m.entity is not None and m.entity.type in ("Center", "Park")]
            if len({m.entity.key for m in things if m.entity is not None}) == 1 and things[0].entity is not None:
                found.append((things[0].entity, place[0].entity, cells[row][0], cells[row + n - 1][1]))
            row += n
    return found


def _fields(mentions: list[Mention], folded: str) -> list[tuple[Entity, str, Entity, int, int]]:
    """A project's facts given as fields (项目名称:X;建设地点:Y;建设单位:Z, "Project name: X"): the fields after
    the name, up to the next name field, place X and name who builds or runs it."""
    rel = lexicon()["relation"]
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    names = re.compile(r"(?:^|(?<=[\s;；。,，]))(?:" + alt(rel["field_name"]) + r")\s*[:：]\s*", re.IGNORECASE | re.MULTILINE)
    field = re.compile(r"(?:^|(?<=[\s;；。,，]))(?:(?P<place>" + alt(rel["field_place"]) + r")|(?P<role>"
                       + alt(rel["operator_role_zh"] + rel["operator_role_en"]) + r"))\s*[:：]\s*", re.IGNORECASE | re.MULTILINE)
    ents = [(m, m.entity) for m in mentions if m.entity is not None]
    found: list[tuple[Entity, str, Entity, int, int]] = []
    heads = list(names.finditer(folded))
    for k, head in enumerate(heads):
        x = next((e for m, e in ents if m.start == head.end() and e.type in ("Center", "Park")), None)
        if x is None:
            continue
        end = min(heads[k + 1].start() if k + 1 < len(heads) else len(folded), head.end() + 400)
        for f in field.finditer(folded, head.end(), end):
            first = next(((m, e) for m, e in ents if m.start == f.end()), None)
            if first is None:
                continue
            if f.group("place") and first[1].type in PLACES | {"Park"}:
                found += [(x, "located_in", p, head.start(), _run_end(ents, first[0]).end) for p in _places_of_run(ents, first[0])]
            elif f.group("role") and first[1].type in ("Company", "Organization"):
                found.append((x, "operator", first[1], head.start(), first[0].end))
    return found


def _header_cell(folded: str, a: int, b: int, inside) -> bool:
    """Whether a cell may be a header: short, no figure and no entity in it (智算中心, 所在地, 运营状态)."""
    text = re.split(r"[。！？!?]\s*", folded[a:b])[-1].strip()
    return 0 < len(text) <= 12 and not re.search(r"\d", text) and not inside(b - len(text), b)


def _whole_province(place: Entity) -> bool:
    """Whether a place is a whole province (省, 自治区): 北京 or 重庆 is a city as well."""
    return place.type == "Province" and any(a.endswith(("省", "自治区")) for a in place.aliases)


def _page_place_in_name(entity: Entity, seen) -> Entity | None:
    """A district the page names that a new name opens with without its suffix
    (武昌区 on the page, 武昌智算中心 a name of it): the name carries that district."""
    if not entity.zh or entity.type == "District":
        return None
    # an owner may open the name before the place (中国电信武昌智算中心)
    owner = _owner_in_name(entity, gazetteer())
    name = entity.zh[len(owner.zh):] if owner is not None and owner.zh and entity.zh.startswith(owner.zh) else entity.zh
    for place in seen:
        # a district, or a zone of a free-trade or new area by its 片区 (南沙片区, a park by type)
        district = place.type == "District" and not _is_zone(place)  # 高新区: no place
        if (district or place.type == "Park" and (place.zh or "").endswith("片区")) and place.zh and len(place.zh) >= 3:
            stem = re.sub(r"(?:新片区|片区|新区|区|县|市|旗)$", "", place.zh)
            if len(stem) >= 2 and name.startswith(stem) and not name.startswith(place.zh):
                return place
    return None


def _cities_in_provinces(folded: str, cities: list[Entity], gaz) -> list[tuple[Entity, Entity, int]]:
    """Cities the text places in their province, with where it does: written together (甘肃庆阳, 河北省张家口市,
    also inside a name), "Qingyang, Gansu", "Gansu's Qingyang", "Qingyang, a city in northwest China's Gansu",
    "Ankang … in southern Shaanxi" in one sentence. Both merely named on the page, or a dateline (GUIYANG, April 26
    (Xinhua) --), place nothing."""
    found: dict[str, tuple[Entity, Entity, int]] = {}
    for m in _province_city_zh().finditer(folded):
        city = gaz.entities.get(gaz.zh_surfaces.get(m.group(2)) or "") or _places_by_label().get(m.group(2))
        province = gaz.entities.get(gaz.zh_surfaces.get(m.group(1)) or "")
        if city is not None and province is not None and city.type == "City" and ("located_in", province.key) in city.links:
            found.setdefault(city.key, (city, province, m.start()))
        elif city is not None and province is not None and city.type == "District" and any(
                ("located_in", province.key) in gaz.entities[k].links for r, k in city.links
                if r == "located_in" and k in gaz.entities):
            found.setdefault(city.key, (city, province, m.start()))  # 内蒙古和林格尔新区: the new area, in its province
    for city in cities:
        province = next((gaz.entities.get(k) for r, k in city.links if r == "located_in"), None)
        if city.key in found or province is None or province.type != "Province":
            continue
        c, p = _en_forms(city), _en_forms(province)
        if not c or not p:
            continue
        said = re.search(r"\b(?:" + c + r")\b(?!(?-i:,?\s*(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}\b|\d{1,2}\s*\()))(?:\s+city)?"
                      r"(?:,\s*|[^.;!?\n]{0,120}?\b(?:in|of)\s+(?:the\s+)?)(?:" + DIRECTION + r")?(?:China['’]s\s+)?(?:"
                      + DIRECTION + r")?(?:" + p + r")\b|\b(?:" + p + r")(?:\s+[a-z]+){0,3}?['’]s\s+(?:[a-z]+\s+){0,2}?(?:" + c + r")\b",
                      folded, re.IGNORECASE)
        if said is not None:
            found[city.key] = (city, province, said.start())
    return list(found.values())


@cache
def _en_forms(place: Entity) -> str:
    """A place's English name and spellings as one pattern (Ulanqab, Ulaanqab)."""
    gaz = gazetteer()
    forms = {place.en.lower(), *(s for s, k in gaz.en_surfaces.items() if k == place.key)}
    forms = {re.sub(r"\s+(?:city|province)$", "", f) for f in forms if f.isascii()}
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


@cache
def _province_city_zh() -> re.Pattern[str]:
    """A province written right before a city (甘肃庆阳, 宁夏回族自治区中卫市, 甘肃·庆阳, 甘肃省会兰州) or a national new
    area (内蒙古和林格尔新区)."""
    gaz = gazetteer()
    provinces = {w for w, k in gaz.zh_surfaces.items() if gaz.entities[k].type == "Province"}
    cities = {w for w, k in gaz.zh_surfaces.items() if gaz.entities[k].type == "City"
              or gaz.entities[k].type == "District" and gaz.entities[k].reference and w.endswith("新区")}
    cities |= {w for w, e in _places_by_label().items() if e.type == "City"}
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))  # noqa: E731
    return re.compile(r"(" + alt(provinces) + r")(?:[·・\s]|的?(?:省会|首府))?(" + alt(cities) + r")")


def _elsewhere(place: Entity, doc_keys: set[str], gaz) -> bool:
    """Whether a place read from an English name lies in a province the page does not name while it names another
    (Jining the Shandong city on a page about Inner Mongolia, whose Jining is a district: the same word)."""
    provinces = {k for k in doc_keys if (e := gaz.entities.get(k)) is not None and e.type == "Province"}
    own = {other for relation, other in place.links if relation == "located_in"}
    return bool(provinces) and bool(own) and not (own & provinces) and place.key not in doc_keys


def _written(place: Entity, folded: str) -> bool:
    """Whether a place's name is written in the text, also inside another name (山东聊城市东阿县开发区)."""
    return bool(place.zh and place.zh in folded) or bool(place.en and re.search(r"\b" + re.escape(place.en) + r"\b", folded))


def _owner_in_name(entity: Entity, gaz) -> Entity | None:
    """The company a new center's or park's name opens with (中国移动(甘肃·庆阳)数据中心, GDS Ulanqab Data Center)."""
    candidates: list[str] = []
    if entity.zh:  # at the start or after a place: 中国移动(甘肃·庆阳)数据中心, 贵安华为云数据中心
        zh = entity.zh
        lead = _leading_place_word().match(zh)
        starts = [0] + ([lead.end()] if lead else [])
        inside = _inside_words(zh)
        candidates = [gaz.zh_surfaces.get(zh[i : i + n], "") for i in starts for n in range(min(len(zh) - i - 2, 12), 1, -1)
                      if i + n not in inside]
    words = entity.en.split()
    candidates += [gaz.en_surfaces.get(" ".join(words[:n]).lower(), "") for n in range(min(len(words) - 1, 5), 0, -1)]
    for key in candidates:
        owner = gaz.entities.get(key) if key else None
        if owner is not None and owner.type in ("Company", "Organization"):
            return owner
    return None


def _inside_words(zh: str) -> set[int]:
    """Positions of a name that fall inside one of jieba's words (北京京东方…: inside 京东方, so 京东 is no owner);
    a name suffix (秦淮数据中心: 数据中心) does not count, a company may end where it begins."""
    suffixes = {s["zh"] for s in lexicon()["suffix"]}
    inside: set[int] = set()
    at = 0
    for word in plain_words(zh):
        if word not in suffixes:
            inside.update(range(at + 1, at + len(word)))
        at += len(word)
    return inside


_PLACE_RANK = {"District": 3, "City": 2, "Province": 1}
_IN_PASSING = re.compile(r"(?:[继繼]|如同|如|像|比如|例如|[类類]似于?|[对對][标標]|[学學][习習]"
                         r"|\blike\s+(?:the\s+)?|\bafter\s+(?:the\s+)?)$")


@cache
def _places_by_label() -> dict[str, Entity]:
    """Places by their bare Chinese label, also those matched in running text only with 市 (安康市: 安康 is a word too)."""
    return {e.zh: e for e in gazetteer().entities.values() if e.type in _PLACE_RANK and e.zh}


@cache
def _leading_place_word() -> re.Pattern[str]:
    """A place's Chinese name or short form (贵安, 呼和浩特市) at the start of a text."""
    gaz = gazetteer()
    words = set(_places_by_label()) | {w for w, k in gaz.zh_surfaces.items() if gaz.entities[k].type in _PLACE_RANK}
    # longest first, and words of one length in one order in every process: the fork server's cached pattern
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))


_BRANCH_OF_ZH = re.compile(r"(.{2,}?(?:中心|研究院|实验室))(?!分中心).+?分(?:中心|院)$")


def _place_in_name(entity: Entity, gaz) -> Entity | None:
    """The most specific place a new name carries: 中国移动(宁夏·中卫)数据中心 → 中卫, GDS Ulanqab Data Center → Ulanqab.

    A district beats a city, a city a province; among equals the last one written (宁夏中卫 → 中卫). A branch named
    after its parent (国家超算长沙中心湘潭分中心) lies where its own part says, never where the parent's name does.
    """
    found: list[tuple[int, int, Entity]] = []
    zh = entity.zh or ""
    branch = _BRANCH_OF_ZH.match(zh)
    i = branch.end(1) if branch else 0
    while i < len(zh):
        for length in range(min(len(zh) - i, 8), 1, -1):
            part = zh[i : i + length]
            key = gaz.zh_surfaces.get(part)
            place = gaz.entities.get(key) if key else _places_by_label().get(part)
            if place is not None and place.key != entity.key and (place.type in _PLACE_RANK or place.type == "Company"):
                if place.type in _PLACE_RANK:
                    found.append((_PLACE_RANK[place.type], i, place))
                i += length - 1
                break
        i += 1
    if not zh:
        words = re.findall(r"[A-Za-z'’-]+", entity.en)
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                key = gaz.en_surfaces.get(" ".join(words[k : k + n]).lower())
                place = gaz.entities.get(key) if key else None
                if place is not None and place.type in _PLACE_RANK:
                    found.append((_PLACE_RANK[place.type], k, place))
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None



def whole_places(facts: list[Fact]) -> list[Fact]:
    """A phase the text places (X一期项目开工活动在Y区举行) places its project: a phase is built on the project's
    site, and a reader asks where the project is. The place moves to the project (the phase is part of it), unless
    the project is placed elsewhere in a place of the same kind (二期 in another district): then the phase keeps it."""
    wholes = {f.subject.key: f.object for f in facts if f.metric == "part_of" and f.object is not None
              and f.subject.key.startswith(f.object.key + "-phase")}
    placed = {(f.subject.key, f.object.type): f.object.key for f in facts if f.metric == "located_in" and f.object is not None
              and f.subject.key not in wholes}
    out = []
    for f in facts:
        whole = wholes.get(f.subject.key)
        if f.metric == "located_in" and whole is not None and f.object is not None and placed.get(
                (whole.key, f.object.type), f.object.key) == f.object.key and _types_ok("located_in", whole, f.object):
            f = Fact(whole, "located_in", None, None, f.object, "eq", "actual", None, None, f.evidence, f.start, f.end)
        out.append(f)
    return out
