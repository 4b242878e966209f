package org.dicas.supplychain.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dicas.supplychain.engine.Analysis;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.NetworkSpec;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The straightforward way with JGraphT: a directed multigraph, one vertex per node, one edge per source link
 * (source → consumer) labelled with its input; a disruption query walks the vertices in topological order and
 * groups each vertex's incoming edges by input. Single points of failure by brute force (each candidate disrupted in
 * turn). This is the reference the benchmark compares the engine with.
 */
public final class JGraphTReference {

    /** A source link: which input of the target it serves. */
    public static final class LinkEdge extends DefaultEdge {
        private static final long serialVersionUID = 1L;
        final int input;

        LinkEdge(int input) {
            this.input = input;
        }
    }

    final NetworkSpec spec;
    final Graph<Integer, LinkEdge> graph = new DirectedMultigraph<>(LinkEdge.class);
    final Map<String, Integer> index = new HashMap<>();
    final List<Integer> order = new ArrayList<>();
    final int[] inputCount;
    final boolean[] baseline;

    public JGraphTReference(NetworkSpec spec) {
        this.spec = spec;
        for (NetworkSpec.Node n : spec.nodes()) {
            int v = index.size();
            index.put(n.id(), v);
            graph.addVertex(v);
        }
        inputCount = new int[index.size()];
        int k = 0;
        for (NetworkSpec.Input in : spec.inputs()) {
            int target = index.get(in.node());
            inputCount[target]++;
            for (String s : new HashSet<>(in.sources())) {
                graph.addEdge(index.get(s), target, new LinkEdge(k));
            }
            k++;
        }
        new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
        baseline = operational(new boolean[index.size()]);
    }

    public boolean[] disrupted(Disruption d) {
        Set<String> countries = new HashSet<>();
        d.countries().forEach(c -> countries.add(c.toUpperCase(Locale.ROOT)));
        boolean[] dis = new boolean[index.size()];
        for (NetworkSpec.Node n : spec.nodes()) {
            String c = n.country() == null ? "UNKNOWN" : n.country().toUpperCase(Locale.ROOT);
            String co = n.company() == null ? "UNKNOWN" : n.company();
            if (d.nodes().contains(n.id()) || countries.contains(c) || d.companies().contains(co)) {
                dis[index.get(n.id())] = true;
            }
        }
        return dis;
    }

    /** Operational status in topological order, incoming edges grouped by input. */
    public boolean[] operational(boolean[] disrupted) {
        boolean[] op = new boolean[disrupted.length];
        Map<Integer, Boolean> satisfied = new HashMap<>();
        for (int v : order) {
            if (disrupted[v]) {
                continue;
            }
            satisfied.clear();
            for (LinkEdge e : graph.incomingEdgesOf(v)) {
                satisfied.merge(e.input, op[graph.getEdgeSource(e)], Boolean::logicalOr);
            }
            boolean ok = satisfied.size() == inputCount[v];
            for (boolean b : satisfied.values()) {
                ok &= b;
            }
            op[v] = ok;
        }
        return op;
    }

    /** The disruption query: stopped end items and inputs that lost their last source. */
    public Result impact(Disruption d) {
        boolean[] op = operational(disrupted(d));
        List<String> stopped = new ArrayList<>();
        for (NetworkSpec.EndItem e : spec.endItems()) {
            int v = index.get(e.node());
            if (baseline[v] && !op[v]) {
                stopped.add(e.id());
            }
        }
        List<Analysis.LostInput> lost = new ArrayList<>();
        for (NetworkSpec.Input in : spec.inputs()) {
            boolean before = false;
            boolean after = false;
            for (String s : in.sources()) {
                int v = index.get(s);
                before |= baseline[v];
                after |= op[v];
            }
            if (before && !after) {
                lost.add(new Analysis.LostInput(in.node(), in.item()));
            }
        }
        return new Result(stopped, lost);
    }

    public record Result(List<String> stoppedEndItems, List<Analysis.LostInput> inputsWithoutSource) {
    }

    /** Single points of failure of every end item, by brute force on the graph. */
    public Map<String, List<String>> singlePointsOfFailure(Disruption d) {
        boolean[] dis = disrupted(d);
        boolean[] op = operational(dis);
        Map<String, List<String>> out = new HashMap<>();
        for (NetworkSpec.EndItem e : spec.endItems()) {
            out.put(e.id(), new ArrayList<>());
        }
        String[] ids = new String[index.size()];
        index.forEach((id, v) -> ids[v] = id);
        for (int v = 0; v < dis.length; v++) {
            if (dis[v] || !op[v]) {
                continue;
            }
            dis[v] = true;
            boolean[] without = operational(dis);
            dis[v] = false;
            for (NetworkSpec.EndItem e : spec.endItems()) {
                int x = index.get(e.node());
                if (op[x] && !without[x]) {
                    out.get(e.id()).add(ids[v]);
                }
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
