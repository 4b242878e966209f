package org.dicas.shared;

import java.util.List;

/**
 * Which page of a list a reader asks for: {@code page} counts from 1, {@code size} items to a page, from 1 to
 * {@link #MAX_SIZE} ({@link #DEFAULT_SIZE} when not given). The API and the pages read it from the query parameters
 * {@code page} and {@code size}; anything else is refused naming the parameter and its range. A page past the end of
 * the list is empty, not an error: the list may have shrunk since the reader counted it.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final Paging FIRST = new Paging(1, DEFAULT_SIZE);


    public Paging {
        if (page < 1) {
            throw InvalidInputException.of("page", "paging.error.outOfRange", Integer.MAX_VALUE, page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "paging.error.outOfRange", MAX_SIZE, size);
        }
    }

    /** Reads the query parameters as given (null or blank: the default). */
    public static Paging of(String page, String size) {
        return new Paging(number("page", page, 1, Integer.MAX_VALUE), number("size", size, DEFAULT_SIZE, MAX_SIZE));
    }

    private static int number(String name, String given, int absent, int max) {
        if (given == null || given.isBlank()) {
            return absent;
        }
        String s = given.strip();
        if (!s.matches("[0-9]{1,10}") || Long.parseLong(s) > Integer.MAX_VALUE) {
            throw InvalidInputException.of(name, "paging.error.outOfRange", max, s.length() > 20 ? s.substring(0, 20) + "…" : s);
        }
        return Integer.parseInt(s);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** This page of a list already filtered for the reader and held in memory (small bounded lists only). */
    public <T> Page<T> slice(List<T> all) {
        long from = Math.min(offset(), all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to), this, all.size());
    }

    /**
     * The total of a list of which this page holds {@code shown} items, when that alone tells it (a page that is not
     * full and not past the end); otherwise -1, and the list must be counted.
     */
    public long totalWhenShown(int shown) {
        return shown < size && (shown > 0 || offset() == 0) ? offset() + shown : -1;
    }
}
