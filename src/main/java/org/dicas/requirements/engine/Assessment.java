package org.dicas.requirements.engine;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The engine's view of one pair: score, opportunity flag, explanation, the aligned procurement window (when both need
 * dates are known) and the savings of a combined buy with the default learning curve (when both quantities are known).
 */
public record Assessment(String idA, String idB, double score, boolean opportunity, Explanation explanation,
                         Optional<ProcurementWindow> window, OptionalDouble combinedBuySavings,
                         int quantityA, int quantityB) {

    /** Savings of a combined buy under the given curve; empty when a quantity is unknown (recorded as 0). */
    public OptionalDouble savings(LearningCurve curve) {
        if (quantityA <= 0 || quantityB <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(curve.savings(quantityA, quantityB));
    }
}
