package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A planner's answer: whether its lexicographic optimum is proven, the deliveries (sorted by demand, period, line;
 * quantities above zero), the unmet remainder of each demand, the score the deliveries give, and the capacities whose
 * increase would most reduce the objective.
 */
public record ProductionPlan(Status status, List<Delivery> deliveries, List<Unmet> unmet, Score score,
                             List<Bottleneck> bottlenecks, Statistics statistics) {

    public ProductionPlan {
        deliveries = deliveries.stream().sorted(Delivery.ORDER).toList();
        unmet = List.copyOf(unmet);
        bottlenecks = List.copyOf(bottlenecks);
    }

    /** OPTIMAL only when every level of the lexicographic objective was proven optimal. */
    public enum Status { OPTIMAL, FEASIBLE }

    /** {@code quantity} units made on {@code line} in {@code period} for {@code demand}. */
    public record Delivery(String demand, String line, int period, int quantity) {
        static final Comparator<Delivery> ORDER = Comparator.comparing(Delivery::demand)
                .thenComparingInt(Delivery::period).thenComparing(Delivery::line);
    }

    /** The part of a demand no line delivers. */
    public record Unmet(String demand, int quantity) {
    }

    /**
     * The lexicographic objective: Σ priority × unmet units, then Σ priority × units × periods late, then Σ unit cost ×
     * units (exact decimal).
     */
    public record Score(long unmetPriority, long latePriorityPeriods, BigDecimal cost) implements Comparable<Score> {
        @Override
        public int compareTo(Score o) {
            int c = Long.compare(unmetPriority, o.unmetPriority);
            if (c != 0) {
                return c;
            }
            c = Long.compare(latePriorityPeriods, o.latePriorityPeriods);
            return c != 0 ? c : cost.compareTo(o.cost);
        }
    }

    /** Which capacity it is. */
    public enum Kind { LINE, COMPONENT }

    /**
     * A capacity that binds: one more unit of {@code kind} {@code id} in any one of {@code periods} reduces the
     * objective level {@code objective} by {@code value} (the LP relaxation's dual price; the first level on which
     * any capacity has a price).
     */
    public record Bottleneck(@org.dicas.shared.Labelled("coproduction.kind") Kind kind, String id, List<Integer> periods,
                             @org.dicas.shared.Labelled("coproduction.objectiveName") Objective objective, BigDecimal value) {
        public Bottleneck {
            periods = List.copyOf(periods);
        }
    }

    /** A level of the lexicographic objective. */
    public enum Objective { UNMET_PRIORITY, LATE_PRIORITY_PERIODS, COST }

    /**
     * How the answer was found: solver, variables, seconds per level, and the relative gap (value − bound) / value of
     * the first level that was not proven, {@code gapLevel} (1..3; 0 and gap 0 when every level is proven).
     */
    public record Statistics(String solver, int variables, List<Double> levelSeconds, double gap, int gapLevel) {
        public Statistics {
            levelSeconds = List.copyOf(levelSeconds);
        }
    }
}
