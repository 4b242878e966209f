package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After 10 consecutive failed sign-ins, a username is refused (429 / form message) even with the right password; every
 * attempt is counted before its password is checked, so concurrency cannot buy more than 10 password checks.
 */
@PlatformTest
class SignInThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    /** Password comparisons made by the sign-in provider since start-up (form and API). */
    double passwordChecks() {
        return meters.get("dicas.sign-in.password-checks").counter().count();
    }

    /** Runs all tasks at once (released together by a latch) on a pool as large as the task list. */
    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

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
        Http web = new Http(port).acceptSignInNotice();
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
        Http web = new Http(port).acceptSignInNotice();
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

    @ParameterizedTest(name = "{0} concurrent attempts")
    @ValueSource(ints = {60, 150})
    void concurrentWrongPasswordsThroughTheApiGetNoMoreThanTenPasswordChecks(int attempts) throws Exception {
        Http http = new Http(port);
        String user = newUser(http, "throttle.burst" + attempts);
        double checksBefore = passwordChecks();
        List<Callable<Http.Response>> tasks = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String password = "wrong " + i;
            tasks.add(() -> new Http(port).post("/api/v1/auth/token", null, Map.of("username", user, "password", password)));
        }
        List<Http.Response> answers = together(tasks);

        // a 401 means the password was checked; everything else must be refused unchecked with 429 + Retry-After
        long checked = answers.stream().filter(r -> r.status() == 401).count();
        assertThat(checked).isEqualTo(10);
        assertThat(answers).filteredOn(r -> r.status() != 401).hasSize(attempts - 10).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(429);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 300L);
        });
        assertThat(passwordChecks() - checksBefore).isEqualTo(10.0);
        // the right password is refused as well, without a check
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", user, "password", "correct horse battery"))
                .status()).isEqualTo(429);
        assertThat(passwordChecks() - checksBefore).isEqualTo(10.0);
    }

    @Test
    void concurrentAttemptsThroughTheFormAndTheApiShareOneLimit() throws Exception {
        Http http = new Http(port);
        String user = newUser(http, "throttle.mixed");
        record Outcome(boolean checked, boolean refused) {
        }
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String password = "wrong " + i;
            if (i % 2 == 0) {
                tasks.add(() -> {
                    var r = new Http(port).post("/api/v1/auth/token", null, Map.of("username", user, "password", password));
                    return new Outcome(r.status() == 401, r.status() == 429);
                });
            } else {
                Http web = new Http(port).acceptSignInNotice();
                String csrf = Http.csrf(web.get("/login", null).body());
                tasks.add(() -> {
                    var r = web.form("/login", csrf, Map.of("username", user, "password", password));
                    String location = r.header("Location");
                    return new Outcome(location.endsWith("/login?error"), location.endsWith("/login?error&locked"));
                });
            }
        }
        double checksBefore = passwordChecks();
        List<Outcome> outcomes = together(tasks);

        assertThat(outcomes).filteredOn(Outcome::checked).hasSize(10);
        assertThat(outcomes).filteredOn(Outcome::refused).hasSize(30);
        assertThat(passwordChecks() - checksBefore).isEqualTo(10.0);
    }
}
