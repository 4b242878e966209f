package org.dicas.security;

import java.util.List;
import java.util.Map;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list of things that are not marked records (accounts, export authorizations) — whose reader the
 * caller has already checked, so no releasability policy applies to the rows — sorted and filtered as the view asks
 * ({@link ListColumns}), counted only when the page does not tell the total. Marked records go through
 * {@link ReadableRecords#page} instead.
 */
public final class UnmarkedPages {

    private UnmarkedPages() {
    }

    /**
     * {@code sql} ends in its {@code where} clause (the filter is added to it). SQL that reads the {@code record}
     * table is refused: marked records are read only through the policy ({@link ReadableRecords#page}).
     */
    public static <T> Page<T> page(JdbcClient jdbc, String sql, ListColumns columns, Map<String, ?> given,
                                   Paging paging, TableView view, RowMapper<T> rows) {
        if (ReadableRecords.RECORD_ALIAS.matcher(sql).find()) {
            throw new IllegalArgumentException("marked records are read through ReadableRecords, not UnmarkedPages");
        }
        String filtered = sql + columns.where(view);
        Map<String, Object> params = columns.parameters(view, given);
        List<T> items = jdbc.sql(filtered + " order by " + columns.order(view) + " limit :pageSize offset :pageOffset")
                .params(params).param("pageSize", paging.size()).param("pageOffset", paging.offset())
                .query(rows).list();
        long total = paging.totalWhenShown(items.size());
        if (total < 0) {
            total = jdbc.sql("select count(*) from (" + filtered + ") as counted").params(params).query(Long.class)
                    .single();
        }
        return new Page<>(items, paging, total);
    }
}
