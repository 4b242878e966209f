package org.dicas.search.engine;

/** One record found: what the index stored about it, its score and a plain-text snippet around the match. */
public record Found(long id, String kind, String title, String marking, String link, String snippet, float score) {
}
