package org.dicas.security.internal;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The marking picker's live preview (htmx): the banner of a form's marking field, parsed by the grammar and judged by
 * the releasability policy for the signed-in author, answered as the preview part of the field. The banner comes in the parameter the field is named by ({@code field};
 * {@code marking} unless told), as htmx sends the field itself. It shows only what
 * the author sent, so it carries no record's content.
 */
@Controller
class MarkingPreviewPage {

    private final MarkingPicker picker;

    MarkingPreviewPage(MarkingPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/markings/preview")
    String preview(@RequestParam(defaultValue = "marking") String field, @RequestParam Map<String, String> params,
                   Model model) {
        model.addAttribute("preview", picker.preview(params.getOrDefault(field, "")));
        return "fragments/layout :: markingPreview(preview=${preview})";
    }
}
