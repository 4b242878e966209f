package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.shared.NationCode;
import org.junit.jupiter.api.Test;

/**
 * Pages name nations through {@code #labels} only (one rendering, the same bundles as every sentence): the test reads
 * every template and fails on a nation's message key built by hand ({@code 'nation.' + code}, {@code nation.__code__})
 * or on another bean's copy of the lookup.
 */
class TemplatesNameNationsThroughLabelsTest {

    private static final Pattern BY_HAND = Pattern.compile("'nation\\.'|nation\\.__|@\\w+\\.nations?\\(");

    @Test
    void noTemplateBuildsANationsKeyByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TemplatesSayTimesThroughWhenTest.TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = BY_HAND.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(f + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("use ${#labels.nation(code)} / ${#labels.nations(codes)}").isEmpty();
    }

    @Test
    void aNationReadsInTheReadersLanguageAndAnotherCountryAsTheApiNamesIt() {
        var ja = new Labels(Locale.JAPANESE);
        var en = new Labels(Locale.ENGLISH);
        assertThat(ja.nation("JPN")).isEqualTo("日本");
        assertThat(ja.nation(new NationCode("USA"))).isEqualTo("米国");
        assertThat(en.nation("AUS")).isEqualTo("Australia");
        assertThat(ja.nations(List.of("USA", "JPN"))).isEqualTo("米国、日本");
        assertThat(en.nations(List.of(new NationCode("USA"), new NationCode("JPN")))).isEqualTo("United States, Japan");
        assertThat(ja.nation("TWN")).isEqualTo(NationNames.of("TWN", Locale.JAPANESE)).isNotEqualTo("TWN");
        assertThat(en.nation("XQZ")).as("not an ISO 3166 code: shown as typed").isEqualTo("XQZ");
        assertThat(ja.nation(null)).isEmpty();
    }
}
