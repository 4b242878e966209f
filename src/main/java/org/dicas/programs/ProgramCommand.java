package org.dicas.programs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Create or update a cooperative program. At least one of {@code nameEn}, {@code nameJa}. {@code partners} are the
 * partner nations with their cost shares in percent (summing to exactly 100) and work-share targets in percent
 * (optional; when given for every partner they also sum to 100). {@code requirementIds} are record ids of
 * requirements the author may read. {@code status} defaults to PROPOSED.
 */
public record ProgramCommand(@Size(max = 300) String nameEn,
                             @Size(max = 300) String nameJa,
                             @NotNull Program.Type type,
                             Program.Status status,
                             @Size(max = 20000) String description,
                             @Size(max = 20) List<@Valid Partner> partners,
                             @Size(max = 100) List<@Valid Milestone> milestones,
                             @Size(max = 200) List<Long> requirementIds,
                             @NotBlank @Size(max = 500) String marking) {

    /** A partner nation with its cost share and (optional) work-share target, both in percent. */
    public record Partner(@NotBlank @Size(max = 3) String nation, BigDecimal costShare, BigDecimal workShare) {
    }

    /** A milestone: what and when. */
    public record Milestone(@NotBlank @Size(max = 300) String name, @NotNull LocalDate date) {
    }

    public ProgramCommand {
        nameEn = nameEn == null ? "" : nameEn.strip();
        nameJa = nameJa == null ? "" : nameJa.strip();
        status = status == null ? Program.Status.PROPOSED : status;
        description = description == null ? "" : description;
        partners = partners == null ? List.of() : List.copyOf(partners);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        requirementIds = requirementIds == null ? List.of() : List.copyOf(requirementIds);
    }
}
