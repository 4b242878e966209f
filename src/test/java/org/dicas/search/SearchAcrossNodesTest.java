package org.dicas.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.dicas.demo.DemoUsers;
import org.dicas.search.internal.SearchIndexer;
import org.dicas.support.Http;
import org.dicas.support.Nodes;
import org.dicas.support.Nodes.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Search on several nodes sharing one PostgreSQL (ADR 0018): each node applies the record change log to its own
 * index within the lag bound, and no node ever returns a record that was narrowed or deleted — even a node whose
 * index has not applied the change yet ({@code c}, which polls the log once an hour) — because readability and what
 * a hit shows come from the database at query time. A node that was stopped catches up from its position; one whose
 * position is older than the oldest kept change rebuilds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchAcrossNodesTest {

    static final Duration BOUND = Duration.ofSeconds(2);

    Nodes nodes;
    Node a;
    Node b;
    Http onA;
    Http onB;
    String acqA;
    String auB;
    String acqB;

    @BeforeAll
    void start() {
        nodes = Nodes.onEmptyDatabase();
        a = nodes.node("a");
        b = nodes.node("b");
        onA = http(a);
        onB = http(b);
        acqA = onA.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        acqB = onB.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        auB = onB.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
    }

    @AfterAll
    void stop() {
        nodes.close();
    }

    static Http http(Node n) {
        return new Http(URI.create(n.baseUrl()).getPort());
    }

    long document(String title, String body, String marking) {
        var r = onA.post("/api/v1/documents", acqA, Map.of("title", title, "body", body, "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static JsonNode search(Http on, String token, String q) {
        var r = on.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=50", token);
        assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(h -> out.add(h.get("id").asLong()));
        return out;
    }

    static void await(BooleanSupplier condition, Duration within, String what) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(end);
            sleep(10);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The version this node's index holds of a record (0: none). */
    static long indexedVersion(Node n, long id) {
        try {
            return n.bean(SearchIndexer.class).index().versions().getOrDefault(id, 0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rowVersion(long id) {
        return a.bean(JdbcClient.class).sql("select (extract(epoch from updated_at) * 1000000)::bigint from record where id = :id")
                .param("id", id).query(Long.class).single();
    }

    @Test
    @Order(1)
    void aDocumentCreatedOnOneNodeIsFoundOnTheOtherWithinTheLagBound() {
        int n = 50;
        List<Long> lags = new ArrayList<>();
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < n; i++) {
            String word = "lagword" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            // at a random moment: right after b found the last one would always be right after one of b's polls
            sleep(random.nextInt(300));
            long id = document("Replication " + word, word + " carried across nodes", "PUBLIC");
            long t0 = System.nanoTime();
            await(() -> ids(search(onB, auB, word)).contains(id), Duration.ofSeconds(30), word + " found on b");
            lags.add((System.nanoTime() - t0) / 1_000_000);
        }
        Collections.sort(lags);
        long p50 = lags.get(n / 2 - 1);
        long p99 = lags.get((int) Math.ceil(n * 0.99) - 1);
        long max = lags.get(n - 1);
        System.out.printf("search across nodes: %d documents created on a, found on b after p50 %d ms, p90 %d ms, "
                + "p99 %d ms, max %d ms (poll interval 250 ms); all: %s%n", n, p50, lags.get(n * 9 / 10 - 1), p99, max,
                lags);
        assertThat(p99).as("replication lag p99 (ms)").isLessThanOrEqualTo(BOUND.toMillis());
    }

    @Test
    @Order(2)
    void aNarrowedOrDeletedRecordIsNeverReturnedByANodeWhoseIndexIsBehind() {
        long doc = document("Marigold convoy plan", "marigold convoy schedules", "PUBLIC");
        var thread = onA.post("/api/v1/threads", acqA, Map.of("title", "Logistics thread", "body", "opening",
                "marking", "PUBLIC"));
        long threadId = thread.json().get("id").asLong();
        var reply = onA.post("/api/v1/threads/" + threadId + "/replies", acqA,
                Map.of("body", "Quokkaberry answer", "marking", "PUBLIC"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        long replyId = reply.json().get("id").asLong();

        // c applies the log once an hour: what it knows is what it caught up with on start
        Node c = nodes.node("c", "dicas.search.change-log.poll-interval=PT1H");
        Http onC = http(c);
        String auC = onC.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        String acqC = onC.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        assertThat(ids(search(onC, auC, "marigold"))).containsExactly(doc);
        assertThat(ids(search(onC, auC, "quokkaberry"))).containsExactly(replyId);
        await(() -> ids(search(onB, auB, "marigold")).contains(doc), BOUND.multipliedBy(5), "marigold on b");

        var narrowed = onA.put("/api/v1/documents/" + doc, acqA, Map.of("title", "Marigold convoy plan",
                "body", "marigold convoy schedules", "marking", "CUI//NOFORN"));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(indexedVersion(c, doc)).as("c's index still holds the wider version").isNotEqualTo(rowVersion(doc))
                .isNotZero();
        for (Node n : List.of(b, c)) {
            Http on = http(n);
            JsonNode page = search(on, on.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD), "marigold");
            assertThat(ids(page)).as("au.dod on " + n.name() + " right after the commit on a").isEmpty();
            assertThat(page.get("total").asLong()).as("the total counts readable hits only").isZero();
        }
        JsonNode asAcq = search(onC, acqC, "marigold");
        assertThat(ids(asAcq)).containsExactly(doc);
        assertThat(asAcq.get("items").get(0).get("marking").asString()).as("the marking of the row, not the index's")
                .isEqualTo("CUI//NOFORN");

        var retitled = onA.put("/api/v1/documents/" + doc, acqA, Map.of("title", "Sunflower convoy plan",
                "body", "sunflower convoy schedules", "marking", "CUI//NOFORN"));
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);
        assertThat(ids(search(onC, acqC, "marigold"))).as("not found on c by its old words").isEmpty();

        assertThat(onA.delete("/api/v1/threads/" + threadId + "/replies/" + replyId, acqA).status()).isEqualTo(200);
        assertThat(indexedVersion(c, replyId)).as("c has not applied the deletion").isNotEqualTo(rowVersion(replyId));
        assertThat(ids(search(onC, auC, "quokkaberry"))).as("a deleted reply on c").isEmpty();
        assertThat(ids(search(onC, acqC, "quokkaberry"))).isEmpty();
        assertThat(ids(search(onB, auB, "quokkaberry"))).isEmpty();
        c.close();
    }

    @Test
    @Order(3)
    void aStoppedNodeCatchesUpFromItsPositionWhenItStartsAgain() {
        b.close();
        long doc = document("Wisteria depot", "wisteria depot report", "PUBLIC");
        long other = document("Foxglove depot", "foxglove depot report", "PUBLIC");
        b = nodes.node("b");
        onB = http(b);
        auB = onB.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        assertThat(b.bean(SearchIndexer.class).started()).isEqualTo(SearchIndexer.Start.CAUGHT_UP);
        assertThat(ids(search(onB, auB, "wisteria"))).as("found as soon as b serves").containsExactly(doc);
        assertThat(ids(search(onB, auB, "foxglove"))).containsExactly(other);
    }

    @Test
    @Order(4)
    void aNodeWhosePositionIsOlderThanTheOldestKeptChangeRebuilds() {
        b.close();
        long doc = document("Edelweiss workshop", "edelweiss workshop minutes", "PUBLIC");
        // pruning keeps the entries of transactions still running (a busy node's background work): prune until the
        // document's own entry is gone, so that b's position is surely older than the oldest kept change
        JdbcClient jdbc = a.bean(JdbcClient.class);
        await(() -> {
            a.bean(SearchIndexer.class).pruneChangeLog(Duration.ZERO);
            return jdbc.sql("select count(*) from record_change where record_id = :d").param("d", doc)
                    .query(Integer.class).single() == 0;
        }, BOUND.multipliedBy(5), "the document's change pruned");
        b = nodes.node("b");
        onB = http(b);
        auB = onB.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        assertThat(b.bean(SearchIndexer.class).started()).isEqualTo(SearchIndexer.Start.REBUILT_BEHIND_THE_LOG);
        assertThat(ids(search(onB, auB, "edelweiss"))).containsExactly(doc);
        long later = document("Gardenia workshop", "gardenia workshop minutes", "PUBLIC");
        await(() -> ids(search(onB, auB, "gardenia")).contains(later), BOUND.multipliedBy(5),
                "b follows the log again after the rebuild");
    }

    @Test
    @Order(5)
    void aChangeCommittedAfterOneWithAHigherSequenceNumberIsNotSkipped() throws Exception {
        long early = document("Early draft", "nothing yet", "PUBLIC");
        long late = document("Late draft", "nothing yet", "PUBLIC");
        long last = document("Last draft", "nothing yet", "PUBLIC");
        DataSource db = a.bean(DataSource.class);
        JdbcClient jdbc = a.bean(JdbcClient.class);
        try (Connection first = db.getConnection(); Connection second = db.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            retitle(first, early, "Jacaranda");
            // the second writer takes its log sequence number, then waits for the first (the policy epoch row)
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    retitle(second, late, "Bougainvillea");
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await(() -> jdbc.sql("select count(*) from pg_stat_activity "
                    + "where wait_event_type = 'Lock' and query like 'update record set title%'")
                    .query(Integer.class).single() == 1, Duration.ofSeconds(10), "the second writer waits");
            retitle(first, last, "Tamarind"); // a higher sequence number than the waiting writer's, committed first
            first.commit();
            waiting.get(10, TimeUnit.SECONDS);
        }
        List<Long> order = jdbc.sql("""
                        select record_id from record_change where record_id in (:ids)
                        order by seq desc limit 3""").param("ids", List.of(early, late, last))
                .query(Long.class).list();
        assertThat(order).as("by sequence number: the last commit is not the highest number")
                .containsExactly(last, late, early);
        await(() -> ids(search(onB, auB, "tamarind")).contains(last), BOUND.multipliedBy(5), "tamarind on b");
        await(() -> ids(search(onB, auB, "bougainvillea")).contains(late), BOUND.multipliedBy(5),
                "the change committed last, with a lower sequence number, is applied too");
        assertThat(ids(search(onB, auB, "jacaranda"))).containsExactly(early);
    }

    /** A write that bypasses the application (no RecordChanged event): only the change log tells the nodes. */
    static void retitle(Connection c, long id, String word) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update record set title = ?, search_text = ?, updated_at = clock_timestamp() where id = ?")) {
            ps.setString(1, word + " draft");
            ps.setString(2, word.toLowerCase() + " text");
            ps.setLong(3, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
