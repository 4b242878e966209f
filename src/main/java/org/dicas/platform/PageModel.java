package org.dicas.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Helpers every page template may use: {@code ${markdown.html(text)}} renders Markdown safely. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final Markdown markdown;

    PageModel(Markdown markdown) {
        this.markdown = markdown;
    }

    @ModelAttribute("markdown")
    Markdown markdown() {
        return markdown;
    }
}
