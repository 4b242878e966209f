package org.dicas.security.internal;

import org.dicas.security.DicasPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in (form and API) behind the throttle: the attempt is counted first and refused unchecked when it is
 * over the limit; an admitted attempt's failure stays counted, its success resets the count (see
 * {@link SignInThrottle}). A successful sign-in's principal no longer holds the password hash (a web session keeps
 * the principal, in PostgreSQL).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        throttle.admit(username);
        Authentication result = null;
        try {
            result = passwords.authenticate(authentication);
            return withoutPasswordHash(result);
        } finally {
            // any way out but a successful authentication (wrong password, unknown or disabled account, internal
            // error) leaves the slot counted
            if (result != null && result.isAuthenticated()) {
                throttle.succeeded(username);
            } else {
                throttle.failed(username);
            }
        }
    }

    static Authentication withoutPasswordHash(Authentication result) {
        if (result != null && result.getPrincipal() instanceof DicasPrincipal p && p.passwordHash() != null) {
            var stripped = UsernamePasswordAuthenticationToken.authenticated(p.withoutPassword(), result.getCredentials(),
                    result.getAuthorities());
            stripped.setDetails(result.getDetails());
            return stripped;
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
