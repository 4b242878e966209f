package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * One of several long lists on one page (the disclosure requests: those I made, those awaiting my decision). Each
 * reads its own query parameters under its prefix — {@code mine.sort}, {@code mine.dir}, {@code mine.q},
 * {@code mine.page}, {@code mine.size} and its facets ({@code mine.state}) — so that sorting, filtering or paging one
 * list leaves the other as it is: every link of one list (a sortable heading, the filter form, the pager, a facet)
 * changes only its own parameters and keeps the other lists' ones. Within its prefix a list behaves exactly as a
 * {@link Table} with its {@link Pager} (it is one, on its own parameters); the heading fragment
 * {@code fragments/layout :: sortable} takes it as it takes a {@link Table}, the filter, the facets and the pager are
 * {@code fragments/table :: prefixed…}.
 */
public record PrefixedTable(String prefix, Table own, Pager pager, List<String> others) {

    /** The view the current request asks of the list under {@code prefix}. */
    public static TableView view(String prefix) {
        HttpServletRequest r = request();
        return TableView.of(r.getParameter(prefix + ".sort"), r.getParameter(prefix + ".dir"),
                r.getParameter(prefix + ".q"));
    }

    /** The page the current request asks of the list under {@code prefix}. */
    public static Paging paging(String prefix) {
        HttpServletRequest r = request();
        return Paging.of(r.getParameter(prefix + ".page"), r.getParameter(prefix + ".size"));
    }

    /** A query parameter of the list under {@code prefix} (a facet's value), null when not given. */
    public static String parameter(String prefix, String name) {
        return request().getParameter(prefix + "." + name);
    }

    /**
     * Puts the list under {@code prefix} on the model: its items as {@code prefix}, its table as
     * {@code prefix + "Table"} (which also carries its pager).
     */
    public static <T> PrefixedTable show(Model model, String prefix, String listPath, Page<T> page, TableView view,
                                         ListColumns columns) {
        HttpServletRequest request = request();
        String query = "GET".equals(request.getMethod()) && request.getQueryString() != null
                ? request.getQueryString() : "";
        StringJoiner own = new StringJoiner("&");
        List<String> others = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = Pager.name(pair);
            if (pair.isEmpty() || Set.of("lang", "_csrf").contains(name)) {
                continue;
            }
            if (pair.startsWith(prefix + ".")) {
                own.add(pair.substring(prefix.length() + 1));
            } else {
                others.add(pair);
            }
        }
        Table table = new Table(listPath, own.toString(), columns.sortKey(view), columns.descending(view),
                view.filter(), columns.filterable(), columns);
        // the pager's links are the list's own parameters under the prefix, the other lists' kept
        Pager p = Pager.of(page, listPath, own.toString());
        PrefixedTable shown = new PrefixedTable(prefix, table, new Pager(p.page(), p.first(), p.last(), p.total(),
                p.hasPrevious() ? relink(prefix, others, p.previous()) : "",
                p.hasNext() ? relink(prefix, others, p.next()) : ""), others);
        model.addAttribute(prefix, page.items());
        model.addAttribute(prefix + "Table", shown);
        return shown;
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /** A link of the list's own {@link Table} or {@link Pager}, its parameters under the prefix, the others kept. */
    String relink(String link) {
        return relink(prefix, others, link);
    }

    private static String relink(String prefix, List<String> others, String link) {
        int q = link.indexOf('?');
        StringJoiner out = new StringJoiner("&", link.substring(0, q < 0 ? link.length() : q) + "?", "");
        if (q >= 0) {
            for (String pair : link.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    out.add(prefix + "." + pair);
                }
            }
        }
        others.forEach(out::add);
        return out.toString();
    }

    public String path() {
        return own.path();
    }

    public String sortLink(String key) {
        return relink(own.sortLink(key));
    }

    public String ariaSort(String key) {
        return own.ariaSort(key);
    }

    public boolean sortedBy(String key) {
        return own.sortedBy(key);
    }

    public boolean descending() {
        return own.descending();
    }

    public String sort() {
        return own.sort();
    }

    public String filter() {
        return own.filter();
    }

    public boolean filtered() {
        return own.filtered();
    }

    public boolean filterable() {
        return own.filterable();
    }

    /** The list without its filter, sorted as now, the other lists as they are. */
    public String clearLink() {
        return relink(own.clearLink());
    }

    /** What the filter form carries along (hidden): the list's own view but its page and filter, the other lists'. */
    public List<Map.Entry<String, String>> kept() {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        own.kept().forEach(e -> kept.add(Map.entry(prefix + "." + e.getKey(), e.getValue())));
        for (String pair : others) {
            String[] nv = pair.split("=", 2);
            kept.add(Map.entry(Pager.name(pair), nv.length < 2 ? "" : decode(nv[1])));
        }
        return kept;
    }

    /**
     * The link that shows the list of one facet's {@code value} ({@code ""}: all), back on its first page, its filter
     * and sort kept, the other lists as they are.
     */
    public String facetLink(String name, String value) {
        StringJoiner q = new StringJoiner("&", own.path() + "?", "");
        for (String pair : own.query().split("&")) {
            if (!pair.isEmpty() && !Set.of("page", name).contains(Pager.name(pair))) {
                q.add(pair);
            }
        }
        if (!value.isEmpty()) {
            q.add(name + "=" + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return relink(q.toString());
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
