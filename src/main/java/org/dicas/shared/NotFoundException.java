package org.dicas.shared;

/**
 * A record that does not exist, or that the caller may not read: the two are indistinguishable on purpose
 * (the trust model answers 404, never 403).
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
    }
}
