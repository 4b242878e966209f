package org.dicas.security;

import org.springframework.security.access.AccessDeniedException;

/** A named write rule said no: 403, with the rule's code (a message key) so pages can give the reason in the reader's language. */
public class WriteRuleRejected extends AccessDeniedException implements org.dicas.shared.Explained {

    private final String code;

    public WriteRuleRejected(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The rule's reason in the reader's language: the code is its message key. */
    @Override
    public org.dicas.shared.Sentence sentence() {
        return org.dicas.shared.Sentences.exists(code) ? org.dicas.shared.Sentence.of(code)
                : org.dicas.shared.Sentence.of("problem.forbidden.detail");
    }
}
