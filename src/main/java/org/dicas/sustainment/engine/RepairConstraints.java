package org.dicas.sustainment.engine;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.dicas.shared.Sentence;

/** The rules and the objective, one method per constraint. */
public class RepairConstraints implements ConstraintProvider {

    static final BendableLongScore HARD = BendableLongScore.ofHard(RepairPlan.HARD_LEVELS, RepairPlan.SOFT_LEVELS, 0, 1);
    static final BendableLongScore UNASSIGNED =
            BendableLongScore.ofSoft(RepairPlan.HARD_LEVELS, RepairPlan.SOFT_LEVELS, 0, 1);
    static final BendableLongScore TARDINESS =
            BendableLongScore.ofSoft(RepairPlan.HARD_LEVELS, RepairPlan.SOFT_LEVELS, 1, 1);
    static final BendableLongScore TRANSIT =
            BendableLongScore.ofSoft(RepairPlan.HARD_LEVELS, RepairPlan.SOFT_LEVELS, 2, 1);

    /** Why a job is late, for the UI. */
    public record Lateness(String job, String resource, int daysLate, int priority) implements ConstraintJustification {
    }

    /** Why a constraint matched one or two jobs (the generic explanation, {@code schedule.constraint.*}). */
    public record Jobs(Sentence description, String job, String otherJob) implements ConstraintJustification {
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            resourceConflict(f), facilityClosed(f), ineligibleSlot(f), unassignedJob(f), lateJob(f), transit(f)
        };
    }

    /** Hard: at most one job per resource per day (penalty = overlapping days). */
    Constraint resourceConflict(ConstraintFactory f) {
        return f.forEachUniquePair(JobSlot.class,
                        Joiners.equal(JobSlot::getResource),
                        Joiners.overlapping(JobSlot::startDay, JobSlot::endExclusive))
                .penalizeLong(HARD, (a, b) -> Math.min(a.endExclusive(), b.endExclusive())
                        - Math.max(a.startDay(), b.startDay()))
                .justifyWith((a, b, s) -> new Jobs(Sentence.of("schedule.constraint.resourceConflict"), a.getId(), b.getId()))
                .asConstraint("resource conflict");
    }

    /** Hard: no day of a job in its facility's closed periods (penalty = closed days). */
    Constraint facilityClosed(ConstraintFactory f) {
        return f.forEach(JobSlot.class)
                .filter(j -> j.closedDays() > 0)
                .penalizeLong(HARD, JobSlot::closedDays)
                .justifyWith((j, s) -> new Jobs(Sentence.of("schedule.constraint.facilityClosed"), j.getId(), null))
                .asConstraint("facility closed");
    }

    /** Hard: the resource is eligible and the start keeps the job in the horizon, on or after its earliest start. */
    Constraint ineligibleSlot(ConstraintFactory f) {
        return f.forEach(JobSlot.class)
                .filter(JobSlot::breaksEligibility)
                .penalizeLong(HARD)
                .justifyWith((j, s) -> new Jobs(Sentence.of("schedule.constraint.ineligibleSlot"), j.getId(), null))
                .asConstraint("ineligible slot");
    }

    /** Medium (soft[0]): the priority of every unassigned job. */
    Constraint unassignedJob(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(JobSlot.class)
                .filter(j -> j.getResource() == null)
                .penalizeLong(UNASSIGNED, JobSlot::getPriority)
                .justifyWith((j, s) -> new Jobs(Sentence.of("schedule.constraint.unassigned"), j.getId(), null))
                .asConstraint("unassigned job");
    }

    /** Soft[1]: priority × days late (finish after the due date). */
    Constraint lateJob(ConstraintFactory f) {
        return f.forEach(JobSlot.class)
                .filter(j -> j.daysLate() > 0)
                .penalizeLong(TARDINESS, JobSlot::weightedTardiness)
                .justifyWith((j, s) -> new Lateness(j.getId(), j.getResource().getId(), j.daysLate(), j.getPriority()))
                .asConstraint("late job");
    }

    /** Soft[2]: great-circle km from the job's home port to the facility. */
    Constraint transit(ConstraintFactory f) {
        return f.forEach(JobSlot.class)
                .filter(j -> j.km() > 0)
                .penalizeLong(TRANSIT, JobSlot::km)
                .justifyWith((j, s) -> new Jobs(Sentence.of("schedule.constraint.transit"), j.getId(), null))
                .asConstraint("transit");
    }
}
