package org.dicas.security.internal;

import org.dicas.security.AuditLog;
import org.dicas.shared.Sentence;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every sign-in, successful or not, form, API or single sign-on, goes into the audit log, saying how the user signed
 * in or why it failed in the reader's language (an unforeseen kind is named by its class, a code); a sign-in from a
 * session that accepted the {@link SignInNotice} is preceded by that acceptance, under the person's name, with the
 * digest of the notice accepted, its language and the moment of acceptance.
 */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final SignInNotice notice;

    SignInAudit(AuditLog audit, SignInNotice notice) {
        this.audit = audit;
        this.notice = notice;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web) {
            notice.acceptance(web.getRequest()).ifPresent(a -> audit.append(name, "SIGN_IN_NOTICE_ACCEPTED", null, null,
                    Sentence.of("audit.detail.signInNotice", a.digest(), a.language(), a.at())));
        }
        audit.append(name, "SIGN_IN", null, null, how(event.getAuthentication()));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = SignInThrottle.key(event.getAuthentication().getName());
        audit.append(name, "SIGN_IN_FAILED", null, null, why(event.getException()));
    }

    static Sentence how(Authentication a) {
        String type = a.getClass().getSimpleName();
        if (a instanceof UsernamePasswordAuthenticationToken) {
            return Sentence.of("audit.detail.signIn.password");
        }
        if (type.startsWith("OAuth2") || type.startsWith("Oidc")) {
            return Sentence.of("audit.detail.signIn.singleSignOn");
        }
        return Sentence.of("audit.detail.signIn.other", type);
    }

    static Sentence why(AuthenticationException e) {
        if (e instanceof BadCredentialsException) {
            return Sentence.of("audit.detail.signInFailed.badCredentials");
        }
        if (e instanceof DisabledException) {
            return Sentence.of("audit.detail.signInFailed.disabled");
        }
        if (e instanceof LockedException) {
            return Sentence.of("audit.detail.signInFailed.locked");
        }
        if (e instanceof SignInThrottle.SignInThrottledException) {
            return Sentence.of("audit.detail.signInFailed.throttled");
        }
        return e.getClass().getSimpleName().startsWith("OAuth2")
                ? Sentence.of("audit.detail.signInFailed.singleSignOn")
                : Sentence.of("audit.detail.signInFailed.other", e.getClass().getSimpleName());
    }
}
