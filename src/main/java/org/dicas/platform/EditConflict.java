package org.dicas.platform;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dicas.shared.Marking;
import org.dicas.shared.StaleVersionException;
import org.dicas.shared.Versioned;
import org.springframework.ui.Model;

/**
 * "This record was changed by someone else": what a form shows when its save was refused as stale — for every field
 * where the two differ, the value the user sent and the value stored now. The form keeps the user's values and now
 * carries the current version, so saving again is a deliberate choice made after seeing the other change.
 */
public record EditConflict(long yourVersion, long currentVersion, List<Field> fields) {

    /** One differing field: its name (the form's field name), the user's value and the stored one. */
    public record Field(String name, String yours, String theirs) {
    }

    /** Puts the conflict and the current version on the page model. */
    public static void show(Model model, StaleVersionException e, Record yours, Versioned current) {
        model.addAttribute("conflict", between(e.expected(), yours, current));
        model.addAttribute("recordVersion", current.version());
    }

    /**
     * The conflict on a part of a record (a row of a plan): {@code theirs} is the part as stored now, read at
     * {@code currentVersion} of the record the version belongs to; fields compare by name as in
     * {@link #between(long, Record, Versioned)}. The form then carries {@code currentVersion}.
     */
    public static void show(Model model, StaleVersionException e, Record yours, Object theirs, long currentVersion) {
        model.addAttribute("conflict", between(e.expected(), yours, theirs, currentVersion));
        model.addAttribute("recordVersion", currentVersion);
    }

    /** The fields of {@code yours} (a command record) whose value differs from the same-named value of {@code current}. */
    public static EditConflict between(long yourVersion, Record yours, Versioned current) {
        return between(yourVersion, yours, current, current.version());
    }

    private static EditConflict between(long yourVersion, Record yours, Object current, long currentVersion) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : yours.getClass().getRecordComponents()) {
            Object mine = value(c, yours);
            Object theirs;
            try {
                theirs = current.getClass().getMethod(c.getName()).invoke(current);
            } catch (ReflectiveOperationException ex) {
                continue; // the stored record has no field of that name: nothing to compare
            }
            String a = text(mine);
            String b = text(theirs);
            if (!a.equals(b)) {
                fields.add(new Field(c.getName(), a, b));
            }
        }
        return new EditConflict(yourVersion, currentVersion, List.copyOf(fields));
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Marking m) {
            return m.banner();
        }
        if (v instanceof String s) {
            try {
                return Marking.parse(s.strip()).banner(); // a banner as typed compares as its canonical form
            } catch (RuntimeException notAMarking) {
                return s.strip();
            }
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(EditConflict::text).collect(Collectors.joining(", "));
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return Objects.toString(v);
    }
}
