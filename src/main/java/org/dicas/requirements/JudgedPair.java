package org.dicas.requirements;

/**
 * An official's judgment of two requirements: the same need ({@code sameNeed}) or not. The finder's model trains on
 * every judgment; training is not a read by a person, so judgments are not filtered by reader.
 */
public record JudgedPair(long firstRequirementId, long secondRequirementId, boolean sameNeed) {
}
