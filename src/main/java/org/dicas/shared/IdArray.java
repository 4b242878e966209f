package org.dicas.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Record ids as one PostgreSQL array literal ({@code {12,15,40}}), bound as one text parameter and read with
 * {@code = any(cast(:ids as bigint[]))}: one statement text for any number of ids.
 */
public final class IdArray {

    private IdArray() {
    }

    public static String of(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
