package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Explained;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    /** Spring's message-code prefix for the detail of its own exceptions, kept in our bundles in both languages. */
    private static final String SPRING_DETAIL = "problemDetail.";

    /**
     * Writes a problem response outside MVC (filters, the sign-in entry point), in the language the request asks for
     * ({@link RequestLanguage#of}): the title names the status, {@code detail} says what is wrong, {@code messageKey}
     * names it for programs.
     */
    public static void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, Sentence detail)
            throws IOException {
        Locale locale = RequestLanguage.of(req);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title(status, locale)) + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + json(Sentences.render(detail, locale))
                + "\",\"messageKey\":\"" + json(detail.key()) + "\"}");
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The title of a status in the reader's language ({@code problem.title.<status>}), or its English phrase. */
    static String title(HttpStatusCode status, Locale locale) {
        String key = "problem.title." + status.value();
        if (Sentences.exists(key)) {
            return Sentences.render(Sentence.of(key), locale);
        }
        return Sentences.render(Sentence.of(status.is5xxServerError() ? "problem.title.500" : "problem.title.400"),
                locale);
    }

    static ProblemDetail problem(HttpStatus status, Sentence detail, String field, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, Sentences.render(detail, locale));
        p.setTitle(title(status, locale));
        p.setProperty("messageKey", detail.key());
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, Locale locale) {
        return problemResponse(problem(HttpStatus.NOT_FOUND, e.sentence(), null, locale));
    }

    /**
     * A broken business rule: {@code detail} says what is wrong in the caller's language, {@code field} names the
     * field as a code, and {@code messageKey} names the rule for programs that want to react to it.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, Locale locale) {
        return problemResponse(withKey(titled(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.describe(locale)), locale), e.field(), e.sentence()));
    }

    /** Input over its size limit (an attachment over {@code dicas.attachments.max-size}): 413, naming the limit. */
    @ExceptionHandler(org.dicas.shared.ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(org.dicas.shared.ContentTooLargeException e, Locale locale) {
        return problemResponse(withKey(titled(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                e.describe(locale)), locale), e.field(), e.sentence()));
    }

    /** A twin of a record the caller may read: 409, naming it ({@code existingId}). */
    @ExceptionHandler(org.dicas.shared.AlreadyExistsException.class)
    ResponseEntity<ProblemDetail> alreadyExists(org.dicas.shared.AlreadyExistsException e, Locale locale) {
        ProblemDetail p = withKey(titled(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.describe(locale)),
                locale), e.field(), e.sentence());
        p.setProperty("existingId", e.existingId());
        return problemResponse(p);
    }

    @ExceptionHandler(InvalidMarkingException.class)
    ResponseEntity<ProblemDetail> invalidMarking(InvalidMarkingException e, Locale locale) {
        return problemResponse(withKey(titled(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.describe(locale)), locale), "marking", e.sentence()));
    }

    private static ProblemDetail titled(ProblemDetail p, Locale locale) {
        p.setTitle(title(HttpStatusCode.valueOf(p.getStatus()), locale));
        return p;
    }

    private static ProblemDetail withKey(ProblemDetail p, String field, Sentence sentence) {
        if (field != null) {
            p.setProperty("field", field);
        }
        if (sentence != null) {
            p.setProperty("messageKey", sentence.key());
        }
        return p;
    }

    @ExceptionHandler(org.dicas.shared.StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(org.dicas.shared.StaleVersionException e, Locale locale) {
        ProblemDetail p = problem(HttpStatus.PRECONDITION_FAILED, e.sentence(), null, locale);
        p.setTitle(Sentences.render(Sentence.of("error.stale.title"), locale));
        p.setType(type("stale-version"));
        p.setProperty("recordId", e.id());
        p.setProperty("yourVersion", e.expected());
        p.setProperty("currentVersion", e.current());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(org.dicas.shared.ExpectedVersion.entityTag(e.current())).body(p);
    }

    @ExceptionHandler(org.dicas.shared.VersionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(org.dicas.shared.VersionRequiredException e, Locale locale) {
        ProblemDetail p = problem(HttpStatus.PRECONDITION_REQUIRED, e.sentence(), "If-Match", locale);
        p.setTitle(Sentences.render(Sentence.of("problem.versionRequired.title"), locale));
        p.setType(type("version-required"));
        return problemResponse(p);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e, Locale locale) {
        if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
            throw e; // a fault of ours, not of the caller's credentials: let it surface as 500 and in the log
        }
        return problemResponse(problem(HttpStatus.UNAUTHORIZED, Sentence.of("problem.unauthorized.detail"), null,
                locale));
    }

    /** A write rule said no: its reason (the rule's message key) in the caller's language. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(org.springframework.security.access.AccessDeniedException e,
                                            Locale locale) {
        Sentence why = e instanceof Explained x ? x.sentence() : Sentence.of("problem.forbidden.detail");
        return problemResponse(problem(HttpStatus.FORBIDDEN, why, null, locale));
    }

    /** The database cannot be reached (pool timed out, connection refused or lost): 503, the client may retry. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e, Locale locale) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL, null, locale);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5").body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        InvalidInputException refused = InvalidInputException.of(e.getName(), "problem.notAValidValue",
                String.valueOf(e.getValue()));
        return invalid(refused, locale);
    }

    /**
     * A fault of ours (a bug, an exception no rule turns into bad input): 500, logged with its stack, and told to the
     * caller in their language; never the library's or the server's English text. Exceptions that carry their own
     * status ({@code @ResponseStatus}) and a client that went away are passed on.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> fault(Exception e, Locale locale) throws Exception {
        if (e instanceof IOException || AnnotatedElementUtils.hasAnnotation(e.getClass(),
                org.springframework.web.bind.annotation.ResponseStatus.class)) {
            throw e;
        }
        LOG.error("API request failed", e);
        return problemResponse(problem(HttpStatus.INTERNAL_SERVER_ERROR, Sentence.of("problem.internal"), null,
                locale));
    }

    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * Every problem Spring MVC itself answers (405, 415, a missing parameter …): its detail comes from the bundles'
     * {@code problemDetail.<exception>} keys (Spring's own message-code support, in the request's language); here
     * the title is put in that language too.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p) {
            Locale locale = LocaleContextHolder.getLocale();
            HttpStatus known = HttpStatus.resolve(p.getStatus());
            if (p.getTitle() == null || known != null && known.getReasonPhrase().equals(p.getTitle())) {
                titled(p, locale);
            }
            if (body == null && !Sentences.exists(SPRING_DETAIL + ex.getClass().getName())) {
                // Spring's own English detail: logged for us, a sentence in the caller's language for them
                LOG.info("API request refused: {}", p.getDetail());
                p.setDetail(Sentences.render(Sentence.of(HttpStatus.valueOf(p.getStatus()).is5xxServerError()
                        ? "problem.internal" : "problem.refused"), locale));
            }
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        List<String> lines = errors.entrySet().stream()
                .map(e -> Sentences.render(Sentence.of("sentence.fieldProblem",
                        Sentences.fieldLabel(e.getKey(), locale), e.getValue()), locale))
                .toList();
        ProblemDetail p = titled(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, joined(lines, locale)),
                locale);
        errors.keySet().stream().findFirst().ifPresent(f -> p.setProperty("field", f));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = ex.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(titled(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, joined(lines, locale)), locale));
    }

    /** Several problems as one detail, separated as the language separates sentences. */
    private static String joined(List<String> lines, Locale locale) {
        return String.join(Sentences.render(Sentence.of("sentence.separator"), locale), lines);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        if (request.getAttribute(RequestLimits.BODY_FAILURE, WebRequest.SCOPE_REQUEST) instanceof HttpStatus cut) {
            ProblemDetail p = problem(cut, cut == HttpStatus.CONTENT_TOO_LARGE ? Sentence.of("problem.body.tooLarge")
                    : Sentence.of("problem.body.tooSlow"), null, locale);
            return ResponseEntity.status(cut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidMarkingException ime) {
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(invalidMarking(ime, locale).getBody());
            }
        }
        String field = null;
        Sentence detail = Sentence.of("problem.body.notJson");
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je) {
                field = path(je.getPath());
                String original = je.getOriginalMessage();
                if (original != null && original.contains(NulCharacters.MESSAGE)) {
                    detail = Sentence.of("problem.body.nulCharacter");
                } else if (original != null && original.startsWith("Unrecognized property")) {
                    detail = Sentence.of("problem.body.unknownField");
                } else if (field != null && !field.isEmpty()) {
                    detail = Sentence.of("problem.body.wrongType");
                } else {
                    var where = je.getLocation();
                    detail = where == null || where.getLineNr() < 0 ? Sentence.of("problem.body.malformed")
                            : Sentence.of("problem.body.malformedAt", where.getLineNr(), where.getColumnNr());
                }
                break;
            }
        }
        if (ex.getCause() == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
            detail = Sentence.of("problem.body.missing");
        }
        boolean named = field != null && !field.isEmpty();
        ProblemDetail p = named ? problem(HttpStatus.BAD_REQUEST, detail, field, locale)
                : problem(HttpStatus.BAD_REQUEST, detail, null, locale);
        if (named) {
            p.setDetail(Sentences.fieldProblem(field, detail, locale));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
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
