package org.dicas.supplychain.engine;

import java.util.Set;

/** Nodes taken out: by id, by country (ISO alpha-3) and by company name; any combination. */
public record Disruption(Set<String> nodes, Set<String> countries, Set<String> companies) {
    public static final Disruption NONE = new Disruption(Set.of(), Set.of(), Set.of());

    public Disruption {
        nodes = nodes == null ? Set.of() : Set.copyOf(nodes);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        companies = companies == null ? Set.of() : Set.copyOf(companies);
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && countries.isEmpty() && companies.isEmpty();
    }
}
