package org.dicas.security.internal;

import java.util.Locale;

import org.dicas.security.WriteRuleRejected;
import org.dicas.shared.Sentences;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page action a write rule refused: 403 with the rule's reason in the reader's language (the API has ApiProblems). */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class WriteRulePages {

    @ExceptionHandler(WriteRuleRejected.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String rejected(WriteRuleRejected e, Model model, Locale locale) {
        model.addAttribute("reason", Sentences.render(e.sentence(), locale));
        return "error/forbidden";
    }
}
