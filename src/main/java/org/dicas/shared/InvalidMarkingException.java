package org.dicas.shared;

/** A banner that does not follow the grammar of the trust model; the sentence names the problem. */
public class InvalidMarkingException extends IllegalArgumentException implements Explained {
    private final Sentence sentence;

    public InvalidMarkingException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    @Override
    public Sentence sentence() {
        return sentence;
    }

    /** "marking: what is wrong" in the reader's language. */
    public String describe(java.util.Locale locale) {
        return Sentences.fieldProblem("marking", sentence, locale);
    }
}
