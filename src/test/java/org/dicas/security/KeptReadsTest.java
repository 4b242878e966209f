package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dicas.security.internal.DatabaseChanges;
import org.dicas.shared.Marking;
import org.dicas.shared.ListColumns;
import org.dicas.shared.NationCode;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
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

    @Test
    void aPageIsKeptForTheValuesOfThePolicyItWasReadUnderAndNoOther() {
        KeptReads kept = hearing();
        Map<String, Object> jpn = Map.of("rp_nation", "JPN", "rp_level", (short) 2, "rp_today", LocalDate.of(2026, 12, 5));
        Map<String, Object> aus = Map.of("rp_nation", "AUS", "rp_level", (short) 2, "rp_today", LocalDate.of(2026, 12, 5));
        Map<String, Object> tomorrow = Map.of("rp_nation", "JPN", "rp_level", (short) 2,
                "rp_today", LocalDate.of(2026, 12, 6));
        String sql = "select … where {readable:r} order by r.updated_at desc, d.id desc";
        for (Map<String, Object> policy : List.of(jpn, jpn, aus, aus, tomorrow, new HashMap<>(jpn))) {
            kept.page(new KeptReads.PageKey(sql, policy, Map.of(), 0, 50), this::page, item -> 100);
        }
        assertThat(reads).as("one read for JPN, one for AUS, one for JPN tomorrow").hasValue(3);
        kept.page(new KeptReads.PageKey(sql, jpn, Map.of(), 50, 50), this::page, item -> 100);
        kept.page(new KeptReads.PageKey(sql, jpn, Map.of("tableFilter", "%ship%"), 0, 50), this::page, item -> 100);
        assertThat(reads).as("another page, another filter: read again").hasValue(5);
        kept.forgetAll();
        kept.page(new KeptReads.PageKey(sql, jpn, Map.of(), 0, 50), this::page, item -> 100);
        assertThat(reads).as("read again after a forgetting").hasValue(6);
    }

    private Page<String> page() {
        reads.incrementAndGet();
        return new Page<>(List.of("a", "b"), new Paging(1, 50), 2);
    }

    @Test
    void aKeptReadReadsOnlyTablesWhoseChangesNotify() {
        ReadableRecords readable = new ReadableRecords(null, new ReleasabilityPolicy(java.time.Clock.systemUTC()));
        ListColumns columns = ListColumns.orderedBy("id", "d.id", false, "d.id");
        for (String sql : List.of(
                "select d.id from document d join record r on r.id = d.id join requirement q on q.id = d.id where {readable:r}",
                "select d.id from document d, meeting m join record r on r.id = d.id where {readable:r}",
                "select d.id from document d join record r on r.id = d.id where {readable:r}"
                        + " and exists (select 1 from decision x where x.id = d.id)",
                "select d.id from document d, record r, meeting m where r.id = d.id and {readable:r}",
                "select d.id from document d join record r on r.id = d.id, meeting m where {readable:r}",
                "select d.id from (select * from document) d, meeting m join record r on r.id = d.id where {readable:r}",
                "select d.id from document d join record r on r.id = d.id join \"meeting\" m on true where {readable:r}",
                "select d.id from document d join record r on r.id = d.id join/**/meeting m on true where {readable:r}",
                "select d.id from document d join record r on r.id = d.id join public.meeting m on true where {readable:r}",
                "select d.id from document d join record r on r.id = d.id join lateral (select 1) m on true where {readable:r}",
                "select d.id from (meeting m join document d on true) join record r on r.id = d.id where {readable:r}",
                "select d.id from document d join (meeting m join record r on true) on r.id = d.id where {readable:r}",
                "select d.id from document d join record r on r.id = d.id and r.kind = 'order', meeting m where {readable:r}",
                "select d.id from document d join record r on r.id = d.offset, meeting m where {readable:r}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> readable.keptPage(null, sql, columns, Map.of(),
                            new Paging(1, 50), TableView.NONE, (rs, n) -> 1, v -> 1))
                    .as(sql).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a kept read");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> readable.one(null, sql + " and r.id = :id", 1,
                            (rs, n) -> 1, v -> 1))
                    .as(sql).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a kept read");
        }
        // the document list's own query, and one with a subquery and an IN list: accepted
        for (String sql : List.of("select d.id, r.marking, d.title, u.display_name, r.created_at\n"
                        + "from document d join record r on r.id = d.id join app_user u on u.id = d.author_id\n"
                        + "where r.kind = 'DOCUMENT' and {readable:r}",
                "select d.id, (select count(*) from record_authorization ra where ra.record_id = r.id) from document d"
                        + " join record r on r.id = d.id where {readable:r} and d.id in (1, 2, 3) order by d.id, r.id",
                "select d.id from document d join record r on r.id = d.id and d.title <> ',' where {readable:r}",
                "select q.id from (select d.id from document d join record r on r.id = d.id where {readable:r}) q")) {
            ReadableRecords.heardOnly(sql);
        }
    }
}
