package org.dicas.search.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The designation registry ({@code glossary/designations.tsv}, {@code docs/designations.md}): systems with their
 * designators, programme names and Japanese names, their family and role. {@link #systemsIn} finds every system a
 * text names, by any of its names, so that "AIM-120", "AMRAAM" and 「中距離空対空ミサイル(AMRAAM)」 all read as the
 * system {@code aim120}; the family and the role tell siblings (same family, another member) and rivals (same role,
 * another family) apart. Latin names match whole words (case, hyphens and spaces forgiven: AIM-120 = AIM120 = aim 120,
 * and AIM-120 is not found inside AIM-120D); names with Japanese characters match as substrings of the NFKC-normalised
 * text with spaces and punctuation ignored. The longest name at a place wins. Immutable and thread-safe.
 */
public final class DesignationRegistry {

    /** Resource path of the shipped registry. */
    public static final String RESOURCE = "glossary/designations.tsv";

    /**
     * Resource path of what each role of system is and does, in plain English and Japanese words (one row per role
     * code): every system is described by its role's row (method §11g).
     */
    public static final String ROLES = "glossary/designation-roles.tsv";

    /** One system or variant (a row of the registry). */
    public record Designation(String id, String parent, String family, String role, String area, List<String> names,
                              String englishName, String japaneseName, String whatEn, String whatJa) {

        /** The system this one is a variant of, or itself. */
        public String root() {
            return parent.isEmpty() ? id : parent;
        }

        public boolean isVariant() {
            return !parent.isEmpty();
        }
    }

    /** A system named in a text: the row, and the name as written. */
    public record Found(Designation designation, String literal) {
    }

    private record Name(String normalised, boolean japanese, Designation designation, String literal) {
    }

    private static volatile DesignationRegistry shipped;

    private final Map<String, Designation> byId;
    private final List<Name> latin;
    private final List<Name> japanese;

    private DesignationRegistry(List<Designation> rows) {
        Map<String, Designation> ids = new LinkedHashMap<>();
        rows.forEach(d -> ids.put(d.id(), d));
        this.byId = Map.copyOf(ids);
        List<Name> l = new ArrayList<>();
        List<Name> j = new ArrayList<>();
        for (Designation d : rows) {
            for (String name : d.names()) {
                boolean ja = hasJapanese(name);
                String norm = ja ? japaneseForm(name) : latinForm(name);
                if (norm.isBlank() || (!ja && norm.strip().length() < 3)) {
                    continue; // one- and two-letter names would match ordinary words
                }
                (ja ? j : l).add(new Name(norm, ja, d, name));
            }
        }
        Comparator<Name> longestFirst = Comparator.comparingInt((Name n) -> n.normalised().length()).reversed()
                .thenComparing(n -> n.designation().id());
        l.sort(longestFirst);
        j.sort(longestFirst);
        this.latin = List.copyOf(l);
        this.japanese = List.copyOf(j);
    }

    /** The registry shipped in {@value #RESOURCE}, loaded once. */
    public static DesignationRegistry shipped() {
        DesignationRegistry r = shipped;
        if (r == null) {
            synchronized (DesignationRegistry.class) {
                r = shipped;
                if (r == null) {
                    try (InputStream in = DesignationRegistry.class.getClassLoader().getResourceAsStream(RESOURCE);
                         InputStream roles = DesignationRegistry.class.getClassLoader().getResourceAsStream(ROLES)) {
                        if (in == null || roles == null) {
                            throw new IllegalStateException("missing resource " + (in == null ? RESOURCE : ROLES));
                        }
                        r = read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                                roles(new BufferedReader(new InputStreamReader(roles, StandardCharsets.UTF_8))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shipped = r;
                }
            }
        }
        return r;
    }

    /** Reads a registry in the format of {@value #RESOURCE} (comment lines, header row, tab-separated rows). */
    public static DesignationRegistry read(BufferedReader reader) throws IOException {
        return read(reader, Map.of());
    }

    /**
     * What each role is and does ({@value #ROLES}: comment lines, a header row, then role, English and Japanese
     * description), by role code.
     */
    public static Map<String, List<String>> roles(BufferedReader reader) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header) {
                header = false;
                continue;
            }
            out.put(cells[0].strip(), List.of(cells.length > 1 ? cells[1].strip() : "",
                    cells.length > 2 ? cells[2].strip() : ""));
        }
        return out;
    }

    /** Reads a registry with what each role is and does ({@link #roles}). */
    public static DesignationRegistry read(BufferedReader reader, Map<String, List<String>> roles) throws IOException {
        List<Designation> rows = new ArrayList<>();
        Map<String, Integer> column = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (column == null) {
                column = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    column.put(cells[i].strip(), i);
                }
                continue;
            }
            Map<String, Integer> c = column;
            java.util.function.Function<String, String> cell = name -> {
                Integer i = c.get(name);
                return i == null || i >= cells.length ? "" : cells[i].strip();
            };
            List<String> names = new ArrayList<>();
            for (String col : List.of("designations", "en", "ja")) {
                for (String n : cell.apply(col).split("\\|")) {
                    if (!n.isBlank()) {
                        names.add(n.strip());
                    }
                }
            }
            String en = first(cell.apply("en"), first(cell.apply("designations"), cell.apply("id")));
            String ja = first(cell.apply("ja"), en);
            List<String> what = roles.getOrDefault(cell.apply("role"), List.of("", ""));
            rows.add(new Designation(cell.apply("id"), cell.apply("parent"), cell.apply("family"), cell.apply("role"),
                    cell.apply("area"), List.copyOf(names), en, ja, what.get(0), what.get(1)));
        }
        return new DesignationRegistry(rows);
    }

    private static String first(String cell, String otherwise) {
        String f = cell.split("\\|")[0].strip();
        return f.isEmpty() ? otherwise : f;
    }

    public int size() {
        return byId.size();
    }

    public Optional<Designation> designation(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every system the text names (each once, in the order first found), the longest name at a place winning. */
    public List<Found> systemsIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Found> found = new LinkedHashMap<>();
        match(latinForm(text), latin, found);
        match(japaneseForm(text), japanese, found);
        return List.copyOf(found.values());
    }

    private static void match(String text, List<Name> names, Map<String, Found> found) {
        boolean[] taken = new boolean[text.length()];
        for (Name n : names) {
            int from = 0;
            while (true) {
                int at = text.indexOf(n.normalised(), from);
                if (at < 0) {
                    break;
                }
                int end = at + n.normalised().length();
                boolean free = true;
                for (int k = at; k < end && free; k++) {
                    free = !taken[k] || text.charAt(k) == ' ';
                }
                if (free) {
                    for (int k = at; k < end; k++) {
                        taken[k] = true;
                    }
                    found.putIfAbsent(n.designation().id(), new Found(n.designation(), n.literal()));
                }
                from = at + 1;
            }
        }
    }

    /** Lower case, NFKC, every run of characters other than letters and digits one space, padded with spaces. */
    static String latinForm(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x3000) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        if (!space) {
            b.append(' ');
        }
        return b.toString();
    }

    /** Lower case, NFKC, letters and digits only (spaces, brackets, ・, ー and hyphens dropped). */
    static String japaneseForm(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasJapanese(String s) {
        for (int i = 0; i < s.length(); i++) {
            Character.UnicodeScript sc = Character.UnicodeScript.of(s.charAt(i));
            if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA) {
                return true;
            }
        }
        return false;
    }
}
