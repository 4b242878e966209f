package org.dicas.requirements.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a requirement's text looks like on the surface, read without any hand list of words (method §11c): character
 * n-grams (trigrams of English words, bigrams of Japanese runs), word tokens for BM25, designation-shaped tokens
 * ({@code MT30}, {@code AIM-120D}, {@code F-35A}, {@code Type 26}, {@code 12式}), numbers with a unit ({@code 155 mm},
 * {@code 10 kW}), the consonant skeletons of katakana loanwords and of English words (ミサイル and missile both read
 * {@code msr}; レーダー and radar {@code rd}), and the head word of the title. These carry what the glossary and the
 * registry do not name: the model reads their pair similarities as features. And the text read into English words
 * ({@link JaEnWords}: a Japanese text through the bilingual word list, §11e), whole, title only and the title's head,
 * so that a pair written in two languages can be compared word for word. Immutable.
 */
record Surface(Map<String, Integer> titleGrams, Map<String, Integer> textGrams, Map<String, Integer> words,
               int length, Set<String> designators, Set<String> designatorRoots, Map<String, Set<String>> measures,
               Set<String> katakana, Set<String> latin, String titleHead, Map<String, Integer> gloss,
               Map<String, Integer> titleGloss, Set<String> glossHead, Set<String> blocks) {

    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9]*|[0-9]+[A-Za-z]*");
    private static final Pattern CJK_RUN = Pattern.compile("[\\u4E00-\\u9FFF\\u30A0-\\u30FF\\u3005]+");
    private static final Pattern KATAKANA_RUN = Pattern.compile("[\\u30A1-\\u30FA\\u30FC]{3,}");
    private static final Pattern DESIGNATOR = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{1,5})[- ]?([0-9]{1,4})([A-Z]{0,2})(?![A-Za-z0-9])");
    private static final Pattern TYPE = Pattern.compile(
            "(?<![A-Za-z0-9])(Type|Mk|Mark|Model|Class)[ -]?([0-9]{1,4})([A-Z]{0,2})(?![0-9])|([0-9]{1,3})式");
    private static final Set<String> NOT_DESIGNATORS = Set.of("FY", "KW", "MW", "KV", "MM", "CM", "KM", "KG", "GHZ",
            "MHZ", "NM", "KT", "H", "T", "M", "Q", "AD", "CY", "NO", "PH", "UTC");
    private static final Pattern MEASURE = Pattern.compile(
            "([0-9]+(?:[.,][0-9]+)?)\\s?(mm|cm|km|kW|MW|kV|kg|t|tonnes?|tons?|knots?|kt|nmi?|GHz|MHz|ミリ|センチ|"
                    + "キロワット|メガワット|トン|ノット|キロメートル|キロ|km)(?![A-Za-z])");
    /**
     * A block, increment, batch, flight, lot or phase of a system: Block IIA, Blk 2A, Inc II, Batch-II, Ph II, and as
     * Japanese texts write it, ブロックIIA, ブロックⅡA, ブロック２Ａ, インクリメント2 (§11s; read after NFKC, so
     * full-width letters, digits and Roman numerals are the ASCII ones).
     */
    private static final Pattern BLOCK = Pattern.compile(
            "(?<![A-Za-z])(Block|Blk|Increment|Inc|Batch|Flight|Flt|Lot|Phase|Ph|ブロック|インクリメント)\\.?[ ・-]?([0-9]{1,2}[A-Z]?|[IVX]{1,4}[A-Z]?)(?![A-Za-z0-9])");
    /** Words too general to be a title's head: the word before them is read instead. */
    private static final Set<String> GENERAL_HEADS = Set.of("system", "set", "equipment", "capability", "programme",
            "program", "kit", "suite", "upgrade", "replacement", "acquisition", "procurement", "project", "support",
            "service", "package", "unit", "item", "solution", "capacity", "development");

    static Surface of(String title, String description) {
        String text = description.isEmpty() ? title : title + "\n" + description;
        Map<String, Integer> words = new HashMap<>();
        int length = tokens(text, words);
        Set<String> designators = new HashSet<>();
        Set<String> roots = new HashSet<>();
        Matcher d = DESIGNATOR.matcher(text);
        while (d.find()) {
            if (!NOT_DESIGNATORS.contains(d.group(1)) && !(d.group(2).length() == 4 && d.group(1).length() <= 1)) {
                roots.add(d.group(1) + d.group(2));
                designators.add(d.group(1) + d.group(2) + d.group(3));
            }
        }
        Matcher t = TYPE.matcher(text);
        while (t.find()) {
            String root = t.group(4) != null ? "TYPE" + t.group(4)
                    : t.group(1).toUpperCase(Locale.ROOT).replace("MARK", "MK").replace("MODEL", "TYPE")
                            .replace("CLASS", "TYPE") + t.group(2);
            roots.add(root);
            designators.add(root + (t.group(3) == null ? "" : t.group(3)));
        }
        Map<String, Set<String>> measures = new HashMap<>();
        Matcher m = MEASURE.matcher(text);
        while (m.find()) {
            String unit = unit(m.group(2));
            String value = m.group(1).replace(",", "");
            try {
                value = Double.toString(Double.parseDouble(value));
            } catch (NumberFormatException e) {
                continue;
            }
            measures.computeIfAbsent(unit, k -> new HashSet<>()).add(value);
        }
        Set<String> katakana = new HashSet<>();
        Matcher k = KATAKANA_RUN.matcher(text);
        while (k.find()) {
            for (String part : k.group().split("・")) {
                String s = skeleton(romanise(part));
                if (s.length() >= 2) {
                    katakana.add(s);
                }
            }
        }
        // English words and pairs of adjacent words (katakana writes "gas turbine" as one word, ガスタービン)
        Set<String> latin = new HashSet<>();
        Matcher w = LATIN.matcher(text);
        String previous = "";
        int previousEnd = -1;
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            boolean letters = word.chars().allMatch(Character::isLetter);
            if (letters && word.length() >= 4) {
                String s = skeleton(englishSounds(word));
                if (s.length() >= 2) {
                    latin.add(s);
                }
            }
            boolean adjacent = previousEnd >= 0 && text.substring(previousEnd, w.start()).isBlank();
            if (letters && adjacent && !previous.isEmpty() && word.length() >= 2) {
                String s = skeleton(englishSounds(previous) + englishSounds(word));
                if (s.length() >= 4) {
                    latin.add(s);
                }
            }
            previous = letters ? word : "";
            previousEnd = w.end();
        }
        JaEnWords english = JaEnWords.shipped();
        String titleHead = head(title);
        Set<String> blocks = new HashSet<>();
        Matcher bl = BLOCK.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        while (bl.find()) {
            blocks.add(blockValue(bl.group(2)));
        }
        return new Surface(grams(title), grams(text), words, length, Set.copyOf(designators), Set.copyOf(roots),
                Map.copyOf(measures), Set.copyOf(katakana), Set.copyOf(latin), titleHead, english.english(text),
                english.english(title), english.head(title, titleHead), Set.copyOf(blocks));
    }

    // ------------------------------------------------------------------ pieces

    /** Character n-grams: trigrams of each lower-cased Latin word (with its edges), bigrams of each Japanese run. */
    static Map<String, Integer> grams(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher w = LATIN.matcher(text);
        while (w.find()) {
            String word = "#" + w.group().toLowerCase(Locale.ROOT) + "#";
            for (int i = 0; i + 3 <= word.length(); i++) {
                out.merge(word.substring(i, i + 3), 1, Integer::sum);
            }
        }
        Matcher c = CJK_RUN.matcher(text);
        while (c.find()) {
            String run = c.group();
            if (run.length() == 1) {
                out.merge(run, 1, Integer::sum);
            }
            for (int i = 0; i + 2 <= run.length(); i++) {
                out.merge(run.substring(i, i + 2), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Word tokens for BM25 (lower-cased Latin words, bigrams of Japanese runs); returns the document length. */
    private static int tokens(String text, Map<String, Integer> out) {
        int n = 0;
        Matcher w = LATIN.matcher(text);
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (word.length() >= 2) {
                out.merge("w:" + word, 1, Integer::sum);
                n++;
            }
        }
        Matcher c = CJK_RUN.matcher(text);
        while (c.find()) {
            String run = c.group();
            for (int i = 0; i + 2 <= run.length(); i++) {
                out.merge("j:" + run.substring(i, i + 2), 1, Integer::sum);
                n++;
            }
        }
        return n;
    }

    private static String unit(String u) {
        return switch (u) {
            case "ミリ" -> "mm";
            case "センチ" -> "cm";
            case "キロワット" -> "kW";
            case "メガワット" -> "MW";
            case "トン", "tonne", "tonnes", "ton", "tons" -> "t";
            case "ノット", "knot", "knots" -> "kt";
            case "キロメートル", "キロ" -> "km";
            case "nmi" -> "nm";
            default -> u;
        };
    }

    /** The head word of the title: the last word before a qualifier ("for", "of", a dash, a colon), singular. */
    static String head(String title) {
        String t = title.replaceAll("[（(][^）)]*[）)]", " ");
        if (CJK_RUN.matcher(t).find()) {
            String cut = t.replaceAll("(の)?(更新|取得|調達|整備|導入|能力向上|改修|近代化|換装|増強|拡充|確保)$", "")
                    .replaceAll("[\\s　]+$", "");
            Matcher c = CJK_RUN.matcher(cut);
            String last = "";
            while (c.find()) {
                last = c.group();
            }
            return last.length() <= 2 ? last : last.substring(last.length() - 2);
        }
        String first = t.split("\\s+(for|of|to|in|with|from|on)\\s+|\\s[–—-]\\s|:|;|,")[0];
        String[] words = first.toLowerCase(Locale.ROOT).split("[^a-z]+");
        for (int i = words.length - 1; i >= 0; i--) {
            String w = singular(words[i]);
            if (w.length() >= 3 && !GENERAL_HEADS.contains(w)) {
                return w;
            }
        }
        return "";
    }

    private static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    // ------------------------------------------------------------------ sounds

    private static final Map<Character, String> KANA = new HashMap<>();

    static {
        String[] table = {
            "ア a", "イ i", "ウ u", "エ e", "オ o", "カ ka", "キ ki", "ク ku", "ケ ke", "コ ko", "ガ ga", "ギ gi", "グ gu",
            "ゲ ge", "ゴ go", "サ sa", "シ shi", "ス su", "セ se", "ソ so", "ザ za", "ジ ji", "ズ zu", "ゼ ze", "ゾ zo",
            "タ ta", "チ chi", "ツ tsu", "テ te", "ト to", "ダ da", "ヂ ji", "ヅ zu", "デ de", "ド do", "ナ na", "ニ ni",
            "ヌ nu", "ネ ne", "ノ no", "ハ ha", "ヒ hi", "フ fu", "ヘ he", "ホ ho", "バ ba", "ビ bi", "ブ bu", "ベ be",
            "ボ bo", "パ pa", "ピ pi", "プ pu", "ペ pe", "ポ po", "マ ma", "ミ mi", "ム mu", "メ me", "モ mo", "ヤ ya",
            "ユ yu", "ヨ yo", "ラ ra", "リ ri", "ル ru", "レ re", "ロ ro", "ワ wa", "ヲ o", "ン n", "ヴ bu", "ァ a",
            "ィ i", "ゥ u", "ェ e", "ォ o", "ャ ya", "ュ yu", "ョ yo", "ッ ", "ー "};
        for (String e : table) {
            String[] kv = e.split(" ", -1);
            KANA.put(kv[0].charAt(0), kv[1]);
        }
    }

    /** A Hepburn-like reading of katakana (small vowels and long marks add nothing the skeleton keeps). */
    static String romanise(String katakana) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < katakana.length(); i++) {
            String r = KANA.get(katakana.charAt(i));
            if (r != null) {
                b.append(r);
            }
        }
        return b.toString();
    }

    /** English spelling towards the sounds katakana writes: soft c, ph, gh, -tion, x, qu, r after a vowel. */
    static String englishSounds(String word) {
        String w = word.replace("ph", "f").replace("gh", "").replace("tion", "shon").replace("sion", "shon")
                .replace("qu", "k").replace("x", "ks").replace("ck", "k").replace("th", "s");
        w = w.replaceAll("c(?=[eiy])", "s").replace('c', 'k');
        // r after a vowel and before a consonant or at the end is a long vowel in katakana (radar → レーダー)
        w = w.replaceAll("(?<=[aeiouy])r(?=[^aeiouy]|$)", "");
        return w;
    }

    /** The consonant skeleton of a romanised word: vowels, y and w dropped, l = r, v = b, z = s, j = g, doubles one. */
    static String skeleton(String romaji) {
        String s = romaji.replace("sh", "s").replace("ch", "c").replace("ts", "t").replace("dj", "j");
        s = s.replaceAll("n(?=[bp])", "m");
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            char k = switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> 0;
                case 'l' -> 'r';
                case 'v' -> 'b';
                case 'z' -> 's';
                case 'j' -> 'g';
                default -> Character.isLetter(c) ? c : 0;
            };
            if (k != 0 && (b.isEmpty() || b.charAt(b.length() - 1) != k)) {
                b.append(k);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ pair measures

    /** Designation-shaped tokens in common (by root: AIM120 meets AIM120D); 0 when either names none. */
    static boolean sharedDesignator(Surface a, Surface b) {
        for (String r : a.designatorRoots) {
            if (b.designatorRoots.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Both name designation-shaped tokens and none in common. */
    static boolean designatorsApart(Surface a, Surface b) {
        return !a.designatorRoots.isEmpty() && !b.designatorRoots.isEmpty() && !sharedDesignator(a, b);
    }

    /** A number with the same unit on both sides. */
    static boolean sharedMeasure(Surface a, Surface b) {
        for (Map.Entry<String, Set<String>> e : a.measures.entrySet()) {
            Set<String> other = b.measures.get(e.getKey());
            if (other != null && e.getValue().stream().anyMatch(other::contains)) {
                return true;
            }
        }
        return false;
    }

    /** A unit on both sides with no value in common (155 mm vs 127 mm). */
    static boolean measureConflict(Surface a, Surface b) {
        boolean conflict = false;
        for (Map.Entry<String, Set<String>> e : a.measures.entrySet()) {
            Set<String> other = b.measures.get(e.getKey());
            if (other != null) {
                if (e.getValue().stream().anyMatch(other::contains)) {
                    return false;
                }
                conflict = true;
            }
        }
        return conflict;
    }

    /** Katakana loanwords of one side whose skeleton is an English word's of the other, counted both ways. */
    static int loanwords(Surface a, Surface b) {
        int n = 0;
        for (String k : a.katakana) {
            if (k.length() >= 2 && b.latin.contains(k)) {
                n++;
            }
        }
        for (String k : b.katakana) {
            if (k.length() >= 2 && a.latin.contains(k)) {
                n++;
            }
        }
        return n;
    }

    /** The titles' heads share an English word, a Japanese head read through the bilingual word list (§11e). */
    static boolean glossHead(Surface a, Surface b) {
        for (String w : a.glossHead) {
            if (b.glossHead.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A block's value with Roman numerals read as numbers (Block IIA = Block 2A, Inc II = Inc 2). */
    private static final Pattern ROMAN_BLOCK = Pattern.compile("([IVX]+)([A-Z]?)");

    static String blockValue(String v) {
        Matcher m = ROMAN_BLOCK.matcher(v);
        if (!m.matches()) {
            return v;
        }
        int n = 0;
        String r = m.group(1);
        for (int i = 0; i < r.length(); i++) {
            int x = romanDigit(r.charAt(i));
            int next = i + 1 < r.length() ? romanDigit(r.charAt(i + 1)) : 0;
            n += x < next ? -x : x;
        }
        return n + m.group(2);
    }

    private static int romanDigit(char c) {
        return switch (c) {
            case 'I' -> 1;
            case 'V' -> 5;
            default -> 10;
        };
    }

    /** Both texts name blocks (increments, batches, phases) and none in common. */
    static boolean blocksApart(Surface a, Surface b) {
        if (a.blocks.isEmpty() || b.blocks.isEmpty()) {
            return false;
        }
        for (String x : a.blocks) {
            if (b.blocks.contains(x)) {
                return false;
            }
        }
        return true;
    }

    /** The titles' head words are the same (within one language). */
    static boolean sameHead(Surface a, Surface b) {
        return !a.titleHead.isEmpty() && a.titleHead.equals(b.titleHead);
    }
}
