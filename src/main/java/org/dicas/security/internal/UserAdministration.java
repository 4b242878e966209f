package org.dicas.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.Role;
import org.dicas.security.TrustWriteRules;
import org.dicas.security.UnmarkedPages;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's user administration: create accounts, set nation, organization, access level, roles and groups,
 * reset passwords and disable accounts (both revoke the account's API tokens and end its web sessions on every
 * node). ADMIN only ({@link TrustWriteRules#administerUsers}; others: 404). Every change is audited.
 */
@Service
public class UserAdministration {

    record Account(long id, String username, String displayName, String nation, long organizationId,
                   String organization, String accessLevel, List<String> roles, List<String> groups, boolean enabled,
                   boolean demo, long version) implements org.dicas.shared.Versioned {
    }

    record AccountCommand(String username, String displayName, String nation, Long organizationId,
                          AccessLevel accessLevel, Set<Role> roles, Set<String> groups, String password) {
        AccountCommand {
            roles = roles == null ? Set.of() : roles;
            groups = groups == null ? Set.of() : groups;
        }
    }

    static final int MIN_PASSWORD = 12;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SignedInSessions sessions;
    private final TokenHolders holders;

    UserAdministration(JdbcClient jdbc, Directory directory, PasswordEncoder encoder, AuditLog audit,
                       SignedInSessions sessions, TokenHolders holders) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.holders = holders;
    }

    /** Reads of the administration (accounts, audit log) are for administrators; to others they do not exist. */
    static void requireAdmin(DicasUser user) {
        if (!user.administrator()) {
            throw new NotFoundException("page", "admin");
        }
    }

    /** Every change goes by {@link TrustWriteRules#administerUsers}; to a user it refuses the feature does not exist. */
    private static void mustAdminister(DicasUser user) {
        if (!TrustWriteRules.administerUsers(user).allowed()) {
            throw new NotFoundException("page", "admin");
        }
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.nation, u.organization_id, o.name, u.access_level, u.roles,
                   u.groups, u.enabled, u.demo, u.version
            from app_user u join organization o on o.id = u.organization_id""";

    private static Account row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), List.of((String[]) rs.getArray(8).getArray()),
                List.of((String[]) rs.getArray(9).getArray()), rs.getBoolean(10), rs.getBoolean(11),
                rs.getLong(12));
    }

    /**
     * What the accounts list sorts and filters by ({@code public} for the API description, {@code @SortedBy}): by
     * user name unless asked otherwise, ties by id; the filter looks in the user name, the display name and the
     * organization.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("username", "lower(u.username)", false, "u.id")
            .and("name", "lower(u.display_name)").and("nation", "u.nation").and("organization", "lower(o.name)")
            .and("accessLevel", "u.access_level").and("enabled", "u.enabled")
            .filterIn("u.username", "u.display_name", "o.name");

    /**
     * A page of the accounts, of one nation and/or holding one role when asked, sorted and filtered as the view asks
     * ({@link #COLUMNS}); administrators only (everyone else: 404). Accounts are not marked records: an administrator
     * sees every one.
     */
    Page<Account> accounts(DicasUser admin, Optional<String> nation, Optional<Role> role, Paging paging,
                           TableView view) {
        requireAdmin(admin);
        String sql = SELECT + " where true" + nation.map(n -> " and u.nation = :nation").orElse("")
                + role.map(r -> " and :role = any(u.roles)").orElse("");
        Map<String, Object> params = new java.util.HashMap<>();
        nation.ifPresent(n -> params.put("nation", n));
        role.ifPresent(r -> params.put("role", r.name()));
        return UnmarkedPages.page(jdbc, sql, COLUMNS, params, paging, view, (rs, n) -> row(rs));
    }

    Account account(DicasUser admin, long id) {
        requireAdmin(admin);
        return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    Account create(DicasUser admin, AccountCommand c) {
        mustAdminister(admin);
        if (c.username() == null || !c.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw InvalidInputException.of("username", "user.error.username");
        }
        if (directory.userByUsername(c.username()).isPresent()) {
            throw InvalidInputException.of("username", "user.error.duplicate", c.username());
        }
        checkPassword(c.password());
        validate(c);
        long id = directory.createUser(new Directory.NewUser(c.username(), encoder.encode(c.password()),
                c.displayName().strip(), NationCode.of(c.nation()), c.organizationId(), c.accessLevel(), c.roles(),
                c.groups(), false));
        audit.append(admin, "USER_CREATED", null, null, describe(c.username(), c));
        return account(admin, id);
    }

    @Transactional
    Account change(DicasUser admin, long id, ExpectedVersion expected, AccountCommand c) {
        mustAdminister(admin);
        Account existing = account(admin, id);
        validate(c);
        int n = jdbc.sql("""
                        update app_user set display_name = :name, nation = :nation, organization_id = :org,
                               access_level = :level, roles = cast(:roles as text[]), groups = cast(:groups as text[]),
                               version = version + 1
                        where id = :id and version = :expected""")
                .param("expected", expected.required())
                .param("name", c.displayName().strip()).param("nation", c.nation()).param("org", c.organizationId())
                .param("level", c.accessLevel().name())
                .param("roles", "{" + c.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + "}")
                .param("groups", "{" + c.groups().stream().sorted().collect(Collectors.joining(",")) + "}")
                .param("id", id).update();
        if (n != 1) {
            throw new org.dicas.shared.StaleVersionException("USER", id, expected.value(), account(admin, id).version());
        }
        holders.forgetAfterCommit();
        if (changesWhatTheyMayRead(existing, c)) {
            // a web session keeps the account as it was at sign-in: it ends, so the next sign-in reads the change
            sessions.endAllAfterCommit(existing.username());
        }
        audit.append(admin, "USER_CHANGED", null, null, describe(existing.username(), c));
        return account(admin, id);
    }

    @Transactional
    void resetPassword(DicasUser admin, long id, String password) {
        mustAdminister(admin);
        Account a = account(admin, id);
        checkPassword(password);
        jdbc.sql("update app_user set password_hash = :h where id = :id").param("h", encoder.encode(password))
                .param("id", id).update();
        jdbc.sql("delete from sign_in_attempt where username = :u").param("u", a.username()).update();
        // whoever held the old password (a lost or stolen one, often the reason for a reset) is signed out everywhere
        signOutEverywhere(id, a.username());
        audit.append(admin, "PASSWORD_RESET", null, null, Sentence.of("audit.detail.user", a.username()));
    }

    /** Revokes the user's API tokens and ends their web sessions on every node (the sessions after the commit). */
    private void signOutEverywhere(long id, String username) {
        holders.forgetAfterCommit();
        jdbc.sql("update api_token set revoked_at = now() where user_id = :id and revoked_at is null")
                .param("id", id).update();
        sessions.endAllAfterCommit(username);
    }

    /** Whether a change touches what the policy reads of the user: nation, organization, level, roles, groups. */
    private static boolean changesWhatTheyMayRead(Account existing, AccountCommand c) {
        return !existing.nation().equals(c.nation()) || existing.organizationId() != c.organizationId()
                || !existing.accessLevel().equals(c.accessLevel().name())
                || !Set.copyOf(existing.roles()).equals(c.roles().stream().map(Role::name).collect(Collectors.toSet()))
                || !Set.copyOf(existing.groups()).equals(c.groups());
    }

    @Transactional
    void setEnabled(DicasUser admin, long id, boolean enabled) {
        mustAdminister(admin);
        Account a = account(admin, id);
        if (a.id() == admin.id() && !enabled) {
            throw InvalidInputException.of("enabled", "user.error.disableSelf");
        }
        jdbc.sql("update app_user set enabled = :e where id = :id").param("e", enabled).param("id", id).update();
        if (enabled) {
            holders.forgetAfterCommit();
        } else {
            signOutEverywhere(id, a.username()); // forgets too
        }
        audit.append(admin, enabled ? "USER_ENABLED" : "USER_DISABLED", null, null, Sentence.of("audit.detail.user", a.username()));
    }

    private void validate(AccountCommand c) {
        if (c.displayName() == null || c.displayName().isBlank() || c.displayName().length() > 200) {
            throw InvalidInputException.of("displayName", "user.error.displayName", 200);
        }
        if (c.nation() == null || !directory.nationExists(c.nation())) {
            throw InvalidInputException.of("nation", "user.error.unknownNation", c.nation());
        }
        if (c.organizationId() == null || directory.organization(c.organizationId()).isEmpty()) {
            throw InvalidInputException.of("organizationId", "user.error.unknownOrganization", c.organizationId());
        }
        if (!directory.organization(c.organizationId()).get().nation().equals(c.nation())) {
            throw InvalidInputException.of("organizationId", "user.error.organizationOfAnotherNation");
        }
        if (c.accessLevel() == null) {
            throw InvalidInputException.of("accessLevel", "user.error.accessLevel");
        }
        Set<String> known = directory.groups().stream().map(Directory.Group::code).collect(Collectors.toSet());
        for (String g : c.groups()) {
            if (!known.contains(g)) {
                throw InvalidInputException.of("groups", "user.error.unknownGroup", g);
            }
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw InvalidInputException.of("password", "user.error.password", MIN_PASSWORD, 200);
        }
    }

    private static Sentence describe(String username, AccountCommand c) {
        return Sentence.of("audit.detail.account", username, Sentence.nation(NationCode.of(c.nation()).code()),
                c.organizationId() == null ? Sentence.of("audit.detail.none") : c.organizationId(),
                Sentence.label("accessLevel", c.accessLevel()),
                AuditLog.items(c.roles() == null ? List.of() : c.roles().stream().sorted()
                        .map(r -> Sentence.label("role", r)).toList()),
                AuditLog.items(c.groups() == null ? List.of() : new java.util.TreeSet<>(c.groups())));
    }
}
