package org.dicas.sustainment.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * A repair-scheduling problem exactly as the command line reads it: a horizon, facilities with resources and closed
 * periods, jobs. Optional fields may be null. {@code pinned} (an extension for the platform) fixes a job to a
 * resource and start day; the solver keeps it.
 */
public record ScheduleProblem(Horizon horizon, List<Facility> facilities, List<Job> jobs, List<Pin> pinned) {

    public record Horizon(LocalDate start, LocalDate end) {
    }

    public record Location(double lat, double lon) {
    }

    public record Period(LocalDate start, LocalDate end) {
    }

    public record Resource(String id, String kind, Double maxLengthM) {
    }

    public record Facility(String id, String nation, List<String> certifications, List<Resource> resources,
                           List<Period> closed, Location location) {
    }

    public record Job(String id, String asset, String flagNation, List<String> resourceKinds, Double lengthM,
                      int durationDays, LocalDate earliestStart, LocalDate dueDate, int priority, List<String> requires,
                      boolean foreignRepairAllowed, Location homePort) {
    }

    public record Pin(String job, String resource, LocalDate start) {
    }

    public ScheduleProblem {
        facilities = facilities == null ? List.of() : facilities;
        jobs = jobs == null ? List.of() : jobs;
        pinned = pinned == null ? List.of() : pinned;
    }
}
