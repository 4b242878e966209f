package org.dicas.platform;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A nation's name from its ISO 3166 alpha-3 code in the reader's language, from the JDK's locale data (中国, China). */
final class NationNames {

    private static final Map<String, Locale> BY_ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(alpha2).build();
            BY_ALPHA3.put(country.getISO3Country(), country);
        }
    }

    private NationNames() {
    }

    /** The name, or the code itself when it is not an ISO 3166 alpha-3 code. */
    static String of(String alpha3, Locale reader) {
        Locale country = alpha3 == null ? null : BY_ALPHA3.get(alpha3.strip().toUpperCase(Locale.ROOT));
        Locale language = reader != null && "ja".equals(reader.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        return country == null ? String.valueOf(alpha3) : country.getDisplayCountry(language);
    }
}
