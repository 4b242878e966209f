package org.dicas.search;

import java.util.Locale;
import org.dicas.shared.Marking;

/**
 * One record found: its kind (e.g. {@code document}), id, title, marking, page link and a text snippet. The kind is
 * a code; people see its label, the message {@code record.kind.<type>} ({@link #labelKey()}), in both languages.
 */
public record SearchHit(String type, long id, String title, Marking marking, String link, String snippet) {

    /** The type a record of this kind ({@code ACQUISITION_PLAN}) is found as: {@code acquisition-plan}. */
    public static String typeOf(String recordKind) {
        return recordKind.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key of the type's label (協力機会 / Cooperative opportunity …). */
    public static String labelKey(String type) {
        return "record.kind." + type;
    }

    public String labelKey() {
        return labelKey(type);
    }
}
