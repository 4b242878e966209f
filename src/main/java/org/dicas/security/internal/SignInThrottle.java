package org.dicas.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Limits password checks per username (form and API alike, across application nodes: the count lives in the
 * database). Unknown usernames are counted too, so the answer never tells whether an account exists.
 *
 * <p><b>Count first.</b> Every attempt first {@linkplain #admit reserves a slot} with one atomic
 * {@code insert … on conflict do update … returning} statement, before its password is looked at. Only an attempt whose
 * slot number is within {@code max-failures} goes on to the password check; any other is refused unchecked
 * ({@link SignInThrottledException}: 429 with Retry-After on the API, the "locked" message on the form), even with the
 * right password. A failed check leaves its slot taken: the reservation is the counted failure. Reserving the
 * {@code max-failures}-th slot starts the cooling-off period; once it has passed, the next attempt starts counting
 * afresh. Because the count is taken before the check and under the row lock of that one statement, no degree of
 * concurrency (threads, nodes) gets more than {@code max-failures} password checks for a username.
 *
 * <p><b>A success resets, but only what has finished.</b> A success forgives the failures that finished before it,
 * not the attempts still being checked: it sets the count to the number of other attempts in flight (column
 * {@code in_flight}), not to zero. Deleting the row instead would drop the slots of failures that are still running,
 * so an attacker racing a legitimate sign-in would get up to {@code max-failures} checks more than the limit each
 * time. With this rule the invariant is: <em>failures finished since the last success + attempts in flight ≤
 * max-failures</em>. A success needs the right password, so only the account holder can reset the count; what the
 * limit bounds for an attacker is the number of guesses between two sign-ins of the real user.
 *
 * <p>An attempt that ends in an internal error (the account could not be loaded) keeps its slot as well: whether its
 * password was compared is unknown, so it is counted, on the safe side. A node that dies during a password check
 * leaves its slot in flight; it is released when the username's next cooling-off period ends.
 */
@Component
class SignInThrottle {

    /** Refusal during the cooling-off period: 429 for the API, a clear message on the form. */
    static class SignInThrottledException extends AuthenticationException {
        final Duration retryAfter;

        SignInThrottledException(Duration retryAfter) {
            super("too many failed sign-ins for this account; try again later");
            this.retryAfter = retryAfter;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration coolingOff;

    SignInThrottle(JdbcClient jdbc, Clock clock,
                   @Value("${dicas.security.sign-in.max-failures:10}") int maxFailures,
                   @Value("${dicas.security.sign-in.cooling-off:5m}") Duration coolingOff) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("dicas.security.sign-in.max-failures must be at least 1, not " + maxFailures);
        }
        if (coolingOff.isNegative() || coolingOff.isZero()) {
            throw new IllegalArgumentException("dicas.security.sign-in.cooling-off must be positive, not " + coolingOff);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.coolingOff = coolingOff;
    }

    private record Slot(int attempts, Timestamp lockedUntil) {
    }

    /**
     * Reserves a slot for one password check of {@code username}, or refuses the attempt. Exactly one of
     * {@link #failed} or {@link #succeeded} must follow an admission.
     *
     * @throws SignInThrottledException when the slot is beyond {@code max-failures}: do not check the password
     */
    void admit(String username) {
        Instant now = Instant.now(clock);
        // In ON CONFLICT DO UPDATE, a.* is the row before this statement and excluded.* the row a first attempt would
        // insert (which is also the fresh start after a cooling-off period). The row lock taken by the statement
        // serializes concurrent attempts for the same username, on every node.
        Slot slot = jdbc.sql("""
                        insert into sign_in_attempt as a (username, attempts, in_flight, locked_until, last_attempt)
                        values (:u, 1, 1, case when :max <= 1 then cast(:until as timestamptz) end,
                                cast(:now as timestamptz))
                        on conflict (username) do update set
                            attempts = case when a.locked_until <= excluded.last_attempt then 1
                                            else a.attempts + 1 end,
                            in_flight = case when a.locked_until <= excluded.last_attempt then 1
                                             when a.attempts < :max then a.in_flight + 1
                                             else a.in_flight end,
                            locked_until = case when a.locked_until <= excluded.last_attempt then excluded.locked_until
                                                when a.locked_until is null and a.attempts + 1 >= :max
                                                    then cast(:until as timestamptz)
                                                else a.locked_until end,
                            last_attempt = excluded.last_attempt
                        returning attempts, locked_until""")
                .param("u", key(username)).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(coolingOff))).param("max", maxFailures)
                .query(Slot.class).single();
        if (slot.attempts() > maxFailures) {
            Instant until = slot.lockedUntil() == null ? now.plus(coolingOff) : slot.lockedUntil().toInstant();
            throw new SignInThrottledException(Duration.between(now, until));
        }
    }

    /** The admitted attempt failed: its slot stays taken as the counted failure. */
    void failed(String username) {
        jdbc.sql("update sign_in_attempt set in_flight = greatest(in_flight - 1, 0) where username = :u")
                .param("u", key(username)).update();
    }

    /** The admitted attempt succeeded: forgive the finished failures, keep the attempts still in flight counted. */
    void succeeded(String username) {
        jdbc.sql("""
                        update sign_in_attempt
                        set attempts = greatest(in_flight - 1, 0), in_flight = greatest(in_flight - 1, 0),
                            locked_until = null
                        where username = :u""")
                .param("u", key(username)).update();
        jdbc.sql("delete from sign_in_attempt where username = :u and attempts = 0 and in_flight = 0")
                .param("u", key(username)).update();
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip();
        return u.length() > 100 ? u.substring(0, 100) : u;
    }
}
