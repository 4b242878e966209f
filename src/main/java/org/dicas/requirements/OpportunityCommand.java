package org.dicas.requirements;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A new pipeline opportunity, or the new state of one (update). {@code requirementIds}: requirements of two or more
 * nations (a flagged pair or group), or empty/any when {@code leadId} names the source lead. {@code marking} is
 * optional: the default is the high-water mark of the linked requirements and lead; a chosen marking must be at least
 * as restrictive. {@code ownerId} defaults to the author; {@code firstUnitCost} (A) and {@code learningRate} (LR)
 * default to {@link Pipeline#DEFAULT_FIRST_UNIT_COST} and {@link Pipeline#DEFAULT_LEARNING_RATE}.
 */
public record OpportunityCommand(@Size(max = 500) String title,
                                 @Size(max = 200) List<Long> requirementIds,
                                 Long leadId,
                                 Long ownerId,
                                 @Size(max = 2000) String nextStep,
                                 LocalDate nextStepDate,
                                 Double firstUnitCost,
                                 Double learningRate,
                                 @Size(max = 500) String marking) {

    public OpportunityCommand {
        title = title == null ? "" : title.strip();
        requirementIds = requirementIds == null ? List.of() : List.copyOf(requirementIds);
        nextStep = nextStep == null ? "" : nextStep.strip();
        marking = marking == null ? "" : marking.strip();
    }
}
