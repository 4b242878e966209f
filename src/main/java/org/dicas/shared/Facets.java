package org.dicas.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A list's facet read from a query parameter (a status, read or unread …): one of the values of an enum, named as
 * the enum names it (case-insensitive); blank for all. Anything else is refused naming the parameter and the values
 * it takes (the 400 page, or a problem answer, in the reader's language).
 */
public final class Facets {

    private Facets() {
    }

    /** The value {@code given} names for the query parameter {@code parameter}; empty when blank. */
    public static <E extends Enum<E>> Optional<E> of(String parameter, Class<E> type, String given) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(given.strip())) {
                return Optional.of(value);
            }
        }
        String shown = given.length() > 40 ? given.substring(0, 40) + "…" : given;
        throw InvalidInputException.of(parameter, "lista.error.facet", shown, Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
