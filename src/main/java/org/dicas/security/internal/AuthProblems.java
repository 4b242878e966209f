package org.dicas.security.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Throttled sign-in on the API: 429 with Retry-After, before the generic 401 answer. */
@RestControllerAdvice(assignableTypes = AuthApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblems {

    @ExceptionHandler(SignInThrottle.SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottle.SignInThrottledException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter.toSeconds()))).body(p);
    }
}
