package org.dicas.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The trust features work from the pages: request and decide a release, issue and attach an authorization, CSV banner. */
@PlatformTest
class TrustPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void releaseIsRequestedAndApprovedFromTheRecordHistoryPage() {
        Http http = new Http(port);
        long doc = http.post("/api/v1/documents", http.token("us.acq", "demo"), Map.of("title", "Page release",
                "body", "x", "marking", "UNCLASSIFIED//REL TO USA, JPN")).json().get("id").asLong();
        Http jp = new Http(port).signIn("jp.atla", "demo");
        var docPage = jp.get("/documents/" + doc, null);
        assertThat(docPage.body()).contains("/records/" + doc + "/history");
        var history = jp.get("/records/" + doc + "/history", null);
        assertThat(history.status()).isEqualTo(200);
        var sent = jp.form("/records/" + doc + "/disclosure-requests", Http.csrf(history.body()),
                Map.of("nations", "AUS", "justification", "Needed by Australia"));
        assertThat(sent.status()).isEqualTo(302);
        Http fdo = new Http(port).signIn("us.fdo", "demo");
        assertThat(fdo.get("/", null).body()).containsPattern("Notifications \\([1-9][0-9]*\\)");
        var inbox = fdo.get("/disclosure-requests?awaiting.q=Page+release", null); // oldest first: found by title
        assertThat(inbox.body()).contains("Page release");
        long id = jdbc.sql("select id from disclosure_request where record_id = :r").param("r", doc).query(Long.class).single();
        var fdoHistory = fdo.get("/records/" + doc + "/history", null);
        assertThat(fdoHistory.body()).contains("Approve", "Deny");
        var decided = fdo.form("/disclosure-requests/" + id + "/decision", Http.csrf(fdoHistory.body()),
                Map.of("outcome", "approve", "nations", "AUS", "reason", "ok"));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(new Http(port).signIn("au.dod", "demo").get("/documents/" + doc, null).status()).isEqualTo(200);
        assertThat(jp.get("/notifications", null).body()).contains("Release request #" + id);
        // the requester has no decision buttons
        assertThat(jp.get("/records/" + doc + "/history", null).body()).doesNotContain("name=\"outcome\"");
    }

    @Test
    void officerIssuesAndAttachesAnAuthorizationFromThePages() {
        Http http = new Http(port);
        long doc = http.post("/api/v1/documents", http.token("us.acq", "demo"), Map.of("title", "Export page",
                "body", "x", "marking", "CUI//REL TO USA, JPN//EXPORT ITAR XII")).json().get("id").asLong();
        Http fdo = new Http(port).signIn("us.fdo", "demo");
        var list = fdo.get("/authorizations", null);
        assertThat(list.status()).isEqualTo(200);
        var issued = fdo.form("/authorizations", Http.csrf(list.body()), Map.of("number", "PAGE-1", "kind", "AGREEMENT",
                "regime", "ITAR", "coveredNations", "JPN", "validFrom", LocalDate.now().toString(),
                "validTo", LocalDate.now().plusDays(5).toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(302);
        String detail = issued.header("Location");
        var page = fdo.get(detail, null);
        var attached = fdo.form(detail + "/records", Http.csrf(page.body()), Map.of("recordId", Long.toString(doc)));
        assertThat(attached.status()).isEqualTo(302);
        assertThat(new Http(port).signIn("jp.atla", "demo").get("/documents/" + doc, null).status()).isEqualTo(200);
        assertThat(new Http(port).signIn("us.acq", "demo").get("/authorizations", null).status())
                .as("not a disclosure officer").isEqualTo(404);
    }

    @Test
    void adminPagesRender() {
        Http admin = new Http(port).signIn("admin", "demo");
        assertThat(admin.get("/admin/users", null).body()).contains("jp.industry");
        long id = jdbc.sql("select id from app_user where username = 'au.dod'").query(Long.class).single();
        assertThat(admin.get("/admin/users/" + id, null).body()).contains("au.dod", "Reset password");
        assertThat(admin.get("/admin/audit", null).body()).contains("hash chain");
    }

    @Test
    void csvExportCarriesTheHighWaterMarkBannerFirstAndLast() {
        Http au = new Http(port).signIn("au.dod", "demo");
        var csv = au.get("/action-items/export.csv?lang=en", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).as("a UTF-8 byte-order mark first, for Excel on Japanese Windows").startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(lines[lines.length - 1])
                .isEqualTo("\"" + csv.header("X-DICAS-Marking") + "\"");
        assertThat(lines[0]).doesNotContain("CUI");
        assertThat(lines[1]).as("the header row right after the banner").isEqualTo("ID,Marking,Title,Owner,Due,Status,Meeting");
        Http jp = new Http(port).signIn("jp.atla", "demo");
        String[] jpLines = jp.get("/action-items/export.csv?lang=ja", null).body().substring(1).split("\r\n");
        assertThat(jpLines[0]).startsWith("\"CUI");
        assertThat(jpLines[1]).as("the header row in the reader's language").isEqualTo("番号,区分表示,件名,担当者,期限,状態,会合");
        assertThat(jpLines[2]).as("statuses by their Japanese labels").containsAnyOf(",未完了,", ",完了,", ",期限超過,")
                .doesNotContain(",OPEN,").doesNotContain(",DONE,");
        jp.get("/?lang=en", null); // the language switch is remembered for the user: back to English
        var bulk = new Http(port).get("/api/v1/action-items/export", new Http(port).token("jp.atla", "demo")).json();
        assertThat(bulk.get("marking").asString()).startsWith("CUI");
        assertThat(bulk.get("items").size()).isPositive();
    }
}
