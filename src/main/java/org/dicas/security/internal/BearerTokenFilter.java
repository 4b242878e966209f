package org.dicas.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dicas.security.DicasPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls carrying {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    BearerTokenFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        if (token != null && !token.isEmpty()) {
            accounts.holderOf(token).filter(DicasPrincipal::isEnabled).ifPresent(principal -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.getAuthorities());
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
        }
        chain.doFilter(request, response);
    }
}
