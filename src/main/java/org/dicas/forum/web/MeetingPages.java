package org.dicas.forum.web;

import org.dicas.platform.ListPage;
import jakarta.validation.Validator;
import java.util.List;
import org.dicas.platform.EditFlow;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItems;
import org.dicas.forum.ForumWriteRules;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.shared.Paging;
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
    private final org.dicas.attachments.Attachments attachments;
    private final java.time.Clock clock;

    MeetingPages(Meetings meetings, ActionItems actionItems, WorkingGroups groups, MeetingCalendar calendar,
                 Validator validator, org.dicas.attachments.Attachments attachments, java.time.Clock clock) {
        this.clock = clock;
        this.attachments = attachments;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.groups = groups;
        this.calendar = calendar;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        ListPage.show(model, "/meetings", view, Meetings.COLUMNS, "meetings", meetings.list(me, paging, view),
                Meeting::marking);
        model.addAttribute("canOrganise", ForumWriteRules.organiseMeeting(me).allowed());
        return "meetings/list";
    }

    /**
     * A month of the meetings the reader may read ({@code month} as yyyy-mm, the reader's current month by default),
     * in the reader's zone and language, under the high-water mark of the meetings it shows.
     */
    @GetMapping("/calendar")
    String calendar(DicasUser me, @RequestParam(required = false) String month, Model model,
                    java.util.Locale locale) {
        java.time.ZoneId zone = org.dicas.platform.ReaderTime.zone();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        java.time.YearMonth shown = org.dicas.platform.FormValues.month("month", month);
        if (shown == null) {
            shown = java.time.YearMonth.from(today);
        }
        List<Meeting> inGrid = meetings.between(me, MeetingMonth.gridStart(shown, zone),
                MeetingMonth.gridEnd(shown, zone));
        model.addAttribute("calendar", MeetingMonth.of(shown, inGrid, zone, today, locale));
        Pages.banner(model, inGrid.stream().map(Meeting::marking).toList());
        return "meetings/calendar";
    }

    @GetMapping("/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        return detailPage(me, id, model, List.of(), null);
    }

    /**
     * A form of the meeting page that was posted and refused: which one ({@code agenda}, {@code decision},
     * {@code action}, or {@code agenda-<id>} for editing an agenda item) and the values as entered; the page shows it
     * again, open, with every value kept.
     */
    private record Posted(String which, Object form) {
    }

    private String detailPage(DicasUser me, long id, Model model, List<String> errors, Posted posted) {
        MeetingDetails details = meetings.get(me, id);
        Meeting m = details.meeting();
        WorkingGroup group = m.workingGroupId() == null ? null : groups.find(me, m.workingGroupId()).orElse(null);
        model.addAttribute("details", details);
        model.addAttribute("m", m);
        model.addAttribute("group", group);
        model.addAttribute("mayEdit", ForumWriteRules.editMeeting(me, m).allowed());
        model.addAttribute("mayAddAgendaItem", ForumWriteRules.addAgendaItem(me, m).allowed());
        model.addAttribute("mayEditAgendaItems", ForumWriteRules.editAgendaItem(me, m).allowed());
        model.addAttribute("mayRecordMinutes", ForumWriteRules.recordMinutes(me, m).allowed());
        model.addAttribute("mayRecordDecision", ForumWriteRules.recordDecision(me, m).allowed());
        boolean mayAssign = ForumWriteRules.assignActionItem(me).allowed();
        model.addAttribute("mayAssignActionItem", mayAssign);
        // new records' marking fields start at the meeting's marking; a refused form comes back as it was posted
        String banner = m.marking().banner();
        Object action = posted != null && posted.which().equals("action") ? posted.form()
                : ActionItemForm.startingAt(id, banner);
        model.addAttribute("actionForm", action);
        model.addAttribute("owners", mayAssign
                ? actionItems.possibleOwners(me, ((ActionItemForm) action).getMarking()) : List.of());
        model.addAttribute("agendaForm", posted != null && posted.which().equals("agenda") ? posted.form()
                : AgendaItemForm.startingAt(banner));
        model.addAttribute("decisionForm", posted != null && posted.which().equals("decision") ? posted.form()
                : DecisionForm.startingAt(banner));
        java.util.Map<Long, AgendaItemForm> edits = new java.util.LinkedHashMap<>();
        details.agenda().forEach(a -> edits.put(a.id(), posted != null && posted.which().equals("agenda-" + a.id())
                ? (AgendaItemForm) posted.form() : AgendaItemForm.of(a)));
        model.addAttribute("agendaEdits", edits);
        model.addAttribute("openForm", posted == null ? "" : posted.which());
        model.addAttribute("changeable", ActionItemPages.changeable(me, details.actionItems()));
        model.addAttribute("stages", org.dicas.forum.Decision.PIPELINE_STAGES);
        model.addAttribute("errors", errors);
        // the files of the meeting and of its agenda items are listed on it too
        long[] withFiles = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(id),
                details.agenda().stream().mapToLong(a -> a.id())).toArray();
        Pages.banner(model, attachments.pageMarking(me, details.highWaterMark(), withFiles));
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
    String addAgendaItem(DicasUser me, @PathVariable long id, @ModelAttribute("agendaForm") AgendaItemForm form,
                         BindingResult binding, Model model) {
        var cmd = form.command();
        return act(me, id, model, binding, new Posted("agenda", form), cmd, () -> meetings.addAgendaItem(me, id, cmd));
    }

    /** Edits an agenda item from the meeting page (against the item's version); refused: the page shows it again. */
    @PostMapping("/{id}/agenda/{itemId}/edit")
    String editAgendaItem(DicasUser me, @PathVariable long id, @PathVariable long itemId, ExpectedVersion expected,
                          @ModelAttribute("agendaEdit") AgendaItemForm form, BindingResult binding, Model model) {
        meetings.meeting(me, id); // a hidden meeting answers 404 before anything else
        return EditFlow.of(model, expected, form::command).bound(binding).validatedBy(validator)
                .save(c -> meetings.updateAgendaItem(me, id, itemId, expected, c),
                        () -> meetings.agendaItem(me, id, itemId))
                .redirectOrShow("/meetings/" + id + "#agenda-" + itemId,
                        errors -> detailPage(me, id, model, errors, new Posted("agenda-" + itemId, form)));
    }

    @PostMapping("/{id}/decisions")
    String addDecision(DicasUser me, @PathVariable long id, @ModelAttribute("decisionForm") DecisionForm form,
                       BindingResult binding, Model model) {
        var cmd = form.command();
        return act(me, id, model, binding, new Posted("decision", form), cmd, () -> meetings.addDecision(me, id, cmd));
    }

    @PostMapping("/{id}/minutes")
    String minutes(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                   @RequestParam(defaultValue = "") String minutes, Model model) {
        meetings.meeting(me, id); // a hidden meeting answers 404 before anything else
        return EditFlow.of(model, expected, () -> new MinutesCommand(minutes)).validatedBy(validator)
                .save(c -> meetings.recordMinutes(me, id, expected, c), () -> meetings.meeting(me, id))
                .redirectOrShow("/meetings/" + id, errors -> detailPage(me, id, model, errors, null));
    }

    @PostMapping("/{id}/action-items")
    String addActionItem(DicasUser me, @PathVariable long id, @ModelAttribute("actionForm") ActionItemForm form,
                         BindingResult binding, Model model) {
        form.setMeetingId(id);
        var cmd = form.command();
        return act(me, id, model, binding, new Posted("action", form), cmd, () -> actionItems.create(me, cmd));
    }

    private String act(DicasUser me, long id, Model model, BindingResult binding, Posted posted, Object command,
                       Runnable action) {
        meetings.meeting(me, id);
        List<String> errors = binding != null && binding.hasErrors() ? Pages.errors(binding)
                : Pages.violations(validator, command);
        if (errors.isEmpty()) {
            try {
                action.run();
                return "redirect:/meetings/" + id;
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return detailPage(me, id, model, errors, posted);
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
            return detailPage(me, id, model, org.dicas.platform.FormErrors.of(e), null);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(DicasUser me, @PathVariable long id, Model model) {
        Meeting m = EditFlow.showing(model, meetings.meeting(me, id));
        return form(me, ForumWriteRules.editMeeting(me, m), id, model, MeetingForm.of(m), "/meetings/" + id + "/edit",
                List.of());
    }

    @PostMapping("/{id}/edit")
    String edit(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                @ModelAttribute("form") MeetingForm form, Model model) {
        Meeting m = meetings.meeting(me, id);
        return EditFlow.of(model, expected, form::command).validatedBy(validator)
                .save(c -> meetings.update(me, id, expected, c), () -> meetings.meeting(me, id))
                .redirectOrShow("/meetings/" + id, errors -> form(me, ForumWriteRules.editMeeting(me, m), id, model,
                        form, "/meetings/" + id + "/edit", errors));
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
        model.addAttribute("attendeeSource", "/pick/people?offer=attendees" + (meetingId == null ? "" : "&meeting=" + meetingId));
        Pages.banner(model, Marking.of(AccessLevel.PUBLIC));
        return "meetings/form";
    }
}
