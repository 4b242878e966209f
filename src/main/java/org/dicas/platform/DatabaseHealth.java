package org.dicas.platform;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database part of health and readiness ({@code db}), answered within {@code dicas.health.db-timeout}: a check
 * that does not finish in time is DOWN. Only one check runs at a time; a probe that comes while one still hangs
 * waits for that one, so probes never pile up threads.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final long timeoutMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dicas-db-health");
        t.setDaemon(true);
        return t;
    });
    private Future<Boolean> running;

    DatabaseHealth(DataSource dataSource, @Value("${dicas.health.db-timeout:1500ms}") Duration timeout) {
        this.dataSource = dataSource;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Health health() {
        Future<Boolean> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = executor.submit(this::valid);
            }
            check = running;
        }
        try {
            return check.get(timeoutMillis, TimeUnit.MILLISECONDS)
                    ? Health.up().build() : Health.down().withDetail("error", "connection not valid").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer within " + timeoutMillis + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (java.util.concurrent.ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception ex ? ex : e).build();
        }
    }

    private boolean valid() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(Math.max(1, (int) (timeoutMillis / 1000)));
        }
    }
}
