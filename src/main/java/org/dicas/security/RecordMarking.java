package org.dicas.security;

import java.util.List;
import java.util.Optional;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;

/**
 * What the policy needs to know of a record: its marking, originating nation, owning company (when PROPIN), the
 * export authorizations attached to it, and whether only government users may read it ({@code governmentOnly}: a
 * record that speaks for governments, such as an official's judgment of a pair of requirements — the one reader rule
 * a banner cannot say, ADR 0041), and whether nobody may read it any more ({@code withheld}: a record derived from
 * others that no nation may still read all of — a judgment of a pair whose two nations each withheld their own
 * requirement, ADR 0041 amended in stop 28).
 */
public record RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId,
                            List<ExportAuthorization> authorizations, boolean governmentOnly, boolean withheld) {
    public RecordMarking {
        owningCompanyId = owningCompanyId == null ? Optional.empty() : owningCompanyId;
        authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
    }

    public RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId,
                         List<ExportAuthorization> authorizations, boolean governmentOnly) {
        this(marking, originNation, owningCompanyId, authorizations, governmentOnly, false);
    }

    public RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId,
                         List<ExportAuthorization> authorizations) {
        this(marking, originNation, owningCompanyId, authorizations, false);
    }

    public RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId) {
        this(marking, originNation, owningCompanyId, List.of());
    }
}
