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

    /**
     * Bad input that a page did not turn into a form error itself (a hostile query parameter, say): a 400 page that
     * names the field and the problem, never a 500. A hidden id reads as an unknown one here as everywhere.
     */
    @ExceptionHandler({org.dicas.shared.InvalidInputException.class, org.dicas.shared.InvalidMarkingException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badInput(RuntimeException e, org.springframework.ui.Model model, java.util.Locale locale) {
        model.addAttribute("problem", FormErrors.describe(e, locale));
        return "error/400";
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /**
     * A PDF cannot be written (its font is missing, {@link PdfDocuments}): a 503 page that says so in the reader's
     * language, never a broken PDF.
     */
    @ExceptionHandler(PdfUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String pdfUnavailable(org.springframework.ui.Model model, java.util.Locale locale) {
        model.addAttribute("problem", org.dicas.shared.Sentences.render(PdfDocuments.UNAVAILABLE, locale));
        return "error/unavailable";
    }

    /** The database cannot be reached: a 503 page that needs no database, never a 500. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessResourceException.class})
    void databaseUnavailable(RuntimeException e, jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        DatabaseUnavailable.write(request, response);
    }
}
