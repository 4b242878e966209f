package org.dicas.sosa.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.InvalidInputException;
import org.dicas.sosa.SosaRequestCommand;

/**
 * The new-request form as the browser posts it. Numbers, dates and ids arrive as text so that a malformed value
 * becomes an error naming its field on the form rather than a failed binding.
 */
public class SosaRequestForm {
    private String receivingNation = "";
    private String program = "";
    private String item = "";
    private String supplierNodeId = "";
    private String supplierName = "";
    private String quantity = "";
    private String neededBy = "";
    private String justification = "";
    private String marking = "CUI//REL TO USA, JPN";
    private List<String> linkedNodeIds = new ArrayList<>();

    SosaRequestCommand command() {
        List<Long> linked = new ArrayList<>();
        for (String s : linkedNodeIds == null ? List.<String>of() : linkedNodeIds) {
            if (s != null && !s.isBlank()) {
                linked.add(id("linkedNodeIds", s));
            }
        }
        return new SosaRequestCommand(receivingNation, program, item,
                supplierNodeId == null || supplierNodeId.isBlank() ? null : id("supplierNodeId", supplierNodeId),
                supplierName, integer("quantity", quantity), date("neededBy", neededBy), justification, marking,
                linked);
    }

    static Long id(String field, String value) {
        return org.dicas.platform.FormValues.id(field, value);
    }

    static Integer integer(String field, String value) {
        return org.dicas.platform.FormValues.integer(field, value);
    }

    static LocalDate date(String field, String value) {
        return org.dicas.platform.FormValues.date(field, value);
    }

    public String getReceivingNation() { return receivingNation; }
    public void setReceivingNation(String receivingNation) { this.receivingNation = receivingNation; }
    public String getProgram() { return program; }
    public void setProgram(String program) { this.program = program; }
    public String getItem() { return item; }
    public void setItem(String item) { this.item = item; }
    public String getSupplierNodeId() { return supplierNodeId; }
    public void setSupplierNodeId(String supplierNodeId) { this.supplierNodeId = supplierNodeId; }
    public String getSupplierName() { return supplierName; }
    public void setSupplierName(String supplierName) { this.supplierName = supplierName; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getNeededBy() { return neededBy; }
    public void setNeededBy(String neededBy) { this.neededBy = neededBy; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public List<String> getLinkedNodeIds() { return linkedNodeIds; }
    public void setLinkedNodeIds(List<String> linkedNodeIds) { this.linkedNodeIds = linkedNodeIds; }
}
