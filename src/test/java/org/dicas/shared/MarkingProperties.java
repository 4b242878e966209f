package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the banner grammar: format∘parse is the identity on valid banners; broken ones are refused. */
class MarkingProperties {

    static final List<String> NATIONS = List.of("USA", "JPN", "AUS", "GBR", "ITA", "CAN", "KOR", "NZL", "FRA", "DEU");
    static final List<String> GROUPS = List.of("PLENARY", "WG-MISSILE", "WG-SHIP", "WG-AIR", "WG-SCR", "G_1", "X9");

    @Provide
    Arbitrary<Marking> markings() {
        Arbitrary<AccessLevel> level = Arbitraries.of(AccessLevel.class);
        Arbitrary<Integer> nationMode = Arbitraries.integers().between(0, 2); // 0 none, 1 NOFORN, 2 REL TO
        Arbitrary<List<String>> rel = Arbitraries.of(NATIONS).list().uniqueElements().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<String>> groups = Arbitraries.of(GROUPS).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Boolean> propin = Arbitraries.of(true, false);
        Arbitrary<Optional<ExportControl>> export = Combinators.combine(
                        Arbitraries.of(ExportControl.Regime.class),
                        Arbitraries.strings().withChars("ABCXYZ0123456789.-()_").ofMinLength(0).ofMaxLength(12))
                .as((r, s) -> new ExportControl(r, "R" + s)).optional(0.5);
        return Combinators.combine(level, nationMode, rel, groups, propin, export)
                .as((l, mode, relTo, g, p, e) -> new Marking(l, mode == 1,
                        mode == 2 ? relTo.stream().map(NationCode::new).toList() : List.of(), g, p, e));
    }

    @Property(tries = 500)
    void formatThenParseIsIdentity(@ForAll("markings") Marking marking) {
        String banner = marking.banner();
        Marking parsed = Marking.parse(banner);
        assertThat(parsed).isEqualTo(marking);
        assertThat(parsed.banner()).isEqualTo(banner);
    }

    @Property(tries = 300)
    void lowerCasedBannersAreRejected(@ForAll("markings") Marking marking) {
        String lower = marking.banner().toLowerCase();
        assertThatThrownBy(() -> Marking.parse(lower)).isInstanceOf(InvalidMarkingException.class)
                .hasMessageContaining("unknown level");
    }

    @Property(tries = 300)
    void swappingTwoControlsBreaksTheOrder(@ForAll("markings") Marking marking) {
        String[] parts = marking.banner().split("//");
        if (parts.length < 3) {
            return;
        }
        List<String> swapped = new ArrayList<>(List.of(parts));
        String a = swapped.get(1);
        swapped.set(1, swapped.get(2));
        swapped.set(2, a);
        assertThatThrownBy(() -> Marking.parse(String.join("//", swapped)))
                .isInstanceOf(InvalidMarkingException.class).hasMessageContaining("order");
    }

    @Property(tries = 300)
    void doublingASeparatorLeavesAnEmptyControl(@ForAll("markings") Marking marking) {
        assertThatThrownBy(() -> Marking.parse(marking.banner() + "//"))
                .isInstanceOf(InvalidMarkingException.class).hasMessageContaining("empty control");
    }

    @Property(tries = 300)
    void repeatingTheLastControlIsRefused(@ForAll("markings") Marking marking) {
        String[] parts = marking.banner().split("//");
        if (parts.length < 2) {
            return;
        }
        String last = parts[parts.length - 1];
        assertThatThrownBy(() -> Marking.parse(marking.banner() + "//" + last))
                .isInstanceOf(InvalidMarkingException.class).hasMessageContaining("more than once");
    }

    @Property(tries = 200)
    void highWaterMarkDominatesEveryInput(@ForAll("markings") Marking a, @ForAll("markings") Marking b) {
        Marking hwm = Marking.highWaterMark(List.of(a, b));
        assertThat(hwm.level().dominates(a.level()) && hwm.level().dominates(b.level())).isTrue();
        assertThat(hwm.groups()).containsAll(a.groups()).containsAll(b.groups());
        assertThat(hwm.propin()).isEqualTo(a.propin() || b.propin());
        if (a.noForn() || b.noForn()) {
            assertThat(hwm.noForn()).isTrue();
        }
        for (NationCode n : hwm.relTo()) {
            assertThat(a.relTo().isEmpty() || a.relTo().contains(n)).isTrue();
            assertThat(b.relTo().isEmpty() || b.relTo().contains(n)).isTrue();
        }
        assertThat(Marking.parse(hwm.banner())).isEqualTo(hwm);
    }
}
