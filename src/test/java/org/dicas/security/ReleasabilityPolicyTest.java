package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five rules of the trust model, one table: users × markings → may read. The same table runs against the SQL
 * rendering of the policy in {@code ReleasabilityPolicySqlTest}.
 */
class ReleasabilityPolicyTest {

    static final long SAKURA = 7, PACIFIC = 4;

    static DicasUser user(String name, String nation, OrganizationKind kind, long org, AccessLevel level,
                          Set<String> groups) {
        return new DicasUser(org * 100 + name.length(), name, name, NationCode.of(nation), org, "org" + org, kind,
                level, Set.of(), groups, Optional.empty());
    }

    static final DicasUser US_GOV_CUI = user("us.acq", "USA", OrganizationKind.GOVERNMENT, 2, AccessLevel.CUI,
            Set.of("PLENARY", "WG-SHIP", "WG-MISSILE"));
    static final DicasUser US_NAVY = user("us.navy", "USA", OrganizationKind.MILITARY_SERVICE, 3, AccessLevel.CUI,
            Set.of("WG-SHIP"));
    static final DicasUser US_INDUSTRY_UNCLASS = user("us.industry", "USA", OrganizationKind.COMPANY, PACIFIC,
            AccessLevel.UNCLASSIFIED, Set.of("WG-MISSILE"));
    static final DicasUser JP_GOV_CUI = user("jp.atla", "JPN", OrganizationKind.GOVERNMENT, 5, AccessLevel.CUI,
            Set.of("PLENARY", "WG-SHIP", "WG-MISSILE"));
    static final DicasUser JP_INDUSTRY_CUI = user("jp.industry", "JPN", OrganizationKind.COMPANY, SAKURA,
            AccessLevel.CUI, Set.of("WG-SHIP", "WG-MISSILE"));
    static final DicasUser AU_GOV_UNCLASS = user("au.dod", "AUS", OrganizationKind.GOVERNMENT, 8,
            AccessLevel.UNCLASSIFIED, Set.of());
    static final DicasUser PUBLIC_READER = user("guest", "GBR", OrganizationKind.ASSOCIATION, 9, AccessLevel.PUBLIC,
            Set.of());

    static RecordMarking rec(String banner, String origin) {
        return new RecordMarking(Marking.parse(banner), NationCode.of(origin), Optional.empty());
    }

    static RecordMarking rec(String banner, String origin, long company) {
        return new RecordMarking(Marking.parse(banner), NationCode.of(origin), Optional.of(company));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // rule 2: level
                Arguments.of("level: public record, public reader", PUBLIC_READER, rec("PUBLIC", "USA"), true),
                Arguments.of("level: unclassified above public reader", PUBLIC_READER, rec("UNCLASSIFIED", "USA"), false),
                Arguments.of("level: CUI above unclassified reader", AU_GOV_UNCLASS, rec("CUI", "USA"), false),
                Arguments.of("level: CUI to CUI reader of another nation", JP_GOV_CUI, rec("CUI", "USA"), true),
                Arguments.of("level: unclassified to unclassified reader", AU_GOV_UNCLASS, rec("UNCLASSIFIED", "JPN"), true),
                // rule 1: nation
                Arguments.of("nation: NOFORN to originator", US_NAVY, rec("CUI//NOFORN", "USA"), true),
                Arguments.of("nation: NOFORN hides from partner", JP_GOV_CUI, rec("CUI//NOFORN", "USA"), false),
                Arguments.of("nation: JPN NOFORN hides from USA", US_GOV_CUI, rec("CUI//NOFORN", "JPN"), false),
                Arguments.of("nation: REL TO lists reader", JP_GOV_CUI, rec("CUI//REL TO USA, JPN", "USA"), true),
                Arguments.of("nation: REL TO omits reader", AU_GOV_UNCLASS, rec("UNCLASSIFIED//REL TO USA, JPN", "USA"), false),
                Arguments.of("nation: REL TO includes AUS", AU_GOV_UNCLASS, rec("UNCLASSIFIED//REL TO USA, JPN, AUS", "USA"), true),
                Arguments.of("nation: originator not in REL TO still reads", US_GOV_CUI, rec("CUI//REL TO JPN", "USA"), true),
                // rule 3: groups
                Arguments.of("group: member reads", US_NAVY, rec("CUI//GROUP WG-SHIP", "USA"), true),
                Arguments.of("group: non-member refused", US_NAVY, rec("CUI//GROUP WG-MISSILE", "USA"), false),
                Arguments.of("group: one of several suffices", JP_INDUSTRY_CUI, rec("CUI//REL TO USA, JPN//GROUP PLENARY, WG-SHIP", "USA"), true),
                Arguments.of("group: no groups at all", AU_GOV_UNCLASS, rec("UNCLASSIFIED//GROUP PLENARY", "AUS"), false),
                // rule 4: PROPIN
                Arguments.of("propin: government reads", US_GOV_CUI, rec("CUI//PROPIN", "JPN", SAKURA), true),
                Arguments.of("propin: owning company reads", JP_INDUSTRY_CUI, rec("CUI//PROPIN", "JPN", SAKURA), true),
                Arguments.of("propin: other company refused", US_INDUSTRY_UNCLASS, rec("UNCLASSIFIED//PROPIN", "JPN", SAKURA), false),
                Arguments.of("propin: own company across nations", US_INDUSTRY_UNCLASS, rec("UNCLASSIFIED//PROPIN", "JPN", PACIFIC), true),
                Arguments.of("propin: association is not government", PUBLIC_READER, rec("PUBLIC//PROPIN", "GBR", SAKURA), false),
                // rule 5: EXPORT (no authorizations yet: originator only)
                Arguments.of("export: originator reads", US_NAVY, rec("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", "USA"), true),
                Arguments.of("export: REL TO partner without authorization refused", JP_GOV_CUI, rec("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", "USA"), false),
                Arguments.of("export: Japanese FEFTA data to USA refused", US_GOV_CUI, rec("CUI//EXPORT FEFTA 2-1", "JPN"), false),
                // all rules together
                Arguments.of("all: every rule holds", JP_INDUSTRY_CUI, rec("CUI//REL TO USA, JPN//GROUP WG-SHIP//PROPIN", "USA", SAKURA), true),
                Arguments.of("all: one rule fails (group)", JP_INDUSTRY_CUI, rec("CUI//REL TO USA, JPN//GROUP PLENARY//PROPIN", "USA", SAKURA), false),
                Arguments.of("all: one rule fails (level)", US_INDUSTRY_UNCLASS, rec("CUI//GROUP WG-MISSILE//PROPIN", "USA", PACIFIC), false),
                // rule 6: government only (an official's judgment of a pair)
                Arguments.of("government only: an official of a listed nation reads", US_GOV_CUI, governmentOnly("CUI//REL TO JPN, USA", "JPN"), true),
                Arguments.of("government only: a military service is government", US_NAVY, governmentOnly("CUI//REL TO JPN, USA", "JPN"), true),
                Arguments.of("government only: industry of a listed nation refused", JP_INDUSTRY_CUI, governmentOnly("CUI//REL TO JPN, USA", "JPN"), false),
                Arguments.of("government only: industry of the originator refused", JP_INDUSTRY_CUI, governmentOnly("CUI//NOFORN", "JPN"), false),
                Arguments.of("government only: a third nation's official refused by REL TO", AU_GOV_UNCLASS, governmentOnly("UNCLASSIFIED//REL TO JPN, USA", "JPN"), false),
                Arguments.of("government only: an association refused", PUBLIC_READER, governmentOnly("PUBLIC", "GBR"), false),
                // rule 7: withheld (a judgment of a pair no nation may still read both of)
                Arguments.of("withheld: the originating nation's official refused", JP_GOV_CUI, withheld("CUI//NOFORN", "JPN"), false),
                Arguments.of("withheld: an official of a listed nation refused", US_GOV_CUI, withheld("CUI//REL TO JPN, USA", "JPN"), false));
    }

    static RecordMarking withheld(String banner, String origin) {
        return new RecordMarking(Marking.parse(banner), NationCode.of(origin), Optional.empty(), List.of(), true, true);
    }

    static RecordMarking governmentOnly(String banner, String origin) {
        return new RecordMarking(Marking.parse(banner), NationCode.of(origin), Optional.empty(), List.of(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesByAllSixRules(String name, DicasUser user, RecordMarking record, boolean expected) {
        assertThat(new ReleasabilityPolicy(java.time.Clock.systemUTC()).mayRead(user, record)).isEqualTo(expected);
    }

    @Test
    void theSqlTextNamesOnlyTheAliasSoOneExpansionServesEveryReader() {
        ReleasabilityPolicy policy = new ReleasabilityPolicy(java.time.Clock.systemUTC());
        List<DicasUser> readers = List.of(US_GOV_CUI, US_NAVY, US_INDUSTRY_UNCLASS, JP_GOV_CUI, JP_INDUSTRY_CUI,
                AU_GOV_UNCLASS, PUBLIC_READER);
        for (DicasUser reader : readers) {
            assertThat(policy.sqlFilter(reader, "r").clause()).isEqualTo(policy.sqlFilter(US_GOV_CUI, "r").clause());
            assertThat(policy.sqlFilterWithContainer(reader, "d").clause())
                    .isEqualTo(policy.sqlFilterWithContainer(US_GOV_CUI, "d").clause());
            assertThat(policy.sqlFilter(reader, "r").parameters()).isEqualTo(policy.sqlParameters(reader));
        }
        assertThat(policy.sqlParameters(JP_GOV_CUI)).isNotEqualTo(policy.sqlParameters(US_GOV_CUI));
    }
}
