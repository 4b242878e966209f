package org.dicas.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as a reader sees it: the items, which page it is ({@link Paging}) and {@code total}, how many
 * items the whole list holds for this reader under the same filters (records the reader may not read are never
 * counted).
 */
public record Page<T>(List<T> items, Paging paging, long total) {

    public Page {
        items = List.copyOf(items);
        if (total < paging.offset() + items.size() && !items.isEmpty()) {
            throw new IllegalArgumentException("a total of " + total + " cannot hold " + items.size()
                    + " items from " + (paging.offset() + 1));
        }
    }

    /** The same page with its items completed or converted all at once ({@code assemble} keeps their order). */
    public <R> Page<R> map(Function<? super List<T>, ? extends List<R>> assemble) {
        return new Page<>(assemble.apply(items), paging, total);
    }

    /** The position in the whole list of the first item shown (from 1), or 0 when the page is empty. */
    public long first() {
        return items.isEmpty() ? 0 : paging.offset() + 1;
    }

    /** The position in the whole list of the last item shown, or 0 when the page is empty. */
    public long last() {
        return items.isEmpty() ? 0 : paging.offset() + items.size();
    }

    public boolean hasPrevious() {
        return paging.page() > 1;
    }

    public boolean hasNext() {
        return paging.offset() + paging.size() < total;
    }
}
