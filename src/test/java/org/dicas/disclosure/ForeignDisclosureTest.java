package org.dicas.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Request → approve (possibly narrower) or deny, by the originating nation's disclosure officer only. */
@PlatformTest
class ForeignDisclosureTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String acq;
    String fdo;
    String jp;
    String au;

    @BeforeEach
    void tokens() {
        http = new Http(port);
        acq = Tokens.of(port, "us.acq");
        fdo = Tokens.of(port, "us.fdo");
        jp = Tokens.of(port, "jp.atla");
        au = Tokens.of(port, "au.dod");
    }

    long document(String token, String title, String marking) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "b", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static java.util.List<String> messages(JsonNode notifications) {
        java.util.List<String> out = new java.util.ArrayList<>();
        notifications.forEach(n -> out.add(n.get("message").asString()));
        return out;
    }

    @Test
    void approvalWidensRelToNotifiesAndShowsInTheHistory() {
        long doc = document(acq, "Release me", "UNCLASSIFIED//REL TO USA, JPN");
        assertThat(http.get("/api/v1/documents/" + doc, au).status()).isEqualTo(404);
        var req = http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("nations", List.of("AUS", "GBR"), "justification", "Australia joins the trainer study"));
        assertThat(req.status()).as(req.body()).isEqualTo(201);
        long id = req.json().get("id").asLong();
        assertThat(req.json().get("status").asString()).isEqualTo("PENDING");
        // the officer sees it waiting; the requester cannot decide; another nation's officer cannot either
        assertThat(http.all("/api/v1/disclosure-requests/awaiting", fdo).toString()).contains("\"id\":" + id);
        assertThat(http.post("/api/v1/disclosure-requests/" + id + "/approve", jp, Map.of()).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/disclosure-requests/" + id + "/approve", acq, Map.of()).status()).isEqualTo(403);
        // narrower than asked: AUS only
        var approved = http.post("/api/v1/disclosure-requests/" + id + "/approve", fdo,
                Map.of("nations", List.of("AUS"), "reason", "GBR not part of the study"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("markingAfter").asString()).isEqualTo("UNCLASSIFIED//REL TO USA, JPN, AUS");
        assertThat(http.get("/api/v1/documents/" + doc, au).json().get("marking").asString())
                .isEqualTo("UNCLASSIFIED//REL TO USA, JPN, AUS");
        assertThat(http.get("/api/v1/documents/" + doc, au).status()).isEqualTo(200);
        // requester and owner are notified
        assertThat(messages(http.all("/api/v1/notifications", jp)))
                .as("a narrowed release reads as partial, not as a plain approval")
                .contains("Release request #" + id + " for \"Release me\" was approved in part: fewer nations or "
                        + "companies were released than asked for");
        assertThat(messages(new Http(port).inLanguage("ja").get("/api/v1/notifications", jp).json().get("items")))
                .contains("「Release me」の開示要請 #" + id + " は一部承認されました（要請された開示先の一部のみ開示）");
        assertThat(http.all("/api/v1/notifications", acq).toString()).contains("Release request #" + id);
        // every step is in the record's history, with who and why
        JsonNode history = http.get("/api/v1/records/" + doc + "/history", au).json();
        String events = history.get("events").toString();
        assertThat(events).contains("RELEASE_REQUESTED", "RELEASE_APPROVED", "MARKING_CHANGED", "jp.atla", "us.fdo",
                "GBR not part of the study", "Australia joins the trainer study");
        assertThat(history.get("requests").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(history.get("requests").get(0).get("outcome").asString()).isEqualTo("APPROVED_IN_PART");
        Http auWeb = new Http(port).signIn("au.dod", "demo");
        String historyJa = auWeb.get("/records/" + doc + "/history?lang=ja", null).body();
        String card = historyJa.substring(historyJa.indexOf("<li id=\"request-" + id + "\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).as("the request says the release was partial, naming the nations in Japanese")
                .contains("一部承認", "豪州、英国への開示を要請", "要請された豪州、英国のうち、豪州に開示")
                .doesNotContain("[AUS, GBR]").doesNotContain(">承認済み<");
        auWeb.get("/?lang=en", null); // the language switch is remembered for the user: back to English
        // a decided request cannot be decided again
        assertThat(http.post("/api/v1/disclosure-requests/" + id + "/deny", fdo, Map.of("reason", "late")).status())
                .isEqualTo(400);
    }

    @Test
    void denialNeedsAReasonAndChangesNothing() {
        long doc = document(acq, "Keep me", "CUI//NOFORN");
        var req = http.post("/api/v1/records/" + doc + "/disclosure-requests", acq,
                Map.of("nations", List.of("JPN"), "justification", "for the plenary"));
        long id = req.json().get("id").asLong();
        assertThat(http.post("/api/v1/disclosure-requests/" + id + "/deny", fdo, Map.of()).json().get("field").asString())
                .isEqualTo("reason");
        var denied = http.post("/api/v1/disclosure-requests/" + id + "/deny", fdo, Map.of("reason", "Contains cost data"));
        assertThat(denied.json().get("status").asString()).isEqualTo("DENIED");
        assertThat(http.get("/api/v1/documents/" + doc, acq).json().get("marking").asString()).isEqualTo("CUI//NOFORN");
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).isEqualTo(404);
        assertThat(http.all("/api/v1/notifications", acq).toString()).contains("denied");
    }

    @Test
    void nofornBecomesRelToTheOriginatorAndTheReleasedNations() {
        long doc = document(acq, "US only for now", "CUI//NOFORN");
        long id = http.post("/api/v1/records/" + doc + "/disclosure-requests", acq,
                Map.of("nations", List.of("JPN"), "justification", "co-production")).json().get("id").asLong();
        var approved = http.post("/api/v1/disclosure-requests/" + id + "/approve", fdo, Map.of());
        assertThat(approved.json().get("markingAfter").asString()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).isEqualTo(200);
    }

    @Test
    void approvingAnExportControlledRecordAttachesAnAuthorization() {
        long doc = document(acq, "ITAR data", "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV");
        long sakura = jdbc.sql("select id from organization where name like 'Sakura%'").query(Long.class).single();
        String jpIndustry = http.token("jp.industry", "demo");
        assertThat(http.get("/api/v1/documents/" + doc, jpIndustry).status()).isEqualTo(404);
        long id = http.post("/api/v1/records/" + doc + "/disclosure-requests", acq,
                Map.of("companies", List.of(sakura), "justification", "licensed production")).json().get("id").asLong();
        var approved = http.post("/api/v1/disclosure-requests/" + id + "/approve", fdo, Map.of("reason", "DSP-5 basis"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/documents/" + doc, jpIndustry).status()).as("covered company").isEqualTo(200);
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).as("JPN government: the nation of the covered company is covered")
                .isEqualTo(200);
        JsonNode history = http.get("/api/v1/records/" + doc + "/history", acq).json();
        assertThat(history.get("authorizations").get(0).get("number").asString()).isEqualTo("FD-" + id);
    }

    @Test
    void nobodyRaisesAccessToWhatTheyCannotReadNorReleasesAnotherNationsRecord() {
        long usOnly = document(acq, "US NOFORN", "CUI//NOFORN");
        assertThat(http.post("/api/v1/records/" + usOnly + "/disclosure-requests", jp,
                Map.of("nations", List.of("JPN"), "justification", "please")).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/records/" + usOnly + "/history", jp).status()).isEqualTo(404);
        long jpDoc = document(jp, "Japanese paper", "CUI//REL TO JPN, USA");
        long id = http.post("/api/v1/records/" + jpDoc + "/disclosure-requests", acq,
                Map.of("nations", List.of("AUS"), "justification", "share with Australia")).json().get("id").asLong();
        assertThat(http.post("/api/v1/disclosure-requests/" + id + "/approve", fdo, Map.of()).status())
                .as("a US officer cannot release a Japanese record").isEqualTo(403);
        assertThat(http.get("/api/v1/documents/" + jpDoc, acq).json().get("marking").asString()).isEqualTo("CUI//REL TO JPN, USA");
    }

    @Test
    void badRequestsNameTheProblem() {
        long doc = document(acq, "Bad requests", "UNCLASSIFIED//REL TO USA, JPN");
        assertThat(http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("nations", List.of(), "justification", "x")).json().get("field").asString()).isEqualTo("nations");
        assertThat(http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("nations", List.of("XXX"), "justification", "x")).json().get("field").asString()).isEqualTo("nations");
        assertThat(http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("nations", List.of("JPN"), "justification", "x")).json().get("detail").asString()).contains("already");
        assertThat(http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("nations", List.of("AUS"), "justification", " ")).json().get("field").asString()).isEqualTo("justification");
        assertThat(http.post("/api/v1/records/" + doc + "/disclosure-requests", jp,
                Map.of("companies", List.of(1), "justification", "x")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from disclosure_request where record_id = :r").param("r", doc)
                .query(Integer.class).single()).isZero();
    }
}
