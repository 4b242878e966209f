package org.dicas.forum;

import java.time.Instant;
import org.dicas.shared.Marking;

/** A discussion thread: an opening post with a title; replies hang below it. */
public record DiscussionThread(long id, Marking marking, Long workingGroupId, String title, String body,
                               long authorId, String authorName, Instant createdAt, Instant lastActivityAt,
                               int replyCount, long version) implements org.dicas.shared.Versioned {
}
