package org.dicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dicas.TrustAndSupplyListsPageTest.ids;
import static org.dicas.TrustAndSupplyListsPageTest.rows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.security.AuditLog;
import org.dicas.support.Http;
import org.dicas.sustainment.RepairBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The last lists on the one list mechanism: the disclosure requests (two lists on one page, each with its own
 * {@code mine.*} / {@code awaiting.*} parameters), the accounts of the admin users page and a program's work packages
 * sort both ways, filter (text and facets) and page on the server, on the page and in the API, and never list nor
 * count a row the reader may not read; the repair jobs, repair facilities and export authorizations download as CSV
 * as their list shows them.
 */
@PlatformTest
class LastListsPageTest {

    static final String REL = "UNCLASSIFIED//REL TO USA, JPN";
    static final String NOFORN = "CUI//NOFORN";

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    static String run(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ disclosure requests

    /** Release requests jp.atla made on U.S. documents titled {@code run alpha|bravo|charlie}, and one whose record Japan can no longer read. */
    record Requests(String run, List<Long> ids, long hidden) {
    }

    Requests requests(Http http) {
        String acq = http.token("us.acq", "demo");
        String atla = http.token("jp.atla", "demo");
        String run = run("LLR");
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("alpha", "bravo", "charlie")) {
            ids.add(request(http, atla, document(http, acq, run + " " + name, REL)));
        }
        long narrowed = document(http, acq, run + " delta", REL);
        long hidden = request(http, atla, narrowed);
        Http.Response n = http.put("/api/v1/documents/" + narrowed, acq, Map.of("title", run + " delta", "body", "b",
                "marking", NOFORN));
        assertThat(n.status()).as("the author narrows the record: Japan falls out " + n.body()).isEqualTo(200);
        return new Requests(run, ids, hidden);
    }

    static long document(Http http, String token, String title, String marking) {
        Http.Response r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "b", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long request(Http http, String token, long record) {
        Http.Response r = http.post("/api/v1/records/" + record + "/disclosure-requests", token,
                Map.of("nations", List.of("AUS"), "justification", "for the lists test"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void myRequestsSortFilterFacetAndPageOnTheServerWithoutTheOneWhoseRecordIMayNoLongerRead() {
        Http http = new Http(port);
        Requests r = requests(http);
        Http atla = new Http(port).signIn("jp.atla", "demo");
        String base = "/disclosure-requests?mine.q=" + r.run();

        String asc = atla.get(base + "&mine.sort=record&mine.dir=asc", null).body();
        assertThat(rows(asc, "mine")).containsExactly(r.ids().get(0), r.ids().get(1), r.ids().get(2));
        assertThat(asc).doesNotContain(r.run() + " delta").contains("id=\"mine-q\"")
                .as("the heading turns the sort round and keeps the filter, under the list's own names")
                .containsPattern("aria-sort=\"ascending\">\\s*<a href=\"/disclosure-requests\\?mine.q=" + r.run()
                        + "&amp;mine.sort=record&amp;mine.dir=desc\"");
        assertThat(rows(atla.get(base + "&mine.sort=record&mine.dir=desc", null).body(), "mine"))
                .containsExactly(r.ids().get(2), r.ids().get(1), r.ids().get(0));
        assertThat(rows(atla.get(base, null).body(), "mine")).as("newest first by default")
                .containsExactly(r.ids().get(2), r.ids().get(1), r.ids().get(0));

        String first = atla.get(base + "&mine.sort=record&mine.dir=asc&mine.size=2", null).body();
        assertThat(rows(first, "mine")).containsExactly(r.ids().get(0), r.ids().get(1));
        assertThat(first).as("the pager counts only the requests the reader may read").contains("1–2 of 3")
                .contains("mine.page=2");
        String second = atla.get(base + "&mine.sort=record&mine.dir=asc&mine.size=2&mine.page=2", null).body();
        assertThat(rows(second, "mine")).containsExactly(r.ids().get(2));
        assertThat(second).contains("3–3 of 3");

        Http fdo = new Http(port);
        Http.Response denied = fdo.post("/api/v1/disclosure-requests/" + r.ids().get(1) + "/deny",
                fdo.token("us.fdo", "demo"), Map.of("reason", "not now"));
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        String onlyDenied = atla.get(base + "&mine.state=DENIED", null).body();
        assertThat(rows(onlyDenied, "mine")).containsExactly(r.ids().get(1));
        assertThat(onlyDenied).as("the facet's links keep the filter and change only this list's state")
                .contains("href=\"/disclosure-requests?mine.q=" + r.run() + "&amp;mine.state=PENDING\"");
        assertThat(rows(atla.get(base + "&mine.state=PENDING", null).body(), "mine"))
                .containsExactly(r.ids().get(2), r.ids().get(0));

        assertThat(atla.get("/disclosure-requests?mine.sort=nope", null).status()).isEqualTo(400);
        assertThat(atla.get("/disclosure-requests?mine.state=LOST", null).status()).isEqualTo(400);
    }

    @Test
    void theTwoListsOnTheDisclosurePageSortAndFilterApartEachKeepingTheOther() {
        Http http = new Http(port);
        Requests r = requests(http);
        Http fdo = new Http(port).signIn("us.fdo", "demo");
        String page = fdo.get("/disclosure-requests?mine.q=zzz&awaiting.q=" + r.run()
                + "&awaiting.sort=record&awaiting.dir=asc", null).body();
        assertThat(rows(page, "awaiting")).as("the officer reads the narrowed record: four awaiting")
                .containsExactly(r.ids().get(0), r.ids().get(1), r.ids().get(2), r.hidden());
        assertThat(page).as("sorting the awaiting list keeps my requests' filter")
                .contains("href=\"/disclosure-requests?awaiting.q=" + r.run()
                        + "&amp;awaiting.sort=record&amp;awaiting.dir=desc&amp;mine.q=zzz\"")
                .as("clearing my requests' filter keeps the awaiting list's filter and sort")
                .contains("href=\"/disclosure-requests?mine.sort=requested&amp;mine.dir=desc&amp;awaiting.q="
                        + r.run() + "&amp;awaiting.sort=record&amp;awaiting.dir=asc\"")
                .as("each filter form has its own field and carries the other list's view")
                .contains("id=\"mine-q\"", "id=\"awaiting-q\"", "name=\"awaiting.sort\" value=\"record\"");
        assertThat(rows(page, "mine")).isEmpty();

        String paged = fdo.get("/disclosure-requests?awaiting.q=" + r.run()
                + "&awaiting.sort=record&awaiting.dir=desc&awaiting.size=3&awaiting.page=2", null).body();
        assertThat(rows(paged, "awaiting")).containsExactly(r.ids().get(0));
        assertThat(paged).contains("4–4 of 4");

        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String japanese = ja.get("/disclosure-requests?mine.q=" + r.run(), null).body();
        assertThat(japanese).contains("<span>記録</span>", "<span>要請日時</span>", "次の文字列を含む行だけを表示")
                .as("not an officer: no awaiting list").doesNotContain("id=\"awaiting-q\"");
    }

    @Test
    void theDisclosureRequestApisSortFilterAndPageAndNeverCountARequestTheReaderMayNotRead() {
        Http http = new Http(port);
        Requests r = requests(http);
        String atla = http.token("jp.atla", "demo");
        JsonNode desc = http.get("/api/v1/disclosure-requests/mine?q=" + r.run() + "&sort=record,desc", atla).json();
        assertThat(ids(desc)).containsExactly(r.ids().get(2), r.ids().get(1), r.ids().get(0));
        assertThat(desc.get("total").asLong()).isEqualTo(3);
        assertThat(desc.get("marking").asString()).isEqualTo(REL);
        JsonNode paged = http.get("/api/v1/disclosure-requests/mine?q=" + r.run() + "&sort=record,asc&size=2&page=2",
                atla).json();
        assertThat(ids(paged)).containsExactly(r.ids().get(2));
        assertThat(paged.get("total").asLong()).isEqualTo(3);
        assertThat(http.get("/api/v1/disclosure-requests/mine?q=" + r.run() + "&state=DENIED", atla).json()
                .get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/disclosure-requests/awaiting", atla).json().get("total").asLong())
                .as("not an officer: nothing awaits").isZero();

        String fdo = http.token("us.fdo", "demo");
        JsonNode awaiting = http.get("/api/v1/disclosure-requests/awaiting?q=" + r.run() + "&sort=record,asc", fdo)
                .json();
        assertThat(ids(awaiting)).containsExactly(r.ids().get(0), r.ids().get(1), r.ids().get(2), r.hidden());
        assertThat(awaiting.get("marking").asString()).as("the high-water mark of the page").isEqualTo(NOFORN);
        Http.Response bad = http.get("/api/v1/disclosure-requests/mine?sort=nope,asc", atla);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("requested, record, state");
    }

    // ------------------------------------------------------------------------------------------------ accounts

    @Test
    void theAdminUsersPageAndApiSortFilterFacetAndPageAccountsForTheSecretariatOnly() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        String run = run("ll").toLowerCase();
        long atla = jdbc.sql("select id from organization where name = 'ATLA'").query(Long.class).single();
        long usOrg = jdbc.sql("select id from organization where nation = 'USA' and kind = 'GOVERNMENT' order by id"
                + " limit 1").query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        ids.add(account(http, admin, run + ".a", "JPN", atla, "ACQUISITION"));
        ids.add(account(http, admin, run + ".b", "USA", usOrg, "DISCLOSURE_OFFICER"));
        ids.add(account(http, admin, run + ".c", "JPN", atla, "POLICY"));

        Http web = new Http(port).signIn("admin", "demo");
        String desc = web.get("/admin/users?q=" + run + "&sort=username&dir=desc", null).body();
        assertThat(rows(desc, "user")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(desc).containsPattern("aria-sort=\"descending\">\\s*<a href=\"/admin/users\\?q=" + run
                + "&amp;sort=username&amp;dir=asc\"");
        assertThat(rows(web.get("/admin/users?q=" + run + "&sort=username&dir=asc", null).body(), "user"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(rows(web.get("/admin/users?q=" + run + "&nation=JPN", null).body(), "user"))
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(rows(web.get("/admin/users?q=" + run + "&role=DISCLOSURE_OFFICER", null).body(), "user"))
                .containsExactly(ids.get(1));
        assertThat(web.get("/admin/users?q=" + run + "&nation=JPN", null).body())
                .as("choosing one facet keeps the other: the role links carry the chosen nation")
                .contains("href=\"/admin/users?q=" + run + "&amp;nation=JPN&amp;role=DISCLOSURE_OFFICER\"")
                .contains("href=\"/admin/users?q=" + run + "&amp;nation=JPN\"");
        String second = web.get("/admin/users?q=" + run + "&size=2&page=2", null).body();
        assertThat(rows(second, "user")).containsExactly(ids.get(2));
        assertThat(second).contains("3–3 of 3");
        assertThat(web.get("/admin/users?sort=password", null).status()).isEqualTo(400);
        assertThat(web.get("/admin/users?nation=XXX", null).status()).isEqualTo(400);
        String japanese = new Http(port).inLanguage("ja").signIn("admin", "demo")
                .get("/admin/users?q=" + run, null).body();
        assertThat(japanese).contains("<span>ユーザー名</span>", "次の文字列を含む行だけを表示");

        JsonNode api = http.get("/api/v1/admin/users?q=" + run + "&sort=name,desc&size=2", admin).json();
        assertThat(api.get("total").asLong()).isEqualTo(3);
        assertThat(api.get("items")).hasSize(2);
        assertThat(ids(http.get("/api/v1/admin/users?q=" + run + "&nation=USA", admin).json()))
                .containsExactly(ids.get(1));
        Http.Response bad = http.get("/api/v1/admin/users?sort=password,asc", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("username, name, nation");

        Http acq = new Http(port).signIn("us.acq", "demo");
        assertThat(acq.get("/admin/users?q=" + run, null).status()).as("not the secretariat: no list").isEqualTo(404);
        assertThat(http.get("/api/v1/admin/users?q=" + run, http.token("us.acq", "demo")).status()).isEqualTo(404);
    }

    static long account(Http http, String admin, String username, String nation, long organization, String role) {
        Http.Response r = http.post("/api/v1/admin/users", admin, Map.of("username", username, "displayName",
                "Lists " + username, "nation", nation, "organizationId", organization, "accessLevel", "UNCLASSIFIED",
                "roles", List.of(role), "groups", List.of(), "password", "a long enough secret"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    // ------------------------------------------------------------------------------------------- work packages

    @Test
    void aProgramsWorkPackagesSortFilterFacetAndPageWithoutThePackageTheReaderMayNotRead() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String sakura = http.token("jp.industry", "demo");
        String run = run("LLP");
        Http.Response made = http.post("/api/v1/programs", us, Map.of("nameEn", run + " program", "type",
                "CO_DEVELOPMENT", "status", "ACTIVE", "partners", List.of(Map.of("nation", "USA", "costShare", 50),
                        Map.of("nation", "JPN", "costShare", 50)), "marking", "CUI//REL TO USA, JPN"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long program = made.json().get("id").asLong();
        String path = "/api/v1/programs/" + program + "/work-packages";
        List<Long> ids = new ArrayList<>();
        for (String code : List.of("WP-A", "WP-B", "WP-C")) {
            ids.add(pkg(http, us, path, code, REL));
        }
        long hidden = pkg(http, us, path, "WP-D", NOFORN);
        long pacific = jdbc.sql("select id from organization where name = 'Pacific Missile Works (illustrative)'")
                .query(Long.class).single();
        long sakuraFirm = jdbc.sql("select id from organization where name = 'Sakura Heavy Industries (illustrative)'")
                .query(Long.class).single();
        assertThat(http.post(path + "/" + ids.get(0) + "/options", us, Map.of("performerId", pacific, "cost", 10))
                .status()).isEqualTo(201);
        assertThat(http.post(path + "/" + ids.get(1) + "/options", sakura, Map.of("performerId", sakuraFirm,
                "cost", 12)).status()).isEqualTo(201);

        Http atla = new Http(port).signIn("jp.atla", "demo");
        String desc = atla.get("/programs/" + program + "?sort=code&dir=desc", null).body();
        assertThat(rows(desc, "work-package")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(desc).doesNotContain("WP-D").containsPattern("aria-sort=\"descending\">\\s*<a href=\"/programs/"
                + program + "\\?sort=code&amp;dir=asc\"");
        assertThat(rows(atla.get("/programs/" + program + "?sort=code&dir=asc", null).body(), "work-package"))
                .containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(rows(atla.get("/programs/" + program + "?q=wp-b", null).body(), "work-package"))
                .containsExactly(ids.get(1));
        assertThat(rows(atla.get("/programs/" + program + "?nation=JPN", null).body(), "work-package"))
                .as("packages a Japanese firm may perform").containsExactly(ids.get(1));
        String second = atla.get("/programs/" + program + "?size=2&page=2", null).body();
        assertThat(rows(second, "work-package")).containsExactly(ids.get(2));
        assertThat(second).as("the hidden package is not counted").contains("3–3 of 3");
        assertThat(atla.get("/programs/" + program + "?sort=cost", null).status()).isEqualTo(400);
        assertThat(atla.get("/programs/" + program + "?nation=FRA", null).status()).as("not a partner").isEqualTo(400);
        String japanese = new Http(port).inLanguage("ja").signIn("jp.atla", "demo")
                .get("/programs/" + program, null).body();
        assertThat(japanese).contains("<span>作業パッケージ</span>", "次の文字列を含む行だけを表示");

        String jp = http.token("jp.atla", "demo");
        JsonNode api = http.get(path + "?sort=code,desc&size=2", jp).json();
        assertThat(ids(api)).containsExactly(ids.get(2), ids.get(1));
        assertThat(api.get("total").asLong()).isEqualTo(3);
        assertThat(ids(http.get(path + "?nation=USA", jp).json())).containsExactly(ids.get(0));
        assertThat(ids(http.get(path + "?sort=code,asc", us).json())).as("its reader sees the NOFORN package")
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), hidden);
        Http.Response bad = http.get(path + "?sort=cost,asc", jp);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("code, title");
    }

    static long pkg(Http http, String token, String path, String code, String marking) {
        Http.Response r = http.post(path, token, Map.of("code", code, "titleEn", "Lists package " + code,
                "controls", List.of("ITAR-USML-IV"), "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    // ------------------------------------------------------------------------------------------------ exports

    @Test
    void theRepairJobsExportHoldsTheFilteredSortedListWithoutTheJobTheReaderMayNotRead() {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        String run = run("LLJ");
        // dated in a year no plan of the shared context covers, so that these jobs do not enlarge other tests' plans
        for (String code : List.of("-A", "-B", "-C")) {
            created(http, "/api/v1/sustainment/jobs", navy, farOff(RepairBodies.with(RepairBodies.job(run + code),
                    "priority", 9)));
        }
        created(http, "/api/v1/sustainment/jobs", navy, farOff(RepairBodies.with(RepairBodies.job(run + "-D"),
                "marking", NOFORN)));
        List<String> lines = EveryCsvGoesThroughCsvFileTest.exportedInJapanese(port, audit, "jp.atla",
                "/sustainment/jobs/export.csv?q=" + run + "&sort=code&dir=desc", null, "repair-jobs.csv", "修理案件.csv");
        assertThat(lines.get(0)).startsWith("番号,区分表示,コード,対象装備,旗国,優先度");
        assertThat(codes(lines, run))
                .containsExactly(run + "-C", run + "-B", run + "-A");
        assertThat(lines.get(1)).contains(REL, "米国", ",9,");
    }

    private static Map<String, Object> farOff(Map<String, Object> job) {
        return RepairBodies.with(RepairBodies.with(job, "earliestStart", "2036-03-01"), "dueDate", "2036-08-31");
    }

    @Test
    void theRepairFacilitiesExportHoldsTheFilteredSortedListWithoutTheFacilityTheReaderMayNotRead() {
        Http http = new Http(port);
        String atla = http.token("jp.atla", "demo");
        String run = run("LLF");
        created(http, "/api/v1/sustainment/facilities", atla, RepairBodies.facility(run + "-A", REL));
        created(http, "/api/v1/sustainment/facilities", atla, RepairBodies.facility(run + "-B", REL));
        created(http, "/api/v1/sustainment/facilities", atla, RepairBodies.facility(run + "-C", "CUI//NOFORN"));
        List<String> lines = EveryCsvGoesThroughCsvFileTest.exportedInJapanese(port, audit, "us.navy",
                "/sustainment/facilities/export.csv?q=" + run + "&sort=code&dir=asc", null, "repair-facilities.csv",
                "修理施設.csv");
        assertThat(lines.get(0)).isEqualTo("番号,区分表示,コード,名称,国,設備,認証");
        assertThat(codes(lines, run))
                .containsExactly(run + "-A", run + "-B");
        assertThat(lines.get(1)).contains("日本", run + "-A-DD（乾ドック）", "MSRA");
    }

    @Test
    void theExportAuthorizationsExportHoldsTheOfficersFilteredSortedListOnly() {
        Http http = new Http(port);
        String fdo = http.token("us.fdo", "demo");
        String run = run("LLA");
        LocalDate today = LocalDate.now();
        for (String n : List.of("-A", "-B", "-C")) {
            created(http, "/api/v1/authorizations", fdo, Map.of("number", run + n, "kind", "LICENCE", "regime", "ITAR",
                    "coveredNations", List.of("JPN"), "validFrom", today.toString(),
                    "validTo", today.plusDays(30).toString(), "note", "lists " + n));
        }
        List<String> lines = EveryCsvGoesThroughCsvFileTest.exportedInJapanese(port, audit, "us.fdo",
                "/authorizations/export.csv?q=" + enc(run) + "&sort=number&dir=desc", null,
                "export-authorizations.csv", "輸出許可.csv");
        assertThat(lines.get(0)).isEqualTo("番号,許可番号,種別,規制制度,対象国,有効期間開始日,有効期間終了日,状態,備考");
        assertThat(codes(lines, run))
                .containsExactly(run + "-C", run + "-B", run + "-A");
        assertThat(lines.get(1)).contains("JPN", today.toString(), "有効");
        assertThat(new Http(port).signIn("us.acq", "demo").get("/authorizations/export.csv", null).status())
                .as("not an officer: no export").isEqualTo(404);
    }

    /** The first code of the run on each row of an export (its code column comes before any other naming it). */
    static List<String> codes(List<String> lines, String run) {
        java.util.regex.Pattern code = java.util.regex.Pattern.compile(run + "-[A-D]");
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            java.util.regex.Matcher m = code.matcher(line);
            out.add(m.find() ? m.group() : line);
        }
        return out;
    }

    static void created(Http http, String path, String token, Map<String, Object> body) {
        Http.Response r = http.post(path, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
