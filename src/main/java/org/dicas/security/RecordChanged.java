package org.dicas.security;

/**
 * Published by {@link MarkedRecords} after every change of a record's title, text, marking, container or deletion
 * (within the writing transaction, if there is one). Listeners that keep derived data — the search index — re-read
 * the record from the {@code record} table once the transaction has committed.
 */
public record RecordChanged(long id) {
}
