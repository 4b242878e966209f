package org.dicas.shared;

/**
 * Input larger than it may be (a file over its limit): a bad input like any other, answered {@code 413} by the API.
 * Nothing of it is saved.
 */
public class ContentTooLargeException extends InvalidInputException {

    public ContentTooLargeException(String field, Sentence sentence) {
        super(field, sentence);
    }
}
