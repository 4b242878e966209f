package org.dicas.sustainment.engine;

import java.util.Arrays;
import java.util.List;

/** The kinds of repair resource: the one place to extend the set. */
public enum ResourceKind {
    DRYDOCK, PIER, HANGAR;

    /** The names accepted in input, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    public static boolean isKnown(String name) {
        for (ResourceKind k : values()) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
