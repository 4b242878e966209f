package org.dicas.shared;

/**
 * A create that would make a twin of a record the caller may already read (the same pair of requirements tracked
 * twice, say): refused with a sentence naming the existing record, whose id is {@link #existingId()}. The API answers
 * 409 with {@code existingId}; a page shows the sentence on its form, as for any bad input. Only a record the caller
 * may read is ever named: one they may not read does not count as existing for them.
 */
public class AlreadyExistsException extends InvalidInputException {

    private final long existingId;

    public AlreadyExistsException(String field, long existingId, Sentence sentence) {
        super(field, sentence);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
