package org.dicas.forum.web;

import org.dicas.platform.CachedPage;
import org.dicas.platform.ListPage;
import jakarta.validation.Validator;
import java.util.List;
import org.dicas.forum.Document;
import org.dicas.forum.DocumentDiff;
import org.dicas.forum.DocumentVersion;
import org.dicas.shared.Marking;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.Library;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.platform.EditFlow;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/documents")
class DocumentPages {

    private final Library library;
    private final WorkingGroups groups;
    private final Validator validator;
    private final org.dicas.attachments.Attachments attachments;

    DocumentPages(Library library, WorkingGroups groups, Validator validator,
                  org.dicas.attachments.Attachments attachments) {
        this.library = library;
        this.groups = groups;
        this.validator = validator;
        this.attachments = attachments;
    }

    @CachedPage
    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        ListPage.show(model, "/documents", view, Library.COLUMNS, "documents", library.list(me, paging, view),
                Document::marking);
        return "documents/list";
    }

    @GetMapping("/{id}")
    String document(DicasUser me, @PathVariable long id, Model model) {
        Document d = library.get(me, id);
        model.addAttribute("doc", d);
        model.addAttribute("mayEdit", ForumWriteRules.editDocument(me, d).allowed());
        Page<DocumentVersion> versions = library.versions(me, id, Paging.FIRST);
        model.addAttribute("versions", versions.items());
        List<Marking> shown = new java.util.ArrayList<>(List.of(d.marking()));
        versions.items().forEach(v -> shown.add(v.marking())); // the versions list shows their titles
        Pages.banner(model, attachments.pageMarking(me, Marking.highWaterMark(shown), id));
        return "documents/detail";
    }

    /** One version of a document as it was saved, under its marking then. */
    @GetMapping("/{id}/versions/{number}")
    String version(DicasUser me, @PathVariable long id, @PathVariable int number, Model model) {
        Document d = library.get(me, id);
        DocumentVersion v = library.version(me, id, number);
        model.addAttribute("doc", d);
        model.addAttribute("v", v);
        Pages.banner(model, v.marking());
        return "documents/version";
    }

    /**
     * What changed between two versions, line by line ({@code from} and {@code to}: version numbers; by default the
     * one before the newest and the newest), under the high-water mark of both.
     */
    @GetMapping("/{id}/diff")
    String diff(DicasUser me, @PathVariable long id, @RequestParam(required = false) Integer from,
                @RequestParam(required = false) Integer to, Model model) {
        Document d = library.get(me, id);
        List<DocumentVersion> versions = library.versions(me, id, Paging.FIRST).items();
        if (versions.isEmpty()) {
            throw new org.dicas.shared.NotFoundException("document version", id);
        }
        int newest = versions.get(0).number();
        int older = versions.size() > 1 ? versions.get(1).number() : newest;
        DocumentDiff diff = library.diff(me, id, from != null ? from : older, to != null ? to : newest);
        model.addAttribute("doc", d);
        model.addAttribute("diff", diff);
        model.addAttribute("versions", versions);
        List<Marking> shown = new java.util.ArrayList<>(List.of(diff.marking()));
        versions.forEach(v -> shown.add(v.marking())); // the version choices show their titles
        Pages.banner(model, shown);
        return "documents/diff";
    }

    @GetMapping("/new")
    String newDocument(DicasUser me, Model model) {
        return form(me, ForumWriteRules.addDocument(me), model, new DocumentForm(), "/documents", List.of());
    }

    @PostMapping
    String add(DicasUser me, @ModelAttribute("form") DocumentForm form, Model model) {
        List<String> errors = validate(form);
        if (errors.isEmpty()) {
            try {
                return "redirect:/documents/" + library.add(me, form.command()).id();
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return form(me, ForumWriteRules.addDocument(me), model, form, "/documents", errors);
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        Document d = EditFlow.showing(model, library.get(me, id));
        return form(me, ForumWriteRules.editDocument(me, d), model, DocumentForm.of(d), "/documents/" + id + "/edit",
                List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") DocumentForm form, Model model) {
        Document d = library.get(me, id);
        return EditFlow.of(model, expected, form::command).validatedBy(validator)
                .save(c -> library.update(me, id, expected, c), () -> library.get(me, id))
                .redirectOrShow("/documents/" + id, errors -> form(me, ForumWriteRules.editDocument(me, d), model,
                        form, "/documents/" + id + "/edit", errors));
    }

    private List<String> validate(DocumentForm form) {
        return Pages.violations(validator, form.command());
    }

    /** The document form, shown only to whom the rule allows. */
    private String form(DicasUser me, WriteDecision mayWrite, Model model, DocumentForm form, String action,
                        List<String> errors) {
        mayWrite.orThrow();
        var all = groups.list(me);
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("groups", all);
        model.addAttribute("errors", errors);
        Pages.banner(model, all.stream().map(g -> g.marking()).toList());
        return "documents/form";
    }
}
