package org.dicas.platform;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

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

    /** Binding problems (a value that could not be converted) as "field label: message" lines. */
    public static List<String> of(BindingResult binding) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(fieldProblem(e.getField(), e.getDefaultMessage(), locale)));
        binding.getGlobalErrors().forEach(e -> errors.add(e.getDefaultMessage()));
        return errors;
    }

    /**
     * Bean-validation problems of a command, as "field label: message" lines for the form's error summary, sorted, in
     * the request's language (the validator interpolates {@code {key}} messages from the bundles in that language).
     */
    public static List<String> violations(Validator validator, Object command) {
        Locale locale = LocaleContextHolder.getLocale();
        return validator.validate(command).stream()
                .map(v -> fieldProblem(v.getPropertyPath().toString(), v.getMessage(), locale)).sorted().toList();
    }

    private static String fieldProblem(String field, String message, Locale locale) {
        return Sentences.render(Sentence.of("sentence.fieldProblem", Sentences.fieldLabel(field, locale), message),
                locale);
    }
}
