package org.dicas.sustainment;

import java.util.List;
import java.util.Set;
import org.dicas.shared.Sentence;

/**
 * The kinds of repair resources — dry docks, piers, hangars — and their labels in the reader's language
 * ({@code sus.kind.*}: 乾ドック / Dry dock …). Codes stay codes in data and JSON; people see the labels.
 */
public final class ResourceKinds {

    /** Every kind, in the order forms and messages list them. */
    public static final List<String> ALL = List.of("DRYDOCK", "PIER", "HANGAR");

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private ResourceKinds() {
    }

    public static boolean known(String kind) {
        return KNOWN.contains(kind);
    }

    /** A kind's label; a kind the platform does not know stays as written. */
    public static Object label(String kind) {
        return KNOWN.contains(kind) ? Sentence.label("sus.kind", kind) : kind;
    }

    /** Kinds' labels, joined in the reader's language when rendered. */
    public static List<Object> labels(List<String> kinds) {
        return kinds.stream().map(ResourceKinds::label).toList();
    }
}
