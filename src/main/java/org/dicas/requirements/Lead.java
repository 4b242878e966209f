package org.dicas.requirements;

import java.time.Instant;
import java.time.LocalDate;
import org.dicas.shared.Marking;

/**
 * A lead as one reader sees it: a hint of a cooperative opportunity from a source, in English or Japanese
 * ({@code language} is detected from the text). {@code origin} says how it arrived; {@code feedName} names the feed
 * subscription for feed items. {@code opportunityId} is the pipeline opportunity it was promoted to, when the reader
 * may read that opportunity.
 */
public record Lead(long id, Marking marking, @org.dicas.shared.Labelled("lead.source") LeadSource sourceType, String sourceName, LocalDate date, String title,
                   String text, String language, String link, @org.dicas.shared.Labelled("lead.origin") Origin origin, String feedName, String enteredBy,
                   Instant enteredAt, Long opportunityId) {

    /** How a lead arrived: entered by hand, imported from CSV/JSON, polled from a feed, or from an uploaded feed file. */
    public enum Origin { MANUAL, IMPORT, FEED, FEED_FILE }
}
