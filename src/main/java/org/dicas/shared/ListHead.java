package org.dicas.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The first items of a long list, read a page at a time ({@link Paging#MAX_SIZE} to a page) through the list's own
 * query — so an export holds exactly what the reader's pages would, in their order — and how many the whole list
 * holds; for exports, which stop at a limit and say so when the list is longer.
 */
public record ListHead<T>(List<T> items, long total) {

    public ListHead {
        items = List.copyOf(items);
    }

    /** At most {@code limit} items of the list that {@code pages} reads a page at a time. */
    public static <T> ListHead<T> of(int limit, Function<Paging, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        long total = 0;
        for (int p = 1; items.size() < limit; p++) {
            Page<T> page = pages.apply(new Paging(p, Paging.MAX_SIZE));
            total = page.total();
            items.addAll(page.items().subList(0, Math.min(page.items().size(), limit - items.size())));
            if (!page.hasNext()) {
                break;
            }
        }
        return new ListHead<>(items, Math.max(total, items.size()));
    }

    /** Whether the list holds more than these items. */
    public boolean cut() {
        return total > items.size();
    }
}
