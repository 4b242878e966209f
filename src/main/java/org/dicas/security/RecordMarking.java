package org.dicas.security;

import java.util.List;
import java.util.Optional;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;

/**
 * What the policy needs to know of a record: its marking, originating nation, owning company (when PROPIN) and the
 * export authorizations attached to it.
 */
public record RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId,
                            List<ExportAuthorization> authorizations) {
    public RecordMarking {
        owningCompanyId = owningCompanyId == null ? Optional.empty() : owningCompanyId;
        authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
    }

    public RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId) {
        this(marking, originNation, owningCompanyId, List.of());
    }
}
