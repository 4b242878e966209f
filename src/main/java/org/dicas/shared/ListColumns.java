package org.dicas.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a long list lets its reader sort and filter by, in the list's SQL: each sortable column under a key (the
 * {@code sort} parameter of a {@link TableView}), the list's own order (a key and direction), the unique column that
 * breaks ties (so that pages neither overlap nor skip), and the texts the filter looks in. A key the list does not
 * name is refused naming the keys it does. Defined once per list beside its SQL; immutable.
 */
public final class ListColumns {

    private final Map<String, Column> columns;
    private final String byDefault;
    private final String unique;
    private final List<String> searched;

    /** One sortable column: its SQL expression and whether it sorts newest/largest first unless asked otherwise. */
    private record Column(String sql, boolean descending) {
    }

    private ListColumns(Map<String, Column> columns, String byDefault, String unique, List<String> searched) {
        this.columns = columns;
        this.byDefault = byDefault;
        this.unique = unique;
        this.searched = searched;
    }

    /** A list ordered by {@code key} ({@code sql}) unless the reader asks otherwise; ties broken by {@code unique}. */
    public static ListColumns orderedBy(String key, String sql, boolean descending, String unique) {
        Map<String, Column> c = new LinkedHashMap<>();
        c.put(key, new Column(sql, descending));
        return new ListColumns(c, key, unique, List.of());
    }

    /** The same list, also sortable by {@code key} ({@code sql}), ascending unless asked otherwise. */
    public ListColumns and(String key, String sql) {
        return and(key, sql, false);
    }

    /** The same list, also sortable by {@code key} ({@code sql}), in its usual direction. */
    public ListColumns and(String key, String sql, boolean descending) {
        Map<String, Column> c = new LinkedHashMap<>(columns);
        c.put(key, new Column(sql, descending));
        return new ListColumns(c, byDefault, unique, searched);
    }

    /** The same list, its filter looking in these SQL texts. */
    public ListColumns filterIn(String... sql) {
        List<String> s = new ArrayList<>(searched);
        s.addAll(List.of(sql));
        return new ListColumns(columns, byDefault, unique, List.copyOf(s));
    }

    /** The key the view sorts by: the one asked for (checked), else the list's own. */
    public String sortKey(TableView view) {
        if (view.sort() == null) {
            return byDefault;
        }
        if (!columns.containsKey(view.sort())) {
            String given = view.sort().length() > 40 ? view.sort().substring(0, 40) + "…" : view.sort();
            throw InvalidInputException.of("sort", "table.error.sort", given, String.join(", ", columns.keySet()));
        }
        return view.sort();
    }

    /** Whether the view sorts its column descending: as asked, else the column's usual direction. */
    public boolean descending(TableView view) {
        return view.descending() != null ? view.descending() : columns.get(sortKey(view)).descending();
    }

    /** The usual direction of a column of this list. */
    public boolean usuallyDescending(String key) {
        Column c = columns.get(key);
        return c != null && c.descending();
    }

    /** The keys the list sorts by, its own first. */
    public List<String> keys() {
        return List.copyOf(columns.keySet());
    }

    public boolean sortable(String key) {
        return columns.containsKey(key);
    }

    public boolean filterable() {
        return !searched.isEmpty();
    }

    /** The {@code order by} list for the view (without the words {@code order by}); empty values last. */
    public String order(TableView view) {
        String dir = descending(view) ? " desc" : "";
        return columns.get(sortKey(view)).sql() + dir + " nulls last, " + unique + dir;
    }

    /**
     * The condition the view's filter adds to a query ending in its {@code where} clause ({@code ""} when there is no
     * filter), with the parameter {@code :tableFilter} from {@link #parameters}.
     */
    public String where(TableView view) {
        if (!view.filtered()) {
            return "";
        }
        if (searched.isEmpty()) {
            throw InvalidInputException.of("q", "table.error.notFilterable");
        }
        return " and (" + String.join(" or ", searched.stream().map(s -> s + " ilike :tableFilter").toList()) + ")";
    }

    /** The parameters of {@link #where}, added to {@code params}. */
    public Map<String, Object> parameters(TableView view, Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        if (view.filtered()) {
            p.put("tableFilter", view.filterPattern());
        }
        return p;
    }
}
