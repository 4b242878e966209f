package org.dicas.programs.engine;

import org.dicas.shared.Sentence;

/**
 * Invalid work-share input, or no split found in the time given: one sentence naming the record, held as a message
 * key and its arguments so that the server shows it in the reader's language; {@link #getMessage()} is its English,
 * the command line's one line.
 */
public class WorkShareException extends RuntimeException {
    private final Sentence sentence;

    public WorkShareException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    /** What is wrong, in a form every language renders. */
    public Sentence sentence() {
        return sentence;
    }
}
