package org.dicas.shared;

import java.math.BigInteger;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders {@link Sentence}s from the {@code messages} bundles, in plain Java so that engines and the command line
 * render exactly what the pages and the API render. The rules are Spring's message source's: a message without
 * arguments is taken as written; one with arguments is a {@link MessageFormat} pattern (so a literal quote is
 * written {@code ''}). Whole numbers are shown as written (an id 1234 never reads "1,234"); nested sentences are
 * rendered in the same language; collections are joined with the language's list separator. Dates read as people
 * write them in that language, through {@link TimeText} as on the pages: a {@link LocalDate} 2026年3月1日（日） /
 * Sun 1 Mar 2026, a {@link YearMonth} 2026年3月 / Mar 2026, a moment with its zone's label (an {@link Instant} on UTC,
 * a zoned date-time on its own clock).
 */
public final class Sentences {

    static final String BASENAME = "messages/messages";
    static final String LIST_SEPARATOR = "sentence.listSeparator";
    static final String FIELD_PROBLEM = "sentence.fieldProblem";
    static final String FIELD_PREFIX = "field.";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The clock of a moment that carries no zone of its own (an {@link Instant}): UTC, labelled so. */
    private static final java.time.ZoneId UTC = java.time.ZoneId.of("UTC");

    private Sentences() {
    }

    /** The sentence in {@code locale}'s language (Japanese for {@code ja}, English otherwise). */
    public static String render(Sentence sentence, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        return render(sentence, bundle, locale);
    }

    /** "field label: what is wrong", the label from {@code field.<name>} when the bundles have one. */
    public static String fieldProblem(String field, Sentence problem, Locale locale) {
        return render(Sentence.of(FIELD_PROBLEM, fieldLabel(field, locale), problem), locale);
    }

    /**
     * The label of a form or JSON field in the reader's language, or the field's own name when it has none. A field
     * of a list's element ({@code partners[1].nation}) has the label of the list's field ({@code field.partners.nation})
     * unless it has its own.
     */
    public static String fieldLabel(String field, Locale locale) {
        if (field == null) {
            return "";
        }
        ResourceBundle bundle = bundle(locale);
        for (String key : List.of(FIELD_PREFIX + field, FIELD_PREFIX + field.replaceAll("\\[\\d+]", ""))) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return field;
    }

    /** Whether {@code key} exists (in English, which has every key the Japanese bundle has). */
    public static boolean exists(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    static ResourceBundle bundle(Locale locale) {
        Locale language = locale != null && "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
        return ResourceBundle.getBundle(BASENAME, language, Sentences.class.getClassLoader(), NO_FALLBACK);
    }

    private static String render(Sentence sentence, ResourceBundle bundle, Locale locale) {
        String pattern;
        try {
            pattern = bundle.getString(sentence.key());
        } catch (MissingResourceException e) {
            return "??" + sentence.key() + "??";
        }
        if (sentence.args().isEmpty()) {
            return pattern;
        }
        Object[] args = new Object[sentence.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = argument(sentence.args().get(i), bundle, locale);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    private static Object argument(Object arg, ResourceBundle bundle, Locale locale) {
        if (arg == null) {
            return "";
        }
        if (arg instanceof Sentence s) {
            return render(s, bundle, locale);
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof BigInteger) {
            return arg.toString();
        }
        if (arg instanceof LocalDate || arg instanceof YearMonth) {
            return TimeText.date(arg, UTC, locale);
        }
        if (arg instanceof Instant) {
            return TimeText.dateTime(arg, UTC, locale);
        }
        if (arg instanceof ZonedDateTime z) {
            return TimeText.dateTime(z, z.getZone(), locale);
        }
        if (arg instanceof OffsetDateTime o) {
            return TimeText.dateTime(o, o.getOffset(), locale);
        }
        if (arg instanceof Collection<?> items) {
            List<String> parts = new ArrayList<>(items.size());
            for (Object item : items) {
                parts.add(String.valueOf(argument(item, bundle, locale)));
            }
            return String.join(bundle.getString(LIST_SEPARATOR), parts);
        }
        return arg;
    }
}
