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
 * Counts consecutive failed sign-ins per username (form and API alike, across application nodes: the count lives in
 * the database). After {@code max-failures} in a row, every attempt for that username is refused for the cooling-off
 * period, even with the right password; a successful sign-in resets the count. Unknown usernames are counted too, so
 * the answer never tells whether an account exists.
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
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.coolingOff = coolingOff;
    }

    private record State(int failures, Timestamp lockedUntil) {
    }

    void check(String username) {
        Instant now = Instant.now(clock);
        var state = jdbc.sql("select failures, locked_until from sign_in_attempt where username = :u")
                .param("u", key(username)).query(State.class).optional();
        if (state.isEmpty() || state.get().lockedUntil() == null) {
            return;
        }
        Instant until = state.get().lockedUntil().toInstant();
        if (until.isAfter(now)) {
            throw new SignInThrottledException(Duration.between(now, until));
        }
        // the cooling-off period is over: start counting afresh
        jdbc.sql("update sign_in_attempt set failures = 0, locked_until = null where username = :u")
                .param("u", key(username)).update();
    }

    void failed(String username) {
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        insert into sign_in_attempt (username, failures, last_failure) values (:u, 1, :now)
                        on conflict (username) do update set failures = sign_in_attempt.failures + 1, last_failure = :now""")
                .param("u", key(username)).param("now", Timestamp.from(now)).update();
        jdbc.sql("update sign_in_attempt set locked_until = :until where username = :u and failures >= :max")
                .param("u", key(username)).param("until", Timestamp.from(now.plus(coolingOff)))
                .param("max", maxFailures).update();
    }

    void succeeded(String username) {
        jdbc.sql("delete from sign_in_attempt where username = :u").param("u", key(username)).update();
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip();
        return u.length() > 100 ? u.substring(0, 100) : u;
    }
}
