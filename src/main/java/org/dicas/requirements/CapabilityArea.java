package org.dicas.requirements;

import java.util.Locale;

/**
 * One area of the two-level capability taxonomy: a top-level area ({@code AIR}) or a sub-area
 * ({@code AIR.TRAINER}, parent {@code AIR}).
 */
public record CapabilityArea(String code, String parentCode, String nameEn, String nameJa) {

    public boolean topLevel() {
        return parentCode == null;
    }

    public String name(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? nameJa : nameEn;
    }
}
