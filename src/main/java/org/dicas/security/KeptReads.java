package org.dicas.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.dicas.platform.KeptInMemory;
import org.dicas.security.internal.DatabaseChanges;
import org.dicas.shared.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads kept between requests so that they need not ask the database again (issue 11): records read by id, kept as
 * every reader would see them — the row and its marking, before the policy (ADR 0049) — and pages of lists, kept for
 * the values of the policy they were read under (ADR 0050). {@link ReadableRecords#one} asks the policy about a kept
 * marking on every read, for the reader of that read; {@link ReadableRecords#keptPage} gives a kept page only to a
 * reader with the same values of the policy, today. Both read only tables whose changes notify ({@link #HEARD_TABLES}).
 * What is kept never outlives what it was read from by more than the delivery of a notification:
 * <ul>
 *   <li>Every change that can alter a kept row, or who may read it, notifies every node when it commits: the V51
 *       triggers on the policy epoch (which every statement on records, authorizations, users and organizations moves,
 *       V20) and on the kept tables call {@code pg_notify('dicas_records')}, and {@link DatabaseChanges} tells this
 *       keeper to forget everything. A change made by hand in SQL is seen.</li>
 *   <li>Nothing is kept while the node does not know that it hears ({@link DatabaseChanges#hearing()}), nor read from
 *       what is kept inside a transaction (a writer sees its own writes, from the database).</li>
 *   <li>An entry holds the generation of forgetting it was read under: a read that began before a forgetting is never
 *       used after it, even when it is filed after it.</li>
 *   <li>This node forgets at once, and again when the transaction ends, when a record changes here
 *       ({@link RecordChanged}) or an export authorization does ({@link #forgetAfterCommit}), so its own next read
 *       does not wait for the notification.</li>
 *   <li>An entry is kept at most {@code dicas.security.kept-records.keep} (30 s by default; {@code 0} keeps nothing),
 *       and all entries together weigh at most {@code dicas.security.kept-records.max-weight} (about that many bytes,
 *       16 MB by default).</li>
 * </ul>
 */
@Component
class KeptReads implements KeptInMemory {

    /** The notification channel of the V51 triggers, and the V20 triggers that move the epoch it follows. */
    static final DatabaseChanges.Channel CHANNEL = new DatabaseChanges.Channel("dicas_records", List.of(
            new DatabaseChanges.Triggers("policy_epoch", "notify_readable_records_changed", 3),
            new DatabaseChanges.Triggers("document", "notify_readable_records_changed", 4),
            new DatabaseChanges.Triggers("record", "policy_epoch_moves", 1),
            new DatabaseChanges.Triggers("record_authorization", "policy_epoch_moves", 1),
            new DatabaseChanges.Triggers("export_authorization", "policy_epoch_moves", 1),
            new DatabaseChanges.Triggers("app_user", "policy_epoch_moves", 1),
            new DatabaseChanges.Triggers("organization", "policy_epoch_moves", 1)));

    /** The tables whose every change notifies on {@link #CHANNEL}: a kept read reads no other. */
    static final Set<String> HEARD_TABLES = CHANNEL.triggers().stream().map(DatabaseChanges.Triggers::table)
            .collect(Collectors.toUnmodifiableSet());

    /** What a query asked for one record by id. */
    record Key(String sql, long id) {
    }

    /**
     * What a query asked for one page of a list: its text (filtered and ordered), the values of the policy it was read
     * under (the reader's, today's date among them), the query's own values, and the page.
     */
    record PageKey(String sql, Map<String, Object> policy, Map<String, Object> values, long offset, int size) {
        PageKey {
            policy = Map.copyOf(policy);
            values = Map.copyOf(values);
        }
    }

    /** A row as every reader would see it, with its record's marking; the weight is about its size in bytes. */
    record Row(Object value, RecordMarking marking, int weight) {
    }

    /** What a read found (for a read by id, also that it found nothing), with the generation it was read under. */
    private record Kept(Object value, int weight, long generation) {
    }

    /** About the bytes an entry that holds no row takes. */
    private static final int NOTHING_WEIGHS = 96;

    private final DatabaseChanges changes;
    private final Duration keep;
    private final Cache<Object, Kept> kept;
    private final AtomicLong generation = new AtomicLong();
    private final Counter keptAnswers;
    private final Counter databaseAnswers;

    @Autowired
    KeptReads(DatabaseChanges changes, @Value("${dicas.security.kept-records.keep:PT30S}") Duration keep,
              @Value("${dicas.security.kept-records.max-weight:16000000}") long maxWeight,
              ObjectProvider<MeterRegistry> meters) {
        this(changes, keep, maxWeight, System::nanoTime, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    KeptReads(DatabaseChanges changes, Duration keep, long maxWeight, LongSupplier nanoTime, MeterRegistry meters) {
        this.changes = changes;
        this.keep = keep;
        this.kept = Caffeine.newBuilder().maximumWeight(Math.max(0, maxWeight)).executor(Runnable::run)
                .weigher((Object k, Kept v) -> v.weight()).ticker(nanoTime::getAsLong)
                .expireAfterWrite(positive(keep) ? keep : Duration.ZERO).build();
        this.keptAnswers = Counter.builder("dicas.security.kept.records").tag("answer", "kept")
                .description("reads by id and pages of lists answered from what an earlier read kept")
                .register(meters);
        this.databaseAnswers = Counter.builder("dicas.security.kept.records").tag("answer", "database")
                .description("reads by id and pages of lists answered from the database").register(meters);
        if (changes != null && positive(keep)) {
            changes.subscribe(CHANNEL, this::forgetAll);
        }
    }

    /** Whether rows are kept and used now: keeping is on, the node hears changes, and no transaction is active. */
    boolean keeping() {
        return changes != null && positive(keep) && changes.hearing()
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * The row {@code key} names: kept, or read by {@code read} and kept. Call only when {@link #keeping()}. That no row
     * was found is kept too: a missing id then answers as fast as a kept row the reader may not read, so the time of an
     * answer does not tell a hidden record from a missing one (a record created later moves the policy epoch, and every
     * node forgets).
     */
    Optional<Row> row(Key key, Supplier<Optional<Row>> read) {
        return answer(key, read, row -> row.map(Row::weight).orElse(NOTHING_WEIGHS));
    }

    /**
     * The page {@code key} names: kept, or read by {@code read} and kept. Call only when {@link #keeping()}; the page
     * must hold values that do not change (records, immutable lists).
     */
    <T> Page<T> page(PageKey key, Supplier<Page<T>> read, ToIntFunction<T> weight) {
        return answer(key, read, page -> {
            long bytes = NOTHING_WEIGHS;
            for (T item : page.items()) {
                bytes += weight.applyAsInt(item);
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        });
    }

    private <V> V answer(Object key, Supplier<V> read, ToIntFunction<V> weight) {
        Kept k = kept.getIfPresent(key);
        if (k != null && k.generation() == generation.get()) {
            keptAnswers.increment();
            @SuppressWarnings("unchecked") V value = (V) k.value();
            return value;
        }
        databaseAnswers.increment();
        long before = generation.get();
        V fresh = read.get();
        kept.put(key, new Kept(fresh, weight.applyAsInt(fresh), before));
        return fresh;
    }

    /** Counts a read answered from the database because nothing is kept now. */
    void readFromTheDatabase() {
        databaseAnswers.increment();
    }

    /** Forgets every row kept: what was read before now is not used again. */
    void forgetAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    /**
     * Forgets every row kept now and, inside a transaction, again when it ends: a read between now and the commit still
     * sees the old rows and must not outlive the commit.
     */
    void forgetAfterCommit() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            // once per transaction, however many records it changes
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeptReads.this);
                    forgetAll();
                }
            });
        }
    }

    /**
     * The generation of forgetting now (it moves with every forgetting): a page rendered from what is kept is served
     * again only while it stands ({@link KeptInMemory}), and tests wait until it settles.
     */
    @Override
    public long generation() {
        return generation.get();
    }

    /** A record changed on this node (published inside the writing transaction): forget now and after it. */
    @EventListener
    void on(RecordChanged changed) {
        forgetAfterCommit();
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
