package org.dicas.shared;

/**
 * A record that can be changed, with the version it had when it was read. The API sends the version as the
 * {@code ETag} of every response whose body is {@code Versioned}; a change must name it back ({@code If-Match}, or the
 * {@code version} field of a form), and a change against an older version is refused, saving nothing.
 */
public interface Versioned {
    long id();

    long version();
}
