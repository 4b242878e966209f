package org.dicas.requirements.engine;

/** Another requirement matching the one asked about: its id, the score in [0,1], the engine's opportunity judgment. */
public record Candidate(String id, double score, boolean opportunity, Explanation explanation) {
}
