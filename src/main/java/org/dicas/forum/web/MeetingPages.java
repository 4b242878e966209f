package org.dicas.forum.web;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import org.dicas.platform.EditConflict;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.StaleVersionException;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItemCommand;
import org.dicas.forum.ActionItems;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.AgendaItemCommand;
import org.dicas.forum.DecisionCommand;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCalendar;
import org.dicas.forum.MeetingDetails;
import org.dicas.forum.Meetings;
import org.dicas.forum.MinutesCommand;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.Pager;
import org.dicas.shared.Paging;
import org.dicas.platform.Table;
import org.dicas.shared.TableView;

@Controller
@RequestMapping("/meetings")
class MeetingPages {

    /** The zones a meeting may be set in: those people choose from for themselves (TimeZones), by their ids. */
    static final List<String> ZONES = org.dicas.shared.TimeZones.OFFERED.stream().map(java.time.ZoneId::getId)
            .toList();

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final WorkingGroups groups;
    private final MeetingCalendar calendar;
    private final Validator validator;

    MeetingPages(Meetings meetings, ActionItems actionItems, WorkingGroups groups, MeetingCalendar calendar,
                 Validator validator) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.groups = groups;
        this.calendar = calendar;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        Pager.show(model, "meetings", meetings.list(me, paging, view), Meeting::marking);
        Table.show(model, "/meetings", view, Meetings.COLUMNS);
        model.addAttribute("canOrganise", ForumWriteRules.organiseMeeting(me).allowed());
        return "meetings/list";
    }

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        return detailPage(me, id, model, List.of());
    }

    private String detailPage(DicasUser me, long id, Model model, List<String> errors) {
        MeetingDetails details = meetings.get(me, id);
        Meeting m = details.meeting();
        WorkingGroup group = m.workingGroupId() == null ? null : groups.find(me, m.workingGroupId()).orElse(null);
        model.addAttribute("details", details);
        model.addAttribute("m", m);
        model.addAttribute("group", group);
        model.addAttribute("mayEdit", ForumWriteRules.editMeeting(me, m).allowed());
        model.addAttribute("mayAddAgendaItem", ForumWriteRules.addAgendaItem(me, m).allowed());
        model.addAttribute("mayRecordMinutes", ForumWriteRules.recordMinutes(me, m).allowed());
        model.addAttribute("mayRecordDecision", ForumWriteRules.recordDecision(me, m).allowed());
        boolean mayAssign = ForumWriteRules.assignActionItem(me).allowed();
        model.addAttribute("mayAssignActionItem", mayAssign);
        // the new action item's marking field starts at the meeting's marking
        model.addAttribute("owners", mayAssign ? actionItems.possibleOwners(me, m.marking().banner()) : List.of());
        model.addAttribute("changeable", ActionItemPages.changeable(me, details.actionItems()));
        model.addAttribute("stages", org.dicas.forum.Decision.PIPELINE_STAGES);
        model.addAttribute("errors", errors);
        Pages.banner(model, details.highWaterMark());
        return "meetings/detail";
    }

    @GetMapping(value = "/{id}/calendar.ics")
    ResponseEntity<String> ics(DicasUser me, @PathVariable long id) {
        return icsResponse(calendar.ics(me, id), "meeting-" + id + ".ics");
    }

    @GetMapping(value = "/calendar.ics")
    ResponseEntity<String> icsAll(DicasUser me) {
        return icsResponse(calendar.all(me), "dicas-meetings.ics");
    }

    static ResponseEntity<String> icsResponse(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    @PostMapping("/{id}/agenda")
    String addAgendaItem(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                         @RequestParam(defaultValue = "") String description,
                         @RequestParam(defaultValue = "") String presenter,
                         @RequestParam(defaultValue = "false") boolean industrySession,
                         @RequestParam(required = false) Long linkedRecordId,
                         @RequestParam(defaultValue = "") String marking, Model model) {
        var cmd = new AgendaItemCommand(null, title, description, presenter, industrySession, marking, linkedRecordId);
        return act(me, id, model, cmd, () -> meetings.addAgendaItem(me, id, cmd));
    }

    @PostMapping("/{id}/decisions")
    String addDecision(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String text,
                       @RequestParam(required = false) Long agendaItemId,
                       @RequestParam(required = false) Long opportunityId,
                       @RequestParam(defaultValue = "") String toStage,
                       @RequestParam(defaultValue = "") String marking, Model model) {
        var cmd = new DecisionCommand(agendaItemId, text, marking, opportunityId, toStage);
        return act(me, id, model, cmd, () -> meetings.addDecision(me, id, cmd));
    }

    @PostMapping("/{id}/minutes")
    String minutes(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                   @RequestParam(defaultValue = "") String minutes, Model model) {
        var cmd = new MinutesCommand(minutes);
        try {
            return act(me, id, model, cmd, () -> meetings.recordMinutes(me, id, expected, cmd));
        } catch (StaleVersionException e) {
            EditConflict.show(model, e, cmd, meetings.meeting(me, id));
            return detailPage(me, id, model, List.of());
        }
    }

    @PostMapping("/{id}/action-items")
    String addActionItem(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                         @RequestParam(required = false) Long ownerId,
                         @RequestParam(required = false) LocalDate dueDate,
                         @RequestParam(required = false) Long agendaItemId,
                         @RequestParam(defaultValue = "") String marking, Model model) {
        var cmd = new ActionItemCommand(id, agendaItemId, title, "", ownerId, dueDate, ActionItem.Status.OPEN, marking);
        return act(me, id, model, cmd, () -> actionItems.create(me, cmd));
    }

    private String act(DicasUser me, long id, Model model, Object command, Runnable action) {
        meetings.meeting(me, id);
        List<String> errors = Pages.violations(validator, command);
        if (errors.isEmpty()) {
            try {
                action.run();
                return "redirect:/meetings/" + id;
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return detailPage(me, id, model, errors);
    }

    @GetMapping("/new")
    String createForm(DicasUser me, Model model) {
        return form(me, ForumWriteRules.organiseMeeting(me), null, model, new MeetingForm(), "/meetings", List.of());
    }

    @PostMapping
    String create(DicasUser me, @ModelAttribute("form") MeetingForm form, Model model) {
        List<String> errors = validate(form);
        if (errors.isEmpty()) {
            try {
                return "redirect:/meetings/" + meetings.create(me, form.command()).id();
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return form(me, ForumWriteRules.organiseMeeting(me), null, model, form, "/meetings", errors);
    }

    /** Cancels the meeting (the page asks first: the button sits in a disclosure that says what it does). */
    @PostMapping("/{id}/cancel")
    String cancel(DicasUser me, @PathVariable long id, ExpectedVersion expected, Model model) {
        try {
            meetings.cancel(me, id, expected);
            return "redirect:/meetings/" + id;
        } catch (InvalidInputException e) { // a stale version goes to the edit-conflict answer like every write
            return detailPage(me, id, model, org.dicas.platform.FormErrors.of(e));
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        Meeting m = meetings.meeting(me, id);
        model.addAttribute("recordVersion", m.version());
        return form(me, ForumWriteRules.editMeeting(me, m), id, model, MeetingForm.of(m), "/meetings/" + id + "/edit",
                List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") MeetingForm form, Model model) {
        Meeting m = meetings.meeting(me, id);
        model.addAttribute("recordVersion", expected.given() ? expected.value() : null);
        List<String> errors = validate(form);
        if (errors.isEmpty()) {
            try {
                meetings.update(me, id, expected, form.command());
                return "redirect:/meetings/" + id;
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            } catch (StaleVersionException e) {
                EditConflict.show(model, e, form.command(), meetings.meeting(me, id));
            }
        }
        return form(me, ForumWriteRules.editMeeting(me, m), id, model, form, "/meetings/" + id + "/edit", errors);
    }

    private List<String> validate(MeetingForm form) {
        return Pages.violations(validator, form.command());
    }

    /** The meeting form, shown only to whom the rule allows; attendees offered are those who may read the meeting. */
    private String form(DicasUser me, WriteDecision mayWrite, Long meetingId, Model model, MeetingForm form,
                        String action, List<String> errors) {
        mayWrite.orThrow();
        model.addAttribute("form", form);
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", List.of(Meeting.Kind.values()).stream().map(Enum::name).toList());
        model.addAttribute("groups", groups.list(me));
        model.addAttribute("zones", ZONES);
        model.addAttribute("users", meetings.possibleAttendees(me, form.getMarking(), meetingId));
        Pages.banner(model, Marking.of(AccessLevel.PUBLIC));
        return "meetings/form";
    }
}
