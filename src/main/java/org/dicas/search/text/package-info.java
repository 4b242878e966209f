/**
 * The bilingual text layer, plain Java (Lucene analysis allowed, no Spring): the shipped English↔Japanese
 * defense-acquisition {@link org.dicas.search.text.Glossary} (concept ids found in either language), language
 * detection and per-language analysed terms. The search index and the requirements opportunity finder both use it.
 */
@org.springframework.modulith.NamedInterface("text")
package org.dicas.search.text;
