package org.dicas.sustainment.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A planning run as one reader sees it: assignments and unassigned jobs about jobs and facilities they may read;
 * the others only counted. {@code marking} is the high-water mark of what is shown.
 */
public record PlanView(long id, String status, String createdBy, Instant createdAt, int seconds, LocalDate horizonStart,
                       LocalDate horizonEnd, Score score, Score greedyScore, String message,
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
