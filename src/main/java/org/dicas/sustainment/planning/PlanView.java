package org.dicas.sustainment.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A planning run as one reader sees it: assignments and unassigned jobs about jobs and facilities they may read;
 * the others only counted. {@code marking} is the high-water mark of what is shown. {@code status} is a code and
 * {@code statusLabel} its label in the reader's language. Why a run failed is {@code messageKey} (a message bundle key,
 * e.g. {@code plan.failed.nodeStopped}; empty when there is nothing to say) and {@code explanation} that sentence in the
 * reader's language; {@code message} is a technical detail (the solver's exception), possibly empty. {@code optimal} and {@code bound}
 * are what is proven about the score: the proven optimum, or each level's best proven lower bound (null: none yet).
 */
public record PlanView(long id, String status, String statusLabel, String createdBy, Instant createdAt, int seconds, LocalDate horizonStart,
                       LocalDate horizonEnd, Score score, Score greedyScore, boolean optimal, Score bound,
                       String messageKey, String explanation, String message, List<AssignmentView> assignments, int withheldAssignments,
                       List<UnassignedView> unassigned, int withheldUnassigned, Marking marking) {

    public record Score(long unassignedPriority, long weightedTardinessDays, long transitKm) {
    }

    /** The message key saying how far the score may be from the best possible ({@link #proofArgs()}). */
    public String proofKey() {
        if (optimal) {
            return "plan.proof.optimal";
        }
        if (bound == null) {
            return "plan.proof.none";
        }
        return bound.unassignedPriority() == score.unassignedPriority() ? "plan.proof.gap" : "plan.proof.unassignedGap";
    }

    /** The arguments of {@link #proofKey()}. */
    public Object[] proofArgs() {
        return switch (proofKey()) {
            case "plan.proof.gap" -> new Object[] {score.weightedTardinessDays() - bound.weightedTardinessDays(),
                bound.unassignedPriority(), bound.weightedTardinessDays(), bound.transitKm()};
            case "plan.proof.unassignedGap" -> new Object[] {bound.unassignedPriority(), score.unassignedPriority()};
            default -> new Object[0];
        };
    }

    public record AssignmentView(long jobId, String job, String asset, int priority, String facility,
                                 String facilityName, String resource, LocalDate start, LocalDate finish, int daysLate,
                                 boolean pinned, Marking marking) {
    }

    /**
     * An unassigned job; why: {@code reason} in the reader's language, from {@code reasonKey} with {@code reasonArgs}
     * (codes as the engine gives them). A run stored before reasons were keys has a null key and its English reason.
     */
    public record UnassignedView(long jobId, String job, String asset, int priority, String reason, String reasonKey,
                                 Object[] reasonArgs, Marking marking) {
    }

    public boolean running() {
        return status.equals("QUEUED") || status.equals("RUNNING") || status.equals("STOPPING");
    }
}
