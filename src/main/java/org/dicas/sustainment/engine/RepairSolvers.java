package org.dicas.sustainment.engine;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Solves repair problems in the background on Timefold's {@link SolverManager}: at most {@code parallel} at a time,
 * the others queued in submission order. Each run, named by a number, reports to its {@link Listener}: the greedy
 * baseline first, then each better schedule, then the result (never worse than the baseline). A run can be ended
 * early, keeping its best schedule ({@link #terminateEarly}), or dropped without a word ({@link #abandon}).
 */
public final class RepairSolvers implements AutoCloseable {

    /** What a run reports. Callbacks of one run never overlap; they come from the solver's threads. */
    public interface Listener {

        /** Solving begins, after waiting in the queue (on the solver thread). */
        default void started() {
        }

        /** A schedule better than any reported before: the greedy baseline first. */
        void improved(Schedule best);

        /**
         * The run ended, at its time limit or early; {@code best} is the last schedule {@link #improved} reported.
         * A run ended while still queued reports its baseline with {@code terminatedEarly}.
         */
        void finished(Schedule best, boolean terminatedEarly);

        /** The solver (or a callback) failed; nothing more is reported. */
        void failed(Throwable error);
    }

    private static final int QUEUED = 0;
    private static final int SOLVING = 1;
    private static final int CANCELLED = 2;

    private final SolverManager<RepairPlan, Long> manager;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    /** Solves at most {@code parallel} problems at a time (each on one thread). */
    public RepairSolvers(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel: at least 1");
        }
        this.manager = SolverManager.create(SolverFactory.create(TimefoldRepairScheduler.config(Duration.ofSeconds(1))),
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(parallel))
                        .withThreadFactoryClass(SolverThreads.class));
    }

    /**
     * Queues a problem (validated here: {@link ScheduleException}) to be solved for at most {@code limit} once a
     * solver thread is free. When there is nothing to search (every job pinned or excluded, or under 50 ms), the
     * baseline is reported as the result before this returns.
     */
    public void submit(long id, ScheduleProblem problem, Duration limit, Listener listener) {
        enqueue(id, problem, limit, listener);
    }

    Run enqueue(long id, ScheduleProblem problem, Duration limit, Listener listener) {
        Prepared prepared = Prepared.of(problem);
        Run run = new Run(id, prepared, listener);
        if (!prepared.anyMovable() || limit == null || limit.toMillis() < 50) {
            run.start();
            run.finish(prepared.greedy(), false);
            return run;
        }
        if (runs.putIfAbsent(id, run) != null) {
            throw new IllegalStateException("run " + id + " is already queued or solving");
        }
        try {
            run.job.set(manager.solveBuilder()
                    .withProblemId(id)
                    .withProblemFinder(x -> run.start())
                    .withBestSolutionConsumer(run::improved)
                    .withFinalBestSolutionConsumer(run::solved)
                    .withExceptionHandler((x, e) -> run.fail(e))
                    .withConfigOverride(new SolverConfigOverride<RepairPlan>().withTerminationSpentLimit(limit))
                    .run());
        } catch (RuntimeException e) {
            runs.remove(id, run);
            throw e;
        }
        return run;
    }

    /** The runs queued or solving here. */
    public Set<Long> active() {
        return Set.copyOf(runs.keySet());
    }

    /**
     * Ends a run now, keeping its best schedule ({@link Listener#finished} with {@code terminatedEarly}); waits
     * until its solver has stopped. False when the run is not here (never submitted, or already ended).
     */
    public boolean terminateEarly(long id) {
        Run run = runs.get(id);
        if (run == null) {
            return false;
        }
        run.terminatedEarly = true;
        if (run.state.compareAndSet(QUEUED, CANCELLED)) {
            run.finish(run.prepared.greedy(), true);
        }
        manager.terminateEarly(id);
        return true;
    }

    /** Ends a run without reporting anything more (it is no longer this caller's to report). */
    public boolean abandon(long id) {
        Run run = runs.get(id);
        if (run == null) {
            return false;
        }
        run.end();
        manager.terminateEarly(id);
        return true;
    }

    /** Abandons every run and stops the solver threads. */
    @Override
    public void close() {
        runs.values().forEach(Run::end);
        manager.close();
    }

    /** One submitted problem and what it reported so far. */
    final class Run {

        final long id;
        final Prepared prepared;
        final Listener listener;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final AtomicBoolean ended = new AtomicBoolean();
        final AtomicReference<SolverJob<RepairPlan, Long>> job = new AtomicReference<>();
        volatile boolean terminatedEarly;
        volatile Schedule best;

        Run(long id, Prepared prepared, Listener listener) {
            this.id = id;
            this.prepared = prepared;
            this.listener = listener;
        }

        /** The problem finder: called on the solver thread when solving begins. */
        RepairPlan start() {
            best = prepared.greedy();
            if (state.compareAndSet(QUEUED, SOLVING) && !ended.get()) {
                listener.started();
                listener.improved(best);
            }
            return prepared.plan();
        }

        void improved(RepairPlan solution) {
            Schedule s = prepared.schedule(solution);
            if (!ended.get() && TimefoldRepairScheduler.compare(s.score(), best.score()) < 0) {
                best = s;
                listener.improved(s);
            }
        }

        void solved(RepairPlan solution) {
            improved(solution);
            finish(best, terminatedEarly);
        }

        void finish(Schedule result, boolean early) {
            if (end()) {
                listener.finished(result, early);
            }
        }

        void fail(Throwable error) {
            if (end()) {
                listener.failed(error);
            }
        }

        /** The solver's statistics (null if it did not solve), for the benchmarks. */
        TimefoldRepairScheduler.Stats stats() {
            SolverJob<RepairPlan, Long> j = job.get();
            return j == null ? null : new TimefoldRepairScheduler.Stats(j.getScoreCalculationCount(),
                    j.getSolvingDuration().toMillis(), j.getMoveEvaluationCount());
        }

        /** True for the first caller: the one that reports the end. */
        boolean end() {
            runs.remove(id, this);
            return ended.compareAndSet(false, true);
        }
    }

    /**
     * A problem ready for the solver: compiled, its greedy baseline, and the planning entities seeded with it
     * (pinned jobs pinned).
     */
    record Prepared(Compiled compiled, Schedule greedy, RepairPlan plan, boolean anyMovable) {

        static Prepared of(ScheduleProblem problem) {
            Compiled c = Compiled.of(problem);
            Map<Integer, TimefoldRepairScheduler.Place> seed = TimefoldRepairScheduler.greedyPlacement(c);
            List<JobSlot> entities = new ArrayList<>();
            boolean anyMovable = false;
            for (Compiled.JobInfo j : c.jobs) {
                if (!j.placeable()) {
                    continue;
                }
                JobSlot e = new JobSlot(j.id(), j.job.priority(), j.job.durationDays(), j.earliest, j.latestStart,
                        j.due, j.eligible, c.resources.size(), j.km);
                TimefoldRepairScheduler.Place p = seed.get(j.index);
                if (p != null) {
                    e.setResource(p.resource());
                    e.setStart(p.start());
                }
                boolean pinned = c.pins.containsKey(j.id());
                e.setPinned(pinned);
                anyMovable |= !pinned;
                entities.add(e);
            }
            return new Prepared(c, TimefoldRepairScheduler.toSchedule(c, seed), new RepairPlan(c.resources, entities),
                    anyMovable);
        }

        /** A solution as a schedule, every hard rule re-checked. */
        Schedule schedule(RepairPlan solution) {
            Map<Integer, TimefoldRepairScheduler.Place> out = new HashMap<>();
            for (JobSlot e : solution.getJobs()) {
                Compiled.JobInfo j = compiled.jobById.get(e.getId());
                if (e.getResource() != null && e.getStart() != null && j != null) {
                    out.put(j.index, new TimefoldRepairScheduler.Place(compiled.resources.get(e.getResource().index),
                            e.getStart()));
                }
            }
            return TimefoldRepairScheduler.toSchedule(compiled, out);
        }
    }

    /**
     * Daemon solver threads, named, so a forgotten run never keeps the JVM alive. Public only because Timefold
     * creates it by reflection.
     */
    public static final class SolverThreads implements ThreadFactory {

        private static final AtomicInteger COUNT = new AtomicInteger();

        public SolverThreads() {
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "repair-solver-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
