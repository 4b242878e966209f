package org.dicas.sosa;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A new request. The requesting nation is the author's. {@code supplierNodeId} names a readable
 * {@code SUPPLY_NODE} record; without one, {@code supplierName} is required. {@code linkedNodeIds} are the
 * readable {@code SUPPLY_NODE} records the request relieves.
 */
public record SosaRequestCommand(@NotBlank @Size(max = 3) String receivingNation,
                                 @NotBlank @Size(max = 200) String program,
                                 @NotBlank @Size(max = 200) String item,
                                 Long supplierNodeId,
                                 @Size(max = 200) String supplierName,
                                 @NotNull @Positive @Max(1_000_000_000) Integer quantity,
                                 @NotNull LocalDate neededBy,
                                 @NotBlank @Size(max = 4000) String justification,
                                 @NotBlank @Size(max = 500) String marking,
                                 @Size(max = 50) List<Long> linkedNodeIds) {

    public SosaRequestCommand {
        supplierName = supplierName == null ? "" : supplierName;
        linkedNodeIds = linkedNodeIds == null ? List.of() : linkedNodeIds;
    }
}
