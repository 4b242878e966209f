/**
 * Finding records across every module. This first version matches words in the title and text of every marked
 * record, with the releasability policy's predicate inside the query so hidden records are never found or counted;
 * the bilingual Lucene index (with the EN/JA glossary) replaces the matching behind the same API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.dicas.search;
