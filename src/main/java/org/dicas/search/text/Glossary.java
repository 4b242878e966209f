package org.dicas.search.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The English↔Japanese defense-acquisition glossary the project ships ({@code glossary/defense-glossary.tsv}): each
 * concept has an id, a capability-area code ({@code glossary/capability-areas.tsv}), a role, English terms and
 * Japanese terms. {@link #conceptsIn} finds the concepts a text mentions in either language:
 * <ul>
 *   <li>English terms are matched on analysed token sequences ({@link TextAnalysis#englishAnalyzer()}: lower case,
 *       stop words dropped, Porter stems), so "replacing trainer jets" matches the term "replace" and "trainer jet";
 *   <li>Japanese terms are matched as substrings of the NFKC-normalised text with white space, middle dots and the
 *       long-vowel mark removed (so コンピューター and コンピュータ agree);
 *   <li>in both languages the longest term at a position wins and the scan continues after it (迎撃ミサイル is the
 *       concept "interceptor", not "missile").
 * </ul>
 * Instances are immutable and thread-safe; {@link #shipped()} is loaded once.
 */
public final class Glossary {

    /** Resource path of the shipped glossary. */
    public static final String GLOSSARY_RESOURCE = "glossary/defense-glossary.tsv";
    /** Resource path of the shipped capability-area taxonomy. */
    public static final String AREAS_RESOURCE = "glossary/capability-areas.tsv";

    /**
     * What a concept names, used by the opportunity finder to weigh it: {@code OBJECT} a platform, weapon, system or
     * subject (trainer jet, interceptor, radar); {@code ACTIVITY} the kind of need (procure, repair, develop,
     * training); {@code QUALIFIER} a property narrowing an object (hypersonic, glide phase, long-range);
     * {@code GENERIC} a broad word (missile, aircraft, ship); {@code ORG} a service or organisation;
     * {@code PROCESS} acquisition vocabulary that says little about the need (fiscal year, MOU, budget).
     */
    public enum Role { OBJECT, ACTIVITY, QUALIFIER, GENERIC, ORG, PROCESS }

    /** One concept with its terms in both languages. */
    public record Entry(String id, String area, Role role, List<String> english, List<String> japanese) {
        public Entry {
            english = List.copyOf(english);
            japanese = List.copyOf(japanese);
        }

        /** The first (preferred) English term. */
        public String englishTerm() {
            return english.isEmpty() ? id : english.get(0);
        }

        /** The first (preferred) Japanese term. */
        public String japaneseTerm() {
            return japanese.isEmpty() ? "" : japanese.get(0);
        }
    }

    /** One occurrence of a concept in a text: the concept, the language matched, the literal text and its span. */
    public record Match(String conceptId, Language language, String literal, int start, int end) {
    }

    private record Phrase(String[] tokens, String conceptId) {
    }

    private record JaTerm(String normalized, String conceptId) {
    }

    private static volatile Glossary shipped;

    private final Map<String, Entry> entries;
    private final Map<String, CapabilityArea> areas;
    /** English phrases by first token, longest first. */
    private final Map<String, Phrase[]> englishByFirst;
    /** Japanese terms by first normalised character, longest first. */
    private final Map<Character, JaTerm[]> japaneseByFirst;

    private Glossary(Map<String, Entry> entries, Map<String, CapabilityArea> areas) {
        this.entries = Collections.unmodifiableMap(entries);
        this.areas = Collections.unmodifiableMap(areas);
        Map<String, List<Phrase>> en = new HashMap<>();
        Map<Character, List<JaTerm>> ja = new HashMap<>();
        for (Entry e : entries.values()) {
            for (String term : e.english()) {
                List<String> tokens = TextAnalysis.englishTerms(term);
                if (!tokens.isEmpty()) {
                    en.computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                            .add(new Phrase(tokens.toArray(String[]::new), e.id()));
                }
            }
            for (String term : e.japanese()) {
                String n = normalizeJapanese(term);
                // Terms without Japanese characters (NASAMS, MK41) are left to the English matcher.
                if (!n.isEmpty() && TextAnalysis.hasJapanese(n)) {
                    ja.computeIfAbsent(n.charAt(0), k -> new ArrayList<>()).add(new JaTerm(n, e.id()));
                }
            }
        }
        Map<String, Phrase[]> enSorted = new HashMap<>();
        en.forEach((k, v) -> {
            v.sort(Comparator.comparingInt((Phrase p) -> -p.tokens().length));
            enSorted.put(k, v.toArray(Phrase[]::new));
        });
        Map<Character, JaTerm[]> jaSorted = new HashMap<>();
        ja.forEach((k, v) -> {
            v.sort(Comparator.comparingInt((JaTerm t) -> -t.normalized().length()));
            jaSorted.put(k, v.toArray(JaTerm[]::new));
        });
        this.englishByFirst = enSorted;
        this.japaneseByFirst = jaSorted;
    }

    /** The glossary shipped on the classpath, loaded once. */
    public static Glossary shipped() {
        Glossary g = shipped;
        if (g == null) {
            synchronized (Glossary.class) {
                g = shipped;
                if (g == null) {
                    g = load(resource(GLOSSARY_RESOURCE), resource(AREAS_RESOURCE));
                    shipped = g;
                }
            }
        }
        return g;
    }

    private static Reader resource(String path) {
        InputStream in = Glossary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("glossary resource missing from the classpath: " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * Reads a glossary and its taxonomy (tab-separated, UTF-8, {@code #} comments, one header line each). Glossary
     * columns: id, area, English terms, Japanese terms (both {@code |}-separated), role (optional, default OBJECT).
     * Taxonomy columns: code, parent, English name, Japanese name.
     *
     * @throws IllegalArgumentException naming the line when a row is malformed, an id repeats or an area is unknown
     */
    public static Glossary load(Reader glossaryTsv, Reader areasTsv) {
        Map<String, CapabilityArea> areas = new LinkedHashMap<>();
        for (Row row : rows(areasTsv, "code")) {
            String[] c = row.cells();
            if (c.length < 4) {
                throw new IllegalArgumentException("capability areas line " + row.line() + ": expected 4 columns, found " + c.length);
            }
            if (!c[1].isEmpty() && !areas.containsKey(c[1])) {
                throw new IllegalArgumentException("capability areas line " + row.line() + ": unknown parent " + c[1]);
            }
            if (areas.put(c[0], new CapabilityArea(c[0], c[1], c[2], c[3])) != null) {
                throw new IllegalArgumentException("capability areas line " + row.line() + ": duplicate code " + c[0]);
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Row row : rows(glossaryTsv, "id")) {
            String[] c = row.cells();
            if (c.length < 4) {
                throw new IllegalArgumentException("glossary line " + row.line() + ": expected at least 4 columns, found " + c.length);
            }
            if (!areas.containsKey(c[1])) {
                throw new IllegalArgumentException("glossary line " + row.line() + ": unknown capability area " + c[1]);
            }
            Role role;
            try {
                role = c.length > 4 && !c[4].isBlank() ? Role.valueOf(c[4].trim().toUpperCase(Locale.ROOT)) : Role.OBJECT;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("glossary line " + row.line() + ": unknown role " + c[4]);
            }
            List<String> en = split(c[2]);
            List<String> ja = split(c[3]);
            if (en.isEmpty() && ja.isEmpty()) {
                throw new IllegalArgumentException("glossary line " + row.line() + ": concept " + c[0] + " has no terms");
            }
            if (entries.put(c[0], new Entry(c[0], c[1], role, en, ja)) != null) {
                throw new IllegalArgumentException("glossary line " + row.line() + ": duplicate concept id " + c[0]);
            }
        }
        return new Glossary(entries, areas);
    }

    private record Row(int line, String[] cells) {
    }

    private static List<Row> rows(Reader reader, String headerFirstCell) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int n = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.stream(line.split("\t", -1)).map(String::strip).toArray(String[]::new);
                if (!header && cells[0].equals(headerFirstCell)) {
                    header = true;
                    continue;
                }
                rows.add(new Row(n, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Language of a text (see {@link Language#detect}). */
    public static Language detect(String text) {
        return Language.detect(text);
    }

    /** All concepts, in file order. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    public Optional<Entry> entry(String conceptId) {
        return Optional.ofNullable(entries.get(conceptId));
    }

    public int size() {
        return entries.size();
    }

    /** The capability-area taxonomy, in file order. */
    public Collection<CapabilityArea> capabilityAreas() {
        return areas.values();
    }

    public Optional<CapabilityArea> capabilityArea(String code) {
        return Optional.ofNullable(areas.get(code));
    }

    /** The ids of the concepts the text mentions, in English and/or Japanese, in order of first occurrence. */
    public Set<String> conceptsIn(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (Match m : matchesIn(text)) {
            ids.add(m.conceptId());
        }
        return ids;
    }

    /** Every concept occurrence in the text (English matches first, then Japanese), longest match first. */
    public List<Match> matchesIn(String text) {
        List<Match> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String norm = TextAnalysis.normalize(text);
        matchEnglish(norm, out);
        if (TextAnalysis.hasJapanese(norm)) {
            matchJapanese(norm, out);
        }
        return out;
    }

    private void matchEnglish(String text, List<Match> out) {
        List<String> tokens = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        try (TokenStream ts = TextAnalysis.englishAnalyzer().tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
                offsets.add(new int[] {off.startOffset(), off.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = 0;
        while (i < tokens.size()) {
            Phrase[] candidates = englishByFirst.get(tokens.get(i));
            Phrase hit = null;
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if (startsAt(tokens, i, p.tokens())) {
                        hit = p;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int start = offsets.get(i)[0];
            int end = offsets.get(i + hit.tokens().length - 1)[1];
            out.add(new Match(hit.conceptId(), Language.EN, text.substring(start, end), start, end));
            i += hit.tokens().length;
        }
    }

    private static boolean startsAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!tokens.get(at + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private void matchJapanese(String text, List<Match> out) {
        // Build the normalised string and a map back to offsets in the NFKC text.
        StringBuilder sb = new StringBuilder(text.length());
        int[] back = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (skipInJapanese(c)) {
                continue;
            }
            back[sb.length()] = i;
            sb.append(Character.toLowerCase(c));
        }
        back[sb.length()] = text.length();
        String s = sb.toString();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            // Japanese terms may start with a designator (T-4練習機, GPS妨害): those start only at a word boundary.
            // Numeric type designators (12式) are left to the designator feature of the opportunity finder.
            boolean start = TextAnalysis.isJapanese(c) || (Character.isLetter(c) && (i == 0
                    || !Character.isLetterOrDigit(s.charAt(i - 1)) || TextAnalysis.isJapanese(s.charAt(i - 1))));
            JaTerm[] candidates = start ? japaneseByFirst.get(c) : null;
            JaTerm hit = null;
            if (candidates != null) {
                for (JaTerm t : candidates) {
                    if (s.startsWith(t.normalized(), i)) {
                        hit = t;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int end = i + hit.normalized().length();
            int startOrig = back[i];
            int endOrig = end < s.length() ? back[end] : text.length();
            out.add(new Match(hit.conceptId(), Language.JA, text.substring(startOrig, endOrig).strip(), startOrig, endOrig));
            i = end;
        }
    }

    private static boolean skipInJapanese(char c) {
        return Character.isWhitespace(c) || c == '・' || c == 'ー' || c == '\u3000' || c == '-' || c == '‐';
    }

    /** A Japanese term normalised the way texts are before matching (NFKC, lower case, no spaces, dots, long vowels). */
    static String normalizeJapanese(String term) {
        String n = TextAnalysis.normalize(term);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!skipInJapanese(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
