package org.dicas.coproduction;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dicas.security.ReadableRecords;
import org.springframework.stereotype.Component;

/**
 * The system read of firms' unit costs (ADR 0023): the planner solves with every line's cost, whoever started the
 * run, because the plan is computed by the system; what a reader is shown of the costs is decided elsewhere, through
 * the policy ({@code CoproductionPlans} for the plan, {@code RunViews} for a run's cost score). Nothing else reads
 * the costs around the policy, and {@code ReadPathTest} names this class as a system reader.
 */
@Component
class LineCosts {

    /** A firm's line cost: the line's code, the cost record's id and the cost. */
    record Cost(String code, long recordId, BigDecimal unitCost) {
    }

    private final ReadableRecords readable;

    LineCosts(ReadableRecords readable) {
        this.readable = readable;
    }

    /** Every firm's line cost of the plan, by line code. */
    Map<String, Cost> of(long planId) {
        List<Cost> costs = readable.everyRecord("""
                        select l.code, c.id, c.unit_cost from coproduction_line l
                        join coproduction_line_cost c on c.id = l.cost_id join record r on r.id = c.id
                        where {everyRecord:r} and l.plan_id = :plan""", "the planner solves with every firm's cost")
                .param("plan", planId)
                .query((rs, n) -> new Cost(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).stripTrailingZeros()))
                .list();
        return costs.stream().collect(Collectors.toMap(Cost::code, c -> c));
    }
}
