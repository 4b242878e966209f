package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.dicas.security.DicasPrincipal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The holders of API tokens, kept between requests so that a bearer call does not read its token and account from the
 * database every time (issue 11; ADR 0046). What is kept can never outlive what it was read from by more than the
 * delivery of a notification:
 * <ul>
 *   <li>Every change to the tables a holder is read from ({@code api_token}, {@code app_user}, {@code organization})
 *       notifies every node when it commits: row triggers call {@code pg_notify('dicas_credentials')} (V50), and each
 *       node {@linkplain #LISTEN listens} on a connection of its own and forgets everything it keeps when told. A
 *       change made by any code, or by hand in SQL, is seen.</li>
 *   <li>Nothing is kept while this node does not know that it hears: before the connection is made and the triggers
 *       are found enabled, after it broke, when its last confirmed round trip is older than {@link #CONFIRMED_WITHIN}
 *       (a connection that died without a word), or without a Hikari pool to connect like. Every call then reads the
 *       database, as without the cache.</li>
 *   <li>An entry holds the generation of forgetting it was read under: a read that began before a forgetting is never
 *       used after it, even when it is filed after it.</li>
 *   <li>The node that makes a change forgets at once and again when the change's transaction ends
 *       ({@link #forgetAfterCommit}, which must be called inside it), so a revoked token is refused by the next call on
 *       that node; other nodes forget when the notification arrives.</li>
 *   <li>An entry is kept at most {@code dicas.security.token-holders.keep} (30 s by default; {@code 0} keeps nothing)
 *       and never past its token's expiry by the database's clock. Tokens that name no one are not kept; nor is a
 *       password hash.</li>
 * </ul>
 */
@Component
class TokenHolders implements SmartLifecycle {

    /** The notification channel the V50 triggers notify on. */
    static final String CHANNEL = "dicas_credentials";
    private static final String LISTEN = "listen " + CHANNEL;
    /** How often the listening connection makes a round trip to show it is alive. */
    static final Duration CONFIRM_EVERY = Duration.ofSeconds(3);
    /** Holders are used only while the last confirmed round trip is at most this old. */
    static final Duration CONFIRMED_WITHIN = Duration.ofSeconds(8);
    /** The V50 triggers, each of which must be present and enabled for holders to be kept. */
    private static final int TRIGGERS = 9;
    private static final Logger log = LoggerFactory.getLogger(TokenHolders.class);

    /** A holder as read, with the generation of forgetting it was read under and its token's deadline. */
    private record Kept(DicasPrincipal holder, long tokenDeadlineNanos, long generation) {
    }

    /** What the database answers for a token hash: its holder and how long the token is still valid. */
    record Read(DicasPrincipal holder, Duration tokenValidFor) {
    }

    private final DataSource dataSource;
    private final Duration keep;
    private final LongSupplier nanoTime;
    private final Cache<String, Kept> kept;
    private final AtomicLong generation = new AtomicLong();
    private final Counter keptAnswers;
    private final Counter databaseAnswers;
    private volatile boolean listening;
    private volatile long confirmedNanos;
    private volatile Thread listener;
    private volatile Connection connection;

    @Autowired
    TokenHolders(DataSource dataSource, @Value("${dicas.security.token-holders.keep:PT30S}") Duration keep,
                 ObjectProvider<MeterRegistry> meters) {
        this(dataSource, keep, System::nanoTime, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    TokenHolders(DataSource dataSource, Duration keep, LongSupplier nanoTime, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.keep = keep;
        this.nanoTime = nanoTime;
        this.kept = Caffeine.newBuilder().maximumSize(10_000).ticker(nanoTime::getAsLong)
                .expireAfterWrite(positive(keep) ? keep : Duration.ZERO).build();
        this.keptAnswers = Counter.builder("dicas.security.token.holders").tag("answer", "kept")
                .description("bearer calls whose token holder was kept from an earlier call").register(meters);
        this.databaseAnswers = Counter.builder("dicas.security.token.holders").tag("answer", "database")
                .description("bearer calls whose token holder was read from the database").register(meters);
    }

    /**
     * The holder of the token whose hash is {@code tokenHash}: kept, or read by {@code read} (and kept when this node
     * knows that it hears of changes).
     */
    Optional<DicasPrincipal> holderOf(String tokenHash, Function<String, Optional<Read>> read) {
        if (!keeping()) {
            databaseAnswers.increment();
            return read.apply(tokenHash).map(Read::holder);
        }
        Kept k = kept.getIfPresent(tokenHash);
        if (k != null && k.generation() == generation.get() && nanoTime.getAsLong() - k.tokenDeadlineNanos() < 0) {
            keptAnswers.increment();
            return Optional.of(k.holder());
        }
        databaseAnswers.increment();
        long before = generation.get();
        long asked = nanoTime.getAsLong();
        Optional<Read> fresh = read.apply(tokenHash);
        fresh.ifPresentOrElse(r -> kept.put(tokenHash, new Kept(r.holder().withoutPassword(),
                        asked + r.tokenValidFor().toNanos(), before)),
                () -> kept.invalidate(tokenHash));
        return fresh.map(Read::holder);
    }

    /**
     * Whether holders are kept now: keeping is on, the node listens for changes and its connection made a round trip
     * within {@link #CONFIRMED_WITHIN}.
     */
    boolean keeping() {
        return listening && positive(keep) && nanoTime.getAsLong() - confirmedNanos < CONFIRMED_WITHIN.toNanos();
    }

    /** Marks this node as listening, confirmed now, without a connection of its own: for tests of what is kept. */
    void assumeListening() {
        confirmedNanos = nanoTime.getAsLong();
        listening = true;
    }

    /** Forgets every holder kept: what was read before now is not used again. */
    void forgetAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    /**
     * Forgets every holder kept now and again when the current transaction ends: a read between now and the commit
     * still sees the old rows and must not outlive the commit. Call it inside the transaction that makes the change.
     *
     * @throws IllegalStateException outside a transaction (the second forgetting would have nothing to wait for)
     */
    void forgetAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("forget token holders inside the transaction that changes them");
        }
        forgetAll();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forgetAll();
            }
        });
    }

    @Override
    public synchronized void start() {
        if (listener != null || !positive(keep)) {
            return;
        }
        if (!isHikari(dataSource)) {
            log.info("API token holders are not kept: the data source is not a Hikari pool to connect like");
            return;
        }
        Thread t = new Thread(this::listen, "dicas-token-holders");
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

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
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
     * every {@link #CONFIRM_EVERY}, forgets on every notification; on any failure keeps nothing and retries.
     */
    private void listen() {
        long backoff = 250;
        boolean warned = false;
        try {
            while (listener == Thread.currentThread()) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    connection = c;
                    s.execute(LISTEN);
                    if (enabledTriggers(s) != TRIGGERS) {
                        throw new SQLException("the triggers that notify credential changes (V50) are missing or "
                                + "disabled");
                    }
                    PGConnection pg = c.unwrap(PGConnection.class);
                    // whatever changed while this node did not listen is unknown: begin from nothing
                    forgetAll();
                    confirmedNanos = nanoTime.getAsLong();
                    listening = true;
                    if (warned) {
                        log.info("Listening for credential changes again; API token holders are kept once more");
                        warned = false;
                    }
                    backoff = 250;
                    while (listener == Thread.currentThread()) {
                        PGNotification[] changes = pg.getNotifications(1_000);
                        if (changes != null && changes.length > 0) {
                            forgetAll();
                        }
                        if (nanoTime.getAsLong() - confirmedNanos > CONFIRM_EVERY.toNanos()) {
                            // a round trip; a socket that died without a word times out (socketTimeout) instead
                            s.execute("select 1");
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
                        log.warn("Not listening for credential changes ({}): every API call reads its token from the "
                                + "database until the connection is back", e.getMessage());
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

    private static int enabledTriggers(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("""
                select count(*) from pg_trigger
                where tgenabled <> 'D' and not tgisinternal
                  and tgfoid = 'notify_credentials_changed'::regproc
                  and tgrelid in ('api_token'::regclass, 'app_user'::regclass, 'organization'::regclass)""")) {
            rs.next();
            return rs.getInt(1);
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
        properties.setProperty("ApplicationName", "dicas token holders");
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
