package org.dicas.forum;

import org.dicas.security.DicasUser;
import org.dicas.security.Role;
import org.dicas.security.WriteDecision;

/**
 * Who may write what in the forum, in one place: one named rule per action, each answering allow, or reject with a
 * stable code (a message key of both bundles) and an English reason. The services enforce them
 * ({@code ForumWriteRules.editDocument(user, d).orThrow()}, a 403 naming the reason); the pages only ask them which
 * buttons and forms to show. Reading is not decided here: whoever may not read a record gets 404 before any rule is
 * asked. Plain Java on purpose: no Spring, no database ({@code ForumWriteRulesTest} is its table).
 */
public final class ForumWriteRules {

    public static final String SECRETARIAT_ONLY = "rule.workingGroup.secretariatOnly";
    public static final String DOCUMENT_ONLY_AUTHOR = "rule.document.onlyAuthor";
    public static final String THREAD_ONLY_AUTHOR = "rule.thread.onlyAuthor";
    public static final String REPLY_ONLY_AUTHOR = "rule.reply.onlyAuthor";
    public static final String MEETING_GOVERNMENT_ONLY = "rule.meeting.governmentOnly";
    public static final String ACTION_GOVERNMENT_ASSIGNS = "rule.actionItem.governmentAssigns";
    public static final String ACTION_OWNER_OR_GOVERNMENT = "rule.actionItem.ownerOrGovernment";

    private ForumWriteRules() {
    }

    // ------------------------------------------------------------------------------------------- working groups

    /** The secretariat (ADMIN) creates working groups. */
    public static WriteDecision createWorkingGroup(DicasUser user) {
        return secretariat(user);
    }

    /** The secretariat (ADMIN) changes working groups: terms of reference, co-chairs, members, marking. */
    public static WriteDecision editWorkingGroup(DicasUser user, WorkingGroup group) {
        return secretariat(user);
    }

    private static WriteDecision secretariat(DicasUser user) {
        return user.hasRole(Role.ADMIN) ? WriteDecision.allow()
                : WriteDecision.reject(SECRETARIAT_ONLY);
    }

    // ------------------------------------------------------------------------------------------- documents

    /** Anyone signed in adds a document to the library. */
    public static WriteDecision addDocument(DicasUser user) {
        return WriteDecision.allow();
    }

    /** Only its author edits a document. */
    public static WriteDecision editDocument(DicasUser user, Document document) {
        return document.authorId() == user.id() ? WriteDecision.allow()
                : WriteDecision.reject(DOCUMENT_ONLY_AUTHOR);
    }

    // ------------------------------------------------------------------------------------------- discussions

    /** Anyone signed in starts a thread. */
    public static WriteDecision startThread(DicasUser user) {
        return WriteDecision.allow();
    }

    /** Only its author edits a thread. */
    public static WriteDecision editThread(DicasUser user, DiscussionThread thread) {
        return thread.authorId() == user.id() ? WriteDecision.allow()
                : WriteDecision.reject(THREAD_ONLY_AUTHOR);
    }

    /** Anyone who may read a thread replies to it. */
    public static WriteDecision reply(DicasUser user, DiscussionThread thread) {
        return WriteDecision.allow();
    }

    /** Only its author edits or deletes a reply. (A deleted reply is not changed at all: bad input, not a rule.) */
    public static WriteDecision changeReply(DicasUser user, Reply reply) {
        return reply.authorId() == user.id() ? WriteDecision.allow()
                : WriteDecision.reject(REPLY_ONLY_AUTHOR);
    }

    // ------------------------------------------------------------------------------------------- meetings

    /** Government users (policy, acquisition, service staff, secretariat) organise meetings. */
    public static WriteDecision organiseMeeting(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(MEETING_GOVERNMENT_ONLY);
    }

    /** Whoever organises meetings changes one: kind, times, place, attendees, marking. */
    public static WriteDecision editMeeting(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    /** Whoever organises meetings records a meeting's minutes. */
    public static WriteDecision recordMinutes(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    /** Whoever organises meetings adds to a meeting's agenda. */
    public static WriteDecision addAgendaItem(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    /** Whoever organises meetings records a meeting's decisions (which may move a pipeline stage). */
    public static WriteDecision recordDecision(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    /**
     * Whoever organises meetings edits an agenda item after the fact (title, text, presenter, linked record, marking):
     * the agenda is the organisers' — a presenter is a name on it, not an account that owns it.
     */
    public static WriteDecision editAgendaItem(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    /** Whoever records decisions edits one after the fact (its text, agenda item and marking). */
    public static WriteDecision editDecision(DicasUser user, Meeting meeting) {
        return organiseMeeting(user);
    }

    // ------------------------------------------------------------------------------------------- action items

    /** Government users assign action items (from a meeting or on their own). */
    public static WriteDecision assignActionItem(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(ACTION_GOVERNMENT_ASSIGNS);
    }

    /** Its owner or a government user changes an action item, or marks it done or open again. */
    public static WriteDecision changeActionItem(DicasUser user, ActionItem item) {
        return user.government() || item.ownerId() == user.id() ? WriteDecision.allow()
                : WriteDecision.reject(ACTION_OWNER_OR_GOVERNMENT);
    }
}
