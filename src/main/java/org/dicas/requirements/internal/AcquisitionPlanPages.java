package org.dicas.requirements.internal;

import org.dicas.platform.ListPage;
import java.util.List;
import org.dicas.platform.EditFlow;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.AcquisitionPlan;
import org.dicas.requirements.AcquisitionPlanCommand;
import org.dicas.requirements.AcquisitionPlans;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.FiscalYear;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.Optional;
import org.dicas.shared.Paging;
import static org.dicas.shared.Sentences.render;
import java.util.Locale;
import org.dicas.platform.CsvFile;
import org.dicas.platform.ListExport;
import org.dicas.security.AuditLog;
import org.dicas.security.Directory;

import org.dicas.shared.ListHead;
import org.dicas.shared.Sentence;
import org.dicas.shared.TableView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;

/** The acquisition-plan pages: all plans, one plan with milestones and budget by fiscal year, and the form. */
@Controller
@RequestMapping("/acquisition-plans")
class AcquisitionPlanPages {

    private final AcquisitionPlans plans;
    private final Requirements requirements;

    private final Directory directory;
    private final AuditLog audit;

    AcquisitionPlanPages(AcquisitionPlans plans, Requirements requirements, Directory directory, AuditLog audit) {
        this.plans = plans;
        this.requirements = requirements;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, @RequestParam(required = false) String nation,
                Model model) {
        List<String> nations = directory.nations().stream().map(Directory.Nation::code).toList();
        Optional<String> only = nation(nation, nations);
        ListPage.show(model, "/acquisition-plans", view, AcquisitionPlans.COLUMNS, "plans",
                plans.list(me, Optional.empty(), only, paging, view), AcquisitionPlan::marking);
        model.addAttribute("nation", only.orElse(""));
        model.addAttribute("nations", nations);
        return "acquisition-plans/list";
    }

    /**
     * The nation facet as given (case-insensitive; blank for all), one of {@code nations}; anything else is refused
     * naming the parameter and the nations it takes.
     */
    static Optional<String> nation(String given, List<String> nations) {
        return org.dicas.shared.NationFacet.of("nation", given, nations);
    }

    /** The export's columns, by their header keys in the bundles ({@code lista.acqplan.csv.*}). */
    static final List<String> CSV_COLUMNS = List.of("id", "marking", "title", "requirement", "nation", "milestones",
            "total", "updated");

    /** At most this many plans go into one export (a last line says when more matched). */
    static final int CSV_LIMIT = 10_000;

    /**
     * CSV of the plans as the list page shows them (nation, text filter and sort; only what the reader may read), in
     * the reader's language, the banner first and last, named in the reader's language and audited.
     */
    @GetMapping("/export.csv")
    ResponseEntity<String> export(DicasUser me, TableView view, @RequestParam(required = false) String nation,
                                  Locale locale) {
        Optional<String> only = nation(nation, directory.nations().stream().map(Directory.Nation::code).toList());
        CsvFile csv = ListExport.of(ListHead.of(CSV_LIMIT,
                        paging -> plans.list(me, Optional.empty(), only, paging, view)),
                AcquisitionPlan::marking, "lista.acqplan.csv", CSV_COLUMNS, locale,
                p -> List.of(p.id(), p.marking().banner(), p.title(), p.requirementTitle(),
                        render(Sentence.nation(p.nation()), locale), p.milestones().size(),
                        String.join(" ", p.totalsText()), p.updatedAt()));
        audit.exported(me, null, null, Sentence.of("lista.acqplan.csv.kind"), csv.banner());
        return csv.download("lista.acqplan.csv.filename", locale);
    }

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        AcquisitionPlan p = plans.get(me, id);
        Requirement r = requirements.find(p.requirementId(), me).orElseThrow(() ->
                new NotFoundException("acquisition plan", id));
        model.addAttribute("p", p);
        model.addAttribute("r", r);
        model.addAttribute("convention", FiscalYear.conventionOf(p.nation()).name());
        model.addAttribute("mayWritePlan", RequirementWriteRules.writePlan(me, r).allowed());
        model.addAttribute("pageMarking", Marking.highWaterMark(List.of(p.marking(), r.marking())));
        return "acquisition-plans/detail";
    }

    @GetMapping("/new")
    String newPlan(DicasUser me, @RequestParam long requirement, Model model) {
        Requirement r = requirements.get(me, requirement);
        AcquisitionPlanForm form = new AcquisitionPlanForm();
        form.setRequirementId(Long.toString(r.id()));
        form.setMarking(r.marking().banner());
        return form(RequirementWriteRules.writePlan(me, r), model, form, r, null, List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") AcquisitionPlanForm form, Model model) {
        Long reqId;
        try {
            reqId = org.dicas.platform.FormValues.id("requirementId", form.getRequirementId());
        } catch (InvalidInputException e) {
            throw new NotFoundException("requirement", -1);
        }
        Requirement r = requirements.get(me, reqId);
        try {
            AcquisitionPlanCommand c = form.command();
            return "redirect:/acquisition-plans/" + plans.create(me, c).id();
        } catch (InvalidInputException | InvalidMarkingException e) {
            return form(RequirementWriteRules.writePlan(me, r), model, form, r, null, RequirementPages.errors(e));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, Model model) {
        AcquisitionPlan p = EditFlow.showing(model, plans.get(me, id));
        Requirement r = requirements.get(me, p.requirementId());
        return form(RequirementWriteRules.writePlan(me, r), model, AcquisitionPlanForm.of(p), r, p, List.of());
    }

    @PostMapping("/{id}")
    String update(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                  @ModelAttribute("form") AcquisitionPlanForm form, Model model) {
        AcquisitionPlan p = plans.get(me, id);
        Requirement r = requirements.get(me, p.requirementId());
        return EditFlow.of(model, expected, form::command)
                .save(c -> plans.update(me, id, expected, c), () -> plans.get(me, id))
                .redirectOrShow("/acquisition-plans/" + id,
                        errors -> form(RequirementWriteRules.writePlan(me, r), model, form, r, p, errors));
    }

    /** The plan form, shown only to whom the rule allows to write the requirement's plans. */
    private String form(WriteDecision mayWrite, Model model, AcquisitionPlanForm form, Requirement r,
                        AcquisitionPlan current, List<String> errors) {
        mayWrite.orThrow();
        model.addAttribute("form", form);
        model.addAttribute("r", r);
        model.addAttribute("current", current);
        model.addAttribute("convention", FiscalYear.conventionOf(r.nation()).name());
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", current == null ? r.marking()
                : Marking.highWaterMark(List.of(r.marking(), current.marking())));
        return "acquisition-plans/form";
    }
}
