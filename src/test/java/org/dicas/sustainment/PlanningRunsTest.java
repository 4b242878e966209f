package org.dicas.sustainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Planning runs on the demo facilities and jobs: solved in the background, stoppable, pins kept, filtered per reader.
 * Timefold alone here: on the small demo data CP-SAT proves the optimum within a second, ending the run, but these
 * tests need runs that last until stopped (the combined engines on the server: ProvenPlansTest).
 */
@PlatformTest
@org.springframework.test.context.TestPropertySource(properties = "dicas.planning.engines=TIMEFOLD")
class PlanningRunsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static final int YEAR = LocalDate.now().getYear() + 1;

    JsonNode waitForEnd(Http http, String token, long id) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            JsonNode p = http.get("/api/v1/sustainment/plans/" + id, token).json();
            String status = p.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING") && !status.equals("STOPPING")) {
                return p;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("plan " + id + " did not end");
    }

    long start(Http http, String token, int seconds) {
        var r = http.post("/api/v1/sustainment/plans", token, Map.of("horizonStart", LocalDate.of(YEAR, 1, 1).toString(),
                "horizonEnd", LocalDate.of(YEAR, 12, 31).toString(), "seconds", seconds));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asLong();
    }

    @Test
    void aPlanIsSolvedInTheBackgroundRespectingTheResourcesAndNoWorseThanTheBaseline() throws Exception {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        JsonNode plan = waitForEnd(http, navy, start(http, navy, 2));
        assertThat(plan.get("status").asString()).isEqualTo("DONE");
        JsonNode assignments = plan.get("assignments");
        assertThat(assignments.size()).isPositive();
        Map<String, List<LocalDate[]>> byResource = new HashMap<>();
        for (JsonNode a : assignments) {
            LocalDate s = LocalDate.parse(a.get("start").asString());
            LocalDate f = LocalDate.parse(a.get("finish").asString());
            assertThat(f).isAfterOrEqualTo(s);
            for (LocalDate[] other : byResource.computeIfAbsent(a.get("resource").asString(), k -> new java.util.ArrayList<>())) {
                assertThat(f.isBefore(other[0]) || s.isAfter(other[1])).as("no overlap on " + a.get("resource")).isTrue();
            }
            byResource.get(a.get("resource").asString()).add(new LocalDate[] {s, f});
        }
        JsonNode score = plan.get("score");
        JsonNode greedy = plan.get("greedyScore");
        long[] s = {score.get("unassignedPriority").asLong(), score.get("weightedTardinessDays").asLong(), score.get("transitKm").asLong()};
        long[] g = {greedy.get("unassignedPriority").asLong(), greedy.get("weightedTardinessDays").asLong(), greedy.get("transitKm").asLong()};
        assertThat(java.util.Arrays.compare(s, g)).as("never worse than earliest-due-date-first").isLessThanOrEqualTo(0);
    }

    @Test
    void aRunCanBeStoppedKeepingItsBestScheduleAndAQueuedRunStopsWithItsBaseline() throws Exception {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        long solving = start(http, navy, 120);
        long queued = start(http, navy, 120);
        Thread.sleep(1500);
        assertThat(http.get("/api/v1/sustainment/plans/" + queued, navy).json().get("status").asString())
                .as("one run at a time per node").isEqualTo("QUEUED");

        var stopQueued = http.post("/api/v1/sustainment/plans/" + queued + "/stop", navy, "");
        assertThat(stopQueued.status()).isEqualTo(200);
        JsonNode q = waitForEnd(http, navy, queued);
        assertThat(q.get("status").asString()).isEqualTo("STOPPED");
        assertThat(q.get("score")).as("a run stopped in the queue keeps its baseline").isEqualTo(q.get("greedyScore"));
        assertThat(http.get("/api/v1/sustainment/plans/" + solving, navy).json().get("status").asString())
                .isEqualTo("RUNNING");
        Http web = new Http(port).signIn("us.navy", "demo");
        String stopAction = "action=\"/sustainment/plans/" + solving + "/stop\"";
        assertThat(web.get("/sustainment/plans/" + solving + "/status", null).body())
                .as("the polled status panel offers Stop while the run runs").contains(stopAction);

        var stopped = http.post("/api/v1/sustainment/plans/" + solving + "/stop", navy, "");
        assertThat(stopped.status()).isEqualTo(200);
        JsonNode plan = waitForEnd(http, navy, solving);
        assertThat(plan.get("status").asString()).isEqualTo("STOPPED");
        assertThat(plan.get("assignments").size()).isPositive();
        assertThat(web.get("/sustainment/plans/" + solving + "/status", null).body())
                .as("the panel that replaces itself when the run ends takes Stop with it").doesNotContain(stopAction);
        assertThat(http.post("/api/v1/sustainment/plans/" + solving + "/stop", navy, "").status())
                .as("an ended run cannot be stopped").isEqualTo(400);
    }

    @Test
    void pinnedJobsStayWhereTheyWerePinnedWhenReplanning() throws Exception {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        JsonNode plan = waitForEnd(http, navy, start(http, navy, 1));
        JsonNode a = plan.get("assignments").get(0);
        Http web = new Http(port).signIn("us.navy", "demo");
        String page = web.get("/sustainment/plans/" + plan.get("id").asLong(), null).body();
        assertThat(page).contains("plan-gantt", "plan-demand", a.get("job").asString());
        var pin = web.form("/sustainment/plans/" + plan.get("id").asLong() + "/pin", Http.csrf(page),
                Map.of("jobId", a.get("jobId").asString(), "resource", a.get("resource").asString(),
                        "start", a.get("start").asString(), "pinned", "true"));
        assertThat(pin.status()).isEqualTo(302);
        var replanned = http.post("/api/v1/sustainment/plans/" + plan.get("id").asLong() + "/replan", navy, "");
        assertThat(replanned.status()).isEqualTo(202);
        JsonNode next = waitForEnd(http, navy, replanned.json().get("id").asLong());
        boolean kept = false;
        for (JsonNode x : next.get("assignments")) {
            if (x.get("job").asString().equals(a.get("job").asString())) {
                assertThat(x.get("resource").asString()).isEqualTo(a.get("resource").asString());
                assertThat(x.get("start").asString()).isEqualTo(a.get("start").asString());
                assertThat(x.get("pinned").asBoolean()).isTrue();
                kept = true;
            }
        }
        assertThat(kept).isTrue();
        var csv = web.get("/sustainment/plans/" + next.get("id").asLong() + "/plan.csv", null);
        String[] lines = csv.body().replaceFirst("^\uFEFF", "").split("\r\n"); // after the byte-order mark
        assertThat(lines[0]).isEqualTo(lines[lines.length - 1]);
        assertThat(web.get("/sustainment/plans/" + next.get("id").asLong() + "/gantt.json", null).json().get("bars").size())
                .isPositive();
        assertThat(web.get("/sustainment/plans/" + next.get("id").asLong() + "/demand.json", null).json().size()).isEqualTo(12);
        web.form("/sustainment/plans/" + next.get("id").asLong() + "/pin", Http.csrf(page),
                Map.of("jobId", a.get("jobId").asString(), "resource", a.get("resource").asString(),
                        "start", a.get("start").asString(), "pinned", "false"));
    }

    @Test
    void thePlanPagesOfferRunsAndPinsOnlyToUsersTheRulesAllow() throws Exception {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        long id = waitForEnd(http, navy, start(http, navy, 1)).get("id").asLong();
        Http government = new Http(port).signIn("us.navy", "demo");
        assertThat(government.get("/sustainment/plans", null).body()).contains("method=\"post\" class=\"form\" action=\"/sustainment/plans\"");
        assertThat(government.get("/sustainment/plans/" + id, null).body())
                .contains("action=\"/sustainment/plans/" + id + "/replan\"", "action=\"/sustainment/plans/" + id + "/pin\"");

        Http industry = new Http(port).signIn("jp.industry", "demo");
        assertThat(industry.get("/sustainment/plans", null).body())
                .as("the list's GET filter form also goes to /sustainment/plans: the start form is the one that posts")
                .doesNotContain("method=\"post\" class=\"form\" action=\"/sustainment/plans\"");
        Http.Response page = industry.get("/sustainment/plans/" + id, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("action=\"/sustainment/plans/" + id + "/replan\"",
                "action=\"/sustainment/plans/" + id + "/stop\"", "action=\"/sustainment/plans/" + id + "/pin\"");
        assertThat(industry.form("/sustainment/plans/" + id + "/replan", Http.csrf(page.body()), Map.of()).status())
                .as("re-planning refused by the service").isEqualTo(403);
    }

    @Test
    void badRunsAreRefusedNamingTheField() {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        int before = jdbc.sql("select count(*) from repair_plan").query(Integer.class).single();
        var reversed = http.post("/api/v1/sustainment/plans", navy, Map.of("horizonStart", "2027-12-31",
                "horizonEnd", "2027-01-01", "seconds", 5));
        assertThat(reversed.json().get("field").asString()).isEqualTo("horizonEnd");
        var zero = http.post("/api/v1/sustainment/plans", navy, Map.of("horizonStart", "2027-01-01",
                "horizonEnd", "2027-12-31", "seconds", 0));
        assertThat(zero.json().get("field").asString()).isEqualTo("seconds");
        assertThat(http.post("/api/v1/sustainment/plans", http.token("jp.industry", "demo"), Map.of("horizonStart",
                "2027-01-01", "horizonEnd", "2027-12-31", "seconds", 1)).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from repair_plan").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void readersSeeOnlyAssignmentsOfJobsAndFacilitiesTheyMayRead() throws Exception {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        long id = start(http, navy, 1);
        waitForEnd(http, navy, id);
        JsonNode full = http.get("/api/v1/sustainment/plans/" + id, navy).json();
        JsonNode au = http.get("/api/v1/sustainment/plans/" + id, http.token("au.dod", "demo")).json();
        int shown = au.get("assignments").size() + au.get("withheldAssignments").asInt();
        assertThat(shown).isEqualTo(full.get("assignments").size() + full.get("withheldAssignments").asInt());
        assertThat(au.get("withheldAssignments").asInt()).as("au.dod may not read the CUI / REL TO USA, JPN work").isPositive();
    }
}
