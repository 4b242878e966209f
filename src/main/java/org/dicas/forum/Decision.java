package org.dicas.forum;

import org.dicas.shared.Marking;

/** A decision recorded at a meeting, optionally under one of its agenda items. */
public record Decision(long id, Marking marking, long meetingId, Long agendaItemId, String text) {
}
