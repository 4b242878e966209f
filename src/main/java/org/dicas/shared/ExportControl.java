package org.dicas.shared;

import java.util.regex.Pattern;

/** The {@code EXPORT <regime> <ref>} control of a marking, e.g. {@code EXPORT ITAR USML-IV}. */
public record ExportControl(Regime regime, String reference) {

    public enum Regime { ITAR, EAR, FEFTA }

    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.()_-]{0,39}");

    public ExportControl {
        if (regime == null) {
            throw new InvalidMarkingException(Sentence.of("marking.error.regimeMissing"));
        }
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.exportReference", reference));
        }
    }

    @Override
    public String toString() {
        return "EXPORT " + regime + " " + reference;
    }
}
