/**
 * Records in both languages (issue 14 item 5, ADR 0031): the title and a short summary of every record kind, held in
 * English and in Japanese in one table ({@code record_title}) with who wrote each and whether it is a machine draft
 * not yet confirmed by a person. A record's own title (the one its form writes, in its author's language) is the
 * source for that language; kinds that keep both titles in their own row stay the source of both (a trigger keeps
 * {@code record_title} in step). {@link org.dicas.titles.RecordTitles} reads them for a reader through the one read
 * path ({@code ReadableRecords}: a hidden record answers like a missing one), writes the other language under
 * {@link org.dicas.titles.TitleWriteRules} against the record's version, audited; the fragment
 * {@code fragments/titles} shows them under every record page's heading (the reader's language first) and offers a
 * glossary-assisted draft ({@code titles.engine}) where one language is missing. Search indexes both languages.
 * Public API: {@link org.dicas.titles.RecordTitles}, {@link org.dicas.titles.Titles},
 * {@link org.dicas.titles.TitleWriteRules}; pages and the JSON API ({@code /api/v1/records/{id}/titles}) are
 * internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Titles in both languages")
package org.dicas.titles;
