package org.dicas.shared;

/**
 * A change made against an older version of a record than the one stored: someone else changed it since it was read.
 * Nothing was saved. The API answers 412 naming both versions; a form shows both versions' values.
 */
public class StaleVersionException extends RuntimeException implements Explained {

    private final String kind;
    private final long id;
    private final long expected;
    private final long current;

    public StaleVersionException(String kind, long id, long expected, long current) {
        super(kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + id + " was changed by someone else: you sent version "
                + expected + ", it is now at version " + current + "; read it again and re-apply your change");
        this.kind = kind;
        this.id = id;
        this.expected = expected;
        this.current = current;
    }

    /** What happened and what to do. */
    @Override
    public Sentence sentence() {
        return Sentence.of("problem.stale.detail", String.valueOf(id), expected, current);
    }

    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
