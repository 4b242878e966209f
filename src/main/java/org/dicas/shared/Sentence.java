package org.dicas.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sentence the system writes, held as a message key and its arguments rather than as text, so that it is rendered
 * in the reader's language when it is shown ({@link Sentences#render}). Arguments may themselves be sentences (a
 * nation's label, a status's label), lists (joined in the reader's language) or plain values; text typed by people
 * (titles, names, ids) passes through unchanged.
 *
 * <p>Every key lives in both {@code messages} bundles; {@code SentenceKeysTest} fails on a key that does not.
 */
public record Sentence(String key, List<Object> args) {

    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    public Sentence {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a message key: '" + key + "'");
        }
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Sentence of(String key, Object... args) {
        return new Sentence(key, args == null ? List.of() : Arrays.asList(args));
    }

    /** The label of a code (an enum value, a nation, a status): the key {@code prefix + "." + code}. */
    public static Sentence label(String prefix, Object code) {
        return of(prefix + "." + code);
    }

    /** A nation's name in the reader's language (米国, 日本 …): {@code nation.USA}. */
    public static Sentence nation(Object code) {
        return label("nation", code);
    }

    /** In English, for logs and the command line. */
    public String english() {
        return Sentences.render(this, java.util.Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
