package org.dicas.requirements;

import java.util.Arrays;
import java.util.Locale;
import org.dicas.shared.InvalidInputException;

/**
 * Why an official judged two requirements not the same need: members of one family or rival products for one role
 * (a sibling system), different roles, buying against repairing or making more, different time frames, or another
 * reason the note states.
 */
public enum JudgmentReason {
    SIBLING_SYSTEM, DIFFERENT_ROLE, BUY_VS_REPAIR, DIFFERENT_TIME_FRAME, OTHER;

    /** Parses a reason code (case-insensitive); null for blank; an unknown code is bad input naming {@code reason}. */
    public static JudgmentReason parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("reason", "opp.judgment.error.unknownReason", value.strip(),
                    Arrays.asList(values()));
        }
    }
}
