package org.dicas.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an OpenID Connect sign-in into a platform user, following {@link SingleSignOnProperties}: nation,
 * organization, need-to-know groups and access level come from the provider's claims (or fixed values) on every
 * sign-in; the account is created on the first one (just in time).
 * <p>
 * Accounts created here can never sign in with a password: their password hash is {@link #passwordMarker}, which the
 * password encoder can never match (it is no BCrypt hash of anything). The marker also records which provider owns
 * the account, so a provider can sign in only the accounts it created — never a password account or another
 * provider's account that happens to have the same username. Disabled accounts are refused.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{2,64}");
    private static final int MAX_TEXT = 200;

    private final SingleSignOnProperties properties;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OAuth2UserService<OidcUserRequest, OidcUser> oidc = new OidcUserService();

    OidcAccounts(SingleSignOnProperties properties, Directory directory, JdbcClient jdbc,
                 PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.directory = directory;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The password hash of an account owned by the identity provider with this registration id. The delegating
     * encoder hands it to BCrypt, which refuses it as malformed for every password: password sign-in cannot succeed.
     */
    static String passwordMarker(String registrationId) {
        return "{bcrypt}!sso:" + registrationId;
    }

    /** What the claims say about the person. */
    record Mapped(String username, String displayName, NationCode nation, String organization, AccessLevel accessLevel,
                  Set<String> groups) {
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        String registrationId = request.getClientRegistration().getRegistrationId();
        SingleSignOnProperties.Provider mapping = properties.providers().get(registrationId);
        if (mapping == null) {
            throw refused("no mapping dicas.sso.providers." + registrationId + " is configured");
        }
        OidcUser signedIn = oidc.loadUser(request);
        Mapped mapped = map(mapping, signedIn.getClaims());
        DicasUser user = transaction.execute(status -> provision(registrationId, mapping, mapped));
        log.info("Single sign-on of '{}' through '{}'", user.username(), registrationId);
        return new OidcAccount(user, signedIn.getIdToken(), signedIn.getUserInfo());
    }

    Mapped map(SingleSignOnProperties.Provider p, Map<String, Object> claims) {
        String subject = text(claims, p.usernameClaim())
                .orElseThrow(() -> refused("the token has no '" + p.usernameClaim() + "' claim"));
        String username = p.usernamePrefix() + subject;
        if (!USERNAME.matcher(username).matches()) {
            throw refused("'" + username + "' is not a valid username (2 to 64 letters, digits or ._@+-)");
        }
        String displayName = text(claims, p.displayNameClaim()).map(n -> truncate(n.strip())).orElse(username);

        String nationCode = claimOrFixed(claims, p.nationClaim(), p.nation())
                .map(n -> n.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> refused("no nation: neither a '" + p.nationClaim() + "' claim nor a fixed nation"));
        if (!NationCode.isValid(nationCode) || !directory.nationExists(nationCode)) {
            throw refused("nation '" + nationCode + "' is not a nation of the forum");
        }

        String organization = claimOrFixed(claims, p.organizationClaim(), p.organization()).map(String::strip)
                .filter(o -> !o.isEmpty() && o.length() <= MAX_TEXT)
                .orElseThrow(() -> refused("no organization: neither an '" + p.organizationClaim()
                        + "' claim nor a fixed organization"));

        AccessLevel level = p.accessLevel();
        Optional<String> levelClaim = p.accessLevelClaim() == null ? Optional.empty() : text(claims, p.accessLevelClaim());
        if (levelClaim.isPresent()) {
            String value = levelClaim.get().strip().toUpperCase(Locale.ROOT);
            level = Arrays.stream(AccessLevel.values()).filter(l -> l.name().equals(value)).findFirst()
                    .orElseThrow(() -> refused("access level '" + value + "' is not PUBLIC, UNCLASSIFIED or CUI"));
        }

        Set<String> groups = Set.of();
        if (p.groupsClaim() != null && !p.groupsClaim().isBlank()) {
            Set<String> known = directory.groups().stream().map(Directory.Group::code).collect(Collectors.toSet());
            groups = values(claims.get(p.groupsClaim())).stream().filter(known::contains)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return new Mapped(username, displayName, NationCode.of(nationCode), organization, level, groups);
    }

    private DicasUser provision(String registrationId, SingleSignOnProperties.Provider p, Mapped m) {
        long organizationId = jdbc.sql("select id from organization where name = :n and nation = :c")
                .param("n", m.organization()).param("c", m.nation().code()).query(Long.class).optional()
                .orElseGet(() -> directory.createOrganization(m.organization(), null, p.organizationKind(), m.nation()));
        record Account(long id, String passwordHash, boolean enabled) {
        }
        Optional<Account> existing = jdbc.sql("""
                        select id, password_hash, enabled from app_user where username = :u for update""")
                .param("u", m.username()).query(Account.class).optional();
        long id;
        if (existing.isEmpty()) {
            id = directory.createUser(new Directory.NewUser(m.username(), passwordMarker(registrationId),
                    m.displayName(), m.nation(), organizationId, m.accessLevel(), p.roles(), m.groups(), false));
            log.info("Created account '{}' for a first sign-in through '{}'", m.username(), registrationId);
        } else {
            Account a = existing.get();
            if (!passwordMarker(registrationId).equals(a.passwordHash())) {
                throw refused("account '" + m.username() + "' exists and is not managed by '" + registrationId + "'");
            }
            if (!a.enabled()) {
                throw refused("account '" + m.username() + "' is disabled");
            }
            id = a.id();
            jdbc.sql("""
                            update app_user set display_name = :name, nation = :nation, organization_id = :org,
                                   access_level = :level, groups = cast(:groups as text[])
                            where id = :id""")
                    .param("name", m.displayName()).param("nation", m.nation().code()).param("org", organizationId)
                    .param("level", m.accessLevel().name())
                    .param("groups", "{" + m.groups().stream().sorted().collect(Collectors.joining(",")) + "}")
                    .param("id", id).update();
        }
        return directory.user(id).orElseThrow();
    }

    private static Optional<String> claimOrFixed(Map<String, Object> claims, String claim, String fixed) {
        Optional<String> fromClaim = claim == null || claim.isBlank() ? Optional.empty() : text(claims, claim);
        return fromClaim.or(() -> Optional.ofNullable(fixed).filter(f -> !f.isBlank()));
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v == null ? Optional.empty() : Optional.of(v.toString()).filter(s -> !s.isBlank());
    }

    /** A claim holding a list, or a string of values separated by spaces or commas. */
    static List<String> values(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().filter(v -> v != null).map(v -> v.toString().strip()).toList();
        }
        if (claim instanceof String s) {
            return Arrays.stream(s.split("[,\\s]+")).filter(v -> !v.isEmpty()).toList();
        }
        return List.of();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    private static OAuth2AuthenticationException refused(String reason) {
        log.warn("Single sign-on refused: {}", reason);
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, reason, null), reason);
    }
}
