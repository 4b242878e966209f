package org.dicas.coproduction;

import static org.dicas.coproduction.CoproductionWriteRules.GOVERNMENT_OR_SECRETARIAT;
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
 * The co-production module's named write rules, one table: government users (of any nation) and the secretariat
 * create, edit and run plans; industry (even the firm that owns a line) and associations only read what the policy
 * releases to them.
 */
class CoproductionWriteRulesTest {

    static Stream<Arguments> table() {
        return Stream.of(
                row("createPlan", "a government body's user", US_ACQ, CoproductionWriteRules::createPlan, ALLOWED),
                row("createPlan", "a government user of a partner nation", JP_ATLA,
                        CoproductionWriteRules::createPlan, ALLOWED),
                row("createPlan", "the secretariat", SECRETARIAT, CoproductionWriteRules::createPlan, ALLOWED),
                row("createPlan", "an industry user", US_INDUSTRY, CoproductionWriteRules::createPlan,
                        GOVERNMENT_OR_SECRETARIAT),
                row("createPlan", "someone of an association", ASSOCIATION, CoproductionWriteRules::createPlan,
                        GOVERNMENT_OR_SECRETARIAT),
                row("editPlan", "a government body's user", US_ACQ, CoproductionWriteRules::editPlan, ALLOWED),
                row("editPlan", "a government user of a partner nation", JP_ATLA, CoproductionWriteRules::editPlan,
                        ALLOWED),
                row("editPlan", "the secretariat", SECRETARIAT, CoproductionWriteRules::editPlan, ALLOWED),
                row("editPlan", "an industry user of the firm that owns a line", JP_INDUSTRY,
                        CoproductionWriteRules::editPlan, GOVERNMENT_OR_SECRETARIAT),
                row("editPlan", "an industry user of another firm", US_INDUSTRY, CoproductionWriteRules::editPlan,
                        GOVERNMENT_OR_SECRETARIAT),
                row("runPlan", "a military service's user", US_NAVY, CoproductionWriteRules::runPlan, ALLOWED),
                row("runPlan", "a government user of a third nation", AU_DOD, CoproductionWriteRules::runPlan,
                        ALLOWED),
                row("runPlan", "an ADMIN outside government", ADMIN_OF_ASSOCIATION, CoproductionWriteRules::runPlan,
                        ALLOWED),
                row("runPlan", "an industry user of a partner nation", JP_INDUSTRY, CoproductionWriteRules::runPlan,
                        GOVERNMENT_OR_SECRETARIAT));
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {5}")
    @MethodSource("table")
    void decidesEachRuleForEachUser(String rule, String situation, String username, DicasUser user,
                                    Function<DicasUser, WriteDecision> decide, String expected) {
        WriteRulesTables.assertDecides(decide.apply(user), expected);
    }

    @Test
    void everyRuleHasRowsInTheTable() {
        WriteRulesTables.assertEveryRuleHasRows(CoproductionWriteRules.class, table());
    }

    @Test
    void everyRefusalHasRowsAndIsSaidInEnglishAndJapanese() throws IOException {
        WriteRulesTables.assertEveryCodeHasRowsAndMessages(CoproductionWriteRules.class, table());
    }
}
