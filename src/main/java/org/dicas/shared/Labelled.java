package org.dicas.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code people read ({@code CO_DEVELOPMENT}, {@code USA}): wherever the record is written as JSON for people (the
 * API), the code's label in the reader's language stands beside it, named after the field: {@code type} +
 * {@code typeLabel}, and for a list of codes {@code parties} + {@code partiesLabels}. The label is the message
 * {@code value + "." + code} ({@link Sentence#label}); {@code lowerCase} where the bundles write the code in lower
 * case ({@code record.kind.document}). Codes stay codes, in their own field, for programs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Labelled {

    /** The prefix of the labels' keys, without the final dot ({@code nation}, {@code prog.type}). */
    String value();

    /** Whether the key holds the code in lower case ({@code record.kind.requirement} for {@code REQUIREMENT}). */
    boolean lowerCase() default false;

    /** What follows the code in the key, where the bundles name the code so ({@code .button}). */
    String suffix() default "";

}
