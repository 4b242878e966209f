package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.shared.InvalidInputException;

/**
 * The program form as the browser posts it. Partners are one line each ({@code NATION COST_SHARE [WORK_SHARE]},
 * e.g. {@code JPN 50 60}), milestones one line each ({@code YYYY-MM-DD name}), requirement record ids separated by
 * commas or spaces; a malformed line becomes an error naming the field and the line.
 */
public class ProgramForm {
    private String nameEn = "";
    private String nameJa = "";
    private String type = "";
    private String status = "PROPOSED";
    private String description = "";
    private String partners = "";
    private String milestones = "";
    private String requirementIds = "";
    private String marking = "CUI//REL TO USA, JPN";

    static ProgramForm of(Program p) {
        ProgramForm f = new ProgramForm();
        f.nameEn = p.nameEn();
        f.nameJa = p.nameJa();
        f.type = p.type().name();
        f.status = p.status().name();
        f.description = p.description();
        f.partners = p.partners().stream().map(x -> x.nation() + " " + x.costShare().stripTrailingZeros().toPlainString()
                        + (x.workShare() == null ? "" : " " + x.workShare().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining("\n"));
        f.milestones = p.milestones().stream().map(m -> m.date() + " " + m.name()).collect(Collectors.joining("\n"));
        // requirements the editor cannot read are not shown; the service keeps their links on save
        f.requirementIds = p.requirements().stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(", "));
        f.marking = p.marking().banner();
        return f;
    }

    ProgramCommand command() {
        return new ProgramCommand(nameEn, nameJa, type(), status(), description, partnerList(), milestoneList(),
                ids("requirementIds", requirementIds), marking);
    }

    private Program.Type type() {
        try {
            return type == null || type.isBlank() ? null : Program.Type.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "prog.error.unknownType", type);
        }
    }

    private Program.Status status() {
        try {
            return status == null || status.isBlank() ? null : Program.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "prog.error.unknownStatus", status);
        }
    }

    private List<ProgramCommand.Partner> partnerList() {
        List<ProgramCommand.Partner> out = new ArrayList<>();
        String[] lines = partners == null ? new String[0] : partners.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] t = line.split("[\\s,;]+");
            if (t.length < 2 || t.length > 3) {
                throw InvalidInputException.of("partners", "prog.error.partnerLine", i + 1);
            }
            out.add(new ProgramCommand.Partner(t[0].toUpperCase(Locale.ROOT), decimal(i, t[1]),
                    t.length == 3 ? decimal(i, t[2]) : null));
        }
        return out;
    }

    private static BigDecimal decimal(int line, String s) {
        try {
            return new BigDecimal(s.replace("%", ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("partners", "prog.error.notPercent", line + 1, s);
        }
    }

    private List<ProgramCommand.Milestone> milestoneList() {
        List<ProgramCommand.Milestone> out = new ArrayList<>();
        String[] lines = milestones == null ? new String[0] : milestones.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] t = line.split("\\s+", 2);
            try {
                if (t.length < 2) {
                    throw new DateTimeParseException("no name", line, 0);
                }
                out.add(new ProgramCommand.Milestone(t[1].strip(), LocalDate.parse(t[0])));
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("milestones", "prog.error.milestoneLine", i + 1);
            }
        }
        return out;
    }

    static List<Long> ids(String field, String value) {
        List<Long> out = new ArrayList<>();
        for (String s : (value == null ? "" : value).split("[\\s,;]+")) {
            if (!s.isBlank()) {
                out.add(org.dicas.platform.FormValues.id(field, s.strip().replace("#", "")));
            }
        }
        return out;
    }

    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getNameJa() { return nameJa; }
    public void setNameJa(String nameJa) { this.nameJa = nameJa; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPartners() { return partners; }
    public void setPartners(String partners) { this.partners = partners; }
    public String getMilestones() { return milestones; }
    public void setMilestones(String milestones) { this.milestones = milestones; }
    public String getRequirementIds() { return requirementIds; }
    public void setRequirementIds(String requirementIds) { this.requirementIds = requirementIds; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
