package org.dicas.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ExportControl;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.support.RuleTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may change the trust model, one table: users × export authorizations and user accounts → allowed, or rejected
 * with the rule's code.
 */
class TrustWriteRulesTest {

    static DicasUser user(String name, String nation, OrganizationKind kind, long org, Set<Role> roles) {
        return new DicasUser(org * 100 + name.length(), name, name, NationCode.of(nation), org, "org" + org, kind,
                AccessLevel.CUI, roles, Set.of("PLENARY"), Optional.empty());
    }

    static final DicasUser US_OFFICER = user("us.fdo", "USA", OrganizationKind.GOVERNMENT, 2, Set.of(Role.DISCLOSURE_OFFICER));
    static final DicasUser JP_OFFICER = user("jp.fdo", "JPN", OrganizationKind.GOVERNMENT, 5, Set.of(Role.DISCLOSURE_OFFICER));
    static final DicasUser US_ACQ = user("us.acq", "USA", OrganizationKind.GOVERNMENT, 2, Set.of(Role.ACQUISITION));
    static final DicasUser ADMIN = user("admin", "USA", OrganizationKind.GOVERNMENT, 10, Set.of(Role.ADMIN));
    static final DicasUser ADMIN_AND_OFFICER = user("us.both", "USA", OrganizationKind.GOVERNMENT, 2,
            Set.of(Role.ADMIN, Role.DISCLOSURE_OFFICER));
    static final DicasUser US_INDUSTRY = user("us.industry", "USA", OrganizationKind.COMPANY, 4, Set.of(Role.INDUSTRY));

    static ExportAuthorization issuedBy(String nation) {
        return new ExportAuthorization(1, "DSP-5 0001", ExportAuthorization.Kind.LICENCE, ExportControl.Regime.ITAR,
                NationCode.of(nation), List.of(NationCode.JPN), List.of(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), "");
    }

    static final ExportAuthorization US_LICENCE = issuedBy("USA");

    static RecordMarking recordOf(String origin) {
        return new RecordMarking(Marking.parse("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV"), NationCode.of(origin),
                Optional.empty());
    }

    static final Function<DicasUser, WriteDecision> ISSUE = TrustWriteRules::issueAuthorization;
    static final Function<DicasUser, WriteDecision> CHANGE = u -> TrustWriteRules.changeAuthorization(u, US_LICENCE);
    static final Function<DicasUser, WriteDecision> DETACH = u -> TrustWriteRules.detachAuthorization(u, US_LICENCE);
    static final Function<DicasUser, WriteDecision> ADMINISTER = TrustWriteRules::administerUsers;

    static Function<DicasUser, WriteDecision> attachTo(RecordMarking record) {
        return u -> TrustWriteRules.attachAuthorization(u, US_LICENCE, record);
    }

    static final String ALLOWED = RuleTable.ALLOWED;
    static final String OFFICER = TrustWriteRules.DISCLOSURE_OFFICER_ONLY;
    static final String ISSUER = TrustWriteRules.ISSUING_NATION_ONLY;
    static final String ORIGINATOR = TrustWriteRules.ORIGINATING_NATION_ONLY;
    static final String ADMINISTRATOR = TrustWriteRules.ADMINISTRATOR_ONLY;

    static Stream<Arguments> table() {
        return Stream.of(
                // issue: disclosure officers, for their own nation
                Arguments.of("issue: officer", US_OFFICER, ISSUE, ALLOWED),
                Arguments.of("issue: officer of another nation (issues in its own name)", JP_OFFICER, ISSUE, ALLOWED),
                Arguments.of("issue: acquisition refused", US_ACQ, ISSUE, OFFICER),
                Arguments.of("issue: administrator refused (roles do not add up)", ADMIN, ISSUE, OFFICER),
                Arguments.of("issue: industry refused", US_INDUSTRY, ISSUE, OFFICER),
                // change and detach: officers of the issuing nation
                Arguments.of("change: officer of the issuing nation", US_OFFICER, CHANGE, ALLOWED),
                Arguments.of("change: officer of another nation refused", JP_OFFICER, CHANGE, ISSUER),
                Arguments.of("change: same nation, not an officer, refused", US_ACQ, CHANGE, ISSUER),
                Arguments.of("detach: officer of the issuing nation", US_OFFICER, DETACH, ALLOWED),
                Arguments.of("detach: officer of another nation refused", JP_OFFICER, DETACH, ISSUER),
                Arguments.of("detach: administrator refused", ADMIN, DETACH, ISSUER),
                // attach: officers of the issuing nation, to their own nation's records
                Arguments.of("attach: own nation's record", US_OFFICER, attachTo(recordOf("USA")), ALLOWED),
                Arguments.of("attach: another nation's record refused", US_OFFICER, attachTo(recordOf("JPN")),
                        ORIGINATOR),
                Arguments.of("attach: officer of another nation refused (issuer first)", JP_OFFICER,
                        attachTo(recordOf("JPN")), ISSUER),
                Arguments.of("attach: not an officer refused", US_ACQ, attachTo(recordOf("USA")), ISSUER),
                // user accounts: administrators
                Arguments.of("administer users: administrator", ADMIN, ADMINISTER, ALLOWED),
                Arguments.of("administer users: administrator who is also an officer", ADMIN_AND_OFFICER, ADMINISTER,
                        ALLOWED),
                Arguments.of("administer users: officer refused", US_OFFICER, ADMINISTER, ADMINISTRATOR),
                Arguments.of("administer users: acquisition refused", US_ACQ, ADMINISTER, ADMINISTRATOR),
                Arguments.of("administer users: industry refused", US_INDUSTRY, ADMINISTER, ADMINISTRATOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoChangesTheTrustModel(String name, DicasUser user, Function<DicasUser, WriteDecision> rule,
                                        String expected) {
        RuleTable.assertDecision(rule.apply(user), expected);
    }
}
