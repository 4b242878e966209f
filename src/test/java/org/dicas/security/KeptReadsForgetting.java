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

    /**
     * Waits until the node has not forgotten for 300 ms (at most 10 s): the notices of the changes a test just made,
     * which reach the node's listener a moment after their commit, have arrived, so that what the test reads next is
     * kept for the reads after it.
     */
    public static void settle(ApplicationContext node) {
        KeptReads kept = node.getBean(KeptReads.class);
        long limit = System.nanoTime() + 10_000_000_000L;
        long seen = kept.generation();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 300_000_000L && System.nanoTime() < limit) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = kept.generation();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** Whether the node keeps record rows now (outside a transaction). */
    public static boolean keeping(ApplicationContext node) {
        return node.getBean(KeptReads.class).keeping();
    }
}
