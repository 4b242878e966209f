package org.dicas.programs;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who may write cooperative programs and agreements, in one place: one named rule per action, each answering allow,
 * or reject with a stable code (a message key of both bundles) and an English reason. {@link Programs} and
 * {@link Agreements} enforce them ({@code orThrow()}, a 403 naming the reason); the pages only ask them which buttons
 * and forms to show. Reading is the releasability policy's business, decided before (hidden is 404).
 * Plain Java on purpose: no Spring, no database ({@code ProgramWriteRulesTest} is its table).
 */
public final class ProgramWriteRules {

    public static final String PROGRAM_GOVERNMENT_OR_SECRETARIAT = "rule.program.governmentOrSecretariat";
    public static final String AGREEMENT_GOVERNMENT_OR_SECRETARIAT = "rule.agreement.governmentOrSecretariat";

    private ProgramWriteRules() {
    }

    /** Government users (government bodies, military services) and the secretariat (ADMIN) create programs. */
    public static WriteDecision createProgram(DicasUser user) {
        return writer(user) ? WriteDecision.allow() : WriteDecision.reject(PROGRAM_GOVERNMENT_OR_SECRETARIAT);
    }

    /** Whoever creates programs changes one they may read. */
    public static WriteDecision editProgram(DicasUser user, Program program) {
        return createProgram(user);
    }

    /** Government users and the secretariat create agreements (MOU, project arrangement, SoSA, terms of reference). */
    public static WriteDecision createAgreement(DicasUser user) {
        return writer(user) ? WriteDecision.allow() : WriteDecision.reject(AGREEMENT_GOVERNMENT_OR_SECRETARIAT);
    }

    /** Whoever creates agreements changes one they may read. */
    public static WriteDecision editAgreement(DicasUser user, Agreement agreement) {
        return createAgreement(user);
    }

    private static boolean writer(DicasUser user) {
        return user.government() || user.administrator();
    }
}
