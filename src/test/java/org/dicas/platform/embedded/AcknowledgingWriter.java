package org.dicas.platform.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child JVM of the crash tests: starts the embedded cluster of {@code args[0]} with the production settings
 * (durable) and, with {@code write}, inserts ids 1, 2, 3 … each in its own transaction, printing {@code ACK <id>}
 * once the commit has returned. With {@code start} it only starts the cluster (to be killed while creating it).
 */
public final class AcknowledgingWriter {

    public static void main(String[] args) throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.start(ClusterSettings.of(Path.of(args[0])), reason -> { });
        System.out.println("STARTED " + cluster.serverPid());
        if (!"write".equals(args[1])) {
            Thread.sleep(Long.MAX_VALUE);
        }
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres"))) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists acknowledged (id bigint primary key, at timestamptz default now())");
            }
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("insert into acknowledged (id) values (?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate(); // committed (autocommit, synchronous_commit=on) when this returns
                    System.out.println("ACK " + id);
                }
            }
        }
    }
}
