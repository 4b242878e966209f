package org.dicas.requirements.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dicas.requirements.AcquisitionPlan;
import org.dicas.requirements.AcquisitionPlanCommand;
import org.dicas.shared.InvalidInputException;

/**
 * The plan form. Milestones and budget lines are typed one per line, fields separated by {@code |}:
 * {@code 2027-03-31 | Contract award} and {@code 2027 | 120000000 | USD} (fiscal year as the requirement's nation
 * names it, amount, currency). A malformed line is an error naming the field and the line.
 */
public class AcquisitionPlanForm {
    private String requirementId = "";
    private String title = "";
    private String notes = "";
    private String milestones = "";
    private String budget = "";
    private String marking = "";

    static AcquisitionPlanForm of(AcquisitionPlan p) {
        AcquisitionPlanForm f = new AcquisitionPlanForm();
        f.requirementId = Long.toString(p.requirementId());
        f.title = p.title();
        f.notes = p.notes();
        StringBuilder m = new StringBuilder();
        p.milestones().forEach(x -> m.append(x.due()).append(" | ").append(x.name()).append('\n'));
        f.milestones = m.toString();
        StringBuilder b = new StringBuilder();
        p.budget().forEach(x -> b.append(x.fiscalYear()).append(" | ").append(x.amount().toPlainString())
                .append(" | ").append(x.currency()).append('\n'));
        f.budget = b.toString();
        f.marking = p.marking().banner();
        return f;
    }

    AcquisitionPlanCommand command() {
        List<AcquisitionPlanCommand.MilestoneInput> ms = new ArrayList<>();
        int n = 0;
        for (String line : milestones.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            if (parts.length < 2) {
                throw InvalidInputException.of("milestones", "acqplan.error.milestoneLine", n);
            }
            LocalDate due;
            try {
                due = LocalDate.parse(parts[0].strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("milestones", "acqplan.error.lineNotDate", n, parts[0].strip());
            }
            ms.add(new AcquisitionPlanCommand.MilestoneInput(parts[1].strip(), due));
        }
        List<AcquisitionPlanCommand.BudgetLineInput> lines = new ArrayList<>();
        n = 0;
        for (String line : budget.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw InvalidInputException.of("budget", "acqplan.error.budgetLine", n);
            }
            Integer fy;
            BigDecimal amount;
            try {
                fy = Integer.valueOf(parts[0].strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("budget", "acqplan.error.lineNotFiscalYear", n, parts[0].strip());
            }
            try {
                amount = new BigDecimal(parts[1].strip().replace(",", ""));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("budget", "acqplan.error.lineNotAmount", n, parts[1].strip());
            }
            lines.add(new AcquisitionPlanCommand.BudgetLineInput(fy, amount, parts[2].strip()));
        }
        Long req = requirementId == null || requirementId.isBlank() ? null
                : org.dicas.platform.FormValues.id("requirementId", requirementId);
        return new AcquisitionPlanCommand(req, title, notes, ms, lines, marking);
    }

    public String getRequirementId() { return requirementId; }
    public void setRequirementId(String requirementId) { this.requirementId = requirementId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getMilestones() { return milestones; }
    public void setMilestones(String milestones) { this.milestones = milestones; }
    public String getBudget() { return budget; }
    public void setBudget(String budget) { this.budget = budget; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
