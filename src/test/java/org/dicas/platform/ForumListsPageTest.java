package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.forum.Discussions;
import org.dicas.forum.WorkingGroups;
import org.dicas.notifications.Notifications;
import org.dicas.programs.Agreements;
import org.dicas.requirements.AcquisitionPlans;
import org.dicas.shared.ListColumns;
import org.dicas.support.Http;
import org.dicas.support.ListSorting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The forum and programs lists — working groups, discussions, agreements, acquisition plans, notifications — sort,
 * filter and page on the server, on the page and in the API, with their facets (status, type, nation, read or
 * unread); a record the reader may not read is neither listed nor counted; agreements and acquisition plans download
 * as the page shows them, as CSV under their banner, in the reader's language.
 */
@PlatformTest
class ForumListsPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http api;
    String admin;
    String us;

    @BeforeEach
    void records() {
        api = new Http(port);
        admin = api.token("admin", "demo");
        us = api.token("us.acq", "demo");
        if (api.get("/api/v1/working-groups?q=LSTA-&size=200", admin).json().get("total").asLong() < 4) {
            group("LSTA-C", "Lista Charlie group", "リスタ第三部会", "ACTIVE", "UNCLASSIFIED");
            group("LSTA-A", "Lista Alpha group", "リスタ第一部会", "PROPOSED", "UNCLASSIFIED");
            group("LSTA-B", "Lista Bravo group", "リスタ第二部会", "ACTIVE", "UNCLASSIFIED");
            group("LSTA-H", "Lista Hidden group", "リスタ非公開部会", "ACTIVE", "CUI//REL TO USA, JPN");
            for (String t : new String[] {"Charlie", "Alpha", "Bravo"}) {
                assertThat(api.post("/api/v1/threads", us, Map.of("title", "LSTA thread " + t, "body",
                        "A thread to sort for @jp.atla", "marking", "UNCLASSIFIED")).status()).isEqualTo(201);
            }
            assertThat(api.post("/api/v1/threads", us, Map.of("title", "LSTA thread Hidden", "body",
                    "Not for Australia", "marking", "CUI//REL TO USA, JPN")).status()).isEqualTo(201);
            agreement("LSTA agreement Charlie", "MOU", "2026-01-10", "UNCLASSIFIED");
            agreement("LSTA agreement Alpha", "OTHER", "2026-03-10", "UNCLASSIFIED");
            agreement("LSTA agreement Bravo", "MOU", "2026-02-10", "UNCLASSIFIED");
            agreement("LSTA agreement Hidden", "MOU", "2026-04-10", "CUI//REL TO USA, JPN");
            long requirement = sharedRequirement();
            for (String t : new String[] {"Charlie", "Alpha", "Bravo"}) {
                assertThat(api.post("/api/v1/acquisition-plans", us, Map.of("requirementId", requirement, "title",
                        "LSTA plan " + t, "marking", "CUI//REL TO USA, JPN")).status()).isEqualTo(201);
            }
        }
    }

    private void group(String code, String en, String ja, String status, String marking) {
        assertThat(api.post("/api/v1/working-groups", admin, Map.of("code", code, "nameEn", en, "nameJa", ja,
                "mandateEn", "Sorting lists " + code, "status", status, "marking", marking)).status()).isEqualTo(201);
    }

    private void agreement(String title, String type, String signed, String marking) {
        assertThat(api.post("/api/v1/agreements", us, Map.of("type", type, "title", title, "parties",
                List.of("USA", "JPN"), "signedOn", signed, "marking", marking)).status()).isEqualTo(201);
    }

    /** A requirement both us.acq and jp.atla may read. */
    private long sharedRequirement() {
        String jp = api.token("jp.atla", "demo");
        for (JsonNode r : api.get("/api/v1/requirements?size=200", jp).json().get("items")) {
            if (api.get("/api/v1/requirements/" + r.get("id").asLong(), us).status() == 200) {
                return r.get("id").asLong();
            }
        }
        throw new IllegalStateException("no requirement both may read");
    }

    private static List<String> titles(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(i -> out.add(i.get(field).asString()));
        return out;
    }

    @Test
    void theWorkingGroupsSortEitherWayFilterByTextAndStatusAndPageInTheReadersLanguage() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String up = web.get("/working-groups?lang=en&q=LSTA-&sort=code&dir=asc", null).body();
        assertThat(up.indexOf("LSTA-A")).isPositive().isLessThan(up.indexOf("LSTA-B"));
        assertThat(up.indexOf("LSTA-B")).isLessThan(up.indexOf("LSTA-C"));
        assertThat(up).contains("aria-sort=\"ascending\"")
                .contains("href=\"/working-groups?q=LSTA-&amp;sort=code&amp;dir=desc\"");
        String down = web.get("/working-groups?lang=en&q=LSTA-&sort=name&dir=desc", null).body();
        assertThat(down.indexOf("Lista Hidden group")).isPositive().isLessThan(down.indexOf("Lista Charlie group"));
        assertThat(down.indexOf("Lista Charlie group")).isLessThan(down.indexOf("Lista Bravo group"));

        String active = web.get("/working-groups?lang=en&q=LSTA-&status=ACTIVE&sort=code", null).body();
        assertThat(active).contains("LSTA-B", "LSTA-C", "LSTA-H").doesNotContain("LSTA-A")
                .as("the facet is marked and the filter form keeps it")
                .contains("aria-current=\"page\"").contains("name=\"status\" value=\"ACTIVE\"");

        String second = web.get("/working-groups?lang=en&q=LSTA-&sort=code&size=2&page=2", null).body();
        assertThat(second).contains("LSTA-C", "LSTA-H").doesNotContain("LSTA-A<").contains("3–4 of 4")
                .contains("href=\"/working-groups?q=LSTA-&amp;sort=code&amp;size=2&amp;page=1\"");
        assertThat(new Http(port).inLanguage("ja").signIn("jp.atla", "demo")
                .get("/working-groups?q=LSTA-&sort=code&size=2", null).body())
                .contains("全4件中 1–2件").contains("コード").contains("状態");

        var unknown = web.get("/working-groups?lang=ja&status=SLEEPING", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("「SLEEPING」では絞り込めません")
                .contains("PROPOSED, ACTIVE, SUSPENDED, CLOSED");
        var badSort = web.get("/working-groups?lang=en&sort=budget", null);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.body()).contains("cannot sort by &#39;budget&#39;").contains("code, name, status");
    }

    @Test
    void aRecordTheReaderMayNotReadIsNeitherListedNorCounted() {
        String au = api.token("au.dod", "demo");
        JsonNode groups = api.get("/api/v1/working-groups?q=LSTA-&sort=code,asc", au).json();
        assertThat(titles(groups, "code")).containsExactly("LSTA-A", "LSTA-B", "LSTA-C");
        assertThat(groups.get("total").asLong()).isEqualTo(3);
        JsonNode small = api.get("/api/v1/working-groups?q=LSTA-&sort=code,asc&size=1", au).json();
        assertThat(small.get("total").asLong()).as("counted when the page is full").isEqualTo(3);
        assertThat(api.get("/api/v1/working-groups?q=LSTA-&size=1", us).json().get("total").asLong()).isEqualTo(4);

        JsonNode threads = api.get("/api/v1/threads?q=LSTA+thread&sort=title,asc&size=1", au).json();
        assertThat(threads.get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/threads?q=LSTA+thread&size=1", us).json().get("total").asLong())
                .isEqualTo(4);
        JsonNode agreements = api.get("/api/v1/agreements?q=LSTA+agreement&size=1", au).json();
        assertThat(agreements.get("total").asLong()).isEqualTo(3);

        Http web = new Http(port).signIn("au.dod", "demo");
        String page = web.get("/working-groups?lang=en&q=LSTA-&size=2", null).body();
        assertThat(page).contains("1–2 of 3").doesNotContain("Lista Hidden group");
        assertThat(web.get("/discussions?lang=en&q=LSTA+thread", null).body()).contains("LSTA thread Alpha")
                .doesNotContain("LSTA thread Hidden");
        String csv = web.get("/agreements/export.csv?lang=en&q=LSTA+agreement", null).body();
        assertThat(csv).contains("LSTA agreement Alpha").doesNotContain("LSTA agreement Hidden");
        assertThat(csv.substring(1).lines().findFirst().orElseThrow()).isEqualTo("UNCLASSIFIED");
    }

    @Test
    void theApiListsSortByTheFieldAskedForEitherWayAndFilterByTheirFacets() {
        assertThat(titles(api.get("/api/v1/threads?q=LSTA+thread&sort=title,asc", us).json(), "title"))
                .containsExactly("LSTA thread Alpha", "LSTA thread Bravo", "LSTA thread Charlie", "LSTA thread Hidden");
        assertThat(titles(api.get("/api/v1/threads?q=LSTA+thread&sort=title,desc", us).json(), "title"))
                .containsExactly("LSTA thread Hidden", "LSTA thread Charlie", "LSTA thread Bravo", "LSTA thread Alpha");
        assertThat(titles(api.get("/api/v1/agreements?q=LSTA+agreement&sort=signed,asc", us).json(), "title"))
                .containsExactly("LSTA agreement Charlie", "LSTA agreement Bravo", "LSTA agreement Alpha",
                        "LSTA agreement Hidden");
        assertThat(titles(api.get("/api/v1/agreements?q=LSTA+agreement&type=MOU&sort=title,desc", us).json(),
                "title")).containsExactly("LSTA agreement Hidden", "LSTA agreement Charlie", "LSTA agreement Bravo");
        assertThat(titles(api.get("/api/v1/acquisition-plans?q=LSTA+plan&sort=title,asc", us).json(), "title"))
                .containsExactly("LSTA plan Alpha", "LSTA plan Bravo", "LSTA plan Charlie");
        JsonNode plans = api.get("/api/v1/acquisition-plans?q=LSTA+plan&sort=title,desc&size=2&page=2", us).json();
        assertThat(titles(plans, "title")).containsExactly("LSTA plan Alpha");
        assertThat(plans.get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/working-groups?q=LSTA-&status=proposed", us).json().get("items").get(0)
                .get("code").asString()).isEqualTo("LSTA-A");

        Http.Response bad = new Http(port).inLanguage("ja").get("/api/v1/agreements?type=TREATY", us);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("type");
        assertThat(bad.json().get("detail").asString()).contains("「TREATY」では絞り込めません");
        Http.Response notFilterable = api.get("/api/v1/notifications?q=anything", us);
        assertThat(notFilterable.status()).isEqualTo(400);
        assertThat(notFilterable.json().get("field").asString()).isEqualTo("q");
    }

    @Test
    void notificationsShowOnlyTheUnreadOrTheReadOnesAndSortOldestFirst() {
        String jp = api.token("jp.atla", "demo");
        assertThat(api.post("/api/v1/threads", us, Map.of("title", "LSTA notice", "body",
                "@jp.atla a notice to read", "marking", "UNCLASSIFIED")).status()).isEqualTo(201);
        JsonNode unread = api.get("/api/v1/notifications?state=UNREAD&size=200", jp).json();
        assertThat(unread.get("items")).isNotEmpty();
        unread.get("items").forEach(n -> assertThat(n.get("read").asBoolean()).isFalse());
        long id = unread.get("items").get(0).get("id").asLong();
        assertThat(api.post("/api/v1/notifications/" + id + "/read", jp, Map.of()).status()).isEqualTo(204);
        List<Long> readIds = new ArrayList<>();
        api.get("/api/v1/notifications?state=READ&size=200", jp).json().get("items").forEach(n -> {
            assertThat(n.get("read").asBoolean()).isTrue();
            readIds.add(n.get("id").asLong());
        });
        assertThat(readIds).contains(id);
        assertThat(api.get("/api/v1/notifications?state=UNREAD&size=200", jp).json().get("items").findValues("id")
                .stream().map(JsonNode::asLong)).doesNotContain(id);

        JsonNode oldest = api.get("/api/v1/notifications?sort=time,asc&size=200", jp).json();
        JsonNode newest = api.get("/api/v1/notifications?sort=time,desc&size=200", jp).json();
        assertThat(oldest.get("total").asLong()).isEqualTo(newest.get("total").asLong());
        assertThat(oldest.get("items").get(0).get("id").asLong())
                .isLessThan(newest.get("items").get(0).get("id").asLong());

        String page = new Http(port).inLanguage("ja").signIn("jp.atla", "demo")
                .get("/notifications?state=READ&sort=time&dir=asc", null).body();
        assertThat(page).contains("既読").contains("未読").contains("新しい順")
                .contains("aria-current=\"page\"").contains("id=\"notification-" + id + "\"");
    }

    @Test
    void theCsvOfAgreementsAndPlansHoldsWhatThePageShowsUnderItsBannerInTheReadersLanguageAndIsAudited() {
        Http web = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String page = web.get("/agreements?q=LSTA+agreement&type=MOU&sort=title&dir=asc", null).body();
        Matcher link = Pattern.compile("id=\"agreements-csv\"\\s+href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).contains("type=MOU").contains("sort=title").contains("dir=asc");
        Http.Response csv = web.get(href, null);
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(csv.body()).startsWith("\uFEFF");
        assertThat(lines.get(0)).isEqualTo("\"CUI//REL TO USA, JPN\"").isEqualTo(lines.get(lines.size() - 1));
        assertThat(csv.header("X-DICAS-Marking")).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(lines.get(1)).isEqualTo("番号,区分表示,件名,取決め種別,当事国,署名日");
        assertThat(lines.subList(2, lines.size() - 1)).hasSize(3);
        assertThat(lines.get(2)).contains("LSTA agreement Bravo").contains("了解覚書（MOU）");
        assertThat(lines.get(4)).contains("LSTA agreement Hidden");
        String disposition = csv.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"agreements.csv\"");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7),
                StandardCharsets.UTF_8)).isEqualTo("取決め.csv");

        Http.Response plans = web.get("/acquisition-plans/export.csv?q=LSTA+plan&sort=title&dir=desc", null);
        List<String> planLines = plans.body().substring(1).lines().toList();
        assertThat(planLines.get(1)).startsWith("番号,区分表示,件名,運用要求,国,");
        assertThat(planLines.get(2)).contains("LSTA plan Charlie");
        assertThat(planLines.get(4)).contains("LSTA plan Alpha");
        assertThat(plans.header("Content-Disposition")).contains("acquisition-plans.csv");

        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'jp.atla' and action = 'EXPORTED'"
                + " and detail_sentence like '%lista.agreement.csv.kind%'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'jp.atla' and action = 'EXPORTED'"
                + " and detail_sentence like '%lista.acqplan.csv.kind%'").query(Long.class).single()).isPositive();
    }

    @Test
    void everyListOfThisPartSortsByEachOfItsColumnsBothWaysOnThePage() {
        Http web = new Http(port).signIn("us.acq", "demo");
        Map<String, ListColumns> lists = Map.of("/working-groups", WorkingGroups.COLUMNS, "/discussions",
                Discussions.COLUMNS, "/agreements", Agreements.COLUMNS, "/acquisition-plans", AcquisitionPlans.COLUMNS,
                "/notifications", Notifications.COLUMNS);
        ListSorting.everyColumnSortsBothWaysAndTheFilterKeepsItsText(web, lists, Set.of("/notifications"));
    }
}
