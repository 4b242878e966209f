package org.dicas.supplychain;

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

/** Who may change the supply-chain workspace, one table: users → may import a network, or the rule's code. */
class SupplyChainWriteRulesTest {

    static DicasUser user(String name, String nation, OrganizationKind kind, AccessLevel level, Role role) {
        return new DicasUser(name.hashCode(), name, name, NationCode.of(nation), name.length(), name + " org", kind,
                level, Set.of(role), Set.of("WG-MISSILE"), Optional.empty());
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("government imports", user("us.acq", "USA", OrganizationKind.GOVERNMENT, AccessLevel.CUI,
                        Role.ACQUISITION), RuleTable.ALLOWED),
                Arguments.of("military service imports", user("jp.msdf", "JPN", OrganizationKind.MILITARY_SERVICE,
                        AccessLevel.CUI, Role.SERVICE), RuleTable.ALLOWED),
                Arguments.of("government below CUI imports (what it may read is the policy's business)",
                        user("au.dod", "AUS", OrganizationKind.GOVERNMENT, AccessLevel.UNCLASSIFIED, Role.POLICY),
                        RuleTable.ALLOWED),
                Arguments.of("industry refused, whatever its clearance", user("jp.industry", "JPN",
                        OrganizationKind.COMPANY, AccessLevel.CUI, Role.INDUSTRY), SupplyChainWriteRules.GOVERNMENT_ONLY),
                Arguments.of("industry with an administrator's role refused", user("us.industry", "USA",
                        OrganizationKind.COMPANY, AccessLevel.UNCLASSIFIED, Role.ADMIN), SupplyChainWriteRules.GOVERNMENT_ONLY),
                Arguments.of("association refused", user("guest", "GBR", OrganizationKind.ASSOCIATION,
                        AccessLevel.PUBLIC, Role.POLICY), SupplyChainWriteRules.GOVERNMENT_ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoImportsNetworks(String name, DicasUser user, String expected) {
        RuleTable.assertDecision(SupplyChainWriteRules.importNetwork(user), expected);
    }
}
