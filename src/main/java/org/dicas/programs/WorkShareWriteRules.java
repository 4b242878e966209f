package org.dicas.programs;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who may maintain and balance the work share of a cooperative program, in one place. Government users (government
 * bodies, military services) and the secretariat write work packages, releases and the tolerance, and balance the
 * program (the balance is computed from every firm's PROPIN costs, so a firm may not run it or its what-ifs: they
 * would let it probe its competitors' costs). A firm may offer, change and withdraw its own options (its own PROPIN
 * cost), never another firm's. Reading is the releasability policy's business, decided before (hidden is 404).
 * Plain Java, no Spring ({@code WorkShareWriteRulesTest} is its table).
 */
public final class WorkShareWriteRules {

    public static final String GOVERNMENT_OR_SECRETARIAT = "rule.workShare.governmentOrSecretariat";
    public static final String OWN_FIRM_ONLY = "rule.workShare.ownFirmOnly";
    public static final String BALANCE_GOVERNMENT_OR_SECRETARIAT = "rule.workShare.balanceGovernmentOrSecretariat";

    private WorkShareWriteRules() {
    }

    /** Government users and the secretariat create, change and remove work packages, releases and the tolerance. */
    public static WriteDecision editWorkPackages(DicasUser user) {
        return writer(user) ? WriteDecision.allow() : WriteDecision.reject(GOVERNMENT_OR_SECRETARIAT);
    }

    /**
     * Government users and the secretariat write any firm's option; a firm's user writes only the options its own
     * firm performs.
     */
    public static WriteDecision editOption(DicasUser user, long performerId) {
        if (writer(user)) {
            return WriteDecision.allow();
        }
        if (user.companyId().isPresent()) {
            return user.companyId().get() == performerId ? WriteDecision.allow()
                    : WriteDecision.reject(OWN_FIRM_ONLY);
        }
        return WriteDecision.reject(GOVERNMENT_OR_SECRETARIAT);
    }

    /** Government users and the secretariat balance a program they may read, and try its what-ifs. */
    public static WriteDecision balance(DicasUser user) {
        return writer(user) ? WriteDecision.allow() : WriteDecision.reject(BALANCE_GOVERNMENT_OR_SECRETARIAT);
    }

    private static boolean writer(DicasUser user) {
        return user.government() || user.administrator();
    }
}
