# name: summary_remove
# zh: 从汇总图中撤下即将删除的文档图 #DOC 带来的内容:来源数减去它的事实,删去与这些事实的联系和引自它们的证据(待重选),删去已无来源的合并事实和别处不再出现的实体三元组。在删除该图之前运行。
# en: Take out of the summary graph what a document graph about to be dropped (#DOC) brought: source counts less its facts, the links to its facts and evidence quoted from them (to be quoted again), merged facts left without a source, and entity triples no other graph states. Runs before the graph is dropped.
PREFIX sl: <https://w3id.org/suanli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>

DELETE { GRAPH <#SUMMARY> { ?f sl:sourceCount ?old } }
INSERT { GRAPH <#SUMMARY> { ?f sl:sourceCount ?left } }
WHERE {
  # the count read inside the group: joined outside it, Oxigraph read every merged fact's count (35 ms at 1M triples)
  { SELECT ?f (COUNT(DISTINCT ?m) AS ?removed) (SAMPLE(?count) AS ?old) WHERE {
      GRAPH #DOC { ?m sl:subject ?s } GRAPH <#SUMMARY> { ?f prov:wasDerivedFrom ?m ; sl:sourceCount ?count } } GROUP BY ?f }
  BIND(?old - ?removed AS ?left)
} ;

DELETE { GRAPH <#SUMMARY> { ?f prov:wasDerivedFrom ?m } }
WHERE { GRAPH #DOC { ?m sl:subject ?s } GRAPH <#SUMMARY> { ?f prov:wasDerivedFrom ?m } } ;

DELETE { GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?m ; sl:evidence ?e ; sl:evidenceSource ?file } }
INSERT { GRAPH <#PENDING> { ?f a sl:MergedFact } }
WHERE { GRAPH #DOC { ?m sl:subject ?s }
        GRAPH <#SUMMARY> { ?f prov:wasQuotedFrom ?m ; sl:evidence ?e ; sl:evidenceSource ?file } } ;

DELETE { GRAPH <#SUMMARY> { ?f ?p ?o } }
WHERE { GRAPH <#SUMMARY> { ?f sl:sourceCount 0 ; ?p ?o } } ;

DELETE { GRAPH <#SUMMARY> { ?e ?p ?o } }
WHERE {
  GRAPH #DOC { ?e ?p ?o FILTER NOT EXISTS { ?e sl:subject|sl:contentHash|sl:mentions ?any } }
  GRAPH <#SUMMARY> { ?e ?p ?o }
  FILTER NOT EXISTS { GRAPH ?h { ?e ?p ?o } FILTER(?h NOT IN (#GRAPHLIST, <#SUMMARY>) && !STRSTARTS(STR(?h), "#BASEquarantine/")) }
}
