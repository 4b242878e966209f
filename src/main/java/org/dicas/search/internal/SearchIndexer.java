package org.dicas.search.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * Keeps the bilingual index ({@code dicas.data-dir}/search-index) equal to the {@code record} table.
 * <ul>
 *   <li>On start: opens the index (a fresh one when missing or of another schema or glossary) and reconciles it
 *       with the table — records missing or changed since ({@code updated_at}) are indexed, rows gone are removed.
 *       Up to {@code dicas.search.background-rebuild-above} records this happens before the application serves;
 *       beyond, in the background, searches meanwhile answering from what is indexed so far.</li>
 *   <li>On every {@link RecordChanged}: the record is re-read and re-indexed once its transaction commits
 *       (batched per transaction; immediately without one) and the change counter moves, which invalidates the
 *       cached readable sets.</li>
 *   <li>Every few seconds: uncommitted index changes are committed; every {@code dicas.search.reconcile-interval}
 *       the index is reconciled again (a safety net for writes that bypass {@code MarkedRecords}).</li>
 * </ul>
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 1000;

    /** What a reconciliation did. */
    public record Reconciliation(int indexed, int removed, long millis) {
    }

    private final ReadableRecords records;
    private final Path directory;
    private final int backgroundAbove;
    private final Glossary glossary;
    private final AtomicLong changes = new AtomicLong();
    /** Held while rows are read and written to the index, so an older read never overwrites a newer one. */
    private final Object writing = new Object();
    private volatile BilingualIndex index;
    private volatile boolean ready;

    SearchIndexer(ReadableRecords records, @Value("${dicas.data-dir}") String dataDir,
                  @Value("${dicas.search.background-rebuild-above:5000}") int backgroundAbove) {
        this.records = records;
        this.directory = Path.of(dataDir).toAbsolutePath().resolve("search-index");
        this.backgroundAbove = backgroundAbove;
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
        Map<Long, Long> inDatabase = databaseVersions();
        int work = staleIds(index, inDatabase).size();
        if (work <= backgroundAbove) {
            Reconciliation r = reconcile(index);
            ready = true;
            log.info("Search index {} in {}: {} records indexed, {} removed, {} ms", index.created() ? "built" : "opened",
                    directory, r.indexed(), r.removed(), (System.nanoTime() - t0) / 1_000_000);
        } else {
            log.info("Search index in {}: {} records to index, continuing in the background", directory, work);
            Thread t = new Thread(() -> {
                try {
                    Reconciliation r = reconcile(index);
                    log.info("Search index ready: {} records indexed in {} ms", r.indexed(), r.millis());
                } catch (RuntimeException e) {
                    log.error("Search index rebuild failed", e);
                } finally {
                    ready = true;
                }
            }, "search-index-rebuild");
            t.setDaemon(true);
            t.start();
        }
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

    public Path directory() {
        return directory;
    }

    public Glossary glossary() {
        return glossary;
    }

    /** Moves on every record change (before and after its commit); cached readable sets are keyed on it. */
    public long changes() {
        return changes.get();
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
            if (!stale.isEmpty() || !gone.isEmpty()) {
                changes.incrementAndGet();
            }
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

    private static final String MICROS = "(extract(epoch from r.updated_at) * 1000000)::bigint";
    private static final String INDEX_ALL = "the index holds every record; each query filters by the reader's readable set";

    List<IndexedRecord> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return records.everyRecord("select r.id, r.kind, r.title, r.search_text, r.marking, r.link,"
                        + " coalesce(r.container_id, 0), " + MICROS
                        + " from record r where {everyRecord:r} and r.id = any(cast(:ids as bigint[]))", INDEX_ALL)
                .param("ids", array)
                .query((rs, n) -> new IndexedRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    /** Re-reads these records and indexes them as they are now (removing those no longer in the table). */
    void reindex(Collection<Long> ids) {
        BilingualIndex target = index;
        if (target == null) {
            return;
        }
        try {
            synchronized (writing) {
                List<IndexedRecord> rows = load(ids);
                Set<Long> gone = new LinkedHashSet<>(ids);
                rows.forEach(r -> gone.remove(r.id()));
                target.upsert(rows);
                target.delete(gone);
            }
            target.refresh();
        } catch (IOException | RuntimeException e) {
            log.error("Could not index records {}; the next reconciliation will", ids, e);
        } finally {
            changes.incrementAndGet();
        }
    }

    @EventListener
    void on(RecordChanged event) {
        changes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            pending.ids.add(event.id());
        } else {
            reindex(List.of(event.id()));
        }
    }

    /** The records changed in one transaction, indexed together once it has committed. */
    private final class Pending implements TransactionSynchronization {
        final Set<Long> ids = new LinkedHashSet<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SearchIndexer.this);
            if (status == STATUS_COMMITTED) {
                reindex(new ArrayList<>(ids));
            } else {
                changes.incrementAndGet();
            }
        }
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void commit() {
        BilingualIndex target = index;
        if (target != null) {
            try {
                target.commit();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not commit the search index", e);
            }
        }
    }

    @Scheduled(fixedDelayString = "${dicas.search.reconcile-interval:PT10M}",
               initialDelayString = "${dicas.search.reconcile-interval:PT10M}")
    void reconcileNow() {
        BilingualIndex target = index;
        if (target != null && ready) {
            Reconciliation r = reconcile(target);
            if (r.indexed() + r.removed() > 0) {
                log.info("Search index reconciled: {} records indexed, {} removed", r.indexed(), r.removed());
            }
        }
    }

    @PreDestroy
    void close() throws IOException {
        BilingualIndex target = index;
        if (target != null) {
            target.close();
        }
    }
}
