package org.dicas.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Errors of the JSON API as {@code application/problem+json} (RFC 9457). Bad input names the offending field in
 * {@code field} (and {@code detail}); a record the caller may not read is a plain 404, like a missing one.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** Writes a problem response outside MVC (security filters). */
    public static void write(HttpServletResponse res, HttpStatus status, String title, String detail) throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problemResponse(problem(HttpStatus.NOT_FOUND, e.getMessage(), null));
    }

    /**
     * A broken business rule: {@code detail} says what is wrong in the caller's language, {@code field} names the
     * field as a code, and {@code messageKey} names the rule for programs that want to react to it.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, java.util.Locale locale) {
        return problemResponse(withKey(problem(HttpStatus.BAD_REQUEST, e.describe(locale), e.field()), e.sentence()));
    }

    @ExceptionHandler(InvalidMarkingException.class)
    ResponseEntity<ProblemDetail> invalidMarking(InvalidMarkingException e, java.util.Locale locale) {
        return problemResponse(withKey(problem(HttpStatus.BAD_REQUEST, e.describe(locale), "marking"), e.sentence()));
    }

    private static ProblemDetail withKey(ProblemDetail p, org.dicas.shared.Sentence sentence) {
        if (sentence != null) {
            p.setProperty("messageKey", sentence.key());
        }
        return p;
    }

    @ExceptionHandler(org.dicas.shared.StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(org.dicas.shared.StaleVersionException e) {
        ProblemDetail p = problem(HttpStatus.PRECONDITION_FAILED, e.getMessage(), null);
        p.setTitle("Changed by someone else");
        p.setType(type("stale-version"));
        p.setProperty("recordId", e.id());
        p.setProperty("yourVersion", e.expected());
        p.setProperty("currentVersion", e.current());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(org.dicas.shared.ExpectedVersion.entityTag(e.current())).body(p);
    }

    @ExceptionHandler(org.dicas.shared.VersionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(org.dicas.shared.VersionRequiredException e) {
        ProblemDetail p = problem(HttpStatus.PRECONDITION_REQUIRED, e.getMessage(), "If-Match");
        p.setTitle("Version required");
        p.setType(type("version-required"));
        return problemResponse(p);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
            throw e; // a fault of ours, not of the caller's credentials: let it surface as 500 and in the log
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "username or password is wrong");
        return problemResponse(p);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problemResponse(problem(HttpStatus.FORBIDDEN, "your role may not do this: " + e.getMessage(), null));
    }

    /** The database cannot be reached (pool timed out, connection refused or lost): 503, the client may retry. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL, null);
        p.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problemResponse(problem(HttpStatus.BAD_REQUEST,
                e.getName() + ": '" + e.getValue() + "' is not a valid value", e.getName()));
    }

    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        String detail = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, detail, errors.keySet().stream().findFirst().orElse(null));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getAllErrors().stream().map(e -> e.getDefaultMessage()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, detail, null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request.getAttribute(RequestLimits.BODY_FAILURE, WebRequest.SCOPE_REQUEST) instanceof HttpStatus cut) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(cut, cut == HttpStatus.CONTENT_TOO_LARGE
                    ? "the request body is larger than allowed" : "the request body did not arrive in time");
            return ResponseEntity.status(cut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        String field = null;
        String detail = "request body is not valid JSON";
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je) {
                field = path(je.getPath());
                String original = je.getOriginalMessage();
                if (original != null && original.contains(NulCharacters.MESSAGE)) {
                    detail = field + ": " + NulCharacters.MESSAGE;
                } else if (original != null && original.startsWith("Unrecognized property")) {
                    detail = field + ": unknown field";
                } else if (field != null && !field.isEmpty()) {
                    detail = field + ": wrong type or malformed value";
                } else {
                    detail = "malformed JSON: " + firstLine(original);
                }
                break;
            }
            if (t instanceof InvalidMarkingException ime) {
                field = "marking";
                detail = "marking: " + ime.getMessage();
                break;
            }
            if (t instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                detail = iae.getMessage();
            }
        }
        if (ex.getCause() == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
            detail = "request body is missing";
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, detail, field == null || field.isEmpty() ? null : field));
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static URI type(String name) {
        return URI.create("https://dicas.example/problems/" + name);
    }
}
