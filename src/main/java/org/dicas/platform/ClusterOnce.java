package org.dicas.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node of the cluster per interval: every node keeps its {@code @Scheduled} method,
 * and the method body goes through {@link #run}. A run
 * <ol>
 *   <li>takes the job's session-level advisory lock ({@code pg_try_advisory_lock(0xD1CA, key)}) on a connection of
 *       its own, and skips when another node holds it (that node is running the job now);</li>
 *   <li>claims the cycle in {@code cluster_job}: only when the job last started at least {@code interval} ago (by the
 *       database's clock) — so with every node scheduling the job every {@code interval}, it runs about once per
 *       interval in the whole cluster, not once per node;</li>
 *   <li>works, outside any transaction of its own (the work opens what it needs), then records when it finished and
 *       releases the lock.</li>
 * </ol>
 * The lock lives as long as the connection: a node that dies mid-run frees it at once. The connection is idle while
 * the work runs, so no transaction is held open (which would hold back vacuum and the audit's read sealer).
 * Advisory locks with two {@code int} keys never collide with the single-{@code bigint} keys of the audit chain and the
 * read sealer ({@code 0xD1CA5}, {@code 0xD1CA6}: their steps lock inside their own transactions, which must end with
 * the lock) or with {@link StartupSeeding} ({@code 0xD1CA7}).
 */
@Component
public class ClusterOnce {

    /** The advisory lock class of cluster jobs; the object is {@link #key(String)}. */
    static final int LOCK_CLASS = 0xD1CA;
    private static final Logger log = LoggerFactory.getLogger(ClusterOnce.class);

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final String node;

    ClusterOnce(DataSource dataSource, ObjectProvider<MeterRegistry> meters,
                @Value("${spring.application.name:dicas}") String application) {
        this.dataSource = dataSource;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.node = application + "@" + ManagementFactory.getRuntimeMXBean().getName();
    }

    /**
     * Runs {@code work} unless another node is running job {@code name} now or started it less than
     * {@code interval} ago. Answers whether this node ran it. Exceptions of the work are passed on (after the lock is
     * released); a database that cannot be reached is logged and answered {@code false} (the next cycle retries).
     */
    public boolean run(String name, Duration interval, Runnable work) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            log.warn("Cluster job {} skipped: {}", name, e.getMessage());
            return false;
        }
        try {
            c.setAutoCommit(true);
            if (!lock(c, "select pg_try_advisory_lock(?, ?)", name)) {
                c.close();
                return false;
            }
        } catch (SQLException e) {
            log.warn("Cluster job {} skipped: {}", name, e.getMessage());
            discard(dataSource, c);
            return false;
        }
        boolean unlocked = false;
        try {
            if (!claim(c, name, interval)) {
                return false;
            }
            counter(name).increment();
            work.run();
            finished(c, name);
            return true;
        } catch (SQLException e) {
            log.warn("Cluster job {} failed: {}", name, e.getMessage());
            return false;
        } finally {
            try {
                unlocked = lock(c, "select pg_advisory_unlock(?, ?)", name);
                if (unlocked) {
                    c.close();
                }
            } catch (SQLException e) {
                log.warn("Cluster job {}: releasing its lock failed: {}", name, e.getMessage());
            }
            if (!unlocked) {
                discard(dataSource, c);
            }
        }
    }

    /**
     * Takes a connection that may still hold a session-level advisory lock out of the pool for good: the server
     * releases the lock when the connection ends, and no other user of the pool may inherit it.
     */
    static void discard(DataSource dataSource, Connection c) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(c);
            } else {
                c.abort(Runnable::run);
                c.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not close a database connection: {}", e.getMessage());
        }
    }

    /** The job's advisory lock object: a stable hash of its name (a collision only makes two jobs take turns). */
    static int key(String name) {
        return name.hashCode();
    }

    private static boolean lock(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, key(name));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private boolean claim(Connection c, String name, Duration interval) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into cluster_job as j (name, last_started, last_node, runs) values (?, now(), ?, 1)
                on conflict (name) do update set last_started = excluded.last_started, last_node = excluded.last_node,
                    last_finished = null, runs = j.runs + 1
                where j.last_started <= excluded.last_started - make_interval(secs => ?)""")) {
            s.setString(1, name);
            s.setString(2, node);
            s.setDouble(3, interval.toNanos() / 1e9);
            return s.executeUpdate() == 1;
        }
    }

    private static void finished(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update cluster_job set last_finished = now() where name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    private Counter counter(String name) {
        return Counter.builder("dicas.cluster.job.runs").description("runs of a once-per-cluster job on this node")
                .tag("job", name).register(meters);
    }
}
