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

    /** The language a literal (not a concept) is written in, for its {@code lang}: "ja" or "en"; empty for a concept. */
    public String literalLanguage() {
        if (isConcept()) {
            return "";
        }
        return literal.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        }) ? "ja" : "en";
    }

    /**
     * The term as the reader sees it in a sentence: a concept in the reader's language ("trainer aircraft" or 練習機),
     * the literal as written otherwise.
     */
    public Object sentence() {
        if (!isConcept() || japanese.isEmpty()) {
            return label();
        }
        return Sentence.of("opp.explain.concept", english, japanese);
    }

    /** The term in the reader's language: a concept's English or Japanese term, the literal otherwise. */
    public String term(java.util.Locale reader) {
        if (!isConcept()) {
            return literal;
        }
        boolean japanese = reader != null && "ja".equals(reader.getLanguage()) && !this.japanese.isEmpty();
        return japanese ? this.japanese : english;
    }

    /** The same concept in the other language (shown beneath, marked with its own {@code lang}), or empty. */
    public String otherTerm(java.util.Locale reader) {
        if (!isConcept() || japanese.isEmpty()) {
            return "";
        }
        return reader != null && "ja".equals(reader.getLanguage()) ? english : japanese;
    }

    /** "trainer aircraft / 練習機" for a concept, the literal otherwise (the command line's form). */
    public String label() {
        if (!isConcept()) {
            return literal;
        }
        return japanese.isEmpty() ? english : english + " / " + japanese;
    }
}
