package org.dicas.forum;

import org.dicas.shared.Marking;

/** One item of a meeting's agenda; an industry session is an agenda item industry attends. */
public record AgendaItem(long id, Marking marking, long meetingId, int position, String title, String description,
                         String presenter, boolean industrySession) {
}
