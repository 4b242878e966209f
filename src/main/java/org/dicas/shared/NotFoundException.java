package org.dicas.shared;

import java.util.Locale;

/**
 * A record that does not exist, or that the caller may not read: the two are indistinguishable on purpose
 * (the trust model answers 404, never 403).
 */
public class NotFoundException extends RuntimeException implements Explained {
    private final String kind;
    private final Object id;

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
    }

    /** "requirement 12 not found", the kind by its label ({@code record.kind.*}) where it has one. */
    @Override
    public Sentence sentence() {
        if (id == null || String.valueOf(id).isBlank()) {
            return Sentence.of("problem.noSuchResource"); // a feature hidden from the reader: nothing to name
        }
        String code = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        Sentence label = !code.isEmpty() && Sentences.exists("record.kind." + code)
                ? Sentence.label("record.kind", code) : Sentence.of("problem.record");
        return Sentence.of("problem.notFound.detail", label, String.valueOf(id));
    }
}
