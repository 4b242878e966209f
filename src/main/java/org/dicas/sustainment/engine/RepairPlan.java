package org.dicas.sustainment.engine;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * The planning solution. Score levels: hard[0] = rule violations; soft[0] = −Σ priority of unassigned jobs;
 * soft[1] = −Σ priority × days late; soft[2] = −Σ km. Separate levels cannot overflow into each other.
 */
@PlanningSolution
public class RepairPlan {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 3;

    @ProblemFactCollectionProperty
    private List<Res> resources;

    @PlanningEntityCollectionProperty
    private List<JobSlot> jobs;

    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    public RepairPlan() {
    }

    public RepairPlan(List<Res> resources, List<JobSlot> jobs) {
        this.resources = resources;
        this.jobs = jobs;
    }

    public List<Res> getResources() {
        return resources;
    }

    public List<JobSlot> getJobs() {
        return jobs;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
