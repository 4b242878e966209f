package org.dicas.forum;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.RecordMarking;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Action items: government users assign them; the owner (or a government user) closes them ({@link ForumWriteRules}).
 * The owner is someone who may read the action item.
 */
@Service
public class ActionItems {

    private final ForumRecords f;
    private final Clock clock;

    ActionItems(ForumRecords f, Clock clock) {
        this.f = f;
        this.clock = clock;
    }

    private static final String SELECT = """
            select a.id, r.marking, a.meeting_id, a.agenda_item_id, a.title, a.description, a.owner_id,
                   u.display_name, a.due_date, a.status, r.version
            from action_item a join record r on r.id = a.id join app_user u on u.id = a.owner_id
            where r.kind = 'ACTION_ITEM' and {readable:r}""";

    private ActionItem row(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate due = rs.getObject(9, LocalDate.class);
        return new ActionItem(rs.getLong(1), Marking.parse(rs.getString(2)), (Long) rs.getObject(3),
                (Long) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), due,
                ActionItem.statusOn(rs.getString(10), due, LocalDate.now(clock)), rs.getLong(11));
    }

    public List<ActionItem> list(DicasUser user) {
        return f.visible(SELECT + " order by a.due_date, a.id", user).query((rs, n) -> row(rs)).list();
    }

    /** Which action items a list shows: those in one of {@code statuses} (none: any), only the reader's own if {@code mine}. */
    public record Selection(Set<ActionItem.Status> statuses, boolean mine) {
        public static final Selection ALL = new Selection(Set.of(), false);

        public Selection {
            statuses = Set.copyOf(statuses);
        }
    }

    /** A page of the action items the user may read that the selection keeps, soonest due first (then by id). */
    public Page<ActionItem> list(DicasUser user, Selection selection, Paging paging) {
        return list(user, selection, paging, TableView.NONE);
    }

    /** What the action items list sorts and filters by: soonest due first unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("due", "a.due_date", false, "a.id")
            .and("title", "lower(a.title)").and("owner", "lower(u.display_name)").and("status", "a.status")
            .filterIn("a.title", "a.description", "u.display_name");

    /** The same, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<ActionItem> list(DicasUser user, Selection selection, Paging paging, TableView view) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> p = new HashMap<>();
        if (selection.mine()) {
            sql.append(" and a.owner_id = :me");
            p.put("me", user.id());
        }
        if (!selection.statuses().isEmpty()) {
            sql.append(" and (").append(selection.statuses().stream().sorted().map(s -> switch (s) {
                case DONE -> "a.status = 'DONE'";
                case OPEN -> "(a.status <> 'DONE' and a.due_date >= :today)";
                case OVERDUE -> "(a.status <> 'DONE' and a.due_date < :today)";
            }).collect(Collectors.joining(" or "))).append(")");
            p.put("today", LocalDate.now(clock));
        }
        return f.readable.page(user, sql.toString(), COLUMNS, p, paging, view, (rs, n) -> row(rs));
    }

    /** The open (including overdue) action items a user owns, soonest due first. */
    public List<ActionItem> openFor(DicasUser user) {
        return f.visible(SELECT + " and a.owner_id = :me and a.status = 'OPEN' order by a.due_date, a.id", user)
                .param("me", user.id()).query((rs, n) -> row(rs)).list();
    }

    public List<ActionItem> ofMeeting(DicasUser user, long meetingId) {
        return f.visible(SELECT + " and a.meeting_id = :m order by a.due_date, a.id", user)
                .param("m", meetingId).query((rs, n) -> row(rs)).list();
    }

    public ActionItem get(DicasUser user, long id) {
        ActionItem a = f.visible(SELECT + " and a.id = :id", user).param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("action item", id));
        return f.shown(user, "ACTION_ITEM", id, a.marking(), a);
    }

    @Transactional
    public ActionItem create(DicasUser user, ActionItemCommand c) {
        ForumWriteRules.assignActionItem(user).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        validate(user, c, f.asSaved(marking, user, null));
        long id = f.records.register("ACTION_ITEM", c.title(), c.title() + "\n" + c.description(), marking,
                Optional.empty(), user,
                i -> "/action-items/" + i);
        f.jdbc.sql("""
                        insert into action_item (id, meeting_id, agenda_item_id, title, description, owner_id, due_date,
                                                 status, completed_at)
                        values (:id, :m, :a, :t, :d, :o, :due, :s, case when :s = 'DONE' then now() end)""")
                .param("id", id).param("m", c.meetingId()).param("a", c.agendaItemId()).param("t", c.title())
                .param("d", c.description()).param("o", c.ownerId()).param("due", c.dueDate())
                .param("s", stored(c.status())).update();
        f.notices.assigned(user, id, c.ownerId(), null);
        f.notices.mentioned(user, id, "/action-items/" + id, "", c.description());
        return get(user, id);
    }

    @Transactional
    public ActionItem update(DicasUser user, long id, ExpectedVersion expected, ActionItemCommand c) {
        ActionItem existing = get(user, id);
        ForumWriteRules.changeActionItem(user, existing).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        validate(user, c, f.asSaved(marking, user, id));
        Sentence what = new FieldChanges().compare("title", existing.title(), c.title())
                .compare("description", existing.description(), c.description())
                .compare("ownerId", existing.ownerId(), c.ownerId())
                .compare("dueDate", existing.dueDate(), c.dueDate())
                .compare("status", stored(existing.status()), stored(c.status()))
                .compare("meetingId", existing.meetingId(), c.meetingId())
                .compare("agendaItemId", existing.agendaItemId(), c.agendaItemId()).sentence();
        f.records.update(id, expected, c.title(), c.title() + "\n" + c.description(), marking, Optional.empty(), user,
                what);
        f.jdbc.sql("""
                        update action_item set meeting_id = :m, agenda_item_id = :a, title = :t, description = :d,
                               owner_id = :o, due_date = :due, status = :s,
                               completed_at = case when :s = 'DONE' then coalesce(completed_at, now()) end
                        where id = :id""")
                .param("id", id).param("m", c.meetingId()).param("a", c.agendaItemId()).param("t", c.title())
                .param("d", c.description()).param("o", c.ownerId()).param("due", c.dueDate())
                .param("s", stored(c.status())).update();
        f.notices.assigned(user, id, c.ownerId(), existing.ownerId());
        f.notices.mentioned(user, id, "/action-items/" + id, existing.description(), c.description());
        return get(user, id);
    }

    /**
     * Changes only the fields a patch names (the others stay as stored), made against version {@code expected}: the
     * same rules and checks as {@link #update}.
     */
    @Transactional
    public ActionItem patch(DicasUser user, long id, ExpectedVersion expected, ActionItemPatch p) {
        ActionItem a = get(user, id);
        return update(user, id, expected, p.over(a));
    }

    /** Marks an action item done or open again. */
    @Transactional
    public ActionItem setDone(DicasUser user, long id, boolean done) {
        ActionItem a = get(user, id);
        ForumWriteRules.changeActionItem(user, a).orThrow();
        f.jdbc.sql("""
                        update action_item set status = :s,
                               completed_at = case when :s = 'DONE' then coalesce(completed_at, now()) end
                        where id = :id""")
                .param("id", id).param("s", done ? "DONE" : "OPEN").update();
        return get(user, id);
    }

    private static String stored(ActionItem.Status s) {
        return s == ActionItem.Status.DONE ? "DONE" : "OPEN";
    }

    /**
     * The people the owner picker offers for a new action item: those who may read it once saved with the marking
     * the form holds.
     */
    public List<DicasUser> possibleOwners(DicasUser user, String marking) {
        return f.readers(user, marking, null);
    }

    /** The people the owner picker offers when editing action item {@code id} with the marking the form holds. */
    public List<DicasUser> possibleOwners(DicasUser user, String marking, long id) {
        return f.readers(user, marking, id);
    }

    private void validate(DicasUser user, ActionItemCommand c, RecordMarking saved) {
        f.mustRead("ownerId", java.util.Collections.singletonList(c.ownerId()), saved);
        if (c.meetingId() != null && !f.readable(c.meetingId(), "MEETING", user)) {
            throw InvalidInputException.of("meetingId", "forum.error.noMeeting", c.meetingId());
        }
        if (c.agendaItemId() != null) {
            if (c.meetingId() == null) {
                throw InvalidInputException.of("agendaItemId", "forum.error.agendaItemNeedsMeeting");
            }
            boolean ok = f.readable(c.agendaItemId(), "AGENDA_ITEM", user) && f.jdbc.sql(
                            "select count(*) from agenda_item where id = :a and meeting_id = :m")
                    .param("a", c.agendaItemId()).param("m", c.meetingId()).query(Integer.class).single() > 0;
            if (!ok) {
                throw InvalidInputException.of("agendaItemId", "forum.error.noAgendaItemInMeeting", c.meetingId(),
                        c.agendaItemId());
            }
        }
    }
}
