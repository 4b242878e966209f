package org.dicas.sustainment.engine;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * The planning entity: one job, placed on one of its eligible resources ({@code resource}, null = unassigned) from
 * day index {@code start} (0 = the horizon's first day) for {@code duration} days. The value ranges come from the
 * pre-computed eligibility, so the solver never tries an excluded resource or a start outside the horizon.
 */
@PlanningEntity
public class JobSlot {

    @PlanningId
    private String id;
    private int priority;
    private int duration;
    private int earliest;
    private int latestStart;
    /** Due day index; Integer.MAX_VALUE / 2 when there is no due date. */
    private int due;
    private List<Res> eligible;
    private boolean[] eligibleByIndex;
    private long[] kmByResource;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "eligibleResources")
    private Res resource;

    @PlanningVariable(valueRangeProviderRefs = "startDays")
    private Integer start;

    public JobSlot() {
    }

    public JobSlot(String id, int priority, int duration, int earliest, int latestStart, int due, List<Res> eligible,
                   int resourceCount, long[] kmByResource) {
        this.id = id;
        this.priority = priority;
        this.duration = duration;
        this.earliest = earliest;
        this.latestStart = latestStart;
        this.due = due;
        this.eligible = eligible;
        this.eligibleByIndex = new boolean[resourceCount];
        for (Res r : eligible) {
            eligibleByIndex[r.index] = true;
        }
        this.kmByResource = kmByResource;
        this.start = earliest;
    }

    @ValueRangeProvider(id = "eligibleResources")
    public List<Res> getEligible() {
        return eligible;
    }

    @ValueRangeProvider(id = "startDays")
    public CountableValueRange<Integer> getStartRange() {
        return ValueRangeFactory.createIntValueRange(earliest, Math.max(earliest, latestStart) + 1);
    }

    public String getId() {
        return id;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public Res getResource() {
        return resource;
    }

    public void setResource(Res resource) {
        this.resource = resource;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    int earliest() {
        return earliest;
    }

    int latestStart() {
        return latestStart;
    }

    int duration() {
        return duration;
    }

    int startDay() {
        return start == null ? earliest : start;
    }

    int endExclusive() {
        return startDay() + duration;
    }

    /** Days of the job that fall in its facility's closed periods. */
    int closedDays() {
        return resource == null ? 0 : resource.closedDays(startDay(), endExclusive());
    }

    /** Resource outside the eligible ones, or start outside earliest..latest start (only a bad pin or move can do it). */
    boolean breaksEligibility() {
        return resource != null && (resource.index >= eligibleByIndex.length || !eligibleByIndex[resource.index]
                || startDay() < earliest || startDay() > latestStart);
    }

    int daysLate() {
        long late = (long) endExclusive() - 1 - due;
        return late > 0 ? (int) late : 0;
    }

    long weightedTardiness() {
        return (long) priority * daysLate();
    }

    long km() {
        return resource == null || resource.index >= kmByResource.length ? 0 : kmByResource[resource.index];
    }

    @Override
    public String toString() {
        return id + "@" + resource + "+" + start;
    }
}
