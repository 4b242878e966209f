package org.dicas.titles;

import java.util.Optional;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who writes a record's title in the other language, in one place (ADR 0031). The other-language title renders the
 * record for the partner's readers; it does not change what the record says, so it is not the kind's own write rule
 * (which, for a requirement, admits only its own nation — precisely not the partner officials who need the
 * translation). Government users who may read the record write it, as do the record's author; industry users only for
 * records they wrote. Who may read the record is decided before (a hidden record answers 404, never 403). The
 * language held by the record's own form is changed there, never here ({@link RecordTitles} refuses it as input).
 */
public final class TitleWriteRules {

    /** Only government users and the record's author write the other-language title. */
    public static final String GOVERNMENT_OR_AUTHOR = "rule.titles.governmentOrAuthor";

    private TitleWriteRules() {
    }

    /** Government users and the record's author write the other-language title of a record they may read. */
    public static WriteDecision writeOtherLanguage(DicasUser user, Optional<Long> author) {
        return user.government() || author.filter(a -> a == user.id()).isPresent() ? WriteDecision.allow()
                : WriteDecision.reject(GOVERNMENT_OR_AUTHOR);
    }
}
