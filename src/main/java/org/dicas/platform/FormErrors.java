package org.dicas.platform;

import java.util.List;
import java.util.Locale;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A rule the service refused, as a form shows it above its fields: the field's label and what is wrong, in the
 * reader's language (the request's locale). Every page controller renders refused input through here.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** The refusal as lines for the form's error summary; any other exception is rethrown untouched. */
    public static List<String> of(RuntimeException e) {
        return List.of(describe(e, LocaleContextHolder.getLocale()));
    }

    public static String describe(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException ii) {
            return ii.describe(locale);
        }
        if (e instanceof InvalidMarkingException im) {
            return im.describe(locale);
        }
        throw e;
    }
}
