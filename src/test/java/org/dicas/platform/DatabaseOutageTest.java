package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dicas.PlatformTest;
import org.dicas.platform.embedded.EmbeddedCluster;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A database outage, for real: the embedded PostgreSQL under the running platform is frozen (SIGSTOP to the postmaster
 * and its server processes: connections neither answer nor fail, the hardest case for timeouts) and thawed again. Readiness says DOWN fast, API calls and pages answer
 * 503 fast, liveness stays UP, and everything recovers by itself when the database is back.
 */
@PlatformTest
class DatabaseOutageTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedCluster postgres;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Answer(int status, String contentType, String body, long millis) {
    }

    Answer get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(15));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Sends {@code signal} to the postmaster and all its server processes. */
    void signalDatabase(String signal) throws Exception {
        long pid = postgres.serverPid();
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Timeout(60)
    void anOutageIsReportedFastAnsweredWith503AndRecoveredFromWithoutARestart() throws Exception {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        Http browser = new Http(port).signIn("us.acq", "demo");
        assertThat(get("/actuator/health/readiness", null).status()).isEqualTo(200);
        // a list that asks the database on every call (the document list may be answered from a page the node kept,
        // ADR 0050, which no change can outdate while the database is stopped)
        String list = "/api/v1/requirements";
        assertThat(get(list, token).status()).isEqualTo(200);
        assertThat(browser.get("/requirements", null).status()).isEqualTo(200);

        signalDatabase("STOP");
        try {
            Answer readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.millis()).as("readiness answers DOWN within 2 s").isLessThan(2_000);

            Answer api = get(list, token);
            assertThat(api.status()).as(api.body()).isEqualTo(503);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.body()).contains("database unavailable");
            assertThat(api.millis()).as("an API call answers within about 3 s").isLessThan(5_000);

            Http.Response page = browser.get("/requirements", null);
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("Temporarily unavailable");

            assertThat(get("/actuator/health/liveness", null).status()).as("liveness does not depend on the database")
                    .isEqualTo(200);
        } finally {
            signalDatabase("CONT");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Answer readiness;
        do {
            readiness = get("/actuator/health/readiness", null);
        } while (readiness.status() != 200 && System.nanoTime() < deadline && sleep());
        assertThat(readiness.status()).as("readiness recovers by itself").isEqualTo(200);
        assertThat(get(list, token).status()).isEqualTo(200);
        assertThat(browser.get("/requirements", null).status()).isEqualTo(200);
    }

    static boolean sleep() throws InterruptedException {
        Thread.sleep(250);
        return true;
    }
}
