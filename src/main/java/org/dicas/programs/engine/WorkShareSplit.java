package org.dicas.programs.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to a {@link WorkShareProblem}. {@code OPTIMAL}: {@code totalCost} is proven least; {@code FEASIBLE}:
 * a split within every rule whose optimality was not proven in the time given ({@code lowerBound} bounds the
 * optimum); {@code INFEASIBLE}: proven that no split meets every rule, {@code infeasibility} says why. The
 * unconstrained cost is the optimum with every rule except the share rule; the price of balance is the difference.
 * Assignments are sorted by package id; shares follow the problem's nations.
 */
public record WorkShareSplit(Status status, Optional<BigDecimal> totalCost, Optional<BigDecimal> lowerBound,
                             Optional<BigDecimal> unconstrainedCost, List<Assignment> assignments, List<Share> shares,
                             Optional<Infeasibility> infeasibility) {

    public enum Status { OPTIMAL, FEASIBLE, INFEASIBLE }

    public WorkShareSplit {
        assignments = List.copyOf(assignments);
        shares = List.copyOf(shares);
    }

    /** What balance costs: total cost − unconstrained cost (absent when either is). */
    public Optional<BigDecimal> priceOfBalance() {
        return totalCost.flatMap(t -> unconstrainedCost.map(t::subtract));
    }

    /** The relative gap between the split's cost and its lower bound (0 when proven optimal). */
    public double gap() {
        if (totalCost.isEmpty() || lowerBound.isEmpty() || totalCost.get().signum() == 0) {
            return 0;
        }
        return totalCost.get().subtract(lowerBound.get()).doubleValue() / totalCost.get().doubleValue();
    }

    /** One package given to one performer. */
    public record Assignment(String workPackage, String performer, String nation, BigDecimal cost) {
    }

    /** A nation's target, assigned cost and share of the total in percent (two decimals). */
    public record Share(String nation, BigDecimal target, BigDecimal cost, BigDecimal percent) {
    }

    /**
     * Why no split exists. {@code subject} is the package (NO_ALLOWED_OPTION) or nation (SHARE_*); for SHARE_TOO_LOW
     * {@code percent} is the most any allowed assignment can give the nation, for SHARE_TOO_HIGH the least it must
     * take; {@code low} and {@code high} are the nation's band. NATION_BAND: the nation can get more and less
     * than its band, but no assignment lands inside it. SHARES_TOGETHER: each band alone is reachable, not all at
     * once. SHARE_RULE: proven infeasible, but the time ran out before a narrower reason was found.
     */
    public record Infeasibility(Reason reason, String subject, BigDecimal percent, BigDecimal low, BigDecimal high) {

        public enum Reason { NO_ALLOWED_OPTION, CAPACITIES, SHARE_TOO_LOW, SHARE_TOO_HIGH, NATION_BAND, SHARES_TOGETHER, SHARE_RULE }

        /** The reason as one English sentence (the command line's {@code infeasibility}). */
        public String sentence() {
            return switch (reason) {
                case NO_ALLOWED_OPTION -> "Package " + subject + " has no option whose nation every one of its "
                        + "controls is released to.";
                case CAPACITIES -> "No assignment keeps every performer within its capacity, even without the "
                        + "share rule.";
                case SHARE_TOO_LOW -> "The most any allowed assignment can give " + subject + " is "
                        + plain(percent) + " % of the total cost, below its band of " + plain(low) + " % to "
                        + plain(high) + " %.";
                case SHARE_TOO_HIGH -> "Every allowed assignment gives " + subject + " at least "
                        + plain(percent) + " % of the total cost, above its band of " + plain(low) + " % to "
                        + plain(high) + " %.";
                case NATION_BAND -> "No allowed assignment gives " + subject + " a share between " + plain(low)
                        + " % and " + plain(high) + " % of the total cost.";
                case SHARES_TOGETHER -> "Each nation can reach its band alone, but no allowed assignment puts "
                        + "every nation within its share ± tolerance at the same time.";
                case SHARE_RULE -> "No allowed assignment puts every nation within its share ± tolerance.";
            };
        }

        static String plain(BigDecimal v) {
            return v == null ? "" : v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                    .toLowerCase(Locale.ROOT);
        }
    }
}
