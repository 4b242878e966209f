package org.dicas.requirements.internal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.dicas.shared.Sentences;
import org.dicas.shared.Sentence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.platform.EditFlow;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.AcquisitionPlan;
import org.dicas.requirements.AcquisitionPlans;
import org.dicas.requirements.CapabilityArea;
import org.dicas.requirements.CapabilityAreas;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.RequirementStatus;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.WriteDecision;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.platform.Table;
import org.dicas.shared.TableView;

/** The requirement pages: the filtered list, one requirement with its plans, the form, and the import. */
@Controller
@RequestMapping("/requirements")
class RequirementPages {

    private final Requirements requirements;
    private final AcquisitionPlans plans;
    private final CapabilityAreas areas;
    private final Directory directory;
    private final RequirementImport importer;

    private final org.dicas.attachments.Attachments attachments;

    RequirementPages(Requirements requirements, AcquisitionPlans plans, CapabilityAreas areas, Directory directory,
                     RequirementImport importer, org.dicas.attachments.Attachments attachments) {
        this.attachments = attachments;
        this.requirements = requirements;
        this.plans = plans;
        this.areas = areas;
        this.directory = directory;
        this.importer = importer;
    }

    @GetMapping
    String list(DicasUser me, @RequestParam(required = false) String nation,
                @RequestParam(required = false) String area, @RequestParam(required = false) String status,
                @RequestParam(required = false) String text, Paging paging, TableView view, Model model) {
        Requirements.Filter filter = new Requirements.Filter(trim(nation).toUpperCase(Locale.ROOT),
                trim(area).toUpperCase(Locale.ROOT), trim(status).toUpperCase(Locale.ROOT), trim(text));
        List<String> errors = List.of();
        Page<Requirement> shown;
        try {
            shown = requirements.list(me, filter, paging, view);
        } catch (InvalidInputException e) {
            errors = errors(e);
            filter = Requirements.Filter.NONE;
            view = TableView.NONE;
            shown = requirements.list(me, filter, Paging.FIRST, view);
        }
        Table.show(model, "/requirements", view, Requirements.COLUMNS);
        Pager.show(model, "requirements", shown, Requirement::marking);
        model.addAttribute("filter", filter);
        model.addAttribute("nations", directory.nations());
        model.addAttribute("areas", areas.all());
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("mayWrite", RequirementWriteRules.createRequirement(me).allowed());
        model.addAttribute("errors", errors);
        return "requirements/list";
    }

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        Requirement r = requirements.get(me, id);
        List<AcquisitionPlan> ps = plans.list(me, id);
        model.addAttribute("r", r);
        model.addAttribute("area", areas.find(r.capabilityArea()).orElse(null));
        model.addAttribute("plans", ps);
        model.addAttribute("mayEdit", RequirementWriteRules.editRequirement(me, r).allowed());
        model.addAttribute("mayWritePlan", RequirementWriteRules.writePlan(me, r).allowed());
        List<Marking> markings = new ArrayList<>();
        markings.add(r.marking());
        ps.forEach(p -> markings.add(p.marking()));
        model.addAttribute("pageMarking", attachments.pageMarking(me, Marking.highWaterMark(markings), id));
        return "requirements/detail";
    }

    @GetMapping("/new")
    String newRequirement(DicasUser me, Model model) {
        RequirementForm form = new RequirementForm();
        form.setNation(me.nation().code());
        return form(me, RequirementWriteRules.createRequirement(me), model, form, null, List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") RequirementForm form, Model model) {
        try {
            return "redirect:/requirements/" + requirements.create(me, form.command()).id();
        } catch (InvalidInputException | InvalidMarkingException e) {
            return form(me, RequirementWriteRules.createRequirement(me), model, form, null, errors(e));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, Model model) {
        Requirement r = EditFlow.showing(model, requirements.get(me, id));
        return form(me, RequirementWriteRules.editRequirement(me, r), model, RequirementForm.of(r), r, List.of());
    }

    @PostMapping("/{id}")
    String update(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                  @ModelAttribute("form") RequirementForm form, Model model) {
        Requirement r = requirements.get(me, id);
        return EditFlow.of(model, expected, form::command)
                .save(c -> requirements.update(me, id, expected, c), () -> requirements.get(me, id))
                .redirectOrShow("/requirements/" + id,
                        errors -> form(me, RequirementWriteRules.editRequirement(me, r), model, form, r, errors));
    }

    @GetMapping("/import")
    String importPage(DicasUser me, Model model) {
        return importView(me, model, List.of(), null);
    }

    @PostMapping("/import")
    String importFile(DicasUser me, @RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return importView(me, model, List.of(Sentences.render(Sentence.of("requirement.import.emptyFile"),
                    LocaleContextHolder.getLocale())), null);
        }
        try {
            RequirementImport.Result result = importer.importFile(me, file.getOriginalFilename(), file.getBytes());
            return importView(me, model, List.of(), result);
        } catch (RequirementImport.Refused e) {
            return importView(me, model, e.errors(LocaleContextHolder.getLocale()), null);
        }
    }

    /** The import page, shown only to whom the rule allows to import. */
    private String importView(DicasUser me, Model model, List<String> errors, RequirementImport.Result result) {
        RequirementWriteRules.importRequirements(me).orThrow();
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("columns", RequirementImport.COLUMNS);
        model.addAttribute("maxKb", RequirementImport.MAX_BYTES / 1024);
        model.addAttribute("pageMarking", Marking.parse("UNCLASSIFIED"));
        return "requirements/import";
    }

    /** The requirement form, shown only to whom the rule allows. */
    private String form(DicasUser me, WriteDecision mayWrite, Model model, RequirementForm form, Requirement current,
                        List<String> errors) {
        mayWrite.orThrow();
        List<CapabilityArea> all = areas.all();
        model.addAttribute("form", form);
        model.addAttribute("current", current);
        model.addAttribute("nations", directory.nations());
        model.addAttribute("areas", all);
        model.addAttribute("statuses", RequirementStatus.values());
        model.addAttribute("services", requirements.serviceSuggestions(me));
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", current == null ? Marking.parse("UNCLASSIFIED") : current.marking());
        return "requirements/form";
    }

    static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
