package org.dicas.search.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.TextAnalysis;

/**
 * A plain-text fragment of a record's text around what the query matched, in either language. Evidence is looked
 * for from the cheapest to the dearest, stopping at the first kind found: the query words as written, the query's
 * English analysed terms, its Japanese terms, then the Japanese terms of its concepts as written, and finally the
 * glossary terms of its concepts found by the glossary's own matching (so an English query shows the Japanese passage
 * that means it). The densest window of matches wins; without a match in the text (the
 * title matched) the text's beginning is shown; a short text is shown whole. The caller escapes it for HTML.
 */
final class Snippets {

    static final int WIDTH = 160;
    static final int LEAD = 50;
    static final int MAX_ANALYSED = 20_000;

    private Snippets() {
    }

    static String around(String text, BilingualQuery query, Glossary glossary) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = TextAnalysis.normalize(collapseWhitespace(text.strip()));
        if (flat.length() <= WIDTH) {
            return flat;
        }
        String scope = flat.length() > MAX_ANALYSED ? flat.substring(0, MAX_ANALYSED) : flat;
        List<Integer> at = new ArrayList<>();
        // cheapest evidence first: the words as written, then English terms, then Japanese terms, then concepts
        String folded = BilingualQuery.fold(scope);
        if (folded.length() == scope.length()) {
            for (String w : query.words()) {
                indexesOf(folded, BilingualQuery.fold(TextAnalysis.normalize(w)), at);
            }
        }
        if (at.isEmpty()) {
            offsetsOf(TextAnalysis.englishAnalyzer(), scope, query.englishTerms(), at);
        }
        if (at.isEmpty() && folded.length() == scope.length()) {
            for (String t : query.japaneseTerms()) {
                if (TextAnalysis.hasJapanese(t)) {
                    indexesOf(folded, t, at);
                }
            }
        }
        if (at.isEmpty() && glossary != null && !query.concepts().isEmpty() && folded.length() == scope.length()) {
            // the Japanese terms of the query's concepts as written (the usual evidence for an English query in a
            // Japanese text) before the full glossary scan of the text
            for (String concept : query.concepts()) {
                glossary.entry(concept).ifPresent(e -> {
                    for (String term : e.japanese()) {
                        indexesOf(folded, BilingualQuery.fold(TextAnalysis.normalize(term)), at);
                    }
                });
            }
        }
        if (at.isEmpty() && glossary != null && !query.concepts().isEmpty()) {
            for (Glossary.Match m : glossary.matchesIn(scope)) {
                if (query.concepts().contains(m.conceptId()) && m.start() < scope.length()) {
                    at.add(m.start());
                }
            }
        }
        int start = 0;
        if (!at.isEmpty()) {
            Collections.sort(at);
            int best = at.get(0);
            int bestCount = 0;
            for (int i = 0, j = 0; i < at.size(); i++) {
                while (j < at.size() && at.get(j) < at.get(i) + WIDTH - LEAD) {
                    j++;
                }
                if (j - i > bestCount) {
                    bestCount = j - i;
                    best = at.get(i);
                }
            }
            start = Math.max(0, best - LEAD);
        }
        int end = Math.min(flat.length(), start + WIDTH);
        if (Character.isLowSurrogate(flat.charAt(start)) && start > 0) {
            start--;
        }
        if (end < flat.length() && Character.isHighSurrogate(flat.charAt(end - 1))) {
            end--;
        }
        return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
    }

    /** Every run of whitespace as one space (what {@code replaceAll("\\s+", " ")} does, without a regex). */
    static String collapseWhitespace(String text) {
        StringBuilder b = null;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = isRegexSpace(c);
            if (space) {
                if (b == null && (c != ' ' || (i + 1 < text.length() && isRegexSpace(text.charAt(i + 1))))) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (b != null && !inRun) {
                    b.append(' ');
                }
                inRun = true;
            } else {
                if (b != null) {
                    b.append(c);
                }
                inRun = false;
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void indexesOf(String text, String part, List<Integer> at) {
        if (part.isEmpty()) {
            return;
        }
        for (int i = text.indexOf(part); i >= 0 && at.size() < 200; i = text.indexOf(part, i + 1)) {
            at.add(i);
        }
    }

    private static void offsetsOf(Analyzer analyzer, String text, Set<String> terms, List<Integer> at) {
        if (terms.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream("snippet", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && at.size() < 400) {
                if (terms.contains(term.toString())) {
                    at.add(off.startOffset());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
