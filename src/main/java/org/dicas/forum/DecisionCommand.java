package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new decision. In a consultation, {@code opportunityId} (a record the author may read) and {@code toStage} (one of
 * {@link Decision#PIPELINE_STAGES}) together move that opportunity to a pipeline stage.
 */
public record DecisionCommand(Long agendaItemId, @NotBlank @Size(max = 5000) String text,
                              @NotBlank @Size(max = 500) String marking, Long opportunityId,
                              @Size(max = 20) String toStage) {

    public DecisionCommand {
        toStage = toStage == null || toStage.isBlank() ? null : toStage.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public DecisionCommand(Long agendaItemId, String text, String marking) {
        this(agendaItemId, text, marking, null, null);
    }
}
