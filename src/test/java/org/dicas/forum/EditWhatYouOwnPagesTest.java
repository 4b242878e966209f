package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Issue 15 point 4 on the pages: action items and decisions have their own pages with related records and history;
 * agenda items are edited from the meeting page; every forum form shows every entered value again when a save is
 * refused (the meeting form's dates included); a stale save shows what changed and keeps the user's values; a user
 * the rules do not allow gets 403 naming the rule.
 */
@PlatformTest
class EditWhatYouOwnPagesTest {

    static final String MARKING = "UNCLASSIFIED//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http api;
    String us;
    long meeting;

    @BeforeEach
    void meeting() {
        api = new Http(port);
        us = Tokens.of(port, DemoUsers.US_ACQ);
        var m = api.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", "Pages meeting",
                "titleJa", "画面の会合", "startsAt", "2027-05-10T09:30:00", "endsAt", "2027-05-10T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", MARKING));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        meeting = m.json().get("id").asLong();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long actionItem(String owner) {
        var a = api.post("/api/v1/action-items", us, Map.of("meetingId", meeting, "title", "Circulate the draft",
                "ownerId", userId(owner), "dueDate", "2027-06-01", "marking", MARKING));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asLong();
    }

    static String value(String page, String id) {
        Matcher m = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theMeetingFormKeepsBothDatesAndEveryValueWhenASaveIsRefused() {
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        var form = web.get("/meetings/new", null);
        var r = web.form("/meetings", Http.csrf(form.body()), Map.of("kind", "PLENARY", "titleEn", "Kept title",
                "titleJa", "保持される件名", "startsAt", "2027-05-10T12:00", "endsAt", "2027-05-10T09:30",
                "timeZone", "Asia/Tokyo", "location", "Ichigaya", "marking", MARKING));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("error-summary");
        assertThat(value(r.body(), "startsAt")).startsWith("2027-05-10T12:00");
        assertThat(value(r.body(), "endsAt")).startsWith("2027-05-10T09:30");
        assertThat(value(r.body(), "titleEn")).isEqualTo("Kept title");
        assertThat(value(r.body(), "location")).isEqualTo("Ichigaya");

        String edit = web.get("/meetings/" + meeting + "/edit", null).body();
        assertThat(value(edit, "startsAt")).as("the edit form shows the stored dates").startsWith("2027-05-10T09:30");
        assertThat(value(edit, "endsAt")).startsWith("2027-05-10T12:00");
    }

    @Test
    void theMeetingPageFormsKeepTheirValuesWhenASaveIsRefused() {
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String page = web.get("/meetings/" + meeting, null).body();
        var agenda = web.form("/meetings/" + meeting + "/agenda", Http.csrf(page), Map.of("title", "Kept agenda title",
                "description", "Kept description", "presenter", "Kept presenter", "marking", "CUI//REL TO JPN,USA"));
        assertThat(agenda.status()).isEqualTo(200);
        assertThat(agenda.body()).contains("error-summary", "Kept description", "CUI//REL TO JPN,USA");
        assertThat(value(agenda.body(), "agenda-title")).isEqualTo("Kept agenda title");
        assertThat(value(agenda.body(), "agenda-presenter")).isEqualTo("Kept presenter");
        assertThat(agenda.body()).containsPattern("<details[^>]*class=\"inline-form\"[^>]*open");

        var action = web.form("/meetings/" + meeting + "/action-items", Http.csrf(page), Map.of(
                "title", "Kept action", "ownerId", String.valueOf(userId(DemoUsers.JP_ATLA)),
                "dueDate", "2027-07-04", "marking", "CUI//REL TO JPN,USA"));
        assertThat(action.status()).isEqualTo(200);
        assertThat(value(action.body(), "action-title")).isEqualTo("Kept action");
        assertThat(value(action.body(), "action-due")).isEqualTo("2027-07-04");

        var decision = web.form("/meetings/" + meeting + "/decisions", Http.csrf(page), Map.of(
                "text", "Kept decision text", "marking", "CUI//REL TO JPN,USA"));
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.body()).contains(">Kept decision text</textarea>");
    }

    @Test
    void theThreadPageKeepsARefusedReplyAsEntered() {
        long thread = api.post("/api/v1/threads", us, Map.of("title", "Reply form thread", "body", "Dates?",
                "marking", MARKING)).json().get("id").asLong();
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String page = web.get("/discussions/" + thread, null).body();
        var r = web.form("/discussions/" + thread + "/replies", Http.csrf(page), Map.of("body", "My kept reply",
                "marking", "CUI//REL TO JPN,USA"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("error-summary", ">My kept reply</textarea>", "value=\"CUI//REL TO JPN,USA\"");
    }

    @Test
    void anOrganiserEditsAnAgendaItemFromTheMeetingPageAndAStaleSaveShowsWhatChanged() {
        var a = api.post("/api/v1/meetings/" + meeting + "/agenda-items", us, Map.of("title", "Opening",
                "marking", MARKING));
        long item = a.json().get("id").asLong();
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String page = web.get("/meetings/" + meeting, null).body();
        assertThat(page).contains("Edit this agenda item");
        String path = "/meetings/" + meeting + "/agenda/" + item + "/edit";
        var ok = web.form(path, Http.csrf(page), Map.of("version", "1", "title", "Opening remarks",
                "presenter", "ATLA", "marking", MARKING));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/meetings/" + meeting + "#agenda-" + item);
        assertThat(web.get("/meetings/" + meeting, null).body()).contains("Opening remarks");

        var stale = web.form(path, Http.csrf(page), Map.of("version", "1", "title", "My stale title",
                "marking", MARKING));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("class=\"conflict\"", "Opening remarks");
        assertThat(value(stale.body(), "agenda-" + item + "-title")).isEqualTo("My stale title");
        assertThat(api.get("/api/v1/meetings/" + meeting + "/agenda-items/" + item, us).json().get("title").asString())
                .isEqualTo("Opening remarks");
    }

    @Test
    void theActionItemPageEditsDueDateAndOwnerAndShowsTheHistoryInTheReadersLanguage() {
        long id = actionItem(DemoUsers.JP_ATLA);
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String page = web.get("/action-items/" + id, null).body();
        assertThat(page).contains("Circulate the draft", "Related records", "Pages meeting", "Edit the action item",
                "class=\"banner banner-unclassified\"");
        assertThat(Http.version(page)).isEqualTo("1");
        var r = web.form("/action-items/" + id + "/edit", Http.csrf(page), Map.of("version", "1",
                "title", "Circulate the draft", "ownerId", String.valueOf(userId(DemoUsers.JP_MSDF)),
                "dueDate", "2027-06-20", "status", "OPEN", "meetingId", String.valueOf(meeting), "marking", MARKING));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/action-items/" + id);
        String after = web.get("/action-items/" + id, null).body();
        assertThat(after).contains("datetime=\"2027-06-20\"", "Changed: Owner, Due date");

        Http ja = new Http(port).inLanguage("ja").signIn(DemoUsers.JP_ATLA, DemoUsers.PASSWORD);
        assertThat(ja.get("/action-items/" + id, null).body()).contains("変更した項目：担当者、期限", "関連レコード");

        var stale = web.form("/action-items/" + id + "/edit", Http.csrf(page), Map.of("version", "1",
                "title", "Stale title", "ownerId", String.valueOf(userId(DemoUsers.JP_ATLA)), "dueDate", "2027-08-01",
                "status", "OPEN", "meetingId", String.valueOf(meeting), "marking", MARKING));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("class=\"conflict\"", "Stale title");
        assertThat(value(stale.body(), "dueDate")).isEqualTo("2027-08-01");
        assertThat(Http.version(stale.body())).as("saving again is made against the current version").isEqualTo("2");
    }

    @Test
    void someoneWhoMayNotEditGets403NamingTheRuleAndNoForm() {
        long id = actionItem(DemoUsers.JP_ATLA);
        Http industry = new Http(port).signIn(DemoUsers.US_INDUSTRY, DemoUsers.PASSWORD);
        var page = industry.get("/action-items/" + id, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Edit the action item");
        var r = industry.form("/action-items/" + id + "/edit", Http.csrf(page.body()), Map.of("version", "1",
                "title", "Taken over", "ownerId", String.valueOf(userId(DemoUsers.US_INDUSTRY)),
                "dueDate", "2027-06-01", "status", "OPEN", "marking", MARKING));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("Only its owner or a government user changes an action item.");
    }

    @Test
    void theDecisionPageShowsTheMeetingAndEditsTheText() {
        var d = api.post("/api/v1/meetings/" + meeting + "/decisions", us, Map.of("text", "Agreed in principle",
                "marking", MARKING));
        long id = d.json().get("id").asLong();
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        assertThat(web.get("/meetings/" + meeting, null).body()).contains("href=\"/decisions/" + id + "\"");
        String page = web.get("/decisions/" + id, null).body();
        assertThat(page).contains("Agreed in principle", "Pages meeting", "Edit the decision");
        var r = web.form("/decisions/" + id + "/edit", Http.csrf(page), Map.of("version", "1",
                "text", "Agreed, subject to funding", "marking", MARKING));
        assertThat(r.status()).isEqualTo(302);
        assertThat(web.get("/decisions/" + id, null).body()).contains("Agreed, subject to funding", "Changed: Text");
        assertThat(web.get("/decisions/999999999", null).status()).isEqualTo(404);
    }
}
