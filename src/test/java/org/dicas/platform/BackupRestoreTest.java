package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dicas.support.Http;
import org.dicas.support.Nodes;
import org.dicas.support.Nodes.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The backup procedure of docs/operations.md ("Backups"), as an operator runs it: {@code pg_dump -Fc} of the database
 * while a node serves, {@code pg_restore} into a fresh database, the post-restore sign-out, a node started on the
 * restored database, records read back through the API, and the full audit verification valid.
 *
 * <p>Needs PostgreSQL client programs of the server's major version or newer ({@code pg_dump} refuses a newer server):
 * from {@code DICAS_PG_BIN} (a folder), {@code /usr/lib/postgresql/<major>/bin} or the {@code PATH}. The bundled
 * PostgreSQL carries the server programs only, and Debian 12 ships the version 15 client; where no fitting client is
 * found the test is skipped, saying so. With Debian's {@code postgresql-client-15} it runs against a PostgreSQL 15
 * server: {@code mvn test -Dtest=BackupRestoreTest -Dpostgres-binaries.version=15.13.0}.
 */
class BackupRestoreTest {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    @Test
    void aDumpTakenWhileANodeServesRestoresIntoAFreshDatabaseThatANodeServesWithTheAuditChainValid(@TempDir Path dir)
            throws Exception {
        try (Nodes original = Nodes.onEmptyDatabase(); Nodes fresh = Nodes.onEmptyDatabase()) {
            Node serving = original.node("serving");
            int major = serverMajor(original.jdbcUrl());
            Optional<Path> bin = clientPrograms(major);
            assumeTrue(bin.isPresent(), "no pg_dump/pg_restore of PostgreSQL " + major + " or newer (set DICAS_PG_BIN)");

            Http before = new Http(serving.port());
            String author = before.token("jp.atla", "demo");
            Http.Response created = before.post("/api/v1/documents", author, Map.of("title", "復元テスト backup check",
                    "body", "# Restored\nread back after pg_restore", "marking", "CUI//REL TO USA, JPN"));
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(before.get("/api/v1/documents/" + id, author).status()).isEqualTo(200); // an audited CUI read
            String adminBefore = before.token("admin", "demo");
            assertThat(before.get("/api/v1/audit/verify?full=true", adminBefore).json().get("valid").asBoolean()).isTrue();

            Path dump = dir.resolve("dicas.dump");
            run(bin.get().resolve("pg_dump"), "-Fc", "-h", "127.0.0.1", "-p", port(original), "-U", "postgres",
                    "-f", dump.toString(), "postgres");
            // the node goes on writing after the dump: none of it may appear in the restored database
            Http.Response later = before.post("/api/v1/documents", author, Map.of("title", "after the dump",
                    "body", "-", "marking", "UNCLASSIFIED"));
            assertThat(later.status()).isEqualTo(201);
            serving.close();

            run(bin.get().resolve("pg_restore"), "-h", "127.0.0.1", "-p", port(fresh), "-U", "postgres",
                    "-d", "postgres", "--exit-on-error", dump.toString());
            try (Connection db = DriverManager.getConnection(fresh.jdbcUrl(), "postgres", "");
                 Statement s = db.createStatement()) {
                s.execute("delete from spring_session");
                s.execute("update api_token set revoked_at = now() where revoked_at is null");
            }
            Node restored = fresh.node("restored");

            Http after = new Http(restored.port());
            assertThat(after.get("/api/v1/documents/" + id, author).status()).as("tokens from before: revoked")
                    .isEqualTo(401);
            String reader = after.token("jp.atla", "demo");
            JsonNode document = after.get("/api/v1/documents/" + id, reader).json();
            assertThat(document.get("title").asString()).isEqualTo("復元テスト backup check");
            assertThat(after.get("/api/v1/documents/" + later.json().get("id").asLong(), reader).status())
                    .isEqualTo(404);
            JsonNode verification = after.get("/api/v1/audit/verify?full=true", after.token("admin", "demo")).json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    static int serverMajor(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            return db.getMetaData().getDatabaseMajorVersion();
        }
    }

    /** A folder with pg_dump and pg_restore of PostgreSQL {@code major} or newer. */
    static Optional<Path> clientPrograms(int major) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("DICAS_PG_BIN")).map(Path::of).ifPresent(candidates::add);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin")).sorted().forEach(candidates::add);
            }
        }
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(p -> !p.isBlank()).map(Path::of)
                .forEach(candidates::add);
        for (Path folder : candidates) {
            Path dump = folder.resolve("pg_dump");
            if (Files.isExecutable(dump) && Files.isExecutable(folder.resolve("pg_restore"))
                    && version(dump) >= major) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    private static int version(Path program) {
        try {
            Matcher m = VERSION.matcher(output(new ProcessBuilder(program.toString(), "--version")));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void run(Path program, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        String out = output(pb);
        assertThat(out).as(command + " printed").doesNotContainIgnoringCase("error");
    }

    private static String output(ProcessBuilder pb) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(pb.command() + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IOException(pb.command() + " exited with " + p.exitValue() + ": " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String port(Nodes nodes) {
        return String.valueOf(nodes.database().port());
    }
}
