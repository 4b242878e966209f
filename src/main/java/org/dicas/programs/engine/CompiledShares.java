package org.dicas.programs.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated problem in integers: costs in cents, shares and tolerance in basis points (hundredths of a percentage
 * point), packages sorted by id with only their allowed options. The share rule of nation n, 100 × cost(n) / total
 * within share ± tolerance, is {@code 10000·cost(n) − low(n)·total ≥ 0} and {@code 10000·cost(n) − high(n)·total
 * ≤ 0} with {@code low = bp(share − tolerance)}, {@code high = bp(share + tolerance)}: exact in integers.
 */
final class CompiledShares {

    static final long BP = 10_000;

    final WorkShareProblem problem;
    final int nations;
    final String[] nationCodes;
    /** Bounds in basis points; {@code low ≤ 0} or {@code high ≥ 10000} mean the side never binds. */
    final long[] low;
    final long[] high;
    /** Packages sorted by id. */
    final WorkShareProblem.WorkPackage[] packages;
    /** Per package, the allowed options (indices into the package's option list). */
    final int[][] options;
    final long[][] cents;
    final int[][] nationOf;
    final int[][] performerOf;
    final String[] performers;
    /** Capacity in cents per performer, {@link Long#MAX_VALUE} when none. */
    final long[] capacity;

    CompiledShares(WorkShareProblem p) {
        this.problem = p;
        nations = p.nations().size();
        nationCodes = new String[nations];
        low = new long[nations];
        high = new long[nations];
        Map<String, Integer> nationIndex = new HashMap<>();
        long tol = bp(p.tolerance());
        for (int n = 0; n < nations; n++) {
            WorkShareProblem.Nation nat = p.nations().get(n);
            nationCodes[n] = nat.code();
            nationIndex.put(nat.code(), n);
            low[n] = bp(nat.share()) - tol;
            high[n] = bp(nat.share()) + tol;
        }
        Map<String, Set<String>> releases = new HashMap<>();
        p.releases().forEach(r -> releases.put(r.control(), new HashSet<>(r.nations())));
        List<WorkShareProblem.WorkPackage> sorted = new ArrayList<>(p.packages());
        sorted.sort(Comparator.comparing(WorkShareProblem.WorkPackage::id));
        packages = sorted.toArray(new WorkShareProblem.WorkPackage[0]);
        Map<String, Integer> performerIndex = new HashMap<>();
        List<String> performerNames = new ArrayList<>();
        options = new int[packages.length][];
        cents = new long[packages.length][];
        nationOf = new int[packages.length][];
        performerOf = new int[packages.length][];
        for (int i = 0; i < packages.length; i++) {
            WorkShareProblem.WorkPackage wp = packages[i];
            List<Integer> allowed = new ArrayList<>();
            for (int o = 0; o < wp.options().size(); o++) {
                String nation = wp.options().get(o).nation();
                if (wp.controls().stream().allMatch(c -> releases.getOrDefault(c, Set.of()).contains(nation))) {
                    allowed.add(o);
                }
            }
            int k = allowed.size();
            options[i] = new int[k];
            cents[i] = new long[k];
            nationOf[i] = new int[k];
            performerOf[i] = new int[k];
            for (int j = 0; j < k; j++) {
                WorkShareProblem.Option o = wp.options().get(allowed.get(j));
                options[i][j] = allowed.get(j);
                cents[i][j] = cents(o.cost());
                nationOf[i][j] = nationIndex.get(o.nation());
                performerOf[i][j] = performerIndex.computeIfAbsent(o.performer(), name -> {
                    performerNames.add(name);
                    return performerNames.size() - 1;
                });
            }
        }
        performers = performerNames.toArray(new String[0]);
        capacity = new long[performers.length];
        java.util.Arrays.fill(capacity, Long.MAX_VALUE);
        for (WorkShareProblem.Capacity c : p.capacities()) {
            Integer f = performerIndex.get(c.performer());
            if (f != null) {
                capacity[f] = Math.min(capacity[f], cents(c.maxCost()));
            }
        }
    }

    static long cents(BigDecimal v) {
        return v.movePointRight(2).longValueExact();
    }

    static long bp(BigDecimal percent) {
        return percent.movePointRight(2).longValueExact();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** The first package (by id) none of whose options is allowed, or -1. */
    int packageWithoutAllowedOption() {
        for (int i = 0; i < packages.length; i++) {
            if (options[i].length == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some performer's capacity is below the cost of all its allowed options together. */
    boolean capacitiesMayBind() {
        long[] most = new long[performers.length];
        for (int i = 0; i < packages.length; i++) {
            for (int j = 0; j < options[i].length; j++) {
                most[performerOf[i][j]] += cents[i][j];
            }
        }
        for (int f = 0; f < performers.length; f++) {
            if (most[f] > capacity[f]) {
                return true;
            }
        }
        return false;
    }

    /** Share-rule violation of the given per-nation costs, in basis-point cents (0 when within every band). */
    long violation(long[] nationCents, long total) {
        long v = 0;
        for (int n = 0; n < nations; n++) {
            long scaled = BP * nationCents[n];
            if (low[n] > 0) {
                v += Math.max(0, low[n] * total - scaled);
            }
            if (high[n] < BP) {
                v += Math.max(0, scaled - high[n] * total);
            }
        }
        return v;
    }

    /** The split of a choice (per package, the index of the chosen allowed option). */
    WorkShareSplit split(WorkShareSplit.Status status, int[] choice, long lowerBound, long unconstrained) {
        List<WorkShareSplit.Assignment> as = new ArrayList<>();
        long[] byNation = new long[nations];
        long total = 0;
        for (int i = 0; i < packages.length; i++) {
            int j = choice[i];
            WorkShareProblem.Option o = packages[i].options().get(options[i][j]);
            as.add(new WorkShareSplit.Assignment(packages[i].id(), o.performer(), o.nation(), money(cents[i][j])));
            byNation[nationOf[i][j]] += cents[i][j];
            total += cents[i][j];
        }
        List<WorkShareSplit.Share> shares = new ArrayList<>();
        for (int n = 0; n < nations; n++) {
            BigDecimal percent = total == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(byNation[n]).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(total), 2, java.math.RoundingMode.HALF_EVEN);
            shares.add(new WorkShareSplit.Share(nationCodes[n], problem.nations().get(n).share(), money(byNation[n]),
                    percent));
        }
        return new WorkShareSplit(status, java.util.Optional.of(money(total)),
                java.util.Optional.of(money(Math.min(lowerBound, total))),
                unconstrained == Long.MAX_VALUE ? java.util.Optional.empty()
                        : java.util.Optional.of(money(Math.min(unconstrained, total))), as, shares,
                java.util.Optional.empty());
    }

    long cost(int[] choice) {
        long total = 0;
        for (int i = 0; i < packages.length; i++) {
            total += cents[i][choice[i]];
        }
        return total;
    }
}
