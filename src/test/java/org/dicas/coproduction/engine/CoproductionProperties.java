package org.dicas.coproduction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.dicas.coproduction.bench.CoproductionInstances;

/**
 * Random instances: the planner's proven optimum equals the brute-force optimum on tiny problems; on every problem,
 * solved or greedy, the plan keeps every rule, its score is what its deliveries give, and the solved plan is never worse
 * than the greedy one.
 */
class CoproductionProperties {

    static final CoproductionPlanner PLANNER = CoproductionPlanner.create();

    @Property(tries = 60, seed = "20270401")
    void provenOptimumEqualsBruteForce(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        CoproductionProblem p = tiny(seed);
        ProductionPlan plan = PLANNER.solve(p, Duration.ofSeconds(20), PlanControl.none());
        checkPlan(p, plan);
        assertThat(plan.status()).isEqualTo(ProductionPlan.Status.OPTIMAL);
        ProductionPlan.Score oracle = BruteForcePlans.optimum(p);
        assertThat(plan.score().unmetPriority()).as("unmet priority").isEqualTo(oracle.unmetPriority());
        assertThat(plan.score().latePriorityPeriods()).as("late priority-periods")
                .isEqualTo(oracle.latePriorityPeriods());
        assertThat(plan.score().cost()).as("cost").isEqualByComparingTo(oracle.cost());
    }

    @Property(tries = 10, seed = "20270402")
    void plansKeepEveryRuleAndScoreWhatTheirDeliveriesGive(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 8) int periods, @ForAll @IntRange(min = 1, max = 8) int lines,
            @ForAll @IntRange(min = 1, max = 3) int products, @ForAll @IntRange(min = 1, max = 12) int demands,
            @ForAll @IntRange(min = 0, max = 3) int components) {
        CoproductionProblem p = CoproductionInstances.generate(seed, periods, Math.max(lines, products), products,
                demands, components, 1.2);
        CoproductionRules.check(p);
        ProductionPlan greedy = PLANNER.greedy(p);
        ProductionPlan solved = PLANNER.solve(p, Duration.ofSeconds(10), PlanControl.none());
        checkPlan(p, greedy);
        checkPlan(p, solved);
        assertThat(solved.score()).isLessThanOrEqualTo(greedy.score());
    }

    /** Every rule of the contract, checked on the problem as given (independent of the engine's compiled model). */
    static void checkPlan(CoproductionProblem p, ProductionPlan plan) {
        Map<String, CoproductionProblem.Demand> demands = new HashMap<>();
        p.demands().forEach(d -> demands.put(d.id(), d));
        Map<String, CoproductionProblem.Line> lines = new HashMap<>();
        p.lines().forEach(l -> lines.put(l.id(), l));
        Map<String, Integer> delivered = new HashMap<>();
        Map<String, Integer> lineUse = new HashMap<>();
        Map<String, Integer> componentUse = new HashMap<>();
        long unmet = 0;
        long late = 0;
        BigDecimal cost = BigDecimal.ZERO;
        ProductionPlan.Delivery previous = null;
        for (ProductionPlan.Delivery x : plan.deliveries()) {
            CoproductionProblem.Demand d = demands.get(x.demand());
            CoproductionProblem.Line l = lines.get(x.line());
            assertThat(x.quantity()).isPositive();
            assertThat(x.period()).isBetween(1, p.periods());
            assertThat(l.product()).isEqualTo(d.product());
            assertThat(l.nation().equals(d.nation()) || p.transfers().stream().anyMatch(t -> t.from().equals(
                    l.nation()) && t.to().equals(d.nation()) && t.products().contains(d.product())))
                    .as(x + " allowed").isTrue();
            if (previous != null) {
                int order = previous.demand().compareTo(x.demand());
                if (order == 0) {
                    order = Integer.compare(previous.period(), x.period());
                }
                if (order == 0) {
                    order = previous.line().compareTo(x.line());
                }
                assertThat(order).as("sorted by demand, period, line: " + previous + " then " + x).isNegative();
            }
            previous = x;
            delivered.merge(x.demand(), x.quantity(), Integer::sum);
            lineUse.merge(x.line() + "@" + x.period(), x.quantity(), Integer::sum);
            for (CoproductionProblem.Component c : p.components()) {
                componentUse.merge(c.id() + "@" + x.period(), x.quantity() * c.usage().getOrDefault(l.product(), 0),
                        Integer::sum);
            }
            late += (long) d.priority() * x.quantity() * Math.max(0, x.period() - d.due());
            cost = cost.add(l.unitCost().multiply(BigDecimal.valueOf(x.quantity())));
        }
        List<ProductionPlan.Unmet> expectedUnmet = new ArrayList<>();
        for (CoproductionProblem.Demand d : p.demands()) {
            int got = delivered.getOrDefault(d.id(), 0);
            assertThat(got).as("never beyond the quantity of " + d.id()).isLessThanOrEqualTo(d.quantity());
            unmet += (long) d.priority() * (d.quantity() - got);
            if (got < d.quantity()) {
                expectedUnmet.add(new ProductionPlan.Unmet(d.id(), d.quantity() - got));
            }
        }
        expectedUnmet.sort(java.util.Comparator.comparing(ProductionPlan.Unmet::demand));
        assertThat(plan.unmet()).isEqualTo(expectedUnmet);
        for (CoproductionProblem.Line l : p.lines()) {
            for (int t = 1; t <= p.periods(); t++) {
                assertThat(lineUse.getOrDefault(l.id() + "@" + t, 0)).as("line " + l.id() + " in " + t)
                        .isLessThanOrEqualTo(l.capacity().get(t - 1));
            }
        }
        for (CoproductionProblem.Component c : p.components()) {
            for (int t = 1; t <= p.periods(); t++) {
                assertThat(componentUse.getOrDefault(c.id() + "@" + t, 0)).as("component " + c.id() + " in " + t)
                        .isLessThanOrEqualTo(c.capacity().get(t - 1));
            }
        }
        assertThat(plan.score().unmetPriority()).isEqualTo(unmet);
        assertThat(plan.score().latePriorityPeriods()).isEqualTo(late);
        assertThat(plan.score().cost()).isEqualByComparingTo(cost);
    }

    /** Up to 3 periods, 2 lines, 3 demands of at most 3 units, 1 component, 2 nations, decimal costs. */
    static CoproductionProblem tiny(long seed) {
        Random r = new Random(seed);
        int periods = 1 + r.nextInt(3);
        String[] products = {"A", "B"};
        String[] nations = {"USA", "JPN"};
        List<CoproductionProblem.Line> lines = new ArrayList<>();
        int nl = 1 + r.nextInt(2);
        for (int l = 0; l < nl; l++) {
            lines.add(new CoproductionProblem.Line("L" + l, nations[r.nextInt(2)], products[l == 0 ? 0 : r.nextInt(2)],
                    capacities(r, periods, 3), BigDecimal.valueOf(50 + r.nextInt(400), 2)));
        }
        List<CoproductionProblem.Component> components = new ArrayList<>();
        if (r.nextBoolean()) {
            Map<String, Integer> usage = new HashMap<>();
            usage.put("A", 1 + r.nextInt(2));
            if (r.nextBoolean()) {
                usage.put("B", r.nextInt(3));
            }
            components.add(new CoproductionProblem.Component("C", capacities(r, periods, 4), usage));
        }
        List<CoproductionProblem.Demand> demands = new ArrayList<>();
        int nd = 1 + r.nextInt(3);
        for (int d = 0; d < nd; d++) {
            demands.add(new CoproductionProblem.Demand("D" + d, nations[r.nextInt(2)],
                    lines.get(r.nextInt(nl)).product(), r.nextInt(4), 1 + r.nextInt(periods), 1 + r.nextInt(4)));
        }
        List<CoproductionProblem.Transfer> transfers = new ArrayList<>();
        if (r.nextBoolean()) {
            int from = r.nextInt(2);
            transfers.add(new CoproductionProblem.Transfer(nations[from], nations[1 - from], List.of("A")));
        }
        CoproductionProblem p = new CoproductionProblem(periods, lines, components, demands, transfers);
        try {
            CoproductionRules.check(p);
            return p;
        } catch (CoproductionException e) {
            return tiny(seed + 1);
        }
    }

    private static List<Integer> capacities(Random r, int periods, int max) {
        List<Integer> c = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            c.add(r.nextInt(max + 1));
        }
        return c;
    }
}
