package org.dicas.forum;

/**
 * Published after a consultation's decision that moves a pipeline stage has been saved (in the same transaction):
 * decision {@code decisionId} of meeting {@code meetingId} moves the opportunity record {@code opportunityRecordId}
 * to stage {@code toStage} (one of {@link Decision#PIPELINE_STAGES}). The forum does not know the pipeline; the
 * module that owns it listens and applies the move.
 */
public record PipelineStageDecided(long decisionId, long meetingId, long opportunityRecordId, String toStage,
                                   long decidedByUserId) {
}
