package org.dicas.notifications;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a text mentions: {@code @username}, where the {@code @} does not follow a letter, digit or dot (so an
 * e-mail address {@code a.b@example.org} mentions no one) and the name ends before a closing dot, comma or any
 * character a username does not have ({@code @us.acq.} mentions {@code us.acq}).
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@/-])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private Mentions() {
    }

    /** The usernames mentioned in {@code text}, in the order first mentioned; none for null. */
    static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[._-]+$", "");
            if (name.length() >= 2) {
                names.add(name);
            }
        }
        return names;
    }
}
