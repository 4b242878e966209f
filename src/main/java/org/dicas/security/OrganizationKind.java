package org.dicas.security;

/** Kinds of organization; government bodies and military services make their people government users. */
public enum OrganizationKind {
    GOVERNMENT, MILITARY_SERVICE, COMPANY, ASSOCIATION;

    public boolean isGovernment() {
        return this == GOVERNMENT || this == MILITARY_SERVICE;
    }
}
