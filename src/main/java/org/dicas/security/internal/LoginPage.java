package org.dicas.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.dicas.platform.ReaderTime;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Until the session has accepted the {@link SignInNotice}, it shows the notice and its "I accept"
 * button instead of the sign-in form and the single sign-on links ({@link SignInNoticeFilter} refuses a sign-in tried
 * around it); once accepted, the sign-in form.
 */
@Controller
class LoginPage {

    private final SignInNotice notice;

    LoginPage(SignInNotice notice) {
        this.notice = notice;
    }

    @GetMapping("/login")
    String login(Model model, @RequestParam(required = false) String locked, HttpServletRequest request) {
        model.addAttribute("locked", locked != null);
        model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
        model.addAttribute("noticePending", !notice.accepted(request));
        model.addAttribute("notice", notice.enabled() ? notice.text(ReaderTime.locale()) : null);
        return "login";
    }

    /** The person accepts the notice shown in their language; the sign-in form follows. */
    @PostMapping("/login/notice")
    String accept(HttpServletRequest request) {
        if (notice.enabled()) {
            notice.accept(request, ReaderTime.locale());
        }
        return "redirect:/login";
    }
}
