package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The languages the platform speaks (English and Japanese) and how a request asks for one. The locale resolver of
 * the pages and the API builds on {@link #accepted}; responses written outside Spring MVC (filters, the sign-in entry
 * point) take {@link #of}: the caller's {@code Accept-Language}, then the language remembered in the session, then
 * English.
 */
public final class RequestLanguage {

    /** The languages of the two {@code messages} bundles. */
    public static final Set<String> LANGUAGES = Set.of("en", "ja");

    private RequestLanguage() {
    }

    /** The first language of an {@code Accept-Language} header that the platform speaks; empty when none is. */
    public static Optional<Locale> accepted(String header) {
        if (header != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String lang = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(lang)) {
                        return Optional.of(Locale.forLanguageTag(lang));
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // malformed header: as if none was sent
            }
        }
        return Optional.empty();
    }

    /** The language of a response written outside Spring MVC. */
    public static Locale of(HttpServletRequest request) {
        return accepted(request.getHeader("Accept-Language")).or(() -> remembered(request)).orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> remembered(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME) instanceof Locale l
                    && LANGUAGES.contains(l.getLanguage()) ? Optional.of(l) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
