package org.dicas.sustainment.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A planning run as one reader sees it: assignments and unassigned jobs about jobs and facilities they may read;
 * the others only counted. {@code marking} is the high-water mark of what is shown. Why a run failed is
 * {@code messageKey} (a message bundle key, e.g. {@code plan.failed.nodeStopped}; empty when there is nothing to say);
 * {@code message} is a technical detail (the solver's exception), possibly empty.
 */
public record PlanView(long id, String status, String createdBy, Instant createdAt, int seconds, LocalDate horizonStart,
                       LocalDate horizonEnd, Score score, Score greedyScore, String messageKey, String message,
                       List<AssignmentView> assignments, int withheldAssignments, List<UnassignedView> unassigned,
                       int withheldUnassigned, Marking marking) {

    public record Score(long unassignedPriority, long weightedTardinessDays, long transitKm) {
    }

    public record AssignmentView(long jobId, String job, String asset, int priority, String facility,
                                 String facilityName, String resource, LocalDate start, LocalDate finish, int daysLate,
                                 boolean pinned, Marking marking) {
    }

    public record UnassignedView(long jobId, String job, String asset, int priority, String reason, Marking marking) {
    }

    public boolean running() {
        return status.equals("QUEUED") || status.equals("RUNNING") || status.equals("STOPPING");
    }
}
