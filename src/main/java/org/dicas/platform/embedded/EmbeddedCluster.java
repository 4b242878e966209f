package org.dicas.platform.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL cluster run by this process: one data folder, one server on one localhost port.
 * <ul>
 * <li><b>Start</b>: takes the folder's lock (one process per folder), stops a server left running on the folder by an
 * earlier run that was killed, removes the leftovers of an interrupted creation, creates the cluster if there is
 * none, and starts the server.</li>
 * <li><b>Creation</b> happens in {@code postgres.initializing}: {@code initdb}, one start and stop of the server, the
 * marker file, then one atomic rename to {@code postgres}. A kill at any moment leaves no cluster or a whole one.</li>
 * <li><b>Watchdog</b>: when the server ends while the application runs, it is started again on the same folder and
 * port (so connection pools recover by themselves), up to {@link ClusterSettings#restartAttempts()} times. When that
 * fails the cluster is <em>lost</em>: an ERROR is logged and {@code whenLost} is told why, so the application can
 * declare itself broken and be restarted.</li>
 * </ul>
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String LEGACY_LOCK = "epg-lock";

    private final ClusterSettings settings;
    private final ClusterFolder folder;
    private final Consumer<String> whenLost;
    private final PostgresBinaries binaries;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ExecutorService watchdog;
    private final Object lifecycle = new Object();
    private Postmaster server; // guarded by lifecycle
    private volatile boolean closing;
    private volatile String lostBecause;

    private EmbeddedCluster(ClusterSettings settings, Consumer<String> whenLost, PostgresBinaries binaries, int port,
                            FileChannel lockChannel, FileLock lock) {
        this.settings = settings;
        this.folder = new ClusterFolder(settings.folder());
        this.whenLost = whenLost;
        this.binaries = binaries;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.watchdog = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the cluster of {@code settings.folder()}, creating it when there is none.
     *
     * @param whenLost told (with the reason) when the server died and could not be brought back
     * @throws ClusterNotWhole when the folder exists but holds no whole cluster
     * @throws IllegalStateException when another process runs the folder
     */
    public static EmbeddedCluster start(ClusterSettings settings, Consumer<String> whenLost) throws IOException {
        ClusterFolder folder = new ClusterFolder(settings.folder());
        Files.createDirectories(folder.path().getParent());
        FileChannel channel = FileChannel.open(folder.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("The embedded database folder " + folder.path() + " is in use by "
                        + "another running DICAS (it holds " + folder.lockFile() + "). Stop that one first, or give "
                        + "this one its own DICAS_DATA_DIR.");
            }
            int port = settings.port() > 0 ? settings.port() : freePort();
            EmbeddedCluster cluster = new EmbeddedCluster(settings, whenLost,
                    PostgresBinaries.of(settings.binariesCache(), settings.archive()), port, channel, lock);
            cluster.open();
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another cluster object in this JVM
        }
    }

    private void open() throws IOException {
        refuseWhileAnOlderVersionRuns();
        removeInterruptedCreation();
        stopLeftoverServer();
        if (settings.clean()) {
            Folders.deleteTree(folder.path());
        }
        if (folder.needsCluster()) {
            create();
        } else {
            folder.notWhole().ifPresent(reason -> {
                throw new ClusterNotWhole(folder.path(), reason);
            });
        }
        log.info("Starting embedded PostgreSQL on port {} with data in {} ({})", port, folder.path(), durability());
        synchronized (lifecycle) {
            server = launch(folder.path());
            watch(server);
        }
        if (!folder.isMarked()) {
            folder.mark(); // an older version's cluster, now known to be whole
        }
    }

    private String durability() {
        if (!settings.durable()) {
            log.warn("Embedded PostgreSQL runs with fsync, synchronous_commit and full_page_writes off "
                    + "(dicas.embedded.durable=false): a crash may lose committed data. Meant for tests only.");
            return "not durable";
        }
        return "durable: fsync, synchronous_commit, full_page_writes on";
    }

    /** Earlier versions locked zonky's {@value #LEGACY_LOCK} inside the folder; one still running must not be stopped. */
    private void refuseWhileAnOlderVersionRuns() throws IOException {
        Path legacy = folder.path().resolve(LEGACY_LOCK);
        if (!Files.exists(legacy)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(legacy, StandardOpenOption.WRITE)) {
            FileLock held = tryLock(channel);
            if (held == null) {
                throw new IllegalStateException("The embedded database folder " + folder.path() + " is in use by "
                        + "another running DICAS (it holds " + legacy + "). Stop that one first.");
            }
            held.release();
        }
        Files.delete(legacy);
    }

    private void removeInterruptedCreation() throws IOException {
        Path initializing = folder.initializing();
        if (!Files.exists(initializing)) {
            return;
        }
        log.warn("Removing {}: a new cluster was being created there when an earlier start was interrupted",
                initializing);
        PostgresProcesses.kill(initializing);
        Folders.deleteTree(initializing);
    }

    /**
     * A server still running on the folder was left by an earlier run that ended without stopping it (killed JVM):
     * it gets a fast shutdown. A {@code postmaster.pid} naming a process that is not a PostgreSQL server on this
     * folder (ended, or its number reused) is stale and removed.
     */
    private void stopLeftoverServer() throws IOException {
        Optional<Long> named = folder.pidInPidFile();
        Optional<ProcessHandle> leftover = named.flatMap(pid -> PostgresProcesses.at(folder.path(), pid));
        if (named.isPresent() && leftover.isEmpty()) {
            log.info("Removing stale {}: process {} is not a PostgreSQL server on this folder", folder.pidFile(),
                    named.get());
            Files.deleteIfExists(folder.pidFile());
        }
        leftover.ifPresent(p -> {
            log.warn("A PostgreSQL server (pid {}) is still running on {}, left by an earlier run that ended without "
                    + "stopping it; shutting it down (fast shutdown) before starting", p.pid(), folder.path());
            if (PostgresProcesses.stop(p, settings.shutdownTimeout())) {
                log.info("Stopped the PostgreSQL server (pid {}) left by an earlier run", p.pid());
            }
        });
        PostgresProcesses.awaitOrKill(folder.path(), PostgresProcesses.EXIT_WAIT);
    }

    /** initdb, one start and stop, the marker, then one atomic rename: a kill leaves no cluster or a whole one. */
    private void create() throws IOException {
        Path initializing = folder.initializing();
        log.info("Creating a new PostgreSQL cluster in {} (moved to {} when complete)", initializing, folder.path());
        Folders.deleteTree(initializing);
        Postmaster.initdb(binaries, initializing, settings.startupTimeout());
        Postmaster first = launch(initializing);
        if (!first.stop(settings.shutdownTimeout())) {
            throw new IOException("The new cluster's server (pid " + first.pid() + ") in " + initializing
                    + " did not stop");
        }
        new ClusterFolder(initializing).mark();
        if (Files.isDirectory(folder.path())) {
            Files.delete(folder.path()); // empty (needsCluster), e.g. made for a mount
        }
        Files.move(initializing, folder.path(), StandardCopyOption.ATOMIC_MOVE);
        Folders.sync(folder.path().getParent());
        log.info("Created the PostgreSQL cluster in {}", folder.path());
    }

    /** Starts the server on {@code path} and waits until it answers; on failure it is stopped again. */
    private Postmaster launch(Path path) throws IOException {
        Postmaster postmaster = Postmaster.launch(binaries, path, port, settings.effectiveConfig());
        try {
            postmaster.awaitReady(jdbcUrl("postgres"), settings.startupTimeout());
            return postmaster;
        } catch (IOException | RuntimeException e) {
            postmaster.stop(settings.shutdownTimeout());
            throw e;
        }
    }

    private void watch(Postmaster postmaster) {
        postmaster.onExit().thenRunAsync(() -> ended(postmaster), watchdog);
    }

    private void ended(Postmaster dead) {
        synchronized (lifecycle) {
            if (closing || server != dead) {
                return;
            }
        }
        log.error("Embedded PostgreSQL (pid {}) on {} ended unexpectedly; restarting it on port {}. Its last lines:\n{}",
                dead.pid(), folder.path(), port, dead.lastLines());
        String reason = "it ended";
        Duration pause = settings.firstRestartPause();
        for (int attempt = 1; attempt <= settings.restartAttempts(); attempt++) {
            try {
                synchronized (lifecycle) {
                    if (closing) {
                        return;
                    }
                    PostgresProcesses.awaitOrKill(folder.path(), PostgresProcesses.EXIT_WAIT);
                    server = launch(folder.path());
                    watch(server);
                    log.info("Embedded PostgreSQL is back (pid {}, port {}, attempt {} of {})", server.pid(), port,
                            attempt, settings.restartAttempts());
                    return;
                }
            } catch (IOException | RuntimeException e) {
                reason = e.getMessage();
                log.warn("Restarting embedded PostgreSQL failed (attempt {} of {}): {}", attempt,
                        settings.restartAttempts(), reason);
            }
            if (attempt < settings.restartAttempts()) {
                PostgresProcesses.pause(pause);
                pause = pause.multipliedBy(2);
            }
        }
        synchronized (lifecycle) {
            server = null;
            lostBecause = reason;
        }
        log.error("Embedded PostgreSQL on {} could not be brought back after {} attempts; the application is not live "
                + "any more and must be restarted (a supervisor does so on a failed liveness probe). Last reason: {}",
                folder.path(), settings.restartAttempts(), reason);
        try {
            whenLost.accept(reason);
        } catch (RuntimeException e) {
            log.error("Could not report the lost embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder.path();
    }

    /** The running server's process id (for tests and operators), or -1 when none runs. */
    public long serverPid() {
        synchronized (lifecycle) {
            return server != null && server.isAlive() ? server.pid() : -1;
        }
    }

    /** Why the watchdog gave up, if it did. */
    public Optional<String> lost() {
        return Optional.ofNullable(lostBecause);
    }

    /** Stops the server (fast shutdown) and releases the folder. */
    @Override
    public void close() {
        closing = true;
        synchronized (lifecycle) {
            if (server != null) {
                log.info("Stopping embedded PostgreSQL (pid {})", server.pid());
                server.stop(settings.shutdownTimeout());
                server = null;
            }
        }
        watchdog.shutdownNow();
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release {}: {}", folder.lockFile(), e.toString());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
