package org.dicas.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in (form and API) behind the throttle: the attempt is counted first and refused unchecked when it is
 * over the limit; an admitted attempt's failure stays counted, its success resets the count (see
 * {@link SignInThrottle}).
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
            return result;
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

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
