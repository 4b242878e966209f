package org.dicas.platform.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh data folder for each test; afterwards no PostgreSQL program is left at work in it, and it is deleted. */
final class ScratchDataDir implements BeforeEachCallback, AfterEachCallback {

    private Path dir;

    Path dir() {
        return dir;
    }

    /** The cluster folder, {@code <dir>/postgres}. */
    Path folder() {
        return dir.resolve("postgres");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("dicas-cluster-test-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        PostgresProcesses.kill(dir);
        PostgresProcesses.kill(new ClusterFolder(folder()).initializing());
        Folders.deleteTree(dir);
    }
}
