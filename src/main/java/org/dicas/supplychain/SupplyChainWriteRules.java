package org.dicas.supplychain;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who may change the supply-chain workspace, in one place. {@link SupplyNetworks} enforces these rules
 * ({@link WriteDecision#orThrow()}: 403 naming the reason); pages only ask them which forms to show. Analyses and
 * what-ifs are reads, decided by the releasability policy.
 */
public final class SupplyChainWriteRules {

    /** A user who is not a government user imports no network. */
    public static final String GOVERNMENT_ONLY = "rule.supplychain.governmentOnly";

    private SupplyChainWriteRules() {
    }

    /** Government users import supply networks (JSON or spreadsheets), each as the next version of its program. */
    public static WriteDecision importNetwork(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(GOVERNMENT_ONLY);
    }
}
