package org.dicas.security;

/**
 * Who may change the trust model itself, in one place: export authorizations (issued, changed, attached and detached
 * by disclosure officers of the issuing nation) and user accounts (administrators). {@link ExportAuthorizations} and
 * the user administration enforce these rules; pages only ask them. Both features are invisible to everyone else:
 * where a rule refuses someone who may not even know the feature exists, the service answers 404, not 403.
 */
public final class TrustWriteRules {

    /** Only disclosure officers issue authorizations. */
    public static final String DISCLOSURE_OFFICER_ONLY = "rule.trust.disclosureOfficerOnly";
    /** Only disclosure officers of the issuing nation change, attach or detach an authorization. */
    public static final String ISSUING_NATION_ONLY = "rule.trust.issuingNationOnly";
    /** Only the originating nation releases its records: an authorization is attached to its own nation's records. */
    public static final String ORIGINATING_NATION_ONLY = "rule.trust.originatingNationOnly";
    /** Only administrators administer user accounts. */
    public static final String ADMINISTRATOR_ONLY = "rule.trust.administratorOnly";

    private TrustWriteRules() {
    }

    // ------------------------------------------------------------------------------------ export authorizations

    /** Disclosure officers issue authorizations, in the name of their own nation. */
    public static WriteDecision issueAuthorization(DicasUser user) {
        return user.disclosureOfficer() ? WriteDecision.allow()
                : WriteDecision.reject(DISCLOSURE_OFFICER_ONLY);
    }

    /** Disclosure officers of the issuing nation change an authorization. */
    public static WriteDecision changeAuthorization(DicasUser user, ExportAuthorization authorization) {
        return issuingOfficer(user, authorization);
    }

    /**
     * Disclosure officers of the issuing nation attach an authorization, and only to records their own nation
     * originated (that the record carries an EXPORT control of the authorization's regime is a question of input,
     * not of permission).
     */
    public static WriteDecision attachAuthorization(DicasUser user, ExportAuthorization authorization,
                                                    RecordMarking record) {
        return WriteDecision.all(issuingOfficer(user, authorization),
                record.originNation().equals(user.nation()) ? WriteDecision.allow()
                        : WriteDecision.reject(ORIGINATING_NATION_ONLY));
    }

    /** Disclosure officers of the issuing nation detach an authorization from a record. */
    public static WriteDecision detachAuthorization(DicasUser user, ExportAuthorization authorization) {
        return issuingOfficer(user, authorization);
    }

    private static WriteDecision issuingOfficer(DicasUser user, ExportAuthorization authorization) {
        return user.disclosureOfficer() && authorization.issuingNation().equals(user.nation()) ? WriteDecision.allow()
                : WriteDecision.reject(ISSUING_NATION_ONLY);
    }

    // -------------------------------------------------------------------------------------------- user accounts

    /** Administrators create accounts, change them, reset passwords and enable or disable accounts. */
    public static WriteDecision administerUsers(DicasUser user) {
        return user.administrator() ? WriteDecision.allow()
                : WriteDecision.reject(ADMINISTRATOR_ONLY);
    }
}
