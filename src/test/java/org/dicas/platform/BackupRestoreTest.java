package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dicas.platform.embedded.ClusterSettings;
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
 * <p>{@code pg_dump} refuses a server newer than itself, and the bundled PostgreSQL 17 carries the server programs
 * only. So the test uses PostgreSQL client programs of version 17 or newer when it finds them ({@code DICAS_PG_BIN},
 * {@code /usr/lib/postgresql/<major>/bin}, the {@code PATH}); otherwise (Debian 12 packages the version 15 client,
 * which this machine kind has) it runs the databases on PostgreSQL 15 (the zonky binaries that the build copies to
 * {@code target/postgres-15}, {@link org.dicas.platform.embedded.ClusterSettings#withArchive}) with the version 15
 * client. Without either it is skipped, saying why.
 */
class BackupRestoreTest {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final int BUNDLED_MAJOR = 17;
    private static final int OLDER_MAJOR = 15;

    @Test
    void aDumpTakenWhileANodeServesRestoresIntoAFreshDatabaseThatANodeServesWithTheAuditChainValid(@TempDir Path dir)
            throws Exception {
        Optional<Path> bin = clientPrograms(BUNDLED_MAJOR);
        UnaryOperator<ClusterSettings> server = settings -> settings;
        if (bin.isEmpty()) {
            Optional<Path> older = olderServer(dir);
            bin = older.isPresent() ? clientPrograms(OLDER_MAJOR) : Optional.empty();
            server = settings -> settings.withArchive(older.orElseThrow());
        }
        assumeTrue(bin.isPresent(), "no pg_dump/pg_restore of PostgreSQL " + BUNDLED_MAJOR + " (or of " + OLDER_MAJOR
                + " with target/postgres-" + OLDER_MAJOR + "); set DICAS_PG_BIN");

        try (Nodes original = Nodes.onEmptyDatabase(server); Nodes fresh = Nodes.onEmptyDatabase(server)) {
            Node serving = original.node("serving");
            assertThat(version(bin.get().resolve("pg_dump"))).as("client vs server version")
                    .isGreaterThanOrEqualTo(serverMajor(original.jdbcUrl()));

            Http before = new Http(serving.port());
            String author = before.token("jp.atla", "demo");
            Http.Response created = before.post("/api/v1/documents", author, Map.of("title", "復元テスト backup check",
                    "body", "# Restored\nread back after pg_restore", "marking", "CUI//REL TO USA, JPN"));
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(before.get("/api/v1/documents/" + id, author).status()).isEqualTo(200); // an audited CUI read
            // a file on it: its bytes are a large object, which the dump must carry with the rows (ADR 0037)
            byte[] file = "Restored with its bytes: 復元\n".repeat(2000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Http.Response attached = before.multipart("/api/v1/records/" + id + "/attachments", author,
                    Map.of("marking", "CUI//REL TO USA, JPN"), "復元.txt", "text/plain", file);
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
            long attachment = attached.json().get("id").asLong();
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
            java.net.http.HttpResponse<byte[]> bytes = after.bytes("/api/v1/attachments/" + attachment, reader);
            assertThat(bytes.statusCode()).isEqualTo(200);
            assertThat(bytes.body()).as("the file's bytes, restored with its row").isEqualTo(file);
            assertThat(bytes.headers().firstValue("X-DICAS-SHA256"))
                    .hasValue(attached.json().get("sha256").asString());
            assertThat(after.get("/api/v1/documents/" + later.json().get("id").asLong(), reader).status())
                    .isEqualTo(404);
            JsonNode verification = after.get("/api/v1/audit/verify?full=true", after.token("admin", "demo")).json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    /** The PostgreSQL 15 server programs the build copied (a .txz taken out of the zonky jar), if there. */
    static Optional<Path> olderServer(Path dir) throws IOException, URISyntaxException {
        Path testClasses = Path.of(BackupRestoreTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = testClasses.getParent().resolve("postgres-" + OLDER_MAJOR).resolve("postgres-" + OLDER_MAJOR + ".jar");
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("postgres-linux-x86_64.txz");
            if (entry == null) {
                return Optional.empty();
            }
            Path archive = dir.resolve("postgres-" + OLDER_MAJOR + ".txz");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, archive);
            }
            return Optional.of(archive);
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
