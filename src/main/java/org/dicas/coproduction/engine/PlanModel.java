package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Sentence;

/**
 * The problem compiled to candidate deliveries: one integer variable per (demand, line, period) where the line may
 * serve the demand and the period has room on the line and on every component the product uses, with its upper bound,
 * and for each capacity (line-period, component-period) the variables that use it. Indices, not names, so the planner,
 * the greedy baseline and the bottleneck LP share it.
 */
final class PlanModel {

    final CoproductionProblem problem;
    final int periods;
    final int[] varDemand;
    final int[] varLine;
    final int[] varPeriod;
    final int[] varUpper;
    /** Σ priority × periods late per unit of each variable. */
    final long[] varLate;
    /** Unit cost × 10^costScale per unit of each variable (exact). */
    final long[] varCost;
    final int costScale;
    /** [demand] → variables. */
    final int[][] demandVars;
    /** [line][period-1] → variables. */
    final int[][][] lineVars;
    /** [component][period-1] → variables; units of the component per unit of each is {@link #usage}. */
    final int[][][] componentVars;
    final int[][] usage;

    PlanModel(CoproductionProblem p) {
        this(p, false);
    }

    /**
     * With {@code everyPeriod}, a variable for every eligible (demand, line, period) bounded by the quantity only, so
     * that in the LP every capacity — also one of 0 — carries its own dual price (the bottleneck model).
     */
    PlanModel(CoproductionProblem p, boolean everyPeriod) {
        this.problem = p;
        this.periods = p.periods();
        int scale = 0;
        for (CoproductionProblem.Line l : p.lines()) {
            scale = Math.max(scale, Math.max(0, l.unitCost().stripTrailingZeros().scale()));
        }
        this.costScale = scale;
        int nl = p.lines().size();
        int nc = p.components().size();
        int[][] use = new int[nl][nc];
        for (int l = 0; l < nl; l++) {
            for (int c = 0; c < nc; c++) {
                use[l][c] = p.components().get(c).usage().getOrDefault(p.lines().get(l).product(), 0);
            }
        }
        this.usage = use;
        long[] lineCost = new long[nl];
        for (int l = 0; l < nl; l++) {
            lineCost[l] = p.lines().get(l).unitCost().movePointRight(scale).longValueExact();
        }
        IntList vd = new IntList();
        IntList vl = new IntList();
        IntList vt = new IntList();
        IntList vu = new IntList();
        for (int d = 0; d < p.demands().size(); d++) {
            CoproductionProblem.Demand demand = p.demands().get(d);
            for (int l = 0; l < nl; l++) {
                CoproductionProblem.Line line = p.lines().get(l);
                if (demand.quantity() == 0 || !p.serves(line, demand)) {
                    continue;
                }
                for (int t = 1; t <= periods; t++) {
                    int ub = everyPeriod ? demand.quantity() : Math.min(demand.quantity(), line.capacity().get(t - 1));
                    for (int c = 0; c < nc && ub > 0 && !everyPeriod; c++) {
                        if (use[l][c] > 0) {
                            ub = Math.min(ub, p.components().get(c).capacity().get(t - 1) / use[l][c]);
                        }
                    }
                    if (ub > 0) {
                        vd.add(d);
                        vl.add(l);
                        vt.add(t);
                        vu.add(ub);
                    }
                }
            }
        }
        varDemand = vd.toArray();
        varLine = vl.toArray();
        varPeriod = vt.toArray();
        varUpper = vu.toArray();
        int n = varDemand.length;
        varLate = new long[n];
        varCost = new long[n];
        List<List<Integer>> byDemand = lists(p.demands().size());
        List<List<Integer>> byLinePeriod = lists(nl * periods);
        List<List<Integer>> byComponentPeriod = lists(nc * periods);
        for (int k = 0; k < n; k++) {
            CoproductionProblem.Demand demand = p.demands().get(varDemand[k]);
            varLate[k] = (long) demand.priority() * Math.max(0, varPeriod[k] - demand.due());
            varCost[k] = lineCost[varLine[k]];
            byDemand.get(varDemand[k]).add(k);
            byLinePeriod.get(varLine[k] * periods + varPeriod[k] - 1).add(k);
            for (int c = 0; c < nc; c++) {
                if (use[varLine[k]][c] > 0) {
                    byComponentPeriod.get(c * periods + varPeriod[k] - 1).add(k);
                }
            }
        }
        demandVars = arrays(byDemand);
        lineVars = new int[nl][][];
        for (int l = 0; l < nl; l++) {
            lineVars[l] = arrays(byLinePeriod.subList(l * periods, (l + 1) * periods));
        }
        componentVars = new int[nc][][];
        for (int c = 0; c < nc; c++) {
            componentVars[c] = arrays(byComponentPeriod.subList(c * periods, (c + 1) * periods));
        }
        long units = 0;
        long maxCost = 0;
        for (CoproductionProblem.Demand d : p.demands()) {
            units += d.quantity();
        }
        for (long c : lineCost) {
            maxCost = Math.max(maxCost, c);
        }
        if (units > 0 && maxCost > (1L << 52) / units) {
            throw new CoproductionException(Sentence.of("coproduction.rule.costsTooPrecise"));
        }
    }

    int variables() {
        return varDemand.length;
    }

    int lineCapacity(int l, int t) {
        return problem.lines().get(l).capacity().get(t - 1);
    }

    int componentCapacity(int c, int t) {
        return problem.components().get(c).capacity().get(t - 1);
    }

    /** Σ priority × quantity: the unmet-priority score of delivering nothing. */
    long totalPriority() {
        long s = 0;
        for (CoproductionProblem.Demand d : problem.demands()) {
            s += (long) d.priority() * d.quantity();
        }
        return s;
    }

    /** The plan that delivers {@code x[k]} units of each variable (already checked feasible). */
    ProductionPlan plan(long[] x, ProductionPlan.Status status, List<ProductionPlan.Bottleneck> bottlenecks,
                        ProductionPlan.Statistics statistics) {
        List<ProductionPlan.Delivery> deliveries = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            if (x[k] > 0) {
                deliveries.add(new ProductionPlan.Delivery(problem.demands().get(varDemand[k]).id(),
                        problem.lines().get(varLine[k]).id(), varPeriod[k], (int) x[k]));
            }
        }
        return PlanScore.plan(problem, status, deliveries, bottlenecks, statistics);
    }

    /** Whether {@code x} keeps every bound and capacity (exact integer check). */
    boolean feasible(long[] x) {
        for (int k = 0; k < x.length; k++) {
            if (x[k] < 0 || x[k] > varUpper[k]) {
                return false;
            }
        }
        for (int d = 0; d < demandVars.length; d++) {
            if (units(x, demandVars[d]) > problem.demands().get(d).quantity()) {
                return false;
            }
        }
        for (int l = 0; l < lineVars.length; l++) {
            for (int t = 1; t <= periods; t++) {
                if (units(x, lineVars[l][t - 1]) > lineCapacity(l, t)) {
                    return false;
                }
            }
        }
        for (int c = 0; c < componentVars.length; c++) {
            for (int t = 1; t <= periods; t++) {
                if (componentUnits(x, componentVars[c][t - 1], c) > componentCapacity(c, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long units(long[] x, int[] vars) {
        long s = 0;
        for (int k : vars) {
            s += x[k];
        }
        return s;
    }

    private long componentUnits(long[] x, int[] vars, int c) {
        long s = 0;
        for (int k : vars) {
            s += x[k] * usage[varLine[k]][c];
        }
        return s;
    }

    /** Level values of {@code x}: unmet priority, late priority-periods, scaled cost. */
    long[] levels(long[] x) {
        long delivered = 0;
        long late = 0;
        long cost = 0;
        for (int k = 0; k < x.length; k++) {
            delivered += problem.demands().get(varDemand[k]).priority() * x[k];
            late += varLate[k] * x[k];
            cost += varCost[k] * x[k];
        }
        return new long[] {totalPriority() - delivered, late, cost};
    }

    BigDecimal unscaledCost(double scaled) {
        return BigDecimal.valueOf(scaled).movePointLeft(costScale);
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static int[][] arrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** A growable int array (the model has up to a few hundred thousand variables). */
    private static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
