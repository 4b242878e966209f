package org.dicas.platform;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.dicas.shared.TimeText;
import org.dicas.shared.TimeZones;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;

/**
 * The reader of the current request: their language and the time zone they read times in (set by the user's locale
 * resolver in {@code security}: the zone they chose, else their nation's). Pages say times through {@code #when}
 * ({@link ReaderDialect}); Java that writes a time for people (an export, a page model) goes through here, so a time
 * never reaches a person in UTC without a label.
 */
public final class ReaderTime {

    private ReaderTime() {
    }

    /** The reader's time zone; UTC when the request has none (nobody signed in, or outside a request). */
    public static ZoneId zone() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        if (context instanceof TimeZoneAwareLocaleContext aware) {
            TimeZone zone = aware.getTimeZone();
            if (zone != null) {
                return zone.toZoneId();
            }
        }
        return TimeZones.UTC;
    }

    public static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** A moment in the reader's zone and language, with the zone's label. */
    public static String dateTime(Object moment) {
        return TimeText.dateTime(moment, zone(), locale());
    }

    /** A calendar day, or the day a moment falls on in the reader's zone. */
    public static String date(Object value) {
        return TimeText.date(value, zone(), locale());
    }
}
