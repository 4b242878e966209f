package org.dicas.search;

import org.dicas.shared.IdArray;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dicas.search.engine.BilingualQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.dicas.search.engine.BilingualIndex;
import org.dicas.search.engine.IndexedRecord;
import org.dicas.search.engine.Ranked;
import org.dicas.shared.ReadableIds;
import org.dicas.security.ReadableRecords;
import org.dicas.search.internal.SearchIndexer;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.time.Duration;
import java.time.LocalDate;
import org.dicas.platform.WriteAheadLog;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.Paging;
import org.dicas.shared.Page;

/**
 * Finds records of every type the caller may read, in English and Japanese, over the bilingual Lucene index (see
 * {@link BilingualQuery} for what matches and how results rank; ADR 0010). The set of records the caller may read
 * is a filter inside the Lucene query, so a hidden record can neither appear, be counted nor push a visible one off
 * the page.
 *
 * <p>The index only ranks. Readability comes from the database's current policy epoch (the readable set is cached
 * under it and the epoch is read for every query), and what a hit shows — title, marking, link, snippet — is read
 * from the record's current row through the policy at query time (ADR 0018). So on any node, even one whose index
 * has not yet applied the latest changes, a record narrowed or deleted is never returned: its row is no longer
 * readable. A hit whose indexed version differs from its row is re-indexed on the spot and the page asked again, so
 * a record whose words changed is not found by its old words either.
 */
@Service
public class Search {

    public static final int MAX_QUERY = 200;

    private final SearchIndexer indexer;
    private final ReadableRecords readable;
    /**
     * A query text is analysed once (English and Japanese analysis, glossary concepts), and a hit's snippet is made
     * once per record version and query text: both are pure functions of their keys, and popular queries repeat.
     */
    private final Cache<String, BilingualQuery> queries = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<SnippetKey, String> snippets = Caffeine.newBuilder().maximumSize(20_000).build();

    private record SnippetKey(long id, long version, String query) {
    }

    /** A page of results as one reader asked for it. */
    private record ResultKey(DicasUser reader, String query, Paging paging) {
    }

    /**
     * A page of results with all it was computed from: the database's position read before anything else
     * (readability, the rows shown and their snippets come from the database), the policy's today (authorizations
     * start and end by date) and the version of this node's index (the ranking).
     */
    private record Kept(String position, LocalDate today, long indexVersion, Page<SearchHit> page) {
        boolean computedFrom(String position, LocalDate today, long indexVersion) {
            return this.position.equals(position) && this.today.equals(today) && this.indexVersion == indexVersion;
        }
    }

    /**
     * The last page of results of each reader's search, kept while nothing it was computed from has moved (ADR 0048):
     * popular searches repeat. A newer page replaces an older one of the same search; bounded by hits held.
     */
    private final Cache<ResultKey, Kept> results = Caffeine.newBuilder().maximumWeight(100_000)
            .weigher((ResultKey k, Kept v) -> 1 + v.page().items().size())
            .expireAfterWrite(Duration.ofMinutes(2)).build();
    private final WriteAheadLog log;
    private final ReleasabilityPolicy policy;

    Search(SearchIndexer indexer, ReadableRecords readable, WriteAheadLog log, ReleasabilityPolicy policy) {
        this.indexer = indexer;
        this.readable = readable;
        this.log = log;
        this.policy = policy;
    }

    /**
     * A page of the records the user may read that match, best first (equal scores by record id); the total counts
     * the readable matches only.
     */
    public Page<SearchHit> search(DicasUser user, String query, Paging paging) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return paging.slice(List.of());
        }
        if (q.length() > MAX_QUERY) {
            throw InvalidInputException.of("q", "search.error.queryTooLong", MAX_QUERY);
        }
        BilingualQuery bq = queries.get(q, text -> BilingualQuery.of(text, indexer.glossary()));
        BilingualIndex index = indexer.index();
        try {
            // inside a transaction the results could show its own uncommitted writes: computed, never kept
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return search(user, q, bq, index, paging);
            }
            // the position and the index's version first: a change committed or indexed after them files a newer page
            // under an older position, which no later request finds current; an older page never under a newer one
            String position = log.position().orElse(null);
            if (position == null) {
                return search(user, q, bq, index, paging);
            }
            LocalDate today = policy.today();
            long version = index.version();
            ResultKey key = new ResultKey(user, q, paging);
            Kept kept = results.getIfPresent(key);
            if (kept != null && kept.computedFrom(position, today, version)) {
                return kept.page();
            }
            Page<SearchHit> found = search(user, q, bq, index, paging);
            results.put(key, new Kept(position, today, version, found));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Page<SearchHit> search(DicasUser user, String q, BilingualQuery bq, BilingualIndex index, Paging paging)
            throws IOException {
        ReadableIds ids = readable.ids(user);
        for (int attempt = 0; ; attempt++) {
            BilingualIndex.Ranking ranking = index.ranked(bq, ids, paging.offset(), paging.size());
            long total = ranking.total();
            List<Ranked> ranked = ranking.page();
            Map<Long, IndexedRecord> rows = current(user, ranked.stream().map(Ranked::id).toList());
            List<Long> stale = ranked.stream()
                    .filter(r -> rows.get(r.id()) == null || rows.get(r.id()).updatedMicros() != r.indexedVersion())
                    .map(Ranked::id).toList();
            if (stale.isEmpty() || attempt > 0) {
                List<IndexedRecord> shown = ranked.stream().map(r -> rows.get(r.id())).filter(Objects::nonNull)
                        .toList();
                Map<Long, String> snippetsOf = snippets(user, shown, q, bq);
                List<SearchHit> hits = shown.stream()
                        .map(row -> new SearchHit(SearchHit.typeOf(row.kind()), row.id(),
                                row.title(), Marking.parse(row.marking()), row.link(),
                                snippetsOf.getOrDefault(row.id(), "")))
                        .toList();
                long dropped = ranked.size() - hits.size();
                return new Page<>(hits, paging, Math.max(total - dropped, paging.offset() + hits.size()));
            }
            indexer.reindex(stale);
        }
    }

    /**
     * The snippet of each shown record for this query: from the cache when this version of the record was shown for
     * this query before; otherwise made from the record's text, read (through the policy, in one query for the
     * page) only for the records whose snippet is not cached.
     */
    private Map<Long, String> snippets(DicasUser user, List<IndexedRecord> shown, String query, BilingualQuery bq) {
        Map<Long, String> out = new HashMap<>();
        List<Long> missing = new java.util.ArrayList<>();
        for (IndexedRecord row : shown) {
            String cached = snippets.getIfPresent(new SnippetKey(row.id(), row.updatedMicros(), query));
            if (cached != null) {
                out.put(row.id(), cached);
            } else {
                missing.add(row.id());
            }
        }
        if (!missing.isEmpty()) {
            // the texts first, the snippets after: no highlighting while a connection is held
            List<IndexedRecord> texts = readable.query(user, "select r.id, r.search_text, " + SearchIndexer.MICROS
                            + " from record r where {readableInContainer:r} and r.id = any(cast(:ids as bigint[]))")
                    .param("ids", IdArray.of(missing))
                    .query((rs, n) -> new IndexedRecord(rs.getLong(1), "", "", rs.getString(2), "", "", 0,
                            rs.getLong(3)))
                    .list();
            for (IndexedRecord t : texts) {
                // filed under the version read with the text: the text and its version come from one row
                out.put(t.id(), snippets.get(new SnippetKey(t.id(), t.updatedMicros(), query),
                        k -> indexer.index().snippet(t.text(), bq)));
            }
        }
        return out;
    }

    /** The current rows of these records that the user may read now (containers included). */
    private Map<Long, IndexedRecord> current(DicasUser user, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, IndexedRecord> out = new HashMap<>();
        // without the text: a hit's snippet is mostly cached (snippets), and the text is read only when it is not
        readable.query(user, "select r.id, r.kind, r.title, r.marking, r.link, "
                        + SearchIndexer.MICROS + " from record r"
                        + " where {readableInContainer:r} and r.id = any(cast(:ids as bigint[]))")
                .param("ids", IdArray.of(ids))
                .query(rs -> {
                    out.put(rs.getLong(1), new IndexedRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            null, rs.getString(4), rs.getString(5), 0, rs.getLong(6)));
                });
        return out;
    }
}
