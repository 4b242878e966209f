package org.dicas.search.engine;

/**
 * One record matched by a query, as the index ranked it: its id, the version the index holds (the row's last-change
 * time in microseconds, {@link IndexedRecord#updatedMicros}) and its score. A caller that reads the row as it is now
 * tells a stale index entry by a different version.
 */
public record Ranked(long id, long indexedVersion, float score) {
}
