package org.dicas.coproduction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dicas.shared.Marking;

/**
 * A co-production plan as one reader sees it: yearly periods from {@code firstYear}, the production lines, shared
 * components (with the supply-network node each is linked to, when the reader may read it), transfer rules (some only
 * for what-ifs), and the demands taken from the requirements the reader may read ({@code withheldDemands} counts the
 * others).
 */
public record CoproductionPlan(long id, Marking marking, String name, int firstYear, int periods, List<Line> lines,
                               List<Component> components, List<Transfer> transfers, List<Demand> demands,
                               int withheldDemands) {

    public record Line(String code, String nation, String product, List<Integer> capacity, BigDecimal unitCost) {
    }

    /** A component; its supply-network node (title, country) is shown only when the reader may read the node. */
    public record Component(String code, String name, List<Integer> capacity, Map<String, Integer> usage,
                            Long supplyNodeId, String supplyNodeTitle, String supplyNodeCountry) {
    }

    /** The countries of the readable supply-network nodes the components are linked to, in order. */
    public List<String> supplyCountries() {
        return components.stream().map(Component::supplyNodeCountry).filter(java.util.Objects::nonNull).distinct()
                .sorted().toList();
    }

    public record Transfer(int position, String from, String to, List<String> products, boolean whatIf) {
    }

    /** A requirement as a demand: its nation, quantity and need date; {@code period} is the need date's year. */
    public record Demand(long requirementId, String title, String nation, String product, int quantity,
                         LocalDate needBy, int period, int priority, Marking marking) {
    }

    /** The years of the periods, in order. */
    public List<Integer> years() {
        return IntStream.range(0, periods).mapToObj(i -> firstYear + i).toList();
    }

    /** The period of a need date: its year from the first, held within the plan (earlier → 1, later → last). */
    public static int period(LocalDate needBy, int firstYear, int periods) {
        return Math.max(1, Math.min(periods, needBy.getYear() - firstYear + 1));
    }
}
