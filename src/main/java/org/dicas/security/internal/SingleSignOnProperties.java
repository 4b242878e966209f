package org.dicas.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the claims of each OpenID Connect identity provider become a platform user, keyed by the registration id of
 * {@code spring.security.oauth2.client.registration.<id>}. Example ({@code docs/operations.md} has more):
 * <pre>
 * dicas.sso.providers.ukmod.nation=GBR
 * dicas.sso.providers.ukmod.organization=UK Ministry of Defence
 * dicas.sso.providers.ukmod.groups-claim=dicas_groups
 * dicas.sso.providers.ukmod.access-level-claim=dicas_access
 * dicas.sso.providers.ukmod.username-prefix=gb.
 * </pre>
 */
@ConfigurationProperties("dicas.sso")
record SingleSignOnProperties(Map<String, Provider> providers) {

    SingleSignOnProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * The mapping of one identity provider. A fixed value applies when its claim is not configured; a configured
     * claim that is missing from the token falls back to the fixed value (for nation and organization: sign-in is
     * refused when neither gives a value).
     *
     * @param nation           ISO 3166 alpha-3 nation of every user of this provider (e.g. {@code GBR})
     * @param nationClaim      claim holding the user's nation instead (alpha-3)
     * @param organization     name of the user's organization; created (in the user's nation) when missing
     * @param organizationClaim claim holding the organization name instead
     * @param organizationKind kind of an organization created on first sign-in (default {@code GOVERNMENT})
     * @param groupsClaim      claim holding need-to-know group codes (list or space/comma separated string); codes
     *                         the directory does not know are dropped. Without it users belong to no group
     * @param accessLevel      access level when no claim gives one (default {@code UNCLASSIFIED})
     * @param accessLevelClaim claim holding {@code PUBLIC}, {@code UNCLASSIFIED} or {@code CUI}
     * @param roles            roles of a user created on first sign-in (default none: read and take part only);
     *                         later changes to a user's roles in the directory are kept
     * @param usernamePrefix   prepended to the username claim, keeping each provider's users apart (e.g. {@code gb.})
     * @param usernameClaim    claim that names the user (default {@code sub}, the stable subject identifier)
     * @param displayNameClaim claim with the person's name (default {@code name}; the username when missing)
     */
    record Provider(String nation, String nationClaim, String organization, String organizationClaim,
                    @DefaultValue("GOVERNMENT") OrganizationKind organizationKind, String groupsClaim,
                    @DefaultValue("UNCLASSIFIED") AccessLevel accessLevel, String accessLevelClaim,
                    Set<Role> roles, @DefaultValue("") String usernamePrefix,
                    @DefaultValue("sub") String usernameClaim, @DefaultValue("name") String displayNameClaim) {

        Provider {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            usernamePrefix = usernamePrefix == null ? "" : usernamePrefix;
        }

        /** Problems of this mapping that make every sign-in fail, for a clear message at start-up. */
        List<String> problems(String registrationId) {
            String at = "dicas.sso.providers." + registrationId + ".";
            List<String> problems = new ArrayList<>();
            if (blank(nation) && blank(nationClaim)) {
                problems.add(at + "nation or " + at + "nation-claim is required");
            }
            if (!blank(nation) && !NationCode.isValid(nation)) {
                problems.add(at + "nation '" + nation + "' is not an ISO 3166 alpha-3 code");
            }
            if (blank(organization) && blank(organizationClaim)) {
                problems.add(at + "organization or " + at + "organization-claim is required");
            }
            if (blank(usernameClaim)) {
                problems.add(at + "username-claim must not be blank");
            }
            return problems;
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
