package org.dicas.notifications;

import java.time.Instant;

/** A message to one user; {@code read} once they have seen the list. */
public record Notification(long id, String message, String link, Instant createdAt, boolean read) {
}
