package org.dicas.search.text;

/**
 * One node of the two-level capability-area taxonomy shipped in {@code glossary/capability-areas.tsv}: a code such as
 * {@code AIR.TRAINER}, its parent ({@code AIR}; empty for a top-level area) and its English and Japanese names.
 */
public record CapabilityArea(String code, String parent, String nameEn, String nameJa) {

    /** The top-level code of a code: {@code AIR} for {@code AIR.TRAINER}; empty for an empty code. */
    public static String topLevel(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    public boolean isTopLevel() {
        return parent.isEmpty();
    }
}
