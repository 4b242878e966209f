package org.dicas.coproduction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.coproduction.CoproductionWriteRules;
import org.dicas.coproduction.internal.CoproductionForms.ComponentForm;
import org.dicas.coproduction.internal.CoproductionForms.DemandForm;
import org.dicas.coproduction.internal.CoproductionForms.LineForm;
import org.dicas.coproduction.internal.CoproductionForms.PlanForm;
import org.dicas.coproduction.internal.CoproductionForms.TransferForm;
import org.dicas.platform.EditConflict;
import org.dicas.platform.EditFlow;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.StaleVersionException;
import org.dicas.supplychain.SupplyNetworkSummary;
import org.dicas.supplychain.SupplyNetworks;
import org.springframework.context.MessageSource;
import org.dicas.platform.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The co-production forms: create and edit a plan, add, edit and remove its lines, components, transfer rules and
 * demands. Each change goes through {@link CoproductionPlans} (its write rule, its checks, the plan's version); bad
 * input shows the form again with the error naming the field and nothing saved; a stale save shows the conflict and
 * the current version.
 */
@Controller
class CoproductionEditPages {

    private final CoproductionPlans plans;
    private final CoproductionPages pages;
    private final Directory directory;
    private final Requirements requirements;
    private final SupplyNetworks networks;
    private final MessageSource messages;

    CoproductionEditPages(CoproductionPlans plans, CoproductionPages pages, Directory directory,
                          Requirements requirements, SupplyNetworks networks, MessageSource messages) {
        this.plans = plans;
        this.pages = pages;
        this.directory = directory;
        this.requirements = requirements;
        this.networks = networks;
        this.messages = messages;
    }

    /** What a change does, so that one handler shape serves every form. */
    @FunctionalInterface
    interface Change {
        void save();
    }

    // ----------------------------------------------------------------------------------------------- the plan

    @GetMapping("/coproduction/new")
    String newPlan(DicasUser me, Model model) {
        CoproductionWriteRules.createPlan(me).orThrow();
        return planForm(model, PlanForm.blank(), null, List.of());
    }

    @PostMapping("/coproduction")
    String create(DicasUser me, @ModelAttribute PlanForm form, Model model, Locale locale) {
        try {
            CoproductionPlans.PlanCommand c = form.command();
            return "redirect:/coproduction/" + plans.create(me, new CoproductionPlans.NewPlan(c.name(), c.marking(),
                    c.firstYear(), c.periods(), null, null, null, null));
        } catch (InvalidInputException | InvalidMarkingException e) {
            return planForm(model, form, null, errors(e, locale));
        }
    }

    @GetMapping("/coproduction/{id}/edit")
    String editPlan(DicasUser me, @PathVariable long id, Model model) {
        CoproductionPlan p = plans.get(me, id);
        CoproductionWriteRules.editPlan(me).orThrow();
        return planForm(model, PlanForm.of(p), p, List.of());
    }

    @PostMapping("/coproduction/{id}/edit")
    String updatePlan(DicasUser me, @PathVariable long id, ExpectedVersion expected, @ModelAttribute PlanForm form,
                      Model model) {
        plans.get(me, id); // a hidden plan answers 404 before anything else
        return EditFlow.of(model, expected, () -> form)
                .save(f -> plans.update(me, id, expected, f.command()), stale -> {
                    CoproductionPlan now = plans.get(me, id);
                    EditConflict.show(model, stale, form, PlanForm.of(now), now.version());
                })
                .redirectOrShow("/coproduction/" + id, errors -> planForm(model, form, plans.get(me, id), errors));
    }

    private String planForm(Model model, PlanForm form, CoproductionPlan current, List<String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("current", current);
        if (!model.containsAttribute("recordVersion")) {
            model.addAttribute("recordVersion", current == null ? null : current.version());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", current == null ? Marking.parse("UNCLASSIFIED") : current.highWaterMark());
        return "coproduction/plan-form";
    }

    // ---------------------------------------------------------------------------------------------- lines

    @GetMapping("/coproduction/{id}/lines/new")
    String newLine(DicasUser me, @PathVariable long id, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "line", LineForm.blank(p), null, List.of());
    }

    @GetMapping("/coproduction/{id}/lines/{code}/edit")
    String editLine(DicasUser me, @PathVariable long id, @PathVariable String code, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "line", LineForm.of(p.line(code)), code, List.of());
    }

    @PostMapping("/coproduction/{id}/lines")
    String addLine(DicasUser me, @PathVariable long id, ExpectedVersion expected, @ModelAttribute LineForm form,
                   Model model, Locale locale) {
        return save(me, id, "line", form, null, model, locale,
                () -> plans.saveLine(me, id, expected, null, form.command()), p -> null);
    }

    @PostMapping("/coproduction/{id}/lines/{code}/edit")
    String updateLine(DicasUser me, @PathVariable long id, @PathVariable String code, ExpectedVersion expected,
                      @ModelAttribute LineForm form, Model model, Locale locale) {
        return save(me, id, "line", form, code, model, locale,
                () -> plans.saveLine(me, id, expected, code, form.command()), p -> LineForm.of(p.line(code)));
    }

    @PostMapping("/coproduction/{id}/lines/{code}/delete")
    String removeLine(DicasUser me, @PathVariable long id, @PathVariable String code, ExpectedVersion expected,
                      Model model, Locale locale) {
        return remove(me, id, model, locale, () -> plans.removeLine(me, id, expected, code));
    }

    // ----------------------------------------------------------------------------------------- components

    @GetMapping("/coproduction/{id}/components/new")
    String newComponent(DicasUser me, @PathVariable long id, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "component", ComponentForm.blank(p), null, List.of());
    }

    @GetMapping("/coproduction/{id}/components/{code}/edit")
    String editComponent(DicasUser me, @PathVariable long id, @PathVariable String code, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "component", ComponentForm.of(p.component(code), p), code, List.of());
    }

    @PostMapping("/coproduction/{id}/components")
    String addComponent(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                        @ModelAttribute ComponentForm form, Model model, Locale locale) {
        return save(me, id, "component", form, null, model, locale,
                () -> plans.saveComponent(me, id, expected, null, form.command()), p -> null);
    }

    @PostMapping("/coproduction/{id}/components/{code}/edit")
    String updateComponent(DicasUser me, @PathVariable long id, @PathVariable String code, ExpectedVersion expected,
                           @ModelAttribute ComponentForm form, Model model, Locale locale) {
        return save(me, id, "component", form, code, model, locale,
                () -> plans.saveComponent(me, id, expected, code, form.command()),
                p -> ComponentForm.of(p.component(code), p));
    }

    @PostMapping("/coproduction/{id}/components/{code}/delete")
    String removeComponent(DicasUser me, @PathVariable long id, @PathVariable String code, ExpectedVersion expected,
                           Model model, Locale locale) {
        return remove(me, id, model, locale, () -> plans.removeComponent(me, id, expected, code));
    }

    // ------------------------------------------------------------------------------------------ transfers

    @GetMapping("/coproduction/{id}/transfers/new")
    String newTransfer(DicasUser me, @PathVariable long id, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "transfer", TransferForm.blank(), null, List.of());
    }

    @GetMapping("/coproduction/{id}/transfers/{position}/edit")
    String editTransfer(DicasUser me, @PathVariable long id, @PathVariable int position, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "transfer", TransferForm.of(p.transfer(position)), String.valueOf(position),
                List.of());
    }

    @PostMapping("/coproduction/{id}/transfers")
    String addTransfer(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                       @ModelAttribute TransferForm form, Model model, Locale locale) {
        return save(me, id, "transfer", form, null, model, locale,
                () -> plans.saveTransfer(me, id, expected, null, form.command()), p -> null);
    }

    @PostMapping("/coproduction/{id}/transfers/{position}/edit")
    String updateTransfer(DicasUser me, @PathVariable long id, @PathVariable int position, ExpectedVersion expected,
                          @ModelAttribute TransferForm form, Model model, Locale locale) {
        return save(me, id, "transfer", form, String.valueOf(position), model, locale,
                () -> plans.saveTransfer(me, id, expected, position, form.command()),
                p -> TransferForm.of(p.transfer(position)));
    }

    @PostMapping("/coproduction/{id}/transfers/{position}/delete")
    String removeTransfer(DicasUser me, @PathVariable long id, @PathVariable int position, ExpectedVersion expected,
                          Model model, Locale locale) {
        return remove(me, id, model, locale, () -> plans.removeTransfer(me, id, expected, position));
    }

    // -------------------------------------------------------------------------------------------- demands

    @GetMapping("/coproduction/{id}/demands/new")
    String newDemand(DicasUser me, @PathVariable long id, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "demand", DemandForm.blank(), null, List.of());
    }

    @GetMapping("/coproduction/{id}/demands/{requirement}/edit")
    String editDemand(DicasUser me, @PathVariable long id, @PathVariable long requirement, Model model) {
        CoproductionPlan p = editable(me, id);
        return rowForm(me, model, p, "demand", DemandForm.of(p.demand(requirement)), String.valueOf(requirement),
                List.of());
    }

    @PostMapping("/coproduction/{id}/demands")
    String addDemand(DicasUser me, @PathVariable long id, ExpectedVersion expected, @ModelAttribute DemandForm form,
                     Model model, Locale locale) {
        return save(me, id, "demand", form, null, model, locale,
                () -> plans.saveDemand(me, id, expected, null, form.command()), p -> null);
    }

    @PostMapping("/coproduction/{id}/demands/{requirement}/edit")
    String updateDemand(DicasUser me, @PathVariable long id, @PathVariable long requirement, ExpectedVersion expected,
                        @ModelAttribute DemandForm form, Model model, Locale locale) {
        return save(me, id, "demand", form, String.valueOf(requirement), model, locale,
                () -> plans.saveDemand(me, id, expected, requirement, form.command()),
                p -> DemandForm.of(p.demand(requirement)));
    }

    @PostMapping("/coproduction/{id}/demands/{requirement}/delete")
    String removeDemand(DicasUser me, @PathVariable long id, @PathVariable long requirement, ExpectedVersion expected,
                        Model model, Locale locale) {
        return remove(me, id, model, locale, () -> plans.removeDemand(me, id, expected, requirement));
    }

    // ----------------------------------------------------------------------------------------------- shared

    private CoproductionPlan editable(DicasUser me, long id) {
        CoproductionPlan p = plans.get(me, id);
        CoproductionWriteRules.editPlan(me).orThrow();
        return p;
    }

    /**
     * Saves a row form; bad input shows it again with the error naming the field; a stale save shows it with the
     * differences from the row as stored now ({@code now}; null for a new row) and the current version.
     */
    private String save(DicasUser me, long id, String kind, Record form, String key, Model model, Locale locale,
                        Change change, java.util.function.Function<CoproductionPlan, Record> now) {
        CoproductionPlan p = editable(me, id);
        try {
            change.save();
            return "redirect:/coproduction/" + id;
        } catch (InvalidInputException | InvalidMarkingException e) {
            return rowForm(me, model, p, kind, form, key, errors(e, locale));
        } catch (StaleVersionException e) {
            CoproductionPlan current = plans.get(me, id);
            Record stored;
            try {
                stored = now.apply(current);
            } catch (RuntimeException gone) {
                stored = null; // the row was removed meanwhile: every field differs
            }
            EditConflict.show(model, e, form, stored == null ? form : stored, current.version());
            return rowForm(me, model, current, kind, form, key, List.of());
        }
    }

    private String remove(DicasUser me, long id, Model model, Locale locale, Change change) {
        editable(me, id);
        try {
            change.save();
            return "redirect:/coproduction/" + id;
        } catch (InvalidInputException | InvalidMarkingException e) {
            return pages.planPage(me, id, model, errors(e, locale));
        } catch (StaleVersionException e) {
            return pages.planPage(me, id, model, List.of(messages.getMessage("coproduction.stale",
                    new Object[]{e.expected(), plans.get(me, id).version()}, locale)));
        }
    }

    private String rowForm(DicasUser me, Model model, CoproductionPlan p, String kind, Record form, String key,
                           List<String> errors) {
        model.addAttribute("plan", p);
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("key", key);
        if (!model.containsAttribute("recordVersion")) {
            model.addAttribute("recordVersion", p.version());
        }
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", p.highWaterMark());
        switch (kind) {
            case "line" -> {
                model.addAttribute("nations", directory.nations());
                model.addAttribute("firms", directory.organizations().stream()
                        .filter(o -> o.kind() == OrganizationKind.COMPANY).toList());
                model.addAttribute("costWithheld", key != null && p.line(key).costWithheld());
            }
            case "component" -> model.addAttribute("nodes", nodes(me));
            case "transfer" -> model.addAttribute("nations", directory.nations());
            case "demand" -> {
                List<Requirement> readable = requirements.readable(me).stream().filter(r -> r.quantity() != null)
                        .toList();
                model.addAttribute("requirements", readable);
                List<Marking> shown = new ArrayList<>(List.of(p.highWaterMark()));
                readable.forEach(r -> shown.add(r.marking()));
                model.addAttribute("pageMarking", Marking.highWaterMark(shown));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return "coproduction/" + kind + "-form";
    }

    /** A supply-network node the editor may read, for the component's link. */
    record NodeOption(long id, String label) {
    }

    private List<NodeOption> nodes(DicasUser me) {
        List<NodeOption> out = new ArrayList<>();
        for (SupplyNetworkSummary n : networks.list(me)) {
            networks.nodes(me, n.id()).values().forEach(x -> out.add(new NodeOption(x.recordId(),
                    n.name() + " — " + x.code() + " " + x.name() + (x.country().isBlank() ? "" : " (" + x.country()
                            + ")"))));
        }
        return out;
    }

    /** The error as the form shows it: the field's label and what is wrong, in the reader's language. */
    private static List<String> errors(RuntimeException e, Locale locale) {
        return List.of(FormErrors.describe(e, locale));
    }
}
