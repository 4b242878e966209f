package org.dicas.forum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.security.RecordMarking;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.titles.RecordTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every forum repository needs: the database, the record registry, the policy's SQL predicate, and the people
 * who may be chosen for a record (owner, attendee, member): only those who may read it.
 */
@Component
class ForumRecords {

    final JdbcClient jdbc;
    final MarkedRecords records;
    final ReadableRecords readable;
    final AuditLog audit;
    /** Who is told of a change (inside the writer's transaction). */
    final ForumNotices notices;
    final RecordTitles titles;
    private final Directory directory;
    private final ReleasabilityPolicy policy;

    ForumRecords(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit, Directory directory,
                 ReleasabilityPolicy policy, ForumNotices notices, RecordTitles titles) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.titles = titles;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
        this.policy = policy;
    }

    /** A single record shown to a user: CUI reads go into the audit log. */
    <T> T shown(DicasUser user, String kind, long id, Marking marking, T value) {
        audit.read(user, kind, id, marking);
        return value;
    }

    /** A query over marked records as the user may see them (policy tokens, see {@link ReadableRecords}). */
    JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    static Marking marking(String banner) {
        return Marking.required(banner);
    }

    /** True when the record exists, is of that kind and the user may read it; checks ids a request refers to. */
    boolean readable(Long id, String kind, DicasUser user) {
        return id != null && records.readableAs(id, kind, user);
    }

    /**
     * Whether the user may read record {@code recordId} as it was, or would be, marked {@code marking} (a document's
     * earlier version): the record's origin, owning company and export authorizations with that marking, asked of
     * the one policy.
     */
    boolean mayReadMarkedAs(DicasUser user, Marking marking, long recordId) {
        RecordMarking current = records.find(recordId).orElseThrow();
        return policy.mayRead(user, new RecordMarking(marking, current.originNation(),
                marking.propin() ? current.owningCompanyId() : Optional.empty(), records.authorizationsOf(recordId)));
    }

    // ------------------------------------------------------------------------------------------- people pickers

    /**
     * The record as it will be once {@code writer} saves it with {@code marking}: a new record originates in the
     * writer's nation; an existing one ({@code existingId}) keeps its origin and export authorizations; a PROPIN
     * record belongs to the writer's company (as the registry sets it).
     */
    RecordMarking asSaved(Marking marking, DicasUser writer, Long existingId) {
        Optional<Long> company = marking.propin() ? writer.companyId() : Optional.empty();
        if (existingId == null) {
            return new RecordMarking(marking, writer.nation(), company);
        }
        RecordMarking current = records.find(existingId).orElseThrow();
        return new RecordMarking(marking, current.originNation(), company, records.authorizationsOf(existingId));
    }

    /**
     * The people a picker offers for a record {@code writer} saves with the marking the form holds ({@code banner}):
     * the enabled users who may read it. A marking that does not parse yet offers the readers of the record as it is
     * ({@code existingId}), or no one for a new record.
     */
    List<DicasUser> readers(DicasUser writer, String banner, Long existingId) {
        RecordMarking rm;
        try {
            rm = asSaved(Marking.parse(banner == null ? "" : banner.strip()), writer, existingId);
        } catch (InvalidMarkingException e) {
            if (existingId == null) {
                return List.of();
            }
            rm = records.find(existingId).orElseThrow();
        }
        RecordMarking record = rm;
        return directory.users().stream().filter(u -> policy.mayRead(u, record)).toList();
    }

    /**
     * Refuses, naming {@code field}, the first chosen user who may not read the record as saved. A user id that
     * does not exist gets the very same answer: the pickers offer neither.
     */
    void mustRead(String field, Collection<Long> userIds, RecordMarking record) {
        Map<Long, DicasUser> users = directory.usersById(userIds.stream().filter(java.util.Objects::nonNull).toList());
        for (Long id : userIds) {
            DicasUser u = id == null ? null : users.get(id);
            if (u == null || !policy.mayRead(u, record)) {
                throw InvalidInputException.of(field, "forum.error.userMayNotRead", id, record.marking().banner());
            }
        }
    }

    /** Refuses a working group the request names ({@code workingGroupId}) that the user may not read or that does not exist. */
    void mustReadWorkingGroup(Long workingGroupId, DicasUser user) {
        if (workingGroupId != null && !readable(workingGroupId, "WORKING_GROUP", user)) {
            throw InvalidInputException.of("workingGroupId", "forum.error.noWorkingGroup", workingGroupId);
        }
    }
}
