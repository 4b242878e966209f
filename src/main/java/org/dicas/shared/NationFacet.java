package org.dicas.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A nation facet of a long list as given (a query parameter): a nation's code, case-insensitive, one of the nations
 * the list offers; blank for all. Anything else is refused naming the parameter and the nations it takes
 * ({@code lista.error.facet}), as {@link Facets} refuses an enum's unknown value.
 */
public final class NationFacet {

    private NationFacet() {
    }

    public static Optional<String> of(String parameter, String given, List<String> nations) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String code = given.strip().toUpperCase(Locale.ROOT);
        if (!nations.contains(code)) {
            throw InvalidInputException.of(parameter, "lista.error.facet",
                    given.length() > 40 ? given.substring(0, 40) + "…" : given, String.join(", ", nations));
        }
        return Optional.of(code);
    }
}
