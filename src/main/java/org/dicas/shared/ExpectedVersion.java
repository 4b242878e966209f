package org.dicas.shared;

/**
 * The version a change was made against: what the client read, sent back as {@code If-Match} (API) or as the form's
 * {@code version} field (pages). Versions start at 1.
 */
public record ExpectedVersion(long value) {

    private static final ExpectedVersion NOT_GIVEN = new ExpectedVersion(0);

    /** {@code value} is a version from 1, or 0 for a change that named none ({@link #notGiven()}). */
    public ExpectedVersion {
        if (value < 0) {
            throw InvalidInputException.of("version", "version.error.notWhole", String.valueOf(value));
        }
    }

    /**
     * A change that named no version. It is refused (428) where it would be saved — after the record has been found
     * and checked, so that a hidden record still answers exactly like a missing one.
     */
    public static ExpectedVersion notGiven() {
        return NOT_GIVEN;
    }

    public boolean given() {
        return value > 0;
    }

    /** The version the change names; refuses a change that names none. */
    public long required() {
        if (!given()) {
            throw new VersionRequiredException();
        }
        return value;
    }

    /** Reads an entity tag as sent in {@code If-Match}: {@code "3"} (weak {@code W/"3"} is refused: it is not exact). */
    public static ExpectedVersion ofEntityTag(String header) {
        String h = header == null ? "" : header.strip();
        if (h.equals("*")) {
            throw InvalidInputException.of("If-Match", "version.error.ifMatchAny");
        }
        if (h.length() < 3 || !h.startsWith("\"") || !h.endsWith("\"")) {
            throw InvalidInputException.of("If-Match", "version.error.ifMatchForm",
                    h.length() > 40 ? h.substring(0, 40) + "…" : h);
        }
        return parse("If-Match", h.substring(1, h.length() - 1));
    }

    /** Reads the {@code version} field of a form. */
    public static ExpectedVersion ofField(String field, String value) {
        if (value == null || value.isBlank()) {
            return NOT_GIVEN;
        }
        return parse(field, value.strip());
    }

    private static ExpectedVersion parse(String field, String digits) {
        if (!digits.matches("[0-9]{1,18}") || Long.parseLong(digits) < 1) {
            throw InvalidInputException.of(field, "version.error.notWhole", digits);
        }
        return new ExpectedVersion(Long.parseLong(digits));
    }

    /** The entity tag of a version, as sent in {@code ETag}. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }
}
