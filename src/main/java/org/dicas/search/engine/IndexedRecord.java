package org.dicas.search.engine;

/**
 * One row of the {@code record} table as the index keeps it: its kind, title and searchable text, banner marking,
 * page link, container (0 when none) and the time of its last change in microseconds since the epoch (to tell a
 * stale index entry from a current one).
 */
public record IndexedRecord(long id, String kind, String title, String text, String marking, String link,
                            long containerId, long updatedMicros) {
    public IndexedRecord {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        link = link == null ? "" : link;
    }
}
