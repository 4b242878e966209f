package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.notifications.Notifications;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Creates records with a spread of markings, then reads every one back as every demo user through every read path
 * (API by id, API list, search, HTML page, counts, calendar export, dashboard, record history, release requests,
 * notifications). Each path must agree with the policy: a record the user may not read does not exist for them, and
 * a notification about it names it only while they may read it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasabilityMatrixTest {

    static final String TAG = "Matrixfixture";

    @LocalServerPort
    int port;
    @Autowired
    Directory directory;
    @Autowired
    MarkedRecords records;
    @Autowired
    ReleasabilityPolicy policy;
    @Autowired
    Notifications notifications;

    record Fixture(String kind, long id, long parentId, String marking, String author) {
    }

    final List<Fixture> fixtures = new ArrayList<>();
    /** Release requests by the author of each document that can be released further: document id → request id. */
    final Map<Long, Long> releaseRequests = new HashMap<>();
    Http http;

    @BeforeAll
    void createMarkedRecords() {
        http = new Http(port);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String u : DemoUsers.usernames()) {
            tokens.put(u, http.token(u, DemoUsers.PASSWORD));
        }
        Object[][] docs = {
                {"us.acq", "PUBLIC"}, {"us.acq", "UNCLASSIFIED"}, {"us.acq", "CUI"},
                {"us.acq", "CUI//REL TO USA, JPN"}, {"us.acq", "CUI//NOFORN"},
                {"us.acq", "UNCLASSIFIED//REL TO USA, JPN, AUS"}, {"us.navy", "CUI//GROUP WG-SHIP"},
                {"us.acq", "CUI//REL TO USA, JPN//GROUP WG-MISSILE"}, {"us.acq", "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV"},
                {"jp.atla", "CUI//NOFORN"}, {"jp.industry", "CUI//PROPIN"}, {"us.industry", "UNCLASSIFIED//PROPIN"},
                {"jp.atla", "UNCLASSIFIED//GROUP PLENARY"}, {"au.dod", "UNCLASSIFIED//REL TO AUS, USA"}};
        for (Object[] d : docs) {
            var r = http.post("/api/v1/documents", tokens.get((String) d[0]),
                    Map.of("title", TAG + " document " + d[1], "body", TAG + " body", "marking", d[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            fixtures.add(new Fixture("document", r.json().get("id").asLong(), 0, (String) d[1], (String) d[0]));
        }
        // export-controlled data with authorizations: one active for JPN limited to the Japanese company, one expired
        long sakura = directory.organizations().stream().filter(o -> o.name().startsWith("Sakura")).findFirst()
                .orElseThrow().id();
        java.time.LocalDate today = java.time.LocalDate.now();
        Object[][] exported = {{"CUI//REL TO USA, JPN//EXPORT ITAR USML-XII", List.of(sakura), today.minusDays(1), today.plusDays(1)},
                {"CUI//REL TO USA, JPN, AUS//EXPORT EAR 3A001", List.of(), today.minusDays(30), today.minusDays(1)},
                {"UNCLASSIFIED//REL TO USA, JPN, AUS//EXPORT EAR 5A002", List.of(), today, today}};
        int n = 0;
        for (Object[] e : exported) {
            String marking = (String) e[0];
            var doc = http.post("/api/v1/documents", tokens.get("us.acq"),
                    Map.of("title", TAG + " document " + marking, "body", TAG + " body", "marking", marking));
            assertThat(doc.status()).as(doc.body()).isEqualTo(201);
            long docId = doc.json().get("id").asLong();
            var a = http.post("/api/v1/authorizations", tokens.get("us.fdo"), Map.of("number", "MATRIX-" + (n++),
                    "kind", "LICENCE", "regime", marking.contains("ITAR") ? "ITAR" : "EAR",
                    "coveredNations", List.of("JPN", "AUS"), "coveredCompanies", e[1],
                    "validFrom", e[2].toString(), "validTo", e[3].toString()));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            assertThat(http.post("/api/v1/authorizations/" + a.json().get("id").asLong() + "/records/" + docId,
                    tokens.get("us.fdo"), "").status()).isEqualTo(204);
            fixtures.add(new Fixture("document", docId, 0, marking, "us.acq"));
        }
        var thread = http.post("/api/v1/threads", tokens.get("jp.atla"),
                Map.of("title", TAG + " thread", "body", "議論", "marking", "PUBLIC"));
        long threadId = thread.json().get("id").asLong();
        fixtures.add(new Fixture("thread", threadId, 0, "PUBLIC", "jp.atla"));
        Object[][] replies = {{"us.acq", "CUI//NOFORN"}, {"jp.msdf", "CUI//GROUP WG-SHIP"}, {"au.dod", "UNCLASSIFIED"}};
        for (Object[] rp : replies) {
            var r = http.post("/api/v1/threads/" + threadId + "/replies", tokens.get((String) rp[0]),
                    Map.of("body", TAG + " reply " + rp[1], "marking", rp[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            fixtures.add(new Fixture("reply", r.json().get("id").asLong(), threadId, (String) rp[1], (String) rp[0]));
        }
        var hiddenThread = http.post("/api/v1/threads", tokens.get("us.navy"),
                Map.of("title", TAG + " ship thread", "body", "dock", "marking", "CUI//GROUP WG-SHIP"));
        fixtures.add(new Fixture("thread", hiddenThread.json().get("id").asLong(), 0, "CUI//GROUP WG-SHIP", "us.navy"));
        Object[][] meetings = {{"us.acq", "CUI//NOFORN"}, {"jp.atla", "UNCLASSIFIED//REL TO USA, JPN, AUS"},
                {"us.acq", "CUI//REL TO USA, JPN"}};
        long jpAtlaId = directory.userByUsername("jp.atla").orElseThrow().id();
        for (Object[] m : meetings) {
            var r = http.post("/api/v1/meetings", tokens.get((String) m[0]), Map.of("kind", "PLENARY",
                    "titleEn", TAG + " meeting " + m[1], "titleJa", "会合", "startsAt", "2027-09-01T10:00:00",
                    "endsAt", "2027-09-01T12:00:00", "timeZone", "Asia/Tokyo", "marking", m[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long meetingId = r.json().get("id").asLong();
            fixtures.add(new Fixture("meeting", meetingId, 0, (String) m[1], (String) m[0]));
            // jp.atla owns every action item; one jp.atla may not read is refused as owner (see the picker section),
            // so it is handed over in the database, as if jp.atla had lost access after being assigned
            DicasUser organiser = directory.userByUsername((String) m[0]).orElseThrow();
            boolean jpMayOwn = policy.mayRead(directory.user(jpAtlaId).orElseThrow(),
                    new RecordMarking(org.dicas.shared.Marking.parse((String) m[1]), organiser.nation(),
                            java.util.Optional.empty()));
            var a = http.post("/api/v1/action-items", tokens.get((String) m[0]), Map.of("meetingId", meetingId,
                    "title", TAG + " action " + m[1], "ownerId", jpMayOwn ? jpAtlaId : organiser.id(),
                    "dueDate", "2027-10-01", "marking", m[1]));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            if (!jpMayOwn) {
                jdbc.sql("update action_item set owner_id = :u where id = :a").param("u", jpAtlaId)
                        .param("a", a.json().get("id").asLong()).update();
            }
            fixtures.add(new Fixture("action-item", a.json().get("id").asLong(), meetingId, (String) m[1], (String) m[0]));
        }
        for (Fixture f : fixtures) {
            Marking m = Marking.parse(f.marking());
            if (!f.kind().equals("document") || m.releasableToAllNations()) {
                continue; // nothing to release to
            }
            String origin = directory.userByUsername(f.author()).orElseThrow().nation().code();
            String to = Stream.of("AUS", "GBR", "JPN", "USA")
                    .filter(c -> !c.equals(origin) && !m.relTo().contains(NationCode.of(c))).findFirst().orElseThrow();
            var r = http.post("/api/v1/records/" + f.id() + "/disclosure-requests", tokens.get(f.author()),
                    Map.of("nations", List.of(to), "justification", TAG + " release"));
            assertThat(r.status()).as(f + ": " + r.body()).isEqualTo(201);
            releaseRequests.put(f.id(), r.json().get("id").asLong());
        }
        assertThat(releaseRequests).hasSizeGreaterThan(8);
        List<Long> everyone = DemoUsers.usernames().stream()
                .map(u -> directory.userByUsername(u).orElseThrow().id()).toList();
        for (Fixture f : fixtures) {
            notifications.send(everyone, f.id(), "/records/" + f.id() + "/history", "notification.earlier");
        }
    }

    static Marking banner(String page) {
        return Marking.parse(Jsoup.parse(page).selectFirst("div.banner span").text());
    }

    boolean expected(DicasUser user, Fixture f) {
        return policy.mayRead(user, records.find(f.id()).orElseThrow());
    }

    @Test
    void everyReadPathAgreesWithThePolicyForEveryDemoUser() {
        int checks = 0;
        for (String username : DemoUsers.usernames()) {
            DicasUser user = directory.userByUsername(username).orElseThrow();
            String token = http.token(username, DemoUsers.PASSWORD);
            Http web = new Http(port).signIn(username, DemoUsers.PASSWORD);
            String docList = http.all("/api/v1/documents", token).toString();
            String threadList = http.all("/api/v1/threads", token).toString();
            String meetingList = http.all("/api/v1/meetings", token).toString();
            String actionList = http.all("/api/v1/action-items", token).toString();
            String docPage = web.get("/documents?size=200", null).body();
            String threadsPage = web.get("/discussions?size=200", null).body();
            String meetingsPage = web.get("/meetings?size=200", null).body();
            String actionsPage = web.get("/action-items?size=200", null).body();
            String calendar = web.get("/meetings/calendar.ics", null).body();
            String dashboard = web.get("/", null).body();
            JsonNode search = http.all("/api/v1/search?q=" + TAG, token);
            String searchPage = web.get("/search?q=" + TAG, null).body();
            List<Long> searchIds = new ArrayList<>();
            search.forEach(h -> searchIds.add(h.get("id").asLong()));
            Map<Long, JsonNode> notified = new HashMap<>();
            http.all("/api/v1/notifications", token).forEach(n -> {
                if (!n.get("recordId").isNull()) {
                    notified.put(n.get("recordId").asLong(), n);
                }
            });
            String notificationsPage = web.get("/notifications?size=200", null).body();
            Marking notificationsBanner = banner(notificationsPage);
            String releaseRequestList = http.all("/api/v1/disclosure-requests/mine", token).toString()
                    + http.all("/api/v1/disclosure-requests/awaiting", token).toString();
            for (Fixture f : fixtures) {
                boolean visible = expected(user, f);
                String what = username + " reading " + f;
                switch (f.kind()) {
                    case "document" -> {
                        assertThat(http.get("/api/v1/documents/" + f.id(), token).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(web.get("/documents/" + f.id(), null).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(docList.contains("\"id\":" + f.id() + ",")).as(what).isEqualTo(visible);
                        assertThat(docPage.contains("href=\"/documents/" + f.id() + "\"")).as(what).isEqualTo(visible);
                    }
                    case "thread" -> {
                        assertThat(http.get("/api/v1/threads/" + f.id(), token).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(web.get("/discussions/" + f.id(), null).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(threadList.contains("\"id\":" + f.id() + ",")).as(what).isEqualTo(visible);
                        assertThat(threadsPage.contains("href=\"/discussions/" + f.id() + "\"")).as(what).isEqualTo(visible);
                        if (visible) {
                            long countedReplies = fixtures.stream().filter(r -> r.parentId() == f.id() && "reply".equals(r.kind()))
                                    .filter(r -> expected(user, r)).count();
                            JsonNode t = http.get("/api/v1/threads/" + f.id(), token).json();
                            assertThat(t.get("replyCount").asLong()).as(what + " reply count").isEqualTo(countedReplies);
                            assertThat(t.get("replies").size()).as(what + " replies").isEqualTo((int) countedReplies);
                        }
                    }
                    case "reply" -> {
                        String path = "/api/v1/threads/" + f.parentId() + "/replies/" + f.id();
                        assertThat(http.get(path, token).status()).as(what).isEqualTo(visible ? 200 : 404);
                        String page = web.get("/discussions/" + f.parentId(), null).body();
                        assertThat(page.contains("id=\"reply-" + f.id() + "\"")).as(what).isEqualTo(visible);
                    }
                    case "meeting" -> {
                        assertThat(http.get("/api/v1/meetings/" + f.id(), token).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(web.get("/meetings/" + f.id(), null).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(web.get("/meetings/" + f.id() + "/calendar.ics", null).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(meetingList.contains("\"id\":" + f.id() + ",")).as(what).isEqualTo(visible);
                        assertThat(meetingsPage.contains("href=\"/meetings/" + f.id() + "\"")).as(what).isEqualTo(visible);
                        assertThat(calendar.contains("UID:meeting-" + f.id() + "@dicas")).as(what).isEqualTo(visible);
                    }
                    case "action-item" -> {
                        assertThat(http.get("/api/v1/action-items/" + f.id(), token).status()).as(what).isEqualTo(visible ? 200 : 404);
                        assertThat(actionList.contains("\"id\":" + f.id() + ",")).as(what).isEqualTo(visible);
                        assertThat(actionsPage.contains("id=\"action-" + f.id() + "\"")).as(what).isEqualTo(visible);
                        if (username.equals("jp.atla")) {
                            assertThat(dashboard.contains("id=\"action-" + f.id() + "\"")).as(what).isEqualTo(visible);
                        } else {
                            assertThat(dashboard.contains("id=\"action-" + f.id() + "\"")).as(what).isFalse();
                        }
                    }
                    default -> throw new IllegalStateException(f.kind());
                }
                assertThat(searchIds.contains(f.id())).as(what + " via search").isEqualTo(visible);
                // a notification names the record (title, link, marking) only while the reader may read it
                assertThat(notified.containsKey(f.id())).as(what + " via notifications").isEqualTo(visible);
                assertThat(notificationsPage.contains("href=\"/records/" + f.id() + "/history\""))
                        .as(what + " via the notifications page").isEqualTo(visible);
                if (visible) {
                    assertThat(notified.get(f.id()).get("marking").asString()).as(what).isEqualTo(f.marking());
                    assertThat(Marking.highWaterMark(List.of(notificationsBanner, Marking.parse(f.marking()))))
                            .as(what + ": the notifications banner covers it").isEqualTo(notificationsBanner);
                }
                if (f.kind().equals("document")) {
                    assertThat(http.get("/api/v1/records/" + f.id() + "/history", token).status()).as(what)
                            .isEqualTo(visible ? 200 : 404);
                    assertThat(web.get("/records/" + f.id() + "/history", null).status()).as(what)
                            .isEqualTo(visible ? 200 : 404);
                }
                Long request = releaseRequests.get(f.id());
                if (request != null) {
                    assertThat(http.get("/api/v1/disclosure-requests/" + request, token).status())
                            .as(what + " via its release request").isEqualTo(visible ? 200 : 404);
                    assertThat(releaseRequestList.contains("\"id\":" + request + ","))
                            .as(what + " via the release request list")
                            .isEqualTo(visible && (username.equals(f.author()) || username.equals("us.fdo")
                                    && f.author().startsWith("us.")));
                }
                checks++;
            }
            assertThat(search.size()).as(username + " search count")
                    .isEqualTo((int) fixtures.stream().filter(f -> expected(user, f)).count());
            assertThat(searchPage).as(username).contains(search.size() + "");
        }
        assertThat(checks).isEqualTo(fixtures.size() * DemoUsers.usernames().size());
    }

    // ---- supply-chain what-ifs: naming a node the user may not read answers exactly like naming one that does not exist

    @Autowired
    JdbcClient jdbc;

    record NetworkNode(long recordId, String code) {
    }

    @Test
    void whatIfsAgreeWithThePolicyForEveryDemoUser() {
        long network = jdbc.sql("select id from supply_network where program = 'Missile co-production' order by version limit 1")
                .query(Long.class).single();
        List<NetworkNode> nodes = jdbc.sql("select id as record_id, code from supply_node where network_id = :n order by code")
                .param("n", network).query(NetworkNode.class).list();
        Map<String, String> endItems = new LinkedHashMap<>();
        jdbc.sql("select code, node_code from supply_end_item where network_id = :n order by code").param("n", network)
                .query(rs -> {
                    endItems.put(rs.getString(1), rs.getString(2));
                });
        String unknown = "NO-SUCH-NODE-9";
        int hiddenSeen = 0;
        int visibleSeen = 0;
        for (String username : DemoUsers.usernames()) {
            DicasUser user = directory.userByUsername(username).orElseThrow();
            String token = http.token(username, DemoUsers.PASSWORD);
            Http web = new Http(port).signIn(username, DemoUsers.PASSWORD);
            boolean networkVisible = policy.mayRead(user, records.find(network).orElseThrow());
            String api = "/api/v1/supply-chain/networks/" + network;
            String page = "/supply-chain/networks/" + network;
            Http.Response apiUnknown = http.get(api + "/analysis?disruptNode=" + unknown, token);
            Http.Response pageUnknown = web.get(page + "?lang=en&disruptNode=" + unknown, null);
            assertThat(apiUnknown.status()).as(username).isEqualTo(networkVisible ? 400 : 404);
            assertThat(pageUnknown.status()).as(username).isEqualTo(networkVisible ? 400 : 404);
            Map<String, Boolean> nodeVisible = new LinkedHashMap<>();
            for (NetworkNode n : nodes) {
                boolean visible = networkVisible && policy.mayRead(user, records.find(n.recordId()).orElseThrow());
                nodeVisible.put(n.code(), visible);
                String what = username + " disrupting " + n.code();
                Http.Response r = http.get(api + "/analysis?disruptNode=" + n.code(), token);
                if (visible) {
                    assertThat(r.status()).as(what).isEqualTo(200);
                    if (visibleSeen++ == 0) { // the page renders the same analysis: one visible node is enough
                        assertThat(web.get(page + "?lang=en&disruptNode=" + n.code(), null).status()).as(what)
                                .isEqualTo(200);
                    }
                } else {
                    hiddenSeen++;
                    assertThat(r.status()).as(what).isEqualTo(apiUnknown.status());
                    assertThat(r.body().replace(n.code(), unknown)).as(what).isEqualTo(apiUnknown.body());
                    Http.Response p = web.get(page + "?lang=en&disruptNode=" + n.code(), null);
                    assertThat(p.status()).as(what).isEqualTo(pageUnknown.status());
                    assertThat(p.body()).as(what).doesNotContain("class=\"notice\"");
                }
            }
            for (var e : endItems.entrySet()) {
                String what = username + " graphing " + e.getKey();
                boolean visible = nodeVisible.get(e.getValue());
                Http.Response r = http.get(api + "/graph?endItem=" + e.getKey(), token);
                assertThat(r.status()).as(what).isEqualTo(visible ? 200 : networkVisible ? 400 : 404);
            }
        }
        assertThat(hiddenSeen).as("some user is refused some node").isPositive();
        assertThat(visibleSeen).as("some user may disrupt some node").isPositive();
    }

    // ---- people pickers: a picker offers exactly the users who may read the record the choice is for, and the API
    // refuses anyone else as it refuses a user id that does not exist

    /** The user ids a page's {@code <select>} offers. */
    static java.util.Set<Long> offered(String page, String select) {
        return org.jsoup.Jsoup.parse(page).select(select + " option").stream()
                .map(o -> Long.parseLong(o.attr("value"))).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The user ids the people picker of a page ({@code /pick/people}, issue 15) offers for a record: each user looked
     * up by their user name, offered or not.
     */
    java.util.Set<Long> offeredByPicker(Http web, long readableRecord) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (DicasUser u : directory.users()) {
            var r = web.get("/pick/people?for=owner&readableRecord=" + readableRecord + "&q=" + u.username(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (!org.jsoup.Jsoup.parse(r.body()).select("[role=option][data-value=" + u.id() + "]").isEmpty()) {
                out.add(u.id());
            }
        }
        return out;
    }

    java.util.Set<Long> readers(RecordMarking record) {
        return directory.users().stream().filter(u -> policy.mayRead(u, record)).map(DicasUser::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void meetingPickersOfferExactlyTheReadersOfTheRecord() {
        int hidden = 0;
        for (Fixture f : fixtures.stream().filter(f -> f.kind().equals("meeting")).toList()) {
            DicasUser organiser = directory.userByUsername(f.author()).orElseThrow();
            Http web = new Http(port).signIn(f.author(), DemoUsers.PASSWORD);
            String what = f.author() + " on meeting " + f.marking();
            // a new action item starts at the meeting's marking and originates in the organiser's nation: its owner
            // picker offers those who may read the meeting
            assertThat(web.get("/meetings/" + f.id(), null).body())
                    .contains("/pick/people?readableRecord=" + f.id() + "&amp;for=action-owner");
            java.util.Set<Long> owners = offeredByPicker(web, f.id());
            java.util.Set<Long> expectedOwners = readers(new RecordMarking(org.dicas.shared.Marking.parse(f.marking()),
                    organiser.nation(), java.util.Optional.empty()));
            assertThat(owners).as(what + ": action-item owners").isEqualTo(expectedOwners).isNotEmpty();
            // the meeting itself, as saved
            java.util.Set<Long> attendees = offered(web.get("/meetings/" + f.id() + "/edit", null).body(),
                    "select#attendeeIds");
            assertThat(attendees).as(what + ": attendees").isEqualTo(readers(records.find(f.id()).orElseThrow()));
            hidden += directory.users().size() - owners.size();
            // the API refuses a hidden user as owner exactly like a user id that does not exist
            String token = http.token(f.author(), DemoUsers.PASSWORD);
            for (DicasUser u : directory.users()) {
                if (owners.contains(u.id())) {
                    continue;
                }
                var refused = http.post("/api/v1/action-items", token, Map.of("meetingId", f.id(), "title", "picker",
                        "ownerId", u.id(), "dueDate", "2027-10-01", "marking", f.marking()));
                var unknown = http.post("/api/v1/action-items", token, Map.of("meetingId", f.id(), "title", "picker",
                        "ownerId", 987654321L, "dueDate", "2027-10-01", "marking", f.marking()));
                assertThat(refused.status()).as(what + ": " + u.username() + " as owner").isEqualTo(400)
                        .isEqualTo(unknown.status());
                assertThat(refused.json().get("field").asString()).isEqualTo("ownerId");
                assertThat(refused.json().get("detail").asString().replace(String.valueOf(u.id()), "ID"))
                        .as(what + ": " + u.username() + " as owner")
                        .isEqualTo(unknown.json().get("detail").asString().replace("987654321", "ID"));
            }
        }
        assertThat(hidden).as("some picker hides someone").isPositive();
    }

    /** The ids a page's {@code <select>} offers, leaving out the empty "choose someone" option. */
    static java.util.Set<Long> offeredIds(String page, String select) {
        return org.jsoup.Jsoup.parse(page).select(select + " option").stream().map(o -> o.attr("value"))
                .filter(v -> !v.isEmpty()).map(Long::parseLong).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void opportunityOwnerAndWorkingGroupMemberPickersOfferExactlyTheReadersOfTheRecord() {
        Http us = new Http(port).signIn("us.acq", DemoUsers.PASSWORD);
        String token = http.token("us.acq", DemoUsers.PASSWORD);
        int opportunities = 0;
        for (var o : http.all("/api/v1/opportunities", token)) {
            long id = o.get("id").asLong();
            RecordMarking saved = records.find(id).orElseThrow();
            java.util.Set<Long> expected = directory.users().stream().filter(DicasUser::government)
                    .filter(u -> policy.mayRead(u, saved)).map(DicasUser::id)
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(offeredIds(us.get("/opportunities/" + id, null).body(), "select#ownerId"))
                    .as("owners of opportunity " + id + " (" + saved.marking().banner() + ")").isEqualTo(expected);
            opportunities++;
        }
        assertThat(opportunities).as("demo opportunities seen").isPositive();
        Http admin = new Http(port).signIn("admin", DemoUsers.PASSWORD);
        String adminToken = http.token("admin", DemoUsers.PASSWORD);
        int groups = 0;
        for (var g : http.all("/api/v1/working-groups", adminToken)) {
            long id = g.get("id").asLong();
            assertThat(offeredIds(admin.get("/working-groups/" + id + "/edit", null).body(), "select#memberIds"))
                    .as("members of working group " + g.get("code").asString())
                    .isEqualTo(readers(records.find(id).orElseThrow()));
            groups++;
        }
        assertThat(groups).as("working groups seen").isPositive();
    }

    @Test
    void theMatrixIsNotTrivial() {
        DicasUser au = directory.userByUsername("au.dod").orElseThrow();
        DicasUser jp = directory.userByUsername("jp.atla").orElseThrow();
        DicasUser jpIndustry = directory.userByUsername("jp.industry").orElseThrow();
        DicasUser usIndustry = directory.userByUsername("us.industry").orElseThrow();
        // independent of the policy code: what the trust model says these users see among the documents
        assertThat(visibleDocs(au)).containsExactlyInAnyOrder("PUBLIC", "UNCLASSIFIED",
                "UNCLASSIFIED//REL TO USA, JPN, AUS", "UNCLASSIFIED//PROPIN", "UNCLASSIFIED//REL TO AUS, USA",
                "UNCLASSIFIED//REL TO USA, JPN, AUS//EXPORT EAR 5A002");
        assertThat(visibleDocs(jp)).contains("CUI//REL TO USA, JPN", "CUI//NOFORN", "CUI//PROPIN")
                .doesNotContain("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", "UNCLASSIFIED//REL TO AUS, USA");
        assertThat(visibleDocs(jpIndustry)).contains("CUI//PROPIN", "CUI//REL TO USA, JPN//GROUP WG-MISSILE")
                .doesNotContain("UNCLASSIFIED//PROPIN", "UNCLASSIFIED//GROUP PLENARY");
        assertThat(visibleDocs(jp)).as("active authorization for JPN, company-limited: government covered")
                .contains("CUI//REL TO USA, JPN//EXPORT ITAR USML-XII", "UNCLASSIFIED//REL TO USA, JPN, AUS//EXPORT EAR 5A002")
                .doesNotContain("CUI//REL TO USA, JPN, AUS//EXPORT EAR 3A001");
        assertThat(visibleDocs(jpIndustry)).as("Sakura covered by the company-limited licence")
                .contains("CUI//REL TO USA, JPN//EXPORT ITAR USML-XII");
        assertThat(visibleDocs(au)).as("AUS covered on the single valid day; REL TO without AUS stays closed")
                .contains("UNCLASSIFIED//REL TO USA, JPN, AUS//EXPORT EAR 5A002")
                .doesNotContain("CUI//REL TO USA, JPN//EXPORT ITAR USML-XII");
        assertThat(visibleDocs(directory.userByUsername("us.navy").orElseThrow()))
                .contains("CUI//REL TO USA, JPN, AUS//EXPORT EAR 3A001");
        assertThat(visibleDocs(usIndustry)).contains("UNCLASSIFIED//PROPIN", "PUBLIC")
                .doesNotContain("CUI", "CUI//PROPIN", "CUI//GROUP WG-SHIP");
    }

    List<String> visibleDocs(DicasUser user) {
        return fixtures.stream().filter(f -> f.kind().equals("document")).filter(f -> expected(user, f))
                .map(Fixture::marking).toList();
    }
}
