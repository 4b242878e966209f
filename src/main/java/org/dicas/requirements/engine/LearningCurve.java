package org.dicas.requirements.engine;

/**
 * Crawford unit-theory learning curve: the cost of unit {@code x} is {@code A·x^b} with {@code b = log2(LR)}.
 * The cost of a lot of {@code K} units after {@code N} already built uses the usual mid-point approximation
 * {@code A/(1+b)·[(N+K+0.5)^(1+b) − (N+0.5)^(1+b)]} (and {@code A·ln((N+K+0.5)/(N+0.5))} in the limit LR = 0.5,
 * where 1+b = 0). The savings of a combined buy are {@code C(Qa) + C(Qb) − C(Qa+Qb)}, each C counted from N = 0.
 *
 * <p>Defaults ({@link #defaults()}): LR = 0.85 (a common figure for aerospace production), A = 1.0, which expresses
 * every cost in multiples of the first unit's cost; callers with a known first-unit cost pass it instead.
 *
 * @param firstUnitCost A, the cost of the first unit, > 0
 * @param learningRate LR in (0, 1]: the cost ratio each time cumulative quantity doubles (1 = no learning)
 */
public record LearningCurve(double firstUnitCost, double learningRate) {

    public static final double DEFAULT_LEARNING_RATE = 0.85;
    public static final double DEFAULT_FIRST_UNIT_COST = 1.0;

    public LearningCurve {
        if (!validLearningRate(learningRate)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], was " + learningRate);
        }
        if (!validFirstUnitCost(firstUnitCost)) {
            throw new IllegalArgumentException("first-unit cost must be a positive number, was " + firstUnitCost);
        }
    }

    /** Whether LR is in (0, 1] (1 = no learning). */
    public static boolean validLearningRate(double learningRate) {
        return learningRate > 0 && learningRate <= 1;
    }

    /** Whether A is a positive, finite number. */
    public static boolean validFirstUnitCost(double firstUnitCost) {
        return firstUnitCost > 0 && !Double.isInfinite(firstUnitCost);
    }

    /** LR 0.85, A 1.0 (results in first-unit-cost units). */
    public static LearningCurve defaults() {
        return new LearningCurve(DEFAULT_FIRST_UNIT_COST, DEFAULT_LEARNING_RATE);
    }

    /** The exponent b = log2(LR) (≤ 0). */
    public double exponent() {
        return Math.log(learningRate) / Math.log(2);
    }

    /** Cost of unit number x (x ≥ 1): A·x^b. */
    public double unitCost(int x) {
        if (x < 1) {
            throw new IllegalArgumentException("unit number must be >= 1, was " + x);
        }
        return firstUnitCost * Math.pow(x, exponent());
    }

    /** Approximate cost of K units after N built: A/(1+b)·[(N+K+0.5)^(1+b) − (N+0.5)^(1+b)]. */
    public double lotCost(int alreadyBuilt, int lotSize) {
        if (alreadyBuilt < 0 || lotSize < 0) {
            throw new IllegalArgumentException("quantities must be >= 0, were " + alreadyBuilt + " and " + lotSize);
        }
        if (lotSize == 0) {
            return 0;
        }
        double e = 1 + exponent();
        double hi = alreadyBuilt + lotSize + 0.5;
        double lo = alreadyBuilt + 0.5;
        if (Math.abs(e) < 1e-12) {
            return firstUnitCost * Math.log(hi / lo);
        }
        return firstUnitCost / e * (Math.pow(hi, e) - Math.pow(lo, e));
    }

    /** C(Q): cost of the first Q units. */
    public double cost(int quantity) {
        return lotCost(0, quantity);
    }

    /** Savings of one combined buy over two separate buys: C(Qa) + C(Qb) − C(Qa+Qb). */
    public double savings(int quantityA, int quantityB) {
        return cost(quantityA) + cost(quantityB) - cost(Math.addExact(quantityA, quantityB));
    }

    /** Savings as a fraction of the separate buys' cost (0 when both quantities are 0). */
    public double savingsFraction(int quantityA, int quantityB) {
        double separate = cost(quantityA) + cost(quantityB);
        return separate == 0 ? 0 : savings(quantityA, quantityB) / separate;
    }
}
