package org.dicas.shared;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A list of marked items as the API returns it: {@code {"marking": "<banner>", "items": [...]}}. The top-level
 * {@code marking} is the high-water mark of everything the items show ({@link Marked#highWaterMark()}), from
 * {@link Marking#highWaterMark}; the marking of an empty list is that of nothing, {@code PUBLIC}. Each item keeps
 * its own {@code marking}.
 */
public record MarkedList<T extends Marked>(Marking marking, List<T> items) {

    public MarkedList {
        items = List.copyOf(items);
        Marking expected = highWaterMarkOf(items);
        if (!expected.equals(Objects.requireNonNull(marking, "marking"))) {
            throw new IllegalArgumentException("a list of items marked up to " + expected.banner()
                    + " cannot be marked " + marking.banner());
        }
    }

    public static <T extends Marked> MarkedList<T> of(Collection<? extends T> items) {
        List<T> copy = List.copyOf(items);
        return new MarkedList<>(highWaterMarkOf(copy), copy);
    }

    /** The high-water mark of everything these items show. */
    public static Marking highWaterMarkOf(Collection<? extends Marked> items) {
        return Marking.highWaterMark(items.stream().map(Marked::highWaterMark).toList());
    }
}
