package org.dicas.forum.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Small shared pieces of the forum's page controllers. */
final class Pages {

    private Pages() {
    }

    static void banner(Model model, Collection<Marking> shown) {
        model.addAttribute("pageMarking", Marking.highWaterMark(shown));
    }

    static void banner(Model model, Marking marking) {
        model.addAttribute("pageMarking", marking);
    }

    /** Binding problems as "field label: message" lines in the request's language. */
    static List<String> errors(BindingResult binding) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(fieldProblem(e.getField(), e.getDefaultMessage(), locale)));
        binding.getGlobalErrors().forEach(e -> errors.add(e.getDefaultMessage()));
        return errors;
    }

    /**
     * Bean-validation problems of a command, as "field label: message" lines for the form's error summary, in the
     * request's language (the validator interpolates {@code {key}} messages from the bundles in that language).
     */
    static List<String> violations(jakarta.validation.Validator validator, Object command) {
        Locale locale = LocaleContextHolder.getLocale();
        return validator.validate(command).stream()
                .map(v -> fieldProblem(v.getPropertyPath().toString(), v.getMessage(), locale)).sorted().toList();
    }

    private static String fieldProblem(String field, String message, Locale locale) {
        return Sentences.render(Sentence.of("sentence.fieldProblem", Sentences.fieldLabel(field, locale), message),
                locale);
    }

    /** The message of a rule the service refused, for display above the form. */
    static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }
}
