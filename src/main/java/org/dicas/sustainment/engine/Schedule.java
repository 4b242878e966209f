package org.dicas.sustainment.engine;

import java.time.LocalDate;
import java.util.List;

/** A solution in the command line's output shape, plus why each late job is late (for the UI). */
public record Schedule(List<Assignment> assignments, List<Unassigned> unassigned, Score score) {

    public record Assignment(String job, String facility, String resource, LocalDate start, LocalDate finish,
                             int daysLate) {
    }

    public record Unassigned(String job, String reason) {
    }

    /** Lexicographic objective: unassigned priority, then Σ priority × days late, then Σ great-circle km. */
    public record Score(long unassignedPriority, long weightedTardinessDays, long transitKm) {
    }
}
