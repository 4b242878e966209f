package org.dicas.supplychain.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Small random acyclic networks with a random disruption, for checking the engine against the brute-force oracle.
 * Node ids are unpadded numbers so that string order differs from creation order, and the spec lists nodes and
 * inputs shuffled so that the engine cannot rely on the order given.
 */
public final class RandomNetworks {

    static final String[] COUNTRIES = {"JPN", "USA", "AUS", "GBR"};
    static final String[] COMPANIES = {"Alpha", "Beta", "Gamma", "Delta"};

    private RandomNetworks() {
    }

    /** A network and a disruption to apply to it. */
    public record Case(NetworkSpec spec, Disruption disruption, Set<String> concerns) {
        @Override
        public String toString() {
            return "Case{nodes=" + spec.nodes().size() + ", inputs=" + spec.inputs() + ", endItems=" + spec.endItems()
                    + ", disruption=" + disruption + "}";
        }
    }

    /**
     * @param size  number of nodes
     * @param seed  everything else
     * @param chainy mostly single-sourced inputs (long chains, critical sets with many elements)
     */
    public static Case generate(int size, long seed, boolean chainy) {
        Random r = new Random(seed);
        int n = Math.max(1, size);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 3 * n; i++) {
            numbers.add(i);
        }
        Collections.shuffle(numbers, r);
        String[] ids = new String[n];
        for (int k = 0; k < n; k++) {
            ids[k] = "N" + numbers.get(k);
        }
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String country = r.nextInt(6) == 0 ? null : COUNTRIES[r.nextInt(COUNTRIES.length)];
            if (country != null && r.nextInt(10) == 0) {
                country = country.toLowerCase();
            }
            String company = r.nextInt(6) == 0 ? null : COMPANIES[r.nextInt(COMPANIES.length)];
            Integer ttr = r.nextInt(5) == 0 ? null : r.nextInt(200);
            Double capacity = r.nextInt(4) == 0 ? null : (double) r.nextInt(100);
            nodes.add(new NetworkSpec.Node(ids[k], null, company, country, ttr, capacity));
        }
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            if (r.nextInt(5) == 0) {
                continue;
            }
            int count = 1 + r.nextInt(chainy ? 2 : 3);
            for (int i = 0; i < count; i++) {
                int sources = chainy ? (r.nextInt(4) == 0 ? 2 : 1) : (r.nextInt(3) == 0 ? 1 : 1 + r.nextInt(3));
                List<String> s = new ArrayList<>();
                for (int j = 0; j < sources; j++) {
                    // prefer near predecessors, so that paths get long
                    int from = chainy || r.nextBoolean() ? Math.max(0, k - 1 - r.nextInt(Math.min(k, 3)))
                            : r.nextInt(k);
                    s.add(ids[from]);
                }
                if (r.nextInt(20) == 0) {
                    s.add(s.get(0)); // the same source twice in one input
                }
                inputs.add(new NetworkSpec.Input(ids[k], "item" + r.nextInt(4), s));
            }
        }
        List<NetworkSpec.EndItem> endItems = new ArrayList<>();
        int e = 1 + r.nextInt(4);
        for (int i = 0; i < e; i++) {
            int node = r.nextInt(3) == 0 ? r.nextInt(n) : n - 1 - r.nextInt(Math.min(n, 3));
            Integer inv = r.nextInt(4) == 0 ? null : r.nextInt(150);
            endItems.add(new NetworkSpec.EndItem("E" + (e - i), ids[node], r.nextBoolean() ? "P" + r.nextInt(2)
                    : null, inv));
        }
        Collections.shuffle(nodes, r);
        Collections.shuffle(inputs, r);
        Set<String> dNodes = new HashSet<>();
        Set<String> dCountries = new HashSet<>();
        Set<String> dCompanies = new HashSet<>();
        int mode = r.nextInt(4);
        if (mode >= 1) {
            for (String id : ids) {
                if (r.nextInt(12) == 0) {
                    dNodes.add(id);
                }
            }
        }
        if (mode >= 2 && r.nextBoolean()) {
            String c = r.nextInt(5) == 0 ? "FRA" : COUNTRIES[r.nextInt(COUNTRIES.length)];
            dCountries.add(r.nextBoolean() ? c.toLowerCase() : c);
        }
        if (mode == 3 && r.nextBoolean()) {
            dCompanies.add(COMPANIES[r.nextInt(COMPANIES.length)]);
        }
        Set<String> concerns = new HashSet<>();
        if (r.nextBoolean()) {
            concerns.add(COUNTRIES[r.nextInt(COUNTRIES.length)]);
        }
        return new Case(new NetworkSpec(nodes, inputs, endItems), new Disruption(dNodes, dCountries, dCompanies),
                concerns);
    }
}
