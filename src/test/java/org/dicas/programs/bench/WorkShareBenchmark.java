package org.dicas.programs.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.dicas.programs.engine.WorkShareBalancer;
import org.dicas.programs.engine.WorkShareProblem;
import org.dicas.programs.engine.WorkShareSplit;

/**
 * Work-share balance of issue 13: CP-SAT to within 0.01 % and to proven optimality against the cheapest-option,
 * then-repair split, in the same run, on seeded instances ({@link WorkShareInstances}). Arguments:
 * {@code packages,...  nations  tolerance  seconds  workers  seeds  capacities} (defaults 5000 4 1 60 2 1,2,3 true).
 */
public final class WorkShareBenchmark {

    private WorkShareBenchmark() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "5000";
        int nations = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        BigDecimal tolerance = new BigDecimal(args.length > 2 ? args[2] : "1");
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String seeds = args.length > 5 ? args[5] : "1,2,3";
        boolean capacities = args.length <= 6 || Boolean.parseBoolean(args[6]);
        WorkShareBalancer exact = WorkShareBalancer.create(new WorkShareBalancer.Settings(workers, 0));
        WorkShareBalancer gap = WorkShareBalancer.create(new WorkShareBalancer.Settings(workers, 1e-4));
        System.out.printf(Locale.ROOT, "nations %d, tolerance %s, limit %d s, %d CP-SAT workers, %d cores, %s%n",
                nations, tolerance.toPlainString(), seconds, workers, Runtime.getRuntime().availableProcessors(),
                capacities ? "capacities on every third firm" : "no capacities");
        System.out.println("| packages | options | seed | run | time | status | total cost | lower bound | gap "
                + "| unconstrained | price of balance | greedy / optimum |");
        System.out.println("|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (String size : sizes.split(",")) {
            int packages = Integer.parseInt(size);
            for (String s : seeds.split(",")) {
                long seed = Long.parseLong(s);
                WorkShareProblem p = WorkShareInstances.generate(seed, packages, nations, tolerance, capacities);
                int options = p.packages().stream().mapToInt(w -> w.options().size()).sum();
                exact.validate(p);
                long t0 = System.nanoTime();
                Optional<WorkShareSplit> greedy = exact.cheapestThenRepair(p);
                double greedyMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                WorkShareSplit near = gap.balance(p, Duration.ofSeconds(seconds));
                double nearMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                WorkShareSplit best = exact.balance(p, Duration.ofSeconds(seconds));
                double bestMs = (System.nanoTime() - t0) / 1e6;
                String ratio = greedy.isPresent() && best.totalCost().isPresent()
                        ? String.format(Locale.ROOT, "%.4f", greedy.get().totalCost().get().doubleValue()
                        / best.totalCost().get().doubleValue()) : "–";
                row(packages, options, seed, "cheapest, then repair", greedyMs, greedy.orElse(null), "");
                row(packages, options, seed, "CP-SAT, gap ≤ 0.01 %", nearMs, near, "");
                row(packages, options, seed, "CP-SAT, proven optimal", bestMs, best, ratio);
                best.infeasibility().ifPresent(i -> System.out.println("| | | | " + i.sentence() + " |"));
                System.out.flush();
            }
        }
    }

    static void row(int packages, int options, long seed, String run, double ms, WorkShareSplit s, String ratio) {
        if (s == null) {
            System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %s | %.0f ms | stuck | | | | | | |%n", packages, options,
                    seed, run, ms);
            return;
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", packages,
                options, seed, run, ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms)
                        : String.format(Locale.ROOT, "%.2f s", ms / 1000), s.status(), money(s.totalCost()),
                run.startsWith("cheapest") ? "" : money(s.lowerBound()),
                run.startsWith("cheapest") ? "" : String.format(Locale.ROOT, "%.4f %%", 100 * s.gap()),
                money(s.unconstrainedCost()), money(s.priceOfBalance()), ratio);
    }

    static String money(Optional<BigDecimal> v) {
        return v.map(x -> String.format(Locale.ROOT, "%,.2f", x)).orElse("–");
    }
}
