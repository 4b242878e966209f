package org.dicas.forum;

import org.dicas.shared.Marking;

/**
 * One item of a meeting's agenda; an industry session is an agenda item industry attends. An item may link a record
 * of any module ({@code linkedRecordId}: a requirement, opportunity or program, typically in a consultation);
 * its id, title and link are shown only when the reader may read that record, else {@code linkWithheld} is set.
 */
public record AgendaItem(long id, Marking marking, long meetingId, int position, String title, String description,
                         String presenter, boolean industrySession, Long linkedRecordId, String linkedTitle,
                         String linkedLink, boolean linkWithheld) {

    public AgendaItem(long id, Marking marking, long meetingId, int position, String title, String description,
                      String presenter, boolean industrySession) {
        this(id, marking, meetingId, position, title, description, presenter, industrySession, null, null, null, false);
    }
}
