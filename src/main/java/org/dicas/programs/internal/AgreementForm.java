package org.dicas.programs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dicas.programs.Agreement;
import org.dicas.programs.AgreementCommand;
import org.dicas.shared.InvalidInputException;

/** The agreement form as the browser posts it; ids and the date arrive as text so errors name their field. */
public class AgreementForm {
    private String type = "";
    private String title = "";
    private String description = "";
    private List<String> parties = new ArrayList<>();
    private String signedOn = "";
    private List<String> documentIds = new ArrayList<>();
    private List<String> programIds = new ArrayList<>();
    private String marking = "UNCLASSIFIED";

    static AgreementForm of(Agreement a) {
        AgreementForm f = new AgreementForm();
        f.type = a.type().name();
        f.title = a.title();
        f.description = a.description();
        f.parties = new ArrayList<>(a.parties());
        f.signedOn = a.signedOn() == null ? "" : a.signedOn().toString();
        f.documentIds = a.documents().stream().map(d -> String.valueOf(d.id())).collect(Collectors.toCollection(ArrayList::new));
        f.programIds = a.programs().stream().map(d -> String.valueOf(d.id())).collect(Collectors.toCollection(ArrayList::new));
        f.marking = a.marking().banner();
        return f;
    }

    AgreementCommand command() {
        Agreement.Type t;
        try {
            t = type == null || type.isBlank() ? null : Agreement.Type.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "agr.error.unknownType", type);
        }
        return new AgreementCommand(t, title, description, parties == null ? List.of() : parties,
                signedOn == null || signedOn.isBlank() ? null : org.dicas.platform.FormValues.date("signedOn", signedOn),
                ids("documentIds", documentIds), ids("programIds", programIds), marking);
    }

    private static List<Long> ids(String field, List<String> values) {
        List<Long> out = new ArrayList<>();
        for (String s : values == null ? List.<String>of() : values) {
            if (s != null && !s.isBlank()) {
                out.add(org.dicas.platform.FormValues.id(field, s));
            }
        }
        return out;
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getParties() { return parties; }
    public void setParties(List<String> parties) { this.parties = parties; }
    public String getSignedOn() { return signedOn; }
    public void setSignedOn(String signedOn) { this.signedOn = signedOn; }
    public List<String> getDocumentIds() { return documentIds; }
    public void setDocumentIds(List<String> documentIds) { this.documentIds = documentIds; }
    public List<String> getProgramIds() { return programIds; }
    public void setProgramIds(List<String> programIds) { this.programIds = programIds; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
