package org.dicas.shared;

/** Input that breaks a business rule; {@code field} names what is wrong so the UI and API can point at it. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
