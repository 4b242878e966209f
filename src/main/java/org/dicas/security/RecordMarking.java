package org.dicas.security;

import java.util.Optional;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;

/** What the policy needs to know of a record: its marking, originating nation and (when PROPIN) owning company. */
public record RecordMarking(Marking marking, NationCode originNation, Optional<Long> owningCompanyId) {
    public RecordMarking {
        owningCompanyId = owningCompanyId == null ? Optional.empty() : owningCompanyId;
    }
}
