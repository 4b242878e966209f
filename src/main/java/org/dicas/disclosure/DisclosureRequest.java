package org.dicas.disclosure;

import java.time.Instant;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A request to release a record to more nations or companies, and its decision. It shows the record's title, so it
 * carries the record's current {@code marking}.
 */
public record DisclosureRequest(long id, long recordId, String recordTitle, String recordLink, String originNation,
                                long requesterId, String requesterName, List<String> requestedNations,
                                List<Long> requestedCompanies, String justification, Status status,
                                Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
                                List<String> releasedNations, List<Long> releasedCompanies, String markingBefore,
                                String markingAfter, Marking marking) {

    public enum Status { PENDING, APPROVED, DENIED }
}
