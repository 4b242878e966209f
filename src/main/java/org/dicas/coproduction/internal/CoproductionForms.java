package org.dicas.coproduction.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.platform.FormValues;
import org.dicas.shared.InvalidInputException;

/**
 * The co-production forms as the browser posts them (bound by constructor). Numbers arrive as text, so that a
 * malformed value becomes an error naming its field rather than a failed binding; a capacity is one field per year.
 */
public final class CoproductionForms {

    private CoproductionForms() {
    }

    public record PlanForm(String name, String marking, String firstYear, String periods) {
        static PlanForm of(CoproductionPlan p) {
            return new PlanForm(p.name(), p.marking().banner(), String.valueOf(p.firstYear()),
                    String.valueOf(p.periods()));
        }

        static PlanForm blank() {
            return new PlanForm("", "CUI//REL TO USA, JPN", "2027", "4");
        }

        CoproductionPlans.PlanCommand command() {
            return new CoproductionPlans.PlanCommand(name, marking, FormValues.integer("firstYear", firstYear),
                    FormValues.integer("periods", periods));
        }
    }

    public record LineForm(String code, String nation, String product, List<String> capacity, String unitCost,
                    String firmId, String costMarking) {
        public LineForm {
            capacity = capacity == null ? List.of() : capacity;
        }

        static LineForm of(CoproductionPlan.Line l) {
            return new LineForm(l.code(), l.nation(), l.product(), texts(l.capacity()),
                    l.unitCost() == null ? "" : l.unitCost().toPlainString(),
                    l.firmId() == null ? "" : String.valueOf(l.firmId()),
                    l.costMarking() == null ? "" : l.costMarking().banner());
        }

        static LineForm blank(CoproductionPlan p) {
            return new LineForm("", "", "", blanks(p.periods()), "", "", "");
        }

        CoproductionPlans.LineCommand command() {
            return new CoproductionPlans.LineCommand(code, nation, product, capacities(capacity),
                    FormValues.decimal("unitCost", unitCost), empty(firmId) ? null : FormValues.id("firmId", firmId),
                    costMarking);
        }
    }

    public record ComponentForm(String code, String name, List<String> capacity, List<String> usageProduct,
                         List<String> usageUnits, String supplyNodeId) {
        public ComponentForm {
            capacity = capacity == null ? List.of() : capacity;
            usageProduct = usageProduct == null ? List.of() : usageProduct;
            usageUnits = usageUnits == null ? List.of() : usageUnits;
        }

        static ComponentForm of(CoproductionPlan.Component c, CoproductionPlan p) {
            return new ComponentForm(c.code(), c.name(), texts(c.capacity()), p.products(), p.products().stream()
                    .map(x -> c.usage().containsKey(x) ? String.valueOf(c.usage().get(x)) : "").toList(),
                    c.supplyNodeId() == null ? "" : String.valueOf(c.supplyNodeId()));
        }

        static ComponentForm blank(CoproductionPlan p) {
            return new ComponentForm("", "", blanks(p.periods()), p.products(),
                    p.products().stream().map(x -> "").toList(), "");
        }

        /** The units of each product, by product (blank: not used). */
        public String units(String product) {
            int i = usageProduct.indexOf(product);
            return i < 0 || i >= usageUnits.size() ? "" : usageUnits.get(i);
        }

        CoproductionPlans.ComponentCommand command() {
            Map<String, Integer> usage = new LinkedHashMap<>();
            for (int i = 0; i < usageProduct.size(); i++) {
                Integer u = i < usageUnits.size() ? FormValues.integer("usage", usageUnits.get(i)) : null;
                if (u != null) {
                    usage.put(usageProduct.get(i), u);
                }
            }
            return new CoproductionPlans.ComponentCommand(code, name, capacities(capacity), usage,
                    empty(supplyNodeId) ? null : FormValues.id("supplyNodeId", supplyNodeId));
        }
    }

    public record TransferForm(String from, String to, List<String> products, Boolean whatIf, String authorizationNumber) {
        public TransferForm {
            products = products == null ? List.of() : products;
        }

        static TransferForm of(CoproductionPlan.Transfer t) {
            return new TransferForm(t.from(), t.to(), t.products(), t.whatIf(),
                    t.authorizationNumber() == null ? "" : t.authorizationNumber());
        }

        static TransferForm blank() {
            return new TransferForm("", "", List.of(), false, "");
        }

        CoproductionPlans.TransferCommand command() {
            return new CoproductionPlans.TransferCommand(from, to, products, Boolean.TRUE.equals(whatIf),
                    authorizationNumber);
        }
    }

    public record DemandForm(String requirementId, String product, String priority) {
        static DemandForm of(CoproductionPlan.Demand d) {
            return new DemandForm(String.valueOf(d.requirementId()), d.product(), String.valueOf(d.priority()));
        }

        static DemandForm blank() {
            return new DemandForm("", "", "1");
        }

        CoproductionPlans.DemandLink command() {
            if (empty(requirementId)) {
                throw InvalidInputException.of("requirementId", "coproduction.error.requirementRequired");
            }
            Integer p = FormValues.integer("priority", priority);
            if (p == null) {
                throw InvalidInputException.of("priority", "coproduction.error.priority");
            }
            return new CoproductionPlans.DemandLink(FormValues.id("requirementId", requirementId), product, p);
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> texts(List<Integer> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static List<String> blanks(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("");
        }
        return out;
    }

    private static List<Integer> capacities(List<String> values) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Integer v = FormValues.integer("capacity", values.get(i));
            if (v == null) {
                throw InvalidInputException.of("capacity", "coproduction.error.capacityMissing", i + 1);
            }
            out.add(v);
        }
        return out;
    }
}
