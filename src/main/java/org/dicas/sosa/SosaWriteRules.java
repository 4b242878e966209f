package org.dicas.sosa;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Sentence;

/**
 * Who may take which step of a Security of Supply request, in one place. {@link SosaRequests} enforces these rules
 * ({@link WriteDecision#orThrow()}: 403 naming the reason); pages only ask them which buttons and forms to show.
 * Whether a step fits the request's status is not a permission: the service refuses that naming {@code status}.
 */
public final class SosaWriteRules {

    /** A user who is not a government user submits no request. */
    public static final String GOVERNMENT_ONLY = "rule.sosa.governmentOnly";
    /** Only a government user of the receiving nation acknowledges a request and records the firm's response. */
    public static final String RECEIVING_NATION_ONLY = "rule.sosa.receivingNationOnly";
    /** Only a government user of the requesting nation closes a request. */
    public static final String REQUESTING_NATION_ONLY = "rule.sosa.requestingNationOnly";

    private SosaWriteRules() {
    }

    /** Government users submit requests (to the other nation's SoSA office; the requesting nation is their own). */
    public static WriteDecision submitRequest(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(GOVERNMENT_ONLY);
    }

    /** A government user of the receiving nation acknowledges a request. */
    public static WriteDecision acknowledgeRequest(DicasUser user, SosaRequest request) {
        return receivingSide(user, request);
    }

    /** A government user of the receiving nation records the firm's response to a request. */
    public static WriteDecision answerRequest(DicasUser user, SosaRequest request) {
        return receivingSide(user, request);
    }

    /** A government user of the requesting nation closes a request. */
    public static WriteDecision closeRequest(DicasUser user, SosaRequest request) {
        return user.government() && user.nation().code().equals(request.requestingNation()) ? WriteDecision.allow()
                : WriteDecision.reject(REQUESTING_NATION_ONLY, Sentence.nation(request.requestingNation()));
    }

    private static WriteDecision receivingSide(DicasUser user, SosaRequest request) {
        return user.government() && user.nation().code().equals(request.receivingNation()) ? WriteDecision.allow()
                : WriteDecision.reject(RECEIVING_NATION_ONLY, Sentence.nation(request.receivingNation()));
    }
}
