package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dicas.security.internal.DatabaseChanges;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What {@link KeptReads} keeps, and when it reads again (without a database: the reads are counted). */
class KeptReadsTest {

    private static final KeptReads.Key KEY = new KeptReads.Key("select … {readable:r} … :id", 7);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    private final DatabaseChanges changes = new DatabaseChanges(null, now::get);

    private KeptReads kept(Duration keep, long maxWeight) {
        return new KeptReads(changes, keep, maxWeight, now::get, new SimpleMeterRegistry());
    }

    private KeptReads hearing() {
        KeptReads kept = kept(Duration.ofSeconds(30), 1_000_000);
        changes.assumeHearing();
        return kept;
    }

    private Optional<KeptReads.Row> row(int weight) {
        reads.incrementAndGet();
        return Optional.of(new KeptReads.Row("document", new RecordMarking(Marking.parse("CUI"), NationCode.of("USA"),
                Optional.empty()), weight));
    }

    @Test
    void aReadByIdNamesItsRecordWithExactlyOneReadableToken() {
        ReadableRecords readable = new ReadableRecords(null, new ReleasabilityPolicy(java.time.Clock.systemUTC()));
        for (String sql : java.util.List.of(
                "select r.id from record r where {readableInContainer:r} and r.id = :id",
                "select r.id from record r where {everyRecord:r} and r.id = :id",
                "select r.id from record r where r.id = :id",
                "select r.id from record r join record p on p.id = r.id where {readable:r} and {readable:p} and r.id = :id",
                "select r.id from record r join record p on p.id = r.id where {readable:r} and r.id = :id")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> readable.one(null, sql, 1, (rs, n) -> 1, v -> 1))
                    .as(sql).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRowIsReadOnceAndKeptForTheNextReads() {
        KeptReads kept = hearing();
        for (int i = 0; i < 3; i++) {
            assertThat(kept.row(KEY, () -> row(100))).isPresent();
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhileTheNodeDoesNotHearNorWhenKeepingIsOff() {
        KeptReads deaf = kept(Duration.ofSeconds(30), 1_000_000);
        assertThat(deaf.keeping()).as("never confirmed").isFalse();
        changes.assumeHearing();
        assertThat(deaf.keeping()).isTrue();
        now.addAndGet(DatabaseChanges.CONFIRMED_WITHIN.toNanos());
        assertThat(deaf.keeping()).as("no round trip confirmed within %s", DatabaseChanges.CONFIRMED_WITHIN)
                .isFalse();
        changes.assumeHearing();
        assertThat(kept(Duration.ZERO, 1_000_000).keeping()).as("keeping time 0").isFalse();
    }

    @Test
    void nothingKeptIsUsedInsideATransaction() {
        KeptReads kept = hearing();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(kept.keeping()).as("a writer reads its own writes from the database").isFalse();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(kept.keeping()).isTrue();
    }

    @Test
    void aReadThatBeganBeforeAForgettingIsNotUsedAfterIt() {
        KeptReads kept = hearing();
        // a change is notified while the read is on its way: what it read may be from before the change
        kept.row(KEY, () -> {
            Optional<KeptReads.Row> read = row(100);
            kept.forgetAll();
            return read;
        });
        kept.row(KEY, () -> row(100));
        assertThat(reads).as("read again after the forgetting").hasValue(2);
        kept.row(KEY, () -> row(100));
        assertThat(reads).as("kept once read after it").hasValue(2);
    }

    @Test
    void aRecordChangedInATransactionIsForgottenAtOnceAndAgainAtItsEnd() {
        KeptReads kept = hearing();
        kept.row(KEY, () -> row(100));
        TransactionSynchronizationManager.initSynchronization();
        try {
            kept.on(new RecordChanged(KEY.id()));
            // another request reads before the commit: it sees the rows as they were
            kept.row(KEY, () -> row(100));
            assertThat(reads).hasValue(2);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        kept.row(KEY, () -> row(100));
        assertThat(reads).as("what was read before the commit is not used after it").hasValue(3);
    }

    @Test
    void aRowIsNotKeptLongerThanTheKeepingTime() {
        KeptReads kept = hearing();
        kept.row(KEY, () -> row(100));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        changes.assumeHearing();
        kept.row(KEY, () -> row(100));
        assertThat(reads).hasValue(2);
    }

    @Test
    void thatNoRowWasFoundIsKeptTooSoAMissingIdAnswersAsFastAsAHiddenOne() {
        KeptReads kept = hearing();
        for (int i = 0; i < 2; i++) {
            assertThat(kept.row(KEY, () -> {
                reads.incrementAndGet();
                return Optional.empty();
            })).isEmpty();
        }
        assertThat(reads).hasValue(1);
        kept.forgetAll(); // a record created at that id moves the policy epoch: every node forgets
        assertThat(kept.row(KEY, () -> row(100))).isPresent();
    }

    @Test
    void aTransactionThatChangesManyRecordsForgetsOnceAtItsEnd() {
        KeptReads kept = hearing();
        TransactionSynchronizationManager.initSynchronization();
        try {
            for (int i = 0; i < 100; i++) {
                kept.on(new RecordChanged(i));
            }
            assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationManager.unbindResourceIfPossible(kept);
        }
    }

    @Test
    void rowsHeavierThanTheBoundAllowAreNotAllKept() {
        KeptReads kept = kept(Duration.ofSeconds(30), 1_000);
        changes.assumeHearing();
        for (int i = 0; i < 5; i++) {
            long id = i;
            kept.row(new KeptReads.Key(KEY.sql(), id), () -> row(400));
        }
        reads.set(0);
        for (int i = 0; i < 5; i++) {
            long id = i;
            kept.row(new KeptReads.Key(KEY.sql(), id), () -> row(400));
        }
        assertThat(reads.get()).as("at most two rows of 400 fit in 1,000").isGreaterThanOrEqualTo(3);
    }
}
