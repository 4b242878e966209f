package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.RequestCosts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.dicas.security.internal.TokenHoldersKeeping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An API token's holder is read from the database once and kept between calls (issue 11, ADR 0046) — and whatever
 * changes the rows it was read from, through the platform or by hand in SQL, reaches the next calls: the database
 * notifies the node, which forgets what it kept. Changes made by hand have no Java code to forget for them, so only the
 * notification can make them seen; without it they would stay unseen for the 30 s an entry is kept, and these tests,
 * which wait at most 5 s, would fail.
 */
@PlatformTest
class ApiTokenHoldersTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    RequestCosts costs;

    Http http;
    String admin;

    @BeforeEach
    void listening() {
        TokenHoldersKeeping.await(context);
        http = new Http(port);
        admin = http.token("admin", "demo");
    }

    @Test
    void aTokensHolderIsReadOnceAndNotAgainOnTheNextCalls() {
        String token = http.token(newAccount("jp.kept"), "a long enough secret");
        costs.countFromNowOn();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);
            }
            List<RequestCosts.Cost> calls = costs.recorded().stream().filter(c -> c.uri().equals("/api/v1/me")).toList();
            assertThat(calls).hasSize(3);
            assertThat(calls.get(0).sql()).as("the first call reads the token").anyMatch(s -> s.contains("api_token"));
            assertThat(calls.subList(1, 3)).as("later calls keep it").allSatisfy(c ->
                    assertThat(c.sql()).noneMatch(s -> s.contains("api_token")));
        } finally {
            costs.stopCounting();
        }
    }

    @Test
    void anAccessLevelChangedByHandInTheDatabaseReachesTheNextCalls() {
        String user = newAccount("jp.lowered");
        String token = http.token(user, "a long enough secret");
        assertThat(me(token).get("accessLevel").asString()).isEqualTo("CUI");

        jdbc.sql("update app_user set access_level = 'UNCLASSIFIED' where username = :u").param("u", user).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/me", token),
                r -> r.status() == 200 && r.json().get("accessLevel").asString().equals("UNCLASSIFIED")))
                .as("the lowered level is seen within %s", BOUND).isTrue();
    }

    @Test
    void aTokenRevokedByHandInTheDatabaseIsRefused() {
        String token = http.token(newAccount("jp.revoked"), "a long enough secret");
        assertThat(http.get("/api/v1/me", token).status()).isEqualTo(200);

        jdbc.sql("update api_token set revoked_at = now() where revoked_at is null and user_id = "
                + "(select id from app_user where username = 'jp.revoked')").update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/me", token), r -> r.status() == 401))
                .as("the revoked token is refused within %s", BOUND).isTrue();
    }

    @Test
    void anOrganizationTurnedIntoACompanyByHandReachesTheNextCalls() {
        long org = jdbc.sql("""
                insert into organization (name, name_ja, kind, nation) values ('Holders Test Bureau', null,
                'GOVERNMENT', 'JPN') returning id""").query(Long.class).single();
        String user = newAccount("jp.reorganized", org);
        String token = http.token(user, "a long enough secret");
        assertThat(me(token).hasNonNull("company")).as("a government official has no company").isFalse();

        jdbc.sql("update organization set kind = 'COMPANY' where id = :o").param("o", org).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/me", token), r -> r.status() == 200
                && r.json().hasNonNull("company") && r.json().get("company").asString().equals("Holders Test Bureau")))
                .as("the organization's new kind is seen within %s", BOUND).isTrue();
    }

    @Test
    void whatChangedWhileTheNodeWasNotListeningIsNotServedFromWhatItKept() {
        String user = newAccount("jp.cutoff");
        String token = http.token(user, "a long enough secret");
        assertThat(me(token).get("accessLevel").asString()).isEqualTo("CUI");

        // cut the listener off, then change by hand at once, before it has listened again: no notification reaches it
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '" + org.dicas.security.internal.DatabaseChanges.APPLICATION_NAME + "'")
                .query(Boolean.class).list();
        jdbc.sql("update app_user set access_level = 'UNCLASSIFIED' where username = :u").param("u", user).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/me", token),
                r -> r.status() == 200 && r.json().get("accessLevel").asString().equals("UNCLASSIFIED")))
                .as("the change is seen within %s", BOUND).isTrue();
        TokenHoldersKeeping.await(context);
    }

    private tools.jackson.databind.JsonNode me(String token) {
        Http.Response r = http.get("/api/v1/me", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A new account at CUI in ATLA (the demo accounts are shared by every test in the context). */
    private String newAccount(String username) {
        return newAccount(username, jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class)
                .single());
    }

    private String newAccount(String username, long organization) {
        Http.Response created = http.post("/api/v1/admin/users", admin, Map.of("username", username,
                "displayName", username, "nation", "JPN", "organizationId", organization, "accessLevel", "CUI",
                "roles", List.of("ACQUISITION"), "password", "a long enough secret"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
