package org.dicas.security;

import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;

/**
 * The answer of a named write rule: allowed, or rejected with a reason. Services enforce it ({@link #orThrow()}, a
 * 403 naming the reason); pages only ask it ({@link #allowed()}) to decide which buttons to show. The reason is a
 * {@link Sentence} whose key is the rule's stable {@link #code()}, so pages and the API say it in the reader's
 * language; {@link #reason()} is its English rendering for the log.
 */
public record WriteDecision(boolean allowed, Sentence why) {

    private static final WriteDecision ALLOWED = new WriteDecision(true, null);

    public static WriteDecision allow() {
        return ALLOWED;
    }

    /**
     * Rejected by the rule {@code code}, a message key, with the arguments its sentence names (a nation, say): the
     * key is the only text, rendered from the bundles in English for the log and in the reader's language on pages
     * and in the API.
     */
    public static WriteDecision reject(String code, Object... args) {
        if (code == null || code.isBlank() || !Sentences.exists(code)) {
            throw new IllegalArgumentException("a rejection names its reason by a message key: " + code);
        }
        return new WriteDecision(false, Sentence.of(code, args));
    }

    /** The first rejection of several rules, or allowed when all allow. */
    public static WriteDecision all(WriteDecision... decisions) {
        for (WriteDecision d : decisions) {
            if (!d.allowed()) {
                return d;
            }
        }
        return ALLOWED;
    }

    /** The rule that rejected (its message key), or "" when allowed. */
    public String code() {
        return allowed ? "" : why.key();
    }

    /** Why it was rejected, in English for the log, or "" when allowed. */
    public String reason() {
        return allowed ? "" : why.english();
    }

    /** Why it was rejected, for rendering in the reader's language. */
    public Sentence sentence() {
        return why;
    }

    /** Throws 403 with the reason when rejected. */
    public void orThrow() {
        if (!allowed) {
            throw new WriteRuleRejected(why);
        }
    }
}
