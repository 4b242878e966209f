package org.dicas.coproduction.engine;

import org.dicas.shared.Sentence;

/**
 * Invalid co-production input: one sentence naming the record and the rule it breaks, held as a message key and its
 * arguments so that the server shows it in the reader's language; {@link #getMessage()} is its English, the command
 * line's one line.
 */
public class CoproductionException extends RuntimeException {
    private final Sentence sentence;

    public CoproductionException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    /** What is wrong, in a form every language renders. */
    public Sentence sentence() {
        return sentence;
    }
}
