package org.dicas.security.internal;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Waits until a node keeps API token holders: it listens for credential changes and has confirmed so (ADR 0046). */
public final class TokenHoldersKeeping {

    private TokenHoldersKeeping() {
    }

    public static void await(ApplicationContext node) {
        TokenHolders holders = node.getBean(TokenHolders.class);
        long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!holders.keeping()) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("the node does not keep token holders after 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
