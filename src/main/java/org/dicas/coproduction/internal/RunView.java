package org.dicas.coproduction.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.WhatIf;
import org.dicas.coproduction.engine.ProductionPlan;
import org.dicas.shared.Marking;

/**
 * A run as one reader sees it: only the demands (requirements) the reader may read are shown and scored
 * ({@code withheldDemands} counts the others); by nation and year, units delivered on time, late, and unmet (at the
 * need year); the bottlenecks; and for a what-if the difference from the baseline before it. The cost score, the
 * cost difference and the value of a capacity on the cost level are null ({@code costWithheld}) unless the reader may
 * read every firm's cost behind them (ADR 0023). {@code droppedTransfers} are the rules the run left out, with why.
 */
public record RunView(long id, long planId, int firstYear, @org.dicas.shared.Labelled("plan.status") String status, boolean running, String createdBy, Instant createdAt, int seconds,
               Optional<WhatIf> whatIf, String whatIfSubject, int levelsDone,
               @org.dicas.shared.Labelled("coproduction.solver") String solverStatus,
               Optional<ProductionPlan.Score> score, List<NationYear> byNation, List<ProductionPlan.Bottleneck> bottlenecks,
               List<UnmetDemand> unmet, int withheldDemands, Optional<Difference> difference, String messageKey,
               Marking marking, boolean costWithheld, List<CoproductionPlan.Transfer> droppedTransfers) {

    /** The years of a bottleneck's periods, as shown ("2027, 2028"). */
    public String years(ProductionPlan.Bottleneck b) {
        return String.join(", ", b.periods().stream().map(t -> String.valueOf(firstYear + t - 1)).toList());
    }

    public record NationYear(@org.dicas.shared.Labelled("nation") String nation, int year, long delivered, long late, long unmet) {
    }

    public record UnmetDemand(long requirementId, String title, @org.dicas.shared.Labelled("nation") String nation, String product, int quantity, Marking marking) {
    }

    /** This run's score minus the baseline's (cost null when withheld), and unmet units per nation then and now. */
    public record Difference(long baselineId, long unmetPriority, long latePriorityPeriods, BigDecimal cost,
                      List<NationShortfall> shortfalls) {
    }

    public record NationShortfall(@org.dicas.shared.Labelled("nation") String nation, long baselineUnmet, long unmet) {
        public long change() {
            return unmet - baselineUnmet;
        }
    }
}
