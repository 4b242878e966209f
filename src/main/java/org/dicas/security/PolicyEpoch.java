package org.dicas.security;

import java.time.LocalDate;

/**
 * What a cached answer of the releasability policy depends on beyond the reader: the database-wide counter that moves
 * with every committed change able to alter readability, and today's date (authorizations start and end by date, with
 * no job running). Two equal epochs give equal answers for the same reader.
 */
public record PolicyEpoch(long counter, LocalDate today) {
}
