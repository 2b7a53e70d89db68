# name: summary_add
# zh: 把文档图 #DOC(为 ?g 时为全部图)并入汇总图:实体三元组(不含事实、文档描述与原文句);其事实按(实体、指标或关系、数值、单位、比较符、状态、时间、类型)合并,来源数加上新的来源事实,缺证据的合并事实引一句证据。
# en: Merge a document graph #DOC (every graph when it is ?g) into the summary graph: entity triples (not its facts, description or passages); its facts merged by (entity, metric or relation, value, unit, comparator, status, time, kind), source counts raised by the new facts, and evidence quoted for merged facts that lack it.
PREFIX sl: <https://w3id.org/suanli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT { GRAPH <#SUMMARY> { ?e ?p ?o } }
WHERE {
  GRAPH #DOC { ?e ?p ?o FILTER NOT EXISTS { ?e sl:subject|sl:contentHash|sl:mentions ?any } FILTER(!isBLANK(?e)) }
  FILTER(STR(#DOC) != "#SUMMARY" && STR(#DOC) != "#PENDING"
         && !STRSTARTS(STR(#DOC), "#BASEquarantine/") && !STRSTARTS(STR(#DOC), "#BASEreport/"))
} ;

INSERT { GRAPH <#PENDING> {
  ?f a sl:MergedFact ; sl:subject ?subject ; sl:status ?status ; sl:time ?time ; prov:wasDerivedFrom ?m ;
     sl:metric ?metric ; sl:value ?value ; sl:unit ?unit ; sl:comparator ?comparator ; sl:kind ?kind ;
     sl:relation ?relation ; sl:object ?object .
} }
WHERE {
  GRAPH #DOC {
    ?m sl:subject ?subject ; sl:status ?status ; prov:wasDerivedFrom ?doc .
    ?doc sl:contentHash ?hash .
    OPTIONAL { ?m sl:metric ?metric ; sl:value ?value ; sl:comparator ?comparator }
    OPTIONAL { ?m sl:relation ?relation ; sl:object ?object }
    OPTIONAL { ?m sl:unit ?unit } OPTIONAL { ?m sl:kind ?kind } OPTIONAL { ?m sl:time ?time }
  }
  BIND(IRI(CONCAT("#BASE", "merged/", SHA1(CONCAT(STR(?subject), " ", STR(COALESCE(?metric, ?relation)), " ",
       STR(COALESCE(?value, ?object)), " ", STR(COALESCE(?unit, "")), " ", STR(COALESCE(?comparator, "")), " ",
       STR(?status), " ", STR(COALESCE(?time, "")), " ", STR(COALESCE(?kind, "")))))) AS ?f)
} ;

# ---- the operations above read only the document graph (kg.graph.summary.document_share); those below, the summary
DELETE { GRAPH <#SUMMARY> { ?f sl:sourceCount ?old } }
INSERT { GRAPH <#SUMMARY> { ?f sl:sourceCount ?sources } }
WHERE {
  { SELECT ?f (COUNT(DISTINCT ?m) AS ?added) WHERE {
      GRAPH <#PENDING> { ?f prov:wasDerivedFrom ?m } FILTER NOT EXISTS { GRAPH <#SUMMARY> { ?f prov:wasDerivedFrom ?m } }
    } GROUP BY ?f }
  OPTIONAL { GRAPH <#SUMMARY> { ?f sl:sourceCount ?old } }
  BIND(COALESCE(?old, 0) + ?added AS ?sources)
} ;

ADD <#PENDING> TO <#SUMMARY> ;

INSERT { GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?quoted ; sl:evidence ?evidence ; sl:evidenceSource ?file } }
WHERE {
  { SELECT ?f (MIN(?m) AS ?quoted) WHERE {
      GRAPH <#PENDING> { ?f prov:wasDerivedFrom ?m } FILTER NOT EXISTS { GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?q } }
    } GROUP BY ?f }
  LATERAL { GRAPH #DOC { ?quoted sl:evidence ?evidence ; prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?file } }
} ;

# a merged fact whose quoted source was replaced, and that this document does not state, quotes another source;
# LATERAL makes the engine look up each chosen fact instead of reading every graph's evidence (2 s at 1M triples)
INSERT { GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?quoted ; sl:evidence ?evidence ; sl:evidenceSource ?file } }
WHERE {
  { SELECT ?f (MIN(?m) AS ?quoted) WHERE {
      { SELECT DISTINCT ?f WHERE { GRAPH <#PENDING> { ?f a sl:MergedFact }
                                   FILTER NOT EXISTS { GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?q } } } }
      GRAPH <#SUMMARY> { ?f prov:wasDerivedFrom ?m } } GROUP BY ?f }
  LATERAL { GRAPH ?g { ?quoted sl:evidence ?evidence ; prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?file } }
} ;

DROP SILENT GRAPH <#PENDING>
