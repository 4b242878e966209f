package org.dicas.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the reads of readers that are in no transaction of their own (a single-record API read, a page) by group
 * commit (ADR 0017): one writer thread takes every read waiting, writes them all in one transaction — its transaction
 * id first and one id per read in one statement, then the rows in another — and releases each reader only once that
 * transaction has committed. A reader is answered after its read is recorded, as before; what changes is that a hundred readers
 * arriving together cost one transaction instead of a hundred.
 */
@Component
class ReadBatcher implements SmartLifecycle {

    /** At most this many reads in one transaction. */
    static final int MAX_BATCH = 500;
    /** A reader waits this long for its read to be recorded, then fails rather than be served unrecorded. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ReadBatcher.class);

    /** One read waiting to be written. */
    record Read(String reader, String kind, long recordId, String detail, CompletableFuture<Void> recorded) {
    }

    private final LinkedBlockingQueue<Read> waiting = new LinkedBlockingQueue<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile boolean running;
    private Thread writer;

    ReadBatcher(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Hands the read to the writer and returns once it is committed; throws when it could not be recorded. */
    void record(String reader, String kind, long recordId, String detail) {
        Read read = new Read(reader, kind, recordId, detail, new CompletableFuture<>());
        if (!running) {
            write(List.of(read)); // before start or after stop: the reader's own transaction, as a batch of one
            join(read);
            return;
        }
        waiting.add(read);
        join(read);
    }

    private static void join(Read read) {
        try {
            read.recorded().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while the read was being recorded", e);
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("the read was not recorded within " + WAIT, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DataAccessResourceFailureException("the read could not be recorded", e.getCause());
        }
    }

    /** Reads handed over and not yet taken by the writer (for tests). */
    int waiting() {
        return waiting.size();
    }

    private void loop() {
        List<Read> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                Read first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                log.error("Recording audited reads failed", t);
            } finally {
                batch.clear();
            }
        }
        Read left;
        while ((left = waiting.poll()) != null) {
            left.recorded().completeExceptionally(new IllegalStateException("the platform is stopping"));
        }
    }

    /** One transaction: its id, then the reads' ids, then the rows; every reader learns the outcome. */
    private void write(List<Read> batch) {
        try {
            tx.executeWithoutResult(status -> {
                // The transaction id first, then the row ids: a row id the sealer has seen allocated then belongs to
                // a transaction that had started by then (ReadSealer's horizon rests on this order).
                List<Long> ids = jdbc.sql(AuditReads.IDS_AFTER_THE_TRANSACTION_ID)
                        .param("n", batch.size()).query(Long.class).list();
                Instant at = AuditChain.now(clock);
                int n = batch.size();
                Long[] recordIds = new Long[n];
                String[] actors = new String[n];
                String[] kinds = new String[n];
                String[] details = new String[n];
                String[] hashes = new String[n];
                for (int i = 0; i < n; i++) {
                    Read r = batch.get(i);
                    recordIds[i] = r.recordId();
                    actors[i] = r.reader();
                    kinds[i] = r.kind();
                    details[i] = r.detail();
                    hashes[i] = AuditReads.hash(ids.get(i), at, r.reader(), r.recordId(), r.kind(), r.detail());
                }
                // one statement for the whole batch (a batch of statements costs PostgreSQL one execution per row)
                int inserted = jdbc.sql("""
                                insert into audit_read (id, at, actor, record_id, record_kind, detail, hash)
                                select u.id, :at, u.actor, u.record_id, u.kind, u.detail, u.hash
                                from unnest(:ids, :actors, :records, :kinds, :details, :hashes)
                                     as u(id, actor, record_id, kind, detail, hash)""")
                        .param("at", Timestamp.from(at))
                        .param("ids", new SqlArrayValue("bigint", ids.toArray()))
                        .param("actors", new SqlArrayValue("text", (Object[]) actors))
                        .param("records", new SqlArrayValue("bigint", (Object[]) recordIds))
                        .param("kinds", new SqlArrayValue("text", (Object[]) kinds))
                        .param("details", new SqlArrayValue("text", (Object[]) details))
                        .param("hashes", new SqlArrayValue("text", (Object[]) hashes))
                        .update();
                if (inserted != n) {
                    throw new IllegalStateException(inserted + " of " + n + " audited reads written");
                }
            });
            batch.forEach(r -> r.recorded().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(r -> r.recorded().completeExceptionally(e));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = new Thread(this::loop, "audit-read-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        Thread w;
        synchronized (this) {
            running = false;
            w = writer;
            writer = null;
        }
        if (w != null) {
            try {
                w.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server and stops after it (Boot's web server lifecycles run at {@code DEFAULT_PHASE - 1024}
     * and {@code - 2048}; lower phases start first and stop last), so every request's read finds the writer running;
     * the connection pool closes after every lifecycle has stopped.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
