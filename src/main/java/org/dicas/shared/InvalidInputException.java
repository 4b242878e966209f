package org.dicas.shared;

/**
 * Input that breaks a business rule; {@code field} names what is wrong so the UI and API can point at it, and
 * {@link #sentence()} says what is wrong in a form every language can render. {@link #getMessage()} is the English
 * rendering, for logs and the command line.
 */
public class InvalidInputException extends RuntimeException implements Explained {
    private final String field;
    private final Sentence sentence;

    public InvalidInputException(String field, Sentence sentence) {
        super(sentence.english());
        this.field = field;
        this.sentence = sentence;
    }

    /** Shorthand for {@code new InvalidInputException(field, Sentence.of(key, args))}. */
    public static InvalidInputException of(String field, String key, Object... args) {
        return new InvalidInputException(field, Sentence.of(key, args));
    }

    public String field() {
        return field;
    }

    /** What is wrong, for rendering in the reader's language. */
    @Override
    public Sentence sentence() {
        return sentence;
    }

    /** "field label: what is wrong" in the reader's language. */
    public String describe(java.util.Locale locale) {
        return Sentences.fieldProblem(field, sentence, locale);
    }
}
