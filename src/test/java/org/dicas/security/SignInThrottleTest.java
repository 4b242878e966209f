package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After 10 consecutive failed sign-ins, a username is refused (429 / form message) even with the right password. */
@PlatformTest
class SignInThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String newUser(Http http, String username) {
        String admin = http.token("admin", "demo");
        long org = jdbc.sql("select id from organization where name = 'OUSD(A&S)'").query(Long.class).single();
        var r = http.post("/api/v1/admin/users", admin, Map.of("username", username, "displayName", "Throttle test",
                "nation", "USA", "organizationId", org, "accessLevel", "UNCLASSIFIED", "password", "correct horse battery"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    @Test
    void tenFailuresThroughTheApiLockTheUsernameEvenForTheRightPassword() {
        Http http = new Http(port);
        String user = newUser(http, "throttle.api");
        for (int i = 0; i < 10; i++) {
            var r = http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "wrong " + i));
            assertThat(r.status()).as("attempt " + i).isEqualTo(401);
        }
        var locked = http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        // other usernames are not affected
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", "us.acq", "password", "demo")).status())
                .isEqualTo(200);
        // the form is refused too, with its own message
        Http web = new Http(port);
        var page = web.get("/login", null);
        var form = web.form("/login", Http.csrf(page.body()), Map.of("username", user, "password", "correct horse battery"));
        assertThat(form.header("Location")).contains("/login?error&locked");
        assertThat(web.get("/login?error&locked", null).body()).contains("Too many failed sign-ins");
        // when the cooling-off period has passed, the right password works again
        jdbc.sql("update sign_in_attempt set locked_until = now() - interval '1 second' where username = :u")
                .param("u", user).update();
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"))
                .status()).isEqualTo(200);
    }

    @Test
    void failuresOnTheFormCountTowardsTheLockAndASuccessResetsTheCount() {
        Http http = new Http(port);
        String user = newUser(http, "throttle.form");
        Http web = new Http(port);
        for (int i = 0; i < 9; i++) {
            var page = web.get("/login", null);
            web.form("/login", Http.csrf(page.body()), Map.of("username", user, "password", "wrong"));
        }
        // nine failures, then a success: the count starts again
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"))
                .status()).isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "wrong")).status())
                    .isEqualTo(401);
        }
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"))
                .status()).isEqualTo(200);
        // the tenth consecutive failure locks
        for (int i = 0; i < 10; i++) {
            http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "wrong"));
        }
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"))
                .status()).isEqualTo(429);
    }

    @Test
    void unknownUsernamesAreThrottledLikeRealOnes() {
        Http http = new Http(port);
        for (int i = 0; i < 10; i++) {
            http.post("/api/v1/auth/token", null, Map.of("username", "nobody.here", "password", "x"));
        }
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", "nobody.here", "password", "x")).status())
                .isEqualTo(429);
    }
}
