package org.dicas.search.engine;

import org.dicas.shared.ReadableIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.TextAnalysis;

/**
 * A user's query turned into Lucene queries, programmatically (no query parser, so no query syntax: every character
 * is text). The query is split into words at white space (at most {@value #MAX_WORDS}); a record matches when
 * <em>every</em> word matches it in at least one of these ways:
 * <ol>
 *   <li>literally — the word occurs in title or text as written (case-insensitive substring, which also serves
 *       codes such as {@code USML-IV} and Japanese text without word breaks);</li>
 *   <li>as English — the word's English-analysed terms (stemmed) occur as a phrase;</li>
 *   <li>as Japanese — all of its kuromoji terms occur;</li>
 *   <li>by meaning — the record mentions a glossary concept the word belongs to, in either language (the concepts
 *       of multi-word terms such as "ship repair" are found over the word windows of the query).</li>
 * </ol>
 * Words without any letter (punctuation, numbers) match literally only. Ranking is BM25 over the analysed terms and
 * concepts of the whole query, title fields boosted; words that only matched literally add nothing to the score.
 *
 * <p>Immutable once built, so one instance may serve every search of the same text.
 */
public final class BilingualQuery {

    public static final int MAX_WORDS = 10;
    static final int MAX_TERMS_PER_WORD = 16;
    static final int MAX_SCORING_TERMS = 32;
    static final float TITLE_BOOST = 2.5f;
    static final float CONCEPT_BOOST = 1.2f;

    private final List<String> words;
    private final Set<String> englishTerms = new LinkedHashSet<>();
    private final Set<String> japaneseTerms = new LinkedHashSet<>();
    private final Set<String> concepts = new LinkedHashSet<>();
    private final Query match;
    private final Query scoring;

    private BilingualQuery(String query, Glossary glossary) {
        String q = query == null ? "" : query.strip();
        words = Arrays.stream(q.split("[\\s\\u3000]+")).filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
        List<Set<String>> conceptsOfWord = conceptsOfWords(words, glossary);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Set<String> enScoring = new LinkedHashSet<>();
        Set<String> jaScoring = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            BooleanQuery.Builder alt = new BooleanQuery.Builder();
            alt.add(literal(w), Occur.SHOULD);
            if (hasLetter(w)) {
                String norm = TextAnalysis.normalize(w);
                List<Positioned> en = analyse(TextAnalysis.englishAnalyzer(), norm);
                if (!en.isEmpty()) {
                    alt.add(phrase(BilingualIndex.EN, en), Occur.SHOULD);
                    en.forEach(p -> englishTerms.add(p.term()));
                    if (!TextAnalysis.hasJapanese(w)) {
                        en.forEach(p -> enScoring.add(p.term()));
                    }
                }
                List<Positioned> ja = analyse(TextAnalysis.japaneseAnalyzer(), norm);
                if (!ja.isEmpty()) {
                    alt.add(allOf(BilingualIndex.JA, ja), Occur.SHOULD);
                    ja.forEach(p -> japaneseTerms.add(p.term()));
                    if (TextAnalysis.hasJapanese(w)) {
                        ja.forEach(p -> jaScoring.add(p.term()));
                    }
                }
            }
            for (String c : conceptsOfWord.get(i)) {
                alt.add(new TermQuery(new Term(BilingualIndex.CONCEPT, c)), Occur.SHOULD);
                concepts.add(c);
            }
            all.add(alt.build(), Occur.FILTER);
        }
        match = words.isEmpty() ? new MatchNoDocsQuery("no words") : all.build();
        BooleanQuery.Builder s = new BooleanQuery.Builder();
        enScoring.stream().limit(MAX_SCORING_TERMS).forEach(t -> {
            s.add(new TermQuery(new Term(BilingualIndex.EN, t)), Occur.SHOULD);
            s.add(new BoostQuery(new TermQuery(new Term(BilingualIndex.EN_TITLE, t)), TITLE_BOOST), Occur.SHOULD);
        });
        jaScoring.stream().limit(MAX_SCORING_TERMS).forEach(t -> {
            s.add(new TermQuery(new Term(BilingualIndex.JA, t)), Occur.SHOULD);
            s.add(new BoostQuery(new TermQuery(new Term(BilingualIndex.JA_TITLE, t)), TITLE_BOOST), Occur.SHOULD);
        });
        concepts.stream().limit(MAX_SCORING_TERMS).forEach(c -> {
            s.add(new BoostQuery(new TermQuery(new Term(BilingualIndex.CONCEPT, c)), CONCEPT_BOOST), Occur.SHOULD);
            s.add(new BoostQuery(new TermQuery(new Term(BilingualIndex.CONCEPT_TITLE, c)), CONCEPT_BOOST * TITLE_BOOST),
                    Occur.SHOULD);
        });
        scoring = s.build();
    }

    /** Builds the query; {@code glossary} may be null (no concept expansion). */
    public static BilingualQuery of(String query, Glossary glossary) {
        return new BilingualQuery(query, glossary);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public List<String> words() {
        return words;
    }

    /** Analysed English terms of the query (for snippets). */
    public Set<String> englishTerms() {
        return Collections.unmodifiableSet(englishTerms);
    }

    public Set<String> japaneseTerms() {
        return Collections.unmodifiableSet(japaneseTerms);
    }

    /** Glossary concept ids the query's words mean. */
    public Set<String> concepts() {
        return Collections.unmodifiableSet(concepts);
    }

    /** What a record must satisfy (no score). */
    public Query match() {
        return match;
    }

    /** The ranking clauses (BM25 over analysed terms and concepts). */
    public Query scoring() {
        return scoring;
    }

    /** The whole query for a reader: match and readable as filters, scoring as optional clauses. */
    public Query forReader(ReadableIds readable) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(match, Occur.FILTER)
                .add(scoring, Occur.SHOULD);
        if (readable != null) {
            b.add(new ReadableFilter(readable), Occur.FILTER);
        }
        return b.build();
    }

    static boolean hasLetter(String w) {
        return w.codePoints().anyMatch(Character::isLetter);
    }

    /** Case-folded code point by code point, the way the literal n-gram fields are. */
    static String fold(String s) {
        char[] folded = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return foldCodePoints(s); // a character outside the BMP: the general path
            }
            char lower = Character.toLowerCase(c); // a BMP character's lower case is in the BMP
            if (lower != c) {
                if (folded == null) {
                    folded = s.toCharArray();
                }
                folded[i] = lower;
            }
        }
        return folded == null ? s : new String(folded);
    }

    private static String foldCodePoints(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    /** The word as a substring of title and text: its trigrams as a phrase, or a uni/bigram term when shorter. */
    static Query literal(String word) {
        String f = fold(word);
        int n = f.codePointCount(0, f.length());
        if (n < 3) {
            return new TermQuery(new Term(BilingualIndex.LIT12, f));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int[] cps = f.codePoints().toArray();
        for (int i = 0; i + 3 <= cps.length; i++) {
            p.add(new Term(BilingualIndex.LIT3, new String(cps, i, 3)), i);
        }
        return p.build();
    }

    record Positioned(String term, int position) {
    }

    static List<Positioned> analyse(Analyzer analyzer, String text) {
        List<Positioned> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken() && out.size() < MAX_TERMS_PER_WORD) {
                pos += Math.max(inc.getPositionIncrement(), 0);
                out.add(new Positioned(term.toString(), Math.max(pos, 0)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Query phrase(String field, List<Positioned> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0).term()));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int first = terms.get(0).position();
        for (Positioned t : terms) {
            p.add(new Term(field, t.term()), t.position() - first);
        }
        return p.build();
    }

    private static Query allOf(String field, List<Positioned> terms) {
        Set<String> distinct = new LinkedHashSet<>();
        terms.forEach(t -> distinct.add(t.term()));
        if (distinct.size() == 1) {
            return new TermQuery(new Term(field, distinct.iterator().next()));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        distinct.forEach(t -> b.add(new TermQuery(new Term(field, t)), Occur.FILTER));
        return b.build();
    }

    /**
     * The glossary concepts each word belongs to: the glossary's matches over the whole query, each given to every
     * word its span overlaps — so "ship repair" gives both words the concept of the two-word term, and a Japanese
     * term typed with a space inside still counts.
     */
    static List<Set<String>> conceptsOfWords(List<String> words, Glossary glossary) {
        int n = words.size();
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LinkedHashSet<>());
        }
        if (glossary == null || n == 0) {
            return out;
        }
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                joined.append(' ');
            }
            starts[i] = joined.length();
            joined.append(TextAnalysis.normalize(words.get(i)));
            ends[i] = joined.length();
        }
        for (Glossary.Match m : glossary.matchesIn(joined.toString())) {
            for (int i = 0; i < n; i++) {
                if (m.start() < ends[i] && m.end() > starts[i]) {
                    out.get(i).add(m.conceptId());
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "BilingualQuery" + words + " match=" + match + " scoring=" + scoring;
    }
}
