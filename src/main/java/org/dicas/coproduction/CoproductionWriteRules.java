package org.dicas.coproduction;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who may write co-production plans and run them, in one place: government users (government bodies, military
 * services) and the secretariat. Plain Java, no Spring ({@code CoproductionWriteRulesTest} is its table). Reading is
 * the releasability policy's business, decided before (hidden is 404).
 */
public final class CoproductionWriteRules {

    public static final String GOVERNMENT_OR_SECRETARIAT = "rule.coproduction.governmentOrSecretariat";

    private CoproductionWriteRules() {
    }

    /** Government users and the secretariat create plans. */
    public static WriteDecision createPlan(DicasUser user) {
        return writer(user);
    }

    /**
     * Government users and the secretariat change a plan they may read: its fields, lines (a firm's cost included),
     * components, transfer rules and demands.
     */
    public static WriteDecision editPlan(DicasUser user) {
        return writer(user);
    }

    /** Government users and the secretariat run a plan they may read (baseline or what-if) and stop its runs. */
    public static WriteDecision runPlan(DicasUser user) {
        return writer(user);
    }

    private static WriteDecision writer(DicasUser user) {
        return user.government() || user.administrator() ? WriteDecision.allow()
                : WriteDecision.reject(GOVERNMENT_OR_SECRETARIAT);
    }
}
