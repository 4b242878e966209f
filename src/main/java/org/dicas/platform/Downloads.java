package org.dicas.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.http.ContentDisposition;

/**
 * The name a download is saved under (RFC 6266): {@code filename} in English, for clients that know only that, and
 * {@code filename*} (UTF-8, percent-encoded) in the reader's language, so that a Japanese reader saves 監査ログ.csv.
 * The name is a message key in both bundles, e.g. {@code audit.csv.filename}.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The {@code Content-Disposition} of an attachment named by {@code filenameKey} and its arguments. */
    public static String attachment(String filenameKey, Locale locale, Object... args) {
        String english = Sentences.render(Sentence.of(filenameKey, args), Locale.ENGLISH);
        String own = Sentences.render(Sentence.of(filenameKey, args), locale);
        return ContentDisposition.attachment().filename(english).build() + "; "
                + ContentDisposition.attachment().filename(own, StandardCharsets.UTF_8).build().toString()
                .substring("attachment; ".length());
    }
}
