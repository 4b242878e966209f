/**
 * The bilingual full-text index, plain Java over Apache Lucene (no Spring, no database): every record of the
 * {@code record} table as a Lucene document with English and Japanese analysed fields, glossary concepts and a
 * literal n-gram field; queries built programmatically (never parsed), filtered inside the search by the set of
 * record ids the reader may read. See ADR 0010.
 */
package org.dicas.search.engine;
