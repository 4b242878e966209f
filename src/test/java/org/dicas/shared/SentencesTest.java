package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sentences render in the reader's language, and every key the code writes exists in both bundles. */
class SentencesTest {

    @Test
    void aSentenceRendersInTheReadersLanguageWithItsArgumentsInThatLanguageToo() {
        Sentence s = Sentence.of("sentence.fieldProblem", "x", Sentence.nation("JPN"));
        assertThat(Sentences.render(s, Locale.ENGLISH)).isEqualTo("x: Japan");
        assertThat(Sentences.render(s, Locale.JAPANESE)).isEqualTo("x：日本");
        assertThat(s.english()).isEqualTo("x: Japan");
    }

    @Test
    void listsAreJoinedInTheLanguageAndWholeNumbersAreNotGrouped() {
        Sentence s = Sentence.of("sentence.fieldProblem", 12345L, List.of(Sentence.nation("USA"), Sentence.nation("JPN")));
        assertThat(Sentences.render(s, Locale.ENGLISH)).isEqualTo("12345: United States, Japan");
        assertThat(Sentences.render(s, Locale.JAPANESE)).isEqualTo("12345：米国、日本");
    }

    @Test
    void aFieldProblemNamesTheFieldByItsLabel() {
        InvalidInputException e = InvalidInputException.of("marking", "nation.JPN");
        assertThat(e.describe(Locale.JAPANESE)).isEqualTo("区分表示：日本");
        assertThat(e.getMessage()).isEqualTo("Japan");
        assertThat(InvalidInputException.of("noSuchField", "nation.USA").describe(Locale.ENGLISH))
                .isEqualTo("noSuchField: United States");
    }

    @Test
    void aMissingKeyShowsAsMissingRatherThanAsEnglish() {
        assertThat(Sentences.render(Sentence.of("no.such.key"), Locale.JAPANESE)).isEqualTo("??no.such.key??");
    }

    @Test
    void freeTextIsNotAKey() {
        assertThatThrownBy(() -> Sentence.of("a meeting must end after it starts"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Keys written as literals where a sentence is made: {@code Sentence.of("k"}, {@code InvalidInputException.of(f, "k"}. */
    static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:Sentence\\.of|Sentence\\.label|new Sentence)\\(\\s*\"([^\"]+)\"|InvalidInputException\\.of\\([^,()]+,\\s*\"([^\"]+)\"");

    @Test
    void everyKeyTheCodeWritesExistsInEnglishAndJapanese() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(java));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!m.group(0).startsWith("Sentence.label")) {
                        used.add(key);
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                if (!Sentences.bundle(l).containsKey(key)) {
                    missing.add(l.getLanguage() + ":" + key);
                }
            }
        }
        assertThat(missing).as("sentence keys missing from a bundle").isEmpty();
    }
}
