package org.dicas.programs.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dicas.programs.engine.WorkShareProblem;

/**
 * Seeded, deterministic work-share problems: nations USA 40 %, JPN 30 %, AUS 20 %, GBR 10 % (the first
 * {@code nations} of them, shares rescaled to sum to 100), five firms per nation, 1–4 options per package from
 * distinct firms (weights 10/20/30/40 %), base costs 20–2,000 log-uniform with two decimals, a national cost level
 * (USA 1.00, JPN 1.08, AUS 1.12, GBR 1.05) and a ±20 % firm spread; 30 % of packages under ITAR-USML-IV (released to
 * USA, JPN, AUS), 10 % under ITAR-USML-XII (USA, GBR), each with a U.S. firm among its options; a capacity on every third firm at 80 % of the work it would
 * win at its own cheapest price.
 */
public final class WorkShareInstances {

    private static final String[] CODES = {"USA", "JPN", "AUS", "GBR"};
    private static final int[] SHARES = {40, 30, 20, 10};
    private static final double[] LEVEL = {1.00, 1.08, 1.12, 1.05};

    private WorkShareInstances() {
    }

    public static WorkShareProblem generate(long seed, int packages, int nations, BigDecimal tolerance) {
        return generate(seed, packages, nations, tolerance, true);
    }

    /** As above; without capacities when {@code capacities} is false. */
    public static WorkShareProblem generate(long seed, int packages, int nations, BigDecimal tolerance,
                                            boolean capacities) {
        Random rnd = new Random(seed);
        int shareSum = 0;
        for (int n = 0; n < nations; n++) {
            shareSum += SHARES[n];
        }
        List<WorkShareProblem.Nation> ns = new ArrayList<>();
        int given = 0;
        for (int n = 0; n < nations; n++) {
            int s = n == nations - 1 ? 100 - given : Math.round(100f * SHARES[n] / shareSum);
            given += s;
            ns.add(new WorkShareProblem.Nation(CODES[n], BigDecimal.valueOf(s)));
        }
        int firms = 5 * nations;
        List<WorkShareProblem.WorkPackage> wps = new ArrayList<>();
        Map<String, Long> cheapestLoad = new HashMap<>();
        for (int i = 0; i < packages; i++) {
            double r = rnd.nextDouble();
            int k = r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.6 ? 3 : 4;
            k = Math.min(k, firms);
            double base = 20 * Math.pow(100, rnd.nextDouble());
            List<Integer> pool = new ArrayList<>();
            for (int f = 0; f < firms; f++) {
                pool.add(f);
            }
            java.util.Collections.shuffle(pool, rnd);
            double c = rnd.nextDouble();
            List<String> controls = c < 0.3 ? List.of("ITAR-USML-IV") : c < 0.4 ? List.of("ITAR-USML-XII") : List.of();
            if (!controls.isEmpty()) {
                // a controlled package has a U.S. firm among its options, so some option is always allowed
                pool.remove(Integer.valueOf(0));
                pool.add(rnd.nextInt(k), 0);
            }
            List<WorkShareProblem.Option> options = new ArrayList<>();
            long best = Long.MAX_VALUE;
            String bestFirm = null;
            for (int j = 0; j < k; j++) {
                int f = pool.get(j);
                int n = f % nations;
                long cents = Math.round(base * LEVEL[n] * (0.8 + 0.4 * rnd.nextDouble()) * 100);
                String firm = firm(f, nations);
                options.add(new WorkShareProblem.Option(firm, CODES[n], BigDecimal.valueOf(cents, 2)));
                if (cents < best) {
                    best = cents;
                    bestFirm = firm;
                }
            }
            cheapestLoad.merge(bestFirm, best, Long::sum);
            wps.add(new WorkShareProblem.WorkPackage(String.format("WP-%05d", i + 1), "Work package " + (i + 1),
                    controls, options));
        }
        List<WorkShareProblem.Release> releases = List.of(
                new WorkShareProblem.Release("ITAR-USML-IV", List.of(CODES).subList(0, Math.min(3, nations))),
                new WorkShareProblem.Release("ITAR-USML-XII", nations >= 4 ? List.of("USA", "GBR") : List.of("USA")));
        List<WorkShareProblem.Capacity> caps = new ArrayList<>();
        for (int f = 0; capacities && f < firms; f += 3) {
            Long load = cheapestLoad.get(firm(f, nations));
            if (load != null) {
                caps.add(new WorkShareProblem.Capacity(firm(f, nations), BigDecimal.valueOf(load * 8 / 10, 2)));
            }
        }
        return new WorkShareProblem(ns, tolerance, wps, releases, caps);
    }

    static String firm(int f, int nations) {
        return CODES[f % nations] + " Firm " + (char) ('A' + f / nations);
    }
}
