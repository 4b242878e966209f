package org.dicas.disclosure;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.dicas.support.RuleTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may decide a release request, one table: user × the record's originating nation → allowed, or the rule's code. */
class DisclosureWriteRulesTest {

    static DicasUser user(String name, String nation, OrganizationKind kind, Set<Role> roles) {
        return new DicasUser(name.hashCode(), name, name, NationCode.of(nation), name.length(), name + " org", kind,
                AccessLevel.CUI, roles, Set.of("PLENARY"), Optional.empty());
    }

    static final DicasUser US_FDO = user("us.fdo", "USA", OrganizationKind.GOVERNMENT, Set.of(Role.DISCLOSURE_OFFICER));
    static final DicasUser JP_FDO = user("jp.fdo", "JPN", OrganizationKind.GOVERNMENT, Set.of(Role.DISCLOSURE_OFFICER));
    static final DicasUser US_ACQ = user("us.acq", "USA", OrganizationKind.GOVERNMENT, Set.of(Role.ACQUISITION));
    static final DicasUser US_ADMIN = user("admin", "USA", OrganizationKind.GOVERNMENT, Set.of(Role.ADMIN));
    static final DicasUser US_INDUSTRY_FDO = user("us.industry", "USA", OrganizationKind.COMPANY,
            Set.of(Role.INDUSTRY, Role.DISCLOSURE_OFFICER));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("officer of the originating nation decides", US_FDO, "USA", RuleTable.ALLOWED),
                Arguments.of("officer of another nation refused", JP_FDO, "USA", "rule.disclosure.originatingNationOnly"),
                Arguments.of("Japanese officer decides on Japanese records", JP_FDO, "JPN", RuleTable.ALLOWED),
                Arguments.of("acquisition official of the same nation refused", US_ACQ, "USA", "rule.disclosure.officersOnly"),
                Arguments.of("administrator gets no extra power", US_ADMIN, "USA", "rule.disclosure.officersOnly"),
                Arguments.of("the role decides, not the organization", US_INDUSTRY_FDO, "USA", RuleTable.ALLOWED),
                Arguments.of("not an officer and another nation: the role is named first", US_ACQ, "JPN",
                        "rule.disclosure.officersOnly"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoDecidesReleases(String name, DicasUser user, String origin, String expected) {
        RuleTable.assertDecision(DisclosureWriteRules.decideRelease(user, NationCode.of(origin)), expected);
    }
}
