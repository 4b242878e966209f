package org.dicas.coproduction;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Versioned;

/**
 * A co-production plan as one reader sees it: yearly periods from {@code firstYear}, the production lines (a firm's
 * unit cost only when the reader may read that firm's cost record, {@code costWithheld} otherwise), shared components
 * (with the supply-network node each is linked to, when the reader may read it), transfer rules (some only for
 * what-ifs, some following an export authorization, each with whether it is in force today), and the demands taken
 * from the requirements the reader may read ({@code withheldDemands} counts the others). {@code version} is the plan
 * record's: every change to the plan or its rows names it.
 */
public record CoproductionPlan(long id, Marking marking, String name, int firstYear, int periods, List<Line> lines,
                               List<Component> components, List<Transfer> transfers, List<Demand> demands,
                               int withheldDemands, long version) implements Versioned {

    /**
     * A production line. A firm's line ({@code firmId} set) has its unit cost as a PROPIN record of the firm
     * ({@code costMarking}): {@code unitCost} is null and {@code costWithheld} true for a reader who may not read it.
     */
    public record Line(String code, @org.dicas.shared.Labelled("nation") String nation, String product, List<Integer> capacity, BigDecimal unitCost,
                       Long firmId, String firm, boolean costWithheld, Marking costMarking) {

        /** A government line: its unit cost carries the plan's marking. */
        public Line(String code, String nation, String product, List<Integer> capacity, BigDecimal unitCost) {
            this(code, nation, product, capacity, unitCost, null, null, false, null);
        }
    }

    /** A component; its supply-network node (title, country) is shown only when the reader may read the node. */
    public record Component(String code, String name, List<Integer> capacity, Map<String, Integer> usage,
                            Long supplyNodeId, String supplyNodeTitle, @org.dicas.shared.Labelled("nation") String supplyNodeCountry) {
    }

    /** The countries of the readable supply-network nodes the components are linked to, in order. */
    public List<String> supplyCountries() {
        return components.stream().map(Component::supplyNodeCountry).filter(Objects::nonNull).distinct()
                .sorted().toList();
    }

    /** Whether a transfer rule is in force, and if not, why (ADR 0023). */
    public enum TransferState {
        /** Allowed at every run. */
        IN_FORCE,
        /** Allowed only by a what-if (e.g. a rule change under discussion). */
        WHAT_IF_ONLY,
        /** Its export authorization's validity ended (expired, or revoked by ending it). */
        AUTHORIZATION_EXPIRED,
        /** Its export authorization is not valid yet. */
        AUTHORIZATION_NOT_YET_VALID,
        /** Its export authorization does not cover the receiving nation. */
        AUTHORIZATION_NOT_COVERING;

        public boolean inForce() {
            return this == IN_FORCE;
        }

        /** The message key that says it (argument: the authorization's number and its last or first valid day). */
        public String messageKey() {
            return "coproduction.transfer.state." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A transfer rule: lines of {@code from} may serve demands of {@code to} for {@code products}. When it follows an
     * export authorization ({@code authorizationNumber}, issued by {@code from}), {@code state} says whether it is in
     * force today; {@code authorizationValidFrom}/{@code authorizationValidTo} are the authorization's validity.
     */
    public record Transfer(int position, @org.dicas.shared.Labelled("nation") String from, @org.dicas.shared.Labelled("nation") String to, List<String> products, boolean whatIf,
                           Long authorizationId, String authorizationNumber, LocalDate authorizationValidFrom,
                           LocalDate authorizationValidTo, TransferState state) {

        /** A rule that follows no authorization. */
        public Transfer(int position, String from, String to, List<String> products, boolean whatIf) {
            this(position, from, to, products, whatIf, null, null, null, null,
                    whatIf ? TransferState.WHAT_IF_ONLY : TransferState.IN_FORCE);
        }

        /** The day the state message names: the last valid day when expired, the first when not yet valid. */
        public LocalDate stateDay() {
            return state == TransferState.AUTHORIZATION_NOT_YET_VALID ? authorizationValidFrom : authorizationValidTo;
        }

        /** What {@code state} means, in the reader's language (the API's {@code stateLabel}). */
        @com.fasterxml.jackson.annotation.JsonProperty("stateLabel")
        public org.dicas.shared.Sentence stateLabel() {
            return org.dicas.shared.Sentence.of(state.messageKey(), authorizationNumber, stateDay());
        }
    }

    /** A requirement as a demand: its nation, quantity and need date; {@code period} is the need date's year. */
    public record Demand(long requirementId, String title, @org.dicas.shared.Labelled("nation") String nation, String product, int quantity,
                         LocalDate needBy, int period, int priority, Marking marking) {
    }

    /** The line of this code; not found otherwise. */
    public Line line(String code) {
        return one(lines, l -> l.code().equals(code), "line", code);
    }

    /** The component of this code; not found otherwise. */
    public Component component(String code) {
        return one(components, c -> c.code().equals(code), "component", code);
    }

    /** The transfer rule at this position; not found otherwise. */
    public Transfer transfer(int position) {
        return one(transfers, t -> t.position() == position, "transfer", position);
    }

    /** The demand of this requirement, when the reader sees it; not found otherwise (a withheld one too). */
    public Demand demand(long requirementId) {
        return one(demands, d -> d.requirementId() == requirementId, "demand", requirementId);
    }

    private static <T> T one(List<T> rows, java.util.function.Predicate<T> match, String kind, Object key) {
        return rows.stream().filter(match).findFirst().orElseThrow(() -> new NotFoundException(kind, key));
    }

    /** The years of the periods, in order. */
    public List<Integer> years() {
        return IntStream.range(0, periods).mapToObj(i -> firstYear + i).toList();
    }

    /** The products the lines make, in order of first appearance. */
    public List<String> products() {
        return lines.stream().map(Line::product).distinct().toList();
    }

    /** The nations of the lines and the demands the reader sees, sorted. */
    public List<String> nations() {
        List<String> out = new ArrayList<>(lines.stream().map(Line::nation).toList());
        demands.forEach(d -> out.add(d.nation()));
        return out.stream().distinct().sorted().toList();
    }

    /** How many lines' unit costs the reader may not read. */
    @JsonProperty("withheldCosts")
    public long withheldCosts() {
        return lines.stream().filter(Line::costWithheld).count();
    }

    /** The high-water mark of what the plan shows this reader: the plan, its readable demands and firms' costs. */
    @JsonProperty("highWaterMark")
    public Marking highWaterMark() {
        List<Marking> shown = new ArrayList<>(List.of(marking));
        demands.forEach(d -> shown.add(d.marking()));
        lines.stream().filter(l -> l.costMarking() != null && !l.costWithheld()).forEach(l -> shown.add(l.costMarking()));
        return Marking.highWaterMark(shown);
    }

    /** The period of a need date: its year from the first, held within the plan (earlier → 1, later → last). */
    public static int period(LocalDate needBy, int firstYear, int periods) {
        return Math.max(1, Math.min(periods, needBy.getYear() - firstYear + 1));
    }
}
