package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dicas.DicasApplication;
import org.dicas.platform.embedded.EmbeddedCluster;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liveness follows the embedded database's watchdog, on the whole platform (durable, as in production): the
 * PostgreSQL server killed under it comes back by itself while liveness stays UP; when it cannot come back, liveness
 * goes DOWN so that a supervisor restarts the process.
 */
class EmbeddedDatabaseLivenessTest {

    @Test
    @Timeout(180)
    void livenessStaysUpWhileTheDatabaseIsBroughtBackAndGoesDownWhenItCannotBe(@TempDir Path dir) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DicasApplication.class)
                .run("--server.port=0", "--dicas.data-dir=" + dir, "--dicas.demo=false",
                        "--spring.main.banner-mode=off")) {
            Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            EmbeddedCluster cluster = app.getBean(EmbeddedCluster.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);

            long killed = cluster.serverPid();
            ProcessHandle server = ProcessHandle.of(killed).orElseThrow();
            server.destroyForcibly();
            server.onExit().get(30, TimeUnit.SECONDS); // gone, not merely signalled: readiness must not see it

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (cluster.serverPid() == killed || http.get("/actuator/health/readiness", null).status() != 200) {
                assertThat(http.get("/actuator/health/liveness", null).status()).as("liveness while it comes back")
                        .isEqualTo(200);
                assertThat(System.nanoTime()).as("readiness is back within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(cluster.serverPid()).isPositive().isNotEqualTo(killed);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single()).isPositive();
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);

            Files.writeString(cluster.folder().resolve("PG_VERSION"), "99\n"); // no server of ours can open it now
            ProcessHandle.of(cluster.serverPid()).orElseThrow().destroyForcibly();

            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (http.get("/actuator/health/liveness", null).status() != 503) {
                assertThat(System.nanoTime()).as("liveness is DOWN within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(cluster.lost()).isPresent();
        }
    }
}
