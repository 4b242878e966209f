package org.dicas.supplychain;

import org.dicas.shared.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dicas.shared.InvalidInputException;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.SupplyNetwork;

/**
 * A what-if as one reader may ask it: it names and takes out only nodes that reader may read.
 *
 * <p>Every value is checked against the readable nodes alone, so a node id, country or company that only hidden
 * nodes carry is answered exactly like one that does not exist: a 400 naming the parameter and the value
 * ({@code disruptNode: no node X in this network}, {@code sc.error.noNode}), with nothing about the hidden node. Node ids match exactly as
 * given (no case folding, no trimming); countries and companies match as the engine matches them (countries
 * upper-cased, both trimmed, {@value SupplyNetwork#UNKNOWN} for nodes that name none). Blank values are ignored.
 *
 * <p>A country or company is then resolved to the readable nodes it covers: the engine never takes out a hidden node,
 * since what stops because of it would tell that a hidden node sits in that country or belongs to that company.
 */
final class ReadableDisruption {

    static final String NODE = "disruptNode";
    static final String COUNTRY = "disruptCountry";
    static final String COMPANY = "disruptCompany";

    /** What was asked (blank values left out), shown back to the reader. */
    final Disruption asked;
    /** The readable nodes it takes out, by id: what the engine runs. */
    final Disruption applied;

    private ReadableDisruption(Disruption asked, Disruption applied) {
        this.asked = asked;
        this.applied = applied;
    }

    /** @throws InvalidInputException naming the first parameter with a value that matches no readable node */
    static ReadableDisruption of(Disruption asked, Map<String, SupplyNetworks.StoredNode> readable) {
        Set<String> nodes = nonBlank(asked.nodes());
        Set<String> countries = nonBlank(asked.countries());
        Set<String> companies = nonBlank(asked.companies());
        Set<String> takenOut = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : nodes) {
            if (readable.containsKey(id)) {
                takenOut.add(id);
            } else {
                unknown.add(id);
            }
        }
        refuse(NODE, "sc.error.noNode", unknown);
        takenOut.addAll(covered(COUNTRY, "sc.error.noNodeInCountry", countries, readable,
                ReadableDisruption::countryKey, n -> countryKey(n.country())));
        takenOut.addAll(covered(COMPANY, "sc.error.noNodeOfCompany", companies, readable,
                ReadableDisruption::companyKey, n -> companyKey(n.company())));
        return new ReadableDisruption(new Disruption(nodes, countries, companies),
                new Disruption(takenOut, Set.of(), Set.of()));
    }

    private static Set<String> covered(String field, String messageKey, Set<String> values,
                                       Map<String, SupplyNetworks.StoredNode> readable, Function<String, String> key,
                                       Function<SupplyNetworks.StoredNode, String> keyOfNode) {
        Set<String> out = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            String k = key.apply(value);
            List<String> ids = readable.values().stream().filter(n -> keyOfNode.apply(n).equals(k))
                    .map(SupplyNetworks.StoredNode::code).toList();
            if (ids.isEmpty()) {
                unknown.add(value);
            }
            out.addAll(ids);
        }
        refuse(field, messageKey, unknown);
        return out;
    }

    /** Refuses the values no readable node matches: {@code key} says so, with the values in order. */
    private static void refuse(String field, String key, List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(field, Sentence.of(key, List.copyOf(new TreeSet<>(unknown))));
        }
    }

    private static Set<String> nonBlank(Set<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    static String countryKey(String country) {
        return country == null || country.isBlank() ? SupplyNetwork.UNKNOWN : country.strip().toUpperCase(Locale.ROOT);
    }

    static String companyKey(String company) {
        return company == null || company.isBlank() ? SupplyNetwork.UNKNOWN : company.strip();
    }
}
