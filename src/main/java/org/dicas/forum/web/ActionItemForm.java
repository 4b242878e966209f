package org.dicas.forum.web;

import java.time.LocalDate;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItemCommand;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The action-item form (assign one from the meeting page, or edit one from its page) as the browser posts it; shown
 * again with every value as entered when the save is refused. The due date is read and written as ISO
 * ({@code 2026-12-03}), the only form a date input takes.
 */
public class ActionItemForm {
    private String title = "";
    private String description = "";
    private Long ownerId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    private String status = "OPEN";
    private Long meetingId;
    private Long agendaItemId;
    private String marking = "";

    static ActionItemForm startingAt(long meetingId, String marking) {
        ActionItemForm f = new ActionItemForm();
        f.meetingId = meetingId;
        f.marking = marking;
        return f;
    }

    static ActionItemForm of(ActionItem a) {
        ActionItemForm f = new ActionItemForm();
        f.title = a.title();
        f.description = a.description();
        f.ownerId = a.ownerId();
        f.dueDate = a.dueDate();
        f.status = a.status() == ActionItem.Status.DONE ? "DONE" : "OPEN";
        f.meetingId = a.meetingId();
        f.agendaItemId = a.agendaItemId();
        f.marking = a.marking().banner();
        return f;
    }

    ActionItemCommand command() {
        return new ActionItemCommand(meetingId, agendaItemId, title, description, ownerId, dueDate,
                "DONE".equals(status) ? ActionItem.Status.DONE : ActionItem.Status.OPEN, marking);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getMeetingId() { return meetingId; }
    public void setMeetingId(Long meetingId) { this.meetingId = meetingId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public void setAgendaItemId(Long agendaItemId) { this.agendaItemId = agendaItemId; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
