package org.dicas.forum.web;

import java.util.ArrayList;
import java.util.List;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroupCommand;

/** The working-group form as the browser posts it. */
public class WorkingGroupForm {
    private String code = "";
    private String nameEn = "";
    private String nameJa = "";
    private String mandateEn = "";
    private String mandateJa = "";
    private String status = "ACTIVE";
    private String groupCode = "";
    private String marking = "UNCLASSIFIED";
    private List<String> chairNations = new ArrayList<>();
    private List<String> chairNames = new ArrayList<>();
    private List<Long> memberIds = new ArrayList<>();

    static WorkingGroupForm of(WorkingGroup g) {
        WorkingGroupForm f = new WorkingGroupForm();
        f.code = g.code();
        f.nameEn = g.nameEn();
        f.nameJa = g.nameJa();
        f.mandateEn = g.mandateEn();
        f.mandateJa = g.mandateJa();
        f.status = g.status().name();
        f.groupCode = g.groupCode() == null ? "" : g.groupCode();
        f.marking = g.marking().banner();
        g.coChairs().forEach(c -> {
            f.chairNations.add(c.nation());
            f.chairNames.add(c.name());
        });
        g.members().forEach(m -> f.memberIds.add(m.userId()));
        return f;
    }

    WorkingGroupCommand command() {
        List<WorkingGroupCommand.CoChairCommand> chairs = new ArrayList<>();
        for (int i = 0; i < chairNations.size(); i++) {
            String nation = chairNations.get(i);
            String name = i < chairNames.size() ? chairNames.get(i) : "";
            if (nation != null && !nation.isBlank() && name != null && !name.isBlank()) {
                chairs.add(new WorkingGroupCommand.CoChairCommand(nation, name.trim(), null));
            }
        }
        WorkingGroup.Status s;
        try {
            s = WorkingGroup.Status.valueOf(status);
        } catch (RuntimeException e) {
            s = null;
        }
        return new WorkingGroupCommand(code, nameEn, nameJa, mandateEn, mandateJa, s, groupCode, marking, chairs,
                memberIds);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getNameJa() { return nameJa; }
    public void setNameJa(String nameJa) { this.nameJa = nameJa; }
    public String getMandateEn() { return mandateEn; }
    public void setMandateEn(String mandateEn) { this.mandateEn = mandateEn; }
    public String getMandateJa() { return mandateJa; }
    public void setMandateJa(String mandateJa) { this.mandateJa = mandateJa; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getGroupCode() { return groupCode; }
    public void setGroupCode(String groupCode) { this.groupCode = groupCode; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public List<String> getChairNations() { return chairNations; }
    public void setChairNations(List<String> chairNations) { this.chairNations = chairNations; }
    public List<String> getChairNames() { return chairNames; }
    public void setChairNames(List<String> chairNames) { this.chairNames = chairNames; }
    public List<Long> getMemberIds() { return memberIds; }
    public void setMemberIds(List<Long> memberIds) { this.memberIds = memberIds; }
}
