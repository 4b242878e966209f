package org.dicas.requirements.internal;

import org.dicas.forum.PipelineStageDecided;
import org.dicas.requirements.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies the pipeline moves decided in consultation meetings: after the forum saved the decision, the opportunity
 * moves as the decider (a government user who may read it); a move the pipeline cannot apply is noted in the
 * opportunity's history instead (see {@link Pipeline#applyDecision}).
 *
 * <p>After the forum's transaction commits, in a transaction of its own, on the same thread: what
 * {@code @ApplicationModuleListener} stands for without its {@code @Async}, so the move is made before the
 * decision's request is answered. As a transactional listener it goes through the event publication registry: the
 * event is stored ({@code event_publication}) with the forum's transaction and marked completed when this listener
 * has run, so a decision committed on a node that stopped before applying it is applied when a node restarts
 * (ADR 0018). A publication may then be delivered twice (a node restarting while another is still applying it):
 * {@link Pipeline#applyDecision} applies each decision once.
 */
@Component
class PipelineDecisionListener {

    private static final Logger log = LoggerFactory.getLogger(PipelineDecisionListener.class);

    private final Pipeline pipeline;

    PipelineDecisionListener(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PipelineStageDecided decided) {
        boolean moved = pipeline.applyDecision(decided.opportunityRecordId(), decided.toStage(),
                decided.decidedByUserId(), decided.meetingId(), decided.decisionId());
        log.info("Consultation decision #{} (meeting #{}): opportunity #{} to {}: {}", decided.decisionId(),
                decided.meetingId(), decided.opportunityRecordId(), decided.toStage(), moved ? "moved" : "not moved");
    }
}
