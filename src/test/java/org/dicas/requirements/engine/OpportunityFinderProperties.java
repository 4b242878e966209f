package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.dicas.requirements.bench.SyntheticRequirements;

/** Invariants of the finder over synthetic requirements, and of the learning curve. */
class OpportunityFinderProperties {

    static final List<RequirementProfile> SET = SyntheticRequirements.generate(400, 7);
    static final OpportunityFinder FINDER = OpportunityFinder.over(SET);

    @Property(tries = 200)
    void scoresAreInZeroOneAndSymmetric(@ForAll @IntRange(min = 0, max = 399) int a,
                                        @ForAll @IntRange(min = 0, max = 399) int b) {
        String ia = SET.get(a).id();
        String ib = SET.get(b).id();
        Assessment ab = FINDER.assess(ia, ib);
        Assessment ba = FINDER.assess(ib, ia);
        assertThat(ab.score()).isBetween(0.0, 1.0);
        assertThat(ab.score()).isEqualTo(ba.score());
        assertThat(ab.opportunity()).isEqualTo(ba.opportunity());
        assertThat(ab.explanation().textSimilarity()).isBetween(0.0, 1.0);
        assertThat(ab.window()).isEqualTo(ba.window());
    }

    @Property(tries = 100)
    void candidatesAreOtherNationsBestFirstAndAtMostK(@ForAll @IntRange(min = 0, max = 399) int a,
                                                      @ForAll @IntRange(min = 1, max = 12) int k) {
        RequirementProfile r = SET.get(a);
        List<Candidate> c = FINDER.candidatesFor(r.id(), k);
        assertThat(c).hasSizeLessThanOrEqualTo(k);
        assertThat(c).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
        for (Candidate x : c) {
            assertThat(FINDER.requirement(x.id()).orElseThrow().nation()).isNotEqualTo(r.nation());
            assertThat(x.score()).isBetween(0.0, 1.0);
            // the candidate's score is the pair's score
            assertThat(FINDER.assess(r.id(), x.id()).score()).isEqualTo(x.score());
        }
    }

    @Property(tries = 300)
    void combinedBuysNeverCostMoreWhenThereIsLearning(@ForAll @IntRange(min = 1, max = 5000) int qa,
                                                      @ForAll @IntRange(min = 1, max = 5000) int qb,
                                                      @ForAll @DoubleRange(min = 0.5, max = 0.99) double lr,
                                                      @ForAll @DoubleRange(min = 0.01, max = 1e6) double a) {
        LearningCurve curve = new LearningCurve(a, lr);
        assertThat(curve.savings(qa, qb)).isGreaterThanOrEqualTo(0.0);
        assertThat(curve.savings(qa, qb)).isCloseTo(curve.savings(qb, qa),
                org.assertj.core.api.Assertions.within(1e-6 * curve.cost(qa + qb)));
        assertThat(curve.savingsFraction(qa, qb)).isBetween(0.0, 1.0);
    }
}
