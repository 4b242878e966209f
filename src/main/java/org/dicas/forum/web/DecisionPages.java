package org.dicas.forum.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.forum.Decision;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.MeetingDetails;
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
 * A decision's own page: its text, the meeting, agenda item and opportunity it belongs to (as far as the reader may
 * read them), its history in the reader's language, and — for those who record decisions — the form that edits it.
 */
@Controller
@RequestMapping("/decisions/{id}")
class DecisionPages {

    private final Meetings meetings;
    private final AuditLog audit;
    private final Validator validator;

    DecisionPages(Meetings meetings, AuditLog audit, Validator validator) {
        this.meetings = meetings;
        this.audit = audit;
        this.validator = validator;
    }

    @GetMapping
    String detail(DicasUser me, @PathVariable long id, Locale locale, Model model) {
        Decision d = EditFlow.showing(model, meetings.decision(me, id));
        return page(me, d, DecisionForm.of(d), List.of(), locale, model);
    }

    @PostMapping("/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") DecisionForm form, BindingResult binding, Locale locale, Model model) {
        meetings.decision(me, id); // a hidden decision answers 404 before anything else
        return EditFlow.of(model, expected, form::command).bound(binding).validatedBy(validator)
                .save(c -> meetings.updateDecision(me, id, expected, c), () -> meetings.decision(me, id))
                .redirectOrShow("/decisions/" + id,
                        errors -> page(me, meetings.decision(me, id), form, errors, locale, model));
    }

    private String page(DicasUser me, Decision d, DecisionForm form, List<String> errors, Locale locale, Model model) {
        MeetingDetails details = meetings.get(me, d.meetingId());
        Optional<MarkedRecords.Summary> agendaItem = meetings.related(me, d.agendaItemId());
        model.addAttribute("d", d);
        model.addAttribute("m", details.meeting());
        model.addAttribute("agendaItem", agendaItem.orElse(null));
        model.addAttribute("agenda", details.agenda());
        model.addAttribute("history", audit.changesOf(d.id(), locale));
        boolean mayEdit = ForumWriteRules.editDecision(me, details.meeting()).allowed();
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        List<Marking> shown = new ArrayList<>(List.of(d.marking(), details.meeting().marking()));
        agendaItem.ifPresent(s -> shown.add(s.marking().marking()));
        meetings.related(me, d.opportunityId()).ifPresent(s -> shown.add(s.marking().marking()));
        if (mayEdit) {
            details.agenda().forEach(a -> shown.add(a.marking())); // the form's agenda choice lists their titles
        }
        Pages.banner(model, shown);
        return "decisions/detail";
    }
}
