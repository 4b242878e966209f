package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle: enumerates every integer plan of a tiny problem and keeps the lexicographically best score. Written from
 * the contract's words alone (eligibility, capacities, score), sharing nothing with the engine's model.
 */
final class BruteForcePlans {

    private final CoproductionProblem p;
    private final List<int[]> candidates = new ArrayList<>();
    private final int[][] lineLeft;
    private final int[][] componentLeft;
    private final int[] demandLeft;
    private ProductionPlan.Score best;

    private BruteForcePlans(CoproductionProblem p) {
        this.p = p;
        for (int d = 0; d < p.demands().size(); d++) {
            for (int l = 0; l < p.lines().size(); l++) {
                if (eligible(p.lines().get(l), p.demands().get(d))) {
                    for (int t = 1; t <= p.periods(); t++) {
                        candidates.add(new int[] {d, l, t});
                    }
                }
            }
        }
        lineLeft = new int[p.lines().size()][];
        for (int l = 0; l < lineLeft.length; l++) {
            lineLeft[l] = p.lines().get(l).capacity().stream().mapToInt(Integer::intValue).toArray();
        }
        componentLeft = new int[p.components().size()][];
        for (int c = 0; c < componentLeft.length; c++) {
            componentLeft[c] = p.components().get(c).capacity().stream().mapToInt(Integer::intValue).toArray();
        }
        demandLeft = p.demands().stream().mapToInt(CoproductionProblem.Demand::quantity).toArray();
    }

    /** The best score any plan of {@code p} reaches. */
    static ProductionPlan.Score optimum(CoproductionProblem p) {
        BruteForcePlans b = new BruteForcePlans(p);
        b.search(0, 0, BigDecimal.ZERO);
        return b.best;
    }

    /** Same product, and the line's own nation or a transfer from its nation to the demand's for the product. */
    private boolean eligible(CoproductionProblem.Line line, CoproductionProblem.Demand demand) {
        if (!line.product().equals(demand.product())) {
            return false;
        }
        return line.nation().equals(demand.nation()) || p.transfers().stream().anyMatch(t -> t.from().equals(
                line.nation()) && t.to().equals(demand.nation()) && t.products().contains(demand.product()));
    }

    private void search(int i, long late, BigDecimal cost) {
        if (i == candidates.size()) {
            long unmet = 0;
            for (int d = 0; d < demandLeft.length; d++) {
                unmet += (long) p.demands().get(d).priority() * demandLeft[d];
            }
            ProductionPlan.Score s = new ProductionPlan.Score(unmet, late, cost);
            if (best == null || s.compareTo(best) < 0) {
                best = s;
            }
            return;
        }
        int[] c = candidates.get(i);
        int d = c[0];
        int l = c[1];
        int t = c[2] - 1;
        CoproductionProblem.Demand demand = p.demands().get(d);
        CoproductionProblem.Line line = p.lines().get(l);
        int max = Math.min(demandLeft[d], lineLeft[l][t]);
        Map<Integer, Integer> use = new HashMap<>();
        for (int k = 0; k < componentLeft.length; k++) {
            int u = p.components().get(k).usage().getOrDefault(line.product(), 0);
            if (u > 0) {
                use.put(k, u);
                max = Math.min(max, componentLeft[k][t] / u);
            }
        }
        for (int q = 0; q <= max; q++) {
            final int units = q;
            demandLeft[d] -= q;
            lineLeft[l][t] -= q;
            use.forEach((k, u) -> componentLeft[k][t] -= u * units);
            search(i + 1, late + (long) demand.priority() * q * Math.max(0, c[2] - demand.due()),
                    cost.add(line.unitCost().multiply(BigDecimal.valueOf(q))));
            demandLeft[d] += q;
            lineLeft[l][t] += q;
            use.forEach((k, u) -> componentLeft[k][t] += u * units);
        }
    }
}
