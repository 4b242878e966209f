package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The secretariat creates users, sets their attributes, resets passwords and disables accounts; nobody else can. */
@PlatformTest
class UserAdministrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void adminManagesAnAccountFromCreationToDisabling() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        long atla = jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class).single();
        var created = http.post("/api/v1/admin/users", admin, Map.of("username", "jp.newcomer", "displayName", "新人",
                "nation", "JPN", "organizationId", atla, "accessLevel", "UNCLASSIFIED", "roles", List.of("ACQUISITION"),
                "groups", List.of("WG-AIR"), "password", "a long enough secret"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String t = http.token("jp.newcomer", "a long enough secret");
        assertThat(http.get("/api/v1/me", t).json().get("groups").toString()).isEqualTo("[\"WG-AIR\"]");
        // raise access and change groups
        var changed = http.put("/api/v1/admin/users/" + id, admin, Map.of("displayName", "新人", "nation", "JPN",
                "organizationId", atla, "accessLevel", "CUI", "roles", List.of("ACQUISITION"),
                "groups", List.of("WG-AIR", "PLENARY")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", t).json().get("accessLevel").asString()).isEqualTo("CUI");
        // reset the password
        assertThat(http.post("/api/v1/admin/users/" + id + "/password", admin, Map.of("password", "another long secret"))
                .status()).isEqualTo(204);
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", "jp.newcomer", "password", "a long enough secret"))
                .status()).isEqualTo(401);
        String t2 = http.token("jp.newcomer", "another long secret");
        // disabling revokes tokens and stops sign-in
        assertThat(http.post("/api/v1/admin/users/" + id + "/enabled", admin, Map.of("enabled", false)).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/me", t2).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", "jp.newcomer", "password", "another long secret"))
                .status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_entry where action in ('USER_CREATED','USER_CHANGED','PASSWORD_RESET','USER_DISABLED') and detail_sentence like '%jp.newcomer%'")
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void anAccountWhoseAccessChangesIsSignedOutOfItsWebSessionsButNotForANewDisplayName() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        long atla = jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class).single();
        long id = createdAtCui(http, admin, "jp.session", "旧名", "a long enough secret");
        Http browser = new Http(port).signIn("jp.session", "a long enough secret");
        assertThat(browser.get("/", null).status()).isEqualTo(200);

        var renamed = http.putIfMatch("/api/v1/admin/users/" + id, admin, Map.of("displayName", "新名", "nation", "JPN",
                "organizationId", atla, "accessLevel", "CUI", "roles", List.of("ACQUISITION")), version(id));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(browser.get("/", null).status()).as("a new display name keeps the session").isEqualTo(200);

        var lowered = http.putIfMatch("/api/v1/admin/users/" + id, admin, Map.of("displayName", "新名", "nation", "JPN",
                "organizationId", atla, "accessLevel", "UNCLASSIFIED", "roles", List.of("ACQUISITION")), version(id));
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(200);
        Http.Response page = browser.get("/", null);
        assertThat(page.status()).as("a lowered level ends the session").isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void aPasswordResetRevokesTheAccountsTokensAndEndsItsWebSessions() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        long id = createdAtCui(http, admin, "jp.reset", "再設定", "the old long secret");
        String token = http.token("jp.reset", "the old long secret");
        Http browser = new Http(port).signIn("jp.reset", "the old long secret");
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(browser.get("/", null).status()).isEqualTo(200);

        assertThat(http.post("/api/v1/admin/users/" + id + "/password", admin, Map.of("password", "the new long secret"))
                .status()).isEqualTo(204);

        assertThat(http.get("/api/v1/me", token).status()).as("the token issued before the reset").isEqualTo(401);
        Http.Response page = browser.get("/", null);
        assertThat(page.status()).as("the web session signed in before the reset").isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(http.get("/api/v1/me", http.token("jp.reset", "the new long secret")).status()).isEqualTo(200);
    }

    /** A new ATLA account at CUI with the ACQUISITION role; answers its id. */
    private long createdAtCui(Http http, String admin, String username, String displayName, String password) {
        long atla = jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class).single();
        var created = http.post("/api/v1/admin/users", admin, Map.of("username", username, "displayName", displayName,
                "nation", "JPN", "organizationId", atla, "accessLevel", "CUI", "roles", List.of("ACQUISITION"),
                "password", password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String version(long id) {
        return "\"" + jdbc.sql("select version from app_user where id = :id").param("id", id).query(Long.class).single()
                + "\"";
    }

    @Test
    void badAccountInputIsRefusedNamingTheField() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        long atla = jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class).single();
        var shortPassword = http.post("/api/v1/admin/users", admin, Map.of("username", "x.short", "displayName", "x",
                "nation", "JPN", "organizationId", atla, "accessLevel", "CUI", "password", "short"));
        assertThat(shortPassword.json().get("field").asString()).isEqualTo("password");
        var wrongNation = http.post("/api/v1/admin/users", admin, Map.of("username", "x.nation", "displayName", "x",
                "nation", "USA", "organizationId", atla, "accessLevel", "CUI", "password", "long enough password"));
        assertThat(wrongNation.json().get("field").asString()).isEqualTo("organizationId");
        var group = http.post("/api/v1/admin/users", admin, Map.of("username", "x.group", "displayName", "x",
                "nation", "JPN", "organizationId", atla, "accessLevel", "CUI", "groups", List.of("SECRET-CLUB"),
                "password", "long enough password"));
        assertThat(group.json().get("field").asString()).isEqualTo("groups");
        assertThat(jdbc.sql("select count(*) from app_user where username like 'x.%'").query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheSecretariatSeesUserAdministration() {
        Http http = new Http(port);
        for (String user : new String[] {"us.acq", "us.fdo", "jp.atla"}) {
            String t = http.token(user, "demo");
            assertThat(http.get("/api/v1/admin/users", t).status()).as(user).isEqualTo(404);
            assertThat(http.post("/api/v1/admin/users/1/enabled", t, Map.of("enabled", false)).status()).as(user).isEqualTo(404);
            assertThat(new Http(port).signIn(user, "demo").get("/admin/users", null).status()).as(user).isEqualTo(404);
        }
        assertThat(new Http(port).signIn("admin", "demo").get("/admin/users", null).body()).contains("jp.atla", "us.fdo");
    }
}
