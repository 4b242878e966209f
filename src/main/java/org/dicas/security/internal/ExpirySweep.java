package org.dicas.security.internal;

import java.time.Duration;
import org.dicas.platform.ClusterOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes what has expired, once per cluster every {@code dicas.security.expiry-sweep-interval} (default one minute;
 * {@link ClusterOnce}): web sessions past their inactivity timeout (Spring Session's own per-node cleanup is off,
 * {@code spring.session.jdbc.cleanup-cron=-}), API tokens past their expiry (revoked or not: neither signs in any
 * more), and sign-in counters whose cooling-off period is over (the next attempt would start afresh anyway). Nothing
 * here changes what anyone may do; it only keeps the tables small.
 */
@Component
class ExpirySweep {

    static final String JOB = "expiry-sweep";
    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final ClusterOnce once;
    private final JdbcClient jdbc;
    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
    private final Duration interval;

    ExpirySweep(ClusterOnce once, JdbcClient jdbc, ObjectProvider<JdbcIndexedSessionRepository> sessions,
                @Value("${dicas.security.expiry-sweep-interval:PT1M}") Duration interval) {
        this.once = once;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${dicas.security.expiry-sweep-interval:PT1M}",
            initialDelayString = "${dicas.security.expiry-sweep-interval:PT1M}")
    void sweepPeriodically() {
        once.run(JOB, interval, this::sweep);
    }

    void sweep() {
        sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
        int tokens = jdbc.sql("delete from api_token where expires_at < now()").update();
        // a row whose cooling-off is over is reset by the next attempt (SignInThrottle.admit); the row lock of that
        // attempt's upsert makes this delete skip a row it has just renewed. A minute's margin for the nodes' clocks.
        int counters = jdbc.sql("delete from sign_in_attempt where locked_until < now() - interval '1 minute'").update();
        if (tokens + counters > 0) {
            log.debug("Expiry sweep: {} API tokens, {} sign-in counters deleted", tokens, counters);
        }
    }
}
