package org.dicas.sustainment.engine;

/** Invalid scheduling input; one line naming the record. */
public class ScheduleException extends RuntimeException {
    public ScheduleException(String message) {
        super(message);
    }
}
