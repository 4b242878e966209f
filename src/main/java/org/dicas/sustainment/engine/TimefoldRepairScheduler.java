package org.dicas.sustainment.engine;

import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Greedy baseline (earliest due date first, earliest feasible slot) seeding a Timefold local search, alone or with
 * CP-SAT beside it ({@link RepairSolvers.Engines}); the result is verified against every hard rule and never worse
 * than the baseline. Solving goes through {@link RepairSolvers}
 * (Timefold's SolverManager), here with one run that the caller waits for.
 */
final class TimefoldRepairScheduler implements RepairScheduler {

    /** Statistics of the last {@link #solve} on this thread (for the benchmarks). */
    record Stats(long scoreCalculationCount, long millisSpent, long moveEvaluationCount) {
        long scoreCalculationsPerSecond() {
            return millisSpent <= 0 ? 0 : scoreCalculationCount * 1000 / millisSpent;
        }
    }

    static final ThreadLocal<Stats> LAST_STATS = new ThreadLocal<>();

    private final RepairSolvers.Engines engines;

    TimefoldRepairScheduler(RepairSolvers.Engines engines) {
        this.engines = engines;
    }

    @Override
    public void validate(ScheduleProblem problem) {
        Compiled.of(problem);
    }

    @Override
    public Schedule greedy(ScheduleProblem problem) {
        Compiled c = Compiled.of(problem);
        return toSchedule(c, greedyPlacement(c)).proven(Schedule.Status.FEASIBLE, CpSatRepairSolver.fixedPart(c));
    }

    /** A placement: job index → resource and start day, or absent. */
    record Place(Res resource, int start) {
    }

    static Map<Integer, Place> greedyPlacement(Compiled c) {
        Map<Integer, Place> out = new HashMap<>();
        boolean[][] busy = new boolean[c.resources.size()][];
        for (Compiled.JobInfo j : c.jobs) {
            Res r = c.pinResource(j);
            if (r != null) {
                int s = c.day(c.pins.get(j.id()).start());
                occupy(busy, c, r, s, j.job.durationDays());
                out.put(j.index, new Place(r, s));
            }
        }
        List<Compiled.JobInfo> order = new ArrayList<>();
        for (Compiled.JobInfo j : c.jobs) {
            if (j.placeable() && !c.pins.containsKey(j.id())) {
                order.add(j);
            }
        }
        order.sort(Comparator.<Compiled.JobInfo>comparingInt(j -> j.due)
                .thenComparing(Comparator.<Compiled.JobInfo>comparingInt(j -> j.job.priority()).reversed())
                .thenComparingInt(j -> j.index));
        for (Compiled.JobInfo j : order) {
            int dur = j.job.durationDays();
            Res best = null;
            int bestStart = Integer.MAX_VALUE;
            for (Res r : j.eligible) {
                int s = earliestFree(busy[r.index], r, j.earliest, j.latestStart, dur, bestStart);
                if (s < 0) {
                    continue;
                }
                if (s < bestStart || s == bestStart && j.km[r.index] < j.km[best.index]) {
                    best = r;
                    bestStart = s;
                }
            }
            if (best != null) {
                occupy(busy, c, best, bestStart, dur);
                out.put(j.index, new Place(best, bestStart));
            }
        }
        return out;
    }

    /** The first start in [from, to] (and not after {@code notAfter}) with dur free, open days; -1 if none. */
    private static int earliestFree(boolean[] busy, Res r, int from, int to, int dur, int notAfter) {
        int limit = Math.min(to, notAfter);
        int s = from;
        while (s <= limit) {
            int bad = -1;
            for (int d = s + dur - 1; d >= s; d--) {
                if (busy != null && busy[d] || r.closedDays(d, d + 1) > 0) {
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

    private static void occupy(boolean[][] busy, Compiled c, Res r, int s, int dur) {
        if (busy[r.index] == null) {
            busy[r.index] = new boolean[c.days];
        }
        for (int d = s; d < s + dur; d++) {
            busy[r.index][d] = true;
        }
    }

    /**
     * Builds the output from a placement, re-checking every hard rule (pins first, then input order): anything
     * infeasible is dropped. An unassigned job's reason names the rule that excluded it or, when it had eligible open
     * slots, the jobs that took them ({@link #capacityReason}).
     */
    static Schedule toSchedule(Compiled c, Map<Integer, Place> placement) {
        boolean[][] busy = new boolean[c.resources.size()][];
        Map<Integer, Place> kept = new HashMap<>();
        List<Compiled.JobInfo> order = new ArrayList<>();
        for (Compiled.JobInfo j : c.jobs) {
            if (c.pins.containsKey(j.id())) {
                order.add(j);
            }
        }
        for (Compiled.JobInfo j : c.jobs) {
            if (!c.pins.containsKey(j.id())) {
                order.add(j);
            }
        }
        for (Compiled.JobInfo j : order) {
            Place p = placement.get(j.index);
            if (p == null || p.resource() == null || !j.eligible.contains(p.resource())) {
                continue;
            }
            int s = p.start();
            int dur = j.job.durationDays();
            if (s < j.earliest || s > j.latestStart || p.resource().closedDays(s, s + dur) > 0) {
                continue;
            }
            boolean[] b = busy[p.resource().index];
            boolean free = true;
            for (int d = s; b != null && d < s + dur; d++) {
                if (b[d]) {
                    free = false;
                    break;
                }
            }
            if (!free) {
                continue;
            }
            occupy(busy, c, p.resource(), s, dur);
            kept.put(j.index, p);
        }
        List<Schedule.Assignment> assignments = new ArrayList<>();
        List<Schedule.Unassigned> unassigned = new ArrayList<>();
        long up = 0;
        long wt = 0;
        long km = 0;
        for (Compiled.JobInfo j : c.jobs) {
            Place p = kept.get(j.index);
            if (p == null) {
                unassigned.add(Schedule.Unassigned.of(j.id(), j.exclusion != null ? j.exclusion
                        : capacityReason(c, j, kept)));
                up += j.job.priority();
                continue;
            }
            int finish = p.start() + j.job.durationDays() - 1;
            int late = (int) Math.max(0, (long) finish - j.due);
            wt += (long) j.job.priority() * late;
            km += j.km[p.resource().index];
            assignments.add(new Schedule.Assignment(j.id(), p.resource().facility, p.resource().id,
                    c.date(p.start()), c.date(finish), late));
        }
        return new Schedule(assignments, unassigned, new Schedule.Score(up, wt, km));
    }

    /**
     * Why a job with eligible open slots stayed out: the jobs placed on its eligible resources inside its window
     * (higher priority first). A solver that left room unused says so instead.
     */
    static UnassignedReason capacityReason(Compiled c, Compiled.JobInfo j, Map<Integer, Place> kept) {
        int from = j.earliest;
        int to = j.latestStart + j.job.durationDays();
        List<Compiled.JobInfo> blockers = new ArrayList<>();
        for (Map.Entry<Integer, Place> e : kept.entrySet()) {
            Compiled.JobInfo other = c.jobs.get(e.getKey());
            Place p = e.getValue();
            if (j.eligible.contains(p.resource()) && p.start() < to && p.start() + other.job.durationDays() > from) {
                blockers.add(other);
            }
        }
        if (blockers.isEmpty()) {
            return UnassignedReason.of(UnassignedReason.NOT_PLACED, Compiled.ids(j.eligible));
        }
        blockers.sort(Comparator.<Compiled.JobInfo>comparingInt(b -> b.job.priority()).reversed()
                .thenComparingInt(b -> b.index));
        return UnassignedReason.of(UnassignedReason.CAPACITY, Compiled.ids(j.eligible), c.date(from).toString(),
                c.date(to - 1).toString(), String.join(", ", blockers.stream().map(Compiled.JobInfo::id).toList()));
    }

    /** Lexicographic: negative when a is better (smaller) than b. */
    static int compare(Schedule.Score a, Schedule.Score b) {
        int x = Long.compare(a.unassignedPriority(), b.unassignedPriority());
        if (x != 0) {
            return x;
        }
        x = Long.compare(a.weightedTardinessDays(), b.weightedTardinessDays());
        return x != 0 ? x : Long.compare(a.transitKm(), b.transitKm());
    }

    @Override
    public Schedule solve(ScheduleProblem problem, Duration limit, Consumer<Schedule> progress) {
        Consumer<Schedule> report = progress == null ? s -> { } : progress;
        LAST_STATS.remove();
        CompletableFuture<Schedule> result = new CompletableFuture<>();
        try (RepairSolvers solvers = new RepairSolvers(1, engines, CpSatRepairScheduler.DEFAULT_WORKERS)) {
            RepairSolvers.Run run = solvers.enqueue(0, problem, limit, new RepairSolvers.Listener() {
                @Override
                public void improved(Schedule best) {
                    report.accept(best);
                }

                @Override
                public void finished(Schedule best, boolean terminatedEarly) {
                    result.complete(best);
                }

                @Override
                public void failed(Throwable error) {
                    result.completeExceptionally(error);
                }
            });
            Schedule solved = await(result);
            if (run.stats() != null) {
                LAST_STATS.set(run.stats());
            }
            return solved;
        }
    }

    static Schedule await(CompletableFuture<Schedule> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static SolverConfig config(Duration limit) {
        EntitySelectorConfig recorded = new EntitySelectorConfig().withId("job").withEntityClass(JobSlot.class);
        ChangeMoveSelectorConfig changeResource = new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(recorded)
                .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("resource"));
        ChangeMoveSelectorConfig changeStart = new ChangeMoveSelectorConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig().withMimicSelectorRef("job"))
                .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("start"));
        UnionMoveSelectorConfig moves = new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig(),
                new SwapMoveSelectorConfig(),
                new CartesianProductMoveSelectorConfig().withMoveSelectors(changeResource, changeStart),
                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(EarliestSlotMoveFactory.class));
        return new SolverConfig()
                .withSolutionClass(RepairPlan.class)
                .withEntityClasses(JobSlot.class)
                .withConstraintProviderClass(RepairConstraints.class)
                .withRandomSeed(42L)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit))
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(moves));
    }
}
