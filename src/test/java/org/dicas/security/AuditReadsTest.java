package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dicas.PlatformTest;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of CUI records are recorded without the chain's lock and sealed into the chain in batches (ADR 0017): every
 * read is recorded and sealed, a read still being written holds the seal back, and a removed, altered or slipped-in
 * read breaks its batch.
 */
@PlatformTest
class AuditReadsTest {

    static final Marking CUI = Marking.required("CUI");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditReads reads;
    @Autowired
    ReadSealer sealer;
    @Autowired
    ReadBatcher batcher;
    @Autowired
    Directory directory;
    @Autowired
    PlatformTransactionManager txManager;

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** A record id no other test reads, so counts are this test's own. */
    static long freshRecordId() {
        return 1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    long record(String reader, long recordId) {
        reads.record(reader, "DOCUMENT", recordId, CUI.banner());
        return jdbc.sql("select max(id) from audit_read where record_id = :r").param("r", recordId).query(Long.class).single();
    }

    /** The READS_SEALED entry whose range holds this read id. */
    long sealOf(long readId) {
        return jdbc.sql("select id, detail from audit_entry where action = 'READS_SEALED' order by id")
                .query((rs, n) -> Map.entry(rs.getLong(1), ReadSeal.parse(rs.getString(2)).orElseThrow())).list().stream()
                .filter(e -> e.getValue().covers(readId)).findFirst().orElseThrow().getKey();
    }

    TransactionTemplate newTransaction() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }

    @Test
    void aCuiReadIsRecordedAndSealedIntoTheChain() {
        long recordId = freshRecordId();
        audit.read(directory.userByUsername("us.navy").orElseThrow(), "DOCUMENT", recordId, CUI);
        long read = jdbc.sql("select id from audit_read where record_id = :r").param("r", recordId).query(Long.class).single();
        AuditLog.Verification v = audit.verifyEverything();
        assertThat(v.valid()).isTrue();
        assertThat(v.unsealedReads()).isZero();
        assertThat(v.reads()).isPositive();
        assertThat(jdbc.sql("select actor from audit_entry where id = :id").param("id", sealOf(read)).query(String.class)
                .single()).isEqualTo(ReadSealer.ACTOR);
    }

    @Test
    void aRemovedReadBreaksItsBatch() {
        long read = record("tester", freshRecordId());
        record("tester", freshRecordId());
        sealer.sealNow();
        long seal = sealOf(read);
        var row = jdbc.sql("select * from audit_read where id = :id").param("id", read).query().singleRow();
        AuditTampering.whileForged(jdbc, "audit_read",
                () -> jdbc.sql("delete from audit_read where id = :id").param("id", read).update(),
                () -> jdbc.sql("""
                                insert into audit_read (id, at, actor, record_id, record_kind, detail, hash)
                                values (:id, :at, :actor, :record_id, :record_kind, :detail, :hash)""")
                        .params(row).update(),
                () -> {
                    AuditLog.Verification v = audit.verifyEverything();
                    assertThat(v.valid()).isFalse();
                    assertThat(v.firstBrokenReadBatch()).isEqualTo(seal);
                    assertThat(v.firstBrokenEntry()).isNull();
                    Http http = new Http(port);
                    var body = http.get("/api/v1/audit/verify?full=true", http.token("admin", "demo")).json();
                    assertThat(body.get("valid").asBoolean()).isFalse();
                    assertThat(body.get("firstBrokenReadBatch").asLong()).isEqualTo(seal);
                });
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void anAlteredReadBreaksItsBatchAndIsNamed() {
        long read = record("tester", freshRecordId());
        sealer.sealNow();
        long seal = sealOf(read);
        AuditTampering.whileForged(jdbc, "audit_read",
                () -> jdbc.sql("update audit_read set actor = 'someone.else' where id = :id").param("id", read).update(),
                () -> jdbc.sql("update audit_read set actor = 'tester' where id = :id").param("id", read).update(),
                () -> {
                    AuditLog.Verification v = audit.verifyEverything();
                    assertThat(v.valid()).isFalse();
                    assertThat(v.firstBrokenReadBatch()).isEqualTo(seal);
                    assertThat(v.firstBrokenRead()).isEqualTo(read);
                });
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void anAlteredReadWithARecomputedHashStillBreaksItsBatch() {
        long read = record("tester", freshRecordId());
        sealer.sealNow();
        long seal = sealOf(read);
        var row = jdbc.sql("select at, record_id, hash from audit_read where id = :id").param("id", read).query().singleRow();
        Instant at = ((java.sql.Timestamp) row.get("at")).toInstant();
        String forged = AuditReads.hash(read, at, "someone.else", (Long) row.get("record_id"), "DOCUMENT", CUI.banner());
        AuditTampering.whileForged(jdbc, "audit_read",
                () -> jdbc.sql("update audit_read set actor = 'someone.else', hash = :h where id = :id")
                        .param("h", forged).param("id", read).update(),
                () -> jdbc.sql("update audit_read set actor = 'tester', hash = :h where id = :id")
                        .param("h", row.get("hash")).param("id", read).update(),
                () -> {
                    AuditLog.Verification v = audit.verifyEverything();
                    assertThat(v.firstBrokenRead()).as("the row is consistent in itself").isNull();
                    assertThat(v.firstBrokenReadBatch()).isEqualTo(seal);
                    assertThat(v.valid()).isFalse();
                });
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void aReadSlippedIntoASealedRangeBreaksItsBatch() {
        record("tester", freshRecordId());
        long gap = audit.append("tester", "TEST", null, null, AuditChainTest.detail("an id inside the range that is not a read"));
        record("tester", freshRecordId());
        sealer.sealNow();
        long seal = sealOf(gap);
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long recordId = freshRecordId();
        jdbc.sql("""
                        insert into audit_read (id, at, actor, record_id, record_kind, detail, hash)
                        values (:id, :at, 'tester', :r, 'DOCUMENT', 'CUI', :h)""")
                .param("id", gap).param("at", java.sql.Timestamp.from(at)).param("r", recordId)
                .param("h", AuditReads.hash(gap, at, "tester", recordId, "DOCUMENT", "CUI")).update();
        try {
            AuditLog.Verification v = audit.verifyEverything();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenReadBatch()).isEqualTo(seal);
            assertThat(v.firstBrokenRead()).isNull();
        } finally {
            AuditTampering.withTriggerOff(jdbc, "audit_read",
                    () -> jdbc.sql("delete from audit_read where id = :id").param("id", gap).update());
        }
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void aCuiReadCompletesWhileAChainAppendWaitsForTheChainLock() throws Exception {
        Http http = new Http(port);
        String token = http.token("us.navy", "demo");
        long doc = http.post("/api/v1/documents", token, Map.of("title", "Read under the lock", "body", "b", "marking", "CUI"))
                .json().get("id").asLong();
        try (OpenTransaction chainLock = openTransaction(() -> holdAdvisoryLock(AuditChain.LOCK))) {
            Future<Long> append = threads.submit(() -> audit.append("tester", "TEST", null, null, AuditChainTest.detail("behind the lock")));
            awaitAWaiterOnTheChainLock();

            int readsBefore = readsOf(doc);
            Future<Http.Response> read = threads.submit(() -> http.get("/api/v1/documents/" + doc, token));
            assertThat(read.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(readsOf(doc)).as("the read is recorded").isEqualTo(readsBefore + 1);
            assertThat(append.isDone()).as("the chain append is still waiting for the lock").isFalse();

            chainLock.close();
            assertThat(append.get(60, TimeUnit.SECONDS)).isPositive();
        }
    }

    int readsOf(long recordId) {
        return jdbc.sql("select count(*) from audit_read where record_id = :d").param("d", recordId).query(Integer.class)
                .single();
    }

    /** Until PostgreSQL shows a session waiting for the chain's advisory lock (the lock's key is its objid). */
    void awaitAWaiterOnTheChainLock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and objid::bigint = :k and not granted")
                    .param("k", AuditChain.LOCK).query(Integer.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no append waited for the chain lock");
    }

    void holdAdvisoryLock(long key) {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", key).query(Object.class).single();
    }

    /** A transaction of another session (another request, another node), kept open until closed. */
    interface OpenTransaction extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code work} in a new transaction on another thread and leaves that transaction open. */
    OpenTransaction openTransaction(Runnable work) {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> f = threads.submit(() -> newTransaction().executeWithoutResult(s -> {
            work.run();
            done.countDown();
            await(release);
        }));
        await(done);
        return () -> {
            release.countDown();
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aReadStillBeingWrittenHoldsBackTheSeal() throws Exception {
        long slowRecord = freshRecordId();
        AtomicLong slowId = new AtomicLong();
        try (OpenTransaction slow = openTransaction(() -> slowId.set(record("slow.reader", slowRecord)))) {
            long later = record("quick.reader", freshRecordId());
            assertThat(later).isGreaterThan(slowId.get());

            AuditLog.Verification held = audit.verify();
            assertThat(sealer.sealedThrough()).as("nothing at or after the read in flight is sealed").isLessThan(slowId.get());
            assertThat(held.unsealedReads()).isPositive();
            assertThat(held.valid()).isTrue();
        }
        AuditLog.Verification after = audit.verifyEverything();
        assertThat(after.valid()).isTrue();
        assertThat(after.unsealedReads()).isZero();
        assertThat(sealer.sealedThrough()).isGreaterThanOrEqualTo(slowId.get());
        assertThat(jdbc.sql("select count(*) from audit_read where id = :id").param("id", slowId.get())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void manyConcurrentCuiReadsAreAllRecordedAndSealed() throws Exception {
        long recordId = freshRecordId();
        DicasUser reader = directory.userByUsername("us.navy").orElseThrow();
        int readers = 6;
        int readsEach = 100;
        AtomicBoolean reading = new AtomicBoolean(true);
        Future<?> sealing = threads.submit(() -> {
            while (reading.get()) {
                sealer.step(false);
            }
        });
        List<Future<?>> all = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            all.add(threads.submit(() -> {
                for (int i = 0; i < readsEach; i++) {
                    // readers commit in another order than they took their ids, while the sealer seals
                    newTransaction().executeWithoutResult(s -> {
                        audit.read(reader, "DOCUMENT", recordId, CUI);
                        jdbc.sql("select pg_sleep(:s)").param("s", ThreadLocalRandom.current().nextInt(10) / 1000.0)
                                .query(Object.class).single();
                    });
                }
            }));
        }
        for (Future<?> f : all) {
            f.get(120, TimeUnit.SECONDS);
        }
        reading.set(false);
        sealing.get(60, TimeUnit.SECONDS);

        AuditLog.Verification v = audit.verifyEverything();
        assertThat(v.valid()).as(v.toString()).isTrue();
        assertThat(v.unsealedReads()).isZero();
        List<Long> ids = jdbc.sql("select id from audit_read where record_id = :r order by id").param("r", recordId)
                .query(Long.class).list();
        assertThat(ids).hasSize(readers * readsEach);
        assertThat(ids.get(ids.size() - 1)).isLessThanOrEqualTo(sealer.sealedThrough());
    }

    String horizonXid() {
        return jdbc.sql("select xid::text from audit_read_horizon").query(String.class).single();
    }

    @Test
    void aScheduledStepLeavesTheSealingToTheNodeThatIsSealing() throws Exception {
        try (OpenTransaction otherNode = openTransaction(() -> holdAdvisoryLock(ReadSealer.LOCK))) {
            record("tester", freshRecordId()); // something to seal, which no sealer can take while the lock is held
            String horizon = horizonXid();
            assertThat(sealer.step(false)).isEmpty();
            assertThat(horizonXid()).as("the step did not move the horizon").isEqualTo(horizon);
        }
    }

    @Test
    void aBatchWhoseIdsAreDrawnAlreadyHoldsATransactionIdThatHoldsBackTheHorizon() throws Exception {
        // ReadSealer's horizon rests on this: once a read's id is drawn, its transaction has an id that a sealing
        // step sees as running. Held here between drawing the ids and writing the rows (the insert waits for a lock),
        // before the writer has written anything that would assign a transaction id by itself.
        long recordId = freshRecordId();
        try (OpenTransaction lock = openTransaction(
                () -> jdbc.sql("lock table audit_read in share mode").update())) {
            Future<Boolean> read = threads.submit(() -> readAndSeeIt("horizon.reader", recordId));
            awaitAWaiterOn("audit_read");
            String writerXid = jdbc.sql("""
                            select backend_xid::text from pg_stat_activity
                            where wait_event_type = 'Lock' and query like '%insert into audit_read%'""")
                    .query(String.class).optional().orElse(null);
            assertThat(writerXid).as("the waiting writer's transaction id").isNotNull();
            Boolean running = newTransaction().execute(s -> jdbc.sql(
                            "select not pg_visible_in_snapshot(cast(:x as xid8), pg_current_snapshot())")
                    .param("x", writerXid).query(Boolean.class).single());
            assertThat(running).as("a sealing step now sees the writer's transaction as running").isTrue();
            lock.close();
            assertThat(read.get(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void readersInNoTransactionAreRecordedTogetherAndEachIsAnsweredOnlyOnceItsReadIsCommitted() throws Exception {
        long recordId = freshRecordId();
        int readers = 20;
        try (OpenTransaction lock = openTransaction(
                () -> jdbc.sql("lock table audit_read in share mode").update())) {
            // a first read is taken by the writer, whose insert now waits for the lock
            Future<Boolean> first = threads.submit(() -> readAndSeeIt("first.reader", recordId));
            awaitAWaiterOn("audit_read");
            List<Future<Boolean>> queued = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String reader = "queued.reader." + i;
                queued.add(threads.submit(() -> readAndSeeIt(reader, recordId)));
            }
            for (int i = 0; i < 600 && batcher.waiting() < readers; i++) {
                Thread.sleep(50);
            }
            assertThat(batcher.waiting()).as("the readers wait for the writer").isEqualTo(readers);
            assertThat(first.isDone()).as("no reader is answered before its read is committed").isFalse();
            assertThat(queued).noneMatch(Future::isDone);

            lock.close();
            assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> f : queued) {
                assertThat(f.get(60, TimeUnit.SECONDS)).as("the reader's own read is visible when it is answered")
                        .isTrue();
            }
        }
        assertThat(jdbc.sql("""
                        select count(distinct xmin::text) from audit_read
                        where record_id = :r and actor like 'queued.reader.%'""")
                .param("r", recordId).query(Integer.class).single())
                .as("the queued readers' reads were written in one transaction").isEqualTo(1);
        AuditLog.Verification v = audit.verifyEverything();
        assertThat(v.valid()).as(v.toString()).isTrue();
        assertThat(v.unsealedReads()).isZero();
    }

    @Test
    void readsWhoseTextLooksLikeArraySyntaxAreWrittenExactlyAsGiven() throws Exception {
        long recordId = freshRecordId();
        List<String> details = List.of("a,b", "{x,y}", "back\\slash", "\"quoted\"", "NULL", "", "防衛装備庁 (ATLA)",
                "CUI//REL TO USA, JPN");
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            String reader = "awkward.reader." + i;
            String detail = details.get(i);
            writes.add(threads.submit(() -> reads.record(reader, "DOCUMENT", recordId, detail)));
        }
        for (Future<?> f : writes) {
            f.get(60, TimeUnit.SECONDS);
        }
        List<String> written = jdbc.sql("""
                        select detail from audit_read where record_id = :r
                        order by cast(substring(actor from 'awkward.reader.([0-9]+)') as int)""")
                .param("r", recordId).query(String.class).list();
        assertThat(written).containsExactlyElementsOf(details);
        AuditLog.Verification v = audit.verifyEverything();
        assertThat(v.valid()).as(v.toString()).isTrue();
    }

    /** Records a read outside any transaction, then looks for it from another connection. */
    boolean readAndSeeIt(String reader, long recordId) {
        reads.record(reader, "DOCUMENT", recordId, CUI.banner());
        return jdbc.sql("select count(*) from audit_read where record_id = :r and actor = :a").param("r", recordId)
                .param("a", reader).query(Integer.class).single() == 1;
    }

    /** Until PostgreSQL shows a session waiting for a lock on {@code table}. */
    void awaitAWaiterOn(String table) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (jdbc.sql("""
                            select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                            where c.relname = :t and not l.granted""")
                    .param("t", table).query(Integer.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing waited for a lock on " + table);
    }
}
