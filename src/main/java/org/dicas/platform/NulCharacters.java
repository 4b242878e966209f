package org.dicas.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters (query strings and forms) that contain a NUL character: no text field may hold one and
 * PostgreSQL cannot store it, so it is answered as bad input before it reaches any page, search or sign-in.
 * JSON bodies get the same treatment in {@link JsonConfiguration}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the character-encoding filter: parameters must be decoded as UTF-8
class NulCharacters extends OncePerRequestFilter {

    static final String MESSAGE = "contains a NUL character";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (var e : request.getParameterMap().entrySet()) {
            boolean bad = e.getKey().indexOf('\0') >= 0;
            for (String v : e.getValue()) {
                bad |= v.indexOf('\0') >= 0;
            }
            if (bad) {
                String name = e.getKey().replace("\0", "");
                ApiProblems.write(request, response, HttpStatus.BAD_REQUEST, org.dicas.shared.Sentence.of(
                        "sentence.fieldProblem", name, org.dicas.shared.Sentence.of("problem.body.nulCharacter")));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
