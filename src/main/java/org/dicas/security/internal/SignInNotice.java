package org.dicas.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.stereotype.Component;

/**
 * The notice and consent a person accepts before they may sign in (issue 15, point 8): its text in the reader's
 * language ({@link SignInNoticeProperties}, or the message keys {@code login.notice.*}), and the acceptance kept in
 * the web session until sign-in, where {@link SignInAudit} writes it into the audit log under the person's name. The
 * acceptance names the exact text accepted by its digest, so that the audit log shows which notice a person agreed to
 * even after an operator changes it. A session ends at sign-out: every sign-in needs its own acceptance.
 */
@Component
class SignInNotice {

    /** The session attribute holding the {@link Acceptance}. */
    static final String SESSION_ATTRIBUTE = SignInNotice.class.getName() + ".ACCEPTED";

    /** The notice as shown: a title and its paragraphs, and the digest of both (the version a person accepts). */
    record Text(String title, List<String> paragraphs, String digest) {
    }

    /** That a person accepted the notice of this digest, in this language, at this moment (before signing in). */
    record Acceptance(String digest, String language, Instant at) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private static final List<String> DEFAULT_PARAGRAPHS = List.of("login.notice.p1", "login.notice.p2",
            "login.notice.p3", "login.notice.p4");

    private final SignInNoticeProperties properties;

    SignInNotice(SignInNoticeProperties properties) {
        this.properties = properties;
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** The notice in {@code locale}'s language: the operator's text when configured, else the message keys. */
    Text text(Locale locale) {
        String language = "ja".equals(locale.getLanguage()) ? "ja" : "en";
        String title = Optional.ofNullable(properties.title().get(language)).or(() -> Optional.ofNullable(properties.title().get("en")))
                .filter(t -> !t.isBlank()).orElseGet(() -> Sentences.render(Sentence.of("login.notice.title"), locale));
        List<String> paragraphs = new ArrayList<>();
        Optional<String> configured = Optional.ofNullable(properties.text().get(language))
                .or(() -> Optional.ofNullable(properties.text().get("en"))).filter(t -> !t.isBlank());
        if (configured.isPresent()) {
            for (String p : configured.get().strip().split("\\R\\s*\\R")) {
                paragraphs.add(p.strip());
            }
        } else {
            DEFAULT_PARAGRAPHS.forEach(k -> paragraphs.add(Sentences.render(Sentence.of(k), locale)));
        }
        return new Text(title, List.copyOf(paragraphs), digest(title, paragraphs));
    }

    /** Whether this request's session holds an acceptance (always true when the notice is turned off). */
    boolean accepted(HttpServletRequest request) {
        return !enabled() || acceptance(request).isPresent();
    }

    Optional<Acceptance> acceptance(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Acceptance a
                ? Optional.of(a) : Optional.empty();
    }

    /** Records in the session that the notice shown in {@code locale} was accepted now. */
    void accept(HttpServletRequest request, Locale locale) {
        Text text = text(locale);
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE,
                new Acceptance(text.digest(), "ja".equals(locale.getLanguage()) ? "ja" : "en", Instant.now()));
    }

    private static String digest(String title, List<String> paragraphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            for (String p : paragraphs) {
                sha.update((byte) 0);
                sha.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
