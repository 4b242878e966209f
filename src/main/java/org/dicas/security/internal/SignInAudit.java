package org.dicas.security.internal;

import org.dicas.security.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every sign-in, successful or not, form, API or single sign-on, goes into the audit log. */
@Component
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        audit.append(event.getAuthentication().getName(), "SIGN_IN", null, null,
                event.getAuthentication().getClass().getSimpleName());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = SignInThrottle.key(event.getAuthentication().getName());
        audit.append(name, "SIGN_IN_FAILED", null, null, event.getException().getClass().getSimpleName());
    }
}
