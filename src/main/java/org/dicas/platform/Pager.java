package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.dicas.shared.Marking;
import org.dicas.shared.Page;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the pager of a list page shows ({@code fragments/layout :: pager}): "N–M of T" and links to the previous and
 * next page that keep every other query parameter (the filters, {@code size}). A page past the end links back to the
 * last page. {@code previous} and {@code next} are empty when there is no such page.
 */
public record Pager(int page, long first, long last, long total, String previous, String next) {

    /** Query parameters a pager link drops: the page itself, and the language switch (remembered already). */
    private static final Set<String> DROPPED = Set.of("page", "lang", "_csrf");

    /**
     * Shows a page of a list: its items under {@code name}, the {@code pager}, and as {@code pageMarking} the banner
     * of what the page shows, the high-water mark of {@code shown} over its items.
     */
    public static <T> void show(Model model, String name, Page<T> page, Function<? super T, Marking> shown) {
        model.addAttribute(name, page.items());
        model.addAttribute("pager", of(page));
        model.addAttribute("pageMarking", Marking.highWaterMark(page.items().stream().<Marking>map(shown).toList()));
    }

    /** The pager of this page of the list the current request shows (a GET of the list's own path). */
    public static Pager of(Page<?> shown) {
        HttpServletRequest request = request();
        return of(shown, request.getRequestURI(), request.getQueryString());
    }

    /**
     * The pager of a list shown at {@code listPath} by another request, e.g. the answer to a form posted on the list
     * page: the links go to the list's path, with the current request's query when it is a GET.
     */
    public static Pager of(Page<?> shown, String listPath) {
        HttpServletRequest request = request();
        return of(shown, listPath, "GET".equals(request.getMethod()) ? request.getQueryString() : null);
    }

    static Pager of(Page<?> shown, String path, String query) {
        int page = shown.paging().page();
        int size = shown.paging().size();
        long lastPage = Math.max(1, (shown.total() + size - 1) / size);
        String previous = page > 1 ? link(path, query, (int) Math.min(page - 1, lastPage)) : "";
        String next = shown.hasNext() ? link(path, query, page + 1) : "";
        return new Pager(page, shown.first(), shown.last(), shown.total(), previous, next);
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    public boolean hasPrevious() {
        return !previous.isEmpty();
    }

    public boolean hasNext() {
        return !next.isEmpty();
    }

    /** The path with the query (never a posted form's fields), {@code page} replaced. */
    private static String link(String path, String given, int page) {
        StringJoiner query = new StringJoiner("&", path + "?", "");
        if (given != null && !given.isEmpty()) {
            for (String pair : given.split("&")) {
                if (!pair.isEmpty() && !DROPPED.contains(name(pair))) {
                    query.add(pair);
                }
            }
        }
        return query.add("page=" + page).toString();
    }

    /** The decoded name of one {@code name=value} pair of a query. */
    static String name(String pair) {
        String raw = pair.split("=", 2)[0];
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
