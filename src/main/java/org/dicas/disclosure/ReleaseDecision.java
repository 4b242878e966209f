package org.dicas.disclosure;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An officer's decision. Approval may release fewer nations/companies than asked ({@code nations}/{@code companies}
 * default to everything asked); {@code validTo} bounds the authorization created for export-controlled records
 * (default one year). Denial needs a reason.
 */
public record ReleaseDecision(@Size(max = 50) List<String> nations, @Size(max = 50) List<Long> companies,
                              LocalDate validTo, @Size(max = 2000) String reason) {
    public ReleaseDecision {
        reason = reason == null ? "" : reason;
    }
}
