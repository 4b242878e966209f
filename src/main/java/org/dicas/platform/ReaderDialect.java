package org.dicas.platform;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.dicas.shared.Sentences;
import org.dicas.shared.TimeText;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * What every template knows of its reader: {@code #labels} (nations by name, see {@link Labels}) and {@code #when},
 * the one way a page says a date or a time, in the reader's language and zone with the zone's label ({@code ${#when.dateTime(post.createdAt())}}, {@code ${#when.date(item.dueDate())}}). A meeting
 * also shows its own zone when its clock reads otherwise ({@code ${#when.dateTime(m.startsAt(), m.timeZone())}}).
 * {@code TemplatesSayTimesThroughWhenTest} fails on a template that formats a date or a time around it.
 */
@Component
class ReaderDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String WHEN = "when";
    static final String LABELS = "labels";

    ReaderDialect() {
        super("dicas-reader");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(WHEN, LABELS);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return LABELS.equals(name) ? new Labels(context.getLocale())
                        : new When(context.getLocale(), ReaderTime.zone());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /** What {@code #when} offers a template; the reader's language and zone are fixed for the page. */
    public static final class When {
        private final Locale locale;
        private final ZoneId zone;

        When(Locale locale, ZoneId zone) {
            this.locale = locale;
            this.zone = zone;
        }

        /** 2024年6月10日（月） 22:27 JST / Mon 10 Jun 2024 22:27 JST. */
        public String dateTime(Object moment) {
            return TimeText.dateTime(moment, zone, locale);
        }

        /** To the second, where the order of events matters (audit log, history). */
        public String exact(Object moment) {
            return TimeText.exact(moment, zone, locale);
        }

        /** A moment in the reader's zone and, when its clock reads otherwise, in {@code ownZone} (a meeting's). */
        public String dateTime(Object moment, Object ownZone) {
            return TimeText.dateTime(moment, zone, zoneOf(ownZone), locale);
        }

        /** 2024年6月10日（月） / Mon 10 Jun 2024: a calendar day, or the reader's day of a moment. */
        public String date(Object value) {
            return TimeText.date(value, zone, locale);
        }

        /** A calendar month in full, as a calendar heads it: 2027年3月 / March 2027. */
        public String month(java.time.YearMonth month) {
            return TimeText.monthInFull(month, locale);
        }

        /** A day range: 2024年6月10日（月）～2024年6月14日（金）. */
        public String dates(Object from, Object to) {
            return Sentences.render(org.dicas.shared.Sentence.of("time.range", date(from), date(to)), locale);
        }

        /** 22:27 JST. */
        public String time(Object moment) {
            return TimeText.time(moment, zone, locale);
        }

        /** A zone's name in the reader's language (日本時間（東京）), for a zone id or a ZoneId. */
        public String zoneName(Object zoneId) {
            ZoneId z = zoneOf(zoneId);
            return z == null ? "" : TimeText.zoneName(z, locale);
        }

        /** The reader's own zone. */
        public ZoneId zone() {
            return zone;
        }

        private static ZoneId zoneOf(Object value) {
            if (value instanceof ZoneId z) {
                return z;
            }
            return value == null || value.toString().isBlank() ? null : ZoneId.of(value.toString());
        }
    }
}
