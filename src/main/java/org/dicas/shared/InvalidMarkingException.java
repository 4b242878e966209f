package org.dicas.shared;

/** A banner that does not follow the grammar of the trust model; the message names the problem. */
public class InvalidMarkingException extends IllegalArgumentException {
    public InvalidMarkingException(String message) {
        super(message);
    }
}
