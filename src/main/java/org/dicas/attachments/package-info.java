/**
 * Files attached to records: documents, meetings, agenda items, requirements, programs and Security of Supply
 * requests may carry PDFs, Office and OpenDocument files, plain text and CSV, and images (ADR 0037). Each attachment
 * is a marked record of its own, inside its parent (read only by those who may read both) and marked at least as
 * restrictively as its parent; its bytes are a PostgreSQL large object with their SHA-256, its content type is sniffed
 * by Apache Tika (executables, scripts, active content, macro-enabled Office files and archives are refused), and the
 * text Tika extracts goes into the record's search text, so search finds the file only for its readers. Other modules
 * use {@link org.dicas.attachments.Attachments} to raise a page's marking by the attachments it lists, and the
 * {@code fragments/attachments :: panel(recordId)} template fragment to show them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package org.dicas.attachments;
