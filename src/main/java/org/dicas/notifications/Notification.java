package org.dicas.notifications;

import java.time.Instant;
import org.dicas.shared.Marking;

/**
 * A message to one user as that user may see it now: {@code message} in the reader's language, naming the record it
 * is about by its current title only while the reader may read it ({@code recordId}, {@code link} and the record's
 * {@code marking}); otherwise "a record you can no longer read", no link, no record id, marked {@code PUBLIC}.
 * {@code key} says what happened (e.g. {@code notification.release.approved}); {@code read} once they have seen the
 * list.
 */
public record Notification(long id, String key, String message, Long recordId, String link, Marking marking,
                           Instant createdAt, boolean read) {
}
