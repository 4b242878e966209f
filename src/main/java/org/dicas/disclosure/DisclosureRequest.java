package org.dicas.disclosure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A request to release a record to more nations or companies, and its decision. It shows the record's title, so it
 * carries the record's current {@code marking}.
 */
public record DisclosureRequest(long id, long recordId, String recordTitle, String recordLink,
                                @org.dicas.shared.Labelled("nation") String originNation,
                                long requesterId, String requesterName, @org.dicas.shared.Labelled("nation") List<String> requestedNations,
                                List<Long> requestedCompanies, String justification, @org.dicas.shared.Labelled("disclosure.status") Status status,
                                Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
                                @org.dicas.shared.Labelled("nation") List<String> releasedNations, List<Long> releasedCompanies, String markingBefore,
                                String markingAfter, Marking marking) {

    public enum Status { PENDING, APPROVED, DENIED }

    /** How the request was decided as people read it: an approval that released less than was asked is partial. */
    public enum Outcome { PENDING, APPROVED, APPROVED_IN_PART, DENIED }

    /**
     * {@link Outcome#APPROVED_IN_PART} when an approval released fewer nations or companies than were asked for, so
     * that a narrowed release never reads as a plain "Approved"; otherwise the status.
     */
    @JsonProperty("outcome")
    @org.dicas.shared.Labelled("disclosure.outcome")
    public Outcome outcome() {
        return switch (status) {
            case PENDING -> Outcome.PENDING;
            case DENIED -> Outcome.DENIED;
            case APPROVED -> releasedNations.containsAll(requestedNations)
                    && releasedCompanies.containsAll(requestedCompanies) ? Outcome.APPROVED : Outcome.APPROVED_IN_PART;
        };
    }
}
