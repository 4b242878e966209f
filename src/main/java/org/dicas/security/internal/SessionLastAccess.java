package org.dicas.security.internal;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session writes a session's last-access time on every request, an UPDATE of the session's row. Requests of one
 * session that arrive together (a page and its fragments, several tabs) then queue on that row's lock, one commit
 * after another. The session row is rewritten only when something other than the last-access time changed (id,
 * principal, timeout) or when the stored last access is at least {@link #GRANULARITY} old; otherwise the UPDATE finds
 * no row to change and takes no lock. A session therefore expires at most {@link #GRANULARITY} before its exact
 * timeout — attribute writes (sign-in, CSRF token, language) are unaffected, they have their own statements.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
class SessionLastAccess {

    /** How stale the stored last access of an active session may be. */
    static final Duration GRANULARITY = Duration.ofMinutes(1);

    /**
     * Spring Session's update, with its six parameters in its order (id, last access, timeout, expiry, principal,
     * primary key), guarded so that a last-access-only change younger than the granularity updates nothing.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access, MAX_INACTIVE_INTERVAL = v.max_inactive,
                EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
            FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access,
                         CAST(? AS INT) AS max_inactive, CAST(? AS BIGINT) AS expiry,
                         CAST(? AS VARCHAR(100)) AS principal, CAST(? AS CHAR(36)) AS primary_id) v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal
                   OR v.last_access - s.LAST_ACCESS_TIME >= :granularity)
            """.replace(":granularity", Long.toString(GRANULARITY.toMillis()));

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOncePerGranularity() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
