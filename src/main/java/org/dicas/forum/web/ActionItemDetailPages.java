package org.dicas.forum.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItems;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.Meetings;
import org.dicas.platform.EditFlow;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An action item's own page: its fields, the records it belongs to (as far as the reader may read them), its history
 * from the audit trail in the reader's language, and — for its owner or a government user — the form that edits it.
 */
@Controller
@RequestMapping("/action-items/{id}")
class ActionItemDetailPages {

    private final ActionItems actionItems;
    private final Meetings meetings;
    private final AuditLog audit;
    private final Validator validator;

    ActionItemDetailPages(ActionItems actionItems, Meetings meetings, AuditLog audit, Validator validator) {
        this.actionItems = actionItems;
        this.meetings = meetings;
        this.audit = audit;
        this.validator = validator;
    }

    @GetMapping
    String detail(DicasUser me, @PathVariable long id, Locale locale, Model model) {
        ActionItem a = EditFlow.showing(model, actionItems.get(me, id));
        return page(me, a, ActionItemForm.of(a), List.of(), locale, model);
    }

    @PostMapping("/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") ActionItemForm form, BindingResult binding, Locale locale, Model model) {
        actionItems.get(me, id); // a hidden item answers 404 before anything else
        return EditFlow.of(model, expected, form::command).bound(binding).validatedBy(validator)
                .save(c -> actionItems.update(me, id, expected, c), () -> actionItems.get(me, id))
                .redirectOrShow("/action-items/" + id,
                        errors -> page(me, actionItems.get(me, id), form, errors, locale, model));
    }

    private String page(DicasUser me, ActionItem a, ActionItemForm form, List<String> errors, Locale locale,
                        Model model) {
        Optional<MarkedRecords.Summary> meeting = meetings.related(me, a.meetingId());
        Optional<MarkedRecords.Summary> agendaItem = meetings.related(me, a.agendaItemId());
        boolean mayEdit = ForumWriteRules.changeActionItem(me, a).allowed();
        model.addAttribute("a", a);
        model.addAttribute("meeting", meeting.orElse(null));
        model.addAttribute("agendaItem", agendaItem.orElse(null));
        model.addAttribute("history", audit.changesOf(a.id(), locale));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("form", form);
        model.addAttribute("owners", mayEdit ? actionItems.possibleOwners(me, form.getMarking(), a.id()) : List.of());
        model.addAttribute("errors", errors);
        List<Marking> shown = new ArrayList<>(List.of(a.marking()));
        meeting.ifPresent(s -> shown.add(s.marking().marking()));
        agendaItem.ifPresent(s -> shown.add(s.marking().marking()));
        Pages.banner(model, shown);
        return "action-items/detail";
    }
}
