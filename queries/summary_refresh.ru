# name: summary_refresh
# zh: 重算一组实体(#SUBJECTS 为空时为全部实体)在汇总图中的内容:实体的描述(类型、标签、关系)、合并事实(同一事实只存一条,附全部来源事实、来源数和一句证据)。导入每篇文档时运行。
# en: Recompute what the summary graph holds about a set of entities (every entity when #SUBJECTS is empty): their descriptions (types, labels, relations) from every served graph, and merged facts (each distinct fact once, with the facts it merges, its number of sources and one evidence sentence). Ingest runs it for what a document touches.
PREFIX sl: <https://w3id.org/suanli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE { GRAPH <#SUMMARY> { ?f ?p ?o } }
WHERE { #SUBJECTS GRAPH <#SUMMARY> { ?f sl:subject ?subject ; ?p ?o } } ;

DELETE { GRAPH <#SUMMARY> { ?subject ?p ?o } }
WHERE { #SUBJECTS GRAPH <#SUMMARY> { ?subject ?p ?o } } ;

INSERT { GRAPH <#SUMMARY> { ?subject ?p ?o } }
WHERE {
  { SELECT DISTINCT ?subject WHERE {
      #SUBJECTS GRAPH ?t { ?subject a ?type } GRAPH <#ONTOLOGY> { ?type rdfs:subClassOf sl:Entity } } }
  GRAPH ?g { ?subject ?p ?o }
  FILTER(?g != <#SUMMARY> && !STRSTARTS(STR(?g), "#BASEquarantine/"))
} ;

INSERT { GRAPH <#SUMMARY> {
  ?f a sl:MergedFact ; sl:subject ?subject ; sl:status ?status ; sl:time ?time ; prov:wasDerivedFrom ?m ;
     sl:metric ?metric ; sl:value ?value ; sl:unit ?unit ; sl:comparator ?comparator ; sl:kind ?kind ;
     sl:relation ?relation ; sl:object ?object .
} }
WHERE {
  #SUBJECTS
  GRAPH ?g {
    ?m sl:subject ?subject ; sl:status ?status ; prov:wasDerivedFrom ?doc .
    ?doc sl:contentHash ?hash .
    OPTIONAL { ?m sl:metric ?metric ; sl:value ?value ; sl:comparator ?comparator }
    OPTIONAL { ?m sl:relation ?relation ; sl:object ?object }
    OPTIONAL { ?m sl:unit ?unit } OPTIONAL { ?m sl:kind ?kind } OPTIONAL { ?m sl:time ?time }
  }
  BIND(IRI(CONCAT("#BASE", "fact/", SHA1(CONCAT(STR(?subject), " ", STR(COALESCE(?metric, ?relation)), " ",
       STR(COALESCE(?value, ?object)), " ", STR(COALESCE(?unit, "")), " ", STR(COALESCE(?comparator, "")), " ",
       STR(?status), " ", STR(COALESCE(?time, "")), " ", STR(COALESCE(?kind, "")))))) AS ?f)
} ;

INSERT { GRAPH <#SUMMARY> { ?f sl:sourceCount ?sources ; sl:evidence ?evidence ; sl:evidenceSource ?file } }
WHERE {
  { SELECT ?f (COUNT(DISTINCT ?doc) AS ?sources) (SAMPLE(CONCAT(?name, "\t", ?sentence)) AS ?pair) WHERE {
      #SUBJECTS
      GRAPH <#SUMMARY> { ?f sl:subject ?subject ; prov:wasDerivedFrom ?m }
      GRAPH ?g { ?m sl:evidence ?sentence ; prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?name }
    } GROUP BY ?f }
  BIND(STRBEFORE(?pair, "\t") AS ?file)
  BIND(STRAFTER(?pair, "\t") AS ?evidence)
}
