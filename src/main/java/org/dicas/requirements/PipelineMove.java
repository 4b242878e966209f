package org.dicas.requirements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Move an opportunity to {@code toStage}: the next stage, or the previous one with a {@code reason}. Moving to AGREED
 * (or PROGRAM) needs {@code program}: the cooperative program's type and partner cost shares (summing to 100); the
 * program is created with the linked requirements and the opportunity then stands at PROGRAM.
 */
public record PipelineMove(@Size(max = 20) String toStage,
                           @Size(max = 2000) String reason,
                           @Valid ProgramDetails program) {

    /** What the agreed step needs to create the program; names default to the opportunity's title. */
    public record ProgramDetails(@Size(max = 40) String type,
                                 @Size(max = 20) List<@Valid PartnerShare> partners,
                                 @Size(max = 300) String nameEn,
                                 @Size(max = 300) String nameJa) {
        public ProgramDetails {
            partners = partners == null ? List.of() : List.copyOf(partners);
            nameEn = nameEn == null ? "" : nameEn.strip();
            nameJa = nameJa == null ? "" : nameJa.strip();
            type = type == null ? "" : type.strip();
        }
    }

    /** A partner nation and its cost share in percent. */
    public record PartnerShare(@Size(max = 3) String nation, BigDecimal costShare) {
    }

    public PipelineMove {
        toStage = toStage == null ? "" : toStage.strip();
        reason = reason == null ? "" : reason.strip();
    }
}
