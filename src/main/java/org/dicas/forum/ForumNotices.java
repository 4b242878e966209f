package org.dicas.forum;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dicas.notifications.Notifications;
import org.dicas.security.DicasUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the forum tells of what, inside the writer's transaction (a notice exists exactly when its change was
 * committed): the owner of an action item assigned to them, the author of a thread or reply that got a reply, people
 * {@code @mentioned} in a post, the attendees of a meeting that was moved in time or place, or cancelled, or whose agenda
 * items or decisions were edited. Never the person who made
 * the change; and only people who may read the record ({@link Notifications#send} applies the policy). The arguments
 * are the actor's name only: what the record says is read when the notice is shown.
 */
@Component
class ForumNotices {

    static final String ASSIGNED = "notification.actionItem.assigned";
    static final String REPLY_TO_THREAD = "notification.reply.toThread";
    static final String REPLY_TO_REPLY = "notification.reply.toReply";
    static final String INVITED = "notification.meeting.invited";
    static final String RESCHEDULED = "notification.meeting.rescheduled";
    static final String MOVED = "notification.meeting.moved";
    static final String CANCELLED = "notification.meeting.cancelled";
    static final String AGENDA_ITEM_CHANGED = "notification.meeting.agendaItemChanged";
    static final String DECISION_CHANGED = "notification.meeting.decisionChanged";

    private final Notifications notifications;
    private final JdbcClient jdbc;

    ForumNotices(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    /** An action item now owned by {@code ownerId} (new, or given to someone else): its owner is told. */
    void assigned(DicasUser by, long actionItemId, long ownerId, Long previousOwnerId) {
        if (ownerId != by.id() && !Objects.equals(previousOwnerId, ownerId)) {
            notifications.send(List.of(ownerId), actionItemId, "/action-items/" + actionItemId, ASSIGNED,
                    by.displayName());
        }
    }

    /**
     * A reply in a thread: the author of the reply it answers is told of a reply to their reply; the thread's author
     * (when someone else) of a reply to their thread.
     */
    void replied(DicasUser by, long threadId, long replyId, Long parentId) {
        String link = "/discussions/" + threadId + "#reply-" + replyId;
        Long parentAuthor = parentId == null ? null : jdbc.sql("select author_id from reply where id = :p")
                .param("p", parentId).query(Long.class).optional().orElse(null);
        long threadAuthor = jdbc.sql("select author_id from discussion_thread where id = :t").param("t", threadId)
                .query(Long.class).single();
        if (parentAuthor != null && parentAuthor != by.id()) {
            notifications.send(List.of(parentAuthor), replyId, link, REPLY_TO_REPLY, by.displayName());
        }
        if (threadAuthor != by.id() && !Objects.equals(parentAuthor, threadAuthor)) {
            notifications.send(List.of(threadAuthor), replyId, link, REPLY_TO_THREAD, by.displayName());
        }
    }

    /** The people newly {@code @mentioned} in a post's text ({@code before}: the text before this change). */
    void mentioned(DicasUser by, long recordId, String link, String before, String text) {
        notifications.mentioned(by, recordId, link, before, text);
    }

    /** A new meeting: its attendees are invited. */
    void scheduled(DicasUser by, long meetingId, List<Long> attendeeIds) {
        notifications.send(others(by, attendeeIds), meetingId, "/meetings/" + meetingId, INVITED, by.displayName());
    }

    /**
     * A meeting changed: new attendees are invited; those who were invited already are told when its time (start,
     * end or zone) or its place changed.
     */
    void changed(DicasUser by, Meeting before, MeetingCommand after, ZoneId zone) {
        long id = before.id();
        String link = "/meetings/" + id;
        Set<Long> earlier = new HashSet<>();
        before.attendees().forEach(a -> earlier.add(a.userId()));
        List<Long> invited = others(by, after.attendeeIds()).stream().filter(u -> !earlier.contains(u)).toList();
        List<Long> stayed = others(by, after.attendeeIds()).stream().filter(earlier::contains).toList();
        notifications.send(invited, id, link, INVITED, by.displayName());
        boolean time = !ZonedDateTime.of(after.startsAt(), zone).toInstant().equals(before.startsAt().toInstant())
                || !ZonedDateTime.of(after.endsAt(), zone).toInstant().equals(before.endsAt().toInstant());
        if (time) {
            notifications.send(stayed, id, link, RESCHEDULED, by.displayName());
        }
        if (!Objects.equals(Objects.toString(after.location(), ""), Objects.toString(before.location(), ""))) {
            notifications.send(stayed, id, link, MOVED, by.displayName());
        }
    }

    /**
     * An agenda item of a meeting was edited: the meeting's attendees are told, as of a change to the meeting itself —
     * those who may read the item as saved ({@link Notifications#send} asks the policy of the item, not the meeting).
     */
    void agendaItemChanged(DicasUser by, Meeting meeting, long agendaItemId) {
        notifications.send(attendees(by, meeting), agendaItemId, "/meetings/" + meeting.id() + "#agenda-" + agendaItemId,
                AGENDA_ITEM_CHANGED, by.displayName());
    }

    /** A decision of a meeting was edited: the meeting's attendees who may read the decision as saved are told. */
    void decisionChanged(DicasUser by, Meeting meeting, long decisionId) {
        notifications.send(attendees(by, meeting), decisionId, "/meetings/" + meeting.id() + "#decision-" + decisionId,
                DECISION_CHANGED, by.displayName());
    }

    private static List<Long> attendees(DicasUser by, Meeting meeting) {
        return others(by, meeting.attendees().stream().map(Meeting.Attendee::userId).toList());
    }

    /** A meeting was cancelled: its attendees are told. */
    void cancelled(DicasUser by, Meeting meeting) {
        notifications.send(attendees(by, meeting), meeting.id(), "/meetings/" + meeting.id(), CANCELLED,
                by.displayName());
    }

    private static List<Long> others(DicasUser by, List<Long> userIds) {
        Set<Long> out = new LinkedHashSet<>(userIds);
        out.remove(by.id());
        return List.copyOf(out);
    }
}
