package org.dicas.security.internal;

import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
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
    ResponseEntity<ProblemDetail> throttled(SignInThrottle.SignInThrottledException e, java.util.Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                Sentences.render(Sentence.of("login.locked"), locale));
        p.setTitle(Sentences.render(Sentence.of("problem.title.429"), locale));
        p.setProperty("messageKey", "login.locked");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter.toSeconds()))).body(p);
    }
}
