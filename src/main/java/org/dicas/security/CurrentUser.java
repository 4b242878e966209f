package org.dicas.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request, whether signed in by form or by bearer token. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<DicasUser> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<DicasUser> from(Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof DicasAccount p) {
            return Optional.of(p.user());
        }
        return Optional.empty();
    }
}
