package org.dicas.forum;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import org.dicas.shared.Sentence;
import org.dicas.titles.RecordTitles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Threaded discussions. Anyone may post; authors edit and delete their own posts ({@link ForumWriteRules}). */
@Service
public class Discussions {

    private final ForumRecords f;

    Discussions(ForumRecords f) {
        this.f = f;
    }

    private static final String THREADS = """
            select t.id, r.marking, t.working_group_id, t.title, t.body, t.author_id, u.display_name, r.created_at,
                   t.last_activity_at,
                   (select count(*) from reply x join record xr on xr.id = x.id
                     where x.thread_id = t.id and {readable:xr}) as replies, r.version
            from discussion_thread t join record r on r.id = t.id join app_user u on u.id = t.author_id
            where r.kind = 'THREAD' and {readable:r}""";

    private DiscussionThread thread(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DiscussionThread(rs.getLong(1), Marking.parse(rs.getString(2)), (Long) rs.getObject(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(), rs.getInt(10), rs.getLong(11));
    }

    private org.springframework.jdbc.core.simple.JdbcClient.StatementSpec threads(String sql, DicasUser user) {
        return f.visible(sql, user);
    }

    /** A page of the threads the user may read, latest activity first (then by id, newest first). */
    public Page<DiscussionThread> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /**
     * What the thread list sorts and filters by: latest activity first unless asked otherwise; the reply count counts
     * only the replies the reader may read.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("activity", "t.last_activity_at", true, "t.id")
            .and("title", "lower(t.title)").and("author", "lower(u.display_name)").and("replies", "replies", true)
            .and("started", "r.created_at", true).filterIn("t.title", "t.body", "u.display_name");

    /** A page of the threads the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<DiscussionThread> list(DicasUser user, Paging paging, TableView view) {
        return f.readable.page(user, THREADS, COLUMNS, Map.of(), paging, view, (rs, n) -> thread(rs));
    }

    public List<DiscussionThread> recent(DicasUser user, int limit) {
        return threads(THREADS + " order by t.last_activity_at desc, t.id desc limit :limit", user).param("limit", limit)
                .query((rs, n) -> thread(rs)).list();
    }

    public List<DiscussionThread> ofWorkingGroup(DicasUser user, long wg) {
        return threads(THREADS + " and t.working_group_id = :wg order by t.last_activity_at desc, t.id desc", user)
                .param("wg", wg).query((rs, n) -> thread(rs)).list();
    }

    public DiscussionThread thread(DicasUser user, long id) {
        DiscussionThread t = threads(THREADS + " and t.id = :id", user).param("id", id).query((rs, n) -> thread(rs))
                .optional().orElseThrow(() -> new NotFoundException("thread", id));
        return f.shown(user, "THREAD", id, t.marking(), t);
    }

    public ThreadWithReplies get(DicasUser user, long id) {
        DiscussionThread t = thread(user, id);
        return new ThreadWithReplies(t, replies(user, id));
    }

    private static final String REPLIES = """
            select p.id, r.marking, p.thread_id, p.parent_id, p.body, p.author_id, u.display_name,
                   r.created_at, p.edited_at, p.deleted_at, r.version
            from reply p join record r on r.id = p.id join app_user u on u.id = p.author_id
            where {readable:r} and p.thread_id = :t""";

    private static Reply replyRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        boolean deleted = rs.getTimestamp(10) != null;
        return new Reply(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getLong(3),
                (Long) rs.getObject(4), deleted ? "" : rs.getString(5), rs.getLong(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)), deleted, rs.getLong(11));
    }

    public List<Reply> replies(DicasUser user, long threadId) {
        return f.visible(REPLIES + " order by p.id", user).param("t", threadId).query((rs, n) -> replyRow(rs)).list();
    }

    /** A page of the replies of a thread the user may read, oldest first (by id). */
    public Page<Reply> replies(DicasUser user, long threadId, Paging paging) {
        return f.readable.page(user, REPLIES, "p.id", Map.of("t", threadId), paging, (rs, n) -> replyRow(rs));
    }

    /** One reply; its thread must be readable too (404 otherwise, whatever the reply's own marking). */
    public Reply reply(DicasUser user, long threadId, long replyId) {
        thread(user, threadId);
        return replies(user, threadId).stream().filter(r -> r.id() == replyId).findFirst()
                .orElseThrow(() -> new NotFoundException("reply", replyId));
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Transactional
    public DiscussionThread start(DicasUser user, ThreadCommand c) {
        ForumWriteRules.startThread(user).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        f.mustReadWorkingGroup(c.workingGroupId(), user);
        long id = f.records.register("THREAD", c.title(), c.title() + "\n" + c.body(), marking, Optional.empty(), user,
                i -> "/discussions/" + i);
        f.jdbc.sql("insert into discussion_thread (id, working_group_id, title, body, author_id) values (:id, :wg, :t, :b, :a)")
                .param("id", id).param("wg", c.workingGroupId()).param("t", c.title()).param("b", c.body())
                .param("a", user.id()).update();
        f.notices.mentioned(user, id, "/discussions/" + id, "", c.body());
        return thread(user, id);
    }

    @Transactional
    public DiscussionThread edit(DicasUser user, long id, ExpectedVersion expected, ThreadCommand c) {
        DiscussionThread t = thread(user, id);
        ForumWriteRules.editThread(user, t).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        f.mustReadWorkingGroup(c.workingGroupId(), user);
        f.records.update(id, expected, c.title(), c.title() + "\n" + c.body(), marking, Optional.empty(), user);
        f.jdbc.sql("update discussion_thread set working_group_id = :wg, title = :t, body = :b where id = :id")
                .param("id", id).param("wg", c.workingGroupId()).param("t", c.title()).param("b", c.body()).update();
        f.notices.mentioned(user, id, "/discussions/" + id, t.body(), c.body());
        return thread(user, id);
    }

    @Transactional
    public Reply addReply(DicasUser user, long threadId, ReplyCommand c) {
        DiscussionThread t = thread(user, threadId);
        ForumWriteRules.reply(user, t).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        if (c.parentId() != null && replies(user, threadId).stream().noneMatch(r -> r.id() == c.parentId())) {
            throw InvalidInputException.of("parentId", "forum.error.noReplyInThread", threadId, c.parentId());
        }
        RecordTitles.Composed title = replyTitle(t);
        long id = f.records.register("REPLY", title.english(), c.body(), marking, Optional.empty(), user,
                i -> "/discussions/" + threadId + "#reply-" + i);
        f.titles.composed(id, title);
        f.jdbc.sql("insert into reply (id, thread_id, parent_id, body, author_id) values (:id, :t, :p, :b, :a)")
                .param("id", id).param("t", threadId).param("p", c.parentId()).param("b", c.body())
                .param("a", user.id()).update();
        f.records.placeIn(id, threadId);
        f.jdbc.sql("update discussion_thread set last_activity_at = now() where id = :t").param("t", threadId).update();
        f.notices.replied(user, threadId, id, c.parentId());
        f.notices.mentioned(user, id, "/discussions/" + threadId + "#reply-" + id, "", c.body());
        return reply(user, threadId, id);
    }

    @Transactional
    public Reply editReply(DicasUser user, long threadId, long replyId, ExpectedVersion expected, ReplyCommand c) {
        Reply r = ownReply(user, threadId, replyId);
        Marking marking = ForumRecords.marking(c.marking());
        RecordTitles.Composed title = replyTitle(thread(user, threadId));
        f.records.update(replyId, expected, title.english(), c.body(), marking, Optional.empty(), user);
        f.titles.composed(replyId, title);
        f.jdbc.sql("update reply set body = :b, edited_at = now() where id = :id")
                .param("id", r.id()).param("b", c.body()).update();
        f.notices.mentioned(user, replyId, "/discussions/" + threadId + "#reply-" + replyId, r.body(), c.body());
        return reply(user, threadId, replyId);
    }

    /** Deletes a reply's text; the reply keeps its place and shows as deleted. */
    @Transactional
    public Reply deleteReply(DicasUser user, long threadId, long replyId, ExpectedVersion expected) {
        Reply r = ownReply(user, threadId, replyId);
        f.jdbc.sql("update reply set body = '', deleted_at = now() where id = :id").param("id", r.id()).update();
        RecordTitles.Composed title = replyTitle(thread(user, threadId));
        f.records.deleted(replyId, expected, title.english(), user);
        f.titles.composed(replyId, title);
        return reply(user, threadId, replyId);
    }

    /** A reply's title in each language from its thread's title in that language (「…への返信」 / "Re: …"). */
    private RecordTitles.Composed replyTitle(DiscussionThread t) {
        Map<String, String> thread = f.titles.held(t.id(), t.title());
        return RecordTitles.Composed.each(lang -> Sentence.of("discussion.reply.title", thread.get(lang)));
    }

    private Reply ownReply(DicasUser user, long threadId, long replyId) {
        Reply r = reply(user, threadId, replyId);
        ForumWriteRules.changeReply(user, r).orThrow();
        if (r.deleted()) {
            throw InvalidInputException.of("reply", "forum.error.replyDeleted", replyId);
        }
        return r;
    }
}
