package org.dicas.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A list of marked items as the API returns it: {@code {"marking": "<banner>", "items": [...]}}. The top-level
 * {@code marking} is the high-water mark ({@link Marking#highWaterMark}) of what every item shows — its own marking,
 * or for an item that embeds other records (a program with its linked requirements) the high-water mark of all of
 * them; the marking of an empty list is that of nothing, {@code PUBLIC}. Each item keeps its own {@code marking}.
 * Only {@link #of} builds one, so the banner cannot disagree with the items.
 */
@JsonPropertyOrder({"marking", "items"})
public final class MarkedList<T> {

    private final Marking marking;
    private final List<T> items;

    private MarkedList(Marking marking, List<T> items) {
        this.marking = marking;
        this.items = items;
    }

    /**
     * The items under the high-water mark of what they show; {@code shown} gives that for one item, e.g.
     * {@code Document::marking} or {@code Program::highWaterMark}.
     */
    public static <T> MarkedList<T> of(Collection<? extends T> items, Function<? super T, Marking> shown) {
        List<T> copy = List.copyOf(items);
        return new MarkedList<>(highWaterMarkOf(copy, shown), copy);
    }

    /** The high-water mark of what these items show. */
    public static <T> Marking highWaterMarkOf(Collection<? extends T> items, Function<? super T, Marking> shown) {
        return Marking.highWaterMark(items.stream().<Marking>map(shown).toList());
    }

    @JsonProperty("marking")
    public Marking marking() {
        return marking;
    }

    @JsonProperty("items")
    public List<T> items() {
        return items;
    }
}
