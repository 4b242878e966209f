package org.dicas.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals reads into the hash chain: one {@code READS_SEALED} entry per batch of {@code audit_read} rows (ADR 0017).
 * One sealer at a time in the whole cluster (an advisory lock on the shared database); a step runs every
 * {@code dicas.audit.seal-interval} and, on demand, before a verification.
 *
 * <p>A batch is an id range, and a range may only be sealed once no transaction can still commit a read inside it.
 * Each step therefore sets a <em>horizon</em>: the last id allocated so far, then (in that order) its own
 * transaction id. A reader takes its transaction id before its row id ({@link AuditReads}), so every read with an id
 * up to the horizon belongs to a transaction older than the step's. A later step seals up to that horizon once the
 * oldest running transaction is younger than the step's: by then every such read is committed (and visible) or
 * rolled back (a gap). Nothing is marked: the chain entry names the range.
 */
@Component
class ReadSealer {

    /** The chain entries' actor; not a possible user name. */
    static final String ACTOR = "dicas:read-sealer";
    /** Held by the step that is sealing; another node's step skips (scheduled) or waits (on demand). */
    static final long LOCK = 0xD1CA6L;
    private static final Logger log = LoggerFactory.getLogger(ReadSealer.class);

    private record Horizon(long readsThrough, String xid) {
    }

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final TransactionTemplate tx;

    ReadSealer(JdbcClient jdbc, AuditChain chain, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${dicas.audit.seal-interval:PT1S}", initialDelayString = "${dicas.audit.seal-interval:PT1S}")
    void sealPeriodically() {
        try {
            step(false);
        } catch (DataAccessException e) {
            log.warn("Sealing audited reads failed, will retry: {}", e.getMessage());
        }
    }

    /**
     * Seals every read committed before this call, unless a transaction that started before it is still running
     * (those reads stay unsealed until the next step). Two steps: the first sets the horizon, the second seals it.
     */
    void sealNow() {
        step(true);
        step(true);
    }

    /** One step: seals up to the horizon when it has settled, then sets the next horizon. */
    Optional<ReadSeal> step(boolean waitForOtherSealer) {
        return tx.execute(status -> {
            if (!lock(waitForOtherSealer)) {
                return Optional.<ReadSeal>empty();
            }
            // first the last allocated id, then (below) this transaction's id: the order the horizon needs
            long allocated = jdbc.sql("select coalesce(pg_sequence_last_value('audit_entry_id_seq'), 0)")
                    .query(Long.class).single();
            Optional<Horizon> horizon = jdbc.sql("select reads_through, xid::text from audit_read_horizon")
                    .query((rs, n) -> new Horizon(rs.getLong(1), rs.getString(2))).optional();
            long sealedThrough = sealedThrough();
            if (horizon.map(h -> h.readsThrough() == allocated).orElse(false) && !readsAfter(sealedThrough)) {
                return Optional.<ReadSeal>empty(); // idle: nothing allocated since the horizon, nothing to seal
            }
            String xid = jdbc.sql("select pg_current_xact_id()::text").query(String.class).single();
            if (horizon.isPresent() && !settled(horizon.get())) {
                return Optional.<ReadSeal>empty();
            }
            Optional<ReadSeal> seal = horizon.flatMap(h -> seal(sealedThrough, h.readsThrough()));
            jdbc.sql("""
                            insert into audit_read_horizon (reads_through, xid) values (:through, cast(:xid as xid8))
                            on conflict (singleton) do update set reads_through = excluded.reads_through, xid = excluded.xid""")
                    .param("through", allocated).param("xid", xid).update();
            return seal;
        });
    }

    private boolean readsAfter(long id) {
        // max(id) is one step down the primary key; "exists (… where id > :id)" may scan the whole table
        return jdbc.sql("select coalesce(max(id), 0) > :id from audit_read").param("id", id).query(Boolean.class)
                .single();
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", LOCK).query(Object.class).single();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single();
    }

    /** True when every transaction that was running when the horizon was set has ended. */
    private boolean settled(Horizon h) {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot()) > cast(:xid as xid8)").param("xid", h.xid())
                .query(Boolean.class).single();
    }

    private Optional<ReadSeal> seal(long sealedThrough, long through) {
        if (through <= sealedThrough) {
            return Optional.empty();
        }
        ReadSeal.Batch batch = new ReadSeal.Batch();
        jdbc.sql("select hash from audit_read where id > :after and id <= :through order by id")
                .param("after", sealedThrough).param("through", through)
                .query(rs -> {
                    batch.add(rs.getString(1));
                });
        if (batch.count() == 0) {
            return Optional.empty(); // only gaps: the next seal's range covers them
        }
        ReadSeal seal = batch.seal(sealedThrough + 1, through);
        chain.append(ACTOR, ReadSeal.ACTION, null, null, seal.detail(), null);
        return Optional.of(seal);
    }

    /** The last read id the chain has sealed (0 before the first seal). */
    long sealedThrough() {
        return jdbc.sql("select detail from audit_entry where action = :a order by id desc limit 1")
                .param("a", ReadSeal.ACTION).query(String.class).optional()
                .flatMap(ReadSeal::parse).map(ReadSeal::last).orElse(0L);
    }
}
