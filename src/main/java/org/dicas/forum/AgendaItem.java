package org.dicas.forum;

import org.dicas.shared.Marking;

/**
 * One item of a meeting's agenda; an industry session is an agenda item industry attends. An item may link a record
 * of any module ({@code linkedRecordId}: a requirement, opportunity or program, typically in a consultation);
 * its id, title and link are shown only when the reader may read that record, else {@code linkWithheld} is set.
 * Those who organise meetings edit it after the fact ({@link ForumWriteRules#editAgendaItem}), against its version.
 */
public record AgendaItem(long id, Marking marking, long meetingId, int position, String title, String description,
                         String presenter, boolean industrySession, Long linkedRecordId, String linkedTitle,
                         String linkedLink, boolean linkWithheld, long version) implements org.dicas.shared.Versioned {

    /** The same item with its linked record as the reader may see it (id, title and link, or withheld). */
    AgendaItem withLink(Long shownId, String shownTitle, String shownLink, boolean withheld) {
        return new AgendaItem(id, marking, meetingId, position, title, description, presenter, industrySession,
                shownId, shownTitle, shownLink, withheld, version);
    }
}
