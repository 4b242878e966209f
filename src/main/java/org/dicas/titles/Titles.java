package org.dicas.titles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.shared.Marking;
import org.dicas.shared.Versioned;

/**
 * A record's title (and short summary) in English and in Japanese, as a reader may see it. {@code version} is the
 * record's version: a change of a title is made against it. {@code original} is the language of the record's own
 * title (the one its form writes); {@code marking} is the record's, which its titles carry wherever they are shown.
 */
public record Titles(long id, String kind, Marking marking, long version, String original, Optional<Title> en,
                     Optional<Title> ja) implements Versioned {

    /** The two languages a title is held in. */
    public static final List<String> LANGUAGES = List.of("en", "ja");

    /**
     * One language's title: its text and short summary, whether it is a glossary draft no person has confirmed,
     * whether it is the record's own (written by the record's form, so changed there, not here), who wrote it and when
     * (empty for the record's own).
     */
    public record Title(String language, String title, String summary, boolean draft, boolean own,
                        Optional<String> writtenBy, Optional<Instant> writtenAt) {
    }

    public Optional<Title> in(String language) {
        return switch (language) {
            case "en" -> en;
            case "ja" -> ja;
            default -> throw new IllegalArgumentException("no such language: " + language);
        };
    }

    /** The reader's language first, then the other: only those held. */
    public List<Title> forReader(Locale locale) {
        String first = languageOf(locale);
        List<Title> out = new ArrayList<>();
        in(first).ifPresent(out::add);
        in(other(first)).ifPresent(out::add);
        return out;
    }

    /** The languages without a title (none, or the one a draft is offered for). */
    public List<String> missing() {
        return LANGUAGES.stream().filter(l -> in(l).isEmpty()).toList();
    }

    /** The languages whose title is a glossary draft not yet confirmed. */
    public List<String> drafts() {
        return LANGUAGES.stream().filter(l -> in(l).map(Title::draft).orElse(false)).toList();
    }

    /** The language a locale reads ({@code ja} for Japanese, otherwise {@code en}). */
    public static String languageOf(Locale locale) {
        return locale != null && locale.getLanguage().equals("ja") ? "ja" : "en";
    }

    public static String other(String language) {
        return language.equals("ja") ? "en" : "ja";
    }
}
