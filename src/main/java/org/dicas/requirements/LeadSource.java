package org.dicas.requirements;

/**
 * Where a lead came from — the forum's third recommendation names the first three: overseas government
 * representatives (e.g. a defense attaché's report), international conferences and trade shows, and private-sector
 * sources (industry roundtables, company notices).
 */
public enum LeadSource {
    OVERSEAS_GOVERNMENT_REPRESENTATIVE, INTERNATIONAL_CONFERENCE, PRIVATE_SECTOR, OTHER;

    /** The source type named by {@code value} (case-insensitive), or an error naming {@code field}. */
    public static LeadSource parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw org.dicas.shared.InvalidInputException.of(field, "lead.error.sourceTypeRequired", names());
        }
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw org.dicas.shared.InvalidInputException.of(field, "lead.error.unknownSourceType", value.strip(),
                    names());
        }
    }

    /** The codes a file or an API call may give (codes, not labels: they are what is typed). */
    static java.util.List<LeadSource> names() {
        return java.util.Arrays.asList(values());
    }
}
