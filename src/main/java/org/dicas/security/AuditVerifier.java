package org.dicas.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the audit: the chain link by link and every sealed batch of reads row by row (ADR 0017). A walk starts
 * after the remembered checkpoint — whose entry must still hold the remembered hash — or, for a full walk, at the
 * beginning; a walk that finds nothing wrong moves the checkpoint to where it ended.
 */
@Component
class AuditVerifier {

    /** Where a walk starts: after this entry, with these totals; the start of the chain for a full walk. */
    record Checkpoint(long lastId, String lastHash, long entries, long reads, long sealedThrough) {
        static final Checkpoint START = new Checkpoint(0, AuditChain.GENESIS, 0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuditVerifier(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.snapshot = new TransactionTemplate(txManager);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    AuditLog.Verification verify(boolean full) {
        Checkpoint from = full ? Checkpoint.START : checkpoint().orElse(Checkpoint.START);
        Walk walk = snapshot.execute(status -> {
            Walk w = new Walk(from);
            streaming.query("""
                    select id, at, actor, action, record_id, record_kind, detail, prev_hash, hash, detail_sentence
                    from audit_entry where id >= ? order by id""", w::entry, from.lastId());
            w.endOfChain();
            streaming.query("select id, at, actor, record_id, record_kind, detail, hash from audit_read where id > ? order by id",
                    w::read, from.sealedThrough());
            w.endOfReads();
            return w;
        });
        AuditLog.Verification v = walk.result(full);
        if (v.valid() && walk.lastId > from.lastId()) {
            remember(new Checkpoint(walk.lastId, walk.lastHash, v.entries(), v.reads(), walk.sealedThrough));
        }
        return v;
    }

    Optional<Checkpoint> checkpoint() {
        return jdbc.sql("select last_id, last_hash, entries, reads, sealed_through from audit_checkpoint")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).optional();
    }

    private void remember(Checkpoint c) {
        tx.executeWithoutResult(status -> jdbc.sql("""
                        insert into audit_checkpoint (last_id, last_hash, entries, reads, sealed_through, verified_at)
                        values (:id, :hash, :entries, :reads, :sealed, :at)
                        on conflict (singleton) do update set last_id = excluded.last_id, last_hash = excluded.last_hash,
                            entries = excluded.entries, reads = excluded.reads, sealed_through = excluded.sealed_through,
                            verified_at = excluded.verified_at
                        where excluded.last_id > audit_checkpoint.last_id""")
                .param("id", c.lastId()).param("hash", c.lastHash()).param("entries", c.entries())
                .param("reads", c.reads()).param("sealed", c.sealedThrough())
                .param("at", Timestamp.from(AuditChain.now(clock))).update());
    }

    /** A seal found on the walk: the chain entry and what it says (empty when its detail is not a seal). */
    private record SealEntry(long entryId, Optional<ReadSeal> seal) {
    }

    /** One walk: the chain entries in id order, then the reads in id order against the seals found. */
    private static final class Walk {
        private final Checkpoint from;
        private boolean anchorPending;
        private String expectedPrev;
        long lastId;
        String lastHash;
        private long checked;
        private Long firstBrokenEntry;

        private final List<SealEntry> seals = new ArrayList<>();
        long sealedThrough;
        private int current;
        private ReadSeal.Batch batch = new ReadSeal.Batch();
        private long sealedReads;
        private long unsealedReads;
        private Long firstBrokenBatch;
        private Long firstBrokenRead;

        Walk(Checkpoint from) {
            this.from = from;
            this.anchorPending = from.lastId() > 0;
            this.expectedPrev = from.lastHash();
            this.lastId = from.lastId();
            this.lastHash = from.lastHash();
            this.sealedThrough = from.sealedThrough();
        }

        void entry(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            String action = rs.getString(4);
            String detail = rs.getString(7);
            String prev = rs.getString(8);
            String hash = rs.getString(9);
            boolean intact = AuditChain.hash(prev, id, rs.getTimestamp(2).toInstant(), rs.getString(3), action,
                    (Long) rs.getObject(5), rs.getString(6), detail, rs.getString(10)).equals(hash);
            if (anchorPending) {
                // the checkpoint's own entry: still there, unchanged, with the hash that was verified
                anchorPending = false;
                if (id == from.lastId()) {
                    if (!intact || !hash.equals(from.lastHash())) {
                        brokenEntry(id);
                    }
                    return;
                }
                brokenEntry(from.lastId());
            }
            checked++;
            if (!intact || !prev.equals(expectedPrev)) {
                brokenEntry(id);
            }
            expectedPrev = hash;
            lastId = id;
            lastHash = hash;
            if (ReadSeal.ACTION.equals(action)) {
                seals.add(new SealEntry(id, ReadSeal.parse(detail)));
            }
        }

        void endOfChain() {
            if (anchorPending) {
                brokenEntry(from.lastId());
            }
            // the seals must cover the reads without gaps or overlaps, in chain order
            long through = sealedThrough;
            for (SealEntry s : seals) {
                if (s.seal().isEmpty() || s.seal().get().first() != through + 1
                        || s.seal().get().last() < s.seal().get().first()) {
                    brokenBatch(s.entryId());
                }
                through = s.seal().map(ReadSeal::last).orElse(through);
            }
        }

        void read(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            String hash = rs.getString(7);
            boolean intact = AuditReads.hash(id, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6)).equals(hash);
            while (current < seals.size() && id > last(seals.get(current))) {
                closeBatch();
            }
            if (!intact && firstBrokenRead == null) {
                firstBrokenRead = id;
            }
            if (current == seals.size()) {
                unsealedReads++;
                return;
            }
            SealEntry s = seals.get(current);
            if (!intact || s.seal().filter(seal -> seal.covers(id)).isEmpty()) {
                brokenBatch(s.entryId());
            }
            batch.add(hash);
        }

        void endOfReads() {
            while (current < seals.size()) {
                closeBatch();
            }
        }

        private static long last(SealEntry s) {
            return s.seal().map(ReadSeal::last).orElse(Long.MIN_VALUE);
        }

        private void closeBatch() {
            SealEntry s = seals.get(current++);
            ReadSeal found = batch.seal(0, 0);
            if (s.seal().isEmpty() || found.count() != s.seal().get().count()
                    || !found.digest().equals(s.seal().get().digest())) {
                brokenBatch(s.entryId());
            }
            sealedReads += found.count();
            sealedThrough = Math.max(sealedThrough, last(s));
            batch = new ReadSeal.Batch();
        }

        private void brokenEntry(long id) {
            if (firstBrokenEntry == null) {
                firstBrokenEntry = id;
            }
        }

        private void brokenBatch(long entryId) {
            if (firstBrokenBatch == null) {
                firstBrokenBatch = entryId;
            }
        }

        AuditLog.Verification result(boolean full) {
            boolean valid = firstBrokenEntry == null && firstBrokenBatch == null && firstBrokenRead == null;
            return new AuditLog.Verification(valid, from.entries() + checked, firstBrokenEntry,
                    from.reads() + sealedReads, unsealedReads, firstBrokenBatch, firstBrokenRead, full,
                    from.lastId(), checked, lastId, lastHash);
        }
    }
}
