package org.dicas.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.dicas.shared.TimeZones;

/**
 * A signed-in person with the attributes the releasability policy decides on, and the language and time zone they
 * read in ({@code timeZone}: the zone they chose, or their nation's capital's until they choose). Serializable, as a web session stored in
 * PostgreSQL holds it (through its {@link Stored} form, since {@code Optional} is not serializable); it carries no
 * secret.
 */
public record DicasUser(long id, String username, String displayName, NationCode nation, long organizationId,
                        String organizationName, OrganizationKind organizationKind, AccessLevel accessLevel,
                        Set<Role> roles, Set<String> groups, Optional<String> locale, ZoneId timeZone)
        implements Serializable {

    public DicasUser {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
        locale = locale == null ? Optional.empty() : locale;
        timeZone = timeZone == null ? TimeZones.forNation(nation) : timeZone;
    }

    /** A user who has not chosen a time zone: they read times in their nation's. */
    public DicasUser(long id, String username, String displayName, NationCode nation, long organizationId,
                     String organizationName, OrganizationKind organizationKind, AccessLevel accessLevel,
                     Set<Role> roles, Set<String> groups, Optional<String> locale) {
        this(id, username, displayName, nation, organizationId, organizationName, organizationKind, accessLevel,
                roles, groups, locale, null);
    }

    /** Government users are people of a government body or a military service. */
    public boolean government() {
        return organizationKind.isGovernment();
    }

    /** The company an industry user works for. */
    public Optional<Long> companyId() {
        return organizationKind == OrganizationKind.COMPANY ? Optional.of(organizationId) : Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean disclosureOfficer() {
        return roles.contains(Role.DISCLOSURE_OFFICER);
    }

    public boolean administrator() {
        return roles.contains(Role.ADMIN);
    }

    @Serial
    private Object writeReplace() {
        return new Stored(id, username, displayName, nation, organizationId, organizationName, organizationKind,
                accessLevel, roles, groups, locale.orElse(null), timeZone);
    }

    /** The serialized form: the same fields, the locale as a plain (nullable) string; read back through the constructor. */
    private record Stored(long id, String username, String displayName, NationCode nation, long organizationId,
                          String organizationName, OrganizationKind organizationKind, AccessLevel accessLevel,
                          Set<Role> roles, Set<String> groups, String locale, ZoneId timeZone)
            implements Serializable {
        /** A session stored before time zones read back with no zone: the nation's applies. */
        @Serial
        private Object readResolve() {
            return new DicasUser(id, username, displayName, nation, organizationId, organizationName, organizationKind,
                    accessLevel, roles, groups, Optional.ofNullable(locale), timeZone);
        }
    }
}
