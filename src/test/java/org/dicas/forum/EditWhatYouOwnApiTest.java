package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 point 4 through the API: agenda items, decisions and action items are edited after the fact by whom the
 * write rules allow, each change against the version it read (412 when stale, nothing saved), a refusal naming its
 * rule (403), a hidden record answering like a missing one (404), and the audit trail naming what changed.
 */
@PlatformTest
class EditWhatYouOwnApiTest {

    static final String MARKING = "UNCLASSIFIED//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dicas.security.AuditLog audit;

    Http http;
    String us;
    String jp;
    String industry;
    long meeting;

    @BeforeEach
    void meeting() {
        http = new Http(port);
        us = Tokens.of(port, DemoUsers.US_ACQ);
        jp = Tokens.of(port, DemoUsers.JP_ATLA);
        industry = Tokens.of(port, DemoUsers.US_INDUSTRY);
        var m = http.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", "Edit meeting",
                "titleJa", "編集の会合", "startsAt", "2027-05-10T09:30:00", "endsAt", "2027-05-10T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", MARKING));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        meeting = m.json().get("id").asLong();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** The newest change of the record as its history shows it in English. */
    String lastAuditDetail(long recordId) {
        return audit.changesOf(recordId, java.util.Locale.ENGLISH).stream().filter(e -> e.action().equals("UPDATE"))
                .findFirst().orElseThrow().detail();
    }

    long agendaItem(String title) {
        var a = http.post("/api/v1/meetings/" + meeting + "/agenda-items", us, Map.of("title", title, "marking", MARKING));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    @Test
    void anOrganiserEditsAnAgendaItemAgainstItsVersionAndAStaleCopyIsRefusedWithNothingSaved() {
        long item = agendaItem("Opening");
        String path = "/api/v1/meetings/" + meeting + "/agenda-items/" + item;
        var read = http.get(path, us);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        var edited = http.putIfMatch(path, us, Map.of("title", "Opening remarks", "presenter", "ATLA",
                "description", "Welcome", "marking", MARKING), "\"1\"");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Opening remarks");
        assertThat(edited.json().get("presenter").asString()).isEqualTo("ATLA");
        assertThat(edited.json().get("version").asLong()).isEqualTo(2);
        assertThat(edited.json().get("position").asInt()).as("a position left out is kept").isEqualTo(1);
        assertThat(lastAuditDetail(item)).contains("Title", "Description", "Presenter").doesNotContain("Welcome");

        var stale = http.putIfMatch(path, us, Map.of("title", "Lost update", "marking", MARKING), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(http.get(path, us).json().get("title").asString()).isEqualTo("Opening remarks");

        assertThat(http.putIfMatch(path, us, Map.of("title", "No version", "marking", MARKING), null).status())
                .isEqualTo(428);
    }

    @Test
    void someoneWhoMayNotOrganiseMeetingsIsRefusedWithTheRuleInTheirLanguage() {
        long item = agendaItem("Industry session");
        String path = "/api/v1/meetings/" + meeting + "/agenda-items/" + item;
        var refused = http.put(path, industry, Map.of("title", "Taken over", "marking", MARKING));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Only government users organise meetings: agenda, minutes and decisions.");
        var inJapanese = new Http(port).inLanguage("ja").put(path, industry, Map.of("title", "x", "marking", MARKING));
        assertThat(inJapanese.json().get("detail").asString()).isEqualTo("会合の運営（議題・議事録・決定事項）は政府職員のみが行えます。");
        assertThat(http.get(path, us).json().get("title").asString()).isEqualTo("Industry session");
    }

    @Test
    void aDecisionIsEditedButTheStageMoveItMadeStays() {
        var d = http.post("/api/v1/meetings/" + meeting + "/decisions", us, Map.of("text", "Agreed in principle",
                "marking", MARKING));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long id = d.json().get("id").asLong();
        String path = "/api/v1/meetings/" + meeting + "/decisions/" + id;
        var edited = http.put(path, us, Map.of("text", "Agreed, subject to funding", "marking", MARKING));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("text").asString()).isEqualTo("Agreed, subject to funding");
        assertThat(edited.json().get("version").asLong()).isEqualTo(2);

        var moveNow = http.put(path, us, Map.of("text", "Agreed", "marking", MARKING, "toStage", "PROGRAM"));
        assertThat(moveNow.status()).isEqualTo(400);
        assertThat(moveNow.json().get("field").asString()).isEqualTo("toStage");

        assertThat(http.get("/api/v1/meetings/" + meeting + "/decisions/" + (id + 100000), us).status()).isEqualTo(404);
    }

    @Test
    void theOwnerPatchesDueDateAndStatusAndAnyoneElseOutsideGovernmentIsRefused() {
        long jpAtla = userId(DemoUsers.JP_ATLA);
        var a = http.post("/api/v1/action-items", us, Map.of("meetingId", meeting, "title", "Send draft",
                "ownerId", jpAtla, "dueDate", "2027-06-01", "marking", MARKING));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        String path = "/api/v1/action-items/" + id;

        var patched = patch(path, jp, Map.of("title", "No version"), null);
        assertThat(patched.status()).as("a change without a version").isEqualTo(428);

        var ok = patch(path, jp, Map.of("dueDate", "2027-06-15", "status", "DONE"), "\"1\"");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("dueDate").asString()).isEqualTo("2027-06-15");
        assertThat(ok.json().get("status").asString()).isEqualTo("DONE");
        assertThat(ok.json().get("title").asString()).as("fields left out stay").isEqualTo("Send draft");
        assertThat(lastAuditDetail(id)).contains("Due date", "Status").doesNotContain("Title");

        var stale = patch(path, jp, Map.of("title", "Stale"), "\"1\"");
        assertThat(stale.status()).isEqualTo(412);

        var blank = patch(path, jp, Map.of("title", " "), "\"2\"");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asString()).isEqualTo("title");

        var refused = patch(path, industry, Map.of("dueDate", "2027-07-01"), "\"2\"");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Only its owner or a government user changes an action item.");

        Map<String, Object> toUs = new HashMap<>(Map.of("ownerId", userId(DemoUsers.US_NAVY)));
        var reassigned = patch(path, us, toUs, "\"2\"");
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(reassigned.json().get("ownerName").asString()).isNotEqualTo(a.json().get("ownerName").asString());
    }

    @Test
    void aHiddenActionItemAnswersLikeAMissingOne() {
        var a = http.post("/api/v1/action-items", us, Map.of("title", "US only", "ownerId", userId(DemoUsers.US_NAVY),
                "dueDate", "2027-06-01", "marking", "CUI//NOFORN"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        long id = a.json().get("id").asLong();
        var hidden = patch("/api/v1/action-items/" + id, jp, Map.of("title", "x"), "\"1\"");
        var missing = patch("/api/v1/action-items/999999999", jp, Map.of("title", "x"), "\"1\"");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
    }

    Http.Response patch(String path, String token, Object body, String ifMatch) {
        return http.callIfMatch("PATCH", path, token, body, ifMatch);
    }
}
