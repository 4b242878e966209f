package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.security.DicasPrincipal;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What {@link TokenHolders} keeps, and when it reads again (without a database: the reads are counted). */
class TokenHoldersTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Optional<TokenHolders.Read> holder(Instant expires) {
        reads.incrementAndGet();
        DicasUser user = new DicasUser(7, "jp.kept", "Kept", NationCode.of("JPN"), 1, "ATLA",
                OrganizationKind.GOVERNMENT, AccessLevel.CUI, Set.of(), Set.of(), Optional.empty(), null);
        return Optional.of(new TokenHolders.Read(new DicasPrincipal(user, "hash", true), expires));
    }

    @Test
    void aHolderIsReadOnceWhileTheNodeListens() {
        TokenHolders holders = new TokenHolders(null, Duration.ofSeconds(30));
        holders.assumeListening();
        Instant later = Instant.now().plusSeconds(3600);
        for (int i = 0; i < 3; i++) {
            assertThat(holders.holderOf("h", h -> holder(later))).isPresent();
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhileTheNodeDoesNotListenOrWhenKeepingIsOff() {
        TokenHolders deaf = new TokenHolders(null, Duration.ofSeconds(30));
        TokenHolders off = new TokenHolders(null, Duration.ZERO);
        off.assumeListening();
        Instant later = Instant.now().plusSeconds(3600);
        for (int i = 0; i < 2; i++) {
            deaf.holderOf("h", h -> holder(later));
            off.holderOf("h", h -> holder(later));
        }
        assertThat(reads).hasValue(4);
    }

    @Test
    void aReadThatBeganBeforeAForgettingIsNotUsedAfterIt() {
        TokenHolders holders = new TokenHolders(null, Duration.ofSeconds(30));
        holders.assumeListening();
        Instant later = Instant.now().plusSeconds(3600);
        // a change is notified while the read is on its way: what it read may be from before the change
        holders.holderOf("h", h -> {
            Optional<TokenHolders.Read> read = holder(later);
            holders.forgetAll();
            return read;
        });
        holders.holderOf("h", h -> holder(later));
        assertThat(reads).as("read again after the forgetting").hasValue(2);
        holders.holderOf("h", h -> holder(later));
        assertThat(reads).as("kept once read after it").hasValue(2);
    }

    @Test
    void aChangeInATransactionIsForgottenAgainAtItsEnd() {
        TokenHolders holders = new TokenHolders(null, Duration.ofSeconds(30));
        holders.assumeListening();
        Instant later = Instant.now().plusSeconds(3600);
        holders.holderOf("h", h -> holder(later));
        TransactionSynchronizationManager.initSynchronization();
        try {
            holders.forgetAfterCommit();
            // another request reads before the commit: it sees the rows as they were
            holders.holderOf("h", h -> holder(later));
            assertThat(reads).hasValue(2);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        holders.holderOf("h", h -> holder(later));
        assertThat(reads).as("what was read before the commit is not used after it").hasValue(3);
    }

    @Test
    void aHolderIsNotKeptPastItsTokensExpiry() {
        TokenHolders holders = new TokenHolders(null, Duration.ofSeconds(30));
        holders.assumeListening();
        Instant past = Instant.now().minusMillis(1);
        holders.holderOf("h", h -> holder(past));
        holders.holderOf("h", h -> holder(past));
        assertThat(reads).hasValue(2);
    }
}
