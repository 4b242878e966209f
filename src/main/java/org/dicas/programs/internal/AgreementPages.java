package org.dicas.programs.internal;

import org.dicas.platform.ListPage;
import jakarta.validation.Validator;
import java.util.List;
import org.dicas.platform.EditFlow;
import org.dicas.platform.FormErrors;
import org.dicas.shared.ExpectedVersion;
import org.dicas.programs.Agreement;
import org.dicas.programs.AgreementCommand;
import org.dicas.programs.Agreements;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramWriteRules;
import org.dicas.programs.Programs;
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
import org.dicas.shared.Paging;
import static org.dicas.shared.Sentences.render;
import java.util.Locale;
import java.util.Optional;
import org.dicas.platform.CsvFile;
import org.dicas.platform.ListExport;
import org.dicas.security.AuditLog;
import org.dicas.shared.Facets;
import org.dicas.shared.ListHead;
import org.dicas.shared.Sentence;
import org.dicas.shared.TableView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;

/** The agreement pages: the list, one agreement with its documents and programs, and the new/edit form. */
@Controller
@RequestMapping("/agreements")
class AgreementPages {

    private final Agreements agreements;
    private final Programs programs;
    private final Directory directory;
    private final Validator validator;

    private final AuditLog audit;

    AgreementPages(Agreements agreements, Programs programs, Directory directory, Validator validator,
                   AuditLog audit) {
        this.audit = audit;
        this.agreements = agreements;
        this.programs = programs;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, @RequestParam(required = false) String type,
                Model model) {
        Optional<Agreement.Type> only = ListPage.facet(model, "type", Agreement.Type.class, type, "types");
        ListPage.show(model, "/agreements", view, Agreements.COLUMNS, "agreements",
                agreements.list(me, only, paging, view), Agreement::marking);
        model.addAttribute("mayWrite", ProgramWriteRules.createAgreement(me).allowed());
        return "agreements/list";
    }

    /** The export's columns, by their header keys in the bundles ({@code lista.agreement.csv.*}). */
    static final List<String> CSV_COLUMNS = List.of("id", "marking", "title", "type", "parties", "signed");

    /**
     * CSV of the agreements as the list page shows them (type, text filter and sort; only what the reader may read),
     * in the reader's language, the banner first and last, named in the reader's language and audited.
     */
    @GetMapping("/export.csv")
    ResponseEntity<String> export(DicasUser me, TableView view, @RequestParam(required = false) String type,
                                  Locale locale) {
        Optional<Agreement.Type> only = Facets.of("type", Agreement.Type.class, type);
        CsvFile csv = ListExport.of(ListHead.of(CSV_LIMIT, paging -> agreements.list(me, only, paging, view)),
                Agreement::marking, "lista.agreement.csv", CSV_COLUMNS, locale,
                a -> List.of(a.id(), a.marking().banner(), a.title(),
                        render(Sentence.label("agr.type", a.type()), locale), String.join(" ", a.parties()),
                        a.signedOn() == null ? "" : a.signedOn()));
        audit.exported(me, null, null, Sentence.of("lista.agreement.csv.kind"), csv.banner());
        return csv.download("lista.agreement.csv.filename", locale);
    }

    /** At most this many agreements go into one export (a last line says when more matched). */
    static final int CSV_LIMIT = 10_000;

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        Agreement a = agreements.get(me, id);
        model.addAttribute("a", a);
        model.addAttribute("mayWrite", ProgramWriteRules.editAgreement(me, a).allowed());
        model.addAttribute("pageMarking", a.highWaterMark());
        return "agreements/detail";
    }

    @GetMapping("/new")
    String createForm(DicasUser me, Model model) {
        return form(me, ProgramWriteRules.createAgreement(me), model, new AgreementForm(), "/agreements", List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") AgreementForm form, Model model) {
        List<String> errors;
        try {
            AgreementCommand c = form.command();
            errors = FormErrors.violations(validator, c);
            if (errors.isEmpty()) {
                return "redirect:/agreements/" + agreements.create(me, c).id();
            }
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors = ProgramPages.errors(e);
        }
        return form(me, ProgramWriteRules.createAgreement(me), model, form, "/agreements", errors);
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        Agreement a = EditFlow.showing(model, agreements.get(me, id));
        return form(me, ProgramWriteRules.editAgreement(me, a), model, AgreementForm.of(a),
                "/agreements/" + id + "/edit", List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") AgreementForm form, Model model) {
        Agreement a = agreements.get(me, id);
        return EditFlow.of(model, expected, form::command).validatedBy(validator)
                .save(c -> agreements.update(me, id, expected, c), () -> agreements.get(me, id))
                .redirectOrShow("/agreements/" + id, errors -> form(me, ProgramWriteRules.editAgreement(me, a), model,
                        form, "/agreements/" + id + "/edit", errors));
    }

    /** The agreement form, shown only to whom the rule allows. */
    private String form(DicasUser me, WriteDecision mayWrite, Model model, AgreementForm form, String action,
                        List<String> errors) {
        mayWrite.orThrow();
        List<Program.LinkedRecord> documents = agreements.documents(me);
        List<Program> readablePrograms = programs.readable(me);
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("types", Agreement.Type.values());
        model.addAttribute("nations", directory.nations());
        model.addAttribute("documents", documents);
        model.addAttribute("programs", readablePrograms);
        model.addAttribute("errors", errors);
        List<Marking> shown = new java.util.ArrayList<>(documents.stream().map(Program.LinkedRecord::marking).toList());
        readablePrograms.forEach(p -> shown.add(p.marking()));
        model.addAttribute("pageMarking", Marking.highWaterMark(shown));
        return "agreements/form";
    }
}
