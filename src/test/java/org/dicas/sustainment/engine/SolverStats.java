package org.dicas.sustainment.engine;

/** Exposes the last solve's statistics on this thread to the benchmarks (test-only). */
public final class SolverStats {

    private SolverStats() {
    }

    /** {score calculations, ms spent, move evaluations, score calculations per second}, or null. */
    public static long[] last() {
        TimefoldRepairScheduler.Stats s = TimefoldRepairScheduler.LAST_STATS.get();
        return s == null ? null : new long[] {s.scoreCalculationCount(), s.millisSpent(), s.moveEvaluationCount(),
            s.scoreCalculationsPerSecond()};
    }
}
