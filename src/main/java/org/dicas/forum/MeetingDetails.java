package org.dicas.forum;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;

/** A meeting (its fields at the top level in JSON) with the agenda items, decisions and action items the reader may see. */
public record MeetingDetails(@JsonUnwrapped Meeting meeting, List<AgendaItem> agenda, List<Decision> decisions,
                             List<ActionItem> actionItems) implements org.dicas.shared.Versioned {

    @com.fasterxml.jackson.annotation.JsonIgnore
    @Override
    public long id() {
        return meeting.id();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    @Override
    public long version() {
        return meeting.version();
    }


    /** The high-water mark of everything shown, for the page banner. */
    public Marking highWaterMark() {
        List<Marking> all = new ArrayList<>();
        all.add(meeting.marking());
        agenda.forEach(a -> all.add(a.marking()));
        decisions.forEach(d -> all.add(d.marking()));
        actionItems.forEach(a -> all.add(a.marking()));
        return Marking.highWaterMark(all);
    }
}
