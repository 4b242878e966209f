package org.dicas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain of {@code audit_entry}: every entry stores the SHA-256 of the previous entry, and its own hash
 * covers all of its fields and that link. Entries are appended under a transaction-scoped advisory lock (one chain,
 * no forks) inside the caller's transaction, so an action that rolls back leaves no entry. Only the rare actions
 * take this lock; reads of CUI records do not (see {@link ReadSealer}).
 */
@Component
class AuditChain {

    static final String GENESIS = "0".repeat(64);
    /** The advisory lock every append holds until its transaction ends. */
    static final long LOCK = 0xD1CA5L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditChain(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /**
     * Appends an entry and answers its id; joins the caller's transaction when there is one. {@code detail} is text
     * the system reads back (a seal), empty otherwise; {@code sentence} what people read, as stored JSON
     * ({@link org.dicas.shared.SentenceJson}), or null for an entry that says nothing.
     */
    long append(String actor, String action, Long recordId, String recordKind, String detail, String sentence) {
        return tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
            String prev = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class)
                    .optional().orElse(GENESIS);
            long id = jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single();
            Instant at = now(clock);
            String d = detail == null ? "" : detail;
            String hash = hash(prev, id, at, actor, action, recordId, recordKind, d, sentence);
            jdbc.sql("""
                            insert into audit_entry (id, at, actor, action, record_id, record_kind, detail,
                                                     detail_sentence, prev_hash, hash)
                            values (:id, :at, :actor, :action, :rid, :kind, :detail, :sentence, :prev, :hash)""")
                    .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("action", action)
                    .param("rid", recordId).param("kind", recordKind).param("detail", d).param("sentence", sentence)
                    .param("prev", prev).param("hash", hash).update();
            return id;
        });
    }

    /** The time an audited event is stamped with (PostgreSQL keeps microseconds). */
    static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The hash of one entry: its link to the previous entry and all of its fields (ADR 0032). An entry without a
     * sentence (every entry written before sentences were kept) is hashed exactly as it always was; one with a
     * sentence hashes its JSON, as stored, as one more field after the detail, and starts with {@value #SENTENCE_FORM}
     * where the older form starts with the previous hash (hex digits), so that no entry of one form can be passed off
     * as one of the other. The JSON is the last field and holds no separator (JSON escapes control characters).
     */
    static String hash(String prev, long id, Instant at, String actor, String action, Long recordId, String kind,
                       String detail, String sentence) {
        String fields = String.join(SEPARATOR, prev, Long.toString(id), at.toString(), actor, action,
                recordId == null ? "" : recordId.toString(), kind == null ? "" : kind, detail);
        return sha256(sentence == null ? fields : String.join(SEPARATOR, SENTENCE_FORM, fields, sentence));
    }

    private static final String SEPARATOR = "\u001f";
    /** The first field of the hashed text of an entry that holds a sentence. */
    static final String SENTENCE_FORM = "sentence";

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
