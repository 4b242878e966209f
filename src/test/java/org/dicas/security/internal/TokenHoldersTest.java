package org.dicas.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    private static final Duration HOUR = Duration.ofHours(1);

    private final AtomicInteger reads = new AtomicInteger();
    /** The holders' clock, moved by the tests. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private TokenHolders holders(Duration keep) {
        return new TokenHolders(new DatabaseChanges(null, now::get), keep, now::get, new SimpleMeterRegistry());
    }

    private TokenHolders listening() {
        TokenHolders holders = holders(Duration.ofSeconds(30));
        holders.assumeListening();
        return holders;
    }

    private Optional<TokenHolders.Read> holder(Duration validFor) {
        reads.incrementAndGet();
        DicasUser user = new DicasUser(7, "jp.kept", "Kept", NationCode.of("JPN"), 1, "ATLA",
                OrganizationKind.GOVERNMENT, AccessLevel.CUI, Set.of(), Set.of(), Optional.empty(), null);
        return Optional.of(new TokenHolders.Read(new DicasPrincipal(user, "hash", true), validFor));
    }

    @Test
    void aHolderIsReadOnceWhileTheNodeListensAndKeptWithoutItsPasswordHash() {
        TokenHolders holders = listening();
        assertThat(holders.holderOf("h", h -> holder(HOUR))).isPresent();
        for (int i = 0; i < 2; i++) {
            assertThat(holders.holderOf("h", h -> holder(HOUR))).get()
                    .satisfies(p -> assertThat(p.getPassword()).isNull());
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhileTheNodeDoesNotListenOrWhenKeepingIsOff() {
        TokenHolders deaf = holders(Duration.ofSeconds(30));
        TokenHolders off = holders(Duration.ZERO);
        off.assumeListening();
        for (int i = 0; i < 2; i++) {
            deaf.holderOf("h", h -> holder(HOUR));
            off.holderOf("h", h -> holder(HOUR));
        }
        assertThat(reads).hasValue(4);
    }

    @Test
    void nothingIsKeptOnceTheListeningConnectionHasNotConfirmedItselfForLong() {
        TokenHolders holders = listening();
        holders.holderOf("h", h -> holder(HOUR));
        now.addAndGet(TokenHolders.CONFIRMED_WITHIN.toNanos() - 1);
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).as("kept while confirmed").hasValue(1);
        // a connection that died without a word makes no round trip: after the bound, nothing kept is used
        now.addAndGet(2);
        holders.holderOf("h", h -> holder(HOUR));
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReadThatBeganBeforeAForgettingIsNotUsedAfterIt() {
        TokenHolders holders = listening();
        // a change is notified while the read is on its way: what it read may be from before the change
        holders.holderOf("h", h -> {
            Optional<TokenHolders.Read> read = holder(HOUR);
            holders.forgetAll();
            return read;
        });
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).as("read again after the forgetting").hasValue(2);
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).as("kept once read after it").hasValue(2);
    }

    @Test
    void aChangeInATransactionIsForgottenAgainAtItsEnd() {
        TokenHolders holders = listening();
        holders.holderOf("h", h -> holder(HOUR));
        TransactionSynchronizationManager.initSynchronization();
        try {
            holders.forgetAfterCommit();
            // another request reads before the commit: it sees the rows as they were
            holders.holderOf("h", h -> holder(HOUR));
            assertThat(reads).hasValue(2);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).as("what was read before the commit is not used after it").hasValue(3);
    }

    @Test
    void aChangeOutsideATransactionIsRefusedAsAProgrammingError() {
        assertThatThrownBy(() -> listening().forgetAfterCommit()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void aHolderIsNotKeptPastItsTokensExpiry() {
        TokenHolders holders = listening();
        holders.holderOf("h", h -> holder(Duration.ofSeconds(2)));
        now.addAndGet(Duration.ofSeconds(2).toNanos() - 1);
        holders.holderOf("h", h -> holder(Duration.ofSeconds(2)));
        assertThat(reads).hasValue(1);
        now.addAndGet(1);
        holders.holderOf("h", h -> holder(Duration.ofSeconds(2)));
        assertThat(reads).as("the token's validity has run out").hasValue(2);
    }

    @Test
    void aHolderIsNotKeptLongerThanTheKeepingTime() {
        TokenHolders holders = listening();
        holders.holderOf("h", h -> holder(HOUR));
        // the connection confirms itself meanwhile
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        holders.assumeListening();
        holders.holderOf("h", h -> holder(HOUR));
        assertThat(reads).hasValue(2);
    }
}
