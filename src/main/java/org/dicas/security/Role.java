package org.dicas.security;

/** What a user does on the platform. Roles grant functions, never extra read access to marked records. */
public enum Role {
    POLICY, ACQUISITION, SERVICE, DISCLOSURE_OFFICER, INDUSTRY, ADMIN
}
