package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Crawford unit theory with hand-computed figures (LR 0.85: b = log2 0.85 = −0.234465). */
class LearningCurveTest {

    static final LearningCurve DEFAULT = LearningCurve.defaults();

    @Test
    void defaultsAreLearningRate085AndFirstUnitCostOne() {
        assertThat(DEFAULT.learningRate()).isEqualTo(0.85);
        assertThat(DEFAULT.firstUnitCost()).isEqualTo(1.0);
        assertThat(DEFAULT.exponent()).isCloseTo(-0.2344653, within(1e-7));
    }

    @Test
    void eachDoublingOfQuantityCostsTheLearningRate() {
        assertThat(DEFAULT.unitCost(1)).isEqualTo(1.0);
        assertThat(DEFAULT.unitCost(2)).isCloseTo(0.85, within(1e-12));
        assertThat(DEFAULT.unitCost(4)).isCloseTo(0.7225, within(1e-12));
        assertThat(DEFAULT.unitCost(10)).isCloseTo(0.5828204, within(1e-7));
    }

    @Test
    void lotCostUsesTheMidpointApproximation() {
        // C(Q) = A/(1+b)·[(Q+0.5)^(1+b) − 0.5^(1+b)]
        assertThat(DEFAULT.cost(1)).isCloseTo(1.0133205, within(1e-7));
        assertThat(DEFAULT.cost(10)).isCloseTo(7.1345839, within(1e-7));
        assertThat(DEFAULT.cost(100)).isCloseTo(43.7728911, within(1e-7));
        // the second lot of 10: A/(1+b)·[20.5^(1+b) − 10.5^(1+b)]
        assertThat(DEFAULT.lotCost(10, 10)).isCloseTo(5.2865157, within(1e-7));
        assertThat(DEFAULT.lotCost(10, 0)).isZero();
    }

    @Test
    void combinedBuySavesWhatTheSecondBuyerLearns() {
        // C(10) + C(10) − C(20)
        assertThat(DEFAULT.savings(10, 10)).isCloseTo(1.8480682, within(1e-7));
        assertThat(DEFAULT.savings(100, 50)).isCloseTo(9.3976593, within(1e-7));
        // the first-unit cost scales everything: A = 2,000,000
        assertThat(new LearningCurve(2_000_000, 0.85).savings(100, 50)).isCloseTo(18_795_318.69, within(0.01));
        assertThat(DEFAULT.savingsFraction(10, 10)).isCloseTo(1.8480682 / (2 * 7.1345839), within(1e-7));
        assertThat(DEFAULT.savings(0, 25)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void noLearningMeansNoSavingsAndHalvingUsesTheLogarithm() {
        LearningCurve flat = new LearningCurve(3.0, 1.0);
        assertThat(flat.cost(10)).isCloseTo(30.0, within(1e-9));
        assertThat(flat.savings(10, 7)).isCloseTo(0.0, within(1e-9));
        // LR 0.5: b = −1, 1 + b = 0: C(Q) = A·ln((Q+0.5)/0.5)
        assertThat(new LearningCurve(1.0, 0.5).cost(10)).isCloseTo(Math.log(21), within(1e-12));
    }

    @Test
    void refusesRatesOutsideZeroToOneAndNonPositiveCosts() {
        assertThatThrownBy(() -> new LearningCurve(1, 0)).hasMessage("learning rate must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new LearningCurve(1, 1.2)).hasMessage("learning rate must be in (0, 1], was 1.2");
        assertThatThrownBy(() -> new LearningCurve(1, Double.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new LearningCurve(0, 0.85))
                .hasMessage("first-unit cost must be a positive number, was 0.0");
        assertThatThrownBy(() -> new LearningCurve(-5, 0.85)).hasMessageContaining("first-unit cost");
        assertThatThrownBy(() -> DEFAULT.unitCost(0)).hasMessage("unit number must be >= 1, was 0");
        assertThatThrownBy(() -> DEFAULT.lotCost(-1, 3)).hasMessageContaining("quantities must be >= 0");
    }
}
