package org.dicas.requirements.internal;

import org.dicas.requirements.PairJudgments;
import org.dicas.security.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps every judgment marked as its pair is ({@link PairJudgments#markingOf}, ADR 0041): on start, under the
 * start-up lock, judgments written before their marking was limited to the pair's nations (V42 rows) are re-marked;
 * and whenever a record changes — within the writing transaction — the judgments of the pairs it forms, when it is a
 * requirement, follow its new marking. So a requirement withheld from a nation takes its judgments with it in every
 * reader of records, not only on the judgments' own pages.
 */
@Component
@Order(50)
class JudgmentMarkings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JudgmentMarkings.class);

    private final PairJudgments judgments;

    JudgmentMarkings(PairJudgments judgments) {
        this.judgments = judgments;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = judgments.followRequirements(null);
        if (changed > 0) {
            log.info("Judgments re-marked to follow their pairs' requirements: {}", changed);
        }
    }

    @EventListener
    void on(RecordChanged event) {
        judgments.followRequirements(event.id());
    }
}
