package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.security.DicasPrincipal;
import org.dicas.security.KeptReadsForgetting;
import org.dicas.security.internal.TokenHoldersKeeping;
import org.dicas.support.Http;
import org.dicas.support.Nodes;
import org.dicas.support.Nodes.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one PostgreSQL, started together on an empty database, as behind a load balancer without
 * sticky sessions: one set of demo data, a web session usable on either node and ended on both by a sign-out or by
 * disabling the account, and a scheduled job that runs once per interval in the cluster, not once per node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    /** The expiry sweep's interval on both nodes (a short one, so the test sees many cycles). */
    private static final long SWEEP_MILLIS = 400;
    /** Tables the demo data fills (and nothing else writes at start-up). */
    private static final List<String> DEMO_TABLES = List.of("organization", "app_user", "record", "working_group",
            "wg_member", "meeting", "meeting_attendee", "agenda_item", "decision", "action_item", "discussion_thread",
            "reply", "document", "program", "program_partner", "agreement", "lead", "opportunity", "supply_network",
            "supply_node", "sosa_request", "repair_facility", "repair_job", "requirement", "acquisition_plan",
            "notification", "capability_area", "export_authorization");

    /** Both nodes and the single one: a short sweep interval, and the first-administrator bootstrap on as well. */
    private static final String[] NODE_SETTINGS = {
            "dicas.security.expiry-sweep-interval=PT" + SWEEP_MILLIS / 1000.0 + "S",
            "dicas.admin.password=first-administrator-password"};

    private static Nodes nodes;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodesTogether() {
        nodes = Nodes.onEmptyDatabase().with(NODE_SETTINGS);
        List<Node> started = nodes.together("a", "b");
        a = started.get(0);
        b = started.get(1);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1) // before the tests that add records
    void nodesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneSetOfDemoData() throws SQLException {
        Map<String, Long> together = counts(nodes.jdbcUrl());
        Map<String, Long> alone;
        try (Nodes single = Nodes.onEmptyDatabase().with(NODE_SETTINGS)) {
            single.node("alone");
            alone = counts(single.jdbcUrl());
        }
        assertThat(together.get("administrators")).as("the first administrator, made once").isEqualTo(1);
        assertThat(together.get("app_user")).isPositive();
        assertThat(together.get("record")).isPositive();
        assertThat(together).as("rows after two nodes started together vs. one node alone").isEqualTo(alone);
    }

    @Test
    void aSessionSignedInOnOneNodeIsUsedOnTheOther() {
        Http browser = new Http(a.port()).signIn("jp.atla", "demo");

        Http.Response onB = browser.get(url(b, "/"), null);

        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).as("the signed-in user's name in the page header").contains("Haruka Mori) (Japan)");
        assertThat(browser.get(url(a, "/"), null).status()).isEqualTo(200);
    }

    @Test
    void theStoredSessionHoldsTheUserButNoPasswordHash() throws Exception {
        new Http(a.port()).signIn("us.navy", "demo");

        byte[] stored = storedSecurityContext("us.navy");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("{bcrypt}").doesNotContain("$2a$");
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            SecurityContext context = (SecurityContext) in.readObject();
            DicasPrincipal principal = (DicasPrincipal) context.getAuthentication().getPrincipal();
            assertThat(principal.user().username()).isEqualTo("us.navy");
            assertThat(principal.passwordHash()).isNull();
            assertThat(context.getAuthentication().getCredentials()).isNull();
        }
    }

    @Test
    void aStoredSessionThatNoLongerReadsIsSignedOutNotAnError() throws SQLException {
        Http browser = new Http(a.port()).signIn("jp.msdf", "demo");
        try (Connection db = DriverManager.getConnection(nodes.jdbcUrl(), "postgres", "");
             Statement s = db.createStatement()) {
            // as if written by a version whose classes have changed since
            s.execute("""
                    update spring_session_attributes set attribute_bytes = '\\xaced0005737200'::bytea
                    where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id in
                        (select primary_id from spring_session where principal_name = 'jp.msdf')""");
        }

        Http.Response page = browser.get(url(b, "/"), null);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        browser.signIn("jp.msdf", "demo");
        assertThat(browser.get(url(b, "/"), null).status()).isEqualTo(200);
    }

    @Test
    void signingOutOnOneNodeEndsTheSessionOnTheOther() {
        Http browser = new Http(a.port()).signIn("us.acq", "demo");
        assertThat(browser.get(url(b, "/"), null).status()).isEqualTo(200);

        Http.Response home = browser.get(url(a, "/"), null);
        Http.Response out = browser.form(url(a, "/logout"), Http.csrf(home.body()), Map.of());

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/login?logout");
        Http.Response onB = browser.get(url(b, "/"), null);
        assertThat(onB.status()).isEqualTo(302);
        assertThat(onB.header("Location")).endsWith("/login");
    }

    @Test
    void disablingAUserEndsTheirSessionsOnBothNodesAndRevokesTheirTokens() {
        Http onA = new Http(a.port()).signIn("au.dod", "demo");
        Http onB = new Http(b.port()).signIn("au.dod", "demo");
        String token = onA.token("au.dod", "demo");
        assertThat(onA.get(url(b, "/"), null).status()).isEqualTo(200);
        assertThat(onB.get(url(a, "/"), null).status()).isEqualTo(200);

        Http admin = new Http(b.port());
        String adminToken = admin.token("admin", "demo");
        long id = userId(admin, adminToken, "au.dod");
        assertThat(admin.post("/api/v1/admin/users/" + id + "/enabled", adminToken, Map.of("enabled", false)).status())
                .isEqualTo(204);

        for (Http browser : List.of(onA, onB)) {
            for (Node node : List.of(a, b)) {
                Http.Response page = browser.get(url(node, "/"), null);
                assertThat(page.status()).as("a page on node %s", node.name()).isEqualTo(302);
                assertThat(page.header("Location")).endsWith("/login");
            }
        }
        assertThat(onA.get(url(b, "/api/v1/me"), token).status()).isEqualTo(401);
        assertThat(sessionsOf("au.dod")).isZero();
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedOnTheOtherThatKeptItsHolder() throws InterruptedException {
        TokenHoldersKeeping.await(a.context());
        Http onA = new Http(a.port());
        String token = onA.token("us.fdo", "demo");
        // node a reads the token's holder and keeps it (ADR 0046)
        double keptBefore = keptAnswers(a);
        for (int i = 0; i < 3; i++) {
            assertThat(onA.get(url(a, "/api/v1/me"), token).status()).isEqualTo(200);
        }
        assertThat(keptAnswers(a) - keptBefore).as("calls on node a answered from what it kept").isEqualTo(2);

        assertThat(new Http(b.port()).delete("/api/v1/auth/token", token).status()).isEqualTo(204);

        // node b forgot at its commit; node a when the database's notification reaches it (milliseconds)
        assertThat(onA.get(url(b, "/api/v1/me"), token).status()).isEqualTo(401);
        long limit = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status = 200;
        while (status != 401 && System.nanoTime() < limit) {
            status = onA.get(url(a, "/api/v1/me"), token).status();
            if (status != 401) {
                Thread.sleep(25);
            }
        }
        assertThat(status).as("the revoked token on the node that kept its holder, within 5 s").isEqualTo(401);
    }

    @Test
    void aDocumentNarrowedOnOneNodeIsHiddenOnTheOtherThatKeptItsRowAndItsList() throws InterruptedException {
        TokenHoldersKeeping.await(a.context());
        Http onA = new Http(a.port());
        String us = onA.token("us.acq", "demo");
        String jp = onA.token("jp.atla", "demo");
        var made = onA.post(url(a, "/api/v1/documents"), us, Map.of("title", "Kept on node a", "body", "text",
                "marking", "UNCLASSIFIED//REL TO USA, JPN"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String path = "/api/v1/documents/" + made.json().get("id").asLong();
        // node a reads the document's row and keeps it (ADR 0049), once the notice of its creation has arrived
        KeptReadsForgetting.settle(a.context());
        double keptBefore = keptRows(a);
        for (int i = 0; i < 3; i++) {
            assertThat(onA.get(url(a, path), jp).status()).isEqualTo(200);
        }
        assertThat(keptRows(a) - keptBefore).as("reads on node a answered from the kept row").isEqualTo(2);
        String list = "/api/v1/documents?size=200";
        for (int i = 0; i < 2; i++) {
            assertThat(onA.get(url(a, list), jp).body()).contains("Kept on node a");
        }
        assertThat(keptRows(a) - keptBefore).as("the second list on node a answered from the kept page").isEqualTo(3);

        Http onB = new Http(b.port());
        String etag = onB.get(url(b, path), us).header("ETag");
        var narrowed = onB.putIfMatch(url(b, path), us, Map.of("title", "Kept on node a", "body", "text",
                "marking", "UNCLASSIFIED//REL TO USA"), etag);
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);

        // node b forgot at its commit; node a when the database's notification reaches it (milliseconds)
        assertThat(onB.get(url(b, path), jp).status()).isEqualTo(404);
        long limit = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status = 200;
        while (status != 404 && System.nanoTime() < limit) {
            status = onA.get(url(a, path), jp).status();
            if (status != 404) {
                Thread.sleep(25);
            }
        }
        assertThat(status).as("the narrowed document on the node that kept its row, within 5 s").isEqualTo(404);
        assertThat(onA.get(url(a, list), jp).body()).as("nor in the list on the node that kept its page")
                .doesNotContain("Kept on node a");
    }

    private static double keptRows(Node node) {
        return node.bean(MeterRegistry.class).get("dicas.security.kept.records").tag("answer", "kept").counter()
                .count();
    }

    private static double keptAnswers(Node node) {
        return node.bean(MeterRegistry.class).get("dicas.security.token.holders").tag("answer", "kept").counter()
                .count();
    }

    @Test
    void aScheduledJobRunsOncePerIntervalInTheClusterNotOncePerNode() throws Exception {
        try (Connection db = DriverManager.getConnection(nodes.jdbcUrl(), "postgres", "");
             Statement s = db.createStatement()) {
            s.execute("insert into api_token (token_hash, user_id, expires_at) "
                    + "select 'expired-for-the-sweep', id, now() - interval '1 hour' from app_user where username = 'us.policy'");
        }
        double before = sweeps(a) + sweeps(b);
        long start = System.nanoTime();
        Thread.sleep(4_000);
        double ran = sweeps(a) + sweeps(b) - before;
        long cycles = (System.nanoTime() - start) / 1_000_000 / SWEEP_MILLIS;

        // each node schedules the sweep every interval: run per node, that would be about 2 × cycles
        assertThat(ran).as("sweeps in %s intervals on two nodes", cycles).isBetween(cycles / 3.0, cycles + 2.0);
        try (Connection db = DriverManager.getConnection(nodes.jdbcUrl(), "postgres", "");
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from api_token where token_hash = 'expired-for-the-sweep'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the expired token is swept").isZero();
        }
    }

    @Test
    void callersOnBothNodesAtOnceRunAJobOncePerIntervalAndNeverTwoAtATime() throws Exception {
        Duration interval = Duration.ofMillis(300);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable work = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ClusterOnce once = (i % 2 == 0 ? a : b).bean(ClusterOnce.class);
                loops.add(callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        once.run("two-nodes-test", interval, work);
                        Thread.sleep(5);
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get(1, TimeUnit.MINUTES);
            }
        } finally {
            callers.shutdownNow();
        }

        // 3 s / 300 ms: 10 intervals, so 10 or 11 runs; each caller alone would run it every time it asks
        assertThat(runs.get()).isBetween(8, 11);
        assertThat(mostAtOnce.get()).as("runs at the same time").isEqualTo(1);
    }

    private static double sweeps(Node node) {
        Counter c = node.bean(MeterRegistry.class).find("dicas.cluster.job.runs").tag("job", "expiry-sweep").counter();
        return c == null ? 0 : c.count();
    }

    private static long userId(Http http, String token, String username) {
        for (JsonNode u : http.get("/api/v1/admin/users?q=" + username, token).json().get("items")) {
            if (u.get("username").asString().equals(username)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalStateException("no user " + username);
    }

    private static byte[] storedSecurityContext(String username) throws SQLException {
        try (Connection db = DriverManager.getConnection(nodes.jdbcUrl(), "postgres", "");
             var s = db.prepareStatement("""
                     select a.attribute_bytes from spring_session s
                     join spring_session_attributes a on a.session_primary_id = s.primary_id
                     where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a stored session of " + username).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static long sessionsOf(String username) {
        return a.bean(JdbcIndexedSessionRepository.class).findByPrincipalName(username).size();
    }

    static Map<String, Long> counts(String jdbcUrl) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = db.createStatement()) {
            for (String table : DEMO_TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from app_user where 'ADMIN' = any(roles) and not demo")) {
                rs.next();
                counts.put("administrators", rs.getLong(1));
            }
        }
        return counts;
    }

    /** Through localhost, as {@link Http} signs in: the session cookie is for the host, whatever the port. */
    private static String url(Node node, String path) {
        return "http://localhost:" + node.port() + path;
    }
}
