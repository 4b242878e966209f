package org.dicas.sosa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Security of Supply requests over real HTTP and the real PostgreSQL: the lifecycle across the two nations, wrong
 * steps, nations and roles, bad input, releasability, notifications, audit, ages, and the pages.
 */
@PlatformTest
class SosaRequestsTest {

    static final String API = "/api/v1/sosa/requests";
    static final String REL = "CUI//REL TO USA, JPN";
    static final AtomicInteger SEQ = new AtomicInteger();

    /** Supply-network nodes made once for the whole class (the context, and so the database, is shared). */
    static Long nodeShared;
    static Long nodeUnclassified;
    static Long nodeJapanOnly;
    static Long nodeUsOnly;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MarkedRecords records;
    @Autowired
    Directory directory;

    Http http;
    String jp;
    String us;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
        synchronized (SosaRequestsTest.class) {
            if (nodeShared == null) {
                DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
                DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
                long network = network(jpUser);
                nodeShared = node(network, jpUser, "SOSATEST rocket-motor plant", REL);
                nodeUnclassified = node(network, jpUser, "SOSATEST igniter line", "UNCLASSIFIED");
                nodeJapanOnly = node(network, jpUser, "SOSATEST Japan-only casting shop", "CUI//NOFORN");
                nodeUsOnly = node(network(usUser), usUser, "SOSATEST US-only propellant mixer", "CUI//NOFORN");
            }
        }
    }

    long network(DicasUser author) {
        String program = "SOSATEST-" + author.nation() + "-" + System.nanoTime();
        long id = records.register("SUPPLY_NETWORK", program, program, Marking.parse("UNCLASSIFIED"),
                Optional.empty(), author, i -> "/supply-chain/networks/" + i);
        jdbc.sql("insert into supply_network (id, program, name, version, imported_by) values (:id, :p, :p, 1, :u)")
                .param("id", id).param("p", program).param("u", author.id()).update();
        return id;
    }

    long node(long network, DicasUser author, String title, String marking) {
        long id = records.register("SUPPLY_NODE", title, title, Marking.parse(marking), Optional.empty(), author,
                i -> "/records/" + i + "/history");
        jdbc.sql("insert into supply_node (id, network_id, code, name) values (:id, :n, :c, :t)")
                .param("id", id).param("n", network).param("c", "N" + id).param("t", title).update();
        return id;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Map<String, Object> body(String to, String marking) {
        Map<String, Object> b = new HashMap<>();
        b.put("receivingNation", to);
        b.put("program", "AMRAAM");
        b.put("item", "Igniter assembly " + SEQ.incrementAndGet());
        b.put("supplierName", "Pacific Missile Works (illustrative)");
        b.put("quantity", 40);
        b.put("neededBy", LocalDate.now().plusDays(60).toString());
        b.put("justification", "Lot acceptance is at risk");
        b.put("marking", marking);
        return b;
    }

    static Map<String, Object> with(Map<String, Object> b, String key, Object value) {
        Map<String, Object> c = new HashMap<>(b);
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        return c;
    }

    JsonNode create(String token, Map<String, Object> body) {
        var r = http.post(API, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /** The user's notification sentences, one a line. */
    String notifications(String username) {
        StringBuilder lines = new StringBuilder();
        http.all("/api/v1/notifications", http.token(username, "demo"))
                .forEach(n -> lines.append(n.get("message").asString()).append('\n'));
        return lines.toString();
    }

    /** The user's notifications as the API gives them to a caller asking for {@code language}. */
    String notificationsIn(String language, String username) {
        StringBuilder lines = new StringBuilder();
        new Http(port).inLanguage(language).get("/api/v1/notifications?size=" + org.dicas.shared.Paging.MAX_SIZE,
                        http.token(username, "demo")).json().get("items")
                .forEach(n -> lines.append(n.get("message").asString()).append('\n'));
        return lines.toString();
    }

    List<String> auditActions(long id) {
        return jdbc.sql("select action || ' ' || actor from audit_trail where record_id = :id order by id")
                .param("id", id).query(String.class).list();
    }

    static Map<String, Object> response(String response, String date, Integer qty, String note) {
        Map<String, Object> b = new HashMap<>();
        b.put("response", response);
        if (date != null) {
            b.put("promisedDate", date);
        }
        if (qty != null) {
            b.put("promisedQuantity", qty);
        }
        if (note != null) {
            b.put("note", note);
        }
        return b;
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void fullLifecycleAcrossTheTwoNations() {
        Map<String, Object> b = body("USA", REL);
        b.put("supplierNodeId", nodeShared);
        b.put("linkedNodeIds", List.of(nodeShared, nodeUnclassified, nodeJapanOnly));
        var created = http.post(API, jp, b);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode r = created.json();
        long id = r.get("id").asLong();
        assertThat(created.header("Location")).endsWith(API + "/" + id);
        assertThat(r.get("marking").asString()).isEqualTo(REL);
        assertThat(r.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.get("requestingNation").asString()).isEqualTo("JPN");
        assertThat(r.get("receivingNation").asString()).isEqualTo("USA");
        assertThat(r.get("quantity").asInt()).isEqualTo(40);
        assertThat(r.get("supplierNode").get("id").asLong()).isEqualTo(nodeShared);
        assertThat(r.get("linkedNodes").toString()).contains("SOSATEST Japan-only casting shop");
        assertThat(r.get("history")).hasSize(1);

        // the receiving nation's SoSA office (ACQUISITION and POLICY) hears of it; a SERVICE user does not
        assertThat(notifications("us.acq")).contains("SoSA request #" + id + " ");
        assertThat(notifications("us.policy")).contains("SoSA request #" + id + " ");
        assertThat(notifications("us.navy")).doesNotContain("SoSA request #" + id + " ");
        assertThat(notifications("jp.msdf")).doesNotContain("SoSA request #" + id + " ");

        // the USA sees the request, but not the node it may not read
        JsonNode seen = http.get(API + "/" + id, us).json();
        assertThat(seen.get("item").asString()).isEqualTo(r.get("item").asString());
        assertThat(seen.get("linkedNodes").toString()).contains("SOSATEST rocket-motor plant", "SOSATEST igniter line")
                .doesNotContain("Japan-only").doesNotContain("\"id\":" + nodeJapanOnly + ",");
        assertThat(seen.get("linkedNodes")).hasSize(2);

        var ack = http.post(API + "/" + id + "/acknowledge", us, Map.of("note", "Desk officer assigned"));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgement").get("by").asString()).isEqualTo("Michael Trent");
        assertThat(notifications("jp.atla"))
                .contains("SoSA request #" + id + " was acknowledged by United States: \"SoSA JPN → USA: ");
        assertThat(notificationsIn("ja", "jp.atla")).as("the acting nation, and the request's title, in the reader's language")
                .contains("SoSA要請 #" + id + " は 米国 に受領されました：「SoSA要請 日本→米国：" + r.get("item").asString() + "（")
                .doesNotContain(" / ");

        String promised = LocalDate.now().plusDays(75).toString();
        var resp = http.post(API + "/" + id + "/response", us, response("PARTIALLY_ACCEPTED", promised, 25,
                "25 can be brought forward"));
        assertThat(resp.status()).as(resp.body()).isEqualTo(200);
        JsonNode fr = resp.json().get("firmResponse");
        assertThat(resp.json().get("status").asString()).isEqualTo("RESPONDED");
        assertThat(fr.get("response").asString()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(fr.get("promisedDate").asString()).isEqualTo(promised);
        assertThat(fr.get("promisedQuantity").asInt()).isEqualTo(25);
        assertThat(notifications("jp.atla"))
                .contains("SoSA request #" + id + ": the firm's response is recorded (partially accepted): ");

        var closed = http.post(API + "/" + id + "/close", jp, Map.of("outcome", "Lot acceptance kept"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closure").get("outcome").asString()).isEqualTo("Lot acceptance kept");
        assertThat(notifications("us.acq")).contains("SoSA request #" + id + " was closed by Japan: \"SoSA JPN → USA: "
                + r.get("item").asString() + " (");
        assertThat(notificationsIn("ja", "us.acq")).contains("SoSA要請 #" + id + " は 日本 により完了しました");

        JsonNode history = http.get(API + "/" + id, jp).json().get("history");
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(history.get(0).get("actorNation").asString()).isEqualTo("JPN");
        assertThat(history.get(1).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(history.get(1).get("detail").asString())
                .isEqualTo("Acknowledged by United States: Desk officer assigned");
        assertThat(history.get(2).get("status").asString()).isEqualTo("RESPONDED");
        assertThat(history.get(2).get("detail").asString())
                .isEqualTo("Partially accepted: 25 of 40, to be delivered by "
                        + org.dicas.shared.TimeText.date(LocalDate.parse(promised), java.util.Locale.ENGLISH)
                        + "; note: 25 can be brought forward");
        assertThat(history.get(3).get("detail").asString()).isEqualTo("Outcome: Lot acceptance kept");
        JsonNode historyJa = new Http(port).inLanguage("ja").get(API + "/" + id, jp).json().get("history");
        assertThat(historyJa.get(0).get("detail").asString()).as("the history in the caller's language")
                .startsWith("日本から米国へ：");
        assertThat(historyJa.get(1).get("detail").asString()).isEqualTo("米国が受領：Desk officer assigned");
        assertThat(historyJa.get(2).get("detail").asString())
                .as("the promised day as Japanese writes a date").isEqualTo("一部受諾：40個中25個、納期 "
                        + org.dicas.shared.TimeText.date(LocalDate.parse(promised), java.util.Locale.JAPANESE)
                        + "（備考：25 can be brought forward）");
        assertThat(historyJa.get(3).get("detail").asString()).isEqualTo("結果：Lot acceptance kept");
        assertThat(history.get(3).get("actor").asString()).contains("Haruka Mori");
        assertThat(history.get(3).get("status").asString()).isEqualTo("CLOSED");

        assertThat(auditActions(id)).contains("CREATE jp.atla", "SOSA_SUBMITTED jp.atla", "SOSA_ACKNOWLEDGED us.acq",
                "SOSA_RESPONDED us.acq", "SOSA_CLOSED jp.atla", "READ us.acq");
        assertThat(jdbc.sql("select kind from record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("SOSA_REQUEST");

        // closed: no longer among the open requests, still found by state
        assertThat(http.all(API, jp).toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.all(API + "?state=CLOSED", jp).toString()).contains("\"id\":" + id + ",");
        assertThat(http.all(API + "?state=ALL", us).toString()).contains("\"id\":" + id + ",");
    }

    @Test
    void declinedResponseNeedsAReasonAndPromisesNothing() {
        long id = create(us, body("JPN", REL)).get("id").asLong();
        assertThat(http.post(API + "/" + id + "/acknowledge", jp, null).status()).isEqualTo(200);
        String date = LocalDate.now().plusDays(10).toString();
        assertField(http.post(API + "/" + id + "/response", jp, response("DECLINED", null, null, null)), "note");
        assertField(http.post(API + "/" + id + "/response", jp, response("DECLINED", date, null, "no")), "promisedDate");
        assertField(http.post(API + "/" + id + "/response", jp, response("DECLINED", null, 3, "no")), "promisedQuantity");
        assertField(http.post(API + "/" + id + "/response", jp, response("ACCEPTED", null, null, null)), "promisedDate");
        assertField(http.post(API + "/" + id + "/response", jp,
                response("ACCEPTED", LocalDate.now().minusDays(1).toString(), null, null)), "promisedDate");
        assertField(http.post(API + "/" + id + "/response", jp, response("ACCEPTED", date, 39, null)), "promisedQuantity");
        assertField(http.post(API + "/" + id + "/response", jp, response("PARTIALLY_ACCEPTED", date, null, null)),
                "promisedQuantity");
        assertField(http.post(API + "/" + id + "/response", jp, response("PARTIALLY_ACCEPTED", date, 41, null)),
                "promisedQuantity");
        assertField(http.post(API + "/" + id + "/response", jp, response("PARTIALLY_ACCEPTED", date, 0, null)),
                "promisedQuantity");
        assertField(http.post(API + "/" + id + "/response", jp, response("MAYBE", date, null, null)), "response");
        assertField(http.post(API + "/" + id + "/response", jp, Map.of("note", "x")), "response");
        assertThat(http.get(API + "/" + id, us).json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        var declined = http.post(API + "/" + id + "/response", jp, response("DECLINED", null, null, "Line is full"));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("firmResponse").get("response").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().get("firmResponse").get("promisedDate").isNull()).isTrue();
        // an accepted response promises the full quantity by default
        long other = create(us, body("JPN", REL)).get("id").asLong();
        http.post(API + "/" + other + "/acknowledge", jp, Map.of());
        var accepted = http.post(API + "/" + other + "/response", jp, response("ACCEPTED", date, null, null));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("firmResponse").get("promisedQuantity").asInt()).isEqualTo(40);
        // closing needs an outcome
        assertField(http.post(API + "/" + other + "/close", us, Map.of("outcome", " ")), "outcome");
    }

    void assertField(Http.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
    }

    @Test
    void wrongTransitionsAreRefusedNamingTheStatus() {
        long id = create(jp, body("USA", REL)).get("id").asLong();
        String date = LocalDate.now().plusDays(30).toString();
        assertField(http.post(API + "/" + id + "/response", us, response("ACCEPTED", date, null, null)), "status");
        assertField(http.post(API + "/" + id + "/close", jp, Map.of("outcome", "done")), "status");
        assertThat(http.post(API + "/" + id + "/acknowledge", us, Map.of()).status()).isEqualTo(200);
        assertField(http.post(API + "/" + id + "/acknowledge", us, Map.of()), "status");
        assertField(http.post(API + "/" + id + "/close", jp, Map.of("outcome", "done")), "status");
        assertThat(http.post(API + "/" + id + "/response", us, response("ACCEPTED", date, null, null)).status())
                .isEqualTo(200);
        assertField(http.post(API + "/" + id + "/response", us, response("ACCEPTED", date, null, null)), "status");
        assertField(http.post(API + "/" + id + "/acknowledge", us, Map.of()), "status");
        assertThat(http.post(API + "/" + id + "/close", jp, Map.of("outcome", "done")).status()).isEqualTo(200);
        assertField(http.post(API + "/" + id + "/close", jp, Map.of("outcome", "again")), "status");
        assertThat(count("sosa_request_event where request_id = " + id)).isEqualTo(4);
    }

    @Test
    void wrongNationsAndRolesAreForbidden() {
        String jpIndustry = http.token("jp.industry", "demo");
        String jpMsdf = http.token("jp.msdf", "demo");
        String usIndustry = http.token("us.industry", "demo");
        String usNavy = http.token("us.navy", "demo");
        int before = count("sosa_request");
        var industry = http.post(API, jpIndustry, body("USA", REL));
        assertThat(industry.status()).as(industry.body()).isEqualTo(403);
        assertThat(industry.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count("sosa_request")).isEqualTo(before);

        JsonNode created = create(jp, body("USA", "UNCLASSIFIED//REL TO USA, JPN"));
        long id = created.get("id").asLong();
        String item = created.get("item").asString();
        // the requesting nation does not acknowledge or answer its own request
        assertThat(http.post(API + "/" + id + "/acknowledge", jp, Map.of()).status()).isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/acknowledge", jpMsdf, Map.of()).status()).isEqualTo(403);
        // industry of the receiving nation may read but not act for its government
        assertThat(http.get(API + "/" + id, usIndustry).status()).isEqualTo(200);
        assertThat(http.post(API + "/" + id + "/acknowledge", usIndustry, Map.of()).status()).isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/acknowledge", usNavy, Map.of()).status()).isEqualTo(200);
        String date = LocalDate.now().plusDays(30).toString();
        assertThat(http.post(API + "/" + id + "/response", jp, response("ACCEPTED", date, null, null)).status())
                .isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/response", jpIndustry, response("ACCEPTED", date, null, null)).status())
                .isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/response", us, response("ACCEPTED", date, null, null)).status())
                .isEqualTo(200);
        // only the requesting nation closes
        assertThat(http.post(API + "/" + id + "/close", us, Map.of("outcome", "done")).status()).isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/close", jpIndustry, Map.of("outcome", "done")).status()).isEqualTo(403);
        assertThat(http.post(API + "/" + id + "/close", jpMsdf, Map.of("outcome", "done")).status()).isEqualTo(200);
        // the requester hears of the close by another official of the own nation
        assertThat(notifications("jp.atla")).contains("SoSA request #" + id + " was closed by Japan: \"SoSA JPN → USA: "
                + item + " (");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        int records = count("record");
        int requests = count("sosa_request");
        int events = count("sosa_request_event");
        long document = http.post("/api/v1/documents", jp, Map.of("title", "not a node", "body", "b",
                "marking", "UNCLASSIFIED")).json().get("id").asLong();
        records++;
        Map<String, Object> ok = body("USA", REL);
        assertField(http.post(API, jp, with(ok, "receivingNation", "JPN")), "receivingNation");
        assertField(http.post(API, jp, with(ok, "receivingNation", "XYZ")), "receivingNation");
        assertField(http.post(API, jp, with(ok, "receivingNation", null)), "receivingNation");
        assertField(http.post(API, jp, with(ok, "program", " ")), "program");
        assertField(http.post(API, jp, with(ok, "program", "p".repeat(201))), "program");
        assertField(http.post(API, jp, with(ok, "item", "")), "item");
        assertField(http.post(API, jp, with(ok, "supplierNodeId", 999_999_999L)), "supplierNodeId");
        assertField(http.post(API, jp, with(ok, "supplierNodeId", document)), "supplierNodeId");
        assertField(http.post(API, jp, with(ok, "supplierNodeId", "abc")), "supplierNodeId");
        assertField(http.post(API, jp, with(ok, "supplierName", null)), "supplierName");
        assertField(http.post(API, jp, with(ok, "quantity", 0)), "quantity");
        assertField(http.post(API, jp, with(ok, "quantity", -5)), "quantity");
        assertField(http.post(API, jp, with(ok, "quantity", null)), "quantity");
        assertField(http.post(API, jp, with(ok, "quantity", "many")), "quantity");
        assertField(http.post(API, jp, with(ok, "neededBy", LocalDate.now().minusDays(1).toString())), "neededBy");
        assertField(http.post(API, jp, with(ok, "neededBy", "2030-02-30")), "neededBy");
        assertField(http.post(API, jp, with(ok, "neededBy", null)), "neededBy");
        assertField(http.post(API, jp, with(ok, "justification", " ")), "justification");
        assertField(http.post(API, jp, with(ok, "marking", "CUI//REL TO USA,JPN")), "marking");
        assertField(http.post(API, jp, with(ok, "marking", "")), "marking");
        assertField(http.post(API, jp, with(ok, "marking", "CUI//GROUP NOT-MINE")), "marking");
        assertField(http.post(API, jp, with(ok, "marking", "CUI//REL TO USA, JPN//EXPORT FEFTA J-1")), "marking");
        assertField(http.post(API, jp, with(ok, "linkedNodeIds", List.of(nodeUsOnly))), "linkedNodeIds");
        assertField(http.post(API, jp, with(ok, "linkedNodeIds", List.of(document))), "linkedNodeIds");
        assertField(http.post(API, jp, with(ok, "colour", "red")), "colour");
        // a supplier node the author cannot read is no supplier node
        assertField(http.post(API, jp, with(ok, "supplierNodeId", nodeUsOnly)), "supplierNodeId");
        assertThat(count("record")).isEqualTo(records);
        assertThat(count("sosa_request")).isEqualTo(requests);
        assertThat(count("sosa_request_event")).isEqualTo(events);
        assertThat(http.get(API + "/abc", jp).status()).isEqualTo(400);
        assertThat(http.get(API + "/999999999", jp).status()).isEqualTo(404);
    }

    @Test
    void releasability() {
        String au = http.token("au.dod", "demo");
        long id = create(jp, body("USA", REL)).get("id").asLong();
        // a nation outside REL TO (and below CUI) does not see it at all
        assertThat(http.get(API + "/" + id, au).status()).isEqualTo(404);
        assertThat(http.all(API + "?state=ALL", au).toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.post(API + "/" + id + "/acknowledge", au, Map.of()).status()).isEqualTo(404);
        assertThat(http.all("/api/v1/search?q=" + "Igniter", au).toString()).doesNotContain("/sosa/requests/" + id);
        // NOFORN, or REL TO without the receiving nation: its SoSA office could not read it
        int before = count("record");
        var noforn = http.post(API, jp, body("USA", "CUI//NOFORN"));
        assertField(noforn, "marking");
        assertThat(noforn.json().get("detail").asString()).contains("not releasable to United States");
        var nofornJa = new Http(port).inLanguage("ja").post(API, jp, body("USA", "CUI//NOFORN"));
        assertThat(nofornJa.json().get("detail").asString()).as("the refusal in the caller's language")
                .startsWith("区分表示：区分表示 CUI//NOFORN の要請は米国に開示できないため")
                .contains("CUI//REL TO JPN, USA");
        assertThat(nofornJa.json().get("messageKey").asString()).isEqualTo("sosa.error.notReleasableToReceiver");
        assertField(http.post(API, jp, body("USA", "CUI//REL TO JPN, AUS")), "marking");
        assertThat(count("record")).isEqualTo(before);
        // a request releasable to everyone is fine; one to AUS too — but the USA does not see one to AUS marked REL TO JPN, AUS
        long toAus = create(jp, body("AUS", "UNCLASSIFIED//REL TO JPN, AUS")).get("id").asLong();
        assertThat(http.get(API + "/" + toAus, au).status()).isEqualTo(200);
        assertThat(http.get(API + "/" + toAus, us).status()).isEqualTo(404);
        assertThat(notifications("au.dod")).contains("SoSA request #" + toAus + " ");
    }

    @Test
    void officersWhoMayNotReadARequestAreNotNotifiedOfIt() {
        // us.acq and us.policy are both officers the receiving nation notifies; only us.acq is in WG-MISSILE
        long id = create(jp, body("USA", REL + "//GROUP WG-MISSILE")).get("id").asLong();
        assertThat(http.get(API + "/" + id, us).status()).isEqualTo(200);
        assertThat(notifications("us.acq")).contains("SoSA request #" + id + " ");
        assertThat(http.get(API + "/" + id, http.token("us.policy", "demo")).status()).as("us.policy may not read it")
                .isEqualTo(404);
        assertThat(notifications("us.policy")).doesNotContain("SoSA request #" + id + " ");
    }

    @Test
    void openRequestsAreListedWithTheirAges() {
        long id = create(jp, body("USA", REL)).get("id").asLong();
        Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
        jdbc.sql("update sosa_request set submitted_at = :at, needed_by = :needed where id = :id")
                .param("at", Timestamp.from(tenDaysAgo)).param("needed", LocalDate.now().minusDays(2))
                .param("id", id).update();
        long fresh = create(jp, body("USA", REL)).get("id").asLong();

        JsonNode list = http.all(API + "?state=SUBMITTED&nation=JPN", us);
        JsonNode old = find(list, id);
        assertThat(old.get("ageDays").asLong()).isEqualTo(10);
        assertThat(old.get("daysUntilNeeded").asLong()).isEqualTo(-2);
        assertThat(old.get("overdue").asBoolean()).isTrue();
        JsonNode young = find(list, fresh);
        assertThat(young.get("ageDays").asLong()).isZero();
        assertThat(young.get("daysUntilNeeded").asLong()).isEqualTo(60);
        assertThat(young.get("overdue").asBoolean()).isFalse();
        // most urgent first
        assertThat(list.toString().indexOf("\"id\":" + id + ",")).isLessThan(list.toString().indexOf("\"id\":" + fresh + ","));

        assertThat(find(http.all(API, us), id)).isNotNull();
        assertThat(http.all(API + "?state=ACKNOWLEDGED", us).toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.all(API + "?nation=AUS", us).toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(http.all(API + "?nation=USA", us).toString()).contains("\"id\":" + id + ",");
        assertField(http.get(API + "?state=PENDING", us), "state");
        assertField(http.get(API + "?nation=XYZ", us), "nation");

        Http web = new Http(port).signIn("us.acq", "demo");
        String page = web.get("/sosa/requests?state=SUBMITTED", null).body();
        assertThat(page).contains("id=\"sosa-" + id + "\"", "10 days", "-2 days", "Overdue");
    }

    static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        return null;
    }

    @Test
    void pagesRenderAndTheirFormsWork() {
        Http jpWeb = new Http(port).signIn("jp.atla", "demo");
        var list = jpWeb.get("/sosa/requests", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Security of Supply requests", "href=\"/sosa/requests/new\"", "Days left",
                "href=\"/sosa/requests\"");
        assertThat(list.body().split("class=\"banner ", -1)).hasSize(3);
        assertThat(jpWeb.get("/sosa/requests?lang=ja", null).body()).contains("供給保証（SoSA）要請", "経過日数");
        jpWeb.get("/sosa/requests?lang=en", null);

        var form = jpWeb.get("/sosa/requests/new", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("New Security of Supply request", "SOSATEST rocket-motor plant",
                "SOSATEST Japan-only casting shop", "name=\"linkedNodeIds\"", "Submit request")
                .doesNotContain("US-only propellant mixer");
        // the form page shows node titles: its banner is their high-water mark
        assertThat(form.body()).contains("banner banner-cui");

        int before = count("sosa_request");
        Map<String, String> fields = new HashMap<>(Map.of("receivingNation", "USA", "program", "AMRAAM",
                "item", "Page igniter", "supplierNodeId", String.valueOf(nodeShared), "supplierName", "",
                "quantity", "0", "neededBy", LocalDate.now().plusDays(30).toString(),
                "justification", "Page test", "marking", REL, "linkedNodeIds", String.valueOf(nodeUnclassified)));
        var bad = jpWeb.form("/sosa/requests", Http.csrf(form.body()), fields);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).as("the field by its label").contains("error-summary", "Quantity: must be greater than 0");
        fields.put("quantity", "12");
        fields.put("neededBy", "soon");
        // the form's value reader (platform) names the field; by its label once it renders refusals through the bundles
        assertThat(jpWeb.form("/sosa/requests", Http.csrf(form.body()), fields).body()).contains("error-summary")
                .containsPattern("(neededBy|Needed by): ");
        fields.put("neededBy", LocalDate.now().plusDays(30).toString());
        fields.put("marking", "CUI//NOFORN");
        assertThat(jpWeb.form("/sosa/requests", Http.csrf(form.body()), fields).body()).contains("error-summary",
                "Marking: A request marked CUI//NOFORN is not releasable to United States");
        assertThat(count("sosa_request")).isEqualTo(before);
        assertThat(jpWeb.form("/sosa/requests", null, fields).status()).isEqualTo(403);

        fields.put("marking", REL);
        var created = jpWeb.form("/sosa/requests", Http.csrf(form.body()), fields);
        assertThat(created.status()).isEqualTo(302);
        String location = created.header("Location");
        assertThat(location).matches(".*/sosa/requests/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String detail = jpWeb.get(location, null).body();
        assertThat(detail).contains("Page igniter", "(" + REL + ")", "Submitted", "SOSATEST rocket-motor plant",
                "SOSATEST igniter line", "/records/" + nodeShared + "/history", "/records/" + nodeUnclassified + "/history",
                "History").doesNotContain("action=\"/sosa/requests/" + id + "/acknowledge\"");

        assertThat(jpWeb.get("/records/" + nodeShared + "/history", null).status()).isEqualTo(200);

        Http usWeb = new Http(port).signIn("us.acq", "demo");
        String usPage = usWeb.get("/sosa/requests/" + id, null).body();
        assertThat(usPage).contains("action=\"/sosa/requests/" + id + "/acknowledge\"")
                .doesNotContain("action=\"/sosa/requests/" + id + "/close\"");
        var ack = usWeb.form("/sosa/requests/" + id + "/acknowledge", Http.csrf(usPage), Map.of("note", "On it"));
        assertThat(ack.status()).isEqualTo(302);
        usPage = usWeb.get("/sosa/requests/" + id, null).body();
        assertThat(usPage).contains("Acknowledged by", "On it", "action=\"/sosa/requests/" + id + "/response\"");
        var badResponse = usWeb.form("/sosa/requests/" + id + "/response", Http.csrf(usPage),
                Map.of("response", "ACCEPTED", "promisedDate", "", "promisedQuantity", "", "note", ""));
        assertThat(badResponse.status()).isEqualTo(200);
        assertThat(badResponse.body()).contains("error-summary",
                "Promised delivery date: An acceptance needs a promised delivery date.");
        var goodResponse = usWeb.form("/sosa/requests/" + id + "/response", Http.csrf(usPage),
                Map.of("response", "ACCEPTED", "promisedDate", LocalDate.now().plusDays(20).toString(),
                        "promisedQuantity", "", "note", "Fine"));
        assertThat(goodResponse.status()).isEqualTo(302);
        // the receiving nation may not close
        assertThat(usWeb.form("/sosa/requests/" + id + "/close", Http.csrf(usPage), Map.of("outcome", "x")).status())
                .isEqualTo(403);

        String jpPage = jpWeb.get("/sosa/requests/" + id, null).body();
        assertThat(jpPage).contains("Accepted", "action=\"/sosa/requests/" + id + "/close\"");
        assertThat(jpWeb.form("/sosa/requests/" + id + "/close", Http.csrf(jpPage), Map.of("outcome", " ")).body())
                .contains("error-summary", "Outcome: ");
        var close = jpWeb.form("/sosa/requests/" + id + "/close", Http.csrf(jpPage), Map.of("outcome", "Delivered early"));
        assertThat(close.status()).isEqualTo(302);
        jpPage = jpWeb.get("/sosa/requests/" + id, null).body();
        assertThat(jpPage).contains("Closed by", "Delivered early", "Firm responded");
        assertThat(jpWeb.get("/sosa/requests/" + id + "?lang=ja", null).body()).contains("経緯", "完了");
        jpWeb.get("/sosa/requests?lang=en", null);
        assertThat(jpWeb.get("/records/" + id + "/history", null).body()).contains("SoSA request closed");

        // industry may not open the form; another nation outside REL TO gets the not-found page
        Http industry = new Http(port).signIn("jp.industry", "demo");
        assertThat(industry.get("/sosa/requests/new", null).status()).isEqualTo(403);
        assertThat(industry.get("/sosa/requests", null).body()).doesNotContain("href=\"/sosa/requests/new\"");
        Http au = new Http(port).signIn("au.dod", "demo");
        assertThat(au.get("/sosa/requests/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void demoRequestsAreLoaded() {
        String all = http.all(API + "?state=ALL", us).toString();
        assertThat(all).contains("Rocket-motor igniter assembly", "Seeker gimbal bearing set",
                "Carbon-fibre rocket-motor cases", "PARTIALLY_ACCEPTED", "ACKNOWLEDGED");
        // supplier and relieved nodes are linked when the demo supply network is there (it is seeded first)
        if (jdbc.sql("select count(*) from record where kind = 'SUPPLY_NODE' and title like 'SK-JP-1 %'")
                .query(Integer.class).single() > 0) {
            assertThat(all).contains("SK-JP-1 — Ka-band seeker", "FA-US-PAC3 — PAC-3 MSE final assembly");
        }
    }
}
