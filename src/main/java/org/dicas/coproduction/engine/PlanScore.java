package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The score and the unmet remainders that a list of deliveries gives, computed from the problem as stated. */
public final class PlanScore {

    private PlanScore() {
    }

    /** The score of {@code deliveries} (exact decimal cost). */
    public static ProductionPlan.Score of(CoproductionProblem p, List<ProductionPlan.Delivery> deliveries) {
        Map<String, CoproductionProblem.Demand> demands = new HashMap<>();
        p.demands().forEach(d -> demands.put(d.id(), d));
        Map<String, CoproductionProblem.Line> lines = new HashMap<>();
        p.lines().forEach(l -> lines.put(l.id(), l));
        Map<String, Long> delivered = new HashMap<>();
        long late = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (ProductionPlan.Delivery x : deliveries) {
            CoproductionProblem.Demand d = demands.get(x.demand());
            delivered.merge(x.demand(), (long) x.quantity(), Long::sum);
            late += (long) d.priority() * x.quantity() * Math.max(0, x.period() - d.due());
            cost = cost.add(lines.get(x.line()).unitCost().multiply(BigDecimal.valueOf(x.quantity())));
        }
        long unmet = 0;
        for (CoproductionProblem.Demand d : p.demands()) {
            unmet += (long) d.priority() * (d.quantity() - delivered.getOrDefault(d.id(), 0L));
        }
        return new ProductionPlan.Score(unmet, late, cost);
    }

    /** The plan of {@code deliveries}: unmet remainders (demands with some unmet, by id) and score. */
    static ProductionPlan plan(CoproductionProblem p, ProductionPlan.Status status,
                               List<ProductionPlan.Delivery> deliveries, List<ProductionPlan.Bottleneck> bottlenecks,
                               ProductionPlan.Statistics statistics) {
        Map<String, Long> delivered = new HashMap<>();
        deliveries.forEach(x -> delivered.merge(x.demand(), (long) x.quantity(), Long::sum));
        List<ProductionPlan.Unmet> unmet = new ArrayList<>();
        for (CoproductionProblem.Demand d : p.demands()) {
            long left = d.quantity() - delivered.getOrDefault(d.id(), 0L);
            if (left > 0) {
                unmet.add(new ProductionPlan.Unmet(d.id(), (int) left));
            }
        }
        unmet.sort(java.util.Comparator.comparing(ProductionPlan.Unmet::demand));
        return new ProductionPlan(status, deliveries, unmet, of(p, deliveries), bottlenecks, statistics);
    }
}
