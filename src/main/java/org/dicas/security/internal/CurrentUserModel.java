package org.dicas.security.internal;

import org.dicas.platform.DemoMode;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) and the demo flag into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

    private final DemoMode demoMode;

    CurrentUserModel(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @ModelAttribute("me")
    DicasUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demoMode.enabled();
    }
}
