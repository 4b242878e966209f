package org.dicas.titles;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.PlatformTest;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.ExpectedVersion;
import org.dicas.support.Http;
import org.dicas.support.RequirementCopies;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Titles the system composes (a reply's, a SoSA request's, a firm's line cost, a supply network's) are stored in
 * both languages as the record's own, confirmed, from keys in both bundles (ADR 0031, amended); lists and search
 * hits show every record's title in the reader's language first; search finds a reply by its Japanese title only
 * for readers who may read it.
 */
@PlatformTest
class ComposedTitlesTest {

    static final String MARKING = "CUI//REL TO USA, JPN";
    static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    CoproductionPlans plans;
    @Autowired
    Requirements requirements;

    /** The record's titles as stored: language → {title, whether no person wrote it, whether a draft}. */
    Map<String, List<Object>> stored(long id) {
        Map<String, List<Object>> out = new HashMap<>();
        jdbc.sql("select language, title, written_by is null, draft from record_title where record_id = :id")
                .param("id", id)
                .query((rs, n) -> out.put(rs.getString(1), List.of(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4))))
                .list();
        return out;
    }

    void assertComposed(long id, String en, String ja) {
        Map<String, List<Object>> titles = stored(id);
        assertThat(titles).containsOnlyKeys("en", "ja");
        assertThat(titles.get("en")).containsExactly(en, true, false);
        assertThat(titles.get("ja")).containsExactly(ja, true, false);
        assertThat(jdbc.sql("select title from record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(en);
    }

    long thread(Http http, String token, String title) {
        var t = http.post("/api/v1/threads", token, Map.of("title", title, "body", "Opening post.", "marking", MARKING));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.json().get("id").asLong();
    }

    long reply(Http http, String token, long thread) {
        var r = http.post("/api/v1/threads/" + thread + "/replies", token, Map.of("body", "Agreed.", "marking", MARKING));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void japaneseTitle(Http http, String token, long id, String title) {
        String etag = http.get("/api/v1/records/" + id + "/titles", token).header("ETag");
        var put = http.putIfMatch("/api/v1/records/" + id + "/titles/ja", token,
                Map.of("title", title, "summary", "", "confirmed", true), etag);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @Test
    void aReplysTitlesAreEachLanguagesOwnFromTheThreadsTitleInThatLanguage() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        long thread = thread(http, us, "Harbour crane survey " + SEQ.incrementAndGet());
        String en = jdbc.sql("select title from record where id = :id").param("id", thread).query(String.class).single();

        // only the English title yet: the Japanese reply title reads it
        long first = reply(http, jp, thread);
        assertComposed(first, "Re: " + en, en + "への返信");

        japaneseTitle(http, jp, thread, "港湾クレーン調査");
        long second = reply(http, us, thread);
        assertComposed(second, "Re: " + en, "港湾クレーン調査への返信");

        // a composed title is the record's own in both languages: no one writes over it through the titles
        var read = http.get("/api/v1/records/" + second + "/titles", jp);
        assertThat(read.json().get("ja").get("own").asBoolean()).isTrue();
        assertThat(read.json().get("en").get("own").asBoolean()).isTrue();
        var refused = http.putIfMatch("/api/v1/records/" + second + "/titles/ja", jp,
                Map.of("title", "別の件名", "summary", "", "confirmed", true), read.header("ETag"));
        assertThat(refused.status()).isEqualTo(400);

        // editing and deleting the reply compose it again (the thread's Japanese title now used for the first too)
        var edited = http.putIfMatch("/api/v1/threads/" + thread + "/replies/" + first, jp,
                Map.of("body", "Agreed, with changes.", "marking", MARKING),
                http.get("/api/v1/threads/" + thread + "/replies/" + first, jp).header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertComposed(first, "Re: " + en, "港湾クレーン調査への返信");
    }

    @Test
    void aSoSARequestsTitleNamesTheNationsInEachLanguage() {
        Http http = new Http(port);
        String jp = http.token("jp.atla", "demo");
        Map<String, Object> b = new HashMap<>();
        b.put("receivingNation", "USA");
        b.put("program", "AMRAAM");
        b.put("item", "Titles igniter " + SEQ.incrementAndGet());
        b.put("supplierName", "Pacific Missile Works (illustrative)");
        b.put("quantity", 40);
        b.put("neededBy", LocalDate.now().plusDays(60).toString());
        b.put("justification", "Lot acceptance is at risk");
        b.put("marking", MARKING);
        var r = http.post("/api/v1/sosa/requests", jp, b);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertComposed(id, "SoSA JPN → USA: " + b.get("item") + " (AMRAAM)",
                "SoSA要請 日本→米国：" + b.get("item") + "（AMRAAM）");
    }

    @Test
    void aFirmsLineCostIsTitledInBothLanguagesAndSoIsItsRemoval() {
        DicasUser us = directory.userByUsername("us.acq").orElseThrow();
        String name = "Titles plan " + SEQ.incrementAndGet();
        long plan = plans.create(us, new CoproductionPlans.NewPlan(name, MARKING, 2027, 2,
                List.of(new CoproductionPlans.LineCommand("L-US", "USA", "P", List.of(10, 10), BigDecimal.ONE, null, null),
                        new CoproductionPlans.LineCommand("L-JP", "JPN", "P", List.of(1, 1), BigDecimal.TEN, null, null)),
                List.of(), List.of(), List.of()));
        long firm = directory.organizations().stream().filter(o -> o.name().startsWith("Sakura")).findFirst()
                .orElseThrow().id();
        plans.saveLine(us, plan, new ExpectedVersion(1), "L-JP", new CoproductionPlans.LineCommand("L-JP", "JPN", "P",
                List.of(2, 3), new BigDecimal("7.5"), firm, null));
        long cost = jdbc.sql("select cost_id from coproduction_line where plan_id = :p and code = 'L-JP'")
                .param("p", plan).query(Long.class).single();
        assertComposed(cost, "Unit cost of line L-JP (" + name + ")", name + " 生産ライン L-JP の単価");

        plans.saveLine(us, plan, new ExpectedVersion(2), "L-JP", new CoproductionPlans.LineCommand("L-JP", "JPN", "P",
                List.of(2, 3), BigDecimal.ONE, null, null));
        assertComposed(cost, "Removed line cost", "削除された生産ラインの単価");
    }

    @Test
    void aSupplyNetworksTitleGivesItsVersionInEachLanguage() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String program = "Titles program " + SEQ.incrementAndGet();
        var r = http.post("/api/v1/supply-chain/networks", us, Map.of("program", program, "name", "two nodes",
                "marking", "UNCLASSIFIED",
                "network", Map.of("nodes", List.of(Map.of("id", "A", "country", "USA"), Map.of("id", "B", "country", "JPN")),
                        "inputs", List.of(Map.of("node", "A", "item", "x", "sources", List.of("B"))),
                        "endItems", List.of(Map.of("id", "E", "node", "A")))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertComposed(r.json().get("id").asLong(), program + " v1 — two nodes", program + " 第1版 — two nodes");
    }

    @Test
    void anOpportunityTitledFromItsRequirementsIsTitledInEachLanguageUntilSomeoneTypesATitle() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
        List<Requirement> readable = requirements.readable(usUser);
        Requirement a = readable.stream().filter(r -> r.nation().equals("USA")).findFirst().orElseThrow();
        Requirement b = readable.stream().filter(r -> r.nation().equals("JPN") && !r.titleJa().isBlank()).findFirst()
                .orElseThrow();
        // copies of the pair, for a pair tracked already (demo data, another test) is refused
        long aCopy = RequirementCopies.copy(http, us, a);
        long bCopy = RequirementCopies.copy(http, http.token("jp.atla", "demo"), b);
        Map<String, Object> body = new HashMap<>(Map.of("requirementIds", List.of(aCopy, bCopy),
                "nextStep", "Compare schedules"));
        var created = http.post("/api/v1/opportunities", us, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String en = "Cooperative opportunity: " + a.title(Locale.ENGLISH) + ", " + b.title(Locale.ENGLISH);
        String ja = "協力機会：" + a.title(Locale.JAPANESE) + "、" + b.title(Locale.JAPANESE);
        assertThat(ja).as("the Japanese requirement's own Japanese title").contains(b.titleJa());
        assertComposed(id, en, ja);

        // the form sends the composed title back unchanged: still composed; a typed title replaces both
        body.put("title", en);
        assertThat(http.put("/api/v1/opportunities/" + id, us, body).status()).isEqualTo(200);
        assertComposed(id, en, ja);
        body.put("title", "Joint interceptor study");
        assertThat(http.put("/api/v1/opportunities/" + id, us, body).status()).isEqualTo(200);
        assertThat(stored(id)).isEmpty();
    }

    @Test
    void searchFindsAReplyByItsJapaneseTitleOnlyForReadersWhoMayReadIt() throws InterruptedException {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        String au = http.token("au.dod", "demo");
        long thread = thread(http, us, "Rescue drill coordination " + SEQ.incrementAndGet());
        japaneseTitle(http, jp, thread, "潜水艦救難訓練の調整");
        long reply = reply(http, us, thread);

        assertThat(found(http, jp, "救難訓練の調整への返信", reply)).isTrue();
        assertThat(found(http, au, "救難訓練の調整への返信", reply)).isFalse();
    }

    boolean found(Http http, String token, String q, long id) throws InterruptedException {
        String path = "/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            var r = http.get(path, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode hit : r.json().get("items")) {
                if (hit.get("id").asLong() == id) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aJapaneseReaderSeesTheJapaneseTitleFirstInListsAndSearchHitsAndAnAmericanTheEnglish() throws Exception {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        int n = SEQ.incrementAndGet();
        long thread = thread(http, us, "Minesweeper refit talks " + n);
        japaneseTitle(http, jp, thread, "掃海艇改修の協議");
        var doc = http.post("/api/v1/documents", us, Map.of("title", "Minesweeper refit notes " + n, "body", "Notes.",
                "marking", MARKING));
        assertThat(doc.status()).as(doc.body()).isEqualTo(201);
        long document = doc.json().get("id").asLong();
        japaneseTitle(http, jp, document, "掃海艇改修の覚書");
        assertThat(found(http, jp, "掃海艇改修の覚書", document)).isTrue();

        Http jpWeb = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        Http usWeb = new Http(port).signIn("us.acq", "demo");

        Element jpThread = listed(jpWeb.get("/discussions?size=100", null).body(), "/discussions/" + thread);
        assertThat(jpThread.select(".listed-title").text()).isEqualTo("掃海艇改修の協議");
        assertThat(jpThread.select(".listed-title").attr("lang")).isEqualTo("ja");
        assertThat(jpThread.select(".listed-title-other").text()).isEqualTo("Minesweeper refit talks " + n);
        assertThat(jpThread.select(".listed-title-other").attr("lang")).isEqualTo("en");
        Element usThread = listed(usWeb.get("/discussions?size=100", null).body(), "/discussions/" + thread);
        assertThat(usThread.select(".listed-title").text()).isEqualTo("Minesweeper refit talks " + n);
        assertThat(usThread.select(".listed-title-other").text()).isEqualTo("掃海艇改修の協議");

        Element jpDocument = listed(jpWeb.get("/documents?size=100", null).body(), "/documents/" + document);
        assertThat(jpDocument.select(".listed-title").text()).isEqualTo("掃海艇改修の覚書");

        String q = java.net.URLEncoder.encode("掃海艇改修の覚書", java.nio.charset.StandardCharsets.UTF_8);
        Element jpHit = listed(jpWeb.get("/search?q=" + q, null).body(), "/documents/" + document);
        assertThat(jpHit.select(".listed-title").text()).isEqualTo("掃海艇改修の覚書");
        assertThat(jpHit.select(".listed-title-other").text()).isEqualTo("Minesweeper refit notes " + n);
        Element usHit = listed(usWeb.get("/search?q=" + q, null).body(), "/documents/" + document);
        assertThat(usHit.select(".listed-title").text()).isEqualTo("Minesweeper refit notes " + n);

        Element jpHistory = listed(jpWeb.get("/records/" + document + "/history", null).body(), "/documents/" + document);
        assertThat(jpHistory.select(".listed-title").text()).as("the history page names its record as lists do")
                .isEqualTo("掃海艇改修の覚書");
    }

    /**
     * Every page that lists records by title renders in both languages with the titles asked for once per list, and
     * the record pages with related records (program, agreement, working group, meeting, co-production plan) too.
     */
    @Test
    void everyListAndRelatedRecordsPageRendersInBothLanguages() {
        List<String> pages = new java.util.ArrayList<>(List.of("/", "/documents", "/discussions", "/requirements",
                "/leads", "/programs", "/agreements", "/acquisition-plans", "/coproduction", "/supply-chain",
                "/opportunities", "/meetings", "/working-groups", "/action-items", "/sosa/requests", "/notifications",
                "/search?q=AMRAAM"));
        for (String kind : List.of("PROGRAM", "AGREEMENT", "WORKING_GROUP", "MEETING", "COPRODUCTION_PLAN",
                "REQUIREMENT", "OPPORTUNITY", "SOSA_REQUEST")) {
            jdbc.sql("select link from record where kind = :k and link <> '' order by id limit 3").param("k", kind)
                    .query(String.class).list().forEach(pages::add);
        }
        for (Http web : List.of(new Http(port).inLanguage("ja").signIn("jp.atla", "demo"),
                new Http(port).signIn("us.acq", "demo"))) {
            for (String page : pages) {
                var r = web.get(page, null);
                assertThat(r.status()).as(page).isIn(200, 404);
                assertThat(r.body()).as(page).doesNotContain("??");
            }
        }
    }

    /** The element a list shows a record in: the parent of its title link. */
    static Element listed(String page, String link) {
        Element a = Jsoup.parse(page).selectFirst("a.listed-title[href=" + link + "]");
        assertThat(a).as("a title link to " + link).isNotNull();
        return a.parent();
    }
}
