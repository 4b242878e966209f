package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the head and the filter of a long list page show ({@code fragments/layout :: sortable} and
 * {@code :: tableFilter}): which column the list is sorted by and how, a link per sortable column that sorts by it
 * (the other way round when it is the one sorted by) and goes back to the first page, keeping the list's other query
 * parameters (its filters, {@code size}); and the text filter with what was typed. Put on the model as {@code table}
 * by {@link #show}; the pager's links keep the sort and filter by themselves (they keep every query parameter).
 */
public record Table(String path, String query, String sort, boolean descending, String filter, boolean filterable,
                    ListColumns columns) {

    /** Query parameters a sort link drops: the page (back to the first), the sort itself, the language switch. */
    private static final Set<String> DROPPED = Set.of("page", "sort", "dir", "lang", "_csrf");

    /** Puts the table of the list at {@code listPath} on the model, as the current request views it. */
    public static Table show(Model model, String listPath, TableView view, ListColumns columns) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        Table table = new Table(listPath, query == null ? "" : query, columns.sortKey(view), columns.descending(view),
                view.filter(), columns.filterable(), columns);
        model.addAttribute("table", table);
        return table;
    }

    /** The link that sorts by {@code key}: the other way round when the list is sorted by it, else its usual way. */
    public String sortLink(String key) {
        boolean desc = key.equals(sort) ? !descending : columns.usuallyDescending(key);
        StringJoiner q = new StringJoiner("&", path + "?", "");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !DROPPED.contains(Pager.name(pair))) {
                q.add(pair);
            }
        }
        return q.add("sort=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).add("dir=" + (desc ? "desc" : "asc"))
                .toString();
    }

    /** The {@code aria-sort} of a column head: {@code ascending}, {@code descending} or {@code none}. */
    public String ariaSort(String key) {
        return !key.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    public boolean sortedBy(String key) {
        return key.equals(sort);
    }

    /** The direction parameter of the current sort, for the filter form to keep it. */
    public String dir() {
        return descending ? "desc" : "asc";
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }

    /**
     * The query parameters the filter form carries along (hidden), decoded: every one of the current view but the
     * page (back to the first), the filter itself and the language switch.
     */
    public List<Map.Entry<String, String>> kept() {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = Pager.name(pair);
            if (!pair.isEmpty() && !Set.of("page", "q", "lang", "_csrf").contains(name)) {
                String[] nv = pair.split("=", 2);
                kept.add(Map.entry(name, nv.length < 2 ? "" : decode(nv[1])));
            }
        }
        if (kept.stream().noneMatch(e -> e.getKey().equals("sort"))) {
            kept.add(Map.entry("sort", sort));
            kept.add(Map.entry("dir", dir()));
        }
        return kept;
    }

    /**
     * The link of a facet's value ({@code value} empty: the facet's "all"): the list as it is viewed now — its text
     * filter, sort, size and other facets — with this facet set to the value, back on the first page.
     */
    public String facetLink(String name, String value) {
        StringJoiner q = new StringJoiner("&", path + "?", "");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !Set.of("page", "lang", "_csrf", name).contains(Pager.name(pair))) {
                q.add(pair);
            }
        }
        if (!value.isEmpty()) {
            q.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** The list without its filter, sorted as now. */
    public String clearLink() {
        StringJoiner q = new StringJoiner("&", path + "?", "");
        kept().forEach(e -> q.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
