package org.dicas.security;

/**
 * The answer of a named write rule: allowed, or rejected with a reason. Services enforce it ({@link #orThrow()}, a
 * 403 naming the reason); pages only ask it ({@link #allowed()}) to decide which buttons to show. The reason has a
 * stable {@code code} (a message key, so pages can say it in the reader's language) and an English {@code reason}
 * for the API and the log.
 */
public record WriteDecision(boolean allowed, String code, String reason) {

    private static final WriteDecision ALLOWED = new WriteDecision(true, "", "");

    public static WriteDecision allow() {
        return ALLOWED;
    }

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

    /** Throws 403 with the reason when rejected. */
    public void orThrow() {
        if (!allowed) {
            throw new WriteRuleRejected(code, reason);
        }
    }
}
