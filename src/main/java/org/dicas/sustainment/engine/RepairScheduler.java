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
     * Solves for at most {@code limit}; {@code progress} receives each new best schedule; stops early when
     * {@code stop} says so (checked between steps).
     */
    Schedule solve(ScheduleProblem problem, Duration limit, Consumer<Schedule> progress,
                   java.util.function.BooleanSupplier stop);

    static RepairScheduler create() {
        return new TimefoldRepairScheduler();
    }
}
