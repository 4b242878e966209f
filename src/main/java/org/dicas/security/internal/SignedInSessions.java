package org.dicas.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The web sessions of a user, kept in PostgreSQL by Spring Session (so on every node at once), found by the signed-in
 * username (Spring Session's principal-name index). Absent when the platform serves no HTTP (command-line runs).
 */
@Component
class SignedInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of {@code username} on every node; answers how many there were. */
    int endAll(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var ids = repository.findByPrincipalName(username).keySet();
        ids.forEach(repository::deleteById);
        if (!ids.isEmpty()) {
            log.info("Ended {} web session(s) of {}", ids.size(), username);
        }
        return ids.size();
    }

    /**
     * Ends every session of {@code username} once the current transaction has committed (at once without one): from
     * then on a new sign-in sees the committed change (e.g. the account disabled), and every session from before is
     * gone.
     */
    void endAllAfterCommit(String username) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            endAll(username);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                endAll(username);
            }
        });
    }
}
