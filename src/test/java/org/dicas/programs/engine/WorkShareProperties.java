package org.dicas.programs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Random tiny problems against brute force (every assignment of every package to every option, checked with exact
 * decimals against the rules as the issue states them): the balancer's status, optimum, unconstrained optimum and
 * reason for infeasibility agree with it, and every split it returns keeps every rule.
 */
class WorkShareProperties {

    static final WorkShareBalancer BALANCER = WorkShareBalancer.create(new WorkShareBalancer.Settings(1, 0));
    static final WorkShareBalancer LP_GUIDED = WorkShareBalancer.create(new WorkShareBalancer.Settings(1, 0, 1));
    static final String[] NATIONS = {"USA", "JPN", "AUS"};

    @Property(tries = 200, seed = "20261203")
    void balancedSplitIsTheBruteForceOptimum(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        WorkShareProblem p = tiny(seed);
        WorkShareSplit s = BALANCER.balance(p, Duration.ofSeconds(20));
        Optional<Best> balanced = bruteForce(p, true);
        Optional<Best> unconstrained = bruteForce(p, false);
        net.jqwik.api.statistics.Statistics.collect(s.status(),
                s.infeasibility().map(i -> i.reason().name()).orElse(""));
        assertThat(s.unconstrainedCost()).isEqualTo(unconstrained.map(b -> b.cost.setScale(2)));
        if (balanced.isEmpty()) {
            assertThat(s.status()).isEqualTo(WorkShareSplit.Status.INFEASIBLE);
            assertThat(s.assignments()).isEmpty();
            assertThat(s.infeasibility()).isPresent();
            assertThat(s.infeasibility().get().sentence().english()).isNotBlank().doesNotContain("??");
            checkReason(p, s.infeasibility().get(), unconstrained.isPresent());
            return;
        }
        assertThat(s.status()).isEqualTo(WorkShareSplit.Status.OPTIMAL);
        assertThat(s.infeasibility()).isEmpty();
        assertThat(s.totalCost()).contains(balanced.get().cost.setScale(2));
        assertThat(s.lowerBound()).isEqualTo(s.totalCost());
        assertThat(s.priceOfBalance()).contains(balanced.get().cost.subtract(unconstrained.get().cost).setScale(2));
        checkRules(p, s, true);
    }

    /** The large-problem path on tiny problems: LP neighbourhood of one package, reduced-cost fixing, LP bound. */
    @Property(tries = 120, seed = "99")
    void lpGuidedPathFindsTheSameOptimum(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        WorkShareProblem p = tiny(seed);
        WorkShareSplit s = LP_GUIDED.balance(p, Duration.ofSeconds(20));
        Optional<Best> balanced = bruteForce(p, true);
        Optional<Best> unconstrained = bruteForce(p, false);
        net.jqwik.api.statistics.Statistics.collect(s.status(), p.packages().size() > 1);
        assertThat(s.unconstrainedCost()).isEqualTo(unconstrained.map(b -> b.cost.setScale(2)));
        if (balanced.isEmpty()) {
            assertThat(s.status()).isEqualTo(WorkShareSplit.Status.INFEASIBLE);
            checkReason(p, s.infeasibility().orElseThrow(), unconstrained.isPresent());
            return;
        }
        assertThat(s.status()).isEqualTo(WorkShareSplit.Status.OPTIMAL);
        assertThat(s.totalCost()).contains(balanced.get().cost.setScale(2));
        assertThat(s.lowerBound().orElseThrow()).isLessThanOrEqualTo(balanced.get().cost);
        checkRules(p, s, true);
    }

    @Property(tries = 60, seed = "7")
    void greedySplitKeepsEveryRuleAndIsNeverCheaperThanTheOptimum(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        WorkShareProblem p = tiny(seed);
        Optional<WorkShareSplit> g = BALANCER.cheapestThenRepair(p);
        Optional<Best> balanced = bruteForce(p, true);
        if (g.isPresent()) {
            checkRules(p, g.get(), true);
            assertThat(balanced).isPresent();
            assertThat(g.get().totalCost().orElseThrow()).isGreaterThanOrEqualTo(balanced.get().cost);
        }
    }

    /** The reason names what brute force confirms. */
    static void checkReason(WorkShareProblem p, WorkShareSplit.Infeasibility why, boolean feasibleWithoutShares) {
        switch (why.reason()) {
            case NO_ALLOWED_OPTION -> {
                WorkShareProblem.WorkPackage wp = p.packages().stream().filter(w -> w.id().equals(why.subject()))
                        .findFirst().orElseThrow();
                assertThat(wp.options()).noneMatch(o -> allowed(p, wp, o));
            }
            case CAPACITIES -> assertThat(feasibleWithoutShares).isFalse();
            case SHARE_TOO_LOW, SHARE_TOO_HIGH -> {
                assertThat(feasibleWithoutShares).isTrue();
                boolean most = why.reason() == WorkShareSplit.Infeasibility.Reason.SHARE_TOO_LOW;
                BigDecimal extreme = extremeShare(p, why.subject(), most);
                assertThat(why.percent()).isEqualByComparingTo(
                        extreme.setScale(2, most ? RoundingMode.DOWN : RoundingMode.UP));
                if (most) {
                    assertThat(extreme).isLessThan(why.low());
                } else {
                    assertThat(extreme).isGreaterThan(why.high());
                }
            }
            case NATION_BAND -> assertThat(bandReachable(p, why.subject())).isFalse();
            case SHARES_TOGETHER -> p.nations().forEach(n -> assertThat(bandReachable(p, n.code())).isTrue());
            case SHARE_RULE -> throw new AssertionError("tiny problems get a precise reason, not " + why.reason());
        }
    }

    /** Every rule of the issue, re-checked on the problem as given (exact decimals). */
    static void checkRules(WorkShareProblem p, WorkShareSplit s, boolean shares) {
        List<String> ids = p.packages().stream().map(WorkShareProblem.WorkPackage::id).sorted().toList();
        assertThat(s.assignments().stream().map(WorkShareSplit.Assignment::workPackage).toList()).isEqualTo(ids);
        Map<String, BigDecimal> byPerformer = new HashMap<>();
        Map<String, BigDecimal> byNation = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (WorkShareSplit.Assignment a : s.assignments()) {
            WorkShareProblem.WorkPackage wp = p.packages().stream().filter(w -> w.id().equals(a.workPackage()))
                    .findFirst().orElseThrow();
            WorkShareProblem.Option o = wp.options().stream().filter(x -> x.performer().equals(a.performer())
                    && x.nation().equals(a.nation()) && x.cost().compareTo(a.cost()) == 0).findFirst().orElseThrow();
            assertThat(allowed(p, wp, o)).as("release of " + wp.id()).isTrue();
            byPerformer.merge(o.performer(), o.cost(), BigDecimal::add);
            byNation.merge(o.nation(), o.cost(), BigDecimal::add);
            total = total.add(o.cost());
        }
        assertThat(s.totalCost().orElseThrow()).isEqualByComparingTo(total);
        for (WorkShareProblem.Capacity c : p.capacities()) {
            assertThat(byPerformer.getOrDefault(c.performer(), BigDecimal.ZERO)).isLessThanOrEqualTo(c.maxCost());
        }
        for (int n = 0; n < p.nations().size(); n++) {
            WorkShareProblem.Nation nat = p.nations().get(n);
            BigDecimal mine = byNation.getOrDefault(nat.code(), BigDecimal.ZERO);
            WorkShareSplit.Share share = s.shares().get(n);
            assertThat(share.nation()).isEqualTo(nat.code());
            assertThat(share.cost()).isEqualByComparingTo(mine);
            if (shares) {
                assertThat(withinBand(p, nat, mine, total)).as("share of " + nat.code()).isTrue();
            }
        }
    }

    // ------------------------------------------------------------------------------------------- brute force

    record Best(BigDecimal cost, List<WorkShareProblem.Option> choice) {
    }

    static boolean allowed(WorkShareProblem p, WorkShareProblem.WorkPackage wp, WorkShareProblem.Option o) {
        for (String c : wp.controls()) {
            boolean released = p.releases().stream().anyMatch(r -> r.control().equals(c)
                    && r.nations().contains(o.nation()));
            if (!released) {
                return false;
            }
        }
        return true;
    }

    /** 100 × mine / total within share ± tolerance, by cross-multiplication (exact). */
    static boolean withinBand(WorkShareProblem p, WorkShareProblem.Nation n, BigDecimal mine, BigDecimal total) {
        BigDecimal hundredMine = mine.multiply(BigDecimal.valueOf(100));
        BigDecimal low = n.share().subtract(p.tolerance()).multiply(total);
        BigDecimal high = n.share().add(p.tolerance()).multiply(total);
        return hundredMine.compareTo(low) >= 0 && hundredMine.compareTo(high) <= 0;
    }

    static void enumerate(WorkShareProblem p, int i, List<WorkShareProblem.Option> chosen,
                          java.util.function.Consumer<List<WorkShareProblem.Option>> visit) {
        if (i == p.packages().size()) {
            visit.accept(chosen);
            return;
        }
        WorkShareProblem.WorkPackage wp = p.packages().get(i);
        for (WorkShareProblem.Option o : wp.options()) {
            if (allowed(p, wp, o)) {
                chosen.add(o);
                enumerate(p, i + 1, chosen, visit);
                chosen.remove(chosen.size() - 1);
            }
        }
    }

    static boolean withinCapacities(WorkShareProblem p, List<WorkShareProblem.Option> choice) {
        Map<String, BigDecimal> used = new HashMap<>();
        choice.forEach(o -> used.merge(o.performer(), o.cost(), BigDecimal::add));
        return p.capacities().stream().allMatch(c -> used.getOrDefault(c.performer(), BigDecimal.ZERO)
                .compareTo(c.maxCost()) <= 0);
    }

    static BigDecimal costOf(List<WorkShareProblem.Option> choice, String nation) {
        return choice.stream().filter(o -> nation == null || o.nation().equals(nation))
                .map(WorkShareProblem.Option::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Optional<Best> bruteForce(WorkShareProblem p, boolean shares) {
        Best[] best = {null};
        enumerate(p, 0, new ArrayList<>(), choice -> {
            if (!withinCapacities(p, choice)) {
                return;
            }
            BigDecimal total = costOf(choice, null);
            if (shares && !p.nations().stream().allMatch(n -> withinBand(p, n, costOf(choice, n.code()), total))) {
                return;
            }
            if (best[0] == null || total.compareTo(best[0].cost) < 0) {
                best[0] = new Best(total, List.copyOf(choice));
            }
        });
        return Optional.ofNullable(best[0]);
    }

    /** The most (or least) percent of the total a nation gets over assignments within capacities (total > 0). */
    static BigDecimal extremeShare(WorkShareProblem p, String nation, boolean most) {
        BigDecimal[] best = {null};
        enumerate(p, 0, new ArrayList<>(), choice -> {
            BigDecimal total = costOf(choice, null);
            if (!withinCapacities(p, choice) || total.signum() == 0) {
                return;
            }
            BigDecimal share = costOf(choice, nation).multiply(BigDecimal.valueOf(100))
                    .divide(total, 20, RoundingMode.HALF_EVEN);
            if (best[0] == null || (most ? share.compareTo(best[0]) > 0 : share.compareTo(best[0]) < 0)) {
                best[0] = share;
            }
        });
        return best[0];
    }

    static boolean bandReachable(WorkShareProblem p, String nation) {
        WorkShareProblem.Nation n = p.nations().stream().filter(x -> x.code().equals(nation)).findFirst()
                .orElseThrow();
        boolean[] found = {false};
        enumerate(p, 0, new ArrayList<>(), choice -> {
            if (!found[0] && withinCapacities(p, choice)
                    && withinBand(p, n, costOf(choice, nation), costOf(choice, null))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    // ------------------------------------------------------------------------------------------- instances

    /**
     * 1–3 nations with shares summing to 100 (sometimes with decimals), tolerance 0–15, 1–5 packages of 1–3 options
     * by four firms, costs 0–60 with up to two decimals, two controls with random releases, sometimes capacities.
     */
    static WorkShareProblem tiny(long seed) {
        Random rnd = new Random(seed);
        int nations = 1 + rnd.nextInt(3);
        List<WorkShareProblem.Nation> ns = new ArrayList<>();
        BigDecimal left = BigDecimal.valueOf(100);
        for (int n = 0; n < nations; n++) {
            BigDecimal share = n == nations - 1 ? left
                    : BigDecimal.valueOf(rnd.nextInt(left.intValue() * 10 + 1), 1).min(left);
            ns.add(new WorkShareProblem.Nation(NATIONS[n], share));
            left = left.subtract(share);
        }
        BigDecimal tolerance = BigDecimal.valueOf(rnd.nextInt(1501), 2);
        String[] firms = {"Alpha", "Bravo", "Charlie", "Delta"};
        String[] firmNation = new String[firms.length];
        for (int f = 0; f < firms.length; f++) {
            firmNation[f] = NATIONS[rnd.nextInt(nations)];
        }
        List<WorkShareProblem.WorkPackage> wps = new ArrayList<>();
        int packages = 1 + rnd.nextInt(5);
        for (int i = 0; i < packages; i++) {
            List<WorkShareProblem.Option> options = new ArrayList<>();
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                int f = rnd.nextInt(firms.length);
                BigDecimal cost = rnd.nextInt(10) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(rnd.nextInt(6001), 2);
                options.add(new WorkShareProblem.Option(firms[f], firmNation[f], cost));
            }
            List<String> controls = new ArrayList<>();
            if (rnd.nextInt(3) == 0) {
                controls.add("C1");
            }
            if (rnd.nextInt(4) == 0) {
                controls.add("C2");
            }
            wps.add(new WorkShareProblem.WorkPackage("WP-" + (char) ('E' - i), "", controls, options));
        }
        List<WorkShareProblem.Release> releases = new ArrayList<>();
        for (String c : List.of("C1", "C2")) {
            List<String> to = new ArrayList<>();
            for (int n = 0; n < nations; n++) {
                if (rnd.nextInt(6) != 0) {
                    to.add(NATIONS[n]);
                }
            }
            releases.add(new WorkShareProblem.Release(c, to));
        }
        List<WorkShareProblem.Capacity> capacities = new ArrayList<>();
        Set<String> used = new HashSet<>();
        wps.forEach(w -> w.options().forEach(o -> used.add(o.performer())));
        for (String f : used.stream().sorted(Comparator.naturalOrder()).toList()) {
            if (rnd.nextInt(3) == 0) {
                capacities.add(new WorkShareProblem.Capacity(f, BigDecimal.valueOf(rnd.nextInt(12001), 2)));
            }
        }
        return new WorkShareProblem(ns, tolerance, wps, releases, capacities);
    }
}
