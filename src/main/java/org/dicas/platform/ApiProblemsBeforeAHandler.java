package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problems Spring MVC finds before any controller is chosen (a method or content type no API endpoint takes, a path
 * none serves): {@link ApiProblems}, which applies to API controllers, never sees them. Under {@code /api/} they are
 * answered by {@link ApiProblems} all the same, in the caller's language; elsewhere the exception is passed on
 * unchanged to the pages' error handling.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ApiProblemsBeforeAHandler {

    private final ApiProblems problems;

    ApiProblemsBeforeAHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class})
    ResponseEntity<Object> beforeAHandler(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e; // a page: the same exception goes on to the error page, as if this advice did not exist
        }
        return problems.handleException(e, new ServletWebRequest(request));
    }
}
