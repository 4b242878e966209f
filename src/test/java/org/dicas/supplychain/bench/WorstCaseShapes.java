package org.dicas.supplychain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.supplychain.engine.Analysis;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.NetworkSpec;
import org.dicas.supplychain.engine.SupplyChainEngine;
import org.dicas.supplychain.engine.SupplyNetwork;

/**
 * The engine on shapes chosen to make critical sets large, for docs/supply-chain-method.md: a chain with a private
 * part at every step, a broom, and a grid where every node needs two single-sourced neighbours of the layer below
 * (critical sets are cones that grow with depth², the bad case for any method that keeps one set per node).
 *
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.supplychain.bench.WorstCaseShapes</pre>
 */
public final class WorstCaseShapes {

    private WorstCaseShapes() {
    }

    static NetworkSpec.Node node(String id) {
        return new NetworkSpec.Node(id, null, null, null, null, null);
    }

    public static void main(String[] args) {
        chain(500_000);
        broom(500_000, 100_000);
        for (int depth : new int[] {50, 100, 200, 400}) {
            grid(1000, depth);
        }
    }

    static void run(String name, NetworkSpec spec) {
        SupplyNetwork net = SupplyChainEngine.compile(spec);
        Analysis a = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            a = SupplyChainEngine.analyze(net, Disruption.NONE);
            best = Math.min(best, System.nanoTime() - t);
        }
        int max = a.endItems().stream().mapToInt(r -> r.singlePointsOfFailure().size()).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-34s %,9d nodes %,10d links  analysis %8.1f ms  largest SPOF list %,d%n",
                name, net.nodeCount(), net.linkCount(), best / 1e6, max);
    }

    static void chain(int n) {
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            nodes.add(node("C" + k));
            nodes.add(node("L" + k));
            if (k > 0) {
                inputs.add(new NetworkSpec.Input("C" + k, "part", List.of("L" + k)));
                inputs.add(new NetworkSpec.Input("C" + k, "previous", List.of("C" + (k - 1))));
            }
        }
        run("chain with a private part per step", new NetworkSpec(nodes, inputs,
                List.of(new NetworkSpec.EndItem("E", "C" + (n - 1), null, null))));
    }

    static void broom(int chain, int bristles) {
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int k = 0; k < chain; k++) {
            nodes.add(node("C" + k));
            if (k > 0) {
                inputs.add(new NetworkSpec.Input("C" + k, "x", List.of("C" + (k - 1))));
            }
        }
        List<String> all = new ArrayList<>();
        for (int b = 0; b < bristles; b++) {
            nodes.add(node("B" + b));
            inputs.add(new NetworkSpec.Input("B" + b, "x", List.of("C" + (chain - 1))));
            all.add("B" + b);
        }
        nodes.add(node("TOP"));
        inputs.add(new NetworkSpec.Input("TOP", "any", all));
        run("broom", new NetworkSpec(nodes, inputs, List.of(new NetworkSpec.EndItem("E", "TOP", null, null))));
    }

    /** width × depth nodes; node (d, k) needs (d-1, k) and (d-1, k+1), each its only source. */
    static void grid(int width, int depth) {
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            for (int k = 0; k < width; k++) {
                nodes.add(node("G" + d + "_" + k));
                if (d > 0) {
                    inputs.add(new NetworkSpec.Input("G" + d + "_" + k, "a", List.of("G" + (d - 1) + "_" + k)));
                    inputs.add(new NetworkSpec.Input("G" + d + "_" + k, "b",
                            List.of("G" + (d - 1) + "_" + ((k + 1) % width))));
                }
            }
        }
        List<NetworkSpec.EndItem> items = new ArrayList<>();
        for (int e = 0; e < 10; e++) {
            items.add(new NetworkSpec.EndItem("E" + e, "G" + (depth - 1) + "_" + (e * width / 10), null, null));
        }
        run("grid " + width + " wide, " + depth + " deep (AND only)", new NetworkSpec(nodes, inputs, items));
    }
}
