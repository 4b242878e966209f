package org.dicas.coproduction.engine;

/** Invalid co-production input; the message is one line naming the record. */
public class CoproductionException extends RuntimeException {
    public CoproductionException(String message) {
        super(message);
    }
}
