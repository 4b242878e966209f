package org.dicas.sustainment.planning;

import java.util.Arrays;
import java.util.List;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.sustainment.ResourceKinds;

/**
 * Why a job is unassigned, as a sentence for the reader: the engine stores a {@code plan.reason.*} key with plain
 * string arguments (what the command line prints in English); here the codes among them become labels — resource
 * kinds (乾ドック / Dry dock), the flag nation (米国 / United States) — and lists of ids are joined in the reader's
 * language.
 */
final class PlanReasons {

    static final String KIND = "plan.reason.kind";
    static final String LENGTH = "plan.reason.length";
    static final String CERTIFICATION = "plan.reason.certification";
    static final String FOREIGN_REPAIR = "plan.reason.foreignRepair";
    static final String CLOSED = "plan.reason.closed";
    static final String CAPACITY = "plan.reason.capacity";
    static final String NOT_PLACED = "plan.reason.notPlaced";

    private PlanReasons() {
    }

    /** The reason with its codes labelled; {@code null} for a run stored before reasons were keys. */
    static Sentence of(String key, List<String> args) {
        if (key == null) {
            return null;
        }
        Object[] a = args.toArray();
        switch (key) {
            case KIND, LENGTH -> a[0] = kinds(args.get(0));
            case CERTIFICATION -> a[0] = list(args.get(0).replaceAll("^\\[|]$", ""));
            case FOREIGN_REPAIR -> a[0] = Sentences.exists("nation." + args.get(0)) ? Sentence.nation(args.get(0))
                    : args.get(0);
            case CLOSED, NOT_PLACED -> a[0] = list(args.get(0));
            case CAPACITY -> {
                a[0] = list(args.get(0));
                a[3] = list(args.get(3));
            }
            default -> {
            }
        }
        return Sentence.of(key, a);
    }

    /** "DRYDOCK/PIER" as the kinds' labels. */
    private static List<Object> kinds(String joined) {
        return ResourceKinds.labels(Arrays.asList(joined.split("/")));
    }

    /** "A, B" as a list, joined again in the reader's language. */
    private static List<String> list(String joined) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(",\\s*")).map(String::strip).toList();
    }
}
