package org.dicas.disclosure;

import org.dicas.security.DicasUser;
import org.dicas.security.Role;
import org.dicas.security.WriteDecision;
import org.dicas.shared.NationCode;

/**
 * Who may decide foreign-disclosure requests, in one place: a disclosure officer of the record's originating nation
 * (who must also be able to read it — the service finds the record through the policy first). Anyone who can read a
 * record may ask for its release, so asking has no rule beyond reading. Plain Java; the service enforces, pages ask.
 */
public final class DisclosureWriteRules {

    private DisclosureWriteRules() {
    }

    /** Deciding (approving or denying) a release request about a record that originates in {@code origin}. */
    public static WriteDecision decideRelease(DicasUser user, NationCode origin) {
        if (!user.hasRole(Role.DISCLOSURE_OFFICER)) {
            return WriteDecision.reject("rule.disclosure.officersOnly");
        }
        if (!user.nation().equals(origin)) {
            return WriteDecision.reject("rule.disclosure.originatingNationOnly");
        }
        return WriteDecision.allow();
    }
}
