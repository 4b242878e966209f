package org.dicas.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dicas.notifications.internal.NoticeMail;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.dicas.titles.RecordTitles;
import org.dicas.titles.Titles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;

/**
 * Sends and lists in-app notifications. A notification stores the record it is about, a message key and
 * non-secret arguments (request number, acting nation) — never a copy of the record's title or content, nor a
 * sentence in one language. An argument that is a code people read (a nation, a status) is stored as its label
 * ({@link Sentence#nation}, {@link Sentence#label}: JSON, see {@link SentenceJson}), so it too reads in the reader's
 * language: 米国 in Japanese, United States in English, never the bare code. The sentence is built when read, in the reader's language, and the record appears in it through the
 * releasability policy: by its current title while the reader may read it, otherwise as "a record you can no longer
 * read", without title, link or marking.
 *
 * <p>A notice goes only to people who may read its record now (the releasability policy decides, in {@link #send}):
 * a sender may name anyone, a person who may not read the record is not told it exists. When e-mail is on (ADR 0035)
 * a notice to a person who chose e-mail is queued in the same transaction ({@code notice_mail}, or flagged for their
 * daily digest) and sent after the commit by {@link NoticeMail}, which never puts record content above PUBLIC in an
 * e-mail.
 */
@Service
public class Notifications {

    /** The argument {0} of every notification message: the record, as {@link #RECORD} or {@link #UNREADABLE}. */
    static final String RECORD = "notification.record";
    static final String UNREADABLE = "notification.record.unreadable";
    /** Shown for a notification whose key the bundles do not know (e.g. written by a newer version). */
    static final String FALLBACK = "notification.earlier";

    /** "{1} mentioned you in {0}": {1} is the author's name. */
    static final String MENTION = "notification.mention";

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final Directory directory;
    private final NoticeMail mail;
    private final RecordTitles titles;

    Notifications(JdbcClient jdbc, MarkedRecords records, Directory directory, NoticeMail mail, RecordTitles titles) {
        this.jdbc = jdbc;
        this.records = records;
        this.directory = directory;
        this.mail = mail;
        this.titles = titles;
    }

    /**
     * Notifies each user once about a record. {@code key} is a message key whose {0} is the record and {1}, {2} … are
     * {@code args}; the arguments are stored as they are, so they must say nothing a reader who loses access to the
     * record may not keep: facts of the event (a request number, the acting nation), never the record's title or
     * content (item, program, justification). The outcome belongs in the key. A code is passed as its label
     * ({@code Sentence.nation("JPN")}), never as the bare code. {@code link} is shown only while the reader may read
     * the record.
     */
    public void send(Collection<Long> userIds, long recordId, String link, String key, Object... args) {
        if (!Sentences.exists(key)) { // an unknown key fails the sender, not the reader
            throw new IllegalArgumentException("no message " + key + " in the bundles");
        }
        String argArray = SentenceJson.writeArgs(List.of(args));
        boolean mailOn = mail.enabled();
        boolean queued = false;
        List<DicasUser> recipients = directory.usersById(userIds).values().stream()
                .sorted(java.util.Comparator.comparingLong(DicasUser::id)).toList();
        for (DicasUser u : recipients) {
            if (!records.readable(recordId, u)) { // the policy: only a reader of the record is told of it
                continue;
            }
            long id = jdbc.sql("""
                            insert into notification (user_id, record_id, message_key, message_args, link, digest_pending)
                            values (:u, :r, :k, cast(:a as jsonb), :l, :mail and exists (
                                select 1 from notice_mail_preference p
                                where p.user_id = :u and p.address is not null and p.frequency = 'DAILY'))
                            returning id""")
                    .param("u", u.id()).param("r", recordId).param("k", key).param("a", argArray)
                    .param("l", link == null ? "" : link).param("mail", mailOn).query(Long.class).single();
            if (mailOn) {
                queued |= jdbc.sql("""
                                insert into notice_mail (user_id, kind, notification_ids)
                                select :u, 'IMMEDIATE', array[cast(:n as bigint)] where exists (
                                    select 1 from notice_mail_preference p
                                    where p.user_id = :u and p.address is not null and p.frequency = 'IMMEDIATE')""")
                        .param("u", u.id()).param("n", id).update() > 0;
            }
        }
        if (queued) {
            mail.sendAfterCommit();
        }
    }

    /**
     * Tells the people {@code @username}-mentioned in {@code text} (and not already in {@code before}, the text as it
     * was before an edit; empty for a new post) that {@code author} mentioned them in the record. Only a person who
     * may read the record is told ({@link #send}); a mention of anyone else stays plain text, and the post is saved
     * either way: a mention never widens who may read a record.
     */
    public void mentioned(DicasUser author, long recordId, String link, String before, String text) {
        java.util.Set<String> names = Mentions.in(text);
        names.removeAll(Mentions.in(before));
        names.remove(author.username());
        List<Long> ids = names.stream().map(directory::userByUsername).flatMap(Optional::stream)
                .map(DicasUser::id).toList();
        if (!ids.isEmpty()) {
            send(ids, recordId, link, MENTION, author.displayName());
        }
    }

    private record Row(long id, Long recordId, String key, List<Object> args, String link, Instant createdAt,
                       boolean read) {
    }

    /**
     * A page of the user's notifications, newest first (by id), as they may see them now, in {@code locale}. The
     * total counts the user's own notifications, also those about records they can no longer read: those are shown
     * too, without naming the record.
     */
    public Page<Notification> of(DicasUser user, Locale locale, Paging paging) {
        return of(user, locale, Optional.empty(), paging, TableView.NONE);
    }

    /** The read/unread facet of the notification list. */
    public enum State { UNREAD, READ }

    /** What the notification list sorts by: newest first unless asked otherwise; unread before read ascending. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("time", "n.created_at", true, "n.id")
            .and("read", "(n.read_at is not null)");

    /**
     * A page of the user's notifications, only the unread or the read ones when {@code state} says so, sorted as the
     * view asks ({@link #COLUMNS}; the texts are sentences rendered in the reader's language, so there is no text
     * filter), as the user may see them now, in {@code locale}; otherwise as {@link #of(DicasUser, Locale, Paging)}.
     */
    public Page<Notification> of(DicasUser user, Locale locale, Optional<State> state, Paging paging,
                                 TableView view) {
        // no text filter: a filter asked for is refused (ListColumns.where)
        String where = "where n.user_id = :u" + COLUMNS.where(view)
                + state.map(s -> s == State.UNREAD ? " and n.read_at is null" : " and n.read_at is not null")
                .orElse("");
        List<Row> rows = jdbc.sql("select n.id, n.record_id, n.message_key, n.message_args, n.link, n.created_at,"
                        + " n.read_at is not null from notification n " + where + " order by " + COLUMNS.order(view)
                        + " limit :size offset :offset")
                .param("u", user.id()).param("size", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
                        SentenceJson.readArgs(rs.getString(4)), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getBoolean(7))).list();
        long total = paging.totalWhenShown(rows.size());
        if (total < 0) {
            total = jdbc.sql("select count(*) from notification n " + where).param("u", user.id())
                    .query(Long.class).single();
        }
        return new Page<>(shown(user, locale, rows), paging, total);
    }

    private List<Notification> shown(DicasUser user, Locale locale, List<Row> rows) {
        List<Long> ids = rows.stream().map(Row::recordId).filter(Objects::nonNull).distinct().toList();
        // the records the reader may read now, with their titles in the reader's language and their markings: one
        // query for the page through the one read path (a record in a container is checked up its whole chain of
        // containers); a record missing here is shown as one the reader can no longer read
        RecordTitles.Listed titled = titles.listed(user, ids, locale);
        Map<Long, Titles> readable = titled.titles();
        List<Notification> out = new ArrayList<>();
        for (Row row : rows) {
            Optional<Titles> rec = Optional.ofNullable(row.recordId()).map(readable::get);
            Sentence record = rec.map(t -> Sentence.of(RECORD, titled.title(t.id())))
                    .orElseGet(() -> Sentence.of(UNREADABLE));
            List<Object> args = new ArrayList<>(row.args().size() + 1);
            args.add(record);
            args.addAll(row.args());
            String key = Sentences.exists(row.key()) ? row.key() : FALLBACK;
            out.add(new Notification(row.id(), row.key(), Sentences.render(new Sentence(key, args), locale),
                    rec.map(Titles::id).orElse(null), rec.isPresent() ? row.link() : "",
                    rec.map(Titles::marking).orElse(Marking.of(AccessLevel.PUBLIC)), row.createdAt(), row.read()));
        }
        return out;
    }

    public int unread(DicasUser user) {
        return jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
                .param("u", user.id()).query(Integer.class).single();
    }

    /** Marks all the user's notices read; answers how many were unread. */
    public int markAllRead(DicasUser user) {
        return jdbc.sql("update notification set read_at = now() where user_id = :u and read_at is null")
                .param("u", user.id()).update();
    }

    /** Marks one of the user's notices read (again: no change). Another user's notice, or none: not found. */
    public void markRead(DicasUser user, long id) {
        int n = jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :u")
                .param("id", id).param("u", user.id()).update();
        if (n == 0) {
            throw new NotFoundException("notification", id);
        }
    }

    /**
     * Opens one of the user's notices (the link of its e-mail): marks it read and answers where it leads, the
     * record's link while the user may read the record, otherwise nothing.
     */
    public Optional<String> open(DicasUser user, long id) {
        markRead(user, id);
        return jdbc.sql("select record_id, link from notification where id = :id and user_id = :u")
                .param("id", id).param("u", user.id())
                .query((rs, n) -> rs.getObject(1) == null || rs.getString(2).isEmpty()
                        || !records.readable(rs.getLong(1), user) ? "" : rs.getString(2))
                .optional().filter(l -> !l.isEmpty());
    }
}
