package org.dicas.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starting a cluster: durability, refusing what is not a whole cluster, adopting an older version's cluster. */
@Timeout(120)
class EmbeddedClusterTest {

    @RegisterExtension
    final ScratchDataDir data = new ScratchDataDir();

    Path folder() {
        return data.folder();
    }

    static EmbeddedCluster start(ClusterSettings settings) throws Exception {
        return EmbeddedCluster.start(settings, reason -> { });
    }

    static Map<String, String> durabilitySettings(EmbeddedCluster cluster) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres")); Statement s = c.createStatement()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet r = s.executeQuery("show " + name)) {
                    r.next();
                    values.put(name, r.getString(1));
                }
            }
        }
        return values;
    }

    @Test
    void durabilityIsOnByDefaultAndOffOnlyWhenSwitchedOff() throws Exception {
        try (EmbeddedCluster cluster = start(ClusterSettings.of(folder()))) {
            assertThat(durabilitySettings(cluster)).containsOnly(Map.entry("fsync", "on"),
                    Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
        }
        try (EmbeddedCluster cluster = start(ClusterSettings.of(folder()).withDurable(false))) {
            assertThat(durabilitySettings(cluster)).containsOnly(Map.entry("fsync", "off"),
                    Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
        }
    }

    @Test
    void aFolderThatIsNotAWholeClusterIsRefusedWithAClearMessageAndLeftAsItIs() throws Exception {
        Files.createDirectories(folder());
        Files.writeString(folder().resolve("postgresql.conf"), "# half written by an interrupted initdb\n");

        assertThatThrownBy(() -> start(ClusterSettings.of(folder())))
                .isInstanceOf(ClusterNotWhole.class)
                .hasMessageContaining(folder().toString())
                .hasMessageContaining("no PG_VERSION")
                .hasMessageContaining("delete the folder and start again");
        assertThat(folder().resolve("postgresql.conf")).hasContent("# half written by an interrupted initdb");
        try (var entries = Files.list(folder())) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void aClusterOfAnEarlierVersionIsAdoptedAndMarkedWhole() throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(folder()).setCleanDataDirectory(false).start().close();
        assertThat(new ClusterFolder(folder()).isMarked()).isFalse();

        try (EmbeddedCluster cluster = start(ClusterSettings.of(folder()).withDurable(false))) {
            assertThat(new ClusterFolder(folder()).isMarked()).isTrue();
            assertThat(cluster.serverPid()).isPositive();
        }
    }

    @Test
    void aClusterOfAnEarlierVersionWithoutItsPostgresDatabaseIsRefusedWithAClearMessage() throws Exception {
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(folder())
                .setCleanDataDirectory(false).start();
             Connection c = older.getTemplateDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database postgres"); // what a kill during an older version's initdb left behind
        }

        assertThatThrownBy(() -> start(ClusterSettings.of(folder()).withDurable(false)))
                .isInstanceOf(ClusterNotWhole.class)
                .hasMessageContaining(folder().toString())
                .hasMessageContaining("no \"postgres\" database");
        assertThat(folder().resolve("PG_VERSION")).exists();
        assertThat(PostgresProcesses.at(folder())).as("the server tried on it was stopped again").isEmpty();
    }

    @Test
    void aPidFileNamingTheServerOfAnotherFolderLeavesThatServerRunning() throws Exception {
        Path otherFolder = data.dir().resolve("other/postgres");
        try (EmbeddedCluster other = start(ClusterSettings.of(otherFolder).withDurable(false))) {
            start(ClusterSettings.of(folder()).withDurable(false)).close();
            Files.writeString(folder().resolve("postmaster.pid"), other.serverPid() + "\n" + otherFolder + "\n");

            try (EmbeddedCluster cluster = start(ClusterSettings.of(folder()).withDurable(false))) {
                assertThat(cluster.serverPid()).isPositive().isNotEqualTo(other.serverPid());
                ProcessHandle otherServer = ProcessHandle.of(other.serverPid()).orElseThrow();
                assertThat(PostgresProcesses.isRunning(otherServer)).isTrue();
            }
        } finally {
            PostgresProcesses.kill(otherFolder);
        }
    }

    @Test
    void aSecondClusterOnTheSameFolderIsRefusedWhileTheFirstRuns() throws Exception {
        try (EmbeddedCluster first = start(ClusterSettings.of(folder()).withDurable(false))) {
            assertThatThrownBy(() -> start(ClusterSettings.of(folder()).withDurable(false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running DICAS");
            assertThat(PostgresProcesses.isRunning(ProcessHandle.of(first.serverPid()).orElseThrow())).isTrue();
        }
    }
}
