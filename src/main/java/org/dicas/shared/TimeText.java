package org.dicas.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a date or a moment reads for people, in the reader's language and time zone: {@code 2024年6月10日（月） 22:27 JST}
 * in Japanese, {@code Mon 10 Jun 2024 22:27 JST} in English. The patterns are in the {@code messages} bundles
 * ({@code time.pattern.*}); the zone's label is its short name at that moment (JST, EST or EDT, BST or GMT), so a reader
 * always knows which clock a time is on. Plain Java, so pages, exports and the command line say times alike; machine
 * values (the API's JSON, {@code <time datetime>}) stay ISO-8601 and never pass through here.
 *
 * <p>A date ({@link LocalDate}) is a calendar day and has no zone; a moment ({@link Instant}, or a zoned or offset
 * date-time) is shown in the reader's zone. A {@link LocalDateTime} has no zone and is refused rather than guessed.
 */
public final class TimeText {

    static final String DATE = "time.pattern.date";
    static final String MONTH = "time.pattern.month";
    static final String MONTH_IN_FULL = "time.pattern.monthInFull";
    static final String DATE_TIME = "time.pattern.dateTime";
    static final String DATE_TIME_SECONDS = "time.pattern.dateTimeSeconds";
    static final String ALSO_IN = "time.alsoIn";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z");

    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private TimeText() {
    }

    /** A calendar day: 2024年6月10日（月） / Mon 10 Jun 2024. */
    public static String date(LocalDate day, Locale locale) {
        return day == null ? "" : formatter(DATE, locale).format(day);
    }

    /** A calendar month: 2029年4月 / Apr 2029. */
    public static String month(YearMonth month, Locale locale) {
        return month == null ? "" : formatter(MONTH, locale).format(month);
    }

    /** A calendar month with its name in full, as a calendar heads it: 2029年4月 / April 2029. */
    public static String monthInFull(YearMonth month, Locale locale) {
        return month == null ? "" : formatter(MONTH_IN_FULL, locale).format(month);
    }

    /** A weekday's name, short (月 / Mon) or in full (月曜日 / Monday), as a calendar's columns are headed. */
    public static String weekday(java.time.DayOfWeek day, boolean full, Locale locale) {
        return day.getDisplayName(full ? java.time.format.TextStyle.FULL : java.time.format.TextStyle.SHORT,
                locale(locale));
    }

    /** The day a moment falls on in {@code zone}, or a calendar day (or month) as it is. */
    public static String date(Object value, ZoneId zone, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate day) {
            return date(day, locale);
        }
        if (value instanceof YearMonth month) {
            return month(month, locale);
        }
        return date(instant(value).atZone(zone).toLocalDate(), locale);
    }

    /** A moment in {@code zone} with the zone's label: 2024年6月10日（月） 22:27 JST / Mon 10 Jun 2024 22:27 JST. */
    public static String dateTime(Object value, ZoneId zone, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate || value instanceof YearMonth) {
            return date(value, zone, locale);
        }
        return formatter(DATE_TIME, locale).format(instant(value).atZone(zone));
    }

    /** To the second, where the order of events matters (audit, history): …22:27:05 JST. */
    public static String exact(Object value, ZoneId zone, Locale locale) {
        return value == null ? "" : formatter(DATE_TIME_SECONDS, locale).format(instant(value).atZone(zone));
    }

    /**
     * A moment in the reader's zone and, when its own zone's clock reads otherwise (a VTC set in Tokyo read in
     * Washington), in that zone too: {@code Mon 10 Jun 2024 09:27 EDT (22:27 JST)}. The second part carries its date
     * only when the day differs.
     */
    public static String dateTime(Object value, ZoneId readerZone, ZoneId ownZone, Locale locale) {
        String reader = dateTime(value, readerZone, locale);
        if (value == null || value instanceof LocalDate || value instanceof YearMonth || ownZone == null) {
            return reader;
        }
        Instant at = instant(value);
        ZonedDateTime mine = at.atZone(readerZone);
        ZonedDateTime theirs = at.atZone(ownZone);
        String own = theirs.toLocalDate().equals(mine.toLocalDate())
                ? time(at, ownZone, locale) : dateTime(at, ownZone, locale);
        if (own.equals(reader) || time(at, ownZone, locale).equals(time(at, readerZone, locale))) {
            return reader;
        }
        return Sentences.render(Sentence.of(ALSO_IN, reader, own), locale);
    }

    /** The clock time of a moment in {@code zone} with the zone's label: 22:27 JST. */
    public static String time(Object value, ZoneId zone, Locale locale) {
        return value == null ? "" : TIME.withLocale(locale(locale)).format(instant(value).atZone(zone));
    }

    /** The zone's short label at that moment (JST; EST in winter and EDT in summer). */
    public static String zoneLabel(ZoneId zone, Object at, Locale locale) {
        return DateTimeFormatter.ofPattern("z", locale(locale)).format(instant(at).atZone(zone));
    }

    /**
     * A zone's name in the reader's language: the bundles' label for a zone people choose from (日本時間（東京）),
     * else the name the JDK's locale data gives it (a meeting entered in another zone).
     */
    public static String zoneName(ZoneId zone, Locale locale) {
        Sentence label = TimeZones.label(zone);
        return Sentences.exists(label.key()) ? Sentences.render(label, locale)
                : zone.getDisplayName(java.time.format.TextStyle.FULL, locale(locale));
    }

    /** The moment a value stands for; a local date-time (no zone) or anything else is a programming error. */
    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof TemporalAccessor t && t.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(t);
        }
        throw new IllegalArgumentException("not a moment (an Instant or a zoned date-time): "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static DateTimeFormatter formatter(String key, Locale locale) {
        Locale language = locale(locale);
        return FORMATTERS.computeIfAbsent(key + "/" + language.getLanguage(),
                k -> DateTimeFormatter.ofPattern(Sentences.render(Sentence.of(key), language), language));
    }

    private static Locale locale(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }
}
