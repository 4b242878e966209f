package org.dicas.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.PlatformTest;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Notifications and release requests show record titles, so they carry the records' markings: each item its own,
 * lists and pages the high-water mark of what they show. A notification names its record through the policy at
 * display time, so a reader who lost access to the record no longer sees its title.
 */
@PlatformTest
class DerivedProductsMarkingTest {

    static final String NOFORN = "CUI//NOFORN";

    @LocalServerPort
    int port;

    Http http;
    String acq;
    String fdo;
    String jp;

    @BeforeEach
    void tokens() {
        // the API answers in the user's saved language: make sure other tests left these users in English
        for (String user : List.of("us.acq", "us.fdo", "jp.atla")) {
            new Http(port).signIn(user, "demo").get("/?lang=en", null);
        }
        http = new Http(port);
        acq = Tokens.of(port, "us.acq");
        fdo = Tokens.of(port, "us.fdo");
        jp = Tokens.of(port, "jp.atla");
    }

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long document(String token, String title, String marking) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "b", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long releaseRequest(String token, long record, String nation) {
        var r = http.post("/api/v1/records/" + record + "/disclosure-requests", token,
                Map.of("nations", List.of(nation), "justification", "for the working group"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** The banner at the top of a page. */
    static Marking banner(String page) {
        return Marking.parse(Jsoup.parse(page).selectFirst("div.banner span").text());
    }

    /** Whether a banner is at least as restrictive as a marking (raising it by the marking changes nothing). */
    static boolean dominates(Marking banner, Marking marking) {
        return Marking.highWaterMark(List.of(banner, marking)).equals(banner);
    }

    static List<JsonNode> items(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    static JsonNode aboutRecord(JsonNode notifications, long record) {
        return items(notifications.get("items")).stream()
                .filter(n -> !n.get("recordId").isNull() && n.get("recordId").asLong() == record).findFirst()
                .orElseThrow(() -> new AssertionError("no notification about " + record + " in " + notifications));
    }

    static JsonNode withMessageContaining(JsonNode notifications, String text) {
        return items(notifications.get("items")).stream().filter(n -> n.get("message").asString().contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + text + "' in " + notifications));
    }

    @Test
    void aNofornTitleOnTheNotificationsAndReleaseRequestPagesComesUnderABannerAtLeastNoforn() {
        String title = unique("DPM noforn plan");
        long doc = document(acq, title, NOFORN);
        long request = releaseRequest(acq, doc, "JPN");
        Http officer = new Http(port).signIn("us.fdo", "demo");

        String notifications = officer.get("/notifications", null).body();
        assertThat(notifications).contains(title, "Release request #" + request, "(CUI//NOFORN)");
        assertThat(dominates(banner(notifications), Marking.parse(NOFORN)))
                .as("notifications banner " + banner(notifications)).isTrue();

        // the officer's list is oldest first: the new request found by its title, whatever else is pending
        String inbox = officer.get("/disclosure-requests?awaiting.q=" + java.net.URLEncoder.encode(title,
                java.nio.charset.StandardCharsets.UTF_8), null).body();
        assertThat(inbox).contains(title);
        assertThat(dominates(banner(inbox), Marking.parse(NOFORN))).as("inbox banner " + banner(inbox)).isTrue();

        String mine = new Http(port).signIn("us.acq", "demo").get("/disclosure-requests", null).body();
        assertThat(mine).contains(title);
        assertThat(dominates(banner(mine), Marking.parse(NOFORN))).as("requester's banner " + banner(mine)).isTrue();
    }

    @Test
    void notificationAndReleaseRequestListsCarryTheHighWaterMarkTopLevelAndEachItemItsRecordsMarking() {
        String title = unique("DPM api plan");
        long doc = document(acq, title, NOFORN);
        long request = releaseRequest(acq, doc, "JPN");

        JsonNode notifications = http.get("/api/v1/notifications", fdo).json();
        JsonNode about = aboutRecord(notifications, doc);
        assertThat(about.get("marking").asString()).isEqualTo(NOFORN);
        assertThat(about.get("key").asString()).isEqualTo("notification.release.requested");
        assertThat(about.get("message").asString())
                .isEqualTo("Release request #" + request + " for \"" + title + "\" awaits a decision");
        assertThat(about.get("link").asString()).isEqualTo("/records/" + doc + "/history");
        List<Marking> notified = items(notifications.get("items")).stream()
                .map(n -> Marking.parse(n.get("marking").asString())).toList();
        assertThat(Marking.parse(notifications.get("marking").asString())).isEqualTo(Marking.highWaterMark(notified));

        JsonNode requests = http.get("/api/v1/disclosure-requests/awaiting?size=200", fdo).json();
        JsonNode awaiting = items(requests.get("items")).stream()
                .filter(d -> d.get("id").asLong() == request).findFirst().orElseThrow();
        assertThat(awaiting.get("marking").asString()).isEqualTo(NOFORN);
        assertThat(awaiting.get("recordTitle").asString()).isEqualTo(title);
        List<Marking> shown = new ArrayList<>();
        requests.get("items").forEach(d -> shown.add(Marking.parse(d.get("marking").asString())));
        assertThat(Marking.parse(requests.get("marking").asString())).isEqualTo(Marking.highWaterMark(shown));
        assertThat(dominates(Marking.parse(requests.get("marking").asString()), Marking.parse(NOFORN))).isTrue();

        JsonNode empty = http.get("/api/v1/requirements?text=" + UUID.randomUUID(), acq).json();
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("marking").asString()).isEqualTo("PUBLIC");
    }

    @Test
    void aNotificationAboutARecordTheReaderCanNoLongerReadShowsNeitherItsTitleNorItsLink() {
        String title = unique("DPM narrowed plan");
        long doc = document(acq, title, "UNCLASSIFIED//REL TO USA, JPN");
        long request = releaseRequest(jp, doc, "AUS");
        var denied = http.post("/api/v1/disclosure-requests/" + request + "/deny", fdo, Map.of("reason", "not now"));
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        JsonNode before = aboutRecord(http.get("/api/v1/notifications", jp).json(), doc);
        assertThat(before.get("message").asString()).contains(title);
        assertThat(before.get("marking").asString()).isEqualTo("UNCLASSIFIED//REL TO USA, JPN");

        // the author narrows the record: Japan falls out
        var narrowed = http.put("/api/v1/documents/" + doc, acq,
                Map.of("title", title, "body", "b", "marking", NOFORN));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).isEqualTo(404);

        var api = http.get("/api/v1/notifications", jp);
        assertThat(api.body()).doesNotContain(title).doesNotContain("/records/" + doc + "/history");
        JsonNode after = withMessageContaining(api.json(), "Release request #" + request + " ");
        assertThat(after.get("message").asString())
                .isEqualTo("Release request #" + request + " for a record you can no longer read was denied");
        assertThat(after.get("recordId").isNull()).isTrue();
        assertThat(after.get("link").asString()).isEmpty();
        assertThat(after.get("marking").asString()).isEqualTo("PUBLIC");

        Http web = new Http(port).signIn("jp.atla", "demo");
        try {
            String page = web.get("/notifications?lang=en", null).body();
            assertThat(page).doesNotContain(title).doesNotContain("/records/" + doc + "/history")
                    .contains("Release request #" + request + " for a record you can no longer read was denied");
            assertThat(web.get("/disclosure-requests", null).body()).doesNotContain(title);
            String ja = web.get("/notifications?lang=ja", null).body();
            assertThat(ja).doesNotContain(title)
                    .contains("閲覧できなくなった記録の開示要請 #" + request + " は却下されました");
        } finally {
            web.get("/?lang=en", null); // the language choice is remembered for the user: leave jp.atla in English
        }

        // the author, who still reads the record, still sees its (current) title and marking
        JsonNode author = aboutRecord(http.get("/api/v1/notifications", acq).json(), doc);
        assertThat(author.get("message").asString())
                .isEqualTo("Release request #" + request + " for \"" + title + "\" was denied");
        assertThat(author.get("marking").asString()).isEqualTo(NOFORN);
    }
}
