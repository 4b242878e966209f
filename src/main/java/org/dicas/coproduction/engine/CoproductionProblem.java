package org.dicas.coproduction.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A co-production planning problem as the contract states it: periods 1..{@code periods}; production lines of a nation
 * and a product with a capacity per period and a unit cost; components whose capacity per period is shared by every
 * unit of the products that use them; demands of a nation for a product with a due period and a priority; and transfer
 * rules that let lines of one nation serve demands of another for some products.
 */
public record CoproductionProblem(int periods, List<Line> lines, List<Component> components, List<Demand> demands,
                                  List<Transfer> transfers) {

    public CoproductionProblem {
        lines = List.copyOf(lines);
        components = List.copyOf(components);
        demands = List.copyOf(demands);
        transfers = List.copyOf(transfers);
    }

    /** A production line; {@code capacity[t-1]} whole units in period t at {@code unitCost} each. */
    public record Line(String id, String nation, String product, List<Integer> capacity, BigDecimal unitCost) {
        public Line {
            capacity = List.copyOf(capacity);
        }
    }

    /** A long-lead component: {@code capacity[t-1]} units in period t; a unit of product p uses {@code usage[p]}. */
    public record Component(String id, List<Integer> capacity, Map<String, Integer> usage) {
        public Component {
            capacity = List.copyOf(capacity);
            usage = Map.copyOf(usage);
        }
    }

    /** What a nation needs: {@code quantity} units of {@code product} by period {@code due}. */
    public record Demand(String id, String nation, String product, int quantity, int due, int priority) {
    }

    /** Lines of nation {@code from} may serve demands of nation {@code to} for the listed products. */
    public record Transfer(String from, String to, List<String> products) {
        public Transfer {
            products = List.copyOf(products);
        }
    }

    /** Whether a line may serve a demand: same product, and its own nation or a transfer allows it. */
    public boolean serves(Line line, Demand demand) {
        if (!line.product().equals(demand.product())) {
            return false;
        }
        if (line.nation().equals(demand.nation())) {
            return true;
        }
        for (Transfer t : transfers) {
            if (t.from().equals(line.nation()) && t.to().equals(demand.nation())
                    && t.products().contains(demand.product())) {
                return true;
            }
        }
        return false;
    }
}
