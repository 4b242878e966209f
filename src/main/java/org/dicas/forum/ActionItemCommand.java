package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Create or update an action item; {@code status} is OPEN or DONE (OVERDUE is derived, not set). */
public record ActionItemCommand(Long meetingId, Long agendaItemId, @NotBlank @Size(max = 300) String title,
                                @Size(max = 20000) String description, @NotNull Long ownerId,
                                @NotNull LocalDate dueDate, ActionItem.Status status,
                                @NotBlank @Size(max = 500) String marking) {
    public ActionItemCommand {
        description = description == null ? "" : description;
        status = status == null ? ActionItem.Status.OPEN : status;
    }
}
