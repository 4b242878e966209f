package org.dicas.platform.embedded;

import java.nio.file.Path;

/**
 * The data folder exists but holds no whole PostgreSQL cluster — typically left by a first start of an older
 * version that was killed while it created the cluster in place. Nothing is deleted: the message names the folder
 * and what to do.
 */
public final class ClusterNotWhole extends IllegalStateException {

    ClusterNotWhole(Path folder, String reason) {
        super("The embedded database folder " + folder + " holds no whole PostgreSQL cluster: " + reason + ". "
                + "It may be left by an interrupted first start of an older version. If it holds nothing you need, "
                + "delete the folder and start again (a new, empty cluster is created); otherwise restore it from a "
                + "backup (see docs/operations.md, Backups). DICAS does not delete it by itself.");
    }
}
