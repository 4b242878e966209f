/**
 * The glossary-assisted drafter, plain Java (no Spring, no database): a title or summary in one language drafted
 * term by term into the other from the shipped EN↔JA glossary ({@link org.dicas.search.text.Glossary}) — longest
 * term first, words the glossary does not know kept as written — for a person to correct and confirm.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.dicas.titles.engine;
