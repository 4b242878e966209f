package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.dicas.security.DicasPrincipal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The holders of API tokens, kept between requests so that a bearer call does not read its token and account from the
 * database every time (issue 11; ADR 0046). What is kept can never outlive what it was read from:
 * <ul>
 *   <li>Every change to the tables a holder is read from ({@code api_token}, {@code app_user}, {@code organization})
 *       notifies every node when it commits: statement triggers call {@code pg_notify('dicas_credentials')} (V50), and
 *       each node {@linkplain #LISTEN listens} on a connection of its own and forgets everything it keeps when told. A
 *       change made by any code, or by hand in SQL, is seen.</li>
 *   <li>While this node does not listen (before the connection is made, after it broke, or without a pooled
 *       PostgreSQL data source) nothing is kept: every call reads the database, as without the cache.</li>
 *   <li>An entry holds the generation of forgetting it was read under: a read that began before a forgetting is never
 *       used after it, even when it is filed after it.</li>
 *   <li>The node that makes a change forgets at its commit, before the change's answer is sent
 *       ({@link #forgetAfterCommit}), so a revoked token is refused by the next call on that node; other nodes
 *       forget when the notification arrives (milliseconds).</li>
 *   <li>An entry is kept at most {@code dicas.security.token-holders.keep} (30 s by default; {@code 0} keeps nothing)
 *       and never past its token's expiry. Tokens that name no one are not kept.</li>
 * </ul>
 */
@Component
class TokenHolders implements SmartLifecycle {

    /** The notification channel the V50 triggers notify on. */
    static final String CHANNEL = "dicas_credentials";
    private static final String LISTEN = "listen " + CHANNEL;
    /** How often the listening connection is asked whether it is still alive. */
    private static final long ALIVE_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Logger log = LoggerFactory.getLogger(TokenHolders.class);

    /** A holder as read, with the generation of forgetting it was read under and its token's expiry. */
    record Kept(DicasPrincipal holder, Instant tokenExpires, long generation) {
    }

    /** What the database answers for a token hash: its holder and when the token expires. */
    record Read(DicasPrincipal holder, Instant tokenExpires) {
    }

    private final DataSource dataSource;
    private final Duration keep;
    private final Cache<String, Kept> kept;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    TokenHolders(DataSource dataSource, @Value("${dicas.security.token-holders.keep:PT30S}") Duration keep) {
        this.dataSource = dataSource;
        this.keep = keep;
        this.kept = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(keep.isNegative() ? Duration.ZERO : keep).build();
    }

    /**
     * The holder of the token whose hash is {@code tokenHash}: kept, or read by {@code read} (and kept when this node
     * listens for changes).
     */
    Optional<DicasPrincipal> holderOf(String tokenHash, Function<String, Optional<Read>> read) {
        if (!keeping()) {
            return read.apply(tokenHash).map(Read::holder);
        }
        Kept k = kept.getIfPresent(tokenHash);
        if (k != null && k.generation() == generation.get() && Instant.now().isBefore(k.tokenExpires())) {
            return Optional.of(k.holder());
        }
        long before = generation.get();
        Optional<Read> fresh = read.apply(tokenHash);
        fresh.ifPresentOrElse(r -> kept.put(tokenHash, new Kept(r.holder(), r.tokenExpires(), before)),
                () -> kept.invalidate(tokenHash));
        return fresh.map(Read::holder);
    }

    /** Whether holders are kept now: the node listens for changes and keeping is not switched off. */
    boolean keeping() {
        return listening && positive(keep);
    }

    /** Marks this node as listening without a connection of its own: for tests of what is kept, and when. */
    void assumeListening() {
        listening = true;
    }

    /** Forgets every holder kept: what was read before now is not used again. */
    void forgetAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    /**
     * Forgets every holder kept once the current transaction commits (at once without one, and again at once: a read
     * between now and the commit still sees the old rows and must not outlive the commit).
     */
    void forgetAfterCommit() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    @Override
    public void start() {
        if (running || !positive(keep) || !isHikari(dataSource)) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "dicas-token-holders");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        forgetAll();
        Thread t = listener;
        if (t != null) {
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
        return running;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static boolean isHikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Listens until stopped: connects, listens, forgets on every notification; on a broken connection, retries. */
    private void listen() {
        long backoff = 250;
        boolean warned = false;
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(LISTEN);
                PGConnection pg = c.unwrap(PGConnection.class);
                // whatever changed while this node did not listen is unknown: begin from nothing
                forgetAll();
                listening = true;
                if (warned) {
                    log.info("Listening for credential changes again; API token holders are kept once more");
                    warned = false;
                }
                backoff = 250;
                long asked = System.nanoTime();
                while (running) {
                    PGNotification[] changes = pg.getNotifications(1_000);
                    if (changes != null && changes.length > 0) {
                        forgetAll();
                    }
                    if (System.nanoTime() - asked > ALIVE_EVERY_NANOS) {
                        // a connection that died without a word (a half-open socket) would otherwise keep us keeping
                        s.setQueryTimeout(3);
                        s.execute("select 1");
                        asked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                forgetAll();
                if (!running) {
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
            }
        }
        listening = false;
    }

    /** A connection of the listener's own, outside the pool (it is held for as long as the node runs). */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        java.util.Properties properties = new java.util.Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "dicas token holders");
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "0");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }
}
