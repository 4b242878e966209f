package org.dicas.forum.web;

import java.util.Collection;
import java.util.List;
import org.dicas.platform.FormErrors;
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

    /** Binding problems as "field label: message" lines in the request's language. */
    static List<String> errors(BindingResult binding) {
        return FormErrors.of(binding);
    }

    /** Bean-validation problems of a command for the form's error summary ({@link FormErrors#violations}). */
    static List<String> violations(jakarta.validation.Validator validator, Object command) {
        return FormErrors.violations(validator, command);
    }

    /** The message of a rule the service refused, for display above the form. */
    static List<String> errors(RuntimeException e) {
        return FormErrors.of(e);
    }
}
