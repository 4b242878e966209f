package org.dicas.shared;

import java.util.Locale;

/**
 * How a reader asks to see a long list, beside which page ({@link Paging}): the column to sort by ({@code sort}, a
 * key the list names in its {@link ListColumns}; null for the list's own order), the direction ({@code dir}: {@code asc}
 * or {@code desc}; null for the column's usual direction) and a text filter ({@code q}: the items whose listed texts
 * contain it, case-insensitive; blank for all). Pages read it from those query parameters; the API takes the sort as
 * one parameter, {@code sort=field,asc|desc} (the direction optional), read by the same {@link #of}. The list checks
 * the column.
 */
public record TableView(String sort, Boolean descending, String filter) {

    public static final int MAX_FILTER = 200;
    public static final TableView NONE = new TableView(null, null, "");

    public TableView {
        sort = sort == null || sort.isBlank() ? null : sort.strip();
        filter = filter == null ? "" : filter.strip();
        if (filter.length() > MAX_FILTER) {
            throw InvalidInputException.of("q", "table.error.filterTooLong", MAX_FILTER);
        }
    }

    /**
     * Reads the query parameters as given (null or blank: the list's own order, no filter). A {@code sort} of the form
     * {@code field,asc} or {@code field,desc} carries its direction (the API's form); a {@code dir} beside it must
     * not say otherwise.
     */
    public static TableView of(String sort, String dir, String filter) {
        if (sort != null && sort.indexOf(',') >= 0) {
            int comma = sort.lastIndexOf(',');
            String given = sort.substring(comma + 1).strip();
            if (dir != null && !dir.isBlank() && !given.isEmpty() && !dir.strip().equalsIgnoreCase(given)) {
                throw InvalidInputException.of("dir", "table.error.twoDirections", shorten(given, 20),
                        shorten(dir.strip(), 20));
            }
            dir = given.isEmpty() ? dir : given;
            sort = sort.substring(0, comma);
        }
        Boolean descending = null;
        if (dir != null && !dir.isBlank()) {
            descending = switch (dir.strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw InvalidInputException.of("dir", "table.error.direction", shorten(dir.strip(), 20));
            };
        }
        return new TableView(sort, descending, filter);
    }

    private static String shorten(String given, int max) {
        return given.length() > max ? given.substring(0, max) + "…" : given;
    }

    public boolean filtered() {
        return !filter.isEmpty();
    }

    /** The filter as an {@code ilike} pattern: the text anywhere, its wildcards taken literally. */
    public String filterPattern() {
        return "%" + filter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
