package org.dicas.shared;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-3 country code, e.g. {@code USA}, {@code JPN}. */
public record NationCode(String code) implements Comparable<NationCode>, java.io.Serializable {

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public static final NationCode USA = new NationCode("USA");
    public static final NationCode JPN = new NationCode("JPN");

    public NationCode {
        if (code == null || !isValid(code)) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 3166 alpha-3 nation code");
        }
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 3 && ISO_ALPHA3.contains(code);
    }

    public static NationCode of(String code) {
        return new NationCode(code);
    }

    @Override
    public int compareTo(NationCode o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
