package org.dicas.forum.web;

import org.dicas.forum.Decision;
import org.dicas.forum.DecisionCommand;

/**
 * The decision form (record one from the meeting page, or edit one from its page) as the browser posts it; shown
 * again with every value as entered when the save is refused.
 */
public class DecisionForm {
    private String text = "";
    private Long agendaItemId;
    private Long opportunityId;
    private String toStage = "";
    private String marking = "";

    static DecisionForm startingAt(String marking) {
        DecisionForm f = new DecisionForm();
        f.marking = marking;
        return f;
    }

    /** Editing a decision: its text, agenda item and marking (the stage move it made is not edited). */
    static DecisionForm of(Decision d) {
        DecisionForm f = new DecisionForm();
        f.text = d.text();
        f.agendaItemId = d.agendaItemId();
        f.marking = d.marking().banner();
        return f;
    }

    DecisionCommand command() {
        return new DecisionCommand(agendaItemId, text, marking, opportunityId, toStage);
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Long getAgendaItemId() { return agendaItemId; }
    public void setAgendaItemId(Long agendaItemId) { this.agendaItemId = agendaItemId; }
    public Long getOpportunityId() { return opportunityId; }
    public void setOpportunityId(Long opportunityId) { this.opportunityId = opportunityId; }
    public String getToStage() { return toStage; }
    public void setToStage(String toStage) { this.toStage = toStage; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
