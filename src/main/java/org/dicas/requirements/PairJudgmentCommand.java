package org.dicas.requirements;

/**
 * An official's judgment of the pair a requirement forms with {@code other}: the same need ({@code sameNeed} true),
 * or not (false, with a {@link JudgmentReason} code; {@code OTHER} says what in the note). The note is optional
 * otherwise.
 */
public record PairJudgmentCommand(Long other, Boolean sameNeed, String reason, String note) {
}
