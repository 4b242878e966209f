package org.dicas.forum.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
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

    static List<String> errors(BindingResult binding) {
        List<String> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(e.getField() + ": " + e.getDefaultMessage()));
        binding.getGlobalErrors().forEach(e -> errors.add(e.getDefaultMessage()));
        return errors;
    }

    /** Bean-validation problems of a command, as "field: message" lines for the form's error summary. */
    static List<String> violations(jakarta.validation.Validator validator, Object command) {
        return validator.validate(command).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
    }

    /** The message of a rule the service refused, for display above the form. */
    static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }
}
