package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            throw new CoproductionException("problem: periods must be between 1 and " + MAX_PERIODS
                    + " (got " + p.periods() + ")");
        }
        Set<String> products = new HashSet<>();
        Set<String> nations = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CoproductionProblem.Line l : p.lines()) {
            String w = "line " + l.id();
            unique(ids, l.id(), w);
            capacities(l.capacity(), p.periods(), w);
            BigDecimal c = l.unitCost();
            if (c.signum() < 0 || c.compareTo(MAX_UNIT_COST) > 0) {
                throw new CoproductionException(w + ": unitCost must be between 0 and " + MAX_UNIT_COST
                        + " (got " + c.toPlainString() + ")");
            }
            if (c.stripTrailingZeros().scale() > MAX_COST_DECIMALS) {
                throw new CoproductionException(w + ": unitCost may have at most " + MAX_COST_DECIMALS
                        + " decimals (got " + c.toPlainString() + ")");
            }
            products.add(l.product());
            nations.add(l.nation());
        }
        ids.clear();
        for (CoproductionProblem.Component c : p.components()) {
            String w = "component " + c.id();
            unique(ids, c.id(), w);
            capacities(c.capacity(), p.periods(), w);
            for (Map.Entry<String, Integer> u : c.usage().entrySet()) {
                known(products, u.getKey(), w + ": usage names an unknown product");
                range(u.getValue(), 0, MAX_USAGE, w + ": usage[" + u.getKey() + "]");
            }
        }
        ids.clear();
        for (CoproductionProblem.Demand d : p.demands()) {
            String w = "demand " + d.id();
            unique(ids, d.id(), w);
            known(products, d.product(), w + ": unknown product (no line makes it)");
            range(d.quantity(), 0, MAX_QUANTITY, w + ": quantity");
            range(d.priority(), 1, MAX_PRIORITY, w + ": priority");
            if (d.due() < 1 || d.due() > p.periods()) {
                throw new CoproductionException(w + ": due must be a period between 1 and " + p.periods()
                        + " (got " + d.due() + ")");
            }
            nations.add(d.nation());
        }
        for (int i = 0; i < p.transfers().size(); i++) {
            CoproductionProblem.Transfer t = p.transfers().get(i);
            String w = "transfer " + t.from() + "→" + t.to();
            known(nations, t.from(), w + ": unknown nation (no line or demand has it)");
            known(nations, t.to(), w + ": unknown nation (no line or demand has it)");
            if (t.from().equals(t.to())) {
                throw new CoproductionException(w + ": from and to must be different nations");
            }
            if (t.products().isEmpty()) {
                throw new CoproductionException(w + ": products must name at least one product");
            }
            for (String product : t.products()) {
                known(products, product, w + ": unknown product");
            }
        }
    }

    private static void unique(Set<String> seen, String id, String w) {
        if (!seen.add(id)) {
            throw new CoproductionException(w + ": duplicate id");
        }
    }

    private static void known(Set<String> names, String name, String message) {
        if (!names.contains(name)) {
            throw new CoproductionException(message + " '" + name + "'");
        }
    }

    private static void range(int v, int min, int max, String w) {
        if (v < min || v > max) {
            throw new CoproductionException(w + " must be between " + min + " and " + max + " (got " + v + ")");
        }
    }

    private static void capacities(List<Integer> capacity, int periods, String w) {
        if (capacity.size() != periods) {
            throw new CoproductionException(w + ": capacity must list " + periods + " periods (got "
                    + capacity.size() + ")");
        }
        for (int t = 0; t < capacity.size(); t++) {
            range(capacity.get(t), 0, MAX_CAPACITY, w + ": capacity of period " + (t + 1));
        }
    }
}
