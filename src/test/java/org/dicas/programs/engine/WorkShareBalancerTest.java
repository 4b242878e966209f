package org.dicas.programs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.dicas.programs.bench.WorkShareInstances;
import org.junit.jupiter.api.Test;

/** The balancer on a program larger than brute force can check, and the what-ifs the program page offers. */
class WorkShareBalancerTest {

    @Test
    void aMediumProgramKeepsEveryRuleAndCostsNoMoreThanTheGreedySplit() {
        WorkShareProblem p = WorkShareInstances.generate(2, 200, 4, BigDecimal.ONE);
        // a neighbourhood of 50 packages takes the large-problem path (LP, sub-problem, reduced-cost fixing)
        WorkShareBalancer balancer = WorkShareBalancer.create(new WorkShareBalancer.Settings(2, 0, 50));
        WorkShareSplit split = balancer.balance(p, Duration.ofSeconds(4));
        assertThat(split.status()).isIn(WorkShareSplit.Status.OPTIMAL, WorkShareSplit.Status.FEASIBLE);
        WorkShareProperties.checkRules(p, split, true);
        assertThat(split.lowerBound().orElseThrow()).isLessThanOrEqualTo(split.totalCost().orElseThrow());
        assertThat(split.unconstrainedCost().orElseThrow()).isLessThanOrEqualTo(split.totalCost().orElseThrow());
        WorkShareSplit greedy = balancer.cheapestThenRepair(p).orElseThrow();
        WorkShareProperties.checkRules(p, greedy, true);
        assertThat(split.totalCost().orElseThrow()).isLessThanOrEqualTo(greedy.totalCost().orElseThrow());
    }

    @Test
    void aWiderToleranceOrANewReleaseNeverCostsMore() {
        WorkShareBalancer balancer = WorkShareBalancer.create(new WorkShareBalancer.Settings(1, 0));
        int compared = 0;
        for (long seed = 1; seed <= 60; seed++) {
            WorkShareProblem p = WorkShareProperties.tiny(seed);
            WorkShareSplit base = balancer.balance(p, Duration.ofSeconds(10));
            WorkShareSplit wider = balancer.balance(p.withTolerance(p.tolerance().add(BigDecimal.TEN)
                    .min(BigDecimal.valueOf(100))), Duration.ofSeconds(10));
            String nation = p.nations().get(0).code();
            WorkShareSplit released = balancer.balance(p.withRelease("C1", nation), Duration.ofSeconds(10));
            for (WorkShareSplit relaxed : List.of(wider, released)) {
                if (base.status() == WorkShareSplit.Status.OPTIMAL) {
                    assertThat(relaxed.status()).isEqualTo(WorkShareSplit.Status.OPTIMAL);
                    assertThat(relaxed.totalCost().orElseThrow()).isLessThanOrEqualTo(base.totalCost().orElseThrow());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void aNewReleaseAddsTheNationToTheControlOnce() {
        WorkShareProblem p = new WorkShareProblem(List.of(new WorkShareProblem.Nation("USA", BigDecimal.valueOf(100))),
                BigDecimal.ONE, List.of(), List.of(new WorkShareProblem.Release("ITAR-USML-IV", List.of("USA"))),
                List.of());
        assertThat(p.withRelease("ITAR-USML-IV", "JPN").releases())
                .containsExactly(new WorkShareProblem.Release("ITAR-USML-IV", List.of("USA", "JPN")));
        assertThat(p.withRelease("ITAR-USML-IV", "USA").releases()).isEqualTo(p.releases());
        assertThat(p.withRelease("EAR-3A001", "JPN").releases()).hasSize(2);
    }
}
