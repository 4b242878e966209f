package org.dicas.sustainment;

import java.time.LocalDate;

/** Fixes a job to a resource (by code) and a start day. */
public record PinCommand(String resource, LocalDate start) {
}
