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

    static RepairScheduler create() {
        return new TimefoldRepairScheduler();
    }
}
