package org.dicas.forum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;

/** Create or update a meeting. Start and end are local times in {@code timeZone} (an IANA zone id). */
public record MeetingCommand(
        @NotNull Meeting.Kind kind,
        Long workingGroupId,
        @NotBlank @Size(max = 200) String titleEn,
        @NotBlank @Size(max = 200) String titleJa,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 200) String location,
        @Size(max = 50000) String minutes,
        @NotBlank @Size(max = 500) String marking,
        @Size(max = 500) List<Long> attendeeIds) {

    public MeetingCommand {
        location = location == null ? "" : location;
        minutes = minutes == null ? "" : minutes;
        attendeeIds = attendeeIds == null ? List.of() : attendeeIds;
    }
}
