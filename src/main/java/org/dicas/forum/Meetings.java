package org.dicas.forum;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.RecordMarking;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Map;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;
import org.springframework.jdbc.core.RowMapper;

/**
 * Meetings with their agendas, minutes and decisions. Government users organise them ({@link ForumWriteRules});
 * everyone reads by policy. Attendees are people who may read the meeting.
 */
@Service
public class Meetings {

    private final ForumRecords f;
    private final ActionItems actionItems;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Meetings(ForumRecords f, ActionItems actionItems, Clock clock, ApplicationEventPublisher events) {
        this.f = f;
        this.actionItems = actionItems;
        this.clock = clock;
        this.events = events;
    }

    private static final String SELECT = """
            select m.id, r.marking, m.kind, m.working_group_id, m.title_en, m.title_ja, m.starts_at, m.ends_at,
                   m.time_zone, m.location, m.minutes, r.version, m.cancelled_at is not null as cancelled
            from meeting m join record r on r.id = m.id where r.kind = 'MEETING' and {readable:r}""";

    private record Row(long id, String marking, String kind, Long workingGroupId, String titleEn, String titleJa,
                       java.sql.Timestamp startsAt, java.sql.Timestamp endsAt, String timeZone, String location,
                       String minutes, long version, boolean cancelled) {
    }

    private static final RowMapper<Row> ROWS = org.dicas.platform.RecordRows.of(Row.class);

    private Meeting toMeeting(Row r, boolean withAttendees) {
        ZoneId zone = ZoneId.of(r.timeZone());
        List<Meeting.Attendee> attendees = !withAttendees ? List.of() : f.jdbc.sql("""
                        select u.id, u.display_name, u.nation, o.name from meeting_attendee a
                        join app_user u on u.id = a.user_id join organization o on o.id = u.organization_id
                        where a.meeting_id = :id order by u.nation, u.display_name""")
                .param("id", r.id())
                .query((rs, n) -> new Meeting.Attendee(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        return new Meeting(r.id(), Marking.parse(r.marking()), Meeting.Kind.valueOf(r.kind()), r.workingGroupId(),
                r.titleEn(), r.titleJa(), r.startsAt().toInstant().atZone(zone), r.endsAt().toInstant().atZone(zone),
                r.timeZone(), r.location(), r.minutes(), attendees, r.version(), r.cancelled());
    }

    public List<Meeting> list(DicasUser user) {
        return f.visible(SELECT + " order by m.starts_at desc, m.id desc", user).query(ROWS).list().stream()
                .map(r -> toMeeting(r, false)).toList();
    }

    /** A page of the meetings the user may read, latest start first (then by id, newest first). */
    public Page<Meeting> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** What the meetings list sorts and filters by: latest start first unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("starts", "m.starts_at", true, "m.id")
            .and("title", "lower(coalesce(nullif(m.title_en, ''), m.title_ja))").and("kind", "m.kind")
            .and("location", "lower(m.location)").filterIn("m.title_en", "m.title_ja", "m.location");

    /** A page of the meetings the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<Meeting> list(DicasUser user, Paging paging, TableView view) {
        return f.readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, ROWS)
                .map(rows -> rows.stream().map(r -> toMeeting(r, false)).toList());
    }

    /**
     * The meetings the user may read that take place, wholly or in part, between {@code from} (inclusive) and
     * {@code to} (exclusive), earliest first (a month of the calendar page).
     */
    public List<Meeting> between(DicasUser user, Instant from, Instant to) {
        return f.visible(SELECT + " and m.starts_at < :to and (m.ends_at > :from or m.starts_at >= :from)"
                        + " order by m.starts_at, m.id", user)
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query(ROWS).list().stream().map(r -> toMeeting(r, false)).toList();
    }

    public List<Meeting> ofWorkingGroup(DicasUser user, long workingGroupId) {
        return f.visible(SELECT + " and m.working_group_id = :wg order by m.starts_at desc", user)
                .param("wg", workingGroupId).query(ROWS).list().stream().map(r -> toMeeting(r, false)).toList();
    }

    public List<Meeting> upcoming(DicasUser user, int limit) {
        return f.visible(SELECT + " and m.ends_at >= :now order by m.starts_at limit :limit", user)
                .param("now", java.sql.Timestamp.from(Instant.now(clock))).param("limit", limit)
                .query(ROWS).list().stream().map(r -> toMeeting(r, false)).toList();
    }

    public Meeting meeting(DicasUser user, long id) {
        Meeting m = f.visible(SELECT + " and m.id = :id", user).param("id", id).query(ROWS).optional()
                .map(r -> toMeeting(r, true)).orElseThrow(() -> new NotFoundException("meeting", id));
        return f.shown(user, "MEETING", id, m.marking(), m);
    }

    private static final String AGENDA = """
            select a.id, r.marking, a.meeting_id, a.position, a.title, a.description, a.presenter,
                   a.industry_session, a.linked_record_id, r.version
            from agenda_item a join record r on r.id = a.id
            where r.kind = 'AGENDA_ITEM' and {readable:r}""";

    private static AgendaItem agendaRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AgendaItem(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getLong(3), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), (Long) rs.getObject(9), null,
                null, false, rs.getLong(10));
    }

    private static final String DECISIONS = """
            select d.id, r.marking, d.meeting_id, d.agenda_item_id, d.text, d.opportunity_id, d.to_stage, r.version
            from decision d join record r on r.id = d.id
            where r.kind = 'DECISION' and {readable:r}""";

    private static Decision decisionRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decision(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getLong(3), (Long) rs.getObject(4),
                rs.getString(5), (Long) rs.getObject(6), rs.getString(7), null, null, false, rs.getLong(8));
    }

    public MeetingDetails get(DicasUser user, long id) {
        Meeting m = meeting(user, id);
        List<AgendaItem> agenda = f.visible(AGENDA + " and a.meeting_id = :id order by a.position, a.id", user)
                .param("id", id).query((rs, n) -> agendaRow(rs)).list()
                .stream().map(a -> withLinkedRecord(user, a)).toList();
        List<Decision> decisions = f.visible(DECISIONS + " and d.meeting_id = :id order by d.id", user)
                .param("id", id).query((rs, n) -> decisionRow(rs)).list()
                .stream().map(d -> withOpportunity(user, d)).toList();
        return new MeetingDetails(m, agenda, decisions, actionItems.ofMeeting(user, id));
    }

    /**
     * One agenda item of a meeting, as the reader may see it: an item they may not read, of a meeting they may not
     * read, or of another meeting, is not found.
     */
    public AgendaItem agendaItem(DicasUser user, long meetingId, long id) {
        meeting(user, meetingId);
        AgendaItem a = f.visible(AGENDA + " and a.id = :id and a.meeting_id = :m", user).param("id", id)
                .param("m", meetingId).query((rs, n) -> agendaRow(rs)).optional()
                .orElseThrow(() -> new NotFoundException("agenda item", id));
        return f.shown(user, "AGENDA_ITEM", id, a.marking(), withLinkedRecord(user, a));
    }

    /** One decision, as the reader may see it; a decision of a meeting the reader may not read is not found. */
    public Decision decision(DicasUser user, long id) {
        Decision d = f.visible(DECISIONS + " and d.id = :id", user).param("id", id)
                .query((rs, n) -> decisionRow(rs)).optional()
                .orElseThrow(() -> new NotFoundException("decision", id));
        if (!f.readable(d.meetingId(), "MEETING", user)) {
            throw new NotFoundException("decision", id);
        }
        return f.shown(user, "DECISION", id, d.marking(), withOpportunity(user, d));
    }

    /**
     * The agenda item with its linked record's title and link when the reader may read that record; otherwise the
     * link is withheld (not even its id is shown).
     */
    private AgendaItem withLinkedRecord(DicasUser user, AgendaItem a) {
        if (a.linkedRecordId() == null) {
            return a;
        }
        Optional<MarkedRecords.Summary> s = readableSummary(a.linkedRecordId(), user);
        return a.withLink(s.map(MarkedRecords.Summary::id).orElse(null),
                s.map(MarkedRecords.Summary::title).orElse(null), s.map(MarkedRecords.Summary::link).orElse(null),
                s.isEmpty());
    }

    /** The decision with its opportunity's id, title and link when the reader may read it; otherwise withheld. */
    private Decision withOpportunity(DicasUser user, Decision d) {
        if (d.opportunityId() == null) {
            return d;
        }
        Optional<MarkedRecords.Summary> s = readableSummary(d.opportunityId(), user);
        return d.withOpportunity(s.map(MarkedRecords.Summary::id).orElse(null),
                s.map(MarkedRecords.Summary::title).orElse(null), s.map(MarkedRecords.Summary::link).orElse(null),
                s.isEmpty());
    }

    /**
     * A record a forum record refers to (its meeting, agenda item, opportunity), as a related-records list shows it:
     * its title, link and marking when the reader may read it; empty when not (or when there is none).
     */
    public Optional<MarkedRecords.Summary> related(DicasUser user, Long recordId) {
        return recordId == null ? Optional.empty() : readableSummary(recordId, user);
    }

    private Optional<MarkedRecords.Summary> readableSummary(long recordId, DicasUser user) {
        return f.records.readable(recordId, user) ? f.records.summary(recordId) : Optional.empty();
    }

    /**
     * The agenda items the user may read (in meetings they may read) that link this record, e.g. the consultations
     * that discussed a program or requirement; most recent meeting first.
     */
    public List<AgendaItem> agendaItemsLinking(DicasUser user, long recordId) {
        return f.visible("select a.id, r.marking, a.meeting_id, a.position, a.title, a.description, a.presenter,"
                        + " a.industry_session, a.linked_record_id, r.version"
                        + " from agenda_item a join record r on r.id = a.id join meeting m on m.id = a.meeting_id"
                        + " join record mr on mr.id = m.id"
                        + " where {readable:r} and a.linked_record_id = :rec and {readable:mr}"
                        + " order by m.starts_at desc, a.position", user)
                .param("rec", recordId)
                .query((rs, n) -> agendaRow(rs)).list()
                .stream().map(a -> withLinkedRecord(user, a)).toList();
    }

    @Transactional
    public Meeting create(DicasUser user, MeetingCommand c) {
        ForumWriteRules.organiseMeeting(user).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        ZoneId zone = validate(user, c, f.asSaved(marking, user, null));
        long id = f.records.register("MEETING", c.titleEn(), searchText(c), marking, Optional.empty(), user,
                i -> "/meetings/" + i);
        f.jdbc.sql("""
                        insert into meeting (id, kind, working_group_id, title_en, title_ja, starts_at, ends_at,
                                             time_zone, location, minutes)
                        values (:id, :kind, :wg, :en, :ja, :starts, :ends, :tz, :loc, :minutes)""")
                .param("id", id).params(columns(c, zone)).update();
        writeAttendees(id, c);
        f.notices.scheduled(user, id, c.attendeeIds());
        return meeting(user, id);
    }

    @Transactional
    public Meeting update(DicasUser user, long id, ExpectedVersion expected, MeetingCommand c) {
        Meeting current = meeting(user, id);
        ForumWriteRules.editMeeting(user, current).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        ZoneId zone = validate(user, c, f.asSaved(marking, user, id));
        f.records.update(id, expected, c.titleEn(), searchText(c), marking, Optional.empty(), user);
        f.jdbc.sql("""
                        update meeting set kind = :kind, working_group_id = :wg, title_en = :en, title_ja = :ja,
                               starts_at = :starts, ends_at = :ends, time_zone = :tz, location = :loc,
                               minutes = :minutes where id = :id""")
                .param("id", id).params(columns(c, zone)).update();
        f.jdbc.sql("delete from meeting_attendee where meeting_id = :id").param("id", id).update();
        writeAttendees(id, c);
        f.notices.changed(user, current, c, zone);
        return meeting(user, id);
    }

    /**
     * Cancels a meeting (who may edit it may cancel it), made against version {@code expected}: it stays, marked
     * cancelled, and its attendees are told. Cancelled already: refused.
     */
    @Transactional
    public Meeting cancel(DicasUser user, long id, ExpectedVersion expected) {
        Meeting m = meeting(user, id);
        ForumWriteRules.editMeeting(user, m).orThrow();
        if (m.cancelled()) {
            throw InvalidInputException.of("meeting", "forum.error.meetingCancelled", id);
        }
        f.records.changed(id, expected);
        f.jdbc.sql("update meeting set cancelled_at = now() where id = :id").param("id", id).update();
        f.audit.append(user, "MEETING_CANCELLED", id, "MEETING");
        f.notices.cancelled(user, m);
        return meeting(user, id);
    }

    @Transactional
    public Meeting recordMinutes(DicasUser user, long id, ExpectedVersion expected, MinutesCommand c) {
        Meeting m = meeting(user, id);
        ForumWriteRules.recordMinutes(user, m).orThrow();
        f.jdbc.sql("update meeting set minutes = :minutes where id = :id").param("id", id)
                .param("minutes", c.minutes()).update();
        f.records.updateText(id, expected, m.titleEn(), String.join("\n", m.titleEn(), m.titleJa(), m.location(), c.minutes()), user);
        return meeting(user, id);
    }

    @Transactional
    public AgendaItem addAgendaItem(DicasUser user, long meetingId, AgendaItemCommand c) {
        Meeting meeting = meeting(user, meetingId);
        ForumWriteRules.addAgendaItem(user, meeting).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        if (c.linkedRecordId() != null && !f.records.readable(c.linkedRecordId(), user)) {
            throw InvalidInputException.of("linkedRecordId", "forum.error.noReadableRecord", c.linkedRecordId());
        }
        int position = c.position() != null ? c.position() : f.jdbc.sql(
                "select coalesce(max(position), 0) + 1 from agenda_item where meeting_id = :m")
                .param("m", meetingId).query(Integer.class).single();
        long id = f.records.register("AGENDA_ITEM", c.title(),
                String.join("\n", c.title(), c.description(), c.presenter()), marking, Optional.empty(), user,
                i -> "/meetings/" + meetingId + "#agenda-" + i);
        f.jdbc.sql("""
                        insert into agenda_item (id, meeting_id, position, title, description, presenter, industry_session,
                                                 linked_record_id)
                        values (:id, :m, :p, :t, :d, :pr, :ind, :linked)""")
                .param("id", id).param("m", meetingId).param("p", position).param("t", c.title())
                .param("d", c.description()).param("pr", c.presenter()).param("ind", c.industrySession())
                .param("linked", c.linkedRecordId()).update();
        f.records.placeIn(id, meetingId);
        return get(user, meetingId).agenda().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /**
     * Records a decision. In a consultation, a decision naming an opportunity and a stage moves that opportunity's
     * pipeline stage: {@link PipelineStageDecided} is published after the decision is saved, inside this transaction.
     */
    @Transactional
    public Decision addDecision(DicasUser user, long meetingId, DecisionCommand c) {
        Meeting meeting = meeting(user, meetingId);
        ForumWriteRules.recordDecision(user, meeting).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        if (c.agendaItemId() != null && !agendaItemOf(user, meetingId, c.agendaItemId())) {
            throw InvalidInputException.of("agendaItemId", "forum.error.noAgendaItemInMeeting", meetingId, c.agendaItemId());
        }
        validateStageMove(user, meeting, c);
        long id = f.records.register("DECISION", decisionTitle(c.text()), c.text(), marking, Optional.empty(), user,
                i -> "/decisions/" + i);
        f.jdbc.sql("""
                        insert into decision (id, meeting_id, agenda_item_id, text, opportunity_id, to_stage)
                        values (:id, :m, :a, :t, :o, :s)""")
                .param("id", id).param("m", meetingId).param("a", c.agendaItemId()).param("t", c.text())
                .param("o", c.opportunityId()).param("s", c.toStage()).update();
        f.records.placeIn(id, meetingId);
        Decision saved = withOpportunity(user, new Decision(id, marking, meetingId, c.agendaItemId(), c.text(),
                c.opportunityId(), c.toStage(), null, null, false, 1));
        if (c.opportunityId() != null && c.toStage() != null) {
            events.publishEvent(new PipelineStageDecided(id, meetingId, c.opportunityId(), c.toStage(), user.id()));
        }
        return saved;
    }

    /**
     * Edits an agenda item of a meeting, made against its version {@code expected}: title, text, presenter, industry
     * session, linked record (one the editor may read), position and marking.
     */
    @Transactional
    public AgendaItem updateAgendaItem(DicasUser user, long meetingId, long id, ExpectedVersion expected,
                                       AgendaItemCommand c) {
        Meeting meeting = meeting(user, meetingId);
        AgendaItem a = agendaItem(user, meetingId, id);
        ForumWriteRules.editAgendaItem(user, meeting).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        if (c.linkedRecordId() != null && !c.linkedRecordId().equals(a.linkedRecordId())
                && !f.records.readable(c.linkedRecordId(), user)) {
            throw InvalidInputException.of("linkedRecordId", "forum.error.noReadableRecord", c.linkedRecordId());
        }
        int position = c.position() != null ? c.position() : a.position();
        Sentence what = new FieldChanges().compare("title", a.title(), c.title())
                .compare("description", a.description(), c.description())
                .compare("presenter", a.presenter(), c.presenter())
                .compare("industrySession", a.industrySession(), c.industrySession())
                .compare("linkedRecordId", a.linkedRecordId(), c.linkedRecordId())
                .compare("position", a.position(), position).sentence();
        f.records.update(id, expected, c.title(), String.join("\n", c.title(), c.description(), c.presenter()),
                marking, Optional.empty(), user, what);
        f.jdbc.sql("""
                        update agenda_item set position = :p, title = :t, description = :d, presenter = :pr,
                               industry_session = :ind, linked_record_id = :linked where id = :id""")
                .param("id", id).param("p", position).param("t", c.title()).param("d", c.description())
                .param("pr", c.presenter()).param("ind", c.industrySession()).param("linked", c.linkedRecordId())
                .update();
        if (what != null || !marking.equals(a.marking())) {
            f.notices.agendaItemChanged(user, meeting, id);
        }
        return agendaItem(user, meetingId, id);
    }

    /**
     * Edits a decision, made against its version {@code expected}: its text, agenda item and marking. A stage move it
     * made stays as recorded (a later decision moves the opportunity again): a command naming another opportunity
     * or stage is refused.
     */
    @Transactional
    public Decision updateDecision(DicasUser user, long id, ExpectedVersion expected, DecisionCommand c) {
        Decision d = decision(user, id);
        Meeting meeting = meeting(user, d.meetingId());
        ForumWriteRules.editDecision(user, meeting).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        if (c.agendaItemId() != null && !agendaItemOf(user, d.meetingId(), c.agendaItemId())) {
            throw InvalidInputException.of("agendaItemId", "forum.error.noAgendaItemInMeeting", d.meetingId(),
                    c.agendaItemId());
        }
        Long storedOpportunity = f.jdbc.sql("select opportunity_id from decision where id = :id").param("id", id)
                .query(Long.class).optional().orElse(null);
        if ((c.opportunityId() != null && !c.opportunityId().equals(storedOpportunity))
                || (c.toStage() != null && !c.toStage().equals(d.toStage()))) {
            throw InvalidInputException.of(c.toStage() != null ? "toStage" : "opportunityId",
                    "forum.error.decisionStageStays");
        }
        Sentence what = new FieldChanges().compare("text", d.text(), c.text())
                .compare("agendaItemId", d.agendaItemId(), c.agendaItemId()).sentence();
        f.records.update(id, expected, decisionTitle(c.text()), c.text(), marking, Optional.empty(), user, what);
        f.jdbc.sql("update decision set agenda_item_id = :a, text = :t where id = :id")
                .param("id", id).param("a", c.agendaItemId()).param("t", c.text()).update();
        if (what != null || !marking.equals(d.marking())) {
            f.notices.decisionChanged(user, meeting, id);
        }
        return decision(user, id);
    }

    private static String decisionTitle(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private void validateStageMove(DicasUser user, Meeting meeting, DecisionCommand c) {
        if (c.opportunityId() == null && c.toStage() == null) {
            return;
        }
        if (meeting.kind() != Meeting.Kind.CONSULTATION) {
            throw InvalidInputException.of(c.opportunityId() != null ? "opportunityId" : "toStage",
                    "forum.error.onlyConsultationMovesStages");
        }
        if (c.opportunityId() == null) {
            throw InvalidInputException.of("opportunityId", "forum.error.nameOpportunity");
        }
        if (c.toStage() == null) {
            throw InvalidInputException.of("toStage", "forum.error.chooseStage", stageLabels());
        }
        if (!Decision.PIPELINE_STAGES.contains(c.toStage())) {
            throw InvalidInputException.of("toStage", "forum.error.unknownStage", c.toStage(), stageLabels());
        }
        if (!f.records.readable(c.opportunityId(), user)) {
            throw InvalidInputException.of("opportunityId", "forum.error.noReadableRecord", c.opportunityId());
        }
        if (!f.records.kindOf(c.opportunityId()).equals(Decision.OPPORTUNITY_KIND)) {
            throw InvalidInputException.of("opportunityId", "forum.error.notAnOpportunity", c.opportunityId());
        }
    }

    /** The pipeline stages a decision may move to, by their labels in the reader's language. */
    private static List<Sentence> stageLabels() {
        return Decision.PIPELINE_STAGES.stream().map(s -> Sentence.label("consultation.stage", s)).toList();
    }

    boolean agendaItemOf(DicasUser user, long meetingId, long agendaItemId) {
        return f.readable(agendaItemId, "AGENDA_ITEM", user) && f.jdbc.sql(
                        "select count(*) from agenda_item where id = :a and meeting_id = :m")
                .param("a", agendaItemId).param("m", meetingId).query(Integer.class).single() > 0;
    }

    /**
     * The people the attendee picker offers: those who may read the meeting as it would be saved with the marking
     * the form holds ({@code meetingId} null for a new meeting).
     */
    public List<DicasUser> possibleAttendees(DicasUser user, String marking, Long meetingId) {
        return f.readers(user, marking, meetingId);
    }

    private ZoneId validate(DicasUser user, MeetingCommand c, RecordMarking saved) {
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            throw InvalidInputException.of("timeZone", "forum.error.unknownTimeZone", c.timeZone());
        }
        if (!c.endsAt().isAfter(c.startsAt())) {
            throw InvalidInputException.of("endsAt", "forum.error.endBeforeStart");
        }
        if (c.kind() == Meeting.Kind.WORKING_GROUP && c.workingGroupId() == null) {
            throw InvalidInputException.of("workingGroupId", "forum.error.meetingNeedsWorkingGroup");
        }
        f.mustReadWorkingGroup(c.workingGroupId(), user);
        f.mustRead("attendeeIds", c.attendeeIds(), saved);
        return zone;
    }

    private static java.util.Map<String, Object> columns(MeetingCommand c, ZoneId zone) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("kind", c.kind().name());
        p.put("wg", c.workingGroupId());
        p.put("en", c.titleEn());
        p.put("ja", c.titleJa());
        p.put("starts", java.sql.Timestamp.from(ZonedDateTime.of(c.startsAt(), zone).toInstant()));
        p.put("ends", java.sql.Timestamp.from(ZonedDateTime.of(c.endsAt(), zone).toInstant()));
        p.put("tz", zone.getId());
        p.put("loc", c.location());
        p.put("minutes", c.minutes());
        return p;
    }

    private void writeAttendees(long id, MeetingCommand c) {
        for (Long u : new HashSet<>(c.attendeeIds())) {
            f.jdbc.sql("insert into meeting_attendee (meeting_id, user_id) values (:m, :u)")
                    .param("m", id).param("u", u).update();
        }
    }

    private static String searchText(MeetingCommand c) {
        return String.join("\n", c.titleEn(), c.titleJa(), c.location(), c.minutes());
    }
}
