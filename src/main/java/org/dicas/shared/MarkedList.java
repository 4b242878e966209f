package org.dicas.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list of marked items as the API returns it:
 * {@code {"marking": "<banner>", "page": 1, "size": 50, "total": 519, "items": [...]}}. The top-level {@code marking}
 * is the high-water mark ({@link Marking#highWaterMark}) of what the items of this page show — each its own marking,
 * or for an item that embeds other records (a program with its linked requirements) the high-water mark of all of
 * them; the marking of an empty page is that of nothing, {@code PUBLIC}. Each item keeps its own {@code marking}.
 * {@code page} and {@code size} are the {@link Paging} asked for, {@code total} how many items the whole list holds
 * for this reader under the same filters. Only {@link #page} builds one, so the banner cannot disagree with the items
 * and no list leaves the API unpaged.
 */
@JsonPropertyOrder({"marking", "page", "size", "total", "items"})
public final class MarkedList<T> {

    private final Marking marking;
    private final Page<T> page;

    private MarkedList(Marking marking, Page<T> page) {
        this.marking = marking;
        this.page = page;
    }

    /**
     * The page under the high-water mark of what its items show; {@code shown} gives that for one item, e.g.
     * {@code Document::marking} or {@code Program::highWaterMark}.
     */
    public static <T> MarkedList<T> page(Page<T> page, Function<? super T, Marking> shown) {
        return new MarkedList<>(highWaterMarkOf(page.items(), shown), page);
    }

    /** The high-water mark of what these items show. */
    public static <T> Marking highWaterMarkOf(Collection<? extends T> items, Function<? super T, Marking> shown) {
        return Marking.highWaterMark(items.stream().<Marking>map(shown).toList());
    }

    @JsonProperty("marking")
    public Marking marking() {
        return marking;
    }

    @JsonProperty("page")
    public int pageNumber() {
        return page.paging().page();
    }

    @JsonProperty("size")
    public int size() {
        return page.paging().size();
    }

    @JsonProperty("total")
    public long total() {
        return page.total();
    }

    @JsonProperty("items")
    public List<T> items() {
        return page.items();
    }
}
