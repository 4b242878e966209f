package org.dicas.search;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.junit.jupiter.api.Test;

/**
 * Every kind of record the index holds is shown by its label in both languages (no {@code ??record.kind.lead_ja??}):
 * the kinds are read from the code that registers records, so a new kind without labels fails here.
 */
class RecordKindLabelsTest {

    /** {@code records.register("KIND"} and {@code KIND = "KIND"} constants: the kinds written to the record table. */
    static final Pattern REGISTERED = Pattern.compile("register\\(\\s*\"([A-Z_]+)\"");
    static final Pattern CONSTANT = Pattern.compile("String\\s+\\w*KIND\\s*=\\s*\"([A-Z_]+)\"");

    static Set<String> recordKinds() throws IOException {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(java);
                for (Pattern p : List.of(REGISTERED, CONSTANT)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        kinds.add(m.group(1));
                    }
                }
            }
        }
        return kinds;
    }

    @Test
    void everyRecordKindHasALabelInEnglishAndJapanese() throws IOException {
        Set<String> kinds = recordKinds();
        assertThat(kinds).as("the scan finds the kinds (the test can fail)")
                .contains("REQUIREMENT", "OPPORTUNITY", "LEAD", "ACQUISITION_PLAN", "MEETING", "DOCUMENT");
        List<String> missing = new ArrayList<>();
        for (String kind : kinds) {
            String key = SearchHit.labelKey(SearchHit.typeOf(kind));
            if (!Sentences.exists(key)) {
                missing.add("en:" + key);
                continue;
            }
            String en = Sentences.render(Sentence.of(key), Locale.ENGLISH);
            String ja = Sentences.render(Sentence.of(key), Locale.JAPANESE);
            if (ja.startsWith("??") || ja.equals(en)) {
                missing.add("ja:" + key);
            }
        }
        assertThat(missing).as("record kinds without a label").isEmpty();
    }

    @Test
    void aHitShowsTheLabelOfItsKind() {
        assertThat(SearchHit.typeOf("ACQUISITION_PLAN")).isEqualTo("acquisition-plan");
        assertThat(Sentences.render(Sentence.of(SearchHit.labelKey("opportunity")), Locale.JAPANESE)).isEqualTo("協力機会");
        assertThat(Sentences.render(Sentence.of(SearchHit.labelKey("lead")), Locale.ENGLISH)).isEqualTo("Lead");
    }
}
