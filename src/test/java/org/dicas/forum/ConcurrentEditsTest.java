package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optimistic concurrency: a change names the version it was made against; a stale one answers 412 and saves nothing,
 * a missing one 428 — so concurrent read-modify-write clients cannot lose each other's changes, and a stale copy can
 * never put back a wider marking.
 */
@PlatformTest
class ConcurrentEditsTest {

    static final String WIDE = "UNCLASSIFIED//REL TO USA, JPN, AUS";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long document(Http http, String token, String title) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "v1", "marking", WIDE));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void aReadGivesTheVersionAsETagAndAChangeWithoutOneIsRefusedWith428() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long id = document(http, us, "ETag document");
        var read = http.get("/api/v1/documents/" + id, us);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);

        var missing = http.putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "no version", "body", "x",
                "marking", WIDE), null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("If-Match");

        var malformed = http.putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "bad", "body", "x",
                "marking", WIDE), "one");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asString()).isEqualTo("If-Match");

        var ok = http.putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "ETag document v2", "body", "v2",
                "marking", WIDE), "\"1\"");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");

        var stale = http.putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "lost update", "body", "old",
                "marking", WIDE), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("yourVersion").asLong()).isEqualTo(1);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.json().get("detail").asString()).contains("changed by someone else");
        assertThat(http.get("/api/v1/documents/" + id, us).json().get("title").asString())
                .as("nothing of the stale change was saved").isEqualTo("ETag document v2");
        assertThat(jdbc.sql("select title from record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ETag document v2");
    }

    @Test
    void ofTwentyConcurrentReadModifyWriteUpdatesExactlyOneWinsAndNoneIsLostSilently() throws Exception {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long id = document(http, us, "Contended document");
        String etag = http.get("/api/v1/documents/" + id, us).header("ETag");
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(pool.submit(() -> {
                start.await();
                return new Http(port).putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "writer " + k,
                        "body", "from writer " + k, "marking", WIDE), etag).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(n - 1);
        var after = http.get("/api/v1/documents/" + id, us);
        assertThat(after.header("ETag")).isEqualTo("\"2\"");
        String winner = after.json().get("title").asString();
        assertThat(after.json().get("body").asString()).isEqualTo("from " + winner);
    }

    @Test
    void aStaleSaveCannotWidenANarrowedMarkingAgain() throws Exception {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String au = http.token("au.dod", "demo");
        long id = document(http, us, "Marking race document");
        assertThat(http.get("/api/v1/documents/" + id, au).status()).as("released to AUS at first").isEqualTo(200);
        String read = http.get("/api/v1/documents/" + id, us).header("ETag");
        // two clients read the same version; both save at the same moment: one narrows, one saves its old copy
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> narrow = pool.submit(() -> {
            start.await();
            return new Http(port).putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "Marking race document",
                    "body", "narrowed", "marking", "CUI//NOFORN"), read).status();
        });
        Future<Integer> old = pool.submit(() -> {
            start.await();
            return new Http(port).putIfMatch("/api/v1/documents/" + id, us, Map.of("title", "Marking race document",
                    "body", "old copy", "marking", WIDE), read).status();
        });
        start.countDown();
        List<Integer> both = List.of(narrow.get(), old.get());
        pool.shutdown();
        assertThat(both).containsExactlyInAnyOrder(200, 412);
        if (narrow.get() == 200) {
            assertThat(http.get("/api/v1/documents/" + id, au).status()).isEqualTo(404);
        }
        // and in sequence, whichever won: the narrowing client wins, then the old copy is refused
        long id2 = document(http, us, "Marking race in sequence");
        String v1 = http.get("/api/v1/documents/" + id2, us).header("ETag");
        assertThat(http.putIfMatch("/api/v1/documents/" + id2, us, Map.of("title", "Marking race in sequence",
                "body", "narrowed", "marking", "CUI//NOFORN"), v1).status()).isEqualTo(200);
        var stale = http.putIfMatch("/api/v1/documents/" + id2, us, Map.of("title", "Marking race in sequence",
                "body", "old copy", "marking", WIDE), v1);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(http.get("/api/v1/documents/" + id2, au).status()).as("AUS cannot read it again").isEqualTo(404);
        assertThat(jdbc.sql("select marking from record where id = :id").param("id", id2).query(String.class).single())
                .isEqualTo("CUI//NOFORN");
    }

    static String hidden(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + name + "\"")
                .matcher(page);
        assertThat(m.find()).as("the form carries " + name).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    @Test
    void theFormCarriesTheVersionAndAStaleSaveShowsBothVersionsValuesInEitherLanguage() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long id = document(http, us, "Form race document");
        Http web = new Http(port).signIn("us.acq", "demo");
        var form = web.get("/documents/" + id + "/edit", null);
        assertThat(hidden(form.body(), "version")).isEqualTo("1");
        // someone else saves first, through the API
        assertThat(http.put("/api/v1/documents/" + id, us, Map.of("title", "Their title", "body", "their body",
                "marking", WIDE)).status()).isEqualTo(200);
        var refused = web.form("/documents/" + id + "/edit", Http.csrf(form.body()), Map.of("version", "1",
                "title", "My title", "body", "my body", "marking", "CUI//NOFORN"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("This record was changed by someone else", "My title", "Their title",
                "CUI//NOFORN", WIDE);
        assertThat(hidden(refused.body(), "version")).as("the form now carries the current version").isEqualTo("2");
        assertThat(http.get("/api/v1/documents/" + id, us).json().get("title").asString()).isEqualTo("Their title");
        // a form without a version is refused too, and nothing is saved
        var noVersion = web.form("/documents/" + id + "/edit", Http.csrf(form.body()), Map.of(
                "title", "No version", "body", "x", "marking", WIDE));
        assertThat(noVersion.status()).isEqualTo(428);
        assertThat(http.get("/api/v1/documents/" + id, us).json().get("title").asString()).isEqualTo("Their title");
        // saving again after seeing the conflict is a deliberate choice and works
        var again = web.form("/documents/" + id + "/edit", Http.csrf(refused.body()), Map.of("version", "2",
                "title", "My title", "body", "my body", "marking", "CUI//NOFORN"));
        assertThat(again.status()).isEqualTo(302);

        Http ja = new Http(port).signIn("jp.atla", "demo");
        String jp = http.token("jp.atla", "demo");
        var created = http.post("/api/v1/documents", jp, Map.of("title", "版の競合", "body", "v1", "marking", WIDE));
        long jid = created.json().get("id").asLong();
        var jform = ja.get("/documents/" + jid + "/edit?lang=ja", null);
        assertThat(http.put("/api/v1/documents/" + jid, jp, Map.of("title", "先に保存", "body", "x", "marking", WIDE))
                .status()).isEqualTo(200);
        var jrefused = ja.form("/documents/" + jid + "/edit", Http.csrf(jform.body()), Map.of("version", "1",
                "title", "後から保存", "body", "y", "marking", WIDE));
        assertThat(jrefused.body()).contains("このレコードは他の人が変更しました", "後から保存", "先に保存");
    }
}
