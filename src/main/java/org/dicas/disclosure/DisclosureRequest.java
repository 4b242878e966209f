package org.dicas.disclosure;

import java.time.Instant;
import java.util.List;

/** A request to release a record to more nations or companies, and its decision. */
public record DisclosureRequest(long id, long recordId, String recordTitle, String recordLink, String originNation,
                                long requesterId, String requesterName, List<String> requestedNations,
                                List<Long> requestedCompanies, String justification, Status status,
                                Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
                                List<String> releasedNations, List<Long> releasedCompanies, String markingBefore,
                                String markingAfter) {

    public enum Status { PENDING, APPROVED, DENIED }
}
