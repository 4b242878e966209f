package org.dicas.security;

import org.springframework.context.ApplicationContext;

/** Lets a test of another package begin from nothing kept on a node (ADR 0049). */
public final class KeptReadsForgetting {

    private KeptReadsForgetting() {
    }

    /** Forgets every record row the node keeps. */
    public static void forgetAll(ApplicationContext node) {
        node.getBean(KeptReads.class).forgetAll();
    }

    /** Whether the node keeps record rows now (outside a transaction). */
    public static boolean keeping(ApplicationContext node) {
        return node.getBean(KeptReads.class).keeping();
    }
}
