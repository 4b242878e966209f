package org.dicas.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.dicas.shared.TimeZones;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the directory: users, organizations, nations and need-to-know groups. */
@Service
public class Directory {

    public record Nation(String code, String nameEn, String nameJa) {
    }

    public record Organization(long id, String name, String nameJa, OrganizationKind kind, String nation) {
    }

    public record Group(String code, String nameEn, String nameJa) {
    }

    private static final String USER_COLUMNS = """
            select u.id, u.username, u.display_name, u.nation, u.organization_id, o.name as org_name, o.kind,
                   u.access_level, u.roles, u.groups, u.locale, u.time_zone""";
    private static final String USER_FROM = " from app_user u join organization o on o.id = u.organization_id";
    static final String USER_SELECT = USER_COLUMNS + USER_FROM;

    static final RowMapper<DicasUser> USER_ROW = (rs, n) -> new DicasUser(
            rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
            NationCode.of(rs.getString("nation")), rs.getLong("organization_id"), rs.getString("org_name"),
            OrganizationKind.valueOf(rs.getString("kind")), AccessLevel.valueOf(rs.getString("access_level")),
            Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).collect(Collectors.toSet()),
            Set.of((String[]) rs.getArray("groups").getArray()), Optional.ofNullable(rs.getString("locale")),
            TimeZones.offered(rs.getString("time_zone")).orElse(null));

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DicasUser> user(long id) {
        return jdbc.sql(USER_SELECT + " where u.id = :id").param("id", id).query(USER_ROW).optional();
    }

    /** A user as sign-in checks them: who they are, their password hash and whether the account may sign in. */
    public record Account(DicasUser user, String passwordHash, boolean enabled, boolean demo) {
    }

    /** The user and their account flags in one query (every bearer request and every sign-in asks). */
    public Optional<Account> account(String username) {
        return jdbc.sql(USER_COLUMNS + ", u.password_hash, u.enabled, u.demo" + USER_FROM
                        + " where u.username = :u")
                .param("u", username)
                .query((rs, n) -> new Account(USER_ROW.mapRow(rs, n), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("demo")))
                .optional();
    }

    /** An account holding a live API token, and how long the token is still valid by the database's clock. */
    public record TokenAccount(Account account, java.time.Duration tokenValidFor) {
    }

    /**
     * The account holding a live API token, found by the token's SHA-256 in one query: the token check and the account
     * read are one round trip (asked by a bearer request whose token's holder is not kept, security.internal).
     */
    public Optional<TokenAccount> accountByTokenHash(String tokenHash) {
        return jdbc.sql(USER_COLUMNS + ", u.password_hash, u.enabled, u.demo,"
                        + " extract(epoch from t.expires_at - now()) as valid_seconds" + USER_FROM
                        + " join api_token t on t.user_id = u.id"
                        + " where t.token_hash = :h and t.revoked_at is null and t.expires_at > now()")
                .param("h", tokenHash)
                .query((rs, n) -> new TokenAccount(new Account(USER_ROW.mapRow(rs, n), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("demo")),
                        java.time.Duration.ofNanos((long) (rs.getDouble("valid_seconds") * 1e9))))
                .optional();
    }

    public Optional<DicasUser> userByUsername(String username) {
        return jdbc.sql(USER_SELECT + " where u.username = :u").param("u", username).query(USER_ROW).optional();
    }

    public List<DicasUser> users() {
        return jdbc.sql(USER_SELECT + " where u.enabled order by u.display_name").query(USER_ROW).list();
    }

    public Map<Long, DicasUser> usersById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(USER_SELECT + " where u.id in (:ids)").param("ids", Set.copyOf(ids)).query(USER_ROW).list()
                .stream().collect(Collectors.toMap(DicasUser::id, Function.identity()));
    }

    public List<Nation> nations() {
        return jdbc.sql("select code, name_en, name_ja from nation order by code").query(Nation.class).list();
    }

    public boolean nationExists(String code) {
        return jdbc.sql("select count(*) from nation where code = :c").param("c", code).query(Integer.class).single() > 0;
    }

    public List<Organization> organizations() {
        return jdbc.sql("select id, name, name_ja, kind, nation from organization order by nation, name")
                .query((rs, n) -> new Organization(rs.getLong(1), rs.getString(2), rs.getString(3),
                        OrganizationKind.valueOf(rs.getString(4)), rs.getString(5))).list();
    }

    public Optional<Organization> organization(long id) {
        return organizations().stream().filter(o -> o.id() == id).findFirst();
    }

    public List<Group> groups() {
        return jdbc.sql("select code, name_en, name_ja from need_to_know_group order by code").query(Group.class).list();
    }

    /** A new account; {@code password} is hashed by the caller's encoder before it reaches the database. */
    public record NewUser(String username, String passwordHash, String displayName, NationCode nation,
                          long organizationId, AccessLevel accessLevel, Set<Role> roles, Set<String> groups,
                          boolean demo) {
    }

    public long createOrganization(String name, String nameJa, OrganizationKind kind, NationCode nation) {
        return jdbc.sql("insert into organization (name, name_ja, kind, nation) values (:n, :j, :k, :c) returning id")
                .param("n", name).param("j", nameJa).param("k", kind.name()).param("c", nation.code())
                .query(Long.class).single();
    }

    /** The organization of that name and nation, created when there is none (also when another node races). */
    public long organizationIdOrCreate(String name, String nameJa, OrganizationKind kind, NationCode nation) {
        return jdbc.sql("""
                        with created as (
                            insert into organization (name, name_ja, kind, nation) values (:n, :j, :k, :c)
                            on conflict (name, nation) do nothing returning id)
                        select id from created union all
                        select id from organization where name = :n and nation = :c
                        limit 1""")
                .param("n", name).param("j", nameJa).param("k", kind.name()).param("c", nation.code())
                .query(Long.class).single();
    }

    public long createUser(NewUser u) {
        return insertUser(u, "").orElseThrow();
    }

    /** Creates the account unless one of that username exists (e.g. made by another node just now). */
    public Optional<Long> createUserIfAbsent(NewUser u) {
        return insertUser(u, "on conflict (username) do nothing");
    }

    private Optional<Long> insertUser(NewUser u, String onConflict) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, nation, organization_id,
                                              access_level, roles, groups, demo)
                        values (:username, :hash, :name, :nation, :org, :level, cast(:roles as text[]),
                                cast(:groups as text[]), :demo) %s returning id""".formatted(onConflict))
                .param("username", u.username()).param("hash", u.passwordHash()).param("name", u.displayName())
                .param("nation", u.nation().code()).param("org", u.organizationId())
                .param("level", u.accessLevel().name())
                .param("roles", "{" + u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")) + "}")
                .param("groups", "{" + u.groups().stream().sorted().collect(Collectors.joining(",")) + "}")
                .param("demo", u.demo())
                .query(Long.class).optional();
    }

    public void rememberLocale(long userId, String locale) {
        jdbc.sql("update app_user set locale = :l where id = :id and locale is distinct from :l").param("l", locale).param("id", userId).update();
    }

    /** The zone a user reads times in; {@code null} returns them to their nation's. */
    public void rememberTimeZone(long userId, java.time.ZoneId zone) {
        jdbc.sql("update app_user set time_zone = :z where id = :id and time_zone is distinct from :z")
                .param("z", zone == null ? null : zone.getId()).param("id", userId).update();
    }

    public boolean anyUsers() {
        return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
    }
}
