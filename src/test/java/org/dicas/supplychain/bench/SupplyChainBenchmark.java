package org.dicas.supplychain.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.dicas.supplychain.engine.Analysis;
import org.dicas.supplychain.engine.BruteForceOracle;
import org.dicas.supplychain.engine.Concentration;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.NetworkSpec;
import org.dicas.supplychain.engine.ResilienceAnalyzer;
import org.dicas.supplychain.engine.SupplyChainEngine;
import org.dicas.supplychain.engine.SupplyNetwork;

/**
 * A plain benchmark (not a test; {@code mvn verify} does not run it). In one run it prints:
 * <ol>
 *   <li>on a large synthetic network (default 1,000,000 nodes, 5,000,000 links, 100 end items): generation,
 *       compilation, the engine's full analysis (every end item's single points of failure under one country
 *       disruption), the disruption query alone, concentration and exposures; then the same disruption query with
 *       JGraphT ({@link JGraphTReference}), checked equal, with the ratio;</li>
 *   <li>on a small network both brute-force implementations can finish (default 2,000 nodes): every end item's single
 *       points of failure by the engine, by JGraphT brute force and by the brute-force oracle, checked equal, with
 *       the ratios.</li>
 * </ol>
 * Times are medians of several runs after warm-up (the JGraphT and oracle brute force runs once).
 *
 * <pre>MAVEN_OPTS=-Xmx8g mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.supplychain.bench.SupplyChainBenchmark \
 *   -Dexec.args="--nodes 1000000 --links 5000000 --end-items 100 --small-nodes 2000"</pre>
 */
public final class SupplyChainBenchmark {

    private SupplyChainBenchmark() {
    }

    public static void main(String[] args) {
        long seed = 42;
        int nodes = 1_000_000;
        long links = 5_000_000;
        int endItems = 100;
        int smallNodes = 2_000;
        boolean jgrapht = true;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--links" -> links = Long.parseLong(args[++i]);
                case "--end-items" -> endItems = Integer.parseInt(args[++i]);
                case "--small-nodes" -> smallNodes = Integer.parseInt(args[++i]);
                case "--no-jgrapht" -> jgrapht = false;
                case "--file" -> file = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %,d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (file != null) {
            load(java.nio.file.Path.of(file));
            return;
        }
        large(seed, nodes, links, endItems, jgrapht);
        small(seed, smallNodes, endItems);
    }

    static void large(long seed, int nodes, long links, int endItems, boolean jgrapht) {
        System.out.printf(Locale.ROOT, "%n== large: %,d nodes, %,d links (target), %d end items, seed %d%n", nodes,
                links, endItems, seed);
        long t0 = System.nanoTime();
        NetworkSpec spec = SyntheticNetworks.layered(SyntheticNetworks.Params.of(seed, nodes, links, endItems));
        long t1 = System.nanoTime();
        SupplyNetwork net = SupplyChainEngine.compile(spec);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generate %.2f s; compile (validate, order, CSR) %.2f s: %,d nodes, %,d inputs,"
                        + " %,d links%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, net.nodeCount(), net.inputCount(),
                net.linkCount());
        System.out.printf(Locale.ROOT, "heap used after GC (spec + network): %,d MB%n", usedHeapMb());

        String country = SyntheticNetworks.COUNTRIES[2];
        Disruption what = new Disruption(Set.of(), Set.of(country), Set.of());
        double none = median(5, () -> SupplyChainEngine.analyze(net, Disruption.NONE));
        Analysis[] holder = new Analysis[1];
        double full = median(5, () -> holder[0] = SupplyChainEngine.analyze(net, what));
        Analysis a = holder[0];
        double impact = median(5, () -> ResilienceAnalyzer.impact(net, what));
        double conc = median(3, () -> SupplyChainEngine.concentration(net, Set.of("CHN")));
        double expo = median(5, () -> SupplyChainEngine.exposures(net, a));
        long operational = a.endItems().stream().filter(Analysis.EndItemResult::operational).count();
        int spofs = a.endItems().stream().mapToInt(r -> r.singlePointsOfFailure().size()).sum();
        int maxSpof = a.endItems().stream().mapToInt(r -> r.singlePointsOfFailure().size()).max().orElse(0);
        System.out.printf(Locale.ROOT, "engine: all SPOF, no disruption      %8.1f ms%n", none);
        System.out.printf(Locale.ROOT, "engine: full analysis, %s disrupted  %8.1f ms  (%,d nodes disrupted; %d/%d "
                        + "end items operational; %d SPOF in all, at most %d; %,d critical nodes; %,d inputs lost)%n",
                country, full, a.disruptedNodes().size(), operational, a.endItems().size(), spofs, maxSpof,
                a.criticalNodes().size(), a.inputsWithoutSource().size());
        System.out.printf(Locale.ROOT, "engine: disruption query only        %8.1f ms%n", impact);
        System.out.printf(Locale.ROOT, "engine: concentration (all inputs and end items) %8.1f ms%n", conc);
        System.out.printf(Locale.ROOT, "engine: exposures                    %8.1f ms%n", expo);

        if (jgrapht) {
            long b0 = System.nanoTime();
            JGraphTReference ref = new JGraphTReference(spec);
            long b1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "jgrapht: build graph + topological order + baseline %.2f s; heap used after"
                    + " GC (spec + network + graph): %,d MB%n", (b1 - b0) / 1e9, usedHeapMb());
            JGraphTReference.Result[] r = new JGraphTReference.Result[1];
            double jq = median(3, () -> r[0] = ref.impact(what));
            ResilienceAnalyzer.Impact mine = ResilienceAnalyzer.impact(net, what);
            boolean same = r[0].stoppedEndItems().equals(mine.stoppedEndItems())
                    && r[0].inputsWithoutSource().equals(mine.inputsWithoutSource());
            System.out.printf(Locale.ROOT, "jgrapht: disruption query             %8.1f ms  (same result: %s)%n", jq,
                    same);
            System.out.printf(Locale.ROOT, "ratio disruption query: jgrapht / engine = %.1f x; jgrapht query / engine"
                    + " full analysis incl. all SPOF = %.1f x%n", jq / impact, jq / full);
            if (!same) {
                throw new AssertionError("JGraphT and the engine disagree");
            }
        }
    }

    /** Reading a JSON file: parse alone, then parse + validate + compile, three times each. */
    static void load(java.nio.file.Path file) {
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            NetworkSpec spec;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                spec = org.dicas.supplychain.engine.NetworkJson.read(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long t1 = System.nanoTime();
            long used = usedHeapMb();
            long t2 = System.nanoTime();
            SupplyNetwork net = SupplyChainEngine.compile(spec);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "read+validate %.2f s (heap with spec %,d MB); compile again %.2f s"
                    + " (%,d nodes)%n", (t1 - t0) / 1e9, used, (t3 - t2) / 1e9, net.nodeCount());
        }
    }

    static void small(long seed, int nodes, int endItems) {
        int items = Math.min(endItems, Math.max(1, nodes / 100));
        System.out.printf(Locale.ROOT, "%n== small: %,d nodes, %,d links (target), %d end items: single points of "
                + "failure of every end item under a country disruption%n", nodes, nodes * 5L, items);
        NetworkSpec spec = SyntheticNetworks.layered(SyntheticNetworks.Params.of(seed, nodes, nodes * 5L, items));
        Disruption what = new Disruption(Set.of(), Set.of(SyntheticNetworks.COUNTRIES[2]), Set.of());
        SupplyNetwork net = SupplyChainEngine.compile(spec);
        System.out.printf(Locale.ROOT, "(%,d nodes, %,d inputs, %,d links)%n", net.nodeCount(), net.inputCount(),
                net.linkCount());
        Analysis[] holder = new Analysis[1];
        double engine = median(21, () -> holder[0] = SupplyChainEngine.analyze(net, what));

        JGraphTReference ref = new JGraphTReference(spec);
        long j0 = System.nanoTime();
        Map<String, List<String>> viaGraph = ref.singlePointsOfFailure(what);
        double jg = (System.nanoTime() - j0) / 1e6;

        BruteForceOracle oracle = new BruteForceOracle(spec);
        long o0 = System.nanoTime();
        Analysis expected = oracle.analyze(what);
        double or = (System.nanoTime() - o0) / 1e6;

        Map<String, List<String>> mine = new HashMap<>();
        holder[0].endItems().forEach(e -> mine.put(e.id(), e.singlePointsOfFailure()));
        boolean sameGraph = mine.equals(viaGraph);
        boolean sameOracle = holder[0].equals(expected);
        int spofs = mine.values().stream().mapToInt(List::size).sum();
        System.out.printf(Locale.ROOT, "engine (all SPOF + disruption)   %10.2f ms  (%d SPOF in all)%n", engine, spofs);
        System.out.printf(Locale.ROOT, "jgrapht brute force              %10.2f ms  (same: %s)  ratio %.0f x%n", jg,
                sameGraph, jg / engine);
        System.out.printf(Locale.ROOT, "brute-force oracle               %10.2f ms  (same: %s)  ratio %.0f x%n", or,
                sameOracle, or / engine);
        if (!sameGraph || !sameOracle) {
            throw new AssertionError("the implementations disagree");
        }
        Concentration c = SupplyChainEngine.concentration(net, Set.of("CHN"));
        System.out.printf(Locale.ROOT, "(concentration entries: %d end items, %d inputs)%n", c.endItems().size(),
                c.inputs().size());
    }

    /** Median wall time in ms of {@code runs} runs after two warm-up runs. */
    static double median(int runs, Supplier<?> task) {
        for (int i = 0; i < 2; i++) {
            task.get();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            task.get();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
