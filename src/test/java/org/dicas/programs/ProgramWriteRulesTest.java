package org.dicas.programs;

import static org.dicas.programs.ProgramWriteRules.AGREEMENT_GOVERNMENT_OR_SECRETARIAT;
import static org.dicas.programs.ProgramWriteRules.PROGRAM_GOVERNMENT_OR_SECRETARIAT;
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
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Marking;
import org.dicas.support.WriteRulesTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The programs module's named write rules, one table: users × situations → allowed, or rejected with the expected
 * code. Government users (a government body or a military service, of any nation) and the secretariat write; the
 * ADMIN role alone makes the secretariat; industry and associations read.
 */
class ProgramWriteRulesTest {

    static final Marking CUI = Marking.parse("CUI//REL TO USA, JPN");
    /** A program created by the Japanese government: its author does not matter to the rules. */
    static final Program PROGRAM = new Program(20, CUI, Program.Type.CO_DEVELOPMENT, Program.Status.ACTIVE, "p", "p",
            "", List.of(), List.of(), List.of(), 0, JP_ATLA.id(), 1);
    static final Agreement AGREEMENT = new Agreement(21, CUI, Agreement.Type.MOU, "a", "", List.of("USA", "JPN"),
            LocalDate.EPOCH, List.of(), List.of(), 0, US_ACQ.id(), 1);

    static Stream<Arguments> table() {
        return Stream.of(
                row("createProgram", "a government body's user", US_ACQ, ProgramWriteRules::createProgram, ALLOWED),
                row("createProgram", "a military service's user", US_NAVY, ProgramWriteRules::createProgram, ALLOWED),
                row("createProgram", "a government user of a third nation", AU_DOD,
                        ProgramWriteRules::createProgram, ALLOWED),
                row("createProgram", "the secretariat", SECRETARIAT, ProgramWriteRules::createProgram, ALLOWED),
                row("createProgram", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        ProgramWriteRules::createProgram,
                        ALLOWED),
                row("createProgram", "an industry user", US_INDUSTRY, ProgramWriteRules::createProgram,
                        PROGRAM_GOVERNMENT_OR_SECRETARIAT),
                row("createProgram", "someone of an association", ASSOCIATION, ProgramWriteRules::createProgram,
                        PROGRAM_GOVERNMENT_OR_SECRETARIAT),
                row("editProgram", "a government user, not its author",
                        US_ACQ, u -> ProgramWriteRules.editProgram(u, PROGRAM),
                        ALLOWED),
                row("editProgram", "the secretariat", SECRETARIAT,
                        u -> ProgramWriteRules.editProgram(u, PROGRAM), ALLOWED),
                row("editProgram", "an industry user of a partner nation", JP_INDUSTRY,
                        u -> ProgramWriteRules.editProgram(u, PROGRAM), PROGRAM_GOVERNMENT_OR_SECRETARIAT),
                row("createAgreement", "a government user", JP_ATLA, ProgramWriteRules::createAgreement, ALLOWED),
                row("createAgreement", "the secretariat", SECRETARIAT, ProgramWriteRules::createAgreement, ALLOWED),
                row("createAgreement", "an industry user", JP_INDUSTRY, ProgramWriteRules::createAgreement,
                        AGREEMENT_GOVERNMENT_OR_SECRETARIAT),
                row("editAgreement", "a government user of another party, not its author", JP_ATLA,
                        u -> ProgramWriteRules.editAgreement(u, AGREEMENT), ALLOWED),
                row("editAgreement", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        u -> ProgramWriteRules.editAgreement(u, AGREEMENT), ALLOWED),
                row("editAgreement", "an industry user", US_INDUSTRY,
                        u -> ProgramWriteRules.editAgreement(u, AGREEMENT),
                        AGREEMENT_GOVERNMENT_OR_SECRETARIAT),
                row("editAgreement", "someone of an association", ASSOCIATION,
                        u -> ProgramWriteRules.editAgreement(u, AGREEMENT),
                        AGREEMENT_GOVERNMENT_OR_SECRETARIAT));
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {5}")
    @MethodSource("table")
    void decidesEachRuleForEachUser(String rule, String situation, String username, DicasUser user,
                                    Function<DicasUser, WriteDecision> decide, String expected) {
        WriteRulesTables.assertDecides(decide.apply(user), expected);
    }

    @Test
    void everyRuleHasRowsInTheTable() {
        WriteRulesTables.assertEveryRuleHasRows(ProgramWriteRules.class, table());
    }

    @Test
    void everyRefusalHasRowsAndIsSaidInEnglishAndJapanese() throws IOException {
        WriteRulesTables.assertEveryCodeHasRowsAndMessages(ProgramWriteRules.class, table());
    }
}
