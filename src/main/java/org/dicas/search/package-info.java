/**
 * Finding records across every module, in English and Japanese: a Lucene index of every row of the {@code record}
 * table (English and kuromoji analysis, the shipped EN↔JA glossary's concepts, literal n-grams), kept current from
 * {@code RecordChanged} events and rebuilt from the database on start when missing. The records a reader may read
 * (the releasability policy's SQL predicate, cached) are a filter inside the Lucene query, so hidden records are
 * never found, counted or allowed to push a visible one off a page. See ADR 0010.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.dicas.search;
