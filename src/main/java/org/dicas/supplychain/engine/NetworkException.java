package org.dicas.supplychain.engine;

import org.dicas.shared.Sentence;

/**
 * Invalid network input: one sentence ({@code network.error.*}) naming the offending id, and the file position when
 * known. Pages and the API render it in the reader's language; the command line prints {@link #getMessage()}, the
 * English.
 */
public class NetworkException extends RuntimeException {

    private final Sentence sentence;

    public NetworkException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    static NetworkException of(String key, Object... args) {
        return new NetworkException(Sentence.of(key, args));
    }

    /** The problem followed by where it is ("… (nodes.csv line 7)"); just the problem when the position is unknown. */
    static NetworkException at(Sentence problem, Sentence where) {
        return new NetworkException(where == null ? problem : Sentence.of("network.error.located", problem, where));
    }

    /** What is wrong, in a form every language can render. */
    public Sentence sentence() {
        return sentence;
    }
}
