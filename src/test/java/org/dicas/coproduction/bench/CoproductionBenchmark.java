package org.dicas.coproduction.bench;

import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import org.dicas.coproduction.engine.CoproductionPlanner;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.PlanControl;
import org.dicas.coproduction.engine.ProductionPlan;

/**
 * Time to the proven lexicographic optimum (or the gap at the limit) of the exact planner, side by side in the same
 * run with the greedy earliest-due-first plan and its score, as ratios greedy / optimised per level. Arguments:
 * {@code periods:lines:products:demands:components,...  seconds  backends} (defaults
 * {@code 20:40:5:150:10,40:60:5:300:20 60 SCIP}); backends is a comma list of SCIP, CBC, CP_SAT.
 */
public final class CoproductionBenchmark {

    private CoproductionBenchmark() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "20:40:5:150:10,40:60:5:300:20";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String backends = args.length > 2 ? args[2] : CoproductionPlanner.DEFAULT_BACKEND.name();
        System.out.println("| periods × lines × products × demands × components | variables | plan | time (s) "
                + "| status | gap | unmet priority | late priority-periods | cost | greedy / plan (unmet, late, cost) |");
        System.out.println("|---|---:|---|---:|---|---:|---:|---:|---:|---|");
        for (String size : sizes.split(",")) {
            String[] s = size.split(":");
            int periods = Integer.parseInt(s[0]);
            int lines = Integer.parseInt(s[1]);
            int products = Integer.parseInt(s[2]);
            int demands = Integer.parseInt(s[3]);
            int components = Integer.parseInt(s[4]);
            CoproductionProblem p = CoproductionInstances.generate(7_000L + periods * 1_000L + demands, periods, lines,
                    products, demands, components, 1.1);
            String name = periods + " × " + lines + " × " + products + " × " + demands + " × " + components;
            CoproductionPlanner baseline = CoproductionPlanner.create();
            long t0 = System.nanoTime();
            ProductionPlan greedy = baseline.greedy(p);
            double greedySeconds = (System.nanoTime() - t0) / 1e9;
            row(name, "", "greedy earliest-due-first", greedySeconds, greedy, null);
            for (String b : backends.split(",")) {
                CoproductionPlanner planner = CoproductionPlanner.create(CoproductionPlanner.Backend.valueOf(b));
                long t1 = System.nanoTime();
                ProductionPlan plan = planner.solve(p, Duration.ofSeconds(seconds), PlanControl.none());
                double solveSeconds = (System.nanoTime() - t1) / 1e9;
                row(name, String.valueOf(plan.statistics().variables()), b + " (levels "
                        + plan.statistics().levelSeconds().stream().map(x -> String.format(Locale.ROOT, "%.1f", x))
                        .toList() + " s)", solveSeconds, plan, greedy);
            }
        }
    }

    private static void row(String name, String variables, String run, double seconds, ProductionPlan plan,
                            ProductionPlan greedy) {
        ProductionPlan.Score sc = plan.score();
        String ratio = "";
        if (greedy != null) {
            ProductionPlan.Score g = greedy.score();
            ratio = ratio(g.unmetPriority(), sc.unmetPriority()) + ", " + ratio(g.latePriorityPeriods(),
                    sc.latePriorityPeriods()) + ", " + ratio(g.cost().doubleValue(), sc.cost().doubleValue());
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %d | %d | %s | %s |%n", name, variables, run,
                seconds, greedy == null ? "—" : plan.status(), greedy == null ? "—"
                        : plan.statistics().gapLevel() == 0 ? "0"
                        : String.format(Locale.ROOT, "%.4f %% (level %d)", plan.statistics().gap() * 100,
                        plan.statistics().gapLevel()), sc.unmetPriority(),
                sc.latePriorityPeriods(), sc.cost().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), ratio);
    }

    private static String ratio(double greedy, double plan) {
        return plan == 0 ? (greedy == 0 ? "1" : "∞") : String.format(Locale.ROOT, "%.2f", greedy / plan);
    }
}
