package org.dicas.coproduction.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dicas.coproduction.engine.CoproductionProblem;

/**
 * Seeded random co-production problems: lines of two or three nations ramping up, components shared by some products,
 * demands somewhat above what the lines can make, transfer rules for some products. The same seed gives the same
 * problem.
 */
public final class CoproductionInstances {

    private static final String[] PRODUCTS = {"PAC-3 MSE", "AMRAAM", "SM-3 IIA", "GPI", "ESSM", "SM-6", "ASM-3",
        "Type-03", "NSM", "JASSM"};
    private static final String[] NATIONS = {"USA", "JPN", "AUS"};

    private CoproductionInstances() {
    }

    /** A problem of the given size; {@code load} is demanded units over line capacity (about 1.1 is tight). */
    public static CoproductionProblem generate(long seed, int periods, int lines, int products, int demands,
                                               int components, double load) {
        Random r = new Random(seed);
        int nations = lines >= 6 ? 3 : 2;
        List<CoproductionProblem.Line> ls = new ArrayList<>();
        long[] productCapacity = new long[products];
        Map<String, Integer> productIndex = new HashMap<>();
        for (int p = 0; p < products; p++) {
            productIndex.put(PRODUCTS[p], p);
        }
        for (int l = 0; l < lines; l++) {
            int p = l < products ? l : r.nextInt(products);
            String nation = NATIONS[l % nations];
            int startUp = r.nextInt(Math.max(1, periods / 4) + 1);
            int ramp = 1 + r.nextInt(Math.max(1, periods / 3));
            int full = 3 + r.nextInt(18);
            List<Integer> cap = new ArrayList<>();
            for (int t = 1; t <= periods; t++) {
                int c = t <= startUp ? 0 : (int) Math.min(full, Math.ceil(full * (t - startUp) / (double) ramp));
                cap.add(c);
                productCapacity[p] += c;
            }
            BigDecimal cost = BigDecimal.valueOf(100 + r.nextInt(900), 2);
            ls.add(new CoproductionProblem.Line("L" + (l + 1) + "-" + nation, nation, PRODUCTS[p], cap, cost));
        }
        long totalCapacity = 0;
        for (long c : productCapacity) {
            totalCapacity += c;
        }
        List<CoproductionProblem.Component> cs = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            Map<String, Integer> usage = new LinkedHashMap<>();
            int used = 1 + r.nextInt(Math.min(3, products));
            long share = 0;
            for (int u = 0; u < used; u++) {
                int p = r.nextInt(products);
                if (!usage.containsKey(PRODUCTS[p])) {
                    int units = 1 + (r.nextInt(4) == 0 ? 1 : 0);
                    usage.put(PRODUCTS[p], units);
                    share += productCapacity[p] * units;
                }
            }
            double tightness = 0.6 + 0.5 * r.nextDouble();
            int perPeriod = (int) Math.max(1, Math.round(share * tightness / periods));
            List<Integer> cap = new ArrayList<>();
            for (int t = 1; t <= periods; t++) {
                cap.add(Math.max(0, perPeriod + r.nextInt(Math.max(1, perPeriod / 4 + 1)) - perPeriod / 8));
            }
            cs.add(new CoproductionProblem.Component("C" + (c + 1), cap, usage));
        }
        List<CoproductionProblem.Demand> ds = new ArrayList<>();
        long target = Math.max(demands, Math.round(totalCapacity * load));
        int mean = (int) Math.max(1, target / demands);
        for (int d = 0; d < demands; d++) {
            String product = PRODUCTS[r.nextInt(products)];
            String nation = NATIONS[r.nextInt(nations)];
            int quantity = Math.max(1, mean / 2 + r.nextInt(mean + 1));
            ds.add(new CoproductionProblem.Demand(String.format("D%04d-%s", d + 1, nation), nation, product, quantity,
                    1 + r.nextInt(periods), 1 + r.nextInt(5)));
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        ls.forEach(l -> present.add(l.nation()));
        ds.forEach(d -> present.add(d.nation()));
        List<CoproductionProblem.Transfer> ts = new ArrayList<>();
        for (int a = 0; a < nations; a++) {
            for (int b = 0; b < nations; b++) {
                List<String> ps = new ArrayList<>();
                boolean known = present.contains(NATIONS[a]) && present.contains(NATIONS[b]);
                for (int p = 0; p < products && a != b && known; p++) {
                    if (r.nextInt(3) == 0) {
                        ps.add(PRODUCTS[p]);
                    }
                }
                if (!ps.isEmpty()) {
                    ts.add(new CoproductionProblem.Transfer(NATIONS[a], NATIONS[b], ps));
                }
            }
        }
        return new CoproductionProblem(periods, ls, cs, ds, ts);
    }
}
