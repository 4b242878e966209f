package org.dicas.programs.engine;

import java.util.Optional;

/**
 * The straightforward split a planner would make by hand, and the benchmark's comparison: give every package its
 * cheapest allowed option, then, while a performer is over its capacity or a nation outside its band, make the
 * single change of option that buys the most reduction of the violation per unit of extra cost (a cent over
 * capacity outweighs any share violation it could buy). Finds no split when it gets stuck; proves nothing.
 */
final class CheapestThenRepair {

    /**
     * Weight of a cent over capacity: more than the at most 3 × 10000 basis-point cents of share violation a cent
     * moved can remove, so a move never trades capacity for balance (and the sum stays within a long).
     */
    private static final long OVERFLOW_WEIGHT = 4 * CompiledShares.BP;

    private CheapestThenRepair() {
    }

    /** The cheapest allowed options, repaired into the capacities only (the share rule ignored); empty if stuck. */
    static Optional<int[]> cheapest(CompiledShares m) {
        return repair(m, false);
    }

    /** Cheapest, then repaired into the capacities and every nation's band; empty when the repair gets stuck. */
    static Optional<int[]> split(CompiledShares m) {
        return repair(m, true);
    }

    private static Optional<int[]> repair(CompiledShares m, boolean shares) {
        int count = m.packages.length;
        int[] choice = new int[count];
        long[] byNation = new long[m.nations];
        long[] used = new long[m.performers.length];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int pick = 0;
            for (int j = 1; j < m.cents[i].length; j++) {
                if (m.cents[i][j] < m.cents[i][pick]) {
                    pick = j;
                }
            }
            choice[i] = pick;
            byNation[m.nationOf[i][pick]] += m.cents[i][pick];
            used[m.performerOf[i][pick]] += m.cents[i][pick];
            total += m.cents[i][pick];
        }
        long shareViolation = shares ? m.violation(byNation, total) : 0;
        long overflow = 0;
        for (int f = 0; f < used.length; f++) {
            overflow += Math.max(0, used[f] - m.capacity[f]);
        }
        long violation = shareViolation + OVERFLOW_WEIGHT * overflow;
        while (violation > 0) {
            int bestPackage = -1;
            int bestOption = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            long bestViolation = violation;
            for (int i = 0; i < count; i++) {
                int cur = choice[i];
                long curCents = m.cents[i][cur];
                int curNation = m.nationOf[i][cur];
                int curFirm = m.performerOf[i][cur];
                for (int j = 0; j < m.cents[i].length; j++) {
                    if (j == cur) {
                        continue;
                    }
                    int nation = m.nationOf[i][j];
                    int f = m.performerOf[i][j];
                    long delta = m.cents[i][j] - curCents;
                    long v = 0;
                    if (shares) {
                        byNation[curNation] -= curCents;
                        byNation[nation] += m.cents[i][j];
                        v = m.violation(byNation, total + delta);
                        byNation[nation] -= m.cents[i][j];
                        byNation[curNation] += curCents;
                    }
                    long over = overflow;
                    if (f != curFirm) {
                        over += over(used[curFirm] - curCents, m.capacity[curFirm])
                                - over(used[curFirm], m.capacity[curFirm])
                                + over(used[f] + m.cents[i][j], m.capacity[f]) - over(used[f], m.capacity[f]);
                    } else {
                        over += over(used[f] + delta, m.capacity[f]) - over(used[f], m.capacity[f]);
                    }
                    v += OVERFLOW_WEIGHT * over;
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
                if (Boolean.getBoolean("dicas.workshare.log")) {
                    System.err.println("stuck: violation " + violation + " overflow " + overflow + " nations "
                            + java.util.Arrays.toString(byNation) + " total " + total);
                }
                return Optional.empty();
            }
            int i = bestPackage;
            int cur = choice[i];
            used[m.performerOf[i][cur]] -= m.cents[i][cur];
            used[m.performerOf[i][bestOption]] += m.cents[i][bestOption];
            overflow = 0;
            for (int f = 0; f < used.length; f++) {
                overflow += over(used[f], m.capacity[f]);
            }
            byNation[m.nationOf[i][cur]] -= m.cents[i][cur];
            byNation[m.nationOf[i][bestOption]] += m.cents[i][bestOption];
            total += m.cents[i][bestOption] - m.cents[i][cur];
            choice[i] = bestOption;
            violation = bestViolation;
        }
        return Optional.of(choice);
    }

    private static long over(long used, long capacity) {
        return Math.max(0, used - capacity);
    }
}
