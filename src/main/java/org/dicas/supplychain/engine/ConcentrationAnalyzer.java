package org.dicas.supplychain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Country and company concentration (Herfindahl–Hirschman index) of the network as it is (no disruption).
 *
 * <ul>
 *   <li><b>Per input</b>: over the input's sources.</li>
 *   <li><b>Per end item</b>: over the sources of every input of every node upstream of the end item's node (the node
 *       itself included, operational or not); a source serving several inputs is counted once per input.</li>
 *   <li><b>Weights</b>: a source weighs its {@code capacity} when every source counted in the entry has one and
 *       their total is positive; otherwise every source weighs 1.</li>
 *   <li><b>HHI</b> = Σ (100 · share)² over the countries (companies): 10,000 when one country holds everything,
 *       10,000 / k for k equal countries. A missing country or company counts as {@value SupplyNetwork#UNKNOWN}.</li>
 *   <li><b>concernShare</b> (0–1): the share held by the countries of concern (case-insensitive ISO codes).</li>
 *   <li><b>topCountry</b>: the country with the largest share (ties: the first in string order) and that share.</li>
 *   <li>An entry with no sources at all (an end item made at a node without inputs) has every figure 0 and no top
 *       country.</li>
 * </ul>
 * Cost: O(links) for the inputs, plus O(links upstream) per end item.
 */
public final class ConcentrationAnalyzer {

    private ConcentrationAnalyzer() {
    }

    public static Concentration analyze(SupplyNetwork net, Set<String> countriesOfConcern) {
        boolean[] concern = new boolean[net.countryNames.length];
        if (countriesOfConcern != null) {
            for (String c : countriesOfConcern) {
                if (c == null) {
                    continue;
                }
                String key = c.trim().toUpperCase(Locale.ROOT);
                for (int i = 0; i < concern.length; i++) {
                    if (net.countryNames[i].equals(key)) {
                        concern[i] = true;
                    }
                }
            }
        }
        Acc acc = new Acc(net, concern);
        int[] srcStart = net.sourceStart;
        int[] src = net.sources;

        List<Concentration.Entry> inputs = new ArrayList<>(net.inputBySpec.length);
        for (int k = 0; k < net.inputBySpec.length; k++) {
            int i = net.inputBySpec[k];
            for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                acc.add(src[t]);
            }
            inputs.add(acc.entry(null, net.ids[net.inputNode[i]], net.inputItem[i]));
        }

        List<Concentration.Entry> items = new ArrayList<>(net.endItemIds.length);
        int[] mark = new int[net.nodeCount];
        int[] stack = new int[64];
        for (int k = 0; k < net.endItemIds.length; k++) {
            int root = net.endItemNode[k];
            int stamp = k + 1;
            int sp = 0;
            mark[root] = stamp;
            stack[sp++] = root;
            while (sp > 0) {
                int x = stack[--sp];
                for (int i = net.inputStart[x]; i < net.inputStart[x + 1]; i++) {
                    for (int t = srcStart[i]; t < srcStart[i + 1]; t++) {
                        int s = src[t];
                        acc.add(s);
                        if (mark[s] != stamp) {
                            mark[s] = stamp;
                            if (sp == stack.length) {
                                stack = Arrays.copyOf(stack, sp * 2);
                            }
                            stack[sp++] = s;
                        }
                    }
                }
            }
            items.add(acc.entry(net.endItemIds[k], net.ids[root], null));
        }
        return new Concentration(List.copyOf(items), List.copyOf(inputs));
    }

    /** Accumulates weights by country and company, both by capacity and by count; reset by {@link #entry}. */
    private static final class Acc {
        final SupplyNetwork net;
        final boolean[] concern;
        final double[] countryCap;
        final double[] countryCount;
        final double[] companyCap;
        final double[] companyCount;
        final int[] countryTouched;
        final int[] companyTouched;
        int nCountry;
        int nCompany;
        boolean allCapacity = true;
        double totalCap;
        double totalCount;

        Acc(SupplyNetwork net, boolean[] concern) {
            this.net = net;
            this.concern = concern;
            countryCap = new double[net.countryNames.length];
            countryCount = new double[net.countryNames.length];
            companyCap = new double[net.companyNames.length];
            companyCount = new double[net.companyNames.length];
            countryTouched = new int[net.countryNames.length];
            companyTouched = new int[net.companyNames.length];
        }

        void add(int s) {
            double cap = net.capacity[s];
            int c = net.country[s];
            int co = net.company[s];
            if (countryCount[c] == 0) {
                countryTouched[nCountry++] = c;
            }
            if (companyCount[co] == 0) {
                companyTouched[nCompany++] = co;
            }
            countryCount[c] += 1;
            companyCount[co] += 1;
            totalCount += 1;
            if (cap != cap) {
                allCapacity = false;
            } else {
                countryCap[c] += cap;
                companyCap[co] += cap;
                totalCap += cap;
            }
        }

        Concentration.Entry entry(String endItem, String node, String item) {
            Concentration.Entry result;
            if (totalCount == 0) {
                result = new Concentration.Entry(endItem, node, item, 0, 0, 0, null, 0);
            } else {
                boolean byCap = allCapacity && totalCap > 0;
                double[] cw = byCap ? countryCap : countryCount;
                double[] ow = byCap ? companyCap : companyCount;
                double total = byCap ? totalCap : totalCount;
                double countryHhi = 0;
                double concernShare = 0;
                String top = null;
                double topShare = -1;
                for (int t = 0; t < nCountry; t++) {
                    int c = countryTouched[t];
                    double share = cw[c] / total;
                    countryHhi += (100 * share) * (100 * share);
                    if (concern[c]) {
                        concernShare += share;
                    }
                    String name = net.countryNames[c];
                    if (share > topShare || (share == topShare && name.compareTo(top) < 0)) {
                        top = name;
                        topShare = share;
                    }
                }
                double companyHhi = 0;
                for (int t = 0; t < nCompany; t++) {
                    double share = ow[companyTouched[t]] / total;
                    companyHhi += (100 * share) * (100 * share);
                }
                result = new Concentration.Entry(endItem, node, item, countryHhi, companyHhi,
                        Math.min(1.0, concernShare), top, topShare);
            }
            for (int t = 0; t < nCountry; t++) {
                int c = countryTouched[t];
                countryCap[c] = 0;
                countryCount[c] = 0;
            }
            for (int t = 0; t < nCompany; t++) {
                int co = companyTouched[t];
                companyCap[co] = 0;
                companyCount[co] = 0;
            }
            nCountry = 0;
            nCompany = 0;
            allCapacity = true;
            totalCap = 0;
            totalCount = 0;
            return result;
        }
    }
}
