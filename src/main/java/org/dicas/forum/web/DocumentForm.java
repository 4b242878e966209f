package org.dicas.forum.web;

import org.dicas.forum.Document;
import org.dicas.forum.DocumentCommand;

/** The document form as the browser posts it. */
public class DocumentForm {
    private String title = "";
    private String body = "";
    private String marking = "UNCLASSIFIED";
    private Long workingGroupId;

    static DocumentForm of(Document d) {
        DocumentForm f = new DocumentForm();
        f.title = d.title();
        f.body = d.body();
        f.marking = d.marking().banner();
        f.workingGroupId = d.workingGroupId();
        return f;
    }

    DocumentCommand command() {
        return new DocumentCommand(title, body, marking, workingGroupId);
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
