package org.dicas.forum.web;

import org.dicas.platform.CachedPage;
import org.dicas.platform.ListPage;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.dicas.platform.EditFlow;
import java.util.Locale;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.Discussions;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.Library;
import org.dicas.forum.Meetings;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.WriteDecision;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.titles.RecordTitles;
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
import org.dicas.shared.TableView;

@Controller
@RequestMapping("/working-groups")
class WorkingGroupPages {

    private final WorkingGroups groups;
    private final Meetings meetings;
    private final Discussions discussions;
    private final Library library;
    private final Directory directory;
    private final Validator validator;
    private final RecordTitles titles;

    WorkingGroupPages(WorkingGroups groups, Meetings meetings, Discussions discussions, Library library,
                      Directory directory, Validator validator, RecordTitles titles) {
        this.titles = titles;
        this.groups = groups;
        this.meetings = meetings;
        this.discussions = discussions;
        this.library = library;
        this.directory = directory;
        this.validator = validator;
    }

    /**
     * The working groups the reader may read, a page at a time, sorted and filtered on the server
     * ({@link WorkingGroups#COLUMNS}), of one status when {@code status} is given. Constant in statements whatever
     * the page's length: the session, the unread count, the groups, their co-chairs, members and titles (and a count
     * only when the page is full).
     */
    @CachedPage
    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, @RequestParam(required = false) String status,
                Model model) {
        Optional<WorkingGroup.Status> only = ListPage.facet(model, "status", WorkingGroup.Status.class, status,
                "statuses");
        ListPage.show(model, "/working-groups", view, WorkingGroups.COLUMNS, "groups",
                groups.list(me, only, paging, view), WorkingGroup::marking);
        model.addAttribute("mayCreate", ForumWriteRules.createWorkingGroup(me).allowed());
        return "working-groups/list";
    }

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Locale locale, Model model) {
        WorkingGroup g = groups.get(me, id);
        var ms = meetings.ofWorkingGroup(me, id);
        var ts = discussions.ofWorkingGroup(me, id);
        var ds = library.ofWorkingGroup(me, id);
        List<Marking> shown = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        shown.add(g.marking());
        ms.forEach(m -> {
            shown.add(m.marking());
            listed.add(m.id());
        });
        ts.forEach(t -> {
            shown.add(t.marking());
            listed.add(t.id());
        });
        ds.forEach(d -> {
            shown.add(d.marking());
            listed.add(d.id());
        });
        // the titles of the three lists in one query, before rendering (not one per list from the template)
        model.addAttribute("titled", titles.listed(me, listed, locale));
        model.addAttribute("group", g);
        model.addAttribute("meetings", ms);
        model.addAttribute("threads", ts);
        model.addAttribute("documents", ds);
        model.addAttribute("mayEdit", ForumWriteRules.editWorkingGroup(me, g).allowed());
        Pages.banner(model, shown);
        return "working-groups/detail";
    }

    @GetMapping("/new")
    String createForm(DicasUser me, Model model) {
        return form(me, ForumWriteRules.createWorkingGroup(me), null, model, new WorkingGroupForm(), "/working-groups",
                List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") WorkingGroupForm form, Model model) {
        List<String> errors = validate(form);
        if (errors.isEmpty()) {
            try {
                return "redirect:/working-groups/" + groups.create(me, form.command()).id();
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return form(me, ForumWriteRules.createWorkingGroup(me), null, model, form, "/working-groups", errors);
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        WorkingGroup g = EditFlow.showing(model, groups.get(me, id));
        return form(me, ForumWriteRules.editWorkingGroup(me, g), id, model, WorkingGroupForm.of(g),
                "/working-groups/" + id + "/edit", List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") WorkingGroupForm form, Model model) {
        WorkingGroup g = groups.get(me, id);
        return EditFlow.of(model, expected, form::command).validatedBy(validator)
                .save(c -> groups.update(me, id, expected, c), () -> groups.get(me, id))
                .redirectOrShow("/working-groups/" + id, errors -> form(me, ForumWriteRules.editWorkingGroup(me, g), id,
                        model, form, "/working-groups/" + id + "/edit", errors));
    }

    private List<String> validate(WorkingGroupForm form) {
        return Pages.violations(validator, form.command());
    }

    /** The working-group form, shown only to whom the rule allows; members offered are those who may read it. */
    private String form(DicasUser me, WriteDecision mayWrite, Long groupId, Model model, WorkingGroupForm form,
                        String action, List<String> errors) {
        mayWrite.orThrow();
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", List.of(WorkingGroup.Status.values()).stream().map(Enum::name).toList());
        model.addAttribute("groupCodes", directory.groups());
        model.addAttribute("nations", directory.nations());
        model.addAttribute("users", groups.possibleMembers(me, form.getMarking(), groupId));
        model.addAttribute("memberSource", "/pick/people?offer=members" + (groupId == null ? "" : "&workingGroup=" + groupId));
        Pages.banner(model, Marking.of(AccessLevel.PUBLIC));
        return "working-groups/form";
    }
}
