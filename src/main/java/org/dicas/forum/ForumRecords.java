package org.dicas.forum;

import java.util.Map;
import java.util.Optional;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What every forum repository needs: the database, the record registry and the policy's SQL predicate. */
@Component
class ForumRecords {

    final JdbcClient jdbc;
    final MarkedRecords records;
    final ReadableRecords readable;
    final AuditLog audit;

    ForumRecords(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
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


}
