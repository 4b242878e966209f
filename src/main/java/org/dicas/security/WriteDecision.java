package org.dicas.security;

import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;

/**
 * The answer of a named write rule: allowed, or rejected with a reason. Services enforce it ({@link #orThrow()}, a
 * 403 naming the reason); pages only ask it ({@link #allowed()}) to decide which buttons to show. The reason has a
 * stable {@code code} (a message key, so pages and the API say it in the reader's language) and {@code reason}, its
 * English rendering for the log.
 */
public record WriteDecision(boolean allowed, String code, String reason) {

    private static final WriteDecision ALLOWED = new WriteDecision(true, "", "");

    public static WriteDecision allow() {
        return ALLOWED;
    }

    /**
     * Rejected by the rule {@code code}, a message key: the key is the only text (the reason is rendered from the
     * bundles, in English for the log and in the reader's language on pages and in the API).
     */
    public static WriteDecision reject(String code) {
        if (code == null || code.isBlank() || !Sentences.exists(code)) {
            throw new IllegalArgumentException("a rejection names its reason by a message key: " + code);
        }
        return new WriteDecision(false, code, Sentence.of(code).english());
    }

    /** @deprecated the English reason beside the key; use {@link #reject(String)} (issue 14). */
    @Deprecated
    public static WriteDecision reject(String code, String reason) {
        if (code == null || code.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection names its reason");
        }
        return new WriteDecision(false, code, reason);
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

    /** Why it was rejected, for rendering in the reader's language (the rule's key). */
    public Sentence sentence() {
        return Sentence.of(code);
    }

    /** Throws 403 with the reason when rejected. */
    public void orThrow() {
        if (!allowed) {
            throw new WriteRuleRejected(code, reason);
        }
    }
}
