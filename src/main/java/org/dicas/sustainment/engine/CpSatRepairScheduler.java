package org.dicas.sustainment.engine;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CP-SAT alone behind the {@link RepairScheduler} contract ({@link CpSatRepairSolver}), seeded with the greedy
 * baseline, so never worse than it. The platform combines it with Timefold ({@link RepairSolvers}); alone it serves
 * the benchmarks and the brute-force property test.
 */
final class CpSatRepairScheduler implements RepairScheduler {

    /** CP-SAT search threads beside the local search: its portfolio needs several; the machine has two cores. */
    static final int DEFAULT_WORKERS = 4;

    private final int workers;

    CpSatRepairScheduler(int workers) {
        this.workers = workers;
    }

    @Override
    public void validate(ScheduleProblem problem) {
        Compiled.of(problem);
    }

    @Override
    public Schedule greedy(ScheduleProblem problem) {
        return RepairScheduler.timefold().greedy(problem);
    }

    @Override
    public Schedule solve(ScheduleProblem problem, Duration limit, Consumer<Schedule> progress) {
        Consumer<Schedule> report = progress == null ? s -> { } : progress;
        Compiled c = Compiled.of(problem);
        Map<Integer, TimefoldRepairScheduler.Place> seed = TimefoldRepairScheduler.greedyPlacement(c);
        report.accept(TimefoldRepairScheduler.toSchedule(c, seed)
                .proven(Schedule.Status.FEASIBLE, CpSatRepairSolver.fixedPart(c)));
        CpSatRepairSolver.Result r = new CpSatRepairSolver(c, workers).solve(seed, limit, report);
        return r.schedule().proven(r.optimal() ? Schedule.Status.OPTIMAL : Schedule.Status.FEASIBLE, r.bound());
    }
}
