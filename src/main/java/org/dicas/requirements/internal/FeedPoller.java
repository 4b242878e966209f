package org.dicas.requirements.internal;

import org.dicas.requirements.Feeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the feed subscriptions that are due, on a schedule: every {@code dicas.leads.feeds.check-interval}
 * (default one minute) it polls each subscription whose own interval has passed. Off unless
 * {@code dicas.leads.feeds.poll-enabled=true}: the platform usually runs without internet access.
 */
@Component
@ConditionalOnProperty(name = "dicas.leads.feeds.poll-enabled", havingValue = "true")
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final Feeds feeds;

    FeedPoller(Feeds feeds) {
        this.feeds = feeds;
    }

    @Scheduled(fixedDelayString = "${dicas.leads.feeds.check-interval:PT1M}",
            initialDelayString = "${dicas.leads.feeds.check-interval:PT1M}")
    void pollDue() {
        var results = feeds.pollDue();
        if (!results.isEmpty()) {
            log.info("Feeds polled: {}", results);
        }
    }
}
