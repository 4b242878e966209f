package org.dicas.forum;

import java.time.Instant;
import org.dicas.shared.Marking;

/** A document of the library: a title and a Markdown body (rendered safely: raw HTML is escaped). */
public record Document(long id, Marking marking, Long workingGroupId, String title, String body, long authorId,
                       String authorName, Instant createdAt, Instant updatedAt, long version) implements org.dicas.shared.Versioned {
}
