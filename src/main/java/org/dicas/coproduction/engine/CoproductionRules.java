package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.shared.Sentence;

/**
 * The rules a co-production problem must meet before it is planned, in one place for the command line and the server:
 * every capacity list has exactly {@code periods} whole numbers ≥ 0, due periods lie in 1..periods, ids are unique,
 * products are made by some line, nations are those of the lines and demands, numbers are in range. The first broken
 * rule is a {@link CoproductionException} naming the record.
 */
public final class CoproductionRules {

    /** Upper bounds that keep every objective exact in 64-bit integers and in the solvers' doubles. */
    public static final int MAX_PERIODS = 240;
    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_CAPACITY = 1_000_000;
    public static final int MAX_PRIORITY = 1_000;
    public static final int MAX_USAGE = 1_000;
    public static final int MAX_COST_DECIMALS = 4;
    public static final BigDecimal MAX_UNIT_COST = BigDecimal.valueOf(1_000_000);

    private CoproductionRules() {
    }

    public static void check(CoproductionProblem p) {
        if (p.periods() < 1 || p.periods() > MAX_PERIODS) {
            throw new CoproductionException(Sentence.of("coproduction.rule.periods", MAX_PERIODS, p.periods()));
        }
        Set<String> products = new HashSet<>();
        Set<String> nations = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CoproductionProblem.Line l : p.lines()) {
            Sentence w = Sentence.of("coproduction.rule.line", l.id());
            unique(ids, l.id(), w);
            capacities(l.capacity(), p.periods(), w);
            BigDecimal c = l.unitCost();
            if (c.signum() < 0 || c.compareTo(MAX_UNIT_COST) > 0) {
                throw new CoproductionException(Sentence.of("coproduction.rule.unitCostRange", w,
                        MAX_UNIT_COST.toPlainString(), c.toPlainString()));
            }
            if (c.stripTrailingZeros().scale() > MAX_COST_DECIMALS) {
                throw new CoproductionException(Sentence.of("coproduction.rule.unitCostDecimals", w,
                        MAX_COST_DECIMALS, c.toPlainString()));
            }
            products.add(l.product());
            nations.add(l.nation());
        }
        ids.clear();
        for (CoproductionProblem.Component c : p.components()) {
            Sentence w = Sentence.of("coproduction.rule.component", c.id());
            unique(ids, c.id(), w);
            capacities(c.capacity(), p.periods(), w);
            for (Map.Entry<String, Integer> u : c.usage().entrySet()) {
                if (!products.contains(u.getKey())) {
                    throw new CoproductionException(Sentence.of("coproduction.rule.usageUnknownProduct", w,
                            u.getKey()));
                }
                int v = u.getValue();
                if (v < 0 || v > MAX_USAGE) {
                    throw new CoproductionException(Sentence.of("coproduction.rule.usageRange", w, u.getKey(), 0,
                            MAX_USAGE, v));
                }
            }
        }
        ids.clear();
        for (CoproductionProblem.Demand d : p.demands()) {
            Sentence w = Sentence.of("coproduction.rule.demand", d.id());
            unique(ids, d.id(), w);
            if (!products.contains(d.product())) {
                throw new CoproductionException(Sentence.of("coproduction.rule.demandUnknownProduct", w, d.product()));
            }
            range(d.quantity(), 0, MAX_QUANTITY, "coproduction.rule.quantityRange", w);
            range(d.priority(), 1, MAX_PRIORITY, "coproduction.rule.priorityRange", w);
            if (d.due() < 1 || d.due() > p.periods()) {
                throw new CoproductionException(Sentence.of("coproduction.rule.due", w, p.periods(), d.due()));
            }
            nations.add(d.nation());
        }
        for (int i = 0; i < p.transfers().size(); i++) {
            CoproductionProblem.Transfer t = p.transfers().get(i);
            Sentence w = Sentence.of("coproduction.rule.transfer", t.from(), t.to());
            for (String nation : List.of(t.from(), t.to())) {
                if (!nations.contains(nation)) {
                    throw new CoproductionException(Sentence.of("coproduction.rule.transferUnknownNation", w,
                            nation));
                }
            }
            if (t.from().equals(t.to())) {
                throw new CoproductionException(Sentence.of("coproduction.rule.transferSameNation", w));
            }
            if (t.products().isEmpty()) {
                throw new CoproductionException(Sentence.of("coproduction.rule.transferNoProduct", w));
            }
            for (String product : t.products()) {
                if (!products.contains(product)) {
                    throw new CoproductionException(Sentence.of("coproduction.rule.transferUnknownProduct", w,
                            product));
                }
            }
        }
    }

    private static void unique(Set<String> seen, String id, Sentence w) {
        if (!seen.add(id)) {
            throw new CoproductionException(Sentence.of("coproduction.rule.duplicateId", w));
        }
    }

    /** {@code key}'s arguments: the record, the least, the most and the value given. */
    private static void range(int v, int min, int max, String key, Sentence w) {
        if (v < min || v > max) {
            throw new CoproductionException(Sentence.of(key, w, min, max, v));
        }
    }

    private static void capacities(List<Integer> capacity, int periods, Sentence w) {
        if (capacity.size() != periods) {
            throw new CoproductionException(Sentence.of("coproduction.rule.capacityLength", w, periods,
                    capacity.size()));
        }
        for (int t = 0; t < capacity.size(); t++) {
            int v = capacity.get(t);
            if (v < 0 || v > MAX_CAPACITY) {
                throw new CoproductionException(Sentence.of("coproduction.rule.capacityRange", w, t + 1, 0,
                        MAX_CAPACITY, v));
            }
        }
    }
}
