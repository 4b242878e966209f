package org.dicas.forum;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dicas.security.DicasUser;
import org.springframework.stereotype.Service;

/**
 * iCalendar (RFC 5545) export of meetings. Only meetings the user may read are exported; each event carries its
 * marking in the summary and description, and the calendar as a whole carries the high-water mark.
 */
@Service
public class MeetingCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Meetings meetings;

    MeetingCalendar(Meetings meetings) {
        this.meetings = meetings;
    }

    public String ics(DicasUser user, long meetingId) {
        return calendar(List.of(meetings.meeting(user, meetingId)), user);
    }

    public String all(DicasUser user) {
        return calendar(meetings.list(user), user);
    }

    String calendar(List<Meeting> list, DicasUser user) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//DICAS Platform//Forum//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "X-DICAS-MARKING:" + escape(org.dicas.shared.Marking.highWaterMark(
                list.stream().map(Meeting::marking).toList()).banner()));
        for (Meeting m : list) {
            line(b, "BEGIN:VEVENT");
            line(b, "UID:meeting-" + m.id() + "@dicas");
            line(b, "DTSTAMP:" + UTC.format(Instant.now()));
            line(b, "DTSTART:" + UTC.format(m.startsAt().toInstant()));
            line(b, "DTEND:" + UTC.format(m.endsAt().toInstant()));
            line(b, "SUMMARY:" + escape("(" + m.marking().banner() + ") " + m.title(
                    java.util.Locale.forLanguageTag(user.locale().orElse("en")))));
            if (!m.location().isBlank()) {
                line(b, "LOCATION:" + escape(m.location()));
            }
            line(b, "DESCRIPTION:" + escape(m.marking().banner() + "\n" + m.titleEn() + "\n" + m.titleJa()));
            line(b, "CLASS:PRIVATE");
            if (m.cancelled()) { // a calendar that imported the meeting drops it (RFC 5545 3.8.1.11)
                line(b, "STATUS:CANCELLED");
            }
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, as RFC 5545 requires, ending with CRLF. */
    static void line(StringBuilder b, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            if (!first) {
                b.append(' ');
            }
            b.append(new String(bytes, start, end - start, java.nio.charset.StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            b.append("\r\n");
        }
    }
}
