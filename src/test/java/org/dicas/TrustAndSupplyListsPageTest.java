package org.dicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.support.Http;
import org.dicas.sustainment.RepairBodies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The trust, supply-chain and sustainment lists sort, filter and page on the server like the others: repair jobs and
 * facilities, planning runs, supply networks, co-production plans and SoSA requests — on the page (sortable
 * headings that keep the filter, the shared pager, the Japanese headings) and in the API ({@code sort=field,dir},
 * {@code q}, {@code {items,page,size,total}}). A record the reader may not read is neither listed nor counted.
 */
@PlatformTest
class TrustAndSupplyListsPageTest {

    @LocalServerPort
    int port;

    /** Three jobs of a run of its own (codes sort a, b, c; priorities 3, 1, 2) and one the Japanese reader may not read. */
    record Jobs(String run, List<Long> ids, long hidden) {
    }

    Jobs jobsOfOwnRun(Http http, String navy) {
        String run = "LB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<Long> ids = new ArrayList<>();
        int[] priorities = {3, 1, 2};
        String[] letters = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            ids.add(job(http, navy, run + "-" + letters[i], priorities[i], "UNCLASSIFIED//REL TO USA, JPN"));
        }
        long hidden = job(http, navy, run + "-D", 1, "CUI//NOFORN");
        return new Jobs(run, ids, hidden);
    }

    static long job(Http http, String token, String code, int priority, String marking) {
        Map<String, Object> b = RepairBodies.with(RepairBodies.with(RepairBodies.job(code), "priority", priority),
                "marking", marking);
        Http.Response r = http.post("/api/v1/sustainment/jobs", token, b);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** The ids of the rows of a list page, top to bottom, by their row ids ({@code job-12}). */
    static List<Long> rows(String page, String prefix) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"" + prefix + "-(\\d+)\"").matcher(page);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    @Test
    void theJobsPageSortsBothWaysFiltersAndPagesOnTheServerWithoutTheHiddenJob() {
        Http http = new Http(port);
        Jobs j = jobsOfOwnRun(http, http.token("us.navy", "demo"));
        Http atla = new Http(port).signIn("jp.atla", "demo");

        String byPriority = atla.get("/sustainment/jobs?q=" + j.run(), null).body();
        assertThat(rows(byPriority, "job")).as("most urgent first: priority 1, 2, 3")
                .containsExactly(j.ids().get(1), j.ids().get(2), j.ids().get(0));
        assertThat(byPriority).doesNotContain(j.run() + "-D").contains("id=\"table-q\"");

        String byCode = atla.get("/sustainment/jobs?q=" + j.run() + "&sort=code&dir=asc", null).body();
        assertThat(rows(byCode, "job")).containsExactly(j.ids().get(0), j.ids().get(1), j.ids().get(2));
        assertThat(byCode).as("the heading turns the sort round and keeps the filter")
                .containsPattern("aria-sort=\"ascending\">\\s*<a href=\"/sustainment/jobs\\?q=" + j.run()
                        + "&amp;sort=code&amp;dir=desc\"");
        String byCodeDesc = atla.get("/sustainment/jobs?q=" + j.run() + "&sort=code&dir=desc", null).body();
        assertThat(rows(byCodeDesc, "job")).containsExactly(j.ids().get(2), j.ids().get(1), j.ids().get(0));

        String first = atla.get("/sustainment/jobs?q=" + j.run() + "&sort=code&dir=asc&size=2", null).body();
        assertThat(rows(first, "job")).containsExactly(j.ids().get(0), j.ids().get(1));
        assertThat(first).as("the shared pager counts only readable rows").contains("1–2 of 3")
                .contains("page=2");
        String second = atla.get("/sustainment/jobs?q=" + j.run() + "&sort=code&dir=asc&size=2&page=2", null).body();
        assertThat(rows(second, "job")).containsExactly(j.ids().get(2));
        assertThat(second).contains("3–3 of 3");

        Http navy = new Http(port).signIn("us.navy", "demo");
        assertThat(rows(navy.get("/sustainment/jobs?q=" + j.run(), null).body(), "job"))
                .as("its reader sees the NOFORN job").contains(j.hidden()).hasSize(4);

        Http.Response unknown = atla.get("/sustainment/jobs?sort=secret", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("priority, code, asset, flag, due, duration");
    }

    @Test
    void theJobsApiSortsFiltersAndPagesAndNeverCountsTheHiddenJob() {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        Jobs j = jobsOfOwnRun(http, navy);
        String atla = http.token("jp.atla", "demo");
        JsonNode asc = http.get("/api/v1/sustainment/jobs?q=" + j.run() + "&sort=code,asc", atla).json();
        assertThat(ids(asc)).containsExactly(j.ids().get(0), j.ids().get(1), j.ids().get(2));
        assertThat(asc.get("total").asLong()).isEqualTo(3);
        JsonNode desc = http.get("/api/v1/sustainment/jobs?q=" + j.run() + "&sort=code,desc&size=2&page=1", atla)
                .json();
        assertThat(ids(desc)).containsExactly(j.ids().get(2), j.ids().get(1));
        assertThat(desc.get("page").asInt()).isEqualTo(1);
        assertThat(desc.get("size").asInt()).isEqualTo(2);
        assertThat(desc.get("total").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/sustainment/jobs?q=" + j.run(), navy).json().get("total").asLong())
                .isEqualTo(4);
        Http.Response bad = http.get("/api/v1/sustainment/jobs?sort=nope,asc", atla);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("sort").contains("priority");
    }

    @Test
    void coproductionPlansSortAndFilterOnThePageAndInTheApiWithoutPlansTheReaderMayNotRead() {
        Http http = new Http(port);
        String acq = http.token("us.acq", "demo");
        String run = "lbplan" + UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        for (String name : List.of(run + " alpha", run + " bravo")) {
            ids.add(plan(http, acq, name, "CUI//REL TO USA, JPN"));
        }
        long hidden = plan(http, acq, run + " charlie", "CUI//NOFORN");
        String atla = http.token("jp.atla", "demo");
        JsonNode desc = http.get("/api/v1/coproduction/plans?q=" + run + "&sort=name,desc", atla).json();
        assertThat(ids(desc)).containsExactly(ids.get(1), ids.get(0));
        assertThat(desc.get("total").asLong()).isEqualTo(2);
        assertThat(ids(http.get("/api/v1/coproduction/plans?q=" + run + "&sort=name,asc", acq).json()))
                .containsExactly(ids.get(0), ids.get(1), hidden);

        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String page = ja.get("/coproduction?q=" + run + "&sort=name&dir=desc", null).body();
        assertThat(rows(page, "plan")).containsExactly(ids.get(1), ids.get(0));
        assertThat(page).doesNotContain(run + " charlie").contains("次の文字列を含む行だけを表示")
                .containsPattern("aria-sort=\"descending\">\\s*<a href=\"/coproduction\\?q=" + run
                        + "&amp;sort=name&amp;dir=asc\"[^>]*>\\s*<span>計画</span>");
        assertThat(ja.get("/coproduction?q=" + run + "zzz", null).body()).contains(run + "zzz");
    }

    static long plan(Http http, String token, String name, String marking) {
        Http.Response made = http.post("/api/v1/coproduction/plans", token, Map.of("name", name, "marking", marking,
                "firstYear", 2027, "periods", 2, "lines", List.of(Map.of("code", "L1", "nation", "USA", "product", "P",
                        "capacity", List.of(5, 5), "unitCost", 1))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    @Test
    void theOtherListsSortOnTheServerInJapaneseAndRefuseUnknownKeysNamingTheirOwn() {
        Http api = new Http(port);
        int year = java.time.LocalDate.now().getYear() + 1;
        Http.Response run = api.post("/api/v1/sustainment/plans", api.token("us.navy", "demo"), Map.of("horizonStart",
                year + "-01-01", "horizonEnd", year + "-12-31", "seconds", 1));
        assertThat(run.status()).as("a run, so that the runs list has a row").isEqualTo(202);
        Http ja = new Http(port).inLanguage("ja").signIn("us.navy", "demo");
        Map<String, String> lists = Map.of(
                "/sustainment/facilities", "code, name, nation",
                "/sustainment/plans", "started, status, horizon, by",
                "/sustainment/jobs", "priority, code, asset");
        lists.forEach((path, keys) -> {
            Http.Response ok = ja.get(path + "?sort=" + keys.split(", ")[1] + "&dir=desc", null);
            assertThat(ok.status()).as(path).isEqualTo(200);
            assertThat(ok.body()).as(path).contains("aria-sort=\"descending\"").contains("次の文字列を含む行だけを表示");
            Http.Response bad = ja.get(path + "?sort=nope", null);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.body()).as(path).contains(keys);
        });
        Http acq = new Http(port).inLanguage("ja").signIn("us.acq", "demo");
        for (String path : List.of("/supply-chain", "/sosa/requests")) {
            Http.Response ok = acq.get(path + "?sort=" + (path.equals("/supply-chain") ? "name" : "item")
                    + "&dir=desc", null);
            assertThat(ok.status()).as(path).isEqualTo(200);
            assertThat(ok.body()).as(path).contains("aria-sort=\"descending\"");
            assertThat(acq.get(path + "?sort=nope", null).status()).as(path).isEqualTo(400);
        }
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        for (String list : List.of("/api/v1/supply-chain/networks?sort=name,desc", "/api/v1/sosa/requests?sort=item,asc",
                "/api/v1/sustainment/plans?sort=status,asc", "/api/v1/sustainment/facilities?sort=name,desc")) {
            Http.Response r = http.get(list, token);
            assertThat(r.status()).as(list + " " + r.body()).isEqualTo(200);
            assertThat(r.json().has("total")).as(list).isTrue();
        }
    }

    @Test
    void authorizationsSortFilterAndPageForTheirOfficerOnlyOnThePageAndInTheApi() {
        Http http = new Http(port);
        String fdo = http.token("us.fdo", "demo");
        String run = "LBA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        java.time.LocalDate today = java.time.LocalDate.now();
        List<Long> ids = new ArrayList<>();
        for (String n : List.of("-A", "-B", "-C")) {
            Http.Response r = http.post("/api/v1/authorizations", fdo, Map.of("number", run + n, "kind", "LICENCE",
                    "regime", "ITAR", "coveredNations", List.of("JPN"), "validFrom", today.toString(),
                    "validTo", today.plusDays(30 + ids.size()).toString()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asLong());
        }
        JsonNode asc = http.get("/api/v1/authorizations?q=" + run + "&sort=number,asc", fdo).json();
        assertThat(ids(asc)).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(asc.get("total").asLong()).isEqualTo(3);
        assertThat(asc.get("marking").asString()).isEqualTo("PUBLIC");
        JsonNode byExpiry = http.get("/api/v1/authorizations?q=" + run + "&size=2", fdo).json();
        assertThat(ids(byExpiry)).as("latest expiry first").containsExactly(ids.get(2), ids.get(1));
        assertThat(byExpiry.get("total").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/authorizations?q=" + run, http.token("us.acq", "demo")).status())
                .as("not an officer: no list").isEqualTo(404);

        Http web = new Http(port).signIn("us.fdo", "demo");
        String desc = web.get("/authorizations?q=" + run + "&sort=number&dir=desc", null).body();
        assertThat(rows(desc, "authorization")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(desc).containsPattern("aria-sort=\"descending\">\\s*<a href=\"/authorizations\\?q=" + run
                + "&amp;sort=number&amp;dir=asc\"");
        String second = web.get("/authorizations?q=" + run + "&sort=number&dir=asc&size=2&page=2", null).body();
        assertThat(rows(second, "authorization")).containsExactly(ids.get(2));
        assertThat(web.get("/authorizations?sort=nope", null).status()).isEqualTo(400);
    }
}
