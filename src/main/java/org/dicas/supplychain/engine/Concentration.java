package org.dicas.supplychain.engine;

import java.util.List;

/**
 * Country and company concentration. HHI = Σ (100·share)² over the sources' countries (companies), shares weighted by
 * {@code capacity} when every node concerned has one, else equal; 10,000 = one country. {@code concernShare} is the
 * share (0–1) held by the countries of concern. Per input: over its sources. Per end item: over the sources of every
 * input in its upstream network (each source counted once per input it serves).
 */
public record Concentration(List<Entry> endItems, List<Entry> inputs) {

    public record Entry(String endItem, String node, String item, double countryHhi, double companyHhi,
                        double concernShare, @org.dicas.shared.Labelled("nation") String topCountry, double topCountryShare) {
    }
}
