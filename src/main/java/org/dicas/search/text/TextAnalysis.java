package org.dicas.search.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Per-language analysed terms, shared by the glossary, the search index and the opportunity finder. English uses
 * Lucene's {@link EnglishAnalyzer} (lower case, stop words, possessives, Porter stemming); Japanese uses kuromoji's
 * {@link JapaneseAnalyzer} (morphological segmentation, base forms, part-of-speech and stop-word filtering). Both
 * analyzers are built once and are thread-safe. Text is NFKC-normalised first (full-width letters and digits
 * become ASCII, half-width katakana become full-width).
 */
public final class TextAnalysis {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Analyzer ENGLISH_NO_STOP = new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    private static volatile Analyzer japanese;

    private TextAnalysis() {
    }

    /** The shared English analyzer. */
    public static Analyzer englishAnalyzer() {
        return ENGLISH;
    }

    /** The shared Japanese (kuromoji) analyzer, created on first use (its dictionary takes a moment to load). */
    public static Analyzer japaneseAnalyzer() {
        Analyzer a = japanese;
        if (a == null) {
            synchronized (TextAnalysis.class) {
                a = japanese;
                if (a == null) {
                    a = new JapaneseAnalyzer();
                    japanese = a;
                }
            }
        }
        return a;
    }

    /** NFKC normalisation; null becomes the empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** True when the text contains hiragana, katakana or a CJK ideograph. */
    public static boolean hasJapanese(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isJapanese(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isJapanese(char c) {
        return (c >= '\u3040' && c <= '\u30ff') // hiragana, katakana
                || (c >= '\u4e00' && c <= '\u9fff') // CJK unified ideographs
                || (c >= '\u3400' && c <= '\u4dbf') // extension A
                || (c >= '\uff66' && c <= '\uff9f') // half-width katakana
                || c == '\u3005'; // 々
    }

    /** Stemmed English terms of the text, in order (stop words removed). */
    public static List<String> englishTerms(String text) {
        return terms(ENGLISH, normalize(text));
    }

    /** Stemmed English terms of the text, in order, stop words kept (for exact multi-word phrase matching). */
    static List<String> englishTermsKeepingStopWords(String text) {
        return terms(ENGLISH_NO_STOP, normalize(text));
    }

    /** Kuromoji terms (base forms) of the text, in order. */
    public static List<String> japaneseTerms(String text) {
        return terms(japaneseAnalyzer(), normalize(text));
    }

    /** The terms of the text in its detected language (Japanese analysis for mixed text). */
    public static List<String> terms(String text) {
        return Language.detect(text) == Language.JA ? japaneseTerms(text) : englishTerms(text);
    }

    /** Runs an analyzer over a text and collects its terms. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
