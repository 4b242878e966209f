package org.dicas.sustainment.engine;

import org.dicas.shared.Sentence;

/**
 * Invalid scheduling input; one sentence naming the record ({@code schedule.error.*}), rendered in the reader's
 * language by the pages and the API, and in English ({@link #getMessage()}) by the command line.
 */
public class ScheduleException extends RuntimeException {

    private final Sentence sentence;

    public ScheduleException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    static ScheduleException of(String key, Object... args) {
        return new ScheduleException(Sentence.of(key, args));
    }

    /** What is wrong, in a form every language can render. */
    public Sentence sentence() {
        return sentence;
    }
}
