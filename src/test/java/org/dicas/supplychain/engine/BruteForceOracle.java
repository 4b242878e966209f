package org.dicas.supplychain.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The definitions, executed literally on the spec with maps and strings, sharing no code with the engine: a node is
 * operational when not disrupted and every input has an operational source; the single points of failure of an
 * operational end item are found by disrupting every other node in turn and re-evaluating the whole network.
 * O(nodes × (nodes + links)): for checking the engine on small networks and as the benchmark's baseline.
 */
public final class BruteForceOracle {

    private final NetworkSpec spec;
    private final Map<String, List<List<String>>> inputsOf = new HashMap<>();
    private final Map<String, NetworkSpec.Node> nodes = new LinkedHashMap<>();

    public BruteForceOracle(NetworkSpec spec) {
        this.spec = spec;
        for (NetworkSpec.Node n : spec.nodes()) {
            nodes.put(n.id(), n);
            inputsOf.put(n.id(), new ArrayList<>());
        }
        for (NetworkSpec.Input in : spec.inputs()) {
            inputsOf.get(in.node()).add(in.sources());
        }
    }

    static String countryOf(NetworkSpec.Node n) {
        return n.country() == null || n.country().isBlank() ? "UNKNOWN" : n.country().trim().toUpperCase(Locale.ROOT);
    }

    static String companyOf(NetworkSpec.Node n) {
        return n.company() == null || n.company().isBlank() ? "UNKNOWN" : n.company().trim();
    }

    public Set<String> disrupted(Disruption d) {
        Set<String> countries = new HashSet<>();
        d.countries().forEach(c -> countries.add(c.trim().toUpperCase(Locale.ROOT)));
        Set<String> companies = new HashSet<>();
        d.companies().forEach(c -> companies.add(c.trim()));
        Set<String> out = new HashSet<>(d.nodes());
        for (NetworkSpec.Node n : spec.nodes()) {
            if (countries.contains(countryOf(n)) || companies.contains(companyOf(n))) {
                out.add(n.id());
            }
        }
        return out;
    }

    /** Operational status of every node with these nodes taken out. */
    public Map<String, Boolean> operational(Set<String> disrupted) {
        Map<String, Boolean> memo = new HashMap<>();
        for (String id : nodes.keySet()) {
            evaluate(id, disrupted, memo);
        }
        return memo;
    }

    /** Iterative post-order evaluation (no recursion, so deep chains are fine). */
    private boolean evaluate(String root, Set<String> disrupted, Map<String, Boolean> memo) {
        Boolean known = memo.get(root);
        if (known != null) {
            return known;
        }
        Deque<String> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            String id = stack.peek();
            if (memo.containsKey(id)) {
                stack.pop();
                continue;
            }
            boolean pending = false;
            for (List<String> sources : inputsOf.get(id)) {
                for (String s : sources) {
                    if (!memo.containsKey(s)) {
                        stack.push(s);
                        pending = true;
                    }
                }
            }
            if (pending) {
                continue;
            }
            boolean ok = !disrupted.contains(id);
            for (List<String> sources : inputsOf.get(id)) {
                boolean any = false;
                for (String s : sources) {
                    any |= memo.get(s);
                }
                ok &= any;
            }
            memo.put(id, ok);
            stack.pop();
        }
        return memo.get(root);
    }

    /** The analysis, by brute force, in the engine's output conventions. */
    public Analysis analyze(Disruption d) {
        Set<String> dis = disrupted(d);
        Map<String, Boolean> base = operational(Set.of());
        Map<String, Boolean> op = operational(dis);
        Map<String, List<String>> spof = new HashMap<>();
        for (NetworkSpec.EndItem e : spec.endItems()) {
            spof.put(e.id(), new ArrayList<>());
        }
        for (String v : nodes.keySet()) {
            if (dis.contains(v)) {
                continue;
            }
            Set<String> more = new HashSet<>(dis);
            more.add(v);
            Map<String, Boolean> without = operational(more);
            for (NetworkSpec.EndItem e : spec.endItems()) {
                if (op.get(e.node()) && !without.get(e.node())) {
                    spof.get(e.id()).add(v);
                }
            }
        }
        List<Analysis.EndItemResult> items = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        Map<String, List<String>> critical = new TreeMap<>();
        for (NetworkSpec.EndItem e : spec.endItems()) {
            List<String> s = spof.get(e.id());
            s.sort(null);
            items.add(new Analysis.EndItemResult(e.id(), e.node(), e.program(), op.get(e.node()), List.copyOf(s)));
            if (base.get(e.node()) && !op.get(e.node())) {
                stopped.add(e.id());
            }
            for (String v : s) {
                critical.computeIfAbsent(v, k -> new ArrayList<>()).add(e.id());
            }
        }
        List<Analysis.CriticalNode> crit = new ArrayList<>();
        critical.forEach((v, es) -> {
            es.sort(null);
            crit.add(new Analysis.CriticalNode(v, List.copyOf(es)));
        });
        List<Analysis.LostInput> lost = new ArrayList<>();
        for (NetworkSpec.Input in : spec.inputs()) {
            boolean before = in.sources().stream().anyMatch(base::get);
            boolean after = in.sources().stream().anyMatch(op::get);
            if (before && !after) {
                lost.add(new Analysis.LostInput(in.node(), in.item()));
            }
        }
        List<String> disrupted = new ArrayList<>(dis);
        disrupted.sort(null);
        return new Analysis(items, crit, stopped, lost, disrupted);
    }

    /** Concentration by the definitions, straight from the spec. */
    public Concentration concentration(Set<String> concerns) {
        Set<String> concern = new HashSet<>();
        concerns.forEach(c -> concern.add(c.trim().toUpperCase(Locale.ROOT)));
        List<Concentration.Entry> inputs = new ArrayList<>();
        for (NetworkSpec.Input in : spec.inputs()) {
            inputs.add(entry(null, in.node(), in.item(), new ArrayList<>(new LinkedHashSet<>(in.sources())),
                    concern));
        }
        List<Concentration.Entry> items = new ArrayList<>();
        for (NetworkSpec.EndItem e : spec.endItems()) {
            Set<String> up = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.push(e.node());
            up.add(e.node());
            List<String> counted = new ArrayList<>();
            while (!todo.isEmpty()) {
                String x = todo.pop();
                for (List<String> sources : inputsOf.get(x)) {
                    for (String s : new LinkedHashSet<>(sources)) {
                        counted.add(s);
                        if (up.add(s)) {
                            todo.push(s);
                        }
                    }
                }
            }
            items.add(entry(e.id(), e.node(), null, counted, concern));
        }
        return new Concentration(items, inputs);
    }

    private Concentration.Entry entry(String endItem, String node, String item, List<String> counted,
                                      Set<String> concern) {
        if (counted.isEmpty()) {
            return new Concentration.Entry(endItem, node, item, 0, 0, 0, null, 0);
        }
        boolean byCap = counted.stream().allMatch(s -> nodes.get(s).capacity() != null)
                && counted.stream().mapToDouble(s -> nodes.get(s).capacity()).sum() > 0;
        Map<String, Double> byCountry = new TreeMap<>();
        Map<String, Double> byCompany = new TreeMap<>();
        double total = 0;
        for (String s : counted) {
            NetworkSpec.Node n = nodes.get(s);
            double w = byCap ? n.capacity() : 1;
            byCountry.merge(countryOf(n), w, Double::sum);
            byCompany.merge(companyOf(n), w, Double::sum);
            total += w;
        }
        double hhi = 0;
        double concernShare = 0;
        String top = null;
        double topShare = -1;
        for (Map.Entry<String, Double> en : byCountry.entrySet()) {
            double share = en.getValue() / total;
            hhi += 10000 * share * share;
            if (concern.contains(en.getKey())) {
                concernShare += share;
            }
            if (share > topShare + 1e-12) {
                top = en.getKey();
                topShare = share;
            }
        }
        double companyHhi = 0;
        for (double w : byCompany.values()) {
            companyHhi += 10000 * (w / total) * (w / total);
        }
        return new Concentration.Entry(endItem, node, item, hhi, companyHhi, concernShare, top, topShare);
    }

    /** Exposures by the definitions, from an analysis. */
    public List<Exposure> exposures(Analysis analysis) {
        Map<String, NetworkSpec.EndItem> items = new HashMap<>();
        spec.endItems().forEach(e -> items.put(e.id(), e));
        Map<String, List<String>> exposedFor = new TreeMap<>();
        Map<String, Integer> maxShort = new HashMap<>();
        for (Analysis.EndItemResult r : analysis.endItems()) {
            Integer inv = items.get(r.id()).inventoryDays();
            if (!r.operational() || inv == null) {
                continue;
            }
            for (String v : r.singlePointsOfFailure()) {
                Integer ttr = nodes.get(v).ttrDays();
                if (ttr != null && ttr > inv) {
                    exposedFor.computeIfAbsent(v, k -> new ArrayList<>()).add(r.id());
                    maxShort.merge(v, ttr - inv, Math::max);
                }
            }
        }
        List<Exposure> out = new ArrayList<>();
        exposedFor.forEach((v, es) -> {
            es.sort(null);
            int m = maxShort.get(v);
            out.add(new Exposure(v, nodes.get(v).ttrDays(), List.copyOf(es), m, (long) m * es.size()));
        });
        out.sort(Comparator.comparingLong(Exposure::riskExposureIndex).reversed()
                .thenComparing(Comparator.comparingInt(Exposure::maxDaysShort).reversed())
                .thenComparing(Exposure::node));
        return out;
    }
}
