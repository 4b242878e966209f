package org.dicas.sustainment.engine;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * "Put this job on that resource at its earliest free, open start": a move that keeps the schedule feasible (random
 * change moves on the start day rarely hit a free slot), so local search can relocate a job or place an unassigned
 * one in one step.
 */
public final class EarliestSlotMoveFactory implements MoveIteratorFactory<RepairPlan, EarliestSlotMoveFactory.SlotMove> {

    @Override
    public long getSize(ScoreDirector<RepairPlan> scoreDirector) {
        long n = 0;
        for (JobSlot j : scoreDirector.getWorkingSolution().getJobs()) {
            n += j.getEligible().size();
        }
        return Math.max(1, n);
    }

    @Override
    public Iterator<SlotMove> createOriginalMoveIterator(ScoreDirector<RepairPlan> scoreDirector) {
        throw new UnsupportedOperationException("random selection only");
    }

    @Override
    public Iterator<SlotMove> createRandomMoveIterator(ScoreDirector<RepairPlan> scoreDirector, Random random) {
        RepairPlan plan = scoreDirector.getWorkingSolution();
        List<JobSlot> jobs = plan.getJobs();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !jobs.isEmpty();
            }

            @Override
            public SlotMove next() {
                for (int attempt = 0; attempt < 8; attempt++) {
                    JobSlot j = jobs.get(random.nextInt(jobs.size()));
                    if (j.isPinned() || j.getEligible().isEmpty()) {
                        continue;
                    }
                    Res r = j.getEligible().get(random.nextInt(j.getEligible().size()));
                    int s = earliestFree(jobs, j, r);
                    if (s >= 0 && (r != j.getResource() || s != j.startDay())) {
                        return new SlotMove(j, r, s);
                    }
                }
                JobSlot j = jobs.get(random.nextInt(jobs.size()));
                return new SlotMove(j, j.getResource(), j.startDay());
            }
        };
    }

    /** Earliest start of j on r that overlaps no other job on r and no closed day; -1 if none. */
    static int earliestFree(List<JobSlot> jobs, JobSlot j, Res r) {
        int from = j.earliest();
        int to = j.latestStart();
        int dur = j.duration();
        int horizon = r.closedPrefix.length - 1;
        boolean[] busy = new boolean[horizon];
        for (JobSlot o : jobs) {
            if (o != j && o.getResource() == r) {
                for (int d = Math.max(0, o.startDay()); d < Math.min(horizon, o.endExclusive()); d++) {
                    busy[d] = true;
                }
            }
        }
        int s = from;
        while (s <= to) {
            int bad = -1;
            for (int d = s + dur - 1; d >= s; d--) {
                if (d >= horizon || busy[d] || r.closedDays(d, d + 1) > 0) {
                    bad = d;
                    break;
                }
            }
            if (bad < 0) {
                return s;
            }
            s = bad + 1;
        }
        return -1;
    }

    /** Sets both variables of one job. */
    public static final class SlotMove extends AbstractMove<RepairPlan> {
        final JobSlot job;
        final Res resource;
        final int start;

        SlotMove(JobSlot job, Res resource, int start) {
            this.job = job;
            this.resource = resource;
            this.start = start;
        }

        @Override
        public boolean isMoveDoable(ScoreDirector<RepairPlan> scoreDirector) {
            return !job.isPinned() && (resource != job.getResource() || !Objects.equals(start, job.getStart()));
        }

        @Override
        protected SlotMove createUndoMove(ScoreDirector<RepairPlan> scoreDirector) {
            return new SlotMove(job, job.getResource(), job.startDay());
        }

        @Override
        protected void doMoveOnGenuineVariables(ScoreDirector<RepairPlan> scoreDirector) {
            scoreDirector.beforeVariableChanged(job, "resource");
            job.setResource(resource);
            scoreDirector.afterVariableChanged(job, "resource");
            scoreDirector.beforeVariableChanged(job, "start");
            job.setStart(start);
            scoreDirector.afterVariableChanged(job, "start");
        }

        @Override
        public SlotMove rebase(ScoreDirector<RepairPlan> destination) {
            return new SlotMove(destination.lookUpWorkingObject(job),
                    resource == null ? null : destination.lookUpWorkingObject(resource), start);
        }

        @Override
        public String toString() {
            return job.getId() + " -> " + resource + "@" + start;
        }
    }
}
