package org.dicas.security.internal;

import org.dicas.security.DicasPrincipal;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;

/** Issues and revokes API tokens after checking the password with the same rules as the sign-in form. */
@Component
class Sessions {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;

    Sessions(AuthenticationManager authenticationManager, ApiTokens tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    /** Throws an {@code AuthenticationException} (answered 401) when the credentials do not hold. */
    String issueToken(String username, String password) {
        var auth = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        return tokens.issue(((DicasPrincipal) auth.getPrincipal()).user().id());
    }

    void revokeToken(String token) {
        tokens.revoke(token);
    }
}
