"""Planning: an understood question becomes SPARQL over the summary graph, checked before it runs.

User text reaches SPARQL only as RDF terms built by rdflib, in a VALUES block; every query is
parsed and checked against the ontology (`check`). `plan(understanding, vocabulary)` is the door.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.graph.named import query_text
from kg.graph.namespace import SL
from kg.graph.rdf import RELATION_PROPERTY
from kg.qa.understand import AGENTS, SLNS, Understanding, Vocabulary

_EMPTY = ox.Store()  # check() parses a query against an empty store


# ------------------------------------------------------------------ building queries
def _values(bindings: dict[str, list[URIRef | Literal]]) -> str:
    """A VALUES block per variable, from rdflib terms only (never raw user text)."""
    blocks = []
    for name, terms in bindings.items():
        if terms:
            blocks.append(f"VALUES ?{name} {{ " + " ".join(t.n3() for t in terms) + " }")
    return "\n  ".join(blocks)


class QueryRejectedError(Exception):
    """A generated query failed its own check: never run."""


def checked(sparql: str) -> None:
    if errors := check(sparql):
        raise QueryRejectedError("; ".join(errors))


# Join order, measured on a 1M-triple graph with Oxigraph: for a handful of subjects the metric
# written as a constant lets the engine start from the subjects (10× faster); for a whole class
# the VALUES form is the fast one.
FEW_SUBJECTS = 20
# Beyond this many subjects a VALUES block makes the engine slower than reading every figure of
# the metric and keeping those in scope (`scope_sparql` then holds the restriction).
MANY_SUBJECTS = 200


def over_summary(sparql: str, graph: str | None) -> str:
    """The query read over the summary graph only (a FROM clause), where each distinct fact is one node.

    Reading the union of every document's graph costs what the documents cost: one entity's
    figures took 236 ms on a 1M-triple store against 0.5 ms in the summary graph.
    """
    if graph is None or not SAFE_IRI.fullmatch(graph):
        return sparql
    found = re.search(r"\b(WHERE\s*\{|ASK\s*\{)", sparql)
    if found is None:
        return sparql
    clause = f"FROM <{graph}> "
    if found.group(0).upper().startswith("ASK"):
        return f"{sparql[:found.start()]}ASK {clause}{{{sparql[found.end():]}"
    return f"{sparql[:found.start()]}{clause}{found.group(0)}{sparql[found.end():]}"


def inline_metric(sparql: str) -> str:
    """Write a single-valued metric binding as the constant it is."""
    m = re.search(r"\n\s*VALUES \?metric \{ (<[^<>\s]+>) \}", sparql)
    if m is None:
        return sparql
    return sparql.replace(m.group(0), "").replace("sl:metric ?metric ;", f"sl:metric {m.group(1)} ;")


SAFE_IRI = re.compile(r"[^<>\"{}|^`\\\s]+")


def subject_rows(rows: list[dict]) -> str:
    """The scope query's answer as one VALUES block (IRIs from the store, checked to be plain IRIs)."""
    cells = []
    for row in rows:
        subject, holder = row.get("subject", {}).get("value", ""), row.get("holder", row.get("subject", {})).get("value", "")
        if SAFE_IRI.fullmatch(subject) and SAFE_IRI.fullmatch(holder):
            cells.append(f"(<{subject}> <{holder}> {int(row.get('depth', {}).get('value', 0))})")
    return "VALUES (?subject ?holder ?depth) { " + " ".join(cells) + " }"


def check(sparql: str) -> list[str]:
    """Errors of a generated query: syntax, or ontology terms that do not exist."""
    errors = []
    try:
        _EMPTY.query(sparql)  # the parser of the engine that will run it, on an empty store
    except SyntaxError as exc:
        errors.append(f"syntax: {exc}")
    known = set(getattr(SL, "__annotations__", {}))
    for term in re.findall(r"sl:([A-Za-z_]+)|<" + re.escape(SLNS) + r"([A-Za-z_]+)>", sparql):
        name = term[0] or term[1]
        if name not in known:
            errors.append(f"unknown ontology term sl:{name}")
    return errors


def _bound_filters(u: Understanding) -> tuple[dict[str, list], list[str], list[str]]:
    """VALUES bindings, restrictions (kind, status) and the threshold filter of a question."""
    bindings: dict[str, list] = {}
    restrictions, filters = [], []
    if u.metric:
        bindings["metric"] = [SL[u.metric]]
    # kind and status as filters: as VALUES blocks they let the engine start from every figure of that
    # status instead of from the subjects in scope (400 ms against 3 ms on a 1M-triple store)
    if u.kind:
        restrictions.append(f"FILTER(?kind = {SL[u.kind].n3()})")
    if u.statuses:
        restrictions.append("FILTER(?status IN (" + ", ".join(SL[s].n3() for s in u.statuses) + "))")
    if u.comparator and u.threshold is not None:
        bindings["threshold"] = [Literal(u.threshold)]
        filters.append({
            "gt": "FILTER((?value > ?threshold || (?value = ?threshold && ?comparator = sl:gt)) "
                  "&& ?comparator NOT IN (sl:lt, sl:le))",
            "ge": "FILTER(?value >= ?threshold && ?comparator NOT IN (sl:lt, sl:le))",
            "lt": "FILTER((?value < ?threshold || (?value = ?threshold && ?comparator = sl:lt)) "
                  "&& ?comparator NOT IN (sl:gt, sl:ge))",
            "le": "FILTER(?value <= ?threshold && ?comparator NOT IN (sl:gt, sl:ge))",
            "eq": "FILTER(?value = ?threshold && ?comparator = sl:eq)",  # a place in a ranking: that very place
        }[u.comparator])
    return bindings, restrictions, filters


def _class_scope(cls: str) -> str:
    """Members of a class; a hub also through its clusters and their cities, a cluster through its city."""
    if cls == "Hub":
        return ("{ ?subject a sl:Hub . BIND(?subject AS ?holder) } UNION { ?subject (sl:partOf|sl:locatedIn)+ ?holder . "
                "?holder a sl:Hub } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject ; sl:partOf ?holder . ?subject a sl:City } "
                "BIND(0 AS ?depth)")
    if cls == "Cluster":
        return ("{ ?subject a sl:Cluster . BIND(?subject AS ?holder) } UNION { ?k a sl:Cluster ; sl:locatedIn ?subject . "
                "?subject a sl:City . BIND(?k AS ?holder) } BIND(0 AS ?depth)")
    return f"?subject a sl:{cls} . BIND(?subject AS ?holder) BIND(0 AS ?depth)"


def _entity_scope(iri: str, phases: Sequence[str] = ()) -> str:
    """An entity (depth 0) and what it contains: parts, places in it, the city of a cluster, and its phases known by
    name only ("…数据中心一期" with no stated part_of) (depth 1)."""
    e = URIRef(iri).n3()
    named = f"UNION {{ {_values({'subject': [URIRef(p) for p in phases]})} BIND(1 AS ?depth) }} " if phases else ""
    return (f"{{ BIND({e} AS ?subject) BIND(0 AS ?depth) }} UNION {{ ?subject (sl:partOf|sl:locatedIn)+ {e} . BIND(1 AS ?depth) }} "
            f"UNION {{ {e} a sl:Cluster ; sl:locatedIn ?subject . ?subject a sl:City . BIND(1 AS ?depth) }} {named}"
            f"BIND({e} AS ?holder)")


def _own_scope(iri: str) -> str:
    """A place itself and the cluster that bears its name (the figures the news states of 芜湖 are the Wuhu
    cluster's), not every center in it: for a place named inside a name the graph does not know."""
    e = URIRef(iri).n3()
    return (f"{{ BIND({e} AS ?subject) BIND(0 AS ?depth) }} UNION {{ ?subject a sl:Cluster ; sl:locatedIn {e} . "
            f"BIND(1 AS ?depth) }} BIND({e} AS ?holder)")


def _listed_scope(iris: list[str]) -> str:
    return f"{_values({'subject': [URIRef(i) for i in iris]})} BIND(?subject AS ?holder) BIND(0 AS ?depth)"


def _figures(bindings: dict[str, list], filters: list[str], *, ascending: bool = False) -> str:
    sparql = query_text("ask_figures").replace("#VALUES", _values(bindings)).replace("#FILTERS", "\n  ".join(filters))
    return sparql.replace("DESC(?value)", "?value") if ascending else sparql


def issued_query(merged: list[str]) -> str:
    """When the sources of these merged facts were published (a question "as of" a year)."""
    return query_text("ask_issued").replace("#VALUES", _values({"f": [URIRef(f) for f in merged]}))


def _scope_query(scope: str) -> str:
    return query_text("ask_scope").replace("#SCOPE", scope)


_REL_PROP = {code: "sl:" + str(prop)[len(SLNS):] for code, prop in RELATION_PROPERTY.items()}


@dataclass
class Plan:
    sparql: str
    shape: str  # value, list, relation, boolean, count, compare, aggregate
    interpretation: str
    scope: str | None = None  # a first query for ?subject ?holder ?depth; its rows fill #SUBJECTS of `sparql`
    known: str | None = None  # a yes/no over a threshold: the figures whatever their value, to tell "no" from "not known"
    added: tuple[str, ...] = ()  # a sum of named entities ("A和B合计"): each must have a figure, or there is no sum


def plan(u: Understanding, vocab: Vocabulary) -> Plan | None:
    """The query that answers an understood question, or None when nothing fits."""
    entities = [iri for _, iri in u.entities]
    bindings, restrictions, threshold = _bound_filters(u)
    filters = restrictions + threshold
    distinct = list(dict.fromkeys(entities))
    if u.yes_no and len(distinct) == 1 and u.cls and u.threshold is None and (
            u.one_of or not u.metric and u.relation in (None, "part_of", "member_of")):
        # "Is the Qingyang cluster one of the national clusters?", "X是否属于国家数据中心集群": is it one, or (a city,
        # a province: "宁夏是国家算力枢纽节点吗") does it host one
        if u.superlative or u.comparative:
            return None  # "是不是西北最大的智算中心": the largest of a region, which no class test tells
        e = URIRef(distinct[0]).n3()
        sparql = (f"PREFIX sl: <{SLNS}>\nASK {{ {{ {e} a sl:{u.cls} }} UNION "
                  f"{{ ?k a sl:{u.cls} ; sl:locatedIn {e} . {e} a ?place VALUES ?place {{ sl:City sl:Province }} }} }}")
        # the hubs and clusters are a closed list (the reference data holds them all): not one of them is a "no"; a
        # center or park the graph does not know in a place is no proof that there is none
        known = None if u.cls in _CLOSED else f"PREFIX sl: <{SLNS}>\nSELECT ?k WHERE {{ {e} a sl:{u.cls} BIND({e} AS ?k) }}"
        return Plan(sparql, "boolean", f"is {distinct[0]} a {u.cls}", known=known)
    if u.yes_no and len(entities) >= 2 and not u.metric and not u.relation:
        if u.cls in ("Center", "Park") and not any(vocab.types.get(e) == u.cls for e in distinct):
            return None  # "Was Xinjiang's first AI center in Karamay running?": a center the graph does not know, no "is X in Y"
        # "X是否入选Y名单": on a list or programme is membership; else "is X in Y"
        u.relation = "member_of" if vocab.types.get(entities[1]) == "Initiative" else "located_in"
    if u.unknown and not distinct and not (u.superlative or u.comparative or u.threshold is not None):
        return None  # "X園區裡有幾個資料中心", X unknown: not a list of every center's count
    if u.relation == "member_of" and (u.unknown or u.cls in ("Center", "Cluster", "Park")) \
            and all(vocab.types.get(e) in _PLACES for e in distinct):
        return None  # "宁夏哪些数据中心入选了X名单", X unknown to the graph: not every center of the place, nor its lists
    if u.relation in ("located_in", "part_of") and not u.yes_no \
            and any(vocab.types.get(e) in ("Center", "Cluster") for e in entities):
        # "which China Telecom facility is the X center in": the company only qualifies; X is asked about, also when a
        # place comes first ("在韶关的X数据中心落在哪个区")
        entities = sorted((e for e in entities if vocab.types.get(e) not in AGENTS),
                          key=lambda e: vocab.types.get(e) != "Center")
    if u.relation == "operator" and not u.yes_no and u.cls not in ("Center", "Park", "Cluster") \
            and any(vocab.types.get(e) in AGENTS for e in entities) \
            and any(vocab.types.get(e) in ("Center", "Park", "Cluster") for e in entities):
        # "Which China Telecom subsidiary runs the Lingang park": the company only says whose; the facility is asked about
        entities = sorted(entities, key=lambda e: vocab.types.get(e) not in ("Center", "Park", "Cluster"))
    if u.relation == "contains" and not u.yes_no:
        # "Which zones in Chengdu make up the Tianfu cluster": the group holds them; the place only qualifies the class
        entities = sorted(entities, key=lambda e: vocab.types.get(e) not in ("Hub", "Cluster", "Park"))
    if u.count and u.relation in ("operator", "partner") and entities and not u.yes_no and u.cls in AGENTS:
        if u.cls in COUNTED_BY and not u._members:  # a figure the sources state comes first, then the graph's (see ask)
            return Plan(_figures({"metric": [SL[COUNTED_BY[u.cls]]]}, restrictions), "value",
                        f"{COUNTED_BY[u.cls]} of {entities[0]}", _scope_query(_entity_scope(entities[0])))
        related = _relation_plan(u, vocab, entities)
        return Plan(related.sparql, "count", f"{related.interpretation}; counted")
    if u.yes_no and u.relation and len(distinct) < 2 and not u.metric:
        return None  # "X是不是建在稻田上": one thing's relation answers no yes/no (a list of where it is is no "yes")
    if u.relation in ("operator", "partner") and entities and entities[0] in u.itself:
        return None  # who runs a thing the graph does not know is not whom the place around its name partners
    if u.relation == "located_in" and u.unknown and u.cls in _PLACES:
        return None  # "In which district of Qingyang is the Jiayi park": where that park is, not Qingyang's districts
    if u.yes_no and u.relation and u.unknown and any(e in u.itself for e in entities[:2]):
        return None  # "X建在成都高新区吗": a zone the graph does not know; being in 成都 does not put X in it
    if u.relation and entities and (u.metric is None or u.relation in ("partner", "operator", "part_of")) \
            and u.threshold is None:
        prop = _REL_PROP.get(u.relation, "sl:partOf")
        if u.yes_no and len(entities) >= 2:
            if u.relation == "contains":  # "X是否包括Y": is Y in X
                entities = [entities[1], entities[0], *entities[2:]]
            path = "(sl:locatedIn|sl:partOf)+" if u.relation in ("located_in", "part_of", "contains") else prop
            pattern = f"?entity {path} ?other" if u.relation in ("located_in", "part_of", "member_of", "contains") \
                else f"{{ ?entity {path} ?other }} UNION {{ ?other {path} ?entity }}"  # "does Huawei run X" = "is X run by Huawei"
            sparql = (f"PREFIX sl: <{SLNS}>\nASK {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"{_values({'other': [URIRef(entities[1])]})} {pattern} }}")
            return Plan(sparql, "boolean", f"is {entities[0]} {u.relation} {entities[1]}",
                        known=_relation_known(u.relation, entities[:2], path, vocab))
        places = [e for e in distinct if vocab.types.get(e) in _PLACES]
        if u.relation == "member_of" and u.cls and len(distinct) == 2 and len(places) == 1:
            # "Which Ningxia data centers are on the green list": members of the list, only those in the place
            return _relation_plan(u, vocab, [e for e in distinct if e not in places], within=places[0])
        return _relation_plan(u, vocab, entities)
    if u.metric and (u.comparative or u.superlative) and len(distinct) >= 2 and u.threshold is None and not u.yes_no \
            and not (u.cls and u.cls in _GROUPS and u.superlative):
        # a choice among named entities: "Among A, B and C, which has the most racks?"
        direction = "most" if (u.comparative or u.superlative) == "max" else "least"
        return Plan(_figures(bindings, restrictions), "choose", f"which of {', '.join(distinct[:5])} has the {direction} {u.metric}"
                    + (f" ({u.kind})" if u.kind else ""), _scope_query(_listed_scope(distinct[:5])))
    if u.metric and u.comparative and len(distinct) >= 2 and u.threshold is None:
        direction = "more" if u.comparative == "max" else "less"
        return Plan(_figures(bindings, restrictions), "compare", f"which of {distinct[0]} and {distinct[1]} has {direction} {u.metric}"
                    + (f" ({u.kind})" if u.kind else ""), _scope_query(_listed_scope(distinct[:2])))
    named = [iri for iri in distinct if vocab.types.get(iri) not in _GROUPS]
    if u.metric and u.total and len(named) >= 2 and u.threshold is None and not (u.superlative or u.yes_no):
        # "the combined computing power of A and B": one figure each of the entities named (its total one, see ask)
        listed = {iri for pos, iri in u.entities if pos in u.peers}
        return Plan(_figures(bindings, restrictions), "aggregate", f"sum of {u.metric} over {', '.join(named[:5])}",
                    _scope_query(_listed_scope(named[:5])), added=tuple(i for i in named[:5] if i in listed))
    if u.metric and u.total and u.threshold is None and not u.superlative and not u.yes_no and u.cls \
            and COUNTED_BY.get(u.cls) != u.metric:  # "一共建成多少个数据中心": the class word is what is counted
        # "各集群的算力合计": a sum over the members; "宁夏一共有多少机架" asks Ningxia's own figure first (see ask)
        return _aggregate_plan(u, vocab, bindings, restrictions)
    if u.change and u.metric and entities:
        # one entity's two figures: of two years, two kinds, or as built and as planned (see ask)
        return Plan(_figures(bindings, restrictions), "change", f"change in {u.metric} of {entities[0]}",
                    _scope_query(_listed_scope(entities[:1])))
    phases = vocab.phases_of.get(entities[0], []) if entities else []
    if u.metric and u.total and len(set(entities)) == 1 and phases and not u.cls and u.threshold is None:
        # "两期一共多少机架": the whole's own stated figure, else its phases added (ask prefers the whole's)
        e = URIRef(entities[0]).n3()
        scope = (f"{{ BIND({e} AS ?subject) BIND(0 AS ?depth) }} UNION {{ {_values({'subject': [URIRef(p) for p in phases]})} "
                 f"BIND(1 AS ?depth) }} BIND({e} AS ?holder)")
        return Plan(_figures(bindings, restrictions), "aggregate", f"sum of {u.metric} over {', '.join(phases)}",
                    _scope_query(scope))
    if u.metric and entities and u.threshold is None and not (u.superlative and u.cls):
        scope = _own_scope(entities[0]) if entities[0] in u.itself else _entity_scope(entities[0], phases)
        return Plan(_figures(bindings, filters), "value", f"{u.metric} of {entities[0]}" + (f" ({u.kind})" if u.kind else "")
                    + (f", status {'/'.join(u.statuses)}" if u.statuses else ""), _scope_query(scope))
    if u.metric and u.cls and not (u.superlative or u.threshold is not None or u.listing or u.yes_no):
        return None  # "what will the national supercomputing center in Xian cost", Xian unknown: not every center's
    if u.metric and (u.cls or u.superlative or u.threshold is not None):
        cls = u.cls or "Cluster"
        # "is Zhangjiakou's rack use at least 65%": a city's figure, or its cluster's (the news states one for the other)
        scope = (_own_scope(entities[0]) if vocab.types.get(entities[0]) == "City" else _listed_scope(entities[:1])) \
            if u.yes_no and entities else _class_scope(cls)
        if entities and not u.yes_no and cls in ("Center", "Park"):
            # "the Beijing centers", "China Telecom's centers": the class within a place, or run by a company
            e = URIRef(entities[0]).n3()
            scope += f" ?subject sl:operator {e} ." if vocab.types.get(entities[0]) in AGENTS \
                else f" ?subject (sl:locatedIn|sl:partOf)+ {e} ."
        sparql = _figures(bindings, filters, ascending=u.superlative == "min")
        what = f"whether {entities[0]} has {u.metric}" if u.yes_no and entities else f"{cls} entities by {u.metric}"
        if u.comparator and u.threshold is not None:
            what += f" {u.comparator} {u.threshold!r}" + (f" {u.threshold_unit}" if u.threshold_unit else "")
        if u.superlative:
            what += f", {u.superlative} (top {u.top})"
        if entities and not u.yes_no and cls in ("Center", "Park"):
            what += f"; only those of {entities[0]}"
        shape = "boolean" if u.yes_no else ("count" if u.count else "list")
        known = _figures({k: v for k, v in bindings.items() if k != "threshold"}, restrictions) if u.yes_no else None
        return Plan(sparql, shape, ("number of " if u.count else "") + what, _scope_query(scope), known)
    if u.count and u.cls in COUNTED_BY and entities and u.metric is None and not u._members:
        # "张家口有多少座数据中心": a figure the sources state, else the members the graph knows (see ask)
        return Plan(_figures({"metric": [SL[COUNTED_BY[u.cls]]]}, restrictions), "value",
                    f"{COUNTED_BY[u.cls]} of {entities[0]}", _scope_query(_entity_scope(entities[0])))
    if u.count and u.cls:
        if entities and u.cls in ("District", "City") and vocab.types.get(entities[0]) in ("Cluster", "Park", "Center"):
            # "集群的起步区分布在几个区县": the places it lies in, as "位于哪些区县" lists them
            sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"{{ ?answer sl:partOf|sl:locatedIn ?entity }} UNION {{ ?entity sl:locatedIn ?answer }} "
                      f"{_class_test(u.cls)} FILTER NOT EXISTS {{ ?entity sl:locatedIn ?lower . ?lower sl:locatedIn ?answer }} }}")
        elif entities:
            sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                      f"?answer a sl:{u.cls} ; (sl:partOf|sl:locatedIn)+ ?entity }}")
        else:
            sparql = f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ ?answer a sl:{u.cls} }}"
        return Plan(sparql, "count", f"number of {u.cls}" + (f" in {entities[0]}" if entities else ""))
    lists = [e for e in entities if vocab.types.get(e) == "Initiative"]
    if u.cls and lists and not u.metric and not u.yes_no and not u.count and u.relation in (None, "member_of"):
        # "Which Ningxia data centers are on the national green list": members of the list, in the place named
        places = [e for e in entities if vocab.types.get(e) in _GROUPS | {"Park", "Cluster"}]
        where = f" ?answer (sl:locatedIn|sl:partOf)+ {URIRef(places[0]).n3()} ." if places else ""
        sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ ?answer sl:memberOf {URIRef(lists[0]).n3()} ; "
                  f"a sl:{u.cls} .{where} }}")
        return Plan(sparql, "relation", f"inverse member_of of {lists[0]}, only {u.cls}"
                    + (f"; only those of {places[0]}" if places else ""))
    if u.cls and entities and not u.metric and not u.yes_no and vocab.types.get(entities[0]) in _GROUPS | {"Park"} \
            and u.cls != vocab.types.get(entities[0]):
        # "Which two clusters are planned under the hub?": the members of a group
        sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer WHERE {{ {_values({'entity': [URIRef(entities[0])]})} "
                  f"?answer a sl:{u.cls} ; (sl:partOf|sl:locatedIn)+ ?entity }}")
        return Plan(sparql, "relation", f"{u.cls} entities in {entities[0]}")
    if entities and u.overview and not (u.yes_no or u.relation or u.metric or u.count):
        # "tell me about X", "X怎么样": the figures the graph holds on it, said to be only that (a question
        # that asks something else the graph does not hold, "the weather in X", gets nothing)
        return Plan(_figures({}, []), "facts", f"the figures of {entities[0]}",
                    _scope_query(_listed_scope(entities[:1])))
    return None


def _relation_plan(u: Understanding, vocab: Vocabulary, entities: list[str], within: str | None = None) -> Plan:
    """Who runs X, where X is, what X belongs to or includes, whom X partnered; `u.hops` also reads
    containment through places in between (a center in a district of a city is in the city); answers only
    `within` a place when one is given."""
    entity_pos = min(at for at, iri in u.entities if iri == entities[0])
    entity_type = vocab.types.get(entities[0])
    places = [e for e in entities[1:] if vocab.types.get(e) in _PLACES]
    if u.relation == "located_in" and entity_type in AGENTS and not within and (
            {"Center", "Park"} & set(u.classes) and u.cls in (*_PLACES, None) or u.cls == "District" and places):
        # "Which county are Alibaba's data centers in", "中国移动在呼和浩特扩建的项目落在哪个县": where what the company
        # runs stands (inside the place the question names), with that sentence; a firm itself lies in no county
        entity = URIRef(entities[0]).n3()
        inside = f"?answer (sl:locatedIn|sl:partOf)+ {URIRef(places[0]).n3()} ." if places else ""
        sparql = (f"PREFIX sl: <{SLNS}>\nSELECT DISTINCT ?answer ?evidence ?file WHERE {{ ?x sl:operator {entity} ; "
                  f"sl:locatedIn ?at . ?at (sl:locatedIn|sl:partOf)* ?answer . {_class_test(u.cls) if u.cls else ''} "
                  f"{inside} OPTIONAL {{ ?a sl:relation sl:locatedIn ; sl:subject ?x ; sl:object ?at ; "
                  f"sl:evidence ?evidence ; sl:evidenceSource ?file . }} }}")
        return Plan(sparql, "relation", f"located_in of what {entities[0]} runs" + (f", only {u.cls}" if u.cls else ""))
    inverse = u.cls is not None and u.cls_pos < entity_pos and u.relation != "partner"
    if inverse and u.relation in ("part_of", "located_in") and entity_type in _CONTAINMENT and u.cls in _CONTAINMENT:
        # "Which hub does X belong to" asks for the container, "Which clusters belong to the hub" for the parts
        inverse = _CONTAINMENT.index(u.cls) > _CONTAINMENT.index(entity_type)
    if u.relation == "operator":
        # "Who built X" asks for X's operator, "Which centers does Huawei run" for what the operator runs
        inverse = entity_type in AGENTS and u.cls not in AGENTS | {None}
    relation = "part_of" if u.relation == "contains" else u.relation
    assert relation is not None  # a relation plan is made only for a relation question
    prop = _REL_PROP[relation]
    props = [prop]
    if u.relation == "contains":
        # "X包括哪些园区", "Which parks does X consist of": its parts, or the districts it lies in
        props = ["sl:partOf", "sl:locatedIn"]
        pattern = "{ ?answer sl:partOf|sl:locatedIn ?entity }"
        if u.cls in ("District", "City", "Park"):  # "起步区分布在哪些园区": the parks it lies in
            pattern += " UNION { ?entity sl:locatedIn ?answer }"
        if u.cls in ("District", "City") and entity_type == "Hub":
            # "which city hosts the hub's cluster": a hub holds clusters, and they lie in cities
            pattern += " UNION { ?part sl:partOf ?entity ; sl:locatedIn ?answer }"
        inverse = True
    elif u.relation == "partner":
        pattern = f"{{ ?entity {prop} ?answer }} UNION {{ ?answer {prop} ?entity }}"
    elif relation == "operator" and u.hops and entity_type in _GROUPS | {"Park"}:
        # "Which companies are building in the park": who runs what stands in it, and the companies based there
        pattern = ("{ ?x (sl:locatedIn|sl:partOf)+ ?entity . ?x sl:operator ?answer } UNION "
                   "{ ?answer sl:locatedIn ?entity ; a ?agent VALUES ?agent { sl:Company sl:Organization } }")
    elif inverse and relation in ("part_of", "located_in") and u.hops:
        pattern = "?answer (sl:locatedIn|sl:partOf)+ ?entity ."  # a center in a new area of the city is in the city
        props = ["sl:partOf", "sl:locatedIn"]
    elif inverse:
        pattern = f"?answer {prop} ?entity ."
    elif relation in ("part_of", "located_in") and u.cls:
        pattern = "?entity (sl:locatedIn|sl:partOf)" + ("+" if u.hops else "") + " ?answer ."
        if u.hops and u.cls == "Hub":
            # a center in a city of Sichuan is in the hub that spans Sichuan (the hubs share no province)
            pattern = f"{{ {pattern} }} UNION {{ ?entity (sl:locatedIn|sl:partOf)+ ?spanned . ?answer sl:locatedIn ?spanned }}"
        props = ["sl:partOf", "sl:locatedIn"]
    else:
        pattern = f"?entity {prop} ?answer ."
    if u.cls and (inverse or relation in ("partner", "part_of", "located_in")) \
            and not (relation in ("operator", "partner") and u.cls in AGENTS):  # a district government builds too
        pattern += " " + _class_test(u.cls)
    if relation == "partner" and u.cls == "Company":
        # "which companies did Qingyang sign with": a firm or a body, never the city it also partnered
        pattern += " ?answer a ?agent_class . FILTER(?agent_class IN (sl:Company, sl:Organization))"
    if within:
        pattern += f" ?answer (sl:locatedIn|sl:partOf)+ {URIRef(within).n3()} ."
    if u.placeless:
        pattern += " FILTER NOT EXISTS { ?answer sl:locatedIn|sl:partOf ?somewhere }"
    entity = URIRef(entities[0]).n3()  # a constant, so the engine starts from it
    sparql = query_text("ask_relation").replace("#VALUES", _values({"relation": [SL[p.split(':')[1]] for p in props]}))
    sparql = sparql.replace("#PATTERN", re.sub(r"\?entity\b", entity, pattern)).replace("#ENTITY", entity)
    sparql = sparql.replace("#FILTERS", "")
    direction = "inverse " if inverse and u.relation != "contains" else ""
    return Plan(sparql, "relation", f"{direction}{u.relation} of {entities[0]}" + (f", only {u.cls}" if u.cls else "")
                + (f" in {within}" if within else ""))


def _class_test(cls: str) -> str:
    """?answer is of the class; a county-level city (one inside a city) counts as a district ("哪些区县": 无为市)."""
    if cls == "District":
        return ("?answer a ?answer_class . FILTER(?answer_class = sl:District || ?answer_class = sl:City "
                "&& EXISTS { ?answer sl:locatedIn ?above . ?above a sl:City })")
    return f"?answer a sl:{cls} ."


# Broadest first: what a part_of / located_in question may ask for above or below an entity.
_CONTAINMENT = ["Province", "Hub", "City", "Cluster", "District", "Park", "Center"]
_GROUPS = {"Hub", "Province", "City", "District"}
_CLOSED = ("Hub", "Cluster")  # classes the reference data lists in full


def _relation_known(relation: str, pair: list[str], path: str, vocab: Vocabulary) -> str:
    """For "is X in Y", "does Y run X": whether the graph holds that relation of X at all (where X is, who runs it).
    The graph is open: a "no" stands only when it says something else ("X is in Z", "Z runs X"), never when it is
    silent. X is the facility of an operator or partner pair (a company runs many things, a facility few)."""
    subject = pair[0]
    if relation in ("operator", "partner"):
        subject = next((e for e in pair if vocab.types.get(e) not in AGENTS), pair[0])
        pattern = f"{{ ?entity {path} ?x }} UNION {{ ?x {path} ?entity }}" if relation == "partner" else f"?entity {path} ?x"
    else:
        pattern = f"?entity {path} ?x"
    return f"PREFIX sl: <{SLNS}>\nSELECT ?x WHERE {{ {_values({'entity': [URIRef(subject)]})} {pattern} }} LIMIT 1"
_PLACES = ("City", "Province", "District")
# A class whose members a source may count in a figure of its own ("48 data centers")
COUNTED_BY = {"Center": "datacenter_count", "Company": "enterprise_count"}


def _aggregate_plan(u: Understanding, vocab: Vocabulary, bindings: dict[str, list], restrictions: list[str]) -> Plan:
    """Sum of a metric over a group: the clusters of a hub, or every cluster (one figure per member)."""
    cls = u.cls if u.cls and u.cls not in _GROUPS else "Cluster"
    group = next((iri for _, iri in u.entities if vocab.types.get(iri) in _GROUPS), None)
    scope = f"?subject a sl:{cls} . BIND(?subject AS ?holder) BIND(0 AS ?depth)"
    if group is not None:
        # its members (depth 1), and the group itself (depth 0): a total the sources state for the whole
        g = URIRef(group).n3()
        scope = (f"{{ ?subject a sl:{cls} ; (sl:partOf|sl:locatedIn)+ {g} . BIND(1 AS ?depth) }} UNION "
                 f"{{ BIND({g} AS ?subject) BIND(0 AS ?depth) }} BIND(?subject AS ?holder)")
    if u.metric == "computing_power" and not u.kind:
        restrictions = [*restrictions, f"FILTER(?kind = {SL.total.n3()})"]  # never add AI or HPC parts to totals
    where = f" of {group}" if group else ""
    return Plan(_figures(bindings, restrictions), "aggregate", f"sum of {u.metric} over {cls} entities{where}, one figure per {cls}",
                _scope_query(scope))


def in_place(u: Understanding, vocab: Vocabulary) -> str | None:
    """"Who is building the AI computing center in Dianjun District": the facilities of the class named that stand in
    the one place named (the caller picks the one the question's words describe), for a question about one of them."""
    named = list(dict.fromkeys(iri for _, iri in u.entities))
    rank = {"Province": 0, "City": 1, "District": 2, "Park": 3}
    # the class of the facility described: the one asked for, else (who runs it, which park it is in) the one named
    cls = "Center" if u.cls != "Center" and "Center" in u.classes and u.relation in ("operator", "partner", "located_in") \
        else u.cls if u.cls in ("Center", "Park") else None
    if not named or any(vocab.types.get(e) not in rank for e in named) or cls is None \
            or cls in (vocab.types.get(e) for e in named) or u.cls == cls and u.cls_pos > u.entities[0][0] and u.lang == "en" \
            or u.count or u.superlative or u.comparative or u.yes_no or u.threshold is not None or u.total \
            or u.metric in COUNTED_BY.values():
        return None
    if u.relation == "located_in" and u.cls not in ("Park", "District", "City"):
        return None  # "哪些中心位于宜昌" lists the place's centers; "X center in Wuhu is in which park" asks of one
    if u.relation not in ("operator", "partner", "located_in") and not (u.metric and u.lang == "en"):
        return None  # "张家口数据中心的算力" may ask for the centers of Zhangjiakou, all of them
    nearest = max(named, key=lambda e: rank[vocab.types[e]])  # "Dianjun District, Yichang": the district
    pattern = f"?answer (sl:locatedIn|sl:partOf)+ {URIRef(nearest).n3()} ."
    sparql = query_text("ask_described").replace("#VALUES", _values({"class": [SL[cls]]}))
    return sparql.replace("#PATTERN", pattern)


def facilities_in(place: str) -> str:
    """The centers and parks that stand in a place (through places in between): the candidates when a question points
    at one of them with a demonstrative ("达州那个…计算中心"), for the caller to pick by the question's words."""
    pattern = f"?answer (sl:locatedIn|sl:partOf)+ {URIRef(place).n3()} ."
    sparql = query_text("ask_described").replace("#VALUES", _values({"class": [SL["Center"], SL["Park"]]}))
    return sparql.replace("#PATTERN", pattern)


def clusters_of(group: str | None, provinces: list[str]) -> str:
    """The clusters of a hub, or of the provinces of a region (through the cities they lie in): what "the only
    cluster of X" is measured against."""
    if group is not None:
        return query_text("ask_only").replace("#VALUES", _values({"group": [URIRef(group)]})).replace(
            "#PATTERN", "?member sl:partOf ?group .")
    return query_text("ask_only").replace("#VALUES", _values({"province": [URIRef(p) for p in provinces]})).replace(
        "#PATTERN", "?member sl:locatedIn+ ?province .")


def by_figure(place: str, unit: str, value: float) -> str:
    """The centers and parks of a place holding a figure of `unit` within 1 % of `value`: the candidates when a
    question names one by its figure ("the 8.8-billion-yuan data center in Horinger New Area")."""
    pattern = f"?answer (sl:locatedIn|sl:partOf)+ {URIRef(place).n3()} ."
    low, high = Literal(value * 0.99), Literal(value * 1.01)
    sparql = query_text("ask_by_figure").replace(
        "#VALUES", _values({"class": [SL["Center"], SL["Park"]], "unit": [SL[unit]]}))
    return sparql.replace("#PATTERN", pattern).replace("#FILTERS", f"FILTER (?value >= {low.n3()} && ?value <= {high.n3()})")


def described(u: Understanding, vocab: Vocabulary) -> tuple[str, list[str]] | None:
    """"China Mobile's center in Hohhot", "中国联通在呼和浩特的数据中心": the entities of the class named, run by the
    company named (or a branch of it, "China Mobile Anhui") and in the place named. (SPARQL, the entities it replaces)."""
    if u.relation not in (None, "located_in", "operator"):  # "华为在韶关建设了哪些中心": what it runs there
        return None
    named = list(dict.fromkeys(iri for _, iri in u.entities))
    agents = [iri for iri in named if vocab.types.get(iri) in AGENTS]
    places = [iri for iri in named if vocab.types.get(iri) in ("City", "Province", "District", "Park", "Cluster")]
    if len(agents) != 1 or len(agents) + len(places) != len(named):
        return None
    places = places[-1:]  # "Hohhot's Horinger New Area", "呼和浩特和林格尔新区": the last place named is the nearest
    # a figure of "X's project in P" with no class word: whatever X runs in P, when that is one thing
    classes = [u.cls] if u.cls in ("Center", "Cluster", "Park") else ["Center", "Park"] if u.metric and places else []
    if not classes:
        return None
    labels = vocab.labels.get(agents[0], {})
    stems = [s.lower() for s in (labels.get("en"), labels.get("zh-Hans")) if s]
    branches = [iri for iri, entry in vocab.labels.items() if vocab.types.get(iri) in AGENTS and any(
        (entry.get(key) or "").lower().startswith(stem) for key in ("en", "zh-Hans") for stem in stems)]
    # run by the company itself or as a phase of what it runs; placed itself or through a phase of it
    pattern = "?answer sl:partOf* ?run . ?run sl:operator ?operator ."
    if places:
        p = URIRef(places[0]).n3()
        pattern += (f" {{ ?answer (sl:locatedIn|sl:partOf)+ {p} }} UNION "
                    f"{{ ?part sl:partOf ?answer ; (sl:locatedIn|sl:partOf)+ {p} }}")
    sparql = query_text("ask_described").replace("#VALUES", _values({"class": [SL[c] for c in classes],
                                                                        "operator": [URIRef(b) for b in branches]}))
    return sparql.replace("#PATTERN", pattern), agents + places

