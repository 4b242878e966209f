package org.dicas.sustainment.engine;

import java.time.Duration;
import java.util.function.Consumer;

/** The entry point the command line, the server and the benchmarks use. */
public interface RepairScheduler {

    /** Validates a problem (durations, kinds, dates, duplicate ids…); throws {@link ScheduleException}. */
    void validate(ScheduleProblem problem);

    /** Earliest-due-date-first, earliest feasible slot: the baseline the solver must never be worse than. */
    Schedule greedy(ScheduleProblem problem);

    /**
     * Solves for at most {@code limit} and waits for the result; {@code progress} receives each new best schedule
     * (the baseline first, from a solver thread). To solve in the background, stop early or solve several problems
     * at once, use {@link RepairSolvers}.
     */
    Schedule solve(ScheduleProblem problem, Duration limit, Consumer<Schedule> progress);

    /**
     * The platform's scheduler: CP-SAT and Timefold side by side for the time limit, the best schedule kept, with
     * CP-SAT's status and proven bound (docs/adr/0021).
     */
    static RepairScheduler create() {
        return new TimefoldRepairScheduler(RepairSolvers.Engines.COMBINED);
    }

    /** Timefold local search alone (benchmarks): status FEASIBLE, bound only what no decision changes. */
    static RepairScheduler timefold() {
        return new TimefoldRepairScheduler(RepairSolvers.Engines.TIMEFOLD);
    }

    /** CP-SAT alone, lexicographic, seeded with the greedy baseline, with {@code workers} search threads. */
    static RepairScheduler cpSat(int workers) {
        return new CpSatRepairScheduler(workers);
    }
}
