package org.dicas.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * Labels of codes that live in reference data rather than in the message bundles (capability areas: {@code AIR.TRAINER}
 * is 練習機 / Trainer aircraft): a module that owns such codes offers them under a {@link Labelled} prefix.
 */
public interface CodeLabelSource {

    /** The {@link Labelled} prefix this source answers for ({@code capabilityArea}). */
    String prefix();

    /** The code's label in the reader's language; empty when the code is unknown. */
    Optional<String> label(String code, Locale locale);
}
