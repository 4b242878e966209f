package org.dicas.forum;

import java.time.LocalDate;
import org.dicas.shared.Marking;

/** A task with an owner and a due date; OVERDUE is derived: still open after the due date. */
public record ActionItem(long id, Marking marking, Long meetingId, Long agendaItemId, String title,
                         String description, long ownerId, String ownerName, LocalDate dueDate, @org.dicas.shared.Labelled("action.status") Status status, long version) implements org.dicas.shared.Versioned {

    public enum Status { OPEN, DONE, OVERDUE }

    static Status statusOn(String stored, LocalDate due, LocalDate today) {
        if ("DONE".equals(stored)) {
            return Status.DONE;
        }
        return due.isBefore(today) ? Status.OVERDUE : Status.OPEN;
    }
}
