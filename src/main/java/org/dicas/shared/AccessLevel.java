package org.dicas.shared;

/** Access levels of the trust model, ordered: PUBLIC &lt; UNCLASSIFIED &lt; CUI. */
public enum AccessLevel {
    PUBLIC, UNCLASSIFIED, CUI;

    public boolean dominates(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    public int rank() {
        return ordinal();
    }
}
