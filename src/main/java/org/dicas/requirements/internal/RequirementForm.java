package org.dicas.requirements.internal;

import org.dicas.platform.FormValues;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.RequirementCommand;

/**
 * The requirement form as the browser posts it. Numbers and dates arrive as text so that a malformed value becomes
 * an error naming its field rather than a failed binding.
 */
public class RequirementForm {
    private String nation = "";
    private String service = "";
    private String capabilityArea = "";
    private String titleEn = "";
    private String titleJa = "";
    private String descriptionEn = "";
    private String descriptionJa = "";
    private String quantity = "";
    private String needBy = "";
    private String status = "DRAFT";
    private String marking = "CUI//REL TO USA, JPN";

    static RequirementForm of(Requirement r) {
        RequirementForm f = new RequirementForm();
        f.nation = r.nation();
        f.service = r.service();
        f.capabilityArea = r.capabilityArea();
        f.titleEn = r.titleEn();
        f.titleJa = r.titleJa();
        f.descriptionEn = r.descriptionEn();
        f.descriptionJa = r.descriptionJa();
        f.quantity = r.quantity() == null ? "" : r.quantity().toString();
        f.needBy = r.needBy().toString();
        f.status = r.status().name();
        f.marking = r.marking().banner();
        return f;
    }

    RequirementCommand command() {
        return new RequirementCommand(nation, service, capabilityArea, titleEn, titleJa, descriptionEn, descriptionJa,
                FormValues.integer("quantity", quantity), FormValues.date("needBy", needBy), status, marking);
    }

    public String getNation() { return nation; }
    public void setNation(String nation) { this.nation = nation; }
    public String getService() { return service; }
    public void setService(String service) { this.service = service; }
    public String getCapabilityArea() { return capabilityArea; }
    public void setCapabilityArea(String capabilityArea) { this.capabilityArea = capabilityArea; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getTitleJa() { return titleJa; }
    public void setTitleJa(String titleJa) { this.titleJa = titleJa; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getDescriptionJa() { return descriptionJa; }
    public void setDescriptionJa(String descriptionJa) { this.descriptionJa = descriptionJa; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getNeedBy() { return needBy; }
    public void setNeedBy(String needBy) { this.needBy = needBy; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
}
