package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.security.KeptReadsForgetting;
import org.dicas.security.internal.DatabaseChanges;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A document read by id is answered from the row kept from an earlier read (issue 11, ADR 0049) — asked of the policy
 * for each reader — and whatever changes the document or who may read it, through the platform or by hand in SQL,
 * reaches the next reads: the node forgets at once for its own changes, and when the database notifies it for any
 * change. Changes made by hand have no Java code to forget for them, so only the notification makes them seen; without
 * it they would stay unseen for the 30 s a row is kept, and these tests, which wait at most 5 s, would fail.
 */
@PlatformTest
class KeptDocumentReadsTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String USA_JPN = "UNCLASSIFIED//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;

    Http http;
    String us;
    String jp;

    @BeforeEach
    void keeping() throws InterruptedException {
        long limit = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!KeptReadsForgetting.keeping(context)) {
            assertThat(System.nanoTime()).as("the node keeps rows within 20 s").isLessThan(limit);
            Thread.sleep(20);
        }
        http = new Http(port);
        us = http.token("us.acq", "demo");
        jp = http.token("jp.atla", "demo");
    }

    private long document(String title, String marking) {
        var r = http.post("/api/v1/documents", us, Map.of("title", title, "body", "kept body", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private double kept() {
        return meters.get("dicas.security.kept.records").tag("answer", "kept").counter().count();
    }

    @Test
    void aMissingDocumentIsAnsweredLikeAHiddenOneFromWhatIsKept() {
        long id = document("Hidden from AUS", USA_JPN);
        String au = http.token("au.dod", "demo");
        long missing = id + 1_000_000;
        KeptReadsForgetting.settle(context);
        assertThat(http.get("/api/v1/documents/" + id, au).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/documents/" + missing, au).status()).isEqualTo(404);
        double before = kept();
        var hidden = http.get("/api/v1/documents/" + id, au);
        var absent = http.get("/api/v1/documents/" + missing, au);
        assertThat(kept() - before).as("both answered from what is kept, with no statement").isEqualTo(2);
        assertThat(hidden.status()).isEqualTo(absent.status());
        assertThat(hidden.json().get("title").asString()).isEqualTo(absent.json().get("title").asString());
    }

    @Test
    void aDocumentReadAgainIsAnsweredFromItsKeptRowAndAskedOfThePolicyForEachReader() {
        long id = document("Kept for every reader", USA_JPN);
        String au = http.token("au.dod", "demo");
        KeptReadsForgetting.settle(context);
        assertThat(http.get("/api/v1/documents/" + id, jp).status()).isEqualTo(200);

        double before = kept();
        assertThat(http.get("/api/v1/documents/" + id, jp).json().get("title").asString())
                .isEqualTo("Kept for every reader");
        assertThat(http.get("/api/v1/documents/" + id, au).status()).as("not released to AUS: as if missing")
                .isEqualTo(404);
        assertThat(http.get("/api/v1/documents/" + id, us).status()).isEqualTo(200);
        assertThat(kept() - before).as("all three answered from the kept row").isEqualTo(3);
    }

    @Test
    void aTitleChangedByHandInSqlReachesTheNextReads() {
        long id = document("Before the hand", USA_JPN);
        readTwice(id);

        jdbc.sql("update document set title = 'After the hand' where id = :id").param("id", id).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/documents/" + id, jp),
                r -> r.status() == 200 && r.json().get("title").asString().equals("After the hand")))
                .as("the new title is read within %s", BOUND).isTrue();
    }

    @Test
    void aMarkingNarrowedByHandInSqlHidesTheDocumentFromTheNextReads() {
        long id = document("Narrowed by hand", USA_JPN);
        readTwice(id);

        jdbc.sql("update record set marking = 'UNCLASSIFIED//REL TO USA', rel_to = '{USA}' where id = :id")
                .param("id", id).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/documents/" + id, jp), r -> r.status() == 404))
                .as("the document is hidden from JPN within %s", BOUND).isTrue();
    }

    @Test
    void aDocumentEditedOnThisNodeIsReadAsEditedAtOnce() {
        long id = document("Edited here", USA_JPN);
        readTwice(id);
        String etag = http.get("/api/v1/documents/" + id, us).header("ETag");

        var edited = http.putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "Edited here, twice",
                "body", "kept body", "marking", "UNCLASSIFIED//REL TO USA"), etag);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        // no waiting: the node that made the change forgot what it kept when the change committed
        assertThat(http.get("/api/v1/documents/" + id, us).json().get("title").asString())
                .isEqualTo("Edited here, twice");
        assertThat(http.get("/api/v1/documents/" + id, jp).status()).as("no longer released to JPN").isEqualTo(404);
    }

    @Test
    void whatChangedWhileTheNodeDidNotHearIsNotServedFromWhatItKept() throws InterruptedException {
        long id = document("Changed while deaf", USA_JPN);
        readTwice(id);

        // cut the listener off, then change by hand at once, before it has listened again: no notification reaches it
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
                .param("name", DatabaseChanges.APPLICATION_NAME).query(Boolean.class).list();
        jdbc.sql("update document set title = 'Changed while the node was deaf' where id = :id").param("id", id)
                .update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/documents/" + id, jp),
                r -> r.status() == 200 && r.json().get("title").asString().equals("Changed while the node was deaf")))
                .as("the change is read within %s", BOUND).isTrue();
        keeping();
    }

    @Test
    void theDocumentListIsKeptForReadersOfTheSamePolicyValuesAndReadForEachOther() {
        long id = document("Listed for USA and JPN", USA_JPN);
        String au = http.token("au.dod", "demo");
        KeptReadsForgetting.settle(context);
        assertThat(listed(jp)).contains(id);

        double before = kept();
        assertThat(listed(jp)).as("JPN again, from the kept page").contains(id);
        assertThat(kept() - before).isEqualTo(1);
        assertThat(listed(au)).as("AUS has other values of the policy: its own page, without the document")
                .doesNotContain(id);
        assertThat(kept() - before).as("AUS's page read from the database").isEqualTo(1);
        assertThat(listed(au)).doesNotContain(id);
        assertThat(kept() - before).as("AUS's page then kept for AUS").isEqualTo(2);
    }

    @Test
    void aDocumentNarrowedByHandInSqlLeavesTheNextListsOfThoseItIsNoLongerReleasedTo() {
        long id = document("Listed, then narrowed by hand", USA_JPN);
        KeptReadsForgetting.settle(context);
        assertThat(listed(jp)).contains(id);
        double before = kept();
        assertThat(listed(jp)).contains(id);
        assertThat(kept() - before).as("the second list answered from the kept page").isEqualTo(1);

        jdbc.sql("update record set marking = 'UNCLASSIFIED//REL TO USA', rel_to = '{USA}' where id = :id")
                .param("id", id).update();

        assertThat(Http.within(BOUND, () -> http.get("/api/v1/documents?size=200", jp),
                r -> r.status() == 200 && !ids(r).contains(id)))
                .as("the document leaves JPN's list within %s", BOUND).isTrue();
    }

    @Test
    void aDocumentCreatedOnThisNodeIsListedAtOnce() {
        KeptReadsForgetting.settle(context);
        listed(jp);
        double before = kept();
        listed(jp);
        assertThat(kept() - before).as("the second list answered from the kept page").isEqualTo(1);
        long id = document("Listed at once", USA_JPN);
        // no waiting: the node that made the change forgot what it kept when the change committed
        assertThat(listed(jp)).contains(id);
    }

    private java.util.List<Long> listed(String token) {
        var r = http.get("/api/v1/documents?size=200", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r);
    }

    private static java.util.List<Long> ids(Http.Response r) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        r.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private void readTwice(long id) {
        KeptReadsForgetting.settle(context);
        double before = kept();
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/api/v1/documents/" + id, jp).status()).isEqualTo(200);
        }
        assertThat(kept() - before).as("the second read is answered from the kept row").isEqualTo(1);
    }
}
