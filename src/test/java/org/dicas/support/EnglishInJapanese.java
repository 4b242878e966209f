package org.dicas.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English the system would write to a Japanese reader, found in Japanese text (a message, a page's text): runs of two
 * or more English words. Latin words that belong in Japanese text are not English sentences: products and the
 * treaty's own abbreviation ({@link #ALLOWED}), acronyms and codes in capitals, and single identifiers people type as
 * they are (a JSON field, a CSV column, {@code <channel>}, a setting {@code name=value}, a path).
 */
public final class EnglishInJapanese {

    public static final Set<String> ALLOWED = Set.of("SoSA", "Excel", "Markdown", "Atom", "Ctrl", "Cmd", "English",
            "PowerPoint", "Word", "ETag", "If-Match");

    private static final Pattern RUN = Pattern.compile("[A-Za-z][A-Za-z'’-]*(?:[ ][A-Za-z][A-Za-z'’-]*)+");

    private EnglishInJapanese() {
    }

    /** Runs of two or more English words, at least one of three letters or more with a lower-case letter. */
    public static List<String> runs(String japanese) {
        String text = japanese.replaceAll("\\{\\d[^}]*}", " ") // arguments
                .replaceAll("「[^」]*」", " ") // what to type, quoted
                .replaceAll("<[^>]*>", " ") // element names
                .replaceAll("\\S*[/=]\\S*", " "); // paths, URLs and settings
        List<String> runs = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            List<String> words = Arrays.stream(m.group().split(" +")).filter(w -> !ALLOWED.contains(w)).toList();
            if (words.size() >= 2 && words.stream().anyMatch(w -> w.length() >= 3 && !w.equals(w.toUpperCase(Locale.ROOT)))) {
                runs.add(m.group());
            }
        }
        return runs;
    }

    /** A whole text that is one English word (a label or status left untranslated: "Approved", "Pending"). */
    public static boolean isOneEnglishWord(String text) {
        String t = text.strip();
        return t.matches("[A-Za-z][a-z'’-]{2,}") && !ALLOWED.contains(t);
    }
}
