package org.dicas.programs.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.shared.Sentence;

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

        /**
         * The reason as one sentence (key {@code workShare.reason.<REASON>}); its English is the command line's
         * {@code infeasibility}. Nations are named as codes here: the command line's contract is codes.
         */
        public Sentence sentence() {
            String key = "workShare.reason." + reason.name();
            return switch (reason) {
                case NO_ALLOWED_OPTION -> Sentence.of(key, subject);
                case SHARE_TOO_LOW, SHARE_TOO_HIGH -> Sentence.of(key, subject, plain(percent), plain(low), plain(high));
                case NATION_BAND -> Sentence.of(key, subject, plain(low), plain(high));
                case CAPACITIES, SHARES_TOGETHER, SHARE_RULE -> Sentence.of(key);
            };
        }

        static String plain(BigDecimal v) {
            return v == null ? "" : v.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                    .toLowerCase(Locale.ROOT);
        }
    }
}
