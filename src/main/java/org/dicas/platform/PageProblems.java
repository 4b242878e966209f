package org.dicas.platform;

import org.dicas.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the web pages: a record the user may not read is the same "not found" page as a missing one. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    /** A change against an older version, from a button with no form to show the conflict on (e.g. delete, unpin). */
    @ExceptionHandler(org.dicas.shared.StaleVersionException.class)
    @ResponseStatus(HttpStatus.PRECONDITION_FAILED)
    String stale() {
        return "error/stale";
    }

    /** A change that names no version: a form from before versions, or a hand-made request. */
    @ExceptionHandler(org.dicas.shared.VersionRequiredException.class)
    @ResponseStatus(HttpStatus.PRECONDITION_REQUIRED)
    String versionRequired() {
        return "error/stale";
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
