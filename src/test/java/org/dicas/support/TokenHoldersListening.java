package org.dicas.support;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the node listens for credential changes (its listener's connection has run its {@code LISTEN}): only
 * then are API token holders kept between calls (ADR 0046).
 */
public final class TokenHoldersListening {

    private TokenHoldersListening() {
    }

    public static void await(JdbcClient jdbc) {
        long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.sql("""
                select count(*) from pg_stat_activity
                where application_name = 'dicas token holders' and query <> ''""").query(Long.class).single() == 0) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("the node does not listen for credential changes after 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
