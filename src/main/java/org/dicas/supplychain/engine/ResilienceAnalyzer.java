package org.dicas.supplychain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Operational status, single points of failure and disruption what-ifs.
 *
 * <p>A node is operational when it is not disrupted and each of its inputs has at least one operational source.
 * The critical set of an operational node u — the nodes whose disruption alone (on top of the disruption applied)
 * makes u non-operational — is
 * <pre>Crit(u) = {u} ∪ ⋃<sub>inputs i of u</sub> ⋂<sub>operational sources s of i</sub> Crit(s)</pre>
 * computed in one forward sweep over the operational nodes upstream of operational end items, with shared sorted
 * sets ({@link CritSet}). The single points of failure of an end item are the critical set of its node.
 * See {@code docs/supply-chain-method.md} for the proof sketch and the complexity.
 */
public final class ResilienceAnalyzer {

    private ResilienceAnalyzer() {
    }

    /** Full analysis under a disruption (empty disruption: the network as it is). */
    public static Analysis analyze(SupplyNetwork net, Disruption disruption) {
        boolean[] dis = net.disrupted(disruption == null ? Disruption.NONE : disruption);
        boolean[] op = net.operational(dis);
        boolean[] base = net.baseline();
        int[][] spof = criticalSets(net, op);

        int e = net.endItemIds.length;
        List<Analysis.EndItemResult> items = new ArrayList<>(e);
        List<String> stopped = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < e; k++) {
            total += spof[k] == null ? 0 : spof[k].length;
        }
        int[] pairNode = new int[total];
        int[] pairItem = new int[total];
        int p = 0;
        for (int k = 0; k < e; k++) {
            int x = net.endItemNode[k];
            List<String> ids;
            if (spof[k] == null) {
                ids = List.of();
            } else {
                String[] a = new String[spof[k].length];
                for (int t = 0; t < a.length; t++) {
                    a[t] = net.ids[spof[k][t]];
                    pairNode[p] = spof[k][t];
                    pairItem[p] = k;
                    p++;
                }
                Arrays.sort(a);
                ids = List.of(a);
            }
            items.add(new Analysis.EndItemResult(net.endItemIds[k], net.ids[x], net.endItemPrograms[k], op[x], ids));
            if (base[x] && !op[x]) {
                stopped.add(net.endItemIds[k]);
            }
        }
        List<Analysis.CriticalNode> critical = criticalNodes(net, pairNode, pairItem);
        List<Analysis.LostInput> lost = lostInputs(net, base, op);
        List<String> disrupted = new ArrayList<>();
        for (int x = 0; x < dis.length; x++) {
            if (dis[x]) {
                disrupted.add(net.ids[x]);
            }
        }
        disrupted.sort(null);
        return new Analysis(List.copyOf(items), critical, List.copyOf(stopped), lost, List.copyOf(disrupted));
    }

    /** The outcome of a disruption without single points of failure: a cheap O(nodes + links) query. */
    public record Impact(List<String> stoppedEndItems, List<Analysis.LostInput> inputsWithoutSource,
                         int disruptedNodes, int nonOperationalNodes) {
    }

    /** Which end items stop and which inputs lose their last source; one forward sweep. */
    public static Impact impact(SupplyNetwork net, Disruption disruption) {
        boolean[] dis = net.disrupted(disruption == null ? Disruption.NONE : disruption);
        boolean[] op = net.operational(dis);
        boolean[] base = net.baseline();
        List<String> stopped = new ArrayList<>();
        for (int k = 0; k < net.endItemIds.length; k++) {
            int x = net.endItemNode[k];
            if (base[x] && !op[x]) {
                stopped.add(net.endItemIds[k]);
            }
        }
        int d = 0;
        int down = 0;
        for (int x = 0; x < op.length; x++) {
            if (dis[x]) {
                d++;
            }
            if (!op[x]) {
                down++;
            }
        }
        return new Impact(List.copyOf(stopped), lostInputs(net, base, op), d, down);
    }

    /** Inputs (any node's) with an operational source before the disruption and none after; in spec order. */
    private static List<Analysis.LostInput> lostInputs(SupplyNetwork net, boolean[] base, boolean[] op) {
        List<Analysis.LostInput> lost = new ArrayList<>();
        int[] srcStart = net.sourceStart;
        int[] src = net.sources;
        for (int k = 0; k < net.inputBySpec.length; k++) {
            int i = net.inputBySpec[k];
            boolean before = false;
            boolean after = false;
            for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                before |= base[src[t]];
                if (op[src[t]]) {
                    after = true;
                    break;
                }
            }
            if (before && !after) {
                lost.add(new Analysis.LostInput(net.ids[net.inputNode[i]], net.inputItem[i]));
            }
        }
        return List.copyOf(lost);
    }

    private static List<Analysis.CriticalNode> criticalNodes(SupplyNetwork net, int[] pairNode, int[] pairItem) {
        int total = pairNode.length;
        if (total == 0) {
            return List.of();
        }
        // group (node, end item) pairs by node
        long[] keys = new long[total];
        for (int t = 0; t < total; t++) {
            keys[t] = ((long) pairNode[t] << 32) | pairItem[t];
        }
        Arrays.sort(keys);
        List<Analysis.CriticalNode> out = new ArrayList<>();
        int t = 0;
        while (t < total) {
            int x = (int) (keys[t] >>> 32);
            int u = t;
            while (u < total && (int) (keys[u] >>> 32) == x) {
                u++;
            }
            String[] items = new String[u - t];
            for (int w = t; w < u; w++) {
                items[w - t] = net.endItemIds[(int) keys[w]];
            }
            Arrays.sort(items);
            out.add(new Analysis.CriticalNode(net.ids[x], List.of(items)));
            t = u;
        }
        out.sort(Comparator.comparing(Analysis.CriticalNode::node));
        return List.copyOf(out);
    }

    /**
     * The critical set (internal node numbers, ascending) of each end item's node, or null for an end item that is
     * not operational.
     */
    static int[][] criticalSets(SupplyNetwork net, boolean[] op) {
        int n = net.nodeCount;
        int e = net.endItemNode.length;
        int[] inStart = net.inputStart;
        int[] srcStart = net.sourceStart;
        int[] src = net.sources;

        // 1. the operational nodes upstream of operational end items, and how many later nodes will read each set
        boolean[] need = new boolean[n];
        boolean[] keep = new boolean[n];
        int[] readers = new int[n];
        int hi = -1;
        for (int k = 0; k < e; k++) {
            int x = net.endItemNode[k];
            if (op[x]) {
                need[x] = true;
                keep[x] = true;
                hi = Math.max(hi, x);
            }
        }
        for (int x = hi; x >= 0; x--) {
            if (!need[x]) {
                continue;
            }
            for (int i = inStart[x]; i < inStart[x + 1]; i++) {
                for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                    int s = src[t];
                    if (op[s]) {
                        need[s] = true;
                        readers[s]++;
                    }
                }
            }
        }

        // 2. forward sweep
        CritSet[] crit = new CritSet[hi + 1];
        CritSet[] ds = new CritSet[8];
        CritSet[] alt = new CritSet[8];
        for (int x = 0; x <= hi; x++) {
            if (!need[x]) {
                continue;
            }
            int inputs = inStart[x + 1] - inStart[x];
            if (ds.length < inputs) {
                ds = new CritSet[Math.max(inputs, ds.length * 2)];
            }
            int k = 0;
            for (int i = inStart[x]; i < inStart[x + 1]; i++) {
                CritSet acc = null;
                int m = 0;
                for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                    int s = src[t];
                    if (op[s]) {
                        if (alt.length == m) {
                            alt = Arrays.copyOf(alt, m * 2);
                        }
                        alt[m++] = crit[s];
                    }
                }
                if (m == 1) {
                    acc = alt[0];
                } else {
                    // start from the smallest, stop as soon as the intersection is empty
                    int min = 0;
                    for (int j = 1; j < m; j++) {
                        if (alt[j].size < alt[min].size) {
                            min = j;
                        }
                    }
                    acc = alt[min];
                    for (int j = 0; j < m && acc.size > 0; j++) {
                        if (j != min) {
                            acc = CritSet.intersect(acc, alt[j]);
                        }
                    }
                }
                Arrays.fill(alt, 0, m, null);
                if (acc.size > 0) {
                    ds[k++] = acc;
                }
            }
            crit[x] = CritSet.union(x, ds, k);
            Arrays.fill(ds, 0, k, null);
            // release the sets no later node will read
            for (int i = inStart[x]; i < inStart[x + 1]; i++) {
                for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                    int s = src[t];
                    if (op[s] && --readers[s] == 0 && !keep[s]) {
                        crit[s] = null;
                    }
                }
            }
        }

        int[][] out = new int[e][];
        for (int k = 0; k < e; k++) {
            int x = net.endItemNode[k];
            out[k] = op[x] ? crit[x].toArray() : null;
        }
        return out;
    }
}
