package org.dicas.programs.engine;

/** Invalid work-share input; one line naming the record. */
public class WorkShareException extends RuntimeException {
    public WorkShareException(String message) {
        super(message);
    }
}
