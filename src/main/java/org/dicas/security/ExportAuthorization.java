package org.dicas.security;

import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.ExportControl;
import org.dicas.shared.NationCode;

/**
 * An export-control licence or agreement issued by one nation: it lets the covered nations (and, when companies
 * are listed, only those companies' people among industry users) read the EXPORT-controlled records it is attached
 * to, from {@code validFrom} to {@code validTo} inclusive. The day after, access is gone without anyone acting.
 */
public record ExportAuthorization(long id, String number, @org.dicas.shared.Labelled("authorization.kind") Kind kind,
                                  @org.dicas.shared.Labelled("exportRegime") ExportControl.Regime regime,
                                  @org.dicas.shared.Labelled("nation") NationCode issuingNation, @org.dicas.shared.Labelled("nation") List<NationCode> coveredNations,
                                  List<Long> coveredCompanies, LocalDate validFrom, LocalDate validTo, String note,
                                  long version) implements org.dicas.shared.Versioned {

    public enum Kind { LICENCE, AGREEMENT }

    /** An authorization at its first version (as issued). */
    public ExportAuthorization(long id, String number, Kind kind, ExportControl.Regime regime, NationCode issuingNation,
                               List<NationCode> coveredNations, List<Long> coveredCompanies, LocalDate validFrom,
                               LocalDate validTo, String note) {
        this(id, number, kind, regime, issuingNation, coveredNations, coveredCompanies, validFrom, validTo, note, 1);
    }

    public ExportAuthorization {
        coveredNations = List.copyOf(coveredNations);
        coveredCompanies = List.copyOf(coveredCompanies);
        note = note == null ? "" : note;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Whether this authorization lets the user read on that day: nation covered, and company too for industry. */
    public boolean covers(DicasUser user, LocalDate day) {
        if (!activeOn(day) || !coveredNations.contains(user.nation())) {
            return false;
        }
        if (user.government() || coveredCompanies.isEmpty()) {
            return true;
        }
        return user.companyId().map(coveredCompanies::contains).orElse(false);
    }
}
