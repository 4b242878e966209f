package org.dicas.supplychain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast engine against the brute-force oracle on thousands of random small networks with random disruptions:
 * operational status, single points of failure, critical nodes, stopped end items, inputs left without a source,
 * concentration and exposures must all agree.
 */
class SupplyChainProperties {

    @Provide
    Arbitrary<RandomNetworks.Case> mixed() {
        return Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.longs())
                .as((size, seed) -> RandomNetworks.generate(size, seed, false));
    }

    @Provide
    Arbitrary<RandomNetworks.Case> chains() {
        return Combinators.combine(Arbitraries.integers().between(2, 60), Arbitraries.longs())
                .as((size, seed) -> RandomNetworks.generate(size, seed, true));
    }

    @Property(tries = 4000)
    void engineAgreesWithTheOracleOnRandomNetworks(@ForAll("mixed") RandomNetworks.Case c) {
        check(c);
    }

    @Property(tries = 1000)
    void engineAgreesWithTheOracleOnLongChains(@ForAll("chains") RandomNetworks.Case c) {
        check(c);
    }

    private static void check(RandomNetworks.Case c) {
        SupplyNetwork net = SupplyChainEngine.compile(c.spec());
        BruteForceOracle oracle = new BruteForceOracle(c.spec());
        Analysis expected = oracle.analyze(c.disruption());
        Analysis actual = SupplyChainEngine.analyze(net, c.disruption());
        assertThat(actual).isEqualTo(expected);
        assertThat(SupplyChainEngine.exposures(net, actual)).isEqualTo(oracle.exposures(expected));
        assertClose(SupplyChainEngine.concentration(net, c.concerns()), oracle.concentration(c.concerns()));
        ResilienceAnalyzer.Impact impact = ResilienceAnalyzer.impact(net, c.disruption());
        assertThat(impact.stoppedEndItems()).isEqualTo(expected.stoppedEndItems());
        assertThat(impact.inputsWithoutSource()).isEqualTo(expected.inputsWithoutSource());
    }

    static void assertClose(Concentration actual, Concentration expected) {
        assertThat(actual.endItems()).hasSameSizeAs(expected.endItems());
        assertThat(actual.inputs()).hasSameSizeAs(expected.inputs());
        List<Concentration.Entry> a = new ArrayList<>(actual.endItems());
        a.addAll(actual.inputs());
        List<Concentration.Entry> e = new ArrayList<>(expected.endItems());
        e.addAll(expected.inputs());
        for (int i = 0; i < a.size(); i++) {
            Concentration.Entry x = a.get(i);
            Concentration.Entry y = e.get(i);
            assertThat(x.endItem()).isEqualTo(y.endItem());
            assertThat(x.node()).isEqualTo(y.node());
            assertThat(x.item()).isEqualTo(y.item());
            assertThat(x.countryHhi()).isCloseTo(y.countryHhi(), within(1e-6));
            assertThat(x.companyHhi()).isCloseTo(y.companyHhi(), within(1e-6));
            assertThat(x.concernShare()).isCloseTo(y.concernShare(), within(1e-9));
            assertThat(x.topCountryShare()).isCloseTo(y.topCountryShare(), within(1e-9));
            if (Math.abs(x.topCountryShare() - y.topCountryShare()) < 1e-12 || y.topCountry() == null) {
                assertThat(x.topCountry()).isEqualTo(y.topCountry());
            }
        }
    }

    /** The shared-prefix sets against plain sorted sets, on arbitrary (not down-closed) sets. */
    @Property(tries = 1000)
    void critSetsBehaveLikeSortedSets(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int steps) {
        Random r = new Random(seed);
        List<CritSet> sets = new ArrayList<>();
        List<TreeSet<Integer>> plain = new ArrayList<>();
        sets.add(CritSet.EMPTY);
        plain.add(new TreeSet<>());
        for (int u = 0; u < steps; u++) {
            int k = r.nextInt(4);
            CritSet[] ds = new CritSet[k];
            TreeSet<Integer> expected = new TreeSet<>();
            for (int i = 0; i < k; i++) {
                int a = r.nextInt(sets.size());
                CritSet s = sets.get(a);
                TreeSet<Integer> p = new TreeSet<>(plain.get(a));
                if (r.nextBoolean()) {
                    int b = r.nextInt(sets.size());
                    s = CritSet.intersect(s, sets.get(b));
                    p.retainAll(plain.get(b));
                    assertThat(toList(s)).isEqualTo(new ArrayList<>(p));
                }
                ds[i] = s;
                expected.addAll(p);
            }
            expected.add(u);
            CritSet s = CritSet.union(u, ds, k);
            assertThat(toList(s)).isEqualTo(new ArrayList<>(expected));
            assertThat(s.size).isEqualTo(expected.size());
            for (int probe = -1; probe <= u + 1; probe++) {
                assertThat(s.contains(probe)).isEqualTo(expected.contains(probe));
            }
            sets.add(s);
            plain.add(expected);
        }
    }

    private static List<Integer> toList(CritSet s) {
        List<Integer> out = new ArrayList<>();
        for (int v : s.toArray()) {
            out.add(v);
        }
        return out;
    }
}
