package org.dicas.forum.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCommand;

/** The meeting form as the browser posts it. */
public class MeetingForm {
    private String kind = "WORKING_GROUP";
    private Long workingGroupId;
    private String titleEn = "";
    private String titleJa = "";
    /** Read and written as ISO ({@code 2026-12-03T09:30}), the only form a datetime-local input takes. */
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startsAt;
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endsAt;
    /** A new meeting starts in its organiser's own zone. */
    private String timeZone = org.dicas.platform.ReaderTime.zone().getId();
    private String location = "";
    private String marking = "CUI//REL TO USA, JPN";
    private List<Long> attendeeIds = new ArrayList<>();
    private String minutes = "";

    static MeetingForm of(Meeting m) {
        MeetingForm f = new MeetingForm();
        f.kind = m.kind().name();
        f.workingGroupId = m.workingGroupId();
        f.titleEn = m.titleEn();
        f.titleJa = m.titleJa();
        f.startsAt = m.startsAt().toLocalDateTime();
        f.endsAt = m.endsAt().toLocalDateTime();
        f.timeZone = m.timeZone();
        f.location = m.location();
        f.marking = m.marking().banner();
        f.minutes = m.minutes();
        m.attendees().forEach(a -> f.attendeeIds.add(a.userId()));
        return f;
    }

    MeetingCommand command() {
        Meeting.Kind k;
        try {
            k = Meeting.Kind.valueOf(kind);
        } catch (RuntimeException e) {
            k = null;
        }
        return new MeetingCommand(k, workingGroupId, titleEn, titleJa, startsAt, endsAt, timeZone, location, minutes,
                marking, attendeeIds);
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getWorkingGroupId() { return workingGroupId; }
    public void setWorkingGroupId(Long workingGroupId) { this.workingGroupId = workingGroupId; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getTitleJa() { return titleJa; }
    public void setTitleJa(String titleJa) { this.titleJa = titleJa; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getMarking() { return marking; }
    public void setMarking(String marking) { this.marking = marking; }
    public List<Long> getAttendeeIds() { return attendeeIds; }
    public void setAttendeeIds(List<Long> attendeeIds) { this.attendeeIds = attendeeIds; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
}
