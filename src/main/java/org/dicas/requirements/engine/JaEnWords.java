package org.dicas.requirements.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A general Japanese→English word list (method §11e): {@code glossary/ja-en-words.tsv.gz}, derived by
 * {@code tools/bilingual/build.py} from EDRDG's JMdict/EDICT (Creative Commons Attribution-ShareAlike; see
 * {@code glossary/README-ja-en-words.md}): each Japanese writing in kanji or katakana with the English content words of
 * its first senses. A Japanese text is read into English words by longest match over each of its kanji/katakana runs;
 * an English text into its own words. Both sides are normalised the same way (lower case, singular, no function
 * words), so that a pair written in two languages can be compared word for word. Nothing is picked by hand; the list is
 * data, read once. Immutable, thread-safe.
 */
final class JaEnWords {

    static final String RESOURCE = "glossary/ja-en-words.tsv.gz";
    private static final Pattern RUN = Pattern.compile("[\\u4E00-\\u9FFF\\u3005\\u30A1-\\u30FA\\u30FC]+");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z\\-]*[A-Za-z]|[A-Za-z]");
    /** Function words and words of every requirement (they tell nothing apart). */
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "by",
            "with", "from", "as", "at", "be", "is", "are", "was", "were", "it", "its", "this", "that", "these", "those",
            "such", "not", "no", "into", "out", "up", "down", "over", "under", "about", "between", "per", "via", "also",
            "other", "another", "some", "any", "all", "each", "very", "more", "most", "less", "than", "then", "will",
            "shall", "must", "can", "may", "our", "we", "their", "they", "which", "who", "has", "have", "had", "been",
            "new", "need", "needs", "required", "requirement", "requirements");
    private static volatile JaEnWords shipped;

    private final Map<String, String[]> words;
    private final int longest;

    private JaEnWords(Map<String, String[]> words, int longest) {
        this.words = words;
        this.longest = longest;
    }

    /** The shipped list (read once, on first use). */
    static JaEnWords shipped() {
        JaEnWords w = shipped;
        if (w == null) {
            synchronized (JaEnWords.class) {
                w = shipped;
                if (w == null) {
                    w = read();
                    shipped = w;
                }
            }
        }
        return w;
    }

    private static JaEnWords read() {
        Map<String, String[]> m = new HashMap<>(400_000);
        int longest = 1;
        try (InputStream in = JaEnWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab <= 0) {
                    continue;
                }
                String writing = line.substring(0, tab);
                List<String> ws = new ArrayList<>();
                for (String w : line.substring(tab + 1).split(" ")) {
                    String n = normal(w);
                    if (n != null && !ws.contains(n)) {
                        ws.add(n);
                    }
                }
                if (!ws.isEmpty()) {
                    m.put(writing, ws.toArray(String[]::new));
                    longest = Math.max(longest, writing.length());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JaEnWords(java.util.Collections.unmodifiableMap(m), Math.min(longest, 16));
    }

    /** Number of Japanese writings known. */
    int size() {
        return words.size();
    }

    /** A word as both sides compare it: lower case, singular; null for a function word or a word too short. */
    static String normal(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 2 || STOP.contains(w)) {
            return null;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The segments of one kanji/katakana run, longest match first, each with its English words (unknown: skipped). */
    List<String[]> segments(String run) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while (i < run.length()) {
            int found = 0;
            for (int len = Math.min(longest, run.length() - i); len >= 1; len--) {
                String[] ws = words.get(run.substring(i, i + len));
                if (ws != null) {
                    out.add(ws);
                    found = len;
                    break;
                }
            }
            i += found == 0 ? 1 : found;
        }
        return out;
    }

    /**
     * The English words of a text with their counts: a Japanese text's kanji/katakana runs through the list, and every
     * Latin word of any text as it is written.
     */
    Map<String, Integer> english(String text) {
        Map<String, Integer> out = new HashMap<>();
        Matcher r = RUN.matcher(text);
        while (r.find()) {
            for (String[] ws : segments(r.group())) {
                for (String w : ws) {
                    out.merge(w, 1, Integer::sum);
                }
            }
        }
        Matcher l = LATIN.matcher(text);
        while (l.find()) {
            String n = normal(l.group());
            if (n != null) {
                out.merge(n, 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * The English words of a title's head: for a Japanese title the words of the last segment of its last
     * kanji/katakana run (the head noun of a Japanese compound comes last), for an English one the head word itself.
     */
    Set<String> head(String title, String englishHead) {
        String t = title.replaceAll("[（(][^）)]*[）)]", " ")
                .replaceAll("(の)?(更新|取得|調達|整備|導入|能力向上|改修|近代化|換装|増強|拡充|確保)$", "").strip();
        Matcher r = RUN.matcher(t);
        String last = null;
        while (r.find()) {
            last = r.group();
        }
        if (last == null) {
            String n = englishHead == null || englishHead.isEmpty() ? null : normal(englishHead);
            return n == null ? Set.of() : Set.of(n);
        }
        List<String[]> segs = segments(last);
        return segs.isEmpty() ? Set.of() : Set.of(segs.get(segs.size() - 1));
    }
}
