package org.dicas.programs;

import static org.dicas.programs.WorkShareWriteRules.BALANCE_GOVERNMENT_OR_SECRETARIAT;
import static org.dicas.programs.WorkShareWriteRules.GOVERNMENT_OR_SECRETARIAT;
import static org.dicas.programs.WorkShareWriteRules.OWN_FIRM_ONLY;
import static org.dicas.support.RuleTable.ALLOWED;
import static org.dicas.support.WriteRulesTables.ADMIN_OF_ASSOCIATION;
import static org.dicas.support.WriteRulesTables.ASSOCIATION;
import static org.dicas.support.WriteRulesTables.AU_DOD;
import static org.dicas.support.WriteRulesTables.JP_ATLA;
import static org.dicas.support.WriteRulesTables.JP_INDUSTRY;
import static org.dicas.support.WriteRulesTables.SECRETARIAT;
import static org.dicas.support.WriteRulesTables.US_ACQ;
import static org.dicas.support.WriteRulesTables.US_INDUSTRY;
import static org.dicas.support.WriteRulesTables.US_NAVY;
import static org.dicas.support.WriteRulesTables.row;

import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.support.WriteRulesTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The work-share write rules, one table: government users and the secretariat maintain work packages and releases
 * and balance; a firm writes only its own options (its PROPIN cost) and may not balance (the balance uses its
 * competitors' costs); associations write nothing.
 */
class WorkShareWriteRulesTest {

    /** The company of {@code JP_INDUSTRY} ({@code 100 + id} in {@link WriteRulesTables#user}) and another firm. */
    static final long SAKURA = JP_INDUSTRY.organizationId();
    static final long OTHER_FIRM = US_INDUSTRY.organizationId();

    static Function<DicasUser, WriteDecision> option(long performer) {
        return u -> WorkShareWriteRules.editOption(u, performer);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("editWorkPackages", "a government body's user", US_ACQ, WorkShareWriteRules::editWorkPackages, ALLOWED),
                row("editWorkPackages", "a partner nation's government user", JP_ATLA,
                        WorkShareWriteRules::editWorkPackages, ALLOWED),
                row("editWorkPackages", "a military service's user", US_NAVY, WorkShareWriteRules::editWorkPackages,
                        ALLOWED),
                row("editWorkPackages", "the secretariat", SECRETARIAT, WorkShareWriteRules::editWorkPackages, ALLOWED),
                row("editWorkPackages", "an industry user", JP_INDUSTRY, WorkShareWriteRules::editWorkPackages,
                        GOVERNMENT_OR_SECRETARIAT),
                row("editWorkPackages", "someone of an association", ASSOCIATION,
                        WorkShareWriteRules::editWorkPackages, GOVERNMENT_OR_SECRETARIAT),
                row("editOption", "a government user, for any firm", JP_ATLA, option(OTHER_FIRM), ALLOWED),
                row("editOption", "the secretariat, for any firm", SECRETARIAT, option(SAKURA), ALLOWED),
                row("editOption", "a firm's user, for the own firm", JP_INDUSTRY, option(SAKURA), ALLOWED),
                row("editOption", "a firm's user, for a competitor", JP_INDUSTRY, option(OTHER_FIRM), OWN_FIRM_ONLY),
                row("editOption", "another firm's user, for that competitor", US_INDUSTRY, option(SAKURA),
                        OWN_FIRM_ONLY),
                row("editOption", "someone of an association", ASSOCIATION, option(SAKURA),
                        GOVERNMENT_OR_SECRETARIAT),
                row("balance", "a government user", US_ACQ, WorkShareWriteRules::balance, ALLOWED),
                row("balance", "a third nation's government user", AU_DOD, WorkShareWriteRules::balance, ALLOWED),
                row("balance", "an ADMIN outside government", ADMIN_OF_ASSOCIATION, WorkShareWriteRules::balance,
                        ALLOWED),
                row("balance", "a firm's user", JP_INDUSTRY, WorkShareWriteRules::balance,
                        BALANCE_GOVERNMENT_OR_SECRETARIAT),
                row("balance", "someone of an association", ASSOCIATION, WorkShareWriteRules::balance,
                        BALANCE_GOVERNMENT_OR_SECRETARIAT));
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {5}")
    @MethodSource("table")
    void decidesEachRuleForEachUser(String rule, String situation, String username, DicasUser user,
                                    Function<DicasUser, WriteDecision> decide, String expected) {
        WriteRulesTables.assertDecides(decide.apply(user), expected);
    }

    @Test
    void everyRuleHasRowsInTheTable() {
        WriteRulesTables.assertEveryRuleHasRows(WorkShareWriteRules.class, table());
    }

    @Test
    void everyRefusalHasRowsAndIsSaidInEnglishAndJapanese() throws IOException {
        WriteRulesTables.assertEveryCodeHasRowsAndMessages(WorkShareWriteRules.class, table());
    }
}
