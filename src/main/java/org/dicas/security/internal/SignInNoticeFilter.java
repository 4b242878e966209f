package org.dicas.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No sign-in without the notice accepted first: a password sign-in ({@code POST /login}) or the start of a single
 * sign-on ({@code /oauth2/authorization/…}) from a session that has not accepted the {@link SignInNotice} is sent back
 * to the sign-in page, which shows the notice — the credentials are not even tried. The API's bearer tokens are for
 * programs, not people at a screen, and are not held to it.
 */
class SignInNoticeFilter extends OncePerRequestFilter {

    private final SignInNotice notice;

    SignInNoticeFilter(SignInNotice notice) {
        this.notice = notice;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean signIn = ("POST".equals(request.getMethod()) && "/login".equals(path))
                || path.startsWith("/oauth2/authorization/");
        if (signIn && !notice.accepted(request)) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }
}
