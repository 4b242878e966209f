package org.dicas.forum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dicas.forum.Meeting;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.junit.jupiter.api.Test;

/** How a month of meetings is laid out: whole weeks, Monday first, meetings on every day they take place. */
class MeetingMonthTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId UTC = ZoneId.of("UTC");

    static Meeting meeting(long id, String startsUtc, String endsUtc) {
        return new Meeting(id, Marking.of(AccessLevel.PUBLIC), Meeting.Kind.PLENARY, null, "M" + id, "会合" + id,
                LocalDateTime.parse(startsUtc).atZone(UTC), LocalDateTime.parse(endsUtc).atZone(UTC), "UTC", "",
                "", List.of(), 0);
    }

    static List<Long> on(MeetingMonth month, String iso) {
        return month.weeks().stream().flatMap(List::stream).filter(d -> d.iso().equals(iso))
                .flatMap(d -> d.entries().stream()).map(e -> e.meeting().id()).toList();
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    @Test
    void theGridIsWholeWeeksFromTheMondayOnOrBeforeTheFirst() {
        // March 2027 starts on a Monday and ends on a Wednesday
        MeetingMonth march = MeetingMonth.of(YearMonth.of(2027, 3), List.of(), UTC, LocalDate.of(2027, 3, 10),
                Locale.ENGLISH);
        assertThat(march.weeks()).hasSize(5).allSatisfy(w -> assertThat(w).hasSize(7));
        assertThat(march.weeks().get(0).get(0).iso()).isEqualTo("2027-03-01");
        assertThat(last(last(march.weeks())).iso()).isEqualTo("2027-04-04");
        assertThat(last(last(march.weeks())).inMonth()).isFalse();
        assertThat(march.weeks().stream().flatMap(List::stream).filter(MeetingMonth.Day::today)
                .map(MeetingMonth.Day::iso)).containsExactly("2027-03-10");
        assertThat(march.weekdays().get(0)).isEqualTo(new MeetingMonth.Weekday("Mon", "Monday"));
        assertThat(MeetingMonth.gridStart(YearMonth.of(2027, 4), TOKYO))
                .isEqualTo(LocalDateTime.parse("2027-03-29T00:00").atZone(TOKYO).toInstant());
    }

    @Test
    void aMeetingIsOnTheDaysItTakesPlaceInTheReadersZone() {
        List<Meeting> meetings = List.of(
                meeting(1, "2027-03-09T16:00", "2027-03-09T18:00"), // 01:00–03:00 on the 10th in Tokyo
                meeting(2, "2027-03-10T23:00", "2027-03-12T03:00"), // the 11th 08:00 to the 12th 12:00 in Tokyo
                meeting(3, "2027-03-14T13:00", "2027-03-14T15:00")); // 22:00 to midnight in Tokyo
        MeetingMonth month = MeetingMonth.of(YearMonth.of(2027, 3), meetings, TOKYO, LocalDate.of(2027, 3, 1),
                Locale.JAPANESE);
        assertThat(on(month, "2027-03-09")).isEmpty();
        assertThat(on(month, "2027-03-10")).containsExactly(1L);
        assertThat(on(month, "2027-03-11")).containsExactly(2L);
        assertThat(on(month, "2027-03-12")).containsExactly(2L);
        assertThat(on(month, "2027-03-14")).containsExactly(3L);
        assertThat(on(month, "2027-03-15")).as("a meeting that ends at midnight ended the day before").isEmpty();
        var entries = month.weeks().stream().flatMap(List::stream).flatMap(d -> d.entries().stream())
                .filter(e -> e.meeting().id() == 2).map(MeetingMonth.Entry::starts).toList();
        assertThat(entries).containsExactly(true, false);
        assertThat(month.weekdays().get(0)).isEqualTo(new MeetingMonth.Weekday("月", "月曜日"));
    }
}
