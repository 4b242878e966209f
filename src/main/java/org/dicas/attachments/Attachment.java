package org.dicas.attachments;

import java.time.Instant;
import org.dicas.shared.Marking;

/**
 * A file attached to a record, as its readers see it: its name as uploaded, its size in bytes, the SHA-256 of its
 * bytes (lower-case hex), the content type Tika sniffed from them, and its own marking. {@code version} is what a
 * delete names ({@code If-Match}).
 */
public record Attachment(long id, long parentId, String name, long size, String sha256, String contentType,
                         Marking marking, String authorName, Instant createdAt, long version)
        implements org.dicas.shared.Versioned {
}
