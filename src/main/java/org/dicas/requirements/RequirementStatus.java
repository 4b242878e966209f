package org.dicas.requirements;

/** Where a requirement stands: written, validated by its service, funded, met, or withdrawn. */
public enum RequirementStatus {
    DRAFT, VALIDATED, FUNDED, FULFILLED, WITHDRAWN;

    /** Parses a status name (case-insensitive); null for blank. */
    public static RequirementStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.dicas.shared.InvalidInputException.of("status", "requirement.error.unknownStatus", value.strip(),
                    java.util.Arrays.asList(values()));
        }
    }
}
