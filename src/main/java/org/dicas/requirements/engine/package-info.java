/**
 * The opportunity-finder engine, plain Java (no Spring, no database): requirement profiles, cross-lingual
 * similarity through the shipped EN/JA glossary, candidate generation over an inverted index, the opportunity
 * judgment with a readable explanation, aligned procurement windows, groups of three or more nations and the
 * learning-curve savings of a combined buy. The command line, the benchmark, leads intake and the server call it.
 * The method is documented in {@code docs/opportunity-method.md}.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.requirements.engine;
