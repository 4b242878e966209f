package org.dicas.security.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What this node hears of changes committed to the shared database (ADR 0046, ADR 0049): one connection of its own,
 * outside the pool, listens on every {@linkplain Channel channel} a keeper of database rows subscribed to, and tells the
 * channel's subscribers to forget what they keep when a notification arrives. Whoever keeps rows between requests
 * keeps them only while {@link #hearing()}:
 * <ul>
 *   <li>the connection is made, and every subscribed channel's triggers are found present and enabled;</li>
 *   <li>its last confirmed round trip is at most {@link #CONFIRMED_WITHIN} old (it makes one every
 *       {@link #CONFIRM_EVERY}, with a socket timeout, so a connection that died without a word stops the keeping);</li>
 *   <li>the data source is a Hikari pool to connect like (its URL, driver properties — TLS among them — and user).</li>
 * </ul>
 * On (re)connecting and on losing the connection every subscriber forgets everything: what changed while the node did
 * not hear is unknown. However the listening thread ends, nothing is heard after it.
 */
@Component
public class DatabaseChanges implements SmartLifecycle {

    /** {@code count} enabled triggers on {@code table} that call {@code function}. */
    public record Triggers(String table, String function, int count) {
    }

    /**
     * A notification channel and the triggers its notifications rely on: each must be present and enabled on its table,
     * else nothing is heard (checked on connecting and on every confirming round trip).
     */
    public record Channel(String name, List<Triggers> triggers) {
        public Channel {
            triggers = List.copyOf(triggers);
        }
    }

    /** How often the listening connection makes a round trip to show it is alive. */
    public static final Duration CONFIRM_EVERY = Duration.ofSeconds(3);
    /** Rows are kept only while the last confirmed round trip is at most this old. */
    public static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(8);
    /** The listening connection's application name (as {@code pg_stat_activity} shows it). */
    public static final String APPLICATION_NAME = "dicas change listener";
    private static final Logger log = LoggerFactory.getLogger(DatabaseChanges.class);

    private final DataSource dataSource;
    private final LongSupplier nanoTime;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, List<Runnable>> forgetters = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile long confirmedNanos;
    private volatile Thread listener;
    private volatile Connection connection;

    @Autowired
    DatabaseChanges(DataSource dataSource) {
        this(dataSource, System::nanoTime);
    }

    public DatabaseChanges(DataSource dataSource, LongSupplier nanoTime) {
        this.dataSource = dataSource;
        this.nanoTime = nanoTime;
    }

    /**
     * Tells {@code forget} whenever a change is notified on {@code channel}, and whenever the node stops or starts
     * hearing. Subscribe before the node starts (in a constructor): a channel added later is listened to from the next
     * connection on.
     */
    public synchronized void subscribe(Channel channel, Runnable forget) {
        if (listener != null) {
            throw new IllegalStateException("subscribe to " + channel.name() + " before the node starts listening");
        }
        channels.put(channel.name(), channel);
        forgetters.computeIfAbsent(channel.name(), c -> new CopyOnWriteArrayList<>()).add(forget);
    }

    /** Whether the node hears changes now: listening, with a round trip confirmed within {@link #CONFIRMED_WITHIN}. */
    public boolean hearing() {
        return listening && nanoTime.getAsLong() - confirmedNanos < CONFIRMED_WITHIN.toNanos();
    }

    /** Marks this node as hearing, confirmed now, without a connection of its own: for tests of what is kept. */
    public void assumeHearing() {
        confirmedNanos = nanoTime.getAsLong();
        listening = true;
    }

    private void forgetAll() {
        forgetters.values().forEach(list -> list.forEach(Runnable::run));
    }

    @Override
    public synchronized void start() {
        if (listener != null || channels.isEmpty()) {
            return;
        }
        if (!isHikari(dataSource)) {
            log.info("Nothing read from the database is kept between requests: the data source is not a Hikari pool "
                    + "to connect like");
            return;
        }
        log.info("Listening for changes on {}: what is read from the database is kept between requests while this "
                + "node hears them", channels.keySet());
        Thread t = new Thread(this::listen, "dicas-change-listener");
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        Thread t = listener;
        listener = null;
        listening = false;
        forgetAll();
        if (t != null) {
            Connection c = connection;
            if (c != null) {
                try {
                    c.abort(Runnable::run); // wakes a read that blocks on the socket
                } catch (SQLException | RuntimeException e) {
                    log.debug("Closing the listening connection: {}", e.getMessage());
                }
            }
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private static boolean isHikari(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    && dataSource.unwrap(HikariDataSource.class).getJdbcUrl() != null;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Listens while this thread is the node's listener: connects, checks the triggers, listens, confirms the connection
     * every {@link #CONFIRM_EVERY}, tells the subscribers of a channel on each of its notifications; on any failure
     * hears nothing, tells every subscriber to forget, and retries.
     */
    private void listen() {
        long backoff = 250;
        boolean warned = false;
        try {
            while (listener == Thread.currentThread()) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    connection = c;
                    for (Channel channel : channels.values()) {
                        s.execute("listen " + channel.name());
                    }
                    requireTriggers(c);
                    PGConnection pg = c.unwrap(PGConnection.class);
                    // whatever changed while this node did not listen is unknown: begin from nothing
                    forgetAll();
                    confirmedNanos = nanoTime.getAsLong();
                    listening = true;
                    if (warned) {
                        log.info("Listening for changes again; rows read from the database are kept once more");
                        warned = false;
                    }
                    backoff = 250;
                    while (listener == Thread.currentThread()) {
                        PGNotification[] changes = pg.getNotifications(1_000);
                        if (changes != null) {
                            for (PGNotification change : changes) {
                                forgetters.getOrDefault(change.getName(), List.of()).forEach(Runnable::run);
                            }
                        }
                        if (nanoTime.getAsLong() - confirmedNanos > CONFIRM_EVERY.toNanos()) {
                            // a round trip that also finds the triggers still enabled (a trigger disabled since would
                            // silence its channel); a socket that died without a word times out (socketTimeout)
                            requireTriggers(c);
                            confirmedNanos = nanoTime.getAsLong();
                        }
                    }
                } catch (Exception e) {
                    listening = false;
                    forgetAll();
                    if (listener != Thread.currentThread()) {
                        return;
                    }
                    if (!warned) {
                        log.warn("Not listening for changes ({}): API token holders and records are read from the "
                                + "database on every request until the connection is back", e.getMessage());
                        warned = true;
                    }
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, 5_000);
                } finally {
                    connection = null;
                }
            }
        } finally {
            // however this thread ends (an Error included), nothing is kept without it
            listening = false;
            forgetAll();
        }
    }

    private void requireTriggers(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from pg_trigger where tgenabled in ('O', 'A')"
                + " and not tgisinternal and tgrelid = to_regclass(?) and tgfoid = to_regproc(?)")) {
            for (Channel channel : channels.values()) {
                for (Triggers t : channel.triggers()) {
                    s.setString(1, t.table());
                    s.setString(2, t.function());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        int found = rs.getInt(1);
                        if (found != t.count()) {
                            throw new SQLException("the triggers on " + t.table() + " that " + channel.name()
                                    + " relies on (" + t.function() + ") are missing or disabled: " + found + " of "
                                    + t.count() + " enabled");
                        }
                    }
                }
            }
        }
    }

    /**
     * A connection of the listener's own, outside the pool (held for as long as the node runs), made like the pool's:
     * its URL, its driver properties (TLS among them), its user; with a socket timeout, so that a read on a connection
     * that died without a word ends.
     */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
