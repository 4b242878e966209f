package org.dicas.security.internal;

import org.dicas.security.AuditLog;
import org.dicas.security.DicasPrincipal;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/** Issues and revokes API tokens after checking the password with the same rules as the sign-in form. */
@Component
class Sessions {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;
    private final AuditLog audit;

    Sessions(AuthenticationManager authenticationManager, ApiTokens tokens, AuditLog audit) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Throws an {@code AuthenticationException} (answered 401) when the credentials do not hold. */
    String issueToken(String username, String password) {
        var auth = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        String token = tokens.issue(((DicasPrincipal) auth.getPrincipal()).user().id());
        audit.append(username, "TOKEN_ISSUED", null, null);
        return token;
    }

    void revokeToken(String token, String username) {
        if (tokens.revoke(token)) {
            audit.append(username, "TOKEN_REVOKED", null, null);
        }
    }
}
