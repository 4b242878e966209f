package org.dicas.programs.engine;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The packages worth reconsidering, from the LP relaxation of the model with or without the share rule (GLOP): every package whose LP
 * choice is fractional, and the {@code size} packages whose second-best option is cheapest in reduced cost. The
 * other packages keep their LP option; CP-SAT then solves the small remaining problem exactly (a relaxation-induced
 * neighbourhood), which gives the full model a near-optimal hint in little time.
 */
final class LpNeighbourhood {

    /**
     * Per package the LP's option and whether the package is free; {@code bound}: the LP optimum in cents, rounded
     * down after a relative safety margin for floating point (a lower bound on the integer optimum).
     */
    record Result(int[] lpChoice, boolean[] free, long bound, double lpCents, double[][] reducedCents) {

        /**
         * Reduced-cost fixing: options that no split cheaper than {@code incumbent} cents can use, since any split
         * using option (i, j) costs at least LP optimum + its reduced cost. A margin of 1e-6 relative plus one cent
         * absorbs floating point.
         */
        boolean[][] useless(long incumbent) {
            double margin = Math.abs(incumbent) * 1e-6 + 1;
            boolean[][] out = new boolean[reducedCents.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new boolean[reducedCents[i].length];
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] = lpCents + reducedCents[i][j] > incumbent + margin;
                }
            }
            return out;
        }
    }

    private LpNeighbourhood() {
    }

    static Optional<Result> of(CompiledShares m, int size, boolean shares) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            return Optional.empty();
        }
        try {
            int count = m.packages.length;
            MPVariable[][] x = new MPVariable[count][];
            MPVariable[] cost = new MPVariable[m.nations];
            MPConstraint[] nationRow = new MPConstraint[m.nations];
            for (int n = 0; n < m.nations; n++) {
                cost[n] = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "");
                nationRow[n] = lp.makeConstraint(0, 0);
                nationRow[n].setCoefficient(cost[n], -1);
            }
            MPConstraint[] capacityRow = new MPConstraint[m.performers.length];
            boolean capped = m.capacitiesMayBind();
            for (int f = 0; f < m.performers.length; f++) {
                if (capped && m.capacity[f] != Long.MAX_VALUE) {
                    capacityRow[f] = lp.makeConstraint(Double.NEGATIVE_INFINITY, m.capacity[f] / 100.0);
                }
            }
            MPObjective objective = lp.objective();
            for (int i = 0; i < count; i++) {
                x[i] = new MPVariable[m.cents[i].length];
                MPConstraint one = lp.makeConstraint(1, 1);
                for (int j = 0; j < x[i].length; j++) {
                    x[i][j] = lp.makeNumVar(0, 1, "");
                    double money = m.cents[i][j] / 100.0;
                    one.setCoefficient(x[i][j], 1);
                    nationRow[m.nationOf[i][j]].setCoefficient(x[i][j], money);
                    if (capacityRow[m.performerOf[i][j]] != null) {
                        capacityRow[m.performerOf[i][j]].setCoefficient(x[i][j], money);
                    }
                    objective.setCoefficient(x[i][j], money);
                }
            }
            for (int n = 0; n < m.nations && shares; n++) {
                // cost(n) − bp/10000 · Σ cost ≥ 0 (low) and ≤ 0 (high)
                if (m.low[n] > 0) {
                    MPConstraint lo = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
                    share(lo, cost, n, m.low[n]);
                }
                if (m.high[n] < CompiledShares.BP) {
                    MPConstraint hi = lp.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    share(hi, cost, n, m.high[n]);
                }
            }
            objective.setMinimization();
            if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
            int[] choice = new int[count];
            double[] slack = new double[count];
            boolean[] free = new boolean[count];
            double[][] reduced = new double[count][];
            for (int i = 0; i < count; i++) {
                reduced[i] = new double[x[i].length];
                for (int j = 0; j < x[i].length; j++) {
                    reduced[i][j] = Math.max(0, x[i][j].reducedCost() * 100);
                }
                int best = 0;
                for (int j = 1; j < x[i].length; j++) {
                    if (x[i][j].solutionValue() > x[i][best].solutionValue()) {
                        best = j;
                    }
                }
                choice[i] = best;
                free[i] = x[i][best].solutionValue() < 1 - 1e-6;
                slack[i] = Double.POSITIVE_INFINITY;
                for (int j = 0; j < x[i].length; j++) {
                    if (j != best) {
                        slack[i] = Math.min(slack[i], x[i][j].reducedCost() - x[i][best].reducedCost());
                    }
                }
            }
            int[] order = IntStream.range(0, count).boxed().sorted(Comparator.comparingDouble(i -> slack[i]))
                    .mapToInt(Integer::intValue).toArray();
            for (int k = 0; k < Math.min(size, count); k++) {
                free[order[k]] = true;
            }
            double cents = objective.value() * 100;
            return Optional.of(new Result(choice, free, (long) Math.floor(cents - Math.abs(cents) * 1e-7 - 1e-6), cents,
                    reduced));
        } finally {
            lp.delete();
        }
    }

    private static void share(MPConstraint row, MPVariable[] cost, int n, long bp) {
        double r = bp / (double) CompiledShares.BP;
        for (int k = 0; k < cost.length; k++) {
            row.setCoefficient(cost[k], (k == n ? 1 : 0) - r);
        }
    }

    static int freeCount(boolean[] free) {
        int c = 0;
        for (boolean f : free) {
            c += f ? 1 : 0;
        }
        return c;
    }

    static boolean[] all(int count) {
        boolean[] b = new boolean[count];
        Arrays.fill(b, true);
        return b;
    }
}
