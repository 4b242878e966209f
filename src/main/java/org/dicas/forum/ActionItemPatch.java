package org.dicas.forum;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A partial change of an action item (JSON merge: a field left out, or null, keeps its stored value). To clear the
 * meeting or agenda item, send the whole item with PUT.
 */
public record ActionItemPatch(@Size(max = 300) String title, @Size(max = 20000) String description, Long ownerId,
                              LocalDate dueDate, ActionItem.Status status, @Size(max = 500) String marking,
                              Long meetingId, Long agendaItemId) {

    /** The whole command: this patch's fields over the item as stored. */
    ActionItemCommand over(ActionItem a) {
        if (title != null && title.isBlank()) {
            throw org.dicas.shared.InvalidInputException.of("title", "forum.error.patchBlank");
        }
        if (marking != null && marking.isBlank()) {
            throw org.dicas.shared.InvalidInputException.of("marking", "forum.error.patchBlank");
        }
        return new ActionItemCommand(meetingId != null ? meetingId : a.meetingId(),
                agendaItemId != null ? agendaItemId : a.agendaItemId(), title != null ? title : a.title(),
                description != null ? description : a.description(), ownerId != null ? ownerId : a.ownerId(),
                dueDate != null ? dueDate : a.dueDate(),
                status != null ? status : (a.status() == ActionItem.Status.DONE ? ActionItem.Status.DONE
                        : ActionItem.Status.OPEN),
                marking != null ? marking : a.marking().banner());
    }
}
