package org.dicas.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dicas.search.engine.ReadableIds;
import org.dicas.security.DicasUser;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.security.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ids of the records a user may read, from the one policy's SQL predicate ({@code sqlFilterWithContainer}, so
 * containers and export authorizations count exactly as everywhere else), cached. The cache key is everything the
 * answer depends on: the policy's parameters for the user (nation, level, groups, government, company and today's
 * date), the record-change counter of {@link SearchIndexer} and a fingerprint of the export authorizations and their
 * attachments (which change without touching {@code record}). Any change to one of them computes a new set.
 */
@Component
public class ReadableRecordSets {

    record Key(Map<String, Object> policyParameters, long changes, String authorizations) {
    }

    private static final int CAPACITY = 256;

    private final JdbcClient jdbc;
    private final ReleasabilityPolicy policy;
    private final SearchIndexer indexer;
    private final Map<Key, ReadableIds> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ReadableIds> eldest) {
            return size() > CAPACITY;
        }
    };

    ReadableRecordSets(JdbcClient jdbc, ReleasabilityPolicy policy, SearchIndexer indexer) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.indexer = indexer;
    }

    public ReadableIds of(DicasUser user) {
        long changes = indexer.changes(); // read before the query: a change during it invalidates the result
        SqlFilter filter = policy.sqlFilterWithContainer(user, "r");
        Key key = new Key(filter.parameters(), changes, authorizationsFingerprint());
        synchronized (cache) {
            ReadableIds cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ReadableIds ids = ReadableIds.of(jdbc.sql("select r.id from record r where " + filter.clause())
                .params(filter.parameters()).query(Long.class).list());
        synchronized (cache) {
            cache.put(key, ids);
        }
        return ids;
    }

    private String authorizationsFingerprint() {
        return jdbc.sql("""
                        select md5(coalesce((select string_agg(ea::text, '|' order by ea.id) from export_authorization ea), '')
                                   || '#' || coalesce((select string_agg(ra.record_id || ':' || ra.authorization_id, '|'
                                   order by ra.record_id, ra.authorization_id) from record_authorization ra), ''))""")
                .query(String.class).single();
    }
}
