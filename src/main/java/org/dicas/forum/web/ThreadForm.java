package org.dicas.forum.web;

import org.dicas.forum.ThreadCommand;

/** The new-thread form as the browser posts it. */
public class ThreadForm {
    private String title = "";
    private String body = "";
    private String marking = "UNCLASSIFIED";
    private Long workingGroupId;

    ThreadCommand command() {
        return new ThreadCommand(workingGroupId, title, body, marking);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public Long getWorkingGroupId() { return workingGroupId; }
    public void setWorkingGroupId(Long workingGroupId) { this.workingGroupId = workingGroupId; }
}
