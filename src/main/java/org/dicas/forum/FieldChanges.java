package org.dicas.forum;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dicas.shared.Sentence;

/**
 * Which fields an edit changed, for the record's history: the audit entry names them by their labels in the reader's
 * language ("Due date, Owner changed"). Values are not written into the audit trail — it is read by people (auditors)
 * who may not read the record itself; the record's page shows the values to those who may.
 */
final class FieldChanges {

    private final List<Sentence> changed = new ArrayList<>();

    /** Notes {@code field} (a {@code field.*} label) as changed when the two values differ. */
    FieldChanges compare(String field, Object before, Object after) {
        if (!Objects.equals(normal(before), normal(after))) {
            changed.add(Sentence.label("field", field));
        }
        return this;
    }

    private static Object normal(Object v) {
        return v instanceof String s ? s.strip() : v;
    }

    /** The sentence for the audit entry: the changed fields, or null when only the marking (or nothing) changed. */
    Sentence sentence() {
        return changed.isEmpty() ? null : Sentence.of("audit.detail.fieldsChanged", List.copyOf(changed));
    }
}
