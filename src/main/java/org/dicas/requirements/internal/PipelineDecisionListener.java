package org.dicas.requirements.internal;

import org.dicas.forum.PipelineStageDecided;
import org.dicas.requirements.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Applies the pipeline moves decided in consultation meetings: after the forum saved the decision, the opportunity
 * moves as the decider (a government user who may read it); a move the pipeline cannot apply is noted in the
 * opportunity's history instead (see {@link Pipeline#applyDecision}).
 */
@Component
class PipelineDecisionListener {

    private static final Logger log = LoggerFactory.getLogger(PipelineDecisionListener.class);

    private final Pipeline pipeline;

    PipelineDecisionListener(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    // What @ApplicationModuleListener stands for (spring-modulith-events-api is not available offline): after the
    // forum's transaction commits, in a transaction of its own.
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PipelineStageDecided decided) {
        boolean moved = pipeline.applyDecision(decided.opportunityRecordId(), decided.toStage(),
                decided.decidedByUserId(), decided.meetingId(), decided.decisionId());
        log.info("Consultation decision #{} (meeting #{}): opportunity #{} to {}: {}", decided.decisionId(),
                decided.meetingId(), decided.opportunityRecordId(), decided.toStage(), moved ? "moved" : "not moved");
    }
}
