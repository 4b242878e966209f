package org.dicas.forum.api;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.AgendaItem;
import org.dicas.forum.AgendaItemCommand;
import org.dicas.forum.Decision;
import org.dicas.forum.DecisionCommand;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCalendar;
import org.dicas.forum.MeetingCommand;
import org.dicas.forum.MeetingDetails;
import org.dicas.forum.Meetings;
import org.dicas.forum.MinutesCommand;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "Meetings")
class MeetingApi {

    private final Meetings meetings;
    private final MeetingCalendar calendar;

    MeetingApi(Meetings meetings, MeetingCalendar calendar) {
        this.meetings = meetings;
        this.calendar = calendar;
    }

    @GetMapping
    @Operation(summary = "A page of the meetings you may read, latest start first, then by id")
    MarkedList<Meeting> list(DicasUser me, Paging paging, @SortedBy(Meetings.class) TableView view) {
        return MarkedList.page(meetings.list(me, paging, view), Meeting::marking);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A meeting with the agenda items, decisions and action items the caller may read")
    MeetingDetails get(DicasUser me, @PathVariable long id) {
        return meetings.get(me, id);
    }

    @PostMapping
    ResponseEntity<Meeting> create(DicasUser me, @Valid @RequestBody MeetingCommand command) {
        Meeting m = meetings.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + m.id())).body(m);
    }

    @PutMapping("/{id}")
    Meeting update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody MeetingCommand command) {
        return meetings.update(me, id, expected, command);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a meeting (If-Match: its version); its attendees are told. Cancelled already: 400")
    Meeting cancel(DicasUser me, @PathVariable long id, ExpectedVersion expected) {
        return meetings.cancel(me, id, expected);
    }

    @PutMapping("/{id}/minutes")
    Meeting minutes(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody MinutesCommand command) {
        return meetings.recordMinutes(me, id, expected, command);
    }

    @PostMapping("/{id}/agenda-items")
    @Operation(summary = "Add an agenda item; linkedRecordId (optional) links a record you may read, e.g. a "
            + "requirement, opportunity or program in a consultation")
    ResponseEntity<AgendaItem> agendaItem(DicasUser me, @PathVariable long id,
                                          @Valid @RequestBody AgendaItemCommand command) {
        AgendaItem a = meetings.addAgendaItem(me, id, command);
        return ResponseEntity.status(201).body(a);
    }

    @GetMapping("/{id}/agenda-items/{itemId}")
    @Operation(summary = "One agenda item of a meeting (its version as ETag)")
    AgendaItem agendaItem(DicasUser me, @PathVariable long id, @PathVariable long itemId) {
        return meetings.agendaItem(me, id, itemId);
    }

    @PutMapping("/{id}/agenda-items/{itemId}")
    @Operation(summary = "Edit an agenda item (If-Match: its version): title, description, presenter, industry "
            + "session, linked record, position (omitted: kept) and marking. Those who organise meetings may")
    AgendaItem updateAgendaItem(DicasUser me, @PathVariable long id, @PathVariable long itemId,
                                ExpectedVersion expected, @Valid @RequestBody AgendaItemCommand command) {
        return meetings.updateAgendaItem(me, id, itemId, expected, command);
    }

    @GetMapping("/{id}/decisions/{decisionId}")
    @Operation(summary = "One decision of a meeting (its version as ETag)")
    Decision decision(DicasUser me, @PathVariable long id, @PathVariable long decisionId) {
        return inMeeting(meetings.decision(me, decisionId), id);
    }

    @PutMapping("/{id}/decisions/{decisionId}")
    @Operation(summary = "Edit a decision (If-Match: its version): text, agenda item and marking. A stage move it made "
            + "stays: naming another opportunity or stage is refused (400)")
    Decision updateDecision(DicasUser me, @PathVariable long id, @PathVariable long decisionId,
                            ExpectedVersion expected, @Valid @RequestBody DecisionCommand command) {
        inMeeting(meetings.decision(me, decisionId), id);
        return meetings.updateDecision(me, decisionId, expected, command);
    }

    /** A decision of another meeting than the path names is not found there. */
    private static Decision inMeeting(Decision d, long meetingId) {
        if (d.meetingId() != meetingId) {
            throw new org.dicas.shared.NotFoundException("decision", d.id());
        }
        return d;
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Record a decision; in a consultation, opportunityId + toStage (LEAD, CANDIDATE, UNDER_STUDY, "
            + "AGREED, PROGRAM) move that opportunity's pipeline stage (PipelineStageDecided is published)")
    ResponseEntity<Decision> decision(DicasUser me, @PathVariable long id, @Valid @RequestBody DecisionCommand command) {
        return ResponseEntity.status(201).body(meetings.addDecision(me, id, command));
    }

    @GetMapping(value = "/{id}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> ics(DicasUser me, @PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meeting-" + id + ".ics\"")
                .body(calendar.ics(me, id));
    }
}
