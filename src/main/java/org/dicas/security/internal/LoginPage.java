package org.dicas.security.internal;

import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

    @GetMapping("/login")
    String login(org.springframework.ui.Model model,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String locked) {
        model.addAttribute("locked", locked != null);
        model.addAttribute("pageMarking", Marking.of(org.dicas.shared.AccessLevel.PUBLIC));
        return "login";
    }
}
