package org.dicas.security;

import org.dicas.shared.Explained;
import org.dicas.shared.Sentence;
import org.springframework.security.access.AccessDeniedException;

/**
 * A named write rule said no: 403, with the rule's reason as a sentence (its key is the rule's code) so pages and the
 * API give it in the reader's language.
 */
public class WriteRuleRejected extends AccessDeniedException implements Explained {

    private final Sentence why;

    public WriteRuleRejected(Sentence why) {
        super(why.english());
        this.why = why;
    }

    /** The rule that rejected: the key of its sentence. */
    public String code() {
        return why.key();
    }

    @Override
    public Sentence sentence() {
        return why;
    }
}
