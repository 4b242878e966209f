package org.dicas.forum;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Marking;

/**
 * A plenary, working-group, industry meeting or consultation (policy, acquisition and service staff of the nations
 * linking requirements to plans); times are shown in the meeting's own time zone.
 */
public record Meeting(long id, Marking marking, @org.dicas.shared.Labelled("meeting.kind") Kind kind, Long workingGroupId, String titleEn, String titleJa,
                      ZonedDateTime startsAt, ZonedDateTime endsAt, String timeZone, String location, String minutes,
                      List<Attendee> attendees, long version, boolean cancelled)
        implements org.dicas.shared.Versioned {

    /** A meeting that is not cancelled. */
    public Meeting(long id, Marking marking, Kind kind, Long workingGroupId, String titleEn, String titleJa,
                   ZonedDateTime startsAt, ZonedDateTime endsAt, String timeZone, String location, String minutes,
                   List<Attendee> attendees, long version) {
        this(id, marking, kind, workingGroupId, titleEn, titleJa, startsAt, endsAt, timeZone, location, minutes,
                attendees, version, false);
    }

    public enum Kind { PLENARY, WORKING_GROUP, INDUSTRY, CONSULTATION }

    public record Attendee(long userId, String displayName, @org.dicas.shared.Labelled("nation") String nation, String organization) {
    }

    public String title(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? titleJa : titleEn;
    }
}
