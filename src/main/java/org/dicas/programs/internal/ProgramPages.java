package org.dicas.programs.internal;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dicas.shared.Page;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.EditFlow;
import org.dicas.platform.FormErrors;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.AgendaItem;
import org.dicas.forum.Meetings;
import org.dicas.programs.Agreement;
import org.dicas.programs.Agreements;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.ProgramWriteRules;
import org.dicas.programs.WorkShareWriteRules;
import org.dicas.programs.Programs;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.WriteDecision;
import org.dicas.shared.AccessLevel;
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
import org.dicas.platform.Pager;
import org.dicas.shared.Paging;
import org.dicas.platform.Table;
import org.dicas.shared.TableView;

/** The cooperative-program pages: the list, one program with its shares and milestones, and the new/edit form. */
@Controller
@RequestMapping("/programs")
class ProgramPages {

    private final Programs programs;
    private final Agreements agreements;
    private final Meetings meetings;
    private final Directory directory;
    private final Validator validator;
    private final WorkPackages workPackages;

    private final org.dicas.attachments.Attachments attachments;

    ProgramPages(Programs programs, Agreements agreements, Meetings meetings, Directory directory, Validator validator,
                 WorkPackages workPackages, org.dicas.attachments.Attachments attachments) {
        this.attachments = attachments;
        this.workPackages = workPackages;
        this.programs = programs;
        this.agreements = agreements;
        this.meetings = meetings;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        Pager.show(model, "programs", programs.list(me, paging, view), Program::marking);
        Table.show(model, "/programs", view, Programs.COLUMNS);
        model.addAttribute("mayWrite", ProgramWriteRules.createProgram(me).allowed());
        return "programs/list";
    }

    /**
     * A program with its work packages a page at a time, sorted and filtered on the server
     * ({@link WorkPackages#COLUMNS}), of one partner nation's firms when {@code nation} is given.
     */
    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Paging paging, TableView view,
                  @RequestParam(required = false) String nation, Model model) {
        Optional<String> only = workPackages.nation(me, id, nation);
        Page<WorkPackage> shown = workPackages.packages(me, id, only, paging, view);
        model.addAttribute("packages", shown.items());
        model.addAttribute("pager", Pager.of(shown, "/programs/" + id));
        Table.show(model, "/programs/" + id, view, WorkPackages.COLUMNS);
        model.addAttribute("packageNation", only.orElse(""));
        return detail(me, id, model);
    }

    /** The program page showing the work packages put on the model ({@code packages}), the first page by default. */
    String detail(DicasUser me, long id, Model model) {
        if (!model.containsAttribute("packages")) {
            Page<WorkPackage> shown = workPackages.packages(me, id, Optional.empty(), Paging.FIRST, TableView.NONE);
            model.addAttribute("packages", shown.items());
            model.addAttribute("pager", Pager.of(shown, "/programs/" + id));
            Table.show(model, "/programs/" + id, TableView.NONE, WorkPackages.COLUMNS);
            model.addAttribute("packageNation", "");
        }
        @SuppressWarnings("unchecked")
        List<WorkPackage> packages = (List<WorkPackage>) model.getAttribute("packages");
        Program p = programs.get(me, id);
        List<Agreement> linked = agreements.ofProgram(me, id);
        List<AgendaItem> discussed = meetings.agendaItemsLinking(me, id);
        model.addAttribute("p", p);
        model.addAttribute("agreements", linked);
        model.addAttribute("discussed", discussed);
        model.addAttribute("mayWrite", ProgramWriteRules.editProgram(me, p).allowed());
        WorkPackages.Terms ws = workPackages.terms(me, id);
        model.addAttribute("ws", ws);
        model.addAttribute("mayEditPackages", WorkShareWriteRules.editWorkPackages(me).allowed());
        model.addAttribute("mayBalance", WorkShareWriteRules.balance(me).allowed());
        model.addAttribute("firms", directory.organizations().stream()
                .filter(o -> o.kind() == org.dicas.security.OrganizationKind.COMPANY)
                .filter(o -> ws.targets().stream().anyMatch(t -> t.nation().equals(o.nation().trim())))
                .filter(o -> WorkShareWriteRules.editOption(me, o.id()).allowed()).toList());
        model.addAttribute("defaultOptionMarking", WorkPackages.defaultOptionMarking(ws.targets()));
        model.addAttribute("packageNations", WorkPackages.partners(p));
        model.addAttribute("editableOptions", packages.stream().flatMap(w -> w.options().stream())
                .filter(o -> !o.costWithheld() && WorkShareWriteRules.editOption(me, o.performerId()).allowed())
                .map(WorkPackage.Option::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("releasesText", String.join("\n", ws.releases().stream()
                .map(r -> r.control() + " " + String.join(" ", r.nations())).toList()));
        if (!model.containsAttribute("workShareErrors")) {
            model.addAttribute("workShareErrors", List.of());
        }
        List<Marking> shown = new ArrayList<>();
        shown.add(p.highWaterMark());
        shown.add(ws.programMarking());
        packages.forEach(w -> shown.add(w.shownMarking()));
        linked.forEach(a -> shown.add(a.marking()));
        discussed.forEach(a -> shown.add(a.marking()));
        model.addAttribute("pageMarking", attachments.pageMarking(me, Marking.highWaterMark(shown), p.id()));
        return "programs/detail";
    }

    Programs programs() {
        return programs;
    }

    @GetMapping("/new")
    String createForm(DicasUser me, Model model) {
        return form(ProgramWriteRules.createProgram(me), model, new ProgramForm(), "/programs", List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") ProgramForm form, Model model) {
        List<String> errors;
        try {
            ProgramCommand c = form.command();
            errors = FormErrors.violations(validator, c);
            if (errors.isEmpty()) {
                return "redirect:/programs/" + programs.create(me, c).id();
            }
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors = errors(e);
        }
        return form(ProgramWriteRules.createProgram(me), model, form, "/programs", errors);
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        Program p = EditFlow.showing(model, programs.get(me, id));
        return form(ProgramWriteRules.editProgram(me, p), model, ProgramForm.of(p), "/programs/" + id + "/edit",
                List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") ProgramForm form, Model model) {
        Program p = programs.get(me, id);
        return EditFlow.of(model, expected, form::command).validatedBy(validator)
                .save(c -> programs.update(me, id, expected, c), () -> programs.get(me, id))
                .redirectOrShow("/programs/" + id, errors -> form(ProgramWriteRules.editProgram(me, p), model, form,
                        "/programs/" + id + "/edit", errors));
    }

    /** The program form, shown only to whom the rule allows. */
    private String form(WriteDecision mayWrite, Model model, ProgramForm form, String action, List<String> errors) {
        mayWrite.orThrow();
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("types", Program.Type.values());
        model.addAttribute("statuses", Program.Status.values());
        model.addAttribute("nations", directory.nations());
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
        return "programs/form";
    }

    static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }
}
