package org.dicas.sustainment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * A solution in the command line's output shape, plus why each job is unassigned (a message key with its arguments,
 * for the UI) and how good the plan is proven to be: {@code status} OPTIMAL only when the score is the proven
 * lexicographic optimum; {@code bound} the best proven lower bound of each level (null when nothing was proven).
 */
public record Schedule(List<Assignment> assignments, List<Unassigned> unassigned, Score score, Status status,
                       Score bound) {

    public enum Status { OPTIMAL, FEASIBLE }

    public Schedule {
        status = status == null ? Status.FEASIBLE : status;
    }

    public Schedule(List<Assignment> assignments, List<Unassigned> unassigned, Score score) {
        this(assignments, unassigned, score, Status.FEASIBLE, null);
    }

    /**
     * The same schedule with what is proven about it. Each level of the bound is a lower bound of the optimum's; it is
     * capped at this schedule's own level (still a valid bound), so that {@code bound ≤ score} level by level.
     */
    public Schedule proven(Status status, Score bound) {
        Score b = bound == null ? null : new Score(Math.min(bound.unassignedPriority(), score.unassignedPriority()),
                Math.min(bound.weightedTardinessDays(), score.weightedTardinessDays()),
                Math.min(bound.transitKm(), score.transitKm()));
        return new Schedule(assignments, unassigned, score, status, b);
    }

    public record Assignment(String job, String facility, String resource, LocalDate start, LocalDate finish,
                             int daysLate) {
    }

    /** {@code reason} in English (the command line's); {@code reasonKey} and {@code reasonArgs} for every language. */
    public record Unassigned(String job, String reason, String reasonKey, List<String> reasonArgs) {

        public Unassigned {
            reasonArgs = reasonArgs == null ? List.of() : List.copyOf(reasonArgs);
        }

        static Unassigned of(String job, UnassignedReason why) {
            return new Unassigned(job, why.english(), why.key(), why.args());
        }
    }

    /** Lexicographic objective: unassigned priority, then Σ priority × days late, then Σ great-circle km. */
    public record Score(long unassignedPriority, long weightedTardinessDays, long transitKm) {

        /** Weighted days late between this score and a bound, when the first level is proven; else −1. */
        public long daysLateAbove(Score bound) {
            return bound == null || bound.unassignedPriority() != unassignedPriority ? -1
                    : weightedTardinessDays - bound.weightedTardinessDays();
        }
    }
}
