package org.dicas.titles.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import org.dicas.search.text.TextAnalysis;

/**
 * Drafts a text in the other language term by term from the glossary. The glossary's matcher finds its terms in the
 * source text (English on stemmed token sequences, so "trainer jets" is the term "trainer jet"; Japanese as
 * substrings; in both the longest term at a position wins); each is replaced by the concept's preferred term in the
 * target language, and everything between the terms is kept as written (a draft is never a guess). In a Japanese
 * draft the spaces between two Japanese pieces go, as Japanese is written without them; in an English draft the
 * pieces are separated by one space.
 */
public final class TitleDrafter {

    /**
     * A draft: its text, the glossary terms it used (source → target, in order) and the pieces of the source kept
     * as written because the glossary does not know them (white space and punctuation aside).
     */
    public record Draft(String text, List<Term> terms, List<String> keptAsWritten) {
        public Draft {
            terms = List.copyOf(terms);
            keptAsWritten = List.copyOf(keptAsWritten);
        }

        /** Whether the glossary knew every word of the source. */
        public boolean complete() {
            return keptAsWritten.isEmpty();
        }
    }

    /** One glossary term used: the source literal and the target term that replaced it. */
    public record Term(String source, String target) {
    }

    private final Glossary glossary;

    public TitleDrafter(Glossary glossary) {
        this.glossary = Objects.requireNonNull(glossary, "glossary");
    }

    /** The language a text is written in (Japanese as soon as it holds Japanese script). */
    public static Language languageOf(String text) {
        return Language.detect(text);
    }

    /** Drafts {@code text} (in the other language) into {@code target}; an empty text drafts to an empty one. */
    public Draft draft(String text, Language target) {
        Objects.requireNonNull(target, "target");
        String source = text == null ? "" : TextAnalysis.normalize(text).strip();
        if (source.isEmpty()) {
            return new Draft("", List.of(), List.of());
        }
        Language from = target == Language.JA ? Language.EN : Language.JA;
        List<Glossary.Match> matches = new ArrayList<>(glossary.matchesIn(source).stream()
                .filter(m -> m.language() == from)
                .sorted(Comparator.comparingInt(Glossary.Match::start).thenComparingInt(m -> -(m.end() - m.start())))
                .toList());
        List<String> pieces = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int at = 0;
        for (Glossary.Match m : matches) {
            if (m.start() < at) {
                continue; // overlapped by a longer term already used
            }
            keep(source.substring(at, m.start()), pieces, kept);
            String term = glossary.entry(m.conceptId())
                    .map(e -> target == Language.JA ? e.japaneseTerm() : e.englishTerm())
                    .filter(t -> !t.isBlank())
                    .orElse(null);
            String literal = source.substring(m.start(), m.end());
            if (term == null) {
                keep(literal, pieces, kept);
            } else {
                pieces.add(term);
                terms.add(new Term(literal.strip(), term));
            }
            at = m.end();
        }
        keep(source.substring(at), pieces, kept);
        return new Draft(join(pieces, target), terms, kept);
    }

    private static void keep(String between, List<String> pieces, List<String> kept) {
        String s = between.strip();
        if (s.isEmpty()) {
            return;
        }
        pieces.add(s);
        if (s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            kept.add(s);
        }
    }

    private static String join(List<String> pieces, Language target) {
        StringBuilder out = new StringBuilder();
        for (String p : pieces) {
            if (!out.isEmpty()) {
                boolean bothJapanese = target == Language.JA && TextAnalysis.hasJapanese(p.substring(0, 1))
                        && TextAnalysis.hasJapanese(out.substring(out.length() - 1));
                boolean punctuationNext = !Character.isLetterOrDigit(p.codePointAt(0))
                        && !TextAnalysis.hasJapanese(p.substring(0, 1)) && "(（[「".indexOf(p.charAt(0)) < 0;
                if (!bothJapanese && !punctuationNext) {
                    out.append(' ');
                }
            }
            out.append(p);
        }
        return out.toString();
    }
}
