package org.dicas.sosa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A Security of Supply priority-delivery request as one reader sees it. {@code supplierNode} and
 * {@code linkedNodes} hold only the supply-network nodes this reader may read. {@code ageDays} counts days since
 * submission (until closure for a closed request), {@code daysUntilNeeded} days from today to the needed-by date
 * (negative when past); {@code overdue} is set for an open request past its needed-by date.
 */
public record SosaRequest(long id, Marking marking, @org.dicas.shared.Labelled("sosa.status") Status status, @org.dicas.shared.Labelled("nation") String requestingNation, @org.dicas.shared.Labelled("nation") String receivingNation,
                          String program, String item, NodeRef supplierNode, String supplierName, int quantity,
                          LocalDate neededBy, String justification, long requesterId, String requesterName,
                          Instant submittedAt, Acknowledgement acknowledgement, FirmResponse firmResponse,
                          Closure closure, long ageDays, long daysUntilNeeded, boolean overdue,
                          List<NodeRef> linkedNodes, List<Event> history) {

    /** SUBMITTED → ACKNOWLEDGED → RESPONDED → CLOSED. */
    public enum Status { SUBMITTED, ACKNOWLEDGED, RESPONDED, CLOSED }

    /** The firm's answer, as recorded by the receiving nation. */
    public enum Response { ACCEPTED, PARTIALLY_ACCEPTED, DECLINED }

    /** What a user may do next on a request. */
    public enum Action { ACKNOWLEDGE, RESPOND, CLOSE }

    /** A supply-network node (a {@code SUPPLY_NODE} record) by id, with its title and marking. */
    public record NodeRef(long id, String title, Marking marking) {
    }

    public record Acknowledgement(Instant at, String by, String note) {
    }

    public record FirmResponse(@org.dicas.shared.Labelled("sosa.response") Response response, LocalDate promisedDate, Integer promisedQuantity, String note,
                               Instant at, String by) {
    }

    public record Closure(Instant at, String by, String outcome) {
    }

    /** One step of the request's history: who, when, the state reached, and what was recorded. */
    public record Event(Instant at, String actor, @org.dicas.shared.Labelled("nation") String actorNation, @org.dicas.shared.Labelled("sosa.status") Status status, String detail) {
    }

    public boolean open() {
        return status != Status.CLOSED;
    }

    /** The high-water mark of the request and the supply-network nodes shown with it. */
    public Marking highWaterMark() {
        List<Marking> all = new java.util.ArrayList<>();
        all.add(marking);
        if (supplierNode != null) {
            all.add(supplierNode.marking());
        }
        linkedNodes.forEach(n -> all.add(n.marking()));
        return Marking.highWaterMark(all);
    }

    /** The supplier as shown: the node's title when the reader can see the node, else the name typed in. */
    public String supplierLabel() {
        return supplierNode != null ? supplierNode.title() : supplierName;
    }
}
