package org.dicas.forum;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create or update a working group. Co-chairs: at most one per nation. */
public record WorkingGroupCommand(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,15}", message = "{forum.validation.workingGroupCode}") String code,
        @NotBlank @Size(max = 200) String nameEn,
        @NotBlank @Size(max = 200) String nameJa,
        @Size(max = 20000) String mandateEn,
        @Size(max = 20000) String mandateJa,
        @NotNull WorkingGroup.Status status,
        @Size(max = 32) String groupCode,
        @NotBlank @Size(max = 500) String marking,
        @Valid @Size(max = 10) List<CoChairCommand> coChairs,
        @Size(max = 500) List<Long> memberIds) {

    public record CoChairCommand(@NotBlank @Size(min = 3, max = 3) String nation,
                                 @NotBlank @Size(max = 200) String name,
                                 Long organizationId) {
    }

    public WorkingGroupCommand {
        mandateEn = mandateEn == null ? "" : mandateEn;
        mandateJa = mandateJa == null ? "" : mandateJa;
        coChairs = coChairs == null ? List.of() : coChairs;
        memberIds = memberIds == null ? List.of() : memberIds;
    }
}
