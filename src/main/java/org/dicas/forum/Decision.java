package org.dicas.forum;

import java.util.List;
import org.dicas.shared.Marking;

/**
 * A decision recorded at a meeting, optionally under one of its agenda items. A consultation's decision may move an
 * opportunity (a record) to a pipeline stage ({@code toStage}). The opportunity's id, title and link are shown only
 * when the reader may read it; otherwise they are null and {@code opportunityWithheld} is set.
 */
public record Decision(long id, Marking marking, long meetingId, Long agendaItemId, String text, Long opportunityId,
                       String toStage, String opportunityTitle, String opportunityLink, boolean opportunityWithheld) {

    /** The record kind a stage-moving decision names (the requirements module's opportunities). */
    public static final String OPPORTUNITY_KIND = "OPPORTUNITY";

    /** The pipeline stages a consultation decision may move an opportunity to, in order. */
    public static final List<String> PIPELINE_STAGES = List.of("LEAD", "CANDIDATE", "UNDER_STUDY", "AGREED", "PROGRAM");

    public Decision(long id, Marking marking, long meetingId, Long agendaItemId, String text) {
        this(id, marking, meetingId, agendaItemId, text, null, null, null, null, false);
    }

    /** Whether this decision moves a pipeline stage. */
    public boolean movesStage() {
        return toStage != null;
    }
}
