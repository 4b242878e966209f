package org.dicas.supplychain.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time-to-survive vs time-to-recover. For every operational end item with {@code inventoryDays} and every one of
 * its single points of failure (from the given analysis, so under the same disruption) with {@code ttrDays}: when
 * ttrDays &gt; inventoryDays the node is exposed for that end item by {@code ttrDays − inventoryDays} days. Per
 * node: the end items so exposed (sorted), the largest days short, and the risk exposure index = largest days short
 * × number of those end items. Sorted by index (highest first), then days short (highest first), then node id.
 * End items without inventoryDays and nodes without ttrDays are left out: nothing is known about them.
 */
public final class SurvivalAnalyzer {

    private SurvivalAnalyzer() {
    }

    public static List<Exposure> analyze(SupplyNetwork net, Analysis analysis) {
        Map<String, Acc> byNode = new LinkedHashMap<>();
        for (Analysis.EndItemResult r : analysis.endItems()) {
            if (!r.operational()) {
                continue;
            }
            int k = net.endItemById.get(r.id());
            if (k < 0) {
                throw NetworkException.of("network.error.analysisUnknownEndItem", r.id());
            }
            int inv = net.inventoryDays[k];
            if (inv < 0) {
                continue;
            }
            for (String id : r.singlePointsOfFailure()) {
                int x = net.index(id);
                if (x < 0) {
                    throw NetworkException.of("network.error.analysisUnknownNode", id);
                }
                int ttr = net.ttrDays[x];
                if (ttr > inv) {
                    Acc a = byNode.computeIfAbsent(id, i -> new Acc(ttr));
                    a.items.add(r.id());
                    a.maxShort = Math.max(a.maxShort, ttr - inv);
                }
            }
        }
        List<Exposure> out = new ArrayList<>(byNode.size());
        for (Map.Entry<String, Acc> en : byNode.entrySet()) {
            Acc a = en.getValue();
            a.items.sort(null);
            out.add(new Exposure(en.getKey(), a.ttr, List.copyOf(a.items), a.maxShort,
                    (long) a.maxShort * a.items.size()));
        }
        out.sort(Comparator.comparingLong(Exposure::riskExposureIndex).reversed()
                .thenComparing(Comparator.comparingInt(Exposure::maxDaysShort).reversed())
                .thenComparing(Exposure::node));
        return List.copyOf(out);
    }

    private static final class Acc {
        final int ttr;
        final List<String> items = new ArrayList<>();
        int maxShort;

        Acc(int ttr) {
            this.ttr = ttr;
        }
    }
}
