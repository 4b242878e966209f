package org.dicas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident audit log. Every entry stores the SHA-256 of the previous entry, and its own hash covers all of
 * its fields and that link, so editing or deleting a row breaks the chain at the next verification. Entries are
 * appended under a transaction-scoped advisory lock (one chain, no forks) and inside the caller's transaction, so an
 * action that rolls back leaves no entry. The database refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Service
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0xD1CA5L;

    public record Entry(long id, Instant at, String actor, String action, Long recordId, String recordKind,
                        String detail, String prevHash, String hash) {
    }

    public record Verification(boolean valid, long entries, Long firstBrokenEntry) {
    }

    public record Filter(String actor, String action, Long recordId, Instant from, Instant to, int limit) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Appends an entry; joins the caller's transaction when there is one. */
    public void append(String actor, String action, Long recordId, String recordKind, String detail) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", CHAIN_LOCK).query(Object.class).single();
            String prev = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class)
                    .optional().orElse(GENESIS);
            long id = jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single();
            Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            String d = detail == null ? "" : detail;
            String hash = hash(prev, id, at, actor, action, recordId, recordKind, d);
            jdbc.sql("""
                            insert into audit_entry (id, at, actor, action, record_id, record_kind, detail, prev_hash, hash)
                            values (:id, :at, :actor, :action, :rid, :kind, :detail, :prev, :hash)""")
                    .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                    .param("rid", recordId).param("kind", recordKind).param("detail", d).param("prev", prev)
                    .param("hash", hash).update();
        });
    }

    public void append(DicasUser actor, String action, Long recordId, String recordKind, String detail) {
        append(actor.username(), action, recordId, recordKind, detail);
    }

    /** Records the read of a single record when it is CUI (lists are not logged entry by entry). */
    public void read(DicasUser reader, String kind, long id, Marking marking) {
        if (marking.level() == AccessLevel.CUI) {
            append(reader, "READ", id, kind, marking.banner());
        }
    }

    static String hash(String prev, long id, Instant at, String actor, String action, Long recordId, String kind,
                       String detail) {
        String canonical = String.join("\u001f", prev, Long.toString(id), at.toString(), actor, action,
                recordId == null ? "" : recordId.toString(), kind == null ? "" : kind, detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the whole chain; the first entry whose link or content does not match is reported. */
    public Verification verify() {
        String[] expectedPrev = {GENESIS};
        long[] count = {0};
        Long[] broken = {null};
        jdbc.sql("select id, at, actor, action, record_id, record_kind, detail, prev_hash, hash from audit_entry order by id")
                .query(rs -> {
                    count[0]++;
                    if (broken[0] != null) {
                        return;
                    }
                    long id = rs.getLong(1);
                    Instant at = rs.getTimestamp(2).toInstant();
                    String recomputed = hash(rs.getString(8), id, at, rs.getString(3), rs.getString(4),
                            (Long) rs.getObject(5), rs.getString(6), rs.getString(7));
                    if (!rs.getString(8).equals(expectedPrev[0]) || !recomputed.equals(rs.getString(9))) {
                        broken[0] = id;
                    }
                    expectedPrev[0] = rs.getString(9);
                });
        return new Verification(broken[0] == null, count[0], broken[0]);
    }

    public List<Entry> entries(Filter f) {
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, action, record_id, record_kind, detail, prev_hash, hash from audit_entry where true""");
        Map<String, Object> p = new HashMap<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and actor = :actor");
            p.put("actor", f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and action = :action");
            p.put("action", f.action().strip());
        }
        if (f.recordId() != null) {
            sql.append(" and record_id = :rid");
            p.put("rid", f.recordId());
        }
        if (f.from() != null) {
            sql.append(" and at >= :from");
            p.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and at < :to");
            p.put("to", Timestamp.from(f.to()));
        }
        sql.append(" order by id desc limit :limit");
        p.put("limit", Math.max(1, Math.min(f.limit(), 1000)));
        return jdbc.sql(sql.toString()).params(p).query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9))).list();
    }

    public List<String> actions() {
        return new ArrayList<>(jdbc.sql("select distinct action from audit_entry order by action").query(String.class).list());
    }
}
