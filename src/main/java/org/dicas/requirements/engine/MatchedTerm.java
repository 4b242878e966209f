package org.dicas.requirements.engine;

import org.dicas.shared.Sentence;

/**
 * Something two requirements share: a glossary concept (id, its English and Japanese terms) or, when
 * {@code conceptId} is empty, a shared literal such as a designator ("SM-3", "T-7A") or a same-language word stem.
 * {@code weight} is the term's share of the text similarity (its IDF-weighted contribution).
 */
public record MatchedTerm(String conceptId, String english, String japanese, String literal, double weight) {

    public boolean isConcept() {
        return !conceptId.isEmpty();
    }

    /**
     * The term as the reader sees it: a concept in the reader's language (English readers see both terms, "trainer
     * aircraft / 練習機"; Japanese readers 練習機), the literal as written otherwise.
     */
    public Object sentence() {
        if (!isConcept() || japanese.isEmpty()) {
            return label();
        }
        return Sentence.of("opp.explain.concept", english, japanese);
    }

    /** "trainer aircraft / 練習機" for a concept, the literal otherwise. */
    public String label() {
        if (!isConcept()) {
            return literal;
        }
        return japanese.isEmpty() ? english : english + " / " + japanese;
    }
}
