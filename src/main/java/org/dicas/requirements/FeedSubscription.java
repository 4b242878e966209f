package org.dicas.requirements;

import org.dicas.shared.Sentence;
import java.time.Instant;
import org.dicas.shared.Labelled;
import org.dicas.shared.Marking;

/**
 * An RSS 2.0 or Atom feed polled for leads: every new item (deduplicated by guid, else link) becomes a lead with the
 * subscription's source type and marking. {@code lastError} holds the error of the last poll, if it failed, rendered in the reader's language.
 */
public record FeedSubscription(long id, String url, String name, @Labelled("lead.source") LeadSource sourceType,
                               Marking marking,
                               int pollMinutes, String subscriber, Instant createdAt, Instant lastPolledAt,
                               Integer lastNewItems, Sentence lastError, Instant lastErrorAt) {
}
