package org.dicas.security.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notice and consent shown before sign-in (issue 15, point 8), in the style of the DoD Notice and Consent Banner
 * and its Japanese counterpart. On unless turned off; its text is the message keys {@code login.notice.*} (a short
 * notice in English and Japanese) unless an operator gives their own, per language, paragraphs separated by blank
 * lines:
 * <pre>
 * dicas.sign-in-notice.title.en=U.S. Government (USG) Information System (IS)
 * dicas.sign-in-notice.text.en=You are accessing a U.S. Government (USG) Information System (IS) ...
 * dicas.sign-in-notice.title.ja=利用上の注意
 * dicas.sign-in-notice.text.ja=...
 * </pre>
 * A language without its own text shows the configured English one, then the default.
 */
@ConfigurationProperties("dicas.sign-in-notice")
record SignInNoticeProperties(@DefaultValue("true") boolean enabled, Map<String, String> title,
                              Map<String, String> text) {

    SignInNoticeProperties {
        title = title == null ? Map.of() : Map.copyOf(title);
        text = text == null ? Map.of() : Map.copyOf(text);
    }
}
