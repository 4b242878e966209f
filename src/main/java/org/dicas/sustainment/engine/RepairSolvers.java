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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Solves repair problems in the background on Timefold's {@link SolverManager}: at most {@code parallel} at a time,
 * the others queued in submission order. With {@link Engines#COMBINED} (the default) each run also runs the exact
 * engine (CP-SAT, {@link CpSatRepairSolver}) side by side for the same time: both report into the same best schedule,
 * a proof of optimality ends the local search at once, and the result carries CP-SAT's status and proven bound
 * (docs/adr/0021). Each run, named by a number, reports to its {@link Listener}: the greedy
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
         * The run ended, at its time limit, early, or when CP-SAT proved the optimum; {@code best} is the last schedule
         * {@link #improved} reported, with its status and bound ({@link Schedule#proven}). A run ended while still
         * queued reports its baseline with {@code terminatedEarly}.
         */
        void finished(Schedule best, boolean terminatedEarly);

        /** The solver (or a callback) failed; nothing more is reported. */
        void failed(Throwable error);
    }

    /** Which engines a run uses. */
    public enum Engines {
        /** Timefold local search alone (the result's bound is only what no decision changes). */
        TIMEFOLD,
        /** Timefold and CP-SAT side by side, the best kept, CP-SAT's proof and bound reported. */
        COMBINED
    }

    /** CP-SAT search threads beside the local search (docs/adr/0021). */
    public static final int DEFAULT_EXACT_WORKERS = CpSatRepairScheduler.DEFAULT_WORKERS;

    private static final long END_DELAY_MILLIS = 200;

    private static final int QUEUED = 0;
    private static final int SOLVING = 1;
    private static final int CANCELLED = 2;

    private final SolverManager<RepairPlan, Long> manager;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final Engines engines;
    private final int exactWorkers;
    private final ExecutorService exact;

    /** Solves at most {@code parallel} problems at a time, with both engines. */
    public RepairSolvers(int parallel) {
        this(parallel, Engines.COMBINED, CpSatRepairScheduler.DEFAULT_WORKERS);
    }

    /**
     * Solves at most {@code parallel} problems at a time (each on one Timefold thread and, when combined, CP-SAT with
     * {@code exactWorkers} threads beside it).
     */
    public RepairSolvers(int parallel, Engines engines, int exactWorkers) {
        this.engines = engines;
        this.exactWorkers = exactWorkers;
        this.exact = engines == Engines.COMBINED ? Executors.newCachedThreadPool(new SolverThreads()) : null;
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
        Run run = new Run(id, prepared, listener, limit);
        if (!prepared.anyMovable() || limit == null || limit.toMillis() < 50) {
            run.begin();
            // nothing movable: the baseline is the only schedule there is, hence optimal
            run.finish(prepared.anyMovable() ? run.best
                    : run.best.proven(Schedule.Status.OPTIMAL, run.best.score()), false);
            return run;
        }
        if (runs.putIfAbsent(id, run) != null) {
            throw new IllegalStateException("run " + id + " is already queued or solving");
        }
        try {
            run.job.set(manager.solveBuilder()
                    .withProblemId(id)
                    .withProblemFinder(x -> run.start())
                    .withSolverJobStartedConsumer(x -> run.localSearchStarted())
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
            run.finish(run.prepared.baseline(), true);
        }
        run.stopExact();
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
        run.stopExact();
        manager.terminateEarly(id);
        return true;
    }

    /** Abandons every run and stops the solver threads. */
    @Override
    public void close() {
        runs.values().forEach(r -> {
            r.end();
            r.stopExact();
        });
        manager.close();
        if (exact != null) {
            exact.shutdown();
        }
    }

    /** One submitted problem and what it reported so far. */
    final class Run {

        final long id;
        final Prepared prepared;
        final Listener listener;
        final Duration limit;
        final AtomicReference<CpSatRepairSolver> exactSolver = new AtomicReference<>();
        final CompletableFuture<CpSatRepairSolver.Result> exactResult = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final AtomicBoolean ended = new AtomicBoolean();
        final AtomicReference<SolverJob<RepairPlan, Long>> job = new AtomicReference<>();
        volatile boolean terminatedEarly;
        volatile boolean localSearchStarted;
        final AtomicBoolean endRequested = new AtomicBoolean();
        volatile Schedule best;

        Run(long id, Prepared prepared, Listener listener, Duration limit) {
            this.id = id;
            this.prepared = prepared;
            this.listener = listener;
            this.limit = limit;
        }

        /** The problem finder: called on the solver thread when solving begins. */
        RepairPlan start() {
            if (begin()) {
                startExact();
            } else {
                exactResult.complete(null);
            }
            return prepared.plan();
        }

        /** Reports the start and the baseline; false when the run was cancelled or ended meanwhile. */
        boolean begin() {
            best = prepared.baseline();
            if (state.compareAndSet(QUEUED, SOLVING) && !ended.get()) {
                listener.started();
                listener.improved(best);
                return true;
            }
            return false;
        }

        /** CP-SAT beside the local search, for the same time; a proof of optimality ends the local search. */
        private void startExact() {
            if (exact == null || limit == null) {
                exactResult.complete(null);
                return;
            }
            CpSatRepairSolver solver = new CpSatRepairSolver(prepared.compiled(), exactWorkers);
            exactSolver.set(solver);
            try {
                exact.execute(() -> {
                    try {
                        CpSatRepairSolver.Result r = solver.solve(prepared.seed(), limit, this::offer);
                        exactResult.complete(r);
                        if (r.optimal() && localSearchStarted) {
                            endLocalSearchSoon();
                        }
                    } catch (RuntimeException | Error e) {
                        exactResult.completeExceptionally(e);
                        manager.terminateEarly(id);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                exactResult.complete(null);
            }
        }

        /**
         * The local search has begun (a stop before that is lost on Timefold): if CP-SAT already proved the optimum,
         * end it now, from another thread (ending waits for the solver thread, which calls this).
         */
        void localSearchStarted() {
            localSearchStarted = true;
            CpSatRepairSolver.Result r = exactResult.isCompletedExceptionally() ? null : exactResult.getNow(null);
            if (r != null && r.optimal()) {
                endLocalSearchSoon();
            }
        }

        /**
         * Ends the local search once CP-SAT has proved the optimum. Timefold resets its early-termination flag when
         * solving starts, just after reporting the start, and ignores a second request: the one request is sent
         * from another thread a moment later.
         */
        private void endLocalSearchSoon() {
            if (!endRequested.compareAndSet(false, true)) {
                return;
            }
            try {
                CompletableFuture.runAsync(() -> manager.terminateEarly(id),
                        CompletableFuture.delayedExecutor(END_DELAY_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS,
                                exact));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: the run is being ended anyway
            }
        }

        void stopExact() {
            CpSatRepairSolver s = exactSolver.get();
            if (s != null) {
                s.stop();
            }
        }

        void improved(RepairPlan solution) {
            offer(prepared.schedule(solution));
        }

        /** A schedule from either engine: reported when better than any before (one at a time). */
        synchronized void offer(Schedule s) {
            if (!ended.get() && TimefoldRepairScheduler.compare(s.score(), best.score()) < 0) {
                best = s;
                listener.improved(s);
            }
        }

        void solved(RepairPlan solution) {
            improved(solution);
            finish(withProof(), terminatedEarly);
        }

        /** The best schedule with CP-SAT's proof (waits for it: it ends at the same limit, or when stopped). */
        private Schedule withProof() {
            CpSatRepairSolver.Result r;
            try {
                r = exactResult.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return best;
            } catch (java.util.concurrent.ExecutionException e) {
                // the exact engine failed: the local search's plan stands, with only the bound proven before search
                System.getLogger(RepairSolvers.class.getName()).log(System.Logger.Level.WARNING,
                        "Run " + id + ": CP-SAT failed, the plan keeps no proof beyond its baseline bound", e.getCause());
                return best;
            }
            if (r == null) {
                return best;
            }
            offer(r.schedule());
            Schedule b = best;
            boolean optimal = r.optimal() && b.score().equals(r.bound());
            return b.proven(optimal ? Schedule.Status.OPTIMAL : Schedule.Status.FEASIBLE, r.bound());
        }

        void finish(Schedule result, boolean early) {
            if (end()) {
                listener.finished(result, early);
            }
        }

        void fail(Throwable error) {
            stopExact();
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

        /**
         * True for the first caller: the one that reports the end. Holds the run's lock, so that once it returns no
         * improvement is reported any more ({@link #offer} checks under the same lock).
         */
        synchronized boolean end() {
            runs.remove(id, this);
            return ended.compareAndSet(false, true);
        }
    }

    /**
     * A problem ready for the solver: compiled, its greedy baseline, and the planning entities seeded with it
     * (pinned jobs pinned).
     */
    record Prepared(Compiled compiled, Map<Integer, TimefoldRepairScheduler.Place> seed, Schedule greedy,
                    RepairPlan plan, boolean anyMovable) {

        /** The greedy schedule with the bound that holds before any search: what no decision changes. */
        Schedule baseline() {
            return greedy.proven(Schedule.Status.FEASIBLE, CpSatRepairSolver.fixedPart(compiled));
        }


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
            return new Prepared(c, seed, TimefoldRepairScheduler.toSchedule(c, seed),
                    new RepairPlan(c.resources, entities), anyMovable);
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
