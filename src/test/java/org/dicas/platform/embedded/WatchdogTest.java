package org.dicas.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server dies under the running application (SIGKILL): the watchdog brings it back, or reports it lost. */
@Timeout(120)
class WatchdogTest {

    @RegisterExtension
    final ScratchDataDir data = new ScratchDataDir();

    final CompletableFuture<String> lost = new CompletableFuture<>();

    EmbeddedCluster start() throws Exception {
        // durable, as in production: a SIGKILLed server must lose nothing that was committed
        return EmbeddedCluster.start(ClusterSettings.of(data.folder())
                .withRestarts(3, Duration.ofMillis(200)), lost::complete);
    }

    static HikariDataSource pool(EmbeddedCluster cluster) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(cluster.jdbcUrl("postgres"));
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(3000);
        pool.setValidationTimeout(1000);
        return pool;
    }

    static long count(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from kept")) {
            r.next();
            return r.getLong(1);
        }
    }

    static boolean isConnectionFailure(SQLException e) {
        return e instanceof SQLTransientConnectionException || e.getSQLState() == null
                || e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57");
    }

    static void killServer(EmbeddedCluster cluster) {
        ProcessHandle server = ProcessHandle.of(cluster.serverPid()).orElseThrow();
        server.destroyForcibly();
        assertThat(PostgresProcesses.awaitExit(server, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aKilledServerIsRestartedOnTheSamePortAndTheConnectionPoolRecoversByItself() throws Exception {
        try (EmbeddedCluster cluster = start(); HikariDataSource pool = pool(cluster)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key); insert into kept values (1), (2)");
            }
            long killed = cluster.serverPid();
            int port = cluster.port();

            killServer(cluster);

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            SQLException last = null;
            long rows = -1;
            while (rows < 0 && System.nanoTime() < deadline) {
                try {
                    rows = count(pool);
                } catch (SQLException e) {
                    if (!isConnectionFailure(e)) {
                        throw e;
                    }
                    last = e;
                    PostgresProcesses.pause(Duration.ofMillis(100));
                }
            }
            assertThat(rows).as("a query through the same pool succeeds again; last failure: %s", last).isEqualTo(2);
            assertThat(cluster.serverPid()).isPositive().isNotEqualTo(killed);
            assertThat(cluster.port()).isEqualTo(port);
            assertThat(cluster.lost()).isEmpty();
            assertThat(lost).isNotDone();
        }
    }

    @Test
    void aServerThatCannotBeBroughtBackIsReportedLostAfterBoundedAttempts() throws Exception {
        try (EmbeddedCluster cluster = start()) {
            Files.writeString(cluster.folder().resolve("PG_VERSION"), "99\n"); // no server of ours can open it now

            killServer(cluster);

            String reason = lost.get(60, TimeUnit.SECONDS);
            assertThat(reason).contains("incompatible");
            assertThat(cluster.lost()).contains(reason);
            assertThat(cluster.serverPid()).isEqualTo(-1);
        }
    }
}
