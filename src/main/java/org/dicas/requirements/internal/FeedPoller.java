package org.dicas.requirements.internal;

import java.time.Duration;
import org.dicas.platform.ClusterOnce;
import org.dicas.requirements.Feeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the feed subscriptions that are due, on a schedule: every {@code dicas.leads.feeds.check-interval}
 * (default one minute) it polls each subscription whose own interval has passed. Off unless
 * {@code dicas.leads.feeds.poll-enabled=true}: the platform usually runs without internet access. With several nodes,
 * one of them polls per interval ({@link ClusterOnce}), so a feed item never becomes two leads.
 */
@Component
@ConditionalOnProperty(name = "dicas.leads.feeds.poll-enabled", havingValue = "true")
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final Feeds feeds;
    private final ClusterOnce once;
    private final Duration interval;

    FeedPoller(Feeds feeds, ClusterOnce once,
               @Value("${dicas.leads.feeds.check-interval:PT1M}") Duration interval) {
        this.feeds = feeds;
        this.once = once;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${dicas.leads.feeds.check-interval:PT1M}",
            initialDelayString = "${dicas.leads.feeds.check-interval:PT1M}")
    void pollDue() {
        once.run("feed-poll", interval, () -> {
            var results = feeds.pollDue();
            if (!results.isEmpty()) {
                log.info("Feeds polled: {}", results);
            }
        });
    }
}
