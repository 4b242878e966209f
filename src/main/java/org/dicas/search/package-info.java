/**
 * Finding records across every module, in English and Japanese: a Lucene index of every row of the {@code record}
 * table (English and kuromoji analysis, the shipped EN↔JA glossary's concepts, literal n-grams), one per node, kept
 * current from the {@code record_change} log that a trigger on {@code record} writes (and, on the writing node, at
 * once from {@code RecordChanged}); caught up or rebuilt from the database on start. The records a reader may read
 * (the releasability policy's SQL predicate, cached under the policy epoch) are a filter inside the Lucene query, so
 * hidden records are never found, counted or allowed to push a visible one off a page; what a hit shows is read
 * from its current row at query time, so no node returns a narrowed or deleted record. See ADRs 0010 and 0018.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.dicas.search;
