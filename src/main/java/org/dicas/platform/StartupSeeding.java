package org.dicas.platform;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time runs the start-up work that writes shared data — the {@code ApplicationRunner}s: demo data of
 * every module, the first administrator, the capability areas. A session-level advisory lock
 * ({@code pg_advisory_lock(0xD1CA7)}) is taken on a connection of its own when the application has started (just
 * before the runners) and released when it is ready (just after them) or has failed. A node that starts while
 * another is seeding waits, then finds the data there and leaves it alone: the runners check before they write, and
 * with this lock the check and the write cannot interleave with another node's. Flyway's migrations come before,
 * under Flyway's own lock.
 */
@Component
public class StartupSeeding {

    /** The advisory lock (single {@code bigint} key, next to the audit's {@code 0xD1CA5} and {@code 0xD1CA6}). */
    static final long LOCK = 0xD1CA7L;
    private static final Logger log = LoggerFactory.getLogger(StartupSeeding.class);

    private final DataSource dataSource;
    private Connection holding;

    StartupSeeding(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationStartedEvent.class)
    synchronized void begin() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            if (!query(c, "select pg_try_advisory_lock(?)")) {
                log.info("Another node is loading start-up data; waiting for it to finish");
                query(c, "select true from pg_advisory_lock(?)");
            }
            holding = c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Gives the planner statistics for the tables that have none yet, then releases the lock. Tables loaded at start
     * (demo data, a first administrator) stay below autovacuum's analyze threshold (50 changed rows) for a long time;
     * without statistics the planner takes a five-row table for hundreds of rows and reads every record through the
     * releasability filter to find five working groups.
     */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void ready() {
        if (holding != null) {
            try (Statement s = holding.createStatement()) {
                List<String> analyze = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        select format('analyze %I.%I', schemaname, relname) from pg_stat_user_tables
                        where last_analyze is null and last_autoanalyze is null""")) {
                    while (rs.next()) {
                        analyze.add(rs.getString(1));
                    }
                }
                for (String sql : analyze) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                log.warn("Analyzing the tables without statistics failed: {}", e.getMessage());
            }
        }
        end();
    }

    @EventListener(ApplicationFailedEvent.class)
    @PreDestroy
    synchronized void end() {
        if (holding == null) {
            return;
        }
        Connection c = holding;
        holding = null;
        try {
            if (query(c, "select pg_advisory_unlock(?)")) {
                c.close();
                return;
            }
        } catch (SQLException e) {
            log.warn("Releasing the start-up lock failed: {}", e.getMessage());
        }
        ClusterOnce.discard(dataSource, c); // the lock ends with the connection, which must not go back to the pool

    }

    private static boolean query(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
