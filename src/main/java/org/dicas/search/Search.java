package org.dicas.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dicas.search.engine.BilingualQuery;
import org.dicas.search.engine.Found;
import org.dicas.shared.ReadableIds;
import org.dicas.security.ReadableRecords;
import org.dicas.search.internal.SearchIndexer;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Service;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/**
 * Finds records of every type the caller may read, in English and Japanese, over the bilingual Lucene index (see
 * {@link BilingualQuery} for what matches and how results rank; ADR 0010). The set of records the caller may read
 * is a filter inside the Lucene query, so a hidden record can neither appear, be counted nor push a visible one off
 * the page.
 */
@Service
public class Search {

    public static final int MAX_QUERY = 200;

    private final SearchIndexer indexer;
    private final ReadableRecords readable;

    Search(SearchIndexer indexer, ReadableRecords readable) {
        this.indexer = indexer;
        this.readable = readable;
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
            throw new InvalidInputException("q", "query is longer than " + MAX_QUERY + " characters");
        }
        BilingualQuery bq = BilingualQuery.of(q, indexer.glossary());
        ReadableIds ids = readable.ids(user);
        try {
            long total = indexer.index().count(bq, ids);
            List<Found> found = paging.offset() >= total ? List.of()
                    : indexer.index().search(bq, ids, paging.offset(), paging.size());
            return new Page<>(found.stream().map(f -> new SearchHit(f.kind().toLowerCase(Locale.ROOT).replace('_', '-'),
                    f.id(), f.title(), Marking.parse(f.marking()), f.link(), f.snippet())).toList(), paging,
                    Math.max(total, paging.offset() + found.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
