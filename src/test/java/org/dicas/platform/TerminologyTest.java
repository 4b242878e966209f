package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundles follow the reviewed terminology list in {@code docs/terminology.md}: one Japanese term per English
 * concept and, for the rows checked both ways, one English term per Japanese one.
 */
class TerminologyTest {

    static final Path LIST = Path.of("docs/terminology.md");

    record Term(String english, String japanese, List<String> avoid, boolean bothWays) {
        boolean inEnglish(String text) {
            String words = Arrays.stream(english.split(" ")).map(Pattern::quote).collect(Collectors.joining("[- ]"));
            return Pattern.compile("(?i)(?<![A-Za-z])" + words).matcher(text).find();
        }
    }

    record Exception(String key, String english) {
    }

    static List<List<String>> table(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertThat(start).as("section '" + heading + "' in " + LIST).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean header = true;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            if (header || line.startsWith("|---")) {
                header = false;
                continue;
            }
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList());
        }
        return rows;
    }

    static List<Term> terms() throws IOException {
        List<String> lines = Files.readAllLines(LIST);
        return table(lines, "## Terms").stream().map(r -> new Term(r.get(0), r.get(1),
                r.get(2).isBlank() ? List.of() : Arrays.stream(r.get(2).split(",")).map(String::strip).toList(),
                r.get(3).equals("yes"))).toList();
    }

    static Set<Exception> exceptions() throws IOException {
        return table(Files.readAllLines(LIST), "## Messages where a term is used in another sense").stream()
                .map(r -> new Exception(r.get(0), r.get(1))).collect(Collectors.toSet());
    }

    static Map<String, String> bundle(String name) throws IOException {
        Properties p = MessagesTest.bundle(name);
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /** Every violation of the list in the bundles, one line each. */
    static List<String> violations(List<Term> terms, Set<Exception> exceptions, Map<String, String> en,
                                   Map<String, String> ja) {
        List<String> out = new ArrayList<>();
        for (Term t : terms) {
            for (var e : en.entrySet()) {
                String key = e.getKey();
                String japanese = ja.getOrDefault(key, "");
                if (exceptions.contains(new Exception(key, t.english()))) {
                    continue;
                }
                boolean english = t.inEnglish(e.getValue());
                if (english && !japanese.contains(t.japanese())) {
                    out.add(key + ": '" + t.english() + "' should read " + t.japanese() + " — " + japanese);
                }
                for (String avoid : t.avoid()) {
                    if ((english || t.bothWays()) && japanese.contains(avoid)) {
                        out.add(key + ": " + avoid + " is not the term for '" + t.english() + "' (" + t.japanese()
                                + ") — " + japanese);
                    }
                }
                if (t.bothWays() && !english && japanese.contains(t.japanese())) {
                    out.add(key + ": " + t.japanese() + " is '" + t.english() + "' but the English does not say so — "
                            + e.getValue());
                }
            }
        }
        return out;
    }

    @Test
    void theBundlesFollowTheTerminologyList() throws IOException {
        List<Term> terms = terms();
        assertThat(terms).hasSizeGreaterThan(15);
        assertThat(violations(terms, exceptions(), bundle("messages.properties"), bundle("messages_ja.properties")))
                .as("messages that do not follow docs/terminology.md").isEmpty();
    }

    @Test
    void theCheckCatchesTwoJapaneseTermsForOneEnglishTermAndTheReverse() {
        Term requirement = new Term("requirement", "運用要求", List.of("所要"), true);
        Map<String, String> en = Map.of("a", "Requirements", "b", "Link another requirement", "c", "Need date");
        Map<String, String> ja = Map.of("a", "運用要求", "b", "所要を追加", "c", "運用要求の時期");
        assertThat(violations(List.of(requirement), Set.of(), en, ja)).hasSize(3)
                .anyMatch(v -> v.startsWith("b: 'requirement' should read"))
                .anyMatch(v -> v.startsWith("b: 所要 is not the term"))
                .anyMatch(v -> v.startsWith("c: 運用要求 is 'requirement'"));
        assertThat(violations(List.of(requirement), Set.of(new Exception("b", "requirement")), en, ja)).hasSize(1);
        assertThat("Requirement".toLowerCase(Locale.ROOT)).isEqualTo(requirement.english());
    }
}
