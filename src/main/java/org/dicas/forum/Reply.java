package org.dicas.forum;

import java.time.Instant;
import org.dicas.shared.Marking;

/**
 * A reply in a thread, possibly answering another reply ({@code parentId}). A deleted reply keeps its place in the
 * thread but loses its text, as forums do.
 */
public record Reply(long id, Marking marking, long threadId, Long parentId, String body, long authorId,
                    String authorName, Instant createdAt, Instant editedAt, boolean deleted, long version) implements org.dicas.shared.Versioned {
}
