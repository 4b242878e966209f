package org.dicas.sustainment.engine;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The exact engine: Google OR-Tools CP-SAT on the same compiled problem as the local search. Per movable job one start
 * variable and, per eligible resource, an optional fixed-size interval on it (at most one present); per resource a
 * {@code NoOverlap} over those intervals, the pinned jobs and the facility's closed periods (fixed intervals). The
 * three objective levels are solved in order; a proven level is fixed ({@code ==}) before the next one, an unproven
 * one capped ({@code ≤} its best value). Either way the lexicographic optimum stays inside every later model, so each
 * level's {@code bestObjectiveBound} is a proven lower bound of the optimum's value at that level.
 */
final class CpSatRepairSolver {

    /** A result: the best schedule found, whether every level was proven optimal, and the proven bound. */
    record Result(Schedule schedule, boolean optimal, Schedule.Score bound) {
    }

    /** Share of the remaining time each level may use (the last one takes all that is left). */
    private static final double[] SHARE = {0.5, 0.8, 1.0};

    private static volatile boolean loaded;

    private final Compiled c;
    private final int workers;
    private volatile boolean stopped;
    private volatile CpSolver current;

    CpSatRepairSolver(Compiled c, int workers) {
        this.c = c;
        this.workers = Math.max(1, workers);
    }

    /** Loads OR-Tools' native library once per JVM (unpacked from the jar to a temporary folder). */
    static void loadNatives() {
        if (!loaded) {
            synchronized (CpSatRepairSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /**
     * The part of each level that no decision changes, hence a proven lower bound of every schedule: the priority of
     * the jobs no rule lets anywhere, the lateness and km of the pinned jobs.
     */
    static Schedule.Score fixedPart(Compiled c) {
        long up = 0;
        long wt = 0;
        long km = 0;
        for (Compiled.JobInfo j : c.jobs) {
            Res pinned = c.pinResource(j);
            if (pinned != null) {
                int finish = c.day(c.pins.get(j.id()).start()) + j.job.durationDays() - 1;
                wt += (long) j.job.priority() * Math.max(0, (long) finish - j.due);
                km += j.km[pinned.index];
            } else if (!j.placeable()) {
                up += j.job.priority();
            }
        }
        return new Schedule.Score(up, wt, km);
    }

    /** Stops the search now (from any thread): {@link #solve} returns its best so far, unproven. */
    void stop() {
        stopped = true;
        CpSolver s = current;
        if (s != null) {
            s.stopSearch();
        }
    }

    /**
     * Solves within {@code limit}, starting from {@code hint} (a feasible placement, e.g. the greedy one);
     * {@code progress} receives each schedule better than the hint's (on the solver's thread).
     */
    Result solve(Map<Integer, TimefoldRepairScheduler.Place> hint, Duration limit, Consumer<Schedule> progress) {
        loadNatives();
        long deadline = System.nanoTime() + limit.toNanos();
        Model m = new Model();
        Map<Integer, TimefoldRepairScheduler.Place> best = new HashMap<>(hint);
        Schedule bestSchedule = TimefoldRepairScheduler.toSchedule(c, best);
        Schedule.Score fixed = fixedPart(c);
        long[] constant = {fixed.unassignedPriority(), fixed.weightedTardinessDays(), fixed.transitKm()};
        long[] bound = {constant[0], constant[1], constant[2]};
        boolean provenSoFar = true;
        if (m.free.isEmpty()) {
            Schedule.Score s = bestSchedule.score();
            return new Result(bestSchedule, true, s);
        }
        LinearExpr[] levels = {m.unassigned(), m.tardiness(), m.transit()};
        for (int level = 0; level < levels.length; level++) {
            long remaining = deadline - System.nanoTime();
            if (stopped || remaining <= 0) {
                provenSoFar = false;
                break;
            }
            m.model.clearHints();
            m.hint(best);
            m.model.clearObjective();
            m.model.minimize(levels[level]);
            CpSolver solver = new CpSolver();
            solver.getParameters().setMaxTimeInSeconds(remaining * SHARE[level] / 1e9).setNumWorkers(workers)
                    .setRandomSeed(42).setLogSearchProgress(false);
            Improvements cb = new Improvements(m, bestSchedule, progress);
            current = solver;
            CpSolverStatus status = stopped ? CpSolverStatus.UNKNOWN : solver.solve(m.model, cb);
            current = null;
            if (cb.best != bestSchedule) {
                bestSchedule = cb.best;
                best = cb.bestPlacement;
            }
            if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
                long value = Math.round(solver.objectiveValue());
                long lower = status == CpSolverStatus.OPTIMAL ? value
                        : Math.max(0, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6));
                bound[level] = constant[level] + Math.min(lower, value);
                Map<Integer, TimefoldRepairScheduler.Place> found = m.placement(solver);
                Schedule s = TimefoldRepairScheduler.toSchedule(c, found);
                if (TimefoldRepairScheduler.compare(s.score(), bestSchedule.score()) < 0) {
                    bestSchedule = s;
                    best = found;
                }
                provenSoFar &= status == CpSolverStatus.OPTIMAL;
                // the optimum of this level in the model (the best schedule's may be worse only if it came from a hint)
                if (status == CpSolverStatus.OPTIMAL) {
                    m.model.addEquality(levels[level], value);
                } else {
                    m.model.addLessOrEqual(levels[level], value);
                }
            } else {
                // no solution of this model within the time (or stopped): the hint stays, the level is unproven
                provenSoFar = false;
                double lower = solver.bestObjectiveBound();
                if (status == CpSolverStatus.UNKNOWN && Double.isFinite(lower)) {
                    bound[level] = constant[level] + Math.max(0, (long) Math.ceil(lower - 1e-6));
                }
                break;
            }
        }
        Schedule proven = bestSchedule.proven(Schedule.Status.FEASIBLE, new Schedule.Score(bound[0], bound[1], bound[2]));
        boolean optimal = provenSoFar && proven.bound().equals(proven.score());
        return new Result(bestSchedule, optimal, proven.bound());
    }

    /** Reports each better schedule while a level is being solved. */
    private final class Improvements extends CpSolverSolutionCallback {
        private final Model m;
        private final Consumer<Schedule> progress;
        Schedule best;
        Map<Integer, TimefoldRepairScheduler.Place> bestPlacement;

        Improvements(Model m, Schedule best, Consumer<Schedule> progress) {
            this.m = m;
            this.best = best;
            this.progress = progress;
        }

        @Override
        public void onSolutionCallback() {
            Map<Integer, TimefoldRepairScheduler.Place> p = m.placement(this::value);
            Schedule s = TimefoldRepairScheduler.toSchedule(c, p);
            if (TimefoldRepairScheduler.compare(s.score(), best.score()) < 0) {
                best = s;
                bestPlacement = p;
                if (progress != null) {
                    progress.accept(s);
                }
            }
        }
    }

    /** The CP-SAT model of the compiled problem. */
    private final class Model {
        final CpModel model = new CpModel();
        final List<Compiled.JobInfo> free = new ArrayList<>();
        final Map<Integer, IntVar> start = new HashMap<>();
        final Map<Integer, List<Option>> options = new HashMap<>();
        final Map<Integer, IntVar> late = new HashMap<>();

        record Option(Res resource, BoolVar present) {
        }

        Model() {
            List<List<IntervalVar>> perResource = new ArrayList<>();
            for (int r = 0; r < c.resources.size(); r++) {
                perResource.add(new ArrayList<>());
            }
            for (Res r : c.resources) {
                int d = 0;
                while (d < c.days) {
                    if (r.closedDays(d, d + 1) == 0) {
                        d++;
                        continue;
                    }
                    int e = d;
                    while (e < c.days && r.closedDays(e, e + 1) > 0) {
                        e++;
                    }
                    perResource.get(r.index).add(model.newFixedInterval(d, e - d, "closed-" + r.id + "-" + d));
                    d = e;
                }
            }
            for (Compiled.JobInfo j : c.jobs) {
                Res pinned = c.pinResource(j);
                int dur = j.job.durationDays();
                if (pinned != null) {
                    perResource.get(pinned.index).add(model.newFixedInterval(c.day(c.pins.get(j.id()).start()), dur,
                            "pin-" + j.id()));
                    continue;
                }
                if (!j.placeable()) {
                    continue;
                }
                free.add(j);
                IntVar s = model.newIntVar(j.earliest, j.latestStart, "s-" + j.id());
                start.put(j.index, s);
                List<Option> os = new ArrayList<>();
                List<Literal> present = new ArrayList<>();
                for (Res r : j.eligible) {
                    BoolVar x = model.newBoolVar("x-" + j.id() + "-" + r.id);
                    perResource.get(r.index).add(model.newOptionalFixedSizeIntervalVar(s, dur, x,
                            "i-" + j.id() + "-" + r.id));
                    os.add(new Option(r, x));
                    present.add(x);
                }
                model.addAtMostOne(present);
                options.put(j.index, os);
                long maxLate = (long) j.latestStart + dur - 1 - j.due;
                if (maxLate > 0) {
                    IntVar l = model.newIntVar(0, maxLate, "late-" + j.id());
                    for (Option o : os) {
                        // late ≥ finish − due when the job is placed (minimising keeps it exactly max(0, …))
                        model.addGreaterOrEqual(l, LinearExpr.affine(s, 1, (long) dur - 1 - j.due))
                                .onlyEnforceIf(o.present());
                    }
                    late.put(j.index, l);
                }
            }
            for (List<IntervalVar> is : perResource) {
                if (is.size() > 1) {
                    model.addNoOverlap(is);
                }
            }
        }

        LinearExpr unassigned() {
            LinearExprBuilder b = LinearExpr.newBuilder();
            for (Compiled.JobInfo j : free) {
                b.add(j.job.priority());
                for (Option o : options.get(j.index)) {
                    b.addTerm(o.present(), -j.job.priority());
                }
            }
            return b.build();
        }

        LinearExpr tardiness() {
            LinearExprBuilder b = LinearExpr.newBuilder();
            for (Compiled.JobInfo j : free) {
                IntVar l = late.get(j.index);
                if (l != null) {
                    b.addTerm(l, j.job.priority());
                }
            }
            return b.build();
        }

        LinearExpr transit() {
            LinearExprBuilder b = LinearExpr.newBuilder();
            for (Compiled.JobInfo j : free) {
                for (Option o : options.get(j.index)) {
                    b.addTerm(o.present(), j.km[o.resource().index]);
                }
            }
            return b.build();
        }

        void hint(Map<Integer, TimefoldRepairScheduler.Place> placement) {
            for (Compiled.JobInfo j : free) {
                TimefoldRepairScheduler.Place p = placement.get(j.index);
                int s = p == null ? j.earliest : p.start();
                model.addHint(start.get(j.index), s);
                for (Option o : options.get(j.index)) {
                    model.addHint(o.present(), p != null && p.resource() == o.resource());
                }
                IntVar l = late.get(j.index);
                if (l != null) {
                    model.addHint(l, p == null ? 0 : Math.max(0, (long) s + j.job.durationDays() - 1 - j.due));
                }
            }
        }

        /** The pinned jobs and the free ones the solution places. */
        Map<Integer, TimefoldRepairScheduler.Place> placement(java.util.function.ToLongFunction<IntVar> value) {
            Map<Integer, TimefoldRepairScheduler.Place> out = new HashMap<>();
            for (Compiled.JobInfo j : c.jobs) {
                Res pinned = c.pinResource(j);
                if (pinned != null) {
                    out.put(j.index, new TimefoldRepairScheduler.Place(pinned, c.day(c.pins.get(j.id()).start())));
                }
            }
            for (Compiled.JobInfo j : free) {
                for (Option o : options.get(j.index)) {
                    if (value.applyAsLong(o.present()) == 1) {
                        out.put(j.index, new TimefoldRepairScheduler.Place(o.resource(),
                                (int) value.applyAsLong(start.get(j.index))));
                    }
                }
            }
            return out;
        }

        Map<Integer, TimefoldRepairScheduler.Place> placement(CpSolver solver) {
            return placement(solver::value);
        }
    }
}
