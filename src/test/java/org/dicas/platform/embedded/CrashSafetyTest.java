package org.dicas.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills for real: a child JVM runs the embedded cluster with the production settings (durable) and is killed with
 * SIGKILL — while it writes, or while it creates the cluster — and the next start, on the same folder, must succeed
 * with everything that was acknowledged.
 */
@Timeout(180)
class CrashSafetyTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final ScratchDataDir data = new ScratchDataDir();

    Path folder() {
        return data.folder();
    }

    @Test
    void aKilledApplicationLosesNoAcknowledgedWriteAndTheNextStartStopsTheServerItLeftRunning() throws Exception {
        Set<Long> acknowledged = writeAndKill();
        long leftover = new ClusterFolder(folder()).pidInPidFile().orElseThrow();
        ProcessHandle leftoverServer = ProcessHandle.of(leftover).orElseThrow();
        assertThat(PostgresProcesses.isRunning(leftoverServer)).as("the killed JVM's server runs on, orphaned").isTrue();

        try (EmbeddedCluster cluster = EmbeddedCluster.start(ClusterSettings.of(folder()), reason -> { })) {
            assertThat(PostgresProcesses.isRunning(leftoverServer)).as("the orphaned server was stopped").isFalse();
            assertThat(cluster.serverPid()).isPositive().isNotEqualTo(leftover);
            assertThat(PostgresProcesses.at(folder())).allMatch(p -> p.pid() == cluster.serverPid()
                    || p.parent().map(ProcessHandle::pid).orElse(0L) == cluster.serverPid());
            assertThat(storedIds(cluster)).containsAll(acknowledged);
        }
    }

    @Test
    void aCrashOfApplicationAndServerTogetherLosesNoAcknowledgedWrite() throws Exception {
        Set<Long> acknowledged = writeAndKill(() -> {
            ProcessHandle server = ProcessHandle.of(new ClusterFolder(folder()).pidInPidFile().orElseThrow())
                    .orElseThrow();
            server.destroyForcibly(); // no shutdown checkpoint: the next start recovers from the WAL
            assertThat(PostgresProcesses.awaitExit(server, WAIT)).isTrue();
        });

        try (EmbeddedCluster cluster = EmbeddedCluster.start(ClusterSettings.of(folder()), reason -> { })) {
            assertThat(storedIds(cluster)).containsAll(acknowledged);
        }
    }

    /** {@code initializing}: initdb is running; {@code first start}: the new cluster's server runs once. */
    @ParameterizedTest(name = "killed while {0}")
    @ValueSource(strings = {"initializing", "first start"})
    void aKillWhileCreatingTheClusterLeavesNoHalfClusterAndTheNextStartCreatesAWholeOne(String moment)
            throws Exception {
        ClusterFolder cluster = new ClusterFolder(folder());
        Path signOfTheMoment = moment.equals("initializing") ? cluster.initializing().resolve("PG_VERSION")
                : cluster.initializing().resolve("postmaster.pid");
        try (ChildJvm child = ChildJvm.run(folder().toString(), "start")) {
            child.await(signOfTheMoment.toString(), () -> Files.exists(signOfTheMoment) || Files.exists(folder()),
                    WAIT);
            child.kill();
        }
        assertThat(folder()).as("killed before the cluster was complete: nothing in place").doesNotExist();
        assertThat(cluster.initializing()).exists();

        try (EmbeddedCluster started = EmbeddedCluster.start(ClusterSettings.of(folder()), reason -> { })) {
            assertThat(cluster.initializing()).doesNotExist();
            assertThat(cluster.isMarked()).isTrue();
            assertThat(PostgresProcesses.at(cluster.initializing())).isEmpty();
            try (Connection c = DriverManager.getConnection(started.jdbcUrl("postgres"));
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select count(*) from pg_database where datname = 'postgres'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }

    Set<Long> writeAndKill() throws Exception {
        return writeAndKill(() -> { });
    }

    /** Runs the writer until it has acknowledged a few hundred rows, kills it (SIGKILL), then runs {@code after}. */
    Set<Long> writeAndKill(ThrowingRunnable after) throws Exception {
        try (ChildJvm child = ChildJvm.run(folder().toString(), "write")) {
            child.await("300 acknowledged rows", () -> child.acknowledged.size() >= 300, WAIT);
            child.kill(); // mid-write: the writer never stops by itself
            after.run();
            assertThat(child.acknowledged).hasSizeGreaterThanOrEqualTo(300);
            return new HashSet<>(child.acknowledged);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Set<Long> storedIds(EmbeddedCluster cluster) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id from acknowledged")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }
}
