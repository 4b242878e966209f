package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.dicas.security.DicasPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 *       node listens ({@link DatabaseChanges}) on a connection of its own and forgets everything it keeps when told. A
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
class TokenHolders {

    /** The notification channel of the V50 triggers (nine, each of which must be present and enabled). */
    static final DatabaseChanges.Channel CHANNEL = new DatabaseChanges.Channel("dicas_credentials", java.util.List.of(
            new DatabaseChanges.Triggers("api_token", "notify_credentials_changed", 3),
            new DatabaseChanges.Triggers("app_user", "notify_credentials_changed", 3),
            new DatabaseChanges.Triggers("organization", "notify_credentials_changed", 3)));
    /** Holders are used only while the last confirmed round trip is at most this old. */
    static final Duration CONFIRMED_WITHIN = DatabaseChanges.CONFIRMED_WITHIN;

    /** A holder as read, with the generation of forgetting it was read under and its token's deadline. */
    private record Kept(DicasPrincipal holder, long tokenDeadlineNanos, long generation) {
    }

    /** What the database answers for a token hash: its holder and how long the token is still valid. */
    record Read(DicasPrincipal holder, Duration tokenValidFor) {
    }

    private final DatabaseChanges changes;
    private final Duration keep;
    private final LongSupplier nanoTime;
    private final Cache<String, Kept> kept;
    private final AtomicLong generation = new AtomicLong();
    private final Counter keptAnswers;
    private final Counter databaseAnswers;

    @Autowired
    TokenHolders(DatabaseChanges changes, @Value("${dicas.security.token-holders.keep:PT30S}") Duration keep,
                 ObjectProvider<MeterRegistry> meters) {
        this(changes, keep, System::nanoTime, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    TokenHolders(DatabaseChanges changes, Duration keep, LongSupplier nanoTime, MeterRegistry meters) {
        this.changes = changes;
        this.keep = keep;
        this.nanoTime = nanoTime;
        this.kept = Caffeine.newBuilder().maximumSize(10_000).ticker(nanoTime::getAsLong)
                .expireAfterWrite(positive(keep) ? keep : Duration.ZERO).build();
        this.keptAnswers = Counter.builder("dicas.security.token.holders").tag("answer", "kept")
                .description("bearer calls whose token holder was kept from an earlier call").register(meters);
        this.databaseAnswers = Counter.builder("dicas.security.token.holders").tag("answer", "database")
                .description("bearer calls whose token holder was read from the database").register(meters);
        if (positive(keep)) {
            changes.subscribe(CHANNEL, this::forgetAll);
        }
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
        return positive(keep) && changes.hearing();
    }

    /** Marks this node as listening, confirmed now, without a connection of its own: for tests of what is kept. */
    void assumeListening() {
        changes.assumeHearing();
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

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
