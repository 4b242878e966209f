package org.dicas.security.internal;

import org.dicas.security.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every sign-in, successful or not, form, API or single sign-on, goes into the audit log; a sign-in from a session
 * that accepted the {@link SignInNotice} is preceded by that acceptance, under the person's name, with the digest of
 * the notice accepted, its language and the moment of acceptance.
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
                    "notice=" + a.digest() + "; language=" + a.language() + "; accepted=" + a.at()));
        }
        audit.append(name, "SIGN_IN", null, null, event.getAuthentication().getClass().getSimpleName());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = SignInThrottle.key(event.getAuthentication().getName());
        audit.append(name, "SIGN_IN_FAILED", null, null, event.getException().getClass().getSimpleName());
    }
}
