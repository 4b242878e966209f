package org.dicas.coproduction.engine;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact co-production planner. One integer variable per candidate delivery (demand, line, period); each demand at
 * most its quantity, each line and component within its capacity per period. The lexicographic objective is solved
 * level by level — unmet priority, then late priority-periods, then cost — each level's optimum fixed as a constraint
 * before the next, the previous solution given as a hint. A level that is not proven within the time left keeps its
 * best solution and the plan is FEASIBLE; the greedy earliest-due-first plan is the first hint, so there is always a
 * plan. Bottlenecks come from the duals of the LP relaxation (GLOP) at the first level where a capacity has a price.
 *
 * <p>The MIP backend is chosen by measurement (ADR 0019); the others stay selectable for the benchmark.
 */
public final class CoproductionPlanner {

    /** MIP backends reachable through OR-Tools' linear-solver interface. */
    public enum Backend {
        SCIP("SCIP"), CBC("CBC"), CP_SAT("CP_SAT");

        final String id;

        Backend(String id) {
            this.id = id;
        }
    }

    public static final Backend DEFAULT_BACKEND = Backend.SCIP;
    private static final int BOTTLENECKS = 20;

    private final Backend backend;

    private CoproductionPlanner(Backend backend) {
        this.backend = backend;
    }

    public static CoproductionPlanner create() {
        return create(DEFAULT_BACKEND);
    }

    public static CoproductionPlanner create(Backend backend) {
        Natives.load();
        return new CoproductionPlanner(backend);
    }

    /** The straightforward alternative: demands by due period (then priority, id) take the earliest, cheapest room. */
    public ProductionPlan greedy(CoproductionProblem problem) {
        CoproductionRules.check(problem);
        PlanModel m = new PlanModel(problem);
        return m.plan(greedy(m), ProductionPlan.Status.FEASIBLE, List.of(),
                new ProductionPlan.Statistics("greedy", m.variables(), List.of(), 1, 1));
    }

    static long[] greedy(PlanModel m) {
        CoproductionProblem p = m.problem;
        int[][] lineLeft = new int[p.lines().size()][];
        for (int l = 0; l < lineLeft.length; l++) {
            lineLeft[l] = p.lines().get(l).capacity().stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] componentLeft = new int[p.components().size()][];
        for (int c = 0; c < componentLeft.length; c++) {
            componentLeft[c] = p.components().get(c).capacity().stream().mapToInt(Integer::intValue).toArray();
        }
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < p.demands().size(); d++) {
            order.add(d);
        }
        order.sort(Comparator.<Integer>comparingInt(d -> p.demands().get(d).due())
                .thenComparing(d -> -p.demands().get(d).priority()).thenComparing(d -> p.demands().get(d).id()));
        long[] x = new long[m.variables()];
        for (int d : order) {
            int left = p.demands().get(d).quantity();
            List<Integer> vars = new ArrayList<>();
            for (int k : m.demandVars[d]) {
                vars.add(k);
            }
            vars.sort(Comparator.<Integer>comparingInt(k -> m.varPeriod[k]).thenComparingLong(k -> m.varCost[k])
                    .thenComparing(k -> p.lines().get(m.varLine[k]).id()));
            for (int k : vars) {
                if (left == 0) {
                    break;
                }
                int l = m.varLine[k];
                int t = m.varPeriod[k] - 1;
                int q = Math.min(left, lineLeft[l][t]);
                for (int c = 0; c < componentLeft.length && q > 0; c++) {
                    if (m.usage[l][c] > 0) {
                        q = Math.min(q, componentLeft[c][t] / m.usage[l][c]);
                    }
                }
                if (q > 0) {
                    x[k] += q;
                    left -= q;
                    lineLeft[l][t] -= q;
                    for (int c = 0; c < componentLeft.length; c++) {
                        componentLeft[c][t] -= q * m.usage[l][c];
                    }
                }
            }
        }
        return x;
    }

    /** Solves within {@code limit} (all levels together); a zero limit returns the greedy plan. */
    public ProductionPlan solve(CoproductionProblem problem, Duration limit, PlanControl control) {
        CoproductionRules.check(problem);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos() * 85 / 100;
        long end = start + limit.toNanos();
        PlanModel m = new PlanModel(problem);
        long[] best = greedy(m);
        if (limit.isZero() || m.variables() == 0) {
            // no variable: nothing can be delivered, so the empty plan is optimal
            boolean proven = m.variables() == 0;
            return m.plan(best, proven ? ProductionPlan.Status.OPTIMAL : ProductionPlan.Status.FEASIBLE,
                    proven ? List.of() : bottlenecks(m, control, end),
                    new ProductionPlan.Statistics(proven ? backend.name() : "greedy", 0, List.of(), proven ? 0 : 1,
                            proven ? 0 : 1));
        }
        MPSolver solver = MPSolver.createSolver(backend.id);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools backend " + backend.id + " is not available");
        }
        List<Double> levelSeconds = new ArrayList<>();
        boolean proven = true;
        double gap = 0;
        int gapLevel = -1;
        try {
            if (backend == Backend.CP_SAT) {
                solver.setNumThreads(Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
            }
            MPVariable[] x = new MPVariable[m.variables()];
            for (int k = 0; k < x.length; k++) {
                x[k] = solver.makeIntVar(0, m.varUpper[k], "x" + k);
            }
            capacities(m, solver, x);
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            for (int level = 0; level < 3; level++) {
                long t0 = System.nanoTime();
                double[] coef = levelCoefficients(m, level);
                MPObjective objective = solver.objective();
                objective.clear();
                for (int k = 0; k < x.length; k++) {
                    objective.setCoefficient(x[k], coef[k]);
                }
                objective.setMinimization();
                solver.setHint(x, toDoubles(best));
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                MPSolver.ResultStatus status = MPSolver.ResultStatus.NOT_SOLVED;
                if (leftMs > 0 && control.attach(solver)) {
                    solver.setTimeLimit(leftMs);
                    status = solver.solve(params);
                }
                control.detach();
                boolean levelProven = status == MPSolver.ResultStatus.OPTIMAL && !control.stopped();
                if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                    long[] found = new long[x.length];
                    for (int k = 0; k < x.length; k++) {
                        found[k] = Math.round(x[k].solutionValue());
                    }
                    if (m.feasible(found) && better(m, found, best, level)) {
                        best = found;
                    } else if (!m.feasible(found)) {
                        levelProven = false;
                    }
                }
                long value = objectiveValue(m, best, level);
                if (!levelProven) {
                    proven = false;
                    long offset = level == 0 ? m.totalPriority() : 0;
                    double bound = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE
                            ? Math.max(0, Math.ceil(objective.bestBound() - 1e-6) + offset) : 0;
                    double natural = value + offset;
                    if (gapLevel < 0) {
                        gapLevel = level;
                        gap = natural <= 0 ? 0 : Math.max(0, (natural - bound) / natural);
                    }
                }
                levelSeconds.add((System.nanoTime() - t0) / 1e9);
                control.report(new PlanControl.Progress(level + 1, 3, proven, (System.nanoTime() - start) / 1e9));
                MPConstraint fix = solver.makeConstraint(-MPSolver.infinity(), value, "level" + level);
                for (int k = 0; k < x.length; k++) {
                    if (coef[k] != 0) {
                        fix.setCoefficient(x[k], coef[k]);
                    }
                }
            }
        } finally {
            solver.delete();
        }
        return m.plan(best, proven ? ProductionPlan.Status.OPTIMAL : ProductionPlan.Status.FEASIBLE,
                bottlenecks(m, control, end),
                new ProductionPlan.Statistics(backend.name(), m.variables(), levelSeconds, gap, gapLevel + 1));
    }

    /** Each demand at most its quantity; each line and component within its capacity per period. */
    private static List<MPConstraint>[] capacities(PlanModel m, MPSolver solver, MPVariable[] x) {
        for (int d = 0; d < m.demandVars.length; d++) {
            MPConstraint c = solver.makeConstraint(0, m.problem.demands().get(d).quantity(), "d" + d);
            for (int k : m.demandVars[d]) {
                c.setCoefficient(x[k], 1);
            }
        }
        @SuppressWarnings("unchecked")
        List<MPConstraint>[] out = new List[] {new ArrayList<>(), new ArrayList<>()};
        for (int l = 0; l < m.lineVars.length; l++) {
            for (int t = 1; t <= m.periods; t++) {
                MPConstraint c = solver.makeConstraint(0, m.lineCapacity(l, t), "l" + l + "_" + t);
                for (int k : m.lineVars[l][t - 1]) {
                    c.setCoefficient(x[k], 1);
                }
                out[0].add(c);
            }
        }
        for (int ci = 0; ci < m.componentVars.length; ci++) {
            for (int t = 1; t <= m.periods; t++) {
                MPConstraint c = solver.makeConstraint(0, m.componentCapacity(ci, t), "c" + ci + "_" + t);
                for (int k : m.componentVars[ci][t - 1]) {
                    c.setCoefficient(x[k], m.usage[m.varLine[k]][ci]);
                }
                out[1].add(c);
            }
        }
        return out;
    }

    /**
     * Coefficients of level 0 (−priority per delivered unit: unmet priority minus its constant Σ priority ×
     * quantity), level 1 (priority × periods late) and level 2 (scaled unit cost).
     */
    private static double[] levelCoefficients(PlanModel m, int level) {
        double[] c = new double[m.variables()];
        for (int k = 0; k < c.length; k++) {
            c[k] = switch (level) {
                case 0 -> -m.problem.demands().get(m.varDemand[k]).priority();
                case 1 -> m.varLate[k];
                default -> m.varCost[k];
            };
        }
        return c;
    }

    /** The value of {@code x} in the terms of {@link #levelCoefficients} (exact). */
    private static long objectiveValue(PlanModel m, long[] x, int level) {
        long[] v = m.levels(x);
        return level == 0 ? v[0] - m.totalPriority() : v[level];
    }

    /** Whether {@code a} is lexicographically better than {@code b} on levels 0..level. */
    private static boolean better(PlanModel m, long[] a, long[] b, int level) {
        long[] va = m.levels(a);
        long[] vb = m.levels(b);
        for (int i = 0; i <= level; i++) {
            if (va[i] != vb[i]) {
                return va[i] < vb[i];
            }
        }
        return false;
    }

    /**
     * Capacities with a price in the LP relaxation, at the first level where any has one: level 0 (unmet priority);
     * if no capacity limits it, level 1 with level 0's LP optimum fixed; then level 2. One entry per capacity and price,
     * with the periods that share it, highest price first. The LP has what is left of the time limit (at least 1 s);
     * when it does not finish, there are no bottlenecks rather than wrong ones.
     */
    List<ProductionPlan.Bottleneck> bottlenecks(PlanModel plan, PlanControl control, long end) {
        PlanModel m = new PlanModel(plan.problem, true);
        if (m.variables() == 0 || control.stopped()) {
            return List.of();
        }
        MPSolver lp = MPSolver.createSolver("GLOP");
        lp.setTimeLimit(Math.max(1_000, (end - System.nanoTime()) / 1_000_000));
        try {
            MPVariable[] x = new MPVariable[m.variables()];
            for (int k = 0; k < x.length; k++) {
                x[k] = lp.makeNumVar(0, MPSolver.infinity(), "x" + k);
            }
            List<MPConstraint>[] caps = capacities(m, lp, x);
            for (int level = 0; level < 3; level++) {
                double[] coef = levelCoefficients(m, level);
                MPObjective objective = lp.objective();
                objective.clear();
                for (int k = 0; k < x.length; k++) {
                    objective.setCoefficient(x[k], coef[k]);
                }
                objective.setMinimization();
                if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    return List.of();
                }
                double scale = level == 2 ? Math.pow(10, m.costScale) : 1;
                List<ProductionPlan.Bottleneck> found = priced(m, caps, level, scale);
                if (!found.isEmpty()) {
                    return found;
                }
                MPConstraint fix = lp.makeConstraint(-MPSolver.infinity(), objective.value() + 1e-7, "fix" + level);
                for (int k = 0; k < x.length; k++) {
                    fix.setCoefficient(x[k], coef[k]);
                }
            }
            return List.of();
        } finally {
            lp.delete();
        }
    }

    private static List<ProductionPlan.Bottleneck> priced(PlanModel m, List<MPConstraint>[] caps, int level,
                                                          double scale) {
        Map<String, List<Integer>> byPrice = new TreeMap<>();
        Map<String, BigDecimal> prices = new TreeMap<>();
        for (int kind = 0; kind < 2; kind++) {
            List<MPConstraint> cs = caps[kind];
            for (int i = 0; i < cs.size(); i++) {
                double improvement = -cs.get(i).dualValue() / scale;
                if (improvement <= 1e-6) {
                    continue;
                }
                BigDecimal price = BigDecimal.valueOf(improvement).setScale(4, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
                if (price.signum() <= 0) {
                    continue;
                }
                int owner = i / m.periods;
                String key = kind + "\u0000" + owner + "\u0000" + price.toPlainString();
                byPrice.computeIfAbsent(key, k -> new ArrayList<>()).add(i % m.periods + 1);
                prices.put(key, price);
            }
        }
        List<ProductionPlan.Bottleneck> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byPrice.entrySet()) {
            String[] parts = e.getKey().split("\u0000");
            int kind = Integer.parseInt(parts[0]);
            int owner = Integer.parseInt(parts[1]);
            String id = kind == 0 ? m.problem.lines().get(owner).id() : m.problem.components().get(owner).id();
            out.add(new ProductionPlan.Bottleneck(kind == 0 ? ProductionPlan.Kind.LINE : ProductionPlan.Kind.COMPONENT,
                    id, e.getValue().stream().sorted().toList(), ProductionPlan.Objective.values()[level],
                    prices.get(e.getKey())));
        }
        out.sort(Comparator.comparing(ProductionPlan.Bottleneck::value).reversed()
                .thenComparing(ProductionPlan.Bottleneck::kind).thenComparing(ProductionPlan.Bottleneck::id)
                .thenComparing(b -> b.periods().get(0)));
        return out.size() > BOTTLENECKS ? List.copyOf(out.subList(0, BOTTLENECKS)) : out;
    }

    private static double[] toDoubles(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CoproductionPlanner[%s]", backend);
    }

    /** OR-Tools' native libraries, loaded once per process. */
    private static final class Natives {
        private static boolean loaded;

        static synchronized void load() {
            if (!loaded) {
                Loader.loadNativeLibraries();
                loaded = true;
            }
        }
    }
}
