package org.dicas.platform.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a cluster lives, e.g. {@code <data-dir>/postgres}, and its siblings: {@code postgres.initializing} (a cluster
 * being created; it becomes {@code postgres} by one atomic rename when whole, so it is ours and incomplete whenever
 * it is found at a start) and {@code postgres.lock} (held by the one process that runs the cluster).
 * <p>
 * A whole cluster carries the marker file {@value #MARKER}, written before the rename. A cluster without it (made in
 * place by an older version) counts as whole when it has {@code PG_VERSION} and {@code global/pg_control}; the first
 * start that finds its {@code postgres} database gives it the marker.
 */
record ClusterFolder(Path path) {

    static final String MARKER = "dicas-cluster-complete";

    ClusterFolder {
        path = path.toAbsolutePath().normalize();
    }

    Path initializing() {
        return path.resolveSibling(path.getFileName() + ".initializing");
    }

    Path lockFile() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }

    Path pidFile() {
        return path.resolve("postmaster.pid");
    }

    boolean isMarked() {
        return Files.exists(path.resolve(MARKER));
    }

    /** Absent, or an empty folder (e.g. a mount point made for it): a new cluster is to be created. */
    boolean needsCluster() throws IOException {
        return !Files.exists(path) || (Files.isDirectory(path) && Folders.isEmptyFolder(path));
    }

    /** Why the existing folder is not a whole cluster, if it is not. */
    Optional<String> notWhole() {
        if (isMarked()) {
            return Optional.empty();
        }
        if (!Files.isDirectory(path)) {
            return Optional.of("it is not a folder");
        }
        for (String part : new String[] {"PG_VERSION", "global/pg_control"}) {
            if (!Files.exists(path.resolve(part))) {
                return Optional.of("it has no " + part);
            }
        }
        return Optional.empty();
    }

    void mark() throws IOException {
        Path marker = path.resolve(MARKER);
        Files.writeString(marker, "A whole PostgreSQL cluster, marked by DICAS " + Instant.now() + "\n");
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Folders.sync(path);
    }

    /** The process named in {@code postmaster.pid}, if the file is there and readable. */
    Optional<Long> pidInPidFile() {
        try {
            String first = Files.readAllLines(pidFile()).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
