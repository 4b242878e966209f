package org.dicas.sustainment.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;
import org.junit.jupiter.api.Test;

/** What the plan page says next to the score: proven optimal, within N weighted days late, or no bound yet. */
class PlanProofTest {

    static PlanView plan(PlanView.Score score, boolean optimal, PlanView.Score bound) {
        return new PlanView(1, "DONE", "Done", "x", Instant.EPOCH, 10, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                score, score, optimal, bound, "", "", "", List.of(), 0, List.of(), 0, Marking.highWaterMark(List.of()));
    }

    @Test
    void aProvenOptimumSaysSo() {
        PlanView.Score s = new PlanView.Score(3, 12, 900);
        assertThat(plan(s, true, s).proofKey()).isEqualTo("plan.proof.optimal");
        assertThat(plan(s, true, s).proofArgs()).isEmpty();
    }

    @Test
    void withTheFirstLevelProvenTheGapIsInWeightedDaysLate() {
        PlanView p = plan(new PlanView.Score(3, 12, 900), false, new PlanView.Score(3, 5, 700));
        assertThat(p.proofKey()).isEqualTo("plan.proof.gap");
        assertThat(p.proofArgs()).containsExactly(7L, 3L, 5L, 700L);
    }

    @Test
    void withTheFirstLevelOpenTheGapIsInUnassignedPriorityAndWithoutABoundNothingIsClaimed() {
        PlanView p = plan(new PlanView.Score(5, 12, 900), false, new PlanView.Score(3, 0, 0));
        assertThat(p.proofKey()).isEqualTo("plan.proof.unassignedGap");
        assertThat(p.proofArgs()).containsExactly(3L, 5L);
        assertThat(plan(new PlanView.Score(5, 12, 900), false, null).proofKey()).isEqualTo("plan.proof.none");
    }
}
