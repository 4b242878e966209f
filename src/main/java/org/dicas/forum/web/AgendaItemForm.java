package org.dicas.forum.web;

import org.dicas.forum.AgendaItem;
import org.dicas.forum.AgendaItemCommand;

/**
 * The agenda-item form (new, or editing one from the meeting page) as the browser posts it; shown again with every
 * value as entered when the save is refused, like every forum form.
 */
public class AgendaItemForm {
    private Integer position;
    private String title = "";
    private String description = "";
    private String presenter = "";
    private boolean industrySession;
    private Long linkedRecordId;
    private String marking = "";

    /** A new item, marked as its meeting by default. */
    static AgendaItemForm startingAt(String marking) {
        AgendaItemForm f = new AgendaItemForm();
        f.marking = marking;
        return f;
    }

    static AgendaItemForm of(AgendaItem a) {
        AgendaItemForm f = new AgendaItemForm();
        f.position = a.position();
        f.title = a.title();
        f.description = a.description();
        f.presenter = a.presenter();
        f.industrySession = a.industrySession();
        f.linkedRecordId = a.linkedRecordId();
        f.marking = a.marking().banner();
        return f;
    }

    AgendaItemCommand command() {
        return new AgendaItemCommand(position, title, description, presenter, industrySession, marking, linkedRecordId);
    }

    public Integer getPosition() { return position; }
    public void setPosition(Integer position) { this.position = position; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPresenter() { return presenter; }
    public void setPresenter(String presenter) { this.presenter = presenter; }
    public boolean isIndustrySession() { return industrySession; }
    public void setIndustrySession(boolean industrySession) { this.industrySession = industrySession; }
    public Long getLinkedRecordId() { return linkedRecordId; }
    public void setLinkedRecordId(Long linkedRecordId) { this.linkedRecordId = linkedRecordId; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
