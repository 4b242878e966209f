package org.dicas.programs.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * The straightforward split a planner would make by hand, and the benchmark's comparison: give every package its
 * cheapest allowed option that still fits its performer's capacity (packages with the most to lose first), then,
 * while some nation is outside its band, make the single change of option that buys the most reduction of the
 * share violation per unit of extra cost. Finds no split when it gets stuck; proves nothing.
 */
final class CheapestThenRepair {

    private CheapestThenRepair() {
    }

    /** The cheapest allowed option per package within capacities (no share rule), or empty when one does not fit. */
    static Optional<int[]> cheapest(CompiledShares m) {
        int count = m.packages.length;
        Integer[] order = new Integer[count];
        long[] regret = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
            long best = Long.MAX_VALUE;
            long second = Long.MAX_VALUE;
            for (long c : m.cents[i]) {
                if (c < best) {
                    second = best;
                    best = c;
                } else if (c < second) {
                    second = c;
                }
            }
            regret[i] = second == Long.MAX_VALUE ? Long.MAX_VALUE : second - best;
        }
        Arrays.sort(order, (a, b) -> Long.compare(regret[b], regret[a]));
        long[] used = new long[m.performers.length];
        int[] choice = new int[count];
        for (int i : order) {
            int pick = -1;
            for (int j = 0; j < m.cents[i].length; j++) {
                int f = m.performerOf[i][j];
                if (used[f] + m.cents[i][j] <= m.capacity[f] && (pick < 0 || m.cents[i][j] < m.cents[i][pick])) {
                    pick = j;
                }
            }
            if (pick < 0) {
                return Optional.empty();
            }
            choice[i] = pick;
            used[m.performerOf[i][pick]] += m.cents[i][pick];
        }
        return Optional.of(choice);
    }

    /** Cheapest, then repaired into every band; empty when the repair gets stuck. */
    static Optional<int[]> split(CompiledShares m) {
        Optional<int[]> start = cheapest(m);
        if (start.isEmpty()) {
            return start;
        }
        int[] choice = start.get();
        long[] byNation = new long[m.nations];
        long[] used = new long[m.performers.length];
        long total = 0;
        for (int i = 0; i < choice.length; i++) {
            byNation[m.nationOf[i][choice[i]]] += m.cents[i][choice[i]];
            used[m.performerOf[i][choice[i]]] += m.cents[i][choice[i]];
            total += m.cents[i][choice[i]];
        }
        long violation = m.violation(byNation, total);
        while (violation > 0) {
            int bestPackage = -1;
            int bestOption = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            long bestViolation = violation;
            for (int i = 0; i < choice.length; i++) {
                int cur = choice[i];
                long curCents = m.cents[i][cur];
                int curNation = m.nationOf[i][cur];
                for (int j = 0; j < m.cents[i].length; j++) {
                    int nation = m.nationOf[i][j];
                    int f = m.performerOf[i][j];
                    if (j == cur) {
                        continue;
                    }
                    long extra = f == m.performerOf[i][cur] ? m.cents[i][j] - curCents : m.cents[i][j];
                    if (used[f] + extra > m.capacity[f]) {
                        continue;
                    }
                    long delta = m.cents[i][j] - curCents;
                    byNation[curNation] -= curCents;
                    byNation[nation] += m.cents[i][j];
                    long v = m.violation(byNation, total + delta);
                    byNation[nation] -= m.cents[i][j];
                    byNation[curNation] += curCents;
                    if (v >= violation) {
                        continue;
                    }
                    double ratio = (double) delta / (double) (violation - v);
                    if (ratio < bestRatio || ratio == bestRatio && v < bestViolation) {
                        bestRatio = ratio;
                        bestPackage = i;
                        bestOption = j;
                        bestViolation = v;
                    }
                }
            }
            if (bestPackage < 0) {
                return Optional.empty();
            }
            int i = bestPackage;
            int cur = choice[i];
            byNation[m.nationOf[i][cur]] -= m.cents[i][cur];
            used[m.performerOf[i][cur]] -= m.cents[i][cur];
            byNation[m.nationOf[i][bestOption]] += m.cents[i][bestOption];
            used[m.performerOf[i][bestOption]] += m.cents[i][bestOption];
            total += m.cents[i][bestOption] - m.cents[i][cur];
            choice[i] = bestOption;
            violation = bestViolation;
        }
        return Optional.of(choice);
    }
}
