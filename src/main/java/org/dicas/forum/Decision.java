package org.dicas.forum;

import java.util.List;
import org.dicas.shared.Marking;

/**
 * A decision recorded at a meeting, optionally under one of its agenda items. A consultation's decision may move an
 * opportunity (a record) to a pipeline stage ({@code toStage}). The opportunity's id, title and link are shown only
 * when the reader may read it; otherwise they are null and {@code opportunityWithheld} is set. Its text, agenda item
 * and marking may be edited after the fact by those who record decisions; the stage move it made stays as recorded.
 */
public record Decision(long id, Marking marking, long meetingId, Long agendaItemId, String text, Long opportunityId,
                       String toStage, String opportunityTitle, String opportunityLink, boolean opportunityWithheld,
                       long version) implements org.dicas.shared.Versioned {

    /** The record kind a stage-moving decision names (the requirements module's opportunities). */
    public static final String OPPORTUNITY_KIND = "OPPORTUNITY";

    /** The pipeline stages a consultation decision may move an opportunity to, in order. */
    public static final List<String> PIPELINE_STAGES = List.of("LEAD", "CANDIDATE", "UNDER_STUDY", "AGREED", "PROGRAM");

    /** The same decision with its opportunity as the reader may see it (id, title and link, or withheld). */
    Decision withOpportunity(Long shownId, String shownTitle, String shownLink, boolean withheld) {
        return new Decision(id, marking, meetingId, agendaItemId, text, shownId, toStage, shownTitle, shownLink,
                withheld, version);
    }

    /** Whether this decision moves a pipeline stage. */
    public boolean movesStage() {
        return toStage != null;
    }
}
