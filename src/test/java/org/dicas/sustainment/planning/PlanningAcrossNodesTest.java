package org.dicas.sustainment.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;
import org.dicas.support.Http;
import org.dicas.support.Nodes;
import org.dicas.support.Nodes.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Planning runs on two nodes sharing one PostgreSQL: a run belongs to the node solving it, which holds a lease; a stop
 * through the other node reaches it within a heartbeat; a node's restart leaves the other node's runs alone; a run
 * whose node no longer holds its lease is failed by a sweep, naming why. Leases are short here (heartbeat 1 s, lease
 * 3 s) so that a dead owner is seen quickly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanningAcrossNodesTest {

    /**
     * Short leases; Timefold alone, so that runs on the small demo data last until stopped (CP-SAT would prove them
     * optimal, ending them, within a second). Stopping and dropping the combined engines: RepairSolversTest.
     */
    static final String[] LEASES = {"dicas.planning.heartbeat=PT1S", "dicas.planning.lease=PT3S",
        "dicas.planning.engines=TIMEFOLD"};
    static final int YEAR = LocalDate.now().getYear() + 1;

    static Nodes nodes;
    static Node a;
    static Node b;
    /** How long node b took to start, to size a run that outlasts its restart. */
    static long bStartMillis;

    @BeforeAll
    static void startTwoNodes() {
        nodes = Nodes.onEmptyDatabase();
        a = nodes.node("a", LEASES);
        long t0 = System.nanoTime();
        b = nodes.node("b", LEASES);
        bStartMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static Http http(Node node) {
        return new Http(URI.create(node.baseUrl()).getPort());
    }

    static long start(Node node, String token, int seconds) {
        Http.Response r = http(node).post("/api/v1/sustainment/plans", token, Map.of(
                "horizonStart", LocalDate.of(YEAR, 1, 1).toString(), "horizonEnd", LocalDate.of(YEAR, 12, 31).toString(),
                "seconds", seconds));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asLong();
    }

    static JsonNode plan(Node node, String token, long id) {
        return http(node).get("/api/v1/sustainment/plans/" + id, token).json();
    }

    /** Polls the run through {@code node} until {@code until} holds; fails after {@code seconds}. */
    static JsonNode await(Node node, String token, long id, int seconds, Predicate<JsonNode> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode p = plan(node, token, id);
        while (!until.test(p)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("plan " + id + " after " + seconds + " s: " + p.get("status"));
            }
            Thread.sleep(100);
            p = plan(node, token, id);
        }
        return p;
    }

    static Predicate<JsonNode> status(String s) {
        return p -> p.get("status").asString().equals(s);
    }

    static String owner(long id) {
        return a.bean(JdbcClient.class).sql("select owner_node from repair_plan where id = :id").param("id", id)
                .query(String.class).single();
    }

    static void assertKeepsItsSchedule(JsonNode p) {
        assertThat(p.get("assignments").size()).as("the best schedule is kept").isPositive();
        long[] s = {p.get("score").get("unassignedPriority").asLong(), p.get("score").get("weightedTardinessDays").asLong()};
        long[] g = {p.get("greedyScore").get("unassignedPriority").asLong(),
            p.get("greedyScore").get("weightedTardinessDays").asLong()};
        assertThat(java.util.Arrays.compare(s, g)).as("never worse than the baseline").isLessThanOrEqualTo(0);
    }

    @Test
    @Order(1)
    void aRunStartedOnOneNodeIsStoppedThroughTheOtherWithinSecondsKeepingItsBestSchedule() throws Exception {
        String navy = http(a).token("us.navy", "demo");
        long id = start(a, navy, 120);
        assertThat(owner(id)).isEqualTo(a.bean(PlanningNode.class).id()).isNotEqualTo(b.bean(PlanningNode.class).id());
        await(b, navy, id, 20, status("RUNNING"));

        long t0 = System.nanoTime();
        Http.Response stop = http(b).post("/api/v1/sustainment/plans/" + id + "/stop", navy, "");
        assertThat(stop.status()).as(stop.body()).isEqualTo(200);
        assertThat(stop.json().get("status").asString()).isEqualTo("STOPPING");
        JsonNode stopped = await(b, navy, id, 10, status("STOPPED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("stop through the other node: STOPPED after %.2f s (heartbeat 1 s)%n", seconds);
        assertThat(seconds).as("seconds from the stop on b to STOPPED").isLessThan(5);
        assertKeepsItsSchedule(stopped);
        assertThat(plan(a, navy, id).get("status").asString()).isEqualTo("STOPPED");
        assertThat(http(b).post("/api/v1/sustainment/plans/" + id + "/stop", navy, "").status())
                .as("a stopped run is not running any more").isEqualTo(400);
    }

    @Test
    @Order(2)
    void restartingANodeFailsItsOwnRunAndLeavesTheOtherNodesRunSolvingToTheEnd() throws Exception {
        String navy = http(a).token("us.navy", "demo");
        // Long enough to outlast b's restart, judged by how long b took to start.
        int seconds = (int) Math.min(PlanningRuns.MAX_SECONDS, bStartMillis * 2 / 1000 + 15);
        long onA = start(a, navy, seconds);
        long onB = start(b, navy, 120);
        await(a, navy, onA, 20, status("RUNNING"));

        b.close();
        JsonNode failed = await(a, navy, onB, 5, status("FAILED"));
        assertThat(failed.get("messageKey").asString()).isEqualTo(PlanningNode.NODE_STOPPED);
        assertKeepsItsSchedule(failed);
        assertThat(plan(a, navy, onA).get("status").asString()).isEqualTo("RUNNING");

        long t0 = System.nanoTime();
        b = nodes.node("b", LEASES);
        System.out.printf("node b restarted in %.1f s; the run on a solves for %d s%n", (System.nanoTime() - t0) / 1e9,
                seconds);
        assertThat(plan(b, navy, onA).get("status").asString()).as("a's run after b's restart").isEqualTo("RUNNING");
        JsonNode done = await(b, navy, onA, seconds + 20, p -> !p.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("messageKey").asString()).isEmpty();
        assertKeepsItsSchedule(done);
    }

    @Test
    @Order(3)
    void aRunWhoseNodeNoLongerHoldsItsLeaseIsFailedByASweepNamingWhy() throws Exception {
        String navy = http(a).token("us.navy", "demo");
        long id = start(a, navy, 120);
        await(b, navy, id, 20, status("RUNNING"));
        // Its node dies: nobody renews the lease (a drops the run at its next heartbeat, as it is no longer its own).
        a.bean(JdbcClient.class).sql("update repair_plan set owner_node = 'a-node-that-died' where id = :id")
                .param("id", id).update();
        long t0 = System.nanoTime();
        JsonNode failed = await(b, navy, id, 15, status("FAILED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("dead owner: FAILED after %.2f s (lease 3 s)%n", seconds);
        assertThat(failed.get("messageKey").asString()).isEqualTo(PlanningNode.NODE_STOPPED);
        assertKeepsItsSchedule(failed);
        Http web = http(b).signIn("us.navy", "demo");
        assertThat(web.get("/sustainment/plans/" + id, null).body())
                .contains("The node solving this plan stopped before it finished");
        assertThat(a.bean(PlanningNode.class).solving()).as("the former owner no longer solves it").doesNotContain(id);
        assertThat(plan(a, navy, id).get("status").asString()).isEqualTo("FAILED");
    }
}
