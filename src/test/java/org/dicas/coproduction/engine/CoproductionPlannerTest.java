package org.dicas.coproduction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small problems whose answer is known by hand: the order of the objective, transfers, bottlenecks, stopping. */
class CoproductionPlannerTest {

    static final CoproductionPlanner PLANNER = CoproductionPlanner.create();

    static CoproductionProblem.Line line(String id, String nation, String product, BigDecimal cost, Integer... cap) {
        return new CoproductionProblem.Line(id, nation, product, List.of(cap), cost);
    }

    static ProductionPlan solve(CoproductionProblem p) {
        return PLANNER.solve(p, Duration.ofSeconds(10), PlanControl.none());
    }

    @Test
    void latenessComesBeforeCost() {
        // the cheap line makes nothing before period 3; the dear one is on time
        CoproductionProblem p = new CoproductionProblem(3,
                List.of(line("CHEAP", "USA", "P", new BigDecimal("1.00"), 0, 0, 5),
                        line("DEAR", "USA", "P", new BigDecimal("9.50"), 5, 0, 0)),
                List.of(), List.of(new CoproductionProblem.Demand("D", "USA", "P", 4, 1, 2)), List.of());
        ProductionPlan plan = solve(p);
        assertThat(plan.status()).isEqualTo(ProductionPlan.Status.OPTIMAL);
        assertThat(plan.deliveries()).containsExactly(new ProductionPlan.Delivery("D", "DEAR", 1, 4));
        assertThat(plan.score()).isEqualTo(new ProductionPlan.Score(0, 0, new BigDecimal("38.00")));
    }

    @Test
    void unmetPriorityComesBeforeLateness() {
        // one unit of room in period 2: the priority-5 demand gets it late rather than the priority-1 demand on time
        CoproductionProblem p = new CoproductionProblem(2,
                List.of(line("L", "JPN", "P", BigDecimal.ONE, 0, 1)), List.of(),
                List.of(new CoproductionProblem.Demand("HIGH", "JPN", "P", 1, 1, 5),
                        new CoproductionProblem.Demand("LOW", "JPN", "P", 1, 2, 1)), List.of());
        ProductionPlan plan = solve(p);
        assertThat(plan.deliveries()).containsExactly(new ProductionPlan.Delivery("HIGH", "L", 2, 1));
        assertThat(plan.unmet()).containsExactly(new ProductionPlan.Unmet("LOW", 1));
        assertThat(plan.score().unmetPriority()).isEqualTo(1);
        assertThat(plan.score().latePriorityPeriods()).isEqualTo(5);
    }

    @Test
    void aForeignLineServesOnlyUnderATransfer() {
        List<CoproductionProblem.Line> lines = List.of(line("L-JP", "JPN", "PAC-3 MSE", BigDecimal.TEN, 3, 3));
        List<CoproductionProblem.Demand> demands = List.of(
                new CoproductionProblem.Demand("D-USA", "USA", "PAC-3 MSE", 4, 2, 3));
        ProductionPlan without = solve(new CoproductionProblem(2, lines, List.of(), demands, List.of()));
        assertThat(without.deliveries()).isEmpty();
        assertThat(without.unmet()).containsExactly(new ProductionPlan.Unmet("D-USA", 4));
        ProductionPlan with = solve(new CoproductionProblem(2, lines, List.of(), demands,
                List.of(new CoproductionProblem.Transfer("JPN", "USA", List.of("PAC-3 MSE")))));
        assertThat(with.unmet()).isEmpty();
        assertThat(with.score().unmetPriority()).isZero();
    }

    @Test
    void aFullLineIsABottleneckWorthTheDemandsPriority() {
        CoproductionProblem p = new CoproductionProblem(2,
                List.of(line("L", "USA", "P", BigDecimal.ONE, 2, 2)), List.of(),
                List.of(new CoproductionProblem.Demand("D", "USA", "P", 9, 2, 3)), List.of());
        ProductionPlan plan = solve(p);
        assertThat(plan.bottlenecks()).containsExactly(new ProductionPlan.Bottleneck(ProductionPlan.Kind.LINE, "L",
                List.of(1, 2), ProductionPlan.Objective.UNMET_PRIORITY, new BigDecimal("3")));
    }

    @Test
    void aSharedComponentIsTheBottleneckWhenTheLinesHaveRoom() {
        // rocket motors limit both products; one more motor per period delivers one more priority-4 round
        CoproductionProblem p = new CoproductionProblem(2,
                List.of(line("PAC", "USA", "PAC-3 MSE", BigDecimal.ONE, 10, 10),
                        line("AIM", "USA", "AMRAAM", BigDecimal.ONE, 10, 10)),
                List.of(new CoproductionProblem.Component("SRM", List.of(3, 3),
                        Map.of("PAC-3 MSE", 1, "AMRAAM", 1))),
                List.of(new CoproductionProblem.Demand("D1", "USA", "PAC-3 MSE", 10, 2, 4),
                        new CoproductionProblem.Demand("D2", "USA", "AMRAAM", 10, 2, 4)), List.of());
        ProductionPlan plan = solve(p);
        assertThat(plan.score().unmetPriority()).isEqualTo(4 * 14);
        assertThat(plan.bottlenecks()).containsExactly(new ProductionPlan.Bottleneck(ProductionPlan.Kind.COMPONENT,
                "SRM", List.of(1, 2), ProductionPlan.Objective.UNMET_PRIORITY, new BigDecimal("4")));
    }

    @Test
    void whenEverythingIsDeliveredOnTimeTheBottleneckIsPricedInCost() {
        // the cheap line is full; one more unit on it saves 9.50 − 1.25
        CoproductionProblem p = new CoproductionProblem(1,
                List.of(line("CHEAP", "USA", "P", new BigDecimal("1.25"), 2),
                        line("DEAR", "USA", "P", new BigDecimal("9.50"), 5)), List.of(),
                List.of(new CoproductionProblem.Demand("D", "USA", "P", 4, 1, 1)), List.of());
        ProductionPlan plan = solve(p);
        assertThat(plan.score().cost()).isEqualByComparingTo("21.50");
        assertThat(plan.bottlenecks()).containsExactly(new ProductionPlan.Bottleneck(ProductionPlan.Kind.LINE,
                "CHEAP", List.of(1), ProductionPlan.Objective.COST, new BigDecimal("8.25")));
    }

    @Test
    void aStoppedPlanKeepsTheGreedyPlanAndIsNotCalledOptimal() {
        CoproductionProblem p = new CoproductionProblem(2,
                List.of(line("L", "USA", "P", BigDecimal.ONE, 2, 2)), List.of(),
                List.of(new CoproductionProblem.Demand("D", "USA", "P", 3, 2, 1)), List.of());
        PlanControl control = PlanControl.none();
        control.stop();
        ProductionPlan plan = PLANNER.solve(p, Duration.ofSeconds(10), control);
        assertThat(plan.status()).isEqualTo(ProductionPlan.Status.FEASIBLE);
        assertThat(plan.score()).isEqualTo(PLANNER.greedy(p).score());
    }

    @Test
    void aStopWhileSolvingInterruptsTheSolverAndKeepsAFeasiblePlan() throws Exception {
        CoproductionProblem p = org.dicas.coproduction.bench.CoproductionInstances.generate(27_150L, 20, 40, 5, 150,
                10, 1.1);
        PlanControl control = new PlanControl(x -> { });
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            control.stop();
        });
        stopper.start();
        ProductionPlan plan = PLANNER.solve(p, Duration.ofSeconds(600), control);
        stopper.join();
        assertThat(control.stopped()).isTrue();
        assertThat(plan.status()).isEqualTo(ProductionPlan.Status.FEASIBLE);
        CoproductionProperties.checkPlan(p, plan);
        assertThat(plan.score()).isLessThanOrEqualTo(PLANNER.greedy(p).score());
    }

    @Test
    void zeroSecondsGivesTheGreedyPlan() {
        CoproductionProblem p = new CoproductionProblem(2,
                List.of(line("L", "USA", "P", BigDecimal.ONE, 2, 2)), List.of(),
                List.of(new CoproductionProblem.Demand("D", "USA", "P", 3, 2, 1)), List.of());
        ProductionPlan plan = PLANNER.solve(p, Duration.ZERO, PlanControl.none());
        assertThat(plan.status()).isEqualTo(ProductionPlan.Status.FEASIBLE);
        assertThat(plan.deliveries()).containsExactly(new ProductionPlan.Delivery("D", "L", 1, 2),
                new ProductionPlan.Delivery("D", "L", 2, 1));
    }

    @Test
    void progressIsReportedForEachLevel() {
        CoproductionProblem p = new CoproductionProblem(1,
                List.of(line("L", "USA", "P", BigDecimal.ONE, 2)), List.of(),
                List.of(new CoproductionProblem.Demand("D", "USA", "P", 1, 1, 1)), List.of());
        List<PlanControl.Progress> seen = new java.util.ArrayList<>();
        PLANNER.solve(p, Duration.ofSeconds(10), new PlanControl(seen::add));
        assertThat(seen).extracting(PlanControl.Progress::level).containsExactly(1, 2, 3);
        assertThat(seen).allMatch(PlanControl.Progress::proven);
    }
}
