package org.dicas.forum.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.forum.Meeting;
import org.dicas.shared.TimeText;

/**
 * A month of meetings as the calendar page lays it out: whole weeks, Monday first (ISO 8601, for every language: the
 * allied readers of one working group see the same grid), the days of the neighbouring months that complete the first
 * and last weeks included. Each meeting is listed on every day it takes place in the reader's zone, its start time on
 * its first day.
 */
record MeetingMonth(YearMonth month, List<Weekday> weekdays, List<List<Day>> weeks, List<Meeting> meetings) {

    static final DayOfWeek FIRST_DAY = DayOfWeek.MONDAY;

    /** A column's heading: the weekday's short name (月 / Mon) and its full name (月曜日 / Monday). */
    record Weekday(String shortName, String fullName) {
    }

    /** A day of the grid; {@code iso} is the machine's form of the day (for {@code <time datetime>}). */
    record Day(String iso, int dayOfMonth, boolean inMonth, boolean today, List<Entry> entries) {
    }

    /** A meeting on a day: {@code starts} on the day it begins, otherwise continued from the day before. */
    record Entry(Meeting meeting, boolean starts) {
    }

    /** The first moment of the grid in {@code zone} (the Monday on or before the 1st). */
    static Instant gridStart(YearMonth month, ZoneId zone) {
        return firstDay(month).atStartOfDay(zone).toInstant();
    }

    /** The moment after the grid ends in {@code zone} (the Monday after the Sunday on or after the last day). */
    static Instant gridEnd(YearMonth month, ZoneId zone) {
        return lastDay(month).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.previousOrSame(FIRST_DAY));
    }

    private static LocalDate lastDay(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(FIRST_DAY.minus(1)));
    }

    /** Lays out {@code meetings} (those of the grid's range, earliest first) on the month's grid. */
    static MeetingMonth of(YearMonth month, List<Meeting> meetings, ZoneId zone, LocalDate today, Locale locale) {
        List<Weekday> weekdays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = FIRST_DAY.plus(i);
            weekdays.add(new Weekday(TimeText.weekday(d, false, locale), TimeText.weekday(d, true, locale)));
        }
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (LocalDate d = firstDay(month); !d.isAfter(lastDay(month)); d = d.plusDays(1)) {
            List<Entry> entries = new ArrayList<>();
            for (Meeting m : meetings) {
                LocalDate first = m.startsAt().withZoneSameInstant(zone).toLocalDate();
                if (!d.isBefore(first) && !d.isAfter(lastDayOf(m, zone))) {
                    entries.add(new Entry(m, d.equals(first)));
                }
            }
            week.add(new Day(d.toString(), d.getDayOfMonth(), YearMonth.from(d).equals(month), d.equals(today),
                    List.copyOf(entries)));
            if (week.size() == 7) {
                weeks.add(List.copyOf(week));
                week = new ArrayList<>();
            }
        }
        return new MeetingMonth(month, List.copyOf(weekdays), List.copyOf(weeks), List.copyOf(meetings));
    }

    /** The last day a meeting takes place on in {@code zone}: one that ends at midnight ended the day before. */
    private static LocalDate lastDayOf(Meeting m, ZoneId zone) {
        ZonedDateTime start = m.startsAt().withZoneSameInstant(zone);
        ZonedDateTime end = m.endsAt().withZoneSameInstant(zone);
        LocalDate last = end.toLocalDate();
        if (end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.isAfter(start)) {
            last = last.minusDays(1);
        }
        return last.isBefore(start.toLocalDate()) ? start.toLocalDate() : last;
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
