package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Sentence;

/**
 * One change tried against a program's balance: a wider tolerance ({@code tolerance}, points), or a new release of
 * {@code control} to {@code nation}.
 */
public record WorkShareWhatIf(Kind kind, BigDecimal tolerance, String control, String nation) {

    public enum Kind { WIDEN_TOLERANCE, ADD_RELEASE }

    /** The message key that says it (arguments: tolerance, control, nation). */
    public String messageKey() {
        return "workShare.whatIf." + kind.name().toLowerCase(Locale.ROOT);
    }

    /** What it tries, as a sentence (the nation by its name in the reader's language). */
    public Sentence sentence() {
        return new Sentence(messageKey(), List.of(tolerance == null ? "" : tolerance.toPlainString(),
                control == null ? "" : control, nation == null ? "" : Sentence.nation(nation)));
    }
}
