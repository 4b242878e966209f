package org.dicas.attachments;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;

/**
 * Who may attach and remove files, in one place. {@link Attachments} enforces these rules
 * ({@link WriteDecision#orThrow()}: 403 naming the reason); pages only ask them which forms and buttons to show.
 * Whether the parent is there at all is not a permission: a parent the user may not read is missing (404).
 */
public final class AttachmentWriteRules {

    /** Only the one who attached a file, or the owner of the record it is attached to, removes it. */
    public static final String AUTHOR_OR_OWNER_ONLY = "rule.attachments.authorOrOwnerOnly";

    private AttachmentWriteRules() {
    }

    /**
     * Whoever may read a record attaches files to it (as anyone who reads a thread may reply): the file's own marking,
     * checked against the parent's and the author's clearance, decides who reads it.
     */
    public static WriteDecision attach(DicasUser user) {
        return WriteDecision.allow();
    }

    /** The one who attached the file, or the one who created the record it is attached to, removes it. */
    public static WriteDecision remove(DicasUser user, long authorId, Long parentOwnerId) {
        return user.id() == authorId || parentOwnerId != null && user.id() == parentOwnerId ? WriteDecision.allow()
                : WriteDecision.reject(AUTHOR_OR_OWNER_ONLY);
    }
}
