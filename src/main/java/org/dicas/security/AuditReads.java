package org.dicas.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of single CUI records: one row each in {@code audit_read}, written inside the reader's transaction (or, for a
 * reader in none, together with the other readers of the moment) but without the chain's lock, so readers never wait
 * for one another; each row carries the hash of its own fields, and
 * {@link ReadSealer} seals them into the chain in batches (ADR 0017).
 */
@Component
class AuditReads {

    static final String ACTION = "READ";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReadBatcher batcher;

    AuditReads(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock, ReadBatcher batcher) {
        this.jdbc = jdbc;
        this.batcher = batcher;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /**
     * Records one read: inside the caller's transaction when there is one (a read whose transaction rolls back was not
     * served); otherwise by group commit with the other readers of the moment ({@link ReadBatcher}). Either way it
     * returns once the read is recorded.
     */
    void record(String reader, String kind, long recordId, String detail) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            batcher.record(reader, kind, recordId, detail);
            return;
        }
        tx.executeWithoutResult(status -> {
            long id = jdbc.sql(IDS_AFTER_THE_TRANSACTION_ID).param("n", 1).query(Long.class).single();
            Instant at = AuditChain.now(clock);
            jdbc.sql("""
                            insert into audit_read (id, at, actor, record_id, record_kind, detail, hash)
                            values (:id, :at, :actor, :rid, :kind, :detail, :hash)""")
                    .param("id", id).param("at", Timestamp.from(at)).param("actor", reader).param("rid", recordId)
                    .param("kind", kind).param("detail", detail)
                    .param("hash", hash(id, at, reader, recordId, kind, detail)).update();
        });
    }

    /** The hash of one read row: all of its fields, in the chain's canonical form with an empty link. */
    /**
     * {@code :n} read ids, taken after the transaction's id: a row id the sealer has seen allocated then belongs to a
     * transaction that had started by then (ReadSealer's horizon rests on this order). One round trip: the subquery
     * with OFFSET 0 is a planner fence (never flattened into the outer query), and the outer nextval is computed only
     * for its rows, which already carry the transaction id — a data dependency, not an evaluation order.
     */
    static final String IDS_AFTER_THE_TRANSACTION_ID = """
            select nextval('audit_entry_id_seq')
            from (select pg_current_xact_id() as xid offset 0) x cross join generate_series(1, :n)
            where x.xid is not null""";

    static String hash(long id, Instant at, String reader, long recordId, String kind, String detail) {
        return AuditChain.hash("", id, at, reader, ACTION, recordId, kind, detail, null);
    }
}
