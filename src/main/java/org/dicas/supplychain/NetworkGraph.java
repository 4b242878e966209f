package org.dicas.supplychain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.supplychain.engine.NetworkSpec;
import org.springframework.stereotype.Service;

/**
 * The upstream network of one end item for the graph view: readable nodes by tier (distance from the end item),
 * edges source → consumer, single points of failure flagged; hidden nodes only counted. Above {@link #MAX_NODES}
 * nodes, non-critical nodes are collapsed into one node per tier. An end item the user may not read is refused exactly
 * like one that does not exist.
 */
@Service
public class NetworkGraph {

    public static final int MAX_NODES = 150;

    public record GraphNode(String id, String label, String country, int tier, boolean critical, int collapsed) {
    }

    public record GraphEdge(String source, String target) {
    }

    public record Graph(String endItem, List<GraphNode> nodes, List<GraphEdge> edges, int withheldNodes,
                        boolean collapsed, Marking marking) {
    }

    private final SupplyNetworks networks;
    private final NetworkAnalyses analyses;

    NetworkGraph(SupplyNetworks networks, NetworkAnalyses analyses) {
        this.networks = networks;
        this.analyses = analyses;
    }

    public Graph upstream(DicasUser user, long networkId, String endItem) {
        var view = analyses.analyze(user, networkId, org.dicas.supplychain.engine.Disruption.NONE, Set.of());
        NetworkAnalysisView.EndItemView item = view.endItems().stream().filter(e -> e.id().equals(endItem)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("endItem", "sc.error.noEndItem", endItem));
        Set<String> critical = new HashSet<>();
        item.singlePointsOfFailure().forEach(n -> critical.add(n.code()));
        Map<String, SupplyNetworks.StoredNode> visible = networks.nodes(user, networkId);
        NetworkSpec spec = networks.spec(networkId);
        Map<String, List<NetworkSpec.Input>> inputsOf = new HashMap<>();
        for (NetworkSpec.Input in : spec.inputs()) {
            inputsOf.computeIfAbsent(in.node(), k -> new ArrayList<>()).add(in);
        }
        Map<String, Integer> tier = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        tier.put(item.node().code(), 0);
        queue.add(item.node().code());
        List<GraphEdge> edges = new ArrayList<>();
        Set<String> hidden = new HashSet<>();
        while (!queue.isEmpty()) {
            String n = queue.poll();
            for (NetworkSpec.Input in : inputsOf.getOrDefault(n, List.of())) {
                for (String s : in.sources()) {
                    if (!visible.containsKey(s)) {
                        hidden.add(s);
                        continue;
                    }
                    edges.add(new GraphEdge(s, n));
                    if (!tier.containsKey(s)) {
                        tier.put(s, tier.get(n) + 1);
                        queue.add(s);
                    }
                }
            }
        }
        List<Marking> shown = new ArrayList<>();
        shown.add(view.network().marking());
        List<GraphNode> nodes = new ArrayList<>();
        boolean collapse = tier.size() > MAX_NODES;
        Map<Integer, Integer> collapsedPerTier = new HashMap<>();
        Map<String, String> alias = new HashMap<>();
        for (var e : tier.entrySet()) {
            SupplyNetworks.StoredNode n = visible.get(e.getKey());
            boolean isCritical = critical.contains(e.getKey());
            if (collapse && !isCritical && e.getValue() > 0) {
                collapsedPerTier.merge(e.getValue(), 1, Integer::sum);
                alias.put(e.getKey(), "tier-" + e.getValue());
                continue;
            }
            shown.add(n.marking());
            nodes.add(new GraphNode(n.code(), n.code() + (n.name().isEmpty() ? "" : " " + n.name()), n.country(),
                    e.getValue(), isCritical, 0));
        }
        collapsedPerTier.forEach((t, count) -> nodes.add(new GraphNode("tier-" + t, "", "", t, false, count)));
        List<GraphEdge> shownEdges = new ArrayList<>(new java.util.LinkedHashSet<>(edges.stream()
                .map(e -> new GraphEdge(alias.getOrDefault(e.source(), e.source()), alias.getOrDefault(e.target(), e.target())))
                .filter(e -> !e.source().equals(e.target())).toList()));
        return new Graph(endItem, nodes, shownEdges, hidden.size(), collapse, Marking.highWaterMark(shown));
    }
}
