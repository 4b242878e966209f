package org.dicas.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database outage is answered {@code 503} quickly (the pool waits at most its connection timeout), wherever it
 * surfaces: in the security filters (token look-up), in the API (problem+json "database unavailable") or in a page
 * (a plain 503 page that needs no database). The next request after the database is back simply works.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6) // outside the security filters, which read tokens and accounts
class DatabaseUnavailable extends OncePerRequestFilter {

    static final org.dicas.shared.Sentence DETAIL = org.dicas.shared.Sentence.of("problem.databaseUnavailable");
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** Whether {@code t} (or a cause) says the database cannot be reached, rather than a query being wrong. */
    static boolean isOutage(Throwable t) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException se && se.getSQLState() != null && se.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            response.reset();
            write(request, response);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ApiProblems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        java.util.Locale locale = RequestLanguage.of(request);
        String title = org.springframework.web.util.HtmlUtils.htmlEscape(
                org.dicas.shared.Sentences.render(org.dicas.shared.Sentence.of("unavailable.title"), locale));
        String text = org.springframework.web.util.HtmlUtils.htmlEscape(
                org.dicas.shared.Sentences.render(org.dicas.shared.Sentence.of("unavailable.text"), locale));
        response.setHeader("Content-Language", locale.getLanguage());
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + title + " – DICAS</title></head><body><main><h1>" + title + "</h1>"
                + "<p>" + text + "</p></main></body></html>");
    }
}
