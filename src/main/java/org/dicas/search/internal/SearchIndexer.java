package org.dicas.search.internal;

import org.dicas.shared.IdArray;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.store.FSDirectory;
import org.dicas.search.engine.BilingualIndex;
import org.dicas.search.engine.IndexedRecord;
import org.dicas.search.text.Glossary;
import org.dicas.security.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.dicas.security.ReadableRecords;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this node's bilingual index ({@code dicas.data-dir}/search-index) equal to the {@code record} table, which
 * every node shares (ADR 0010, 0018).
 * <ul>
 *   <li>The change log ({@link ChangeLog}, {@code record_change}, written by a trigger on {@code record}) is applied
 *       in order every {@code dicas.search.change-log.poll-interval} (250 ms): each entry's record is re-read and
 *       re-indexed (or removed when its row is gone). Entries are applied as soon as they are visible; the position
 *       that is remembered — in the index's own commit, so index and position are durable together — moves only past
 *       entries of transactions older than every running one, so a late commit cannot slip behind it.</li>
 *   <li>On start: the index is opened and caught up from its position. A missing index, one of another schema or
 *       glossary, one without a position or whose position is older than the oldest kept change (the log was pruned
 *       past it), is rebuilt instead: reconciled with the table (records missing or changed since, by
 *       {@code updated_at}, are indexed; rows gone are removed). Up to {@code dicas.search.background-rebuild-above}
 *       records (or log entries) of work this happens before the application serves; beyond, in the background.</li>
 *   <li>On every {@link RecordChanged} of this node: the record is re-read and re-indexed once its transaction
 *       commits, so the writer's next request sees its change without waiting for the log.</li>
 *   <li>Every few seconds the index is committed with its position; every
 *       {@code dicas.search.change-log.prune-interval} one node prunes the log of entries older than
 *       {@code dicas.search.change-log.retention}.</li>
 * </ul>
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 1000;
    static final int COMPACT_UP_TO_DOCUMENTS = 50_000;
    static final Duration COMPACT_AT_MOST_EVERY = Duration.ofSeconds(30);
    private static final String POSITION = "record_change";

    /** What a reconciliation did. */
    public record Reconciliation(int indexed, int removed, long millis) {
    }

    /** How this node's index started: opened and caught up from the log, or rebuilt from the table (and why). */
    public enum Start { CAUGHT_UP, BUILT, REBUILT_BEHIND_THE_LOG }

    private final ReadableRecords records;
    private final ChangeLog changeLog;
    private final Path directory;
    private final int backgroundAbove;
    private final Duration pollInterval;
    private final Duration retention;
    private final Glossary glossary;
    /** Held while rows are read and written to the index, so an older read never overwrites a newer one. */
    private final Object writing = new Object();
    /** Entries after {@link #position} that have been applied already (their transactions may still be running). */
    private final Map<Long, ChangeLog.Position> appliedAhead = new HashMap<>();
    private volatile ChangeLog.Position position = ChangeLog.Position.START;
    private volatile BilingualIndex index;
    private volatile boolean ready;
    private volatile Start start;
    private ScheduledExecutorService follower;
    /** When the follower last merged the index into one segment (its thread only). */
    private long lastCompaction = System.nanoTime() - COMPACT_AT_MOST_EVERY.toNanos();

    SearchIndexer(ReadableRecords records, ChangeLog changeLog, @Value("${dicas.data-dir}") String dataDir,
                  @Value("${dicas.search.background-rebuild-above:5000}") int backgroundAbove,
                  @Value("${dicas.search.change-log.poll-interval:PT0.25S}") Duration pollInterval,
                  @Value("${dicas.search.change-log.retention:P7D}") Duration retention) {
        this.records = records;
        this.changeLog = changeLog;
        this.directory = Path.of(dataDir).toAbsolutePath().resolve("search-index");
        this.backgroundAbove = backgroundAbove;
        this.pollInterval = pollInterval;
        this.retention = retention;
        this.glossary = loadGlossary();
    }

    static Glossary loadGlossary() {
        try {
            return Glossary.shipped();
        } catch (RuntimeException e) {
            log.warn("Search runs without the EN/JA glossary (no cross-language concepts): {}", e.getMessage());
            return null;
        }
    }

    @PostConstruct
    void start() throws IOException {
        long t0 = System.nanoTime();
        index = open(directory);
        Optional<ChangeLog.Position> kept = index.committed(POSITION).flatMap(ChangeLog.Position::parse);
        Optional<ChangeLog.Position> pruned = changeLog.pruned();
        Runnable work;
        long amount;
        if (kept.isPresent() && (pruned.isEmpty() || kept.get().compareTo(pruned.get()) >= 0)) {
            start = Start.CAUGHT_UP;
            position = kept.get();
            amount = changeLog.countAfter(position);
            work = () -> {
                long applied = catchUp();
                log.info("Search index in {} caught up from the change log: {} changes applied, {} ms", directory,
                        applied, (System.nanoTime() - t0) / 1_000_000);
            };
        } else {
            start = index.created() ? Start.BUILT : Start.REBUILT_BEHIND_THE_LOG;
            // every entry of a transaction older than the horizon is in the table the reconciliation reads next
            position = ChangeLog.Position.below(changeLog.horizon());
            amount = staleIds(index, databaseVersions()).size();
            work = () -> {
                Reconciliation r = reconcile(index);
                catchUp();
                try {
                    commitWithPosition(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                log.info("Search index {} in {}{}: {} records indexed, {} removed, {} ms",
                        index.created() ? "built" : "rebuilt", directory,
                        start == Start.REBUILT_BEHIND_THE_LOG ? " (its position was older than the oldest kept change)"
                                : "", r.indexed(), r.removed(), (System.nanoTime() - t0) / 1_000_000);
            };
        }
        if (amount <= backgroundAbove) {
            work.run();
            ready = true;
        } else {
            log.info("Search index in {}: {} records or changes to apply, continuing in the background", directory,
                    amount);
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Search index rebuild failed", e);
                } finally {
                    ready = true;
                }
            }, "search-index-rebuild");
            t.setDaemon(true);
            t.start();
        }
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-change-log");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(this::follow, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) an index in the directory with the shipped glossary. */
    public BilingualIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return BilingualIndex.open(FSDirectory.open(dir), glossary);
    }

    public BilingualIndex index() {
        return index;
    }

    /** False while a background rebuild is still running. */
    public boolean ready() {
        return ready;
    }

    /** How the index started on this node. */
    public Start started() {
        return start;
    }

    public Path directory() {
        return directory;
    }

    public Glossary glossary() {
        return glossary;
    }

    /** Brings the index in line with the {@code record} table: indexes what is missing or changed, removes the rest. */
    public Reconciliation reconcile(BilingualIndex target) {
        long t0 = System.nanoTime();
        try {
            Map<Long, Long> inDatabase = databaseVersions();
            List<Long> stale = staleIds(target, inDatabase);
            Set<Long> gone = new HashSet<>(target.versions().keySet());
            gone.removeAll(inDatabase.keySet());
            for (int i = 0; i < stale.size(); i += BATCH) {
                synchronized (writing) {
                    target.upsert(load(stale.subList(i, Math.min(stale.size(), i + BATCH))));
                }
            }
            synchronized (writing) {
                Set<Long> stillGone = new HashSet<>(gone);
                load(gone).forEach(r -> stillGone.remove(r.id()));
                target.delete(stillGone);
            }
            target.refresh();
            target.commit();
            return new Reconciliation(stale.size(), gone.size(), (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> staleIds(BilingualIndex target, Map<Long, Long> inDatabase) throws IOException {
        Map<Long, Long> inIndex = target.versions();
        return inDatabase.entrySet().stream()
                .filter(e -> !e.getValue().equals(inIndex.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
    }

    private Map<Long, Long> databaseVersions() {
        Map<Long, Long> out = new java.util.HashMap<>();
        records.everyRecord("select r.id, " + MICROS + " from record r where {everyRecord:r}", INDEX_ALL)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** A {@code record r} row's last change in microseconds: the version the index keeps of it. */
    public static final String MICROS = "(extract(epoch from r.updated_at) * 1000000)::bigint";
    private static final String INDEX_ALL = "the index holds every record; each query filters by the reader's readable set";

    /**
     * A record's titles in the other language (and the own language's when it is held beside the record's title,
     * ADR 0031), each on a line after its own title, so a record is found by its title in either language; a change
     * of these moves the record's version, so the change log brings it here.
     */
    private static final String OTHER_TITLES = "coalesce((select string_agg(E'\\n' || t.title, '' order by t.language)"
            + " from record_title t where t.record_id = r.id and t.title <> r.title), '')";
    /** The short summaries of both languages, after the record's own text. */
    private static final String SUMMARIES = "coalesce((select string_agg(E'\\n' || t.summary, '' order by t.language)"
            + " from record_title t where t.record_id = r.id and t.summary <> ''), '')";

    List<IndexedRecord> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = IdArray.of(ids);
        return records.everyRecord("select r.id, r.kind, r.title || " + OTHER_TITLES + ", r.search_text || "
                        + SUMMARIES + ", r.marking, r.link, coalesce(r.container_id, 0), " + MICROS
                        + " from record r where {everyRecord:r} and r.id = any(cast(:ids as bigint[]))", INDEX_ALL)
                .param("ids", array)
                .query((rs, n) -> new IndexedRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    /**
     * Re-reads these records and indexes them as they are now (removing those no longer in the table), and makes
     * that searchable. Applying a record twice, or out of order, leaves the same index: it is always the current row.
     */
    public void reindex(Collection<Long> ids) {
        BilingualIndex target = index;
        if (target == null || ids.isEmpty()) {
            return;
        }
        try {
            synchronized (writing) {
                List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
                for (int i = 0; i < all.size(); i += BATCH) {
                    List<Long> part = all.subList(i, Math.min(all.size(), i + BATCH));
                    List<IndexedRecord> rows = load(part);
                    Set<Long> gone = new LinkedHashSet<>(part);
                    rows.forEach(r -> gone.remove(r.id()));
                    target.upsert(rows);
                    target.delete(gone);
                }
            }
            target.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One step of following the log (the follower thread); failures are logged and retried at the next step. */
    private void follow() {
        if (!ready) {
            return;
        }
        try {
            if (apply() == 0) {
                compactWhenSmall();
            }
        } catch (RuntimeException | IOException e) {
            log.warn("Could not apply the record change log; retrying: {}", e.toString());
        }
    }

    /**
     * Every term of a query is looked up in every segment, and each change adds a small one: an index small enough to
     * rewrite in milliseconds is merged back into one segment when the follower finds nothing new to apply, at most
     * every {@link #COMPACT_AT_MOST_EVERY}. Larger indexes are left to Lucene's merge policy.
     */
    private void compactWhenSmall() throws IOException {
        long now = System.nanoTime();
        if (now - lastCompaction < COMPACT_AT_MOST_EVERY.toNanos() || index.size() > COMPACT_UP_TO_DOCUMENTS
                || index.segments() <= 1) {
            return;
        }
        lastCompaction = now;
        index.compact();
    }

    /** Applies the log until nothing new is visible; the number of entries applied. */
    private long catchUp() {
        long total = 0;
        for (long n = apply(); n > 0; n = apply()) {
            total += n;
        }
        return total;
    }

    /**
     * Applies every visible entry after the position not applied yet, and moves the position past the entries of
     * ended transactions. Returns the number of entries applied.
     */
    synchronized long apply() {
        ChangeLog.Position from = position;
        ChangeLog.Position next = from;
        boolean settledSoFar = true;
        long applied = 0;
        ChangeLog.Position after = from;
        while (true) {
            ChangeLog.Read read = changeLog.after(after, BATCH * 5);
            Set<Long> ids = new LinkedHashSet<>();
            boolean everything = false;
            List<ChangeLog.Entry> fresh = new ArrayList<>();
            for (ChangeLog.Entry e : read.entries()) {
                if (!appliedAhead.containsKey(e.position().seq())) {
                    if (e.recordId() == null) {
                        everything = true;
                    } else {
                        ids.add(e.recordId());
                    }
                    fresh.add(e);
                }
            }
            if (everything) {
                reconcile(index);
            } else {
                reindex(ids);
            }
            fresh.forEach(e -> appliedAhead.put(e.position().seq(), e.position()));
            applied += fresh.size();
            for (ChangeLog.Entry e : read.entries()) {
                if (settledSoFar && read.settled(e)) {
                    next = e.position();
                } else {
                    settledSoFar = false;
                }
            }
            if (read.entries().size() < BATCH * 5) {
                if (settledSoFar) {
                    // nothing after the last entry can come from a transaction older than the horizon
                    ChangeLog.Position horizon = ChangeLog.Position.below(read.horizon());
                    next = horizon.compareTo(next) > 0 ? horizon : next;
                }
                break;
            }
            after = read.entries().get(read.entries().size() - 1).position();
        }
        ChangeLog.Position reached = next;
        appliedAhead.values().removeIf(p -> p.compareTo(reached) <= 0);
        position = reached;
        return applied;
    }

    @EventListener
    void on(RecordChanged event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            pending.ids.add(event.id());
        } else {
            reindexNow(List.of(event.id()));
        }
    }

    private void reindexNow(Collection<Long> ids) {
        try {
            reindex(ids);
        } catch (RuntimeException e) {
            log.error("Could not index records {}; the change log will", ids, e);
        }
    }

    /** The records changed in one transaction, indexed together once it has committed. */
    private final class Pending implements TransactionSynchronization {
        final Set<Long> ids = new LinkedHashSet<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SearchIndexer.this);
            if (status == STATUS_COMMITTED) {
                reindexNow(new ArrayList<>(ids));
            }
        }
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void commit() {
        if (ready) {
            try {
                commitWithPosition(false);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not commit the search index", e);
            }
        }
    }

    /** Commits the index with its position in the log (without document changes only when {@code always}). */
    private void commitWithPosition(boolean always) throws IOException {
        BilingualIndex target = index;
        if (target != null) {
            target.commit(Map.of(POSITION, position.text()), always);
        }
    }

    /** Removes log entries older than the retention (one node at a time); the number removed. */
    public int pruneChangeLog(Duration keep) {
        return changeLog.prune(keep);
    }

    @Scheduled(fixedDelayString = "${dicas.search.change-log.prune-interval:PT1H}",
               initialDelayString = "${dicas.search.change-log.prune-interval:PT1H}")
    void prune() {
        int removed = pruneChangeLog(retention);
        if (removed > 0) {
            log.info("Record change log pruned: {} entries older than {} removed", removed, retention);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (follower != null) {
            follower.shutdown(); // not shutdownNow: an interrupt during Lucene's file I/O closes its channels
            try {
                follower.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BilingualIndex target = index;
        if (target != null) {
            if (ready) {
                commitWithPosition(true);
            }
            target.close();
        }
    }
}
