package org.dicas.shared;

/**
 * An exception that says what went wrong as a {@link Sentence}, so that whoever shows it (a page, the API, a filter)
 * renders it in the reader's language instead of passing on the English of {@link Throwable#getMessage()}.
 */
public interface Explained {

    /** What went wrong, to be rendered in the reader's language. */
    Sentence sentence();
}
