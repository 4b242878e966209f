package org.dicas.sustainment.engine;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One ConstraintVerifier test per constraint. */
class RepairConstraintsTest {

    static final ConstraintVerifier<RepairConstraints, RepairPlan> VERIFIER =
            ConstraintVerifier.build(new RepairConstraints(), RepairPlan.class, JobSlot.class);

    static final int DAYS = 100;

    /** Resource 0 (F1, closed days 10..14) and resource 1 (F2, always open). */
    static final Res R0 = new Res(0, "R0", "F1", "DRYDOCK", prefix(10, 14));
    static final Res R1 = new Res(1, "R1", "F2", "PIER", prefix(-1, -2));

    static int[] prefix(int closedFrom, int closedTo) {
        int[] p = new int[DAYS + 1];
        for (int d = 0; d < DAYS; d++) {
            p[d + 1] = p[d] + (d >= closedFrom && d <= closedTo ? 1 : 0);
        }
        return p;
    }

    static JobSlot job(String id, int priority, int duration, int due, Res resource, int start, List<Res> eligible) {
        JobSlot j = new JobSlot(id, priority, duration, 0, DAYS - duration, due, eligible, 2, new long[] {120, 0});
        j.setResource(resource);
        j.setStart(start);
        return j;
    }

    static JobSlot job(String id, Res resource, int start, int duration) {
        return job(id, 1, duration, 1000, resource, start, List.of(R0, R1));
    }

    @Test
    void resourceConflictPenalizesOverlappingDays() {
        VERIFIER.verifyThat(RepairConstraints::resourceConflict)
                .given(job("A", R1, 20, 10), job("B", R1, 25, 10), job("C", R0, 20, 10))
                .penalizesBy(5);
        VERIFIER.verifyThat(RepairConstraints::resourceConflict)
                .given(job("A", R1, 20, 10), job("B", R1, 30, 10))
                .penalizesBy(0);
    }

    @Test
    void facilityClosedPenalizesClosedDays() {
        VERIFIER.verifyThat(RepairConstraints::facilityClosed)
                .given(job("A", R0, 8, 5), job("B", R1, 8, 5), job("C", R0, 15, 5))
                .penalizesBy(3);
    }

    @Test
    void ineligibleSlotPenalizesAResourceOrStartOutsideTheRange() {
        JobSlot onlyR1 = job("A", 1, 10, 1000, R0, 0, List.of(R1));
        JobSlot tooLate = job("B", 1, 10, 1000, R1, DAYS - 5, List.of(R1));
        JobSlot fine = job("C", 1, 10, 1000, R1, 0, List.of(R1));
        VERIFIER.verifyThat(RepairConstraints::ineligibleSlot).given(onlyR1, tooLate, fine).penalizesBy(2);
    }

    @Test
    void unassignedJobPenalizesItsPriority() {
        VERIFIER.verifyThat(RepairConstraints::unassignedJob)
                .given(job("A", 3, 10, 1000, null, 0, List.of(R0)), job("B", 5, 10, 1000, R0, 0, List.of(R0)))
                .penalizesBy(3);
    }

    @Test
    void lateJobPenalizesPriorityTimesDaysLateWithAJustification() {
        // finish = 20 + 10 - 1 = 29, due 25 → 4 days late, priority 3
        JobSlot late = job("A", 3, 10, 25, R1, 20, List.of(R1));
        JobSlot onTime = job("B", 3, 10, 29, R1, 0, List.of(R1));
        VERIFIER.verifyThat(RepairConstraints::lateJob).given(late, onTime).penalizesBy(12);
        VERIFIER.verifyThat(RepairConstraints::lateJob).given(late)
                .justifiesWith(new RepairConstraints.Lateness("A", "R1", 4, 3));
    }

    @Test
    void transitPenalizesKilometres() {
        VERIFIER.verifyThat(RepairConstraints::transit)
                .given(job("A", R0, 0, 5), job("B", R1, 0, 5), job("C", 1, 5, 1000, null, 0, List.of(R0)))
                .penalizesBy(120);
    }
}
