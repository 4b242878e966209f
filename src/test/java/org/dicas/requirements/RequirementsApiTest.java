package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The requirements registry over real HTTP and the real PostgreSQL: create, read, change and filter; bad input as
 * problem+json naming the field; who may write; releasability (hidden = 404, filtered inside SQL); the record row
 * with both languages' text; the public API the opportunity finder uses; the demo requirements.
 */
@PlatformTest
public class RequirementsApiTest {

    public static final String API = "/api/v1/requirements";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Requirements requirements;
    @Autowired
    Directory directory;

    Http http;
    String us;
    String jp;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        us = Tokens.of(port, "us.acq");
        jp = Tokens.of(port, "jp.atla");
    }

    /** The body of a requirement of the author's nation (other test packages write requirements with it too). */
    public static Map<String, Object> body(String titleEn, String titleJa, String marking) {
        Map<String, Object> b = new HashMap<>();
        b.put("service", "JASDF");
        b.put("capabilityArea", "AIR.TRAINER");
        b.put("titleEn", titleEn);
        b.put("titleJa", titleJa);
        b.put("descriptionJa", "老朽化した練習機を更新する。");
        b.put("quantity", 12);
        b.put("needBy", "2030-03-31");
        b.put("marking", marking);
        return b;
    }

    @Test
    void aGovernmentUserRegistersARequirementInJapaneseAndReadsItBack() {
        var created = http.post(API, jp, body("", "APITEST 練習機の更新", "CUI//REL TO JPN, USA"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode r = created.json();
        long id = r.get("id").asLong();
        assertThat(created.header("Location")).endsWith(API + "/" + id);
        assertThat(r.get("nation").asString()).as("the author's nation by default").isEqualTo("JPN");
        assertThat(r.get("status").asString()).as("DRAFT by default").isEqualTo("DRAFT");
        assertThat(r.get("titleJa").asString()).isEqualTo("APITEST 練習機の更新");
        assertThat(r.get("titleEn").asString()).isEmpty();
        assertThat(r.get("marking").asString()).isEqualTo("CUI//REL TO JPN, USA");
        assertThat(r.get("needByFiscalYear").asString()).isEqualTo("JFY2029 (令和11年度)");

        JsonNode asUs = http.get(API + "/" + id, us).json();
        assertThat(asUs.get("quantity").asInt()).isEqualTo(12);
        assertThat(asUs.get("needBy").asString()).isEqualTo("2030-03-31");

        Map<String, Object> record = jdbc.sql("select kind, title, search_text, origin_nation, link from record where id = :id")
                .param("id", id).query().singleRow();
        assertThat(record.get("kind")).isEqualTo("REQUIREMENT");
        assertThat((String) record.get("search_text")).contains("APITEST 練習機の更新", "老朽化した練習機を更新する。");
        assertThat(record.get("link")).isEqualTo("/requirements/" + id);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = :id and action = 'CREATE'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changesAreSavedAuditedAndIndexedInBothLanguages() {
        long id = http.post(API, jp, body("", "APITEST 変更前", "CUI//REL TO JPN, USA")).json().get("id").asLong();
        Map<String, Object> change = body("APITEST replacement trainer jets", "APITEST 変更後", "CUI//REL TO JPN, USA");
        change.put("status", "VALIDATED");
        change.put("quantity", null);
        var put = http.put(API + "/" + id, jp, change);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("status").asString()).isEqualTo("VALIDATED");
        assertThat(put.json().get("quantity").isNull()).isTrue();
        assertThat(jdbc.sql("select search_text from record where id = :id").param("id", id).query(String.class).single())
                .contains("APITEST replacement trainer jets", "APITEST 変更後").doesNotContain("変更前");
        assertThat(jdbc.sql("select detail_sentence from audit_entry where record_id = :id and action = 'REQUIREMENT_STATUS'")
                .param("id", id).query(String.class).list()).containsExactly("{\"key\":\"audit.detail.fromTo\",\"args\":["
                + "{\"key\":\"requirement.status.DRAFT\",\"args\":[]},{\"key\":\"requirement.status.VALIDATED\",\"args\":[]}]}");
        assertThat(http.put(API + "/" + id, us, change).status()).as("another nation's user does not change it")
                .isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        record Case(String field, Object value, String expectedField) {
        }
        List<Case> cases = List.of(
                new Case("capabilityArea", "AIR.BALLOONS", "capabilityArea"),
                new Case("capabilityArea", "", "capabilityArea"),
                new Case("service", " ", "service"),
                new Case("quantity", 0, "quantity"),
                new Case("quantity", -5, "quantity"),
                new Case("needBy", null, "needBy"),
                new Case("needBy", "2030-02-30", "needBy"),
                new Case("status", "APPROVED", "status"),
                new Case("nation", "XXX", "nation"),
                new Case("marking", "SECRET", "marking"),
                new Case("marking", "CUI//PROPIN", "marking"),
                new Case("titleJa", "", "titleEn"),
                new Case("titleJa", "x".repeat(301), "titleJa"),
                new Case("unknownField", "x", "unknownField"));
        for (Case c : cases) {
            Map<String, Object> b = body("", "APITEST bad", "CUI//REL TO JPN, USA");
            b.put(c.field(), c.value());
            var res = http.post(API, jp, b);
            assertThat(res.status()).as(c.toString()).isEqualTo(400);
            assertThat(res.header("Content-Type")).startsWith("application/problem+json");
            assertThat(res.json().get("field").asString()).as(c + " " + res.body()).isEqualTo(c.expectedField());
        }
        assertThat(http.get(API + "?status=NOPE", us).json().get("field").asString()).isEqualTo("status");
        assertThat(http.get(API + "?area=NOPE", us).json().get("field").asString()).isEqualTo("area");
        assertThat(http.get(API + "?nation=ZZZ", us).json().get("field").asString()).isEqualTo("nation");
    }

    @Test
    void industryUsersReadButDoNotWrite() {
        String industry = http.token("us.industry", "demo");
        assertThat(http.post(API, industry, body("APITEST by industry", "", "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(http.get(API, industry).status()).isEqualTo(200);
    }

    @Test
    void aJapaneseNofornRequirementDoesNotExistForAUsUser() {
        long id = http.post(API, jp, body("", "APITEST 国内限定の要求", "CUI//NOFORN")).json().get("id").asLong();
        assertThat(http.get(API + "/" + id, jp).status()).isEqualTo(200);
        var hidden = http.get(API + "/" + id, us);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("国内限定");
        assertThat(http.put(API + "/" + id, us, body("x", "", "CUI//NOFORN")).status()).isEqualTo(404);
        assertThat(http.all(API + "?text=APITEST", us).toString()).doesNotContain("国内限定");
        assertThat(http.all(API + "?text=APITEST", jp).toString()).contains("国内限定");
        DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
        DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
        assertThat(requirements.find(id, usUser)).isEmpty();
        assertThat(requirements.find(id, jpUser)).isPresent();
        assertThat(requirements.readable(usUser)).extracting(Requirement::id).doesNotContain(id);
        assertThat(requirements.readable(jpUser)).extracting(Requirement::id).contains(id);
        // a marking the author could not read is refused
        Map<String, Object> b = body("", "APITEST 米国限定", "CUI//REL TO USA");
        assertThat(http.post(API, jp, b).status()).isEqualTo(201); // originator reads own REL TO list
        Map<String, Object> group = body("", "APITEST 他グループ", "CUI//GROUP NOSUCH");
        assertThat(http.post(API, jp, group).json().get("field").asString()).isEqualTo("marking");
    }

    @Test
    void theListFiltersByNationAreaStatusAndTextInBothLanguages() {
        JsonNode all = http.all(API, us);
        assertThat(all.size()).isGreaterThanOrEqualTo(20);
        for (JsonNode r : http.all(API + "?nation=JPN", us)) {
            assertThat(r.get("nation").asString()).isEqualTo("JPN");
        }
        JsonNode air = http.all(API + "?area=AIR", us);
        assertThat(air.size()).isGreaterThan(0);
        for (JsonNode r : air) {
            assertThat(r.get("capabilityArea").asString()).startsWith("AIR");
        }
        for (JsonNode r : http.all(API + "?status=FUNDED", us)) {
            assertThat(r.get("status").asString()).isEqualTo("FUNDED");
        }
        JsonNode gpiJa = http.get(API + "?text=" + java.net.URLEncoder.encode("滑空段階", java.nio.charset.StandardCharsets.UTF_8), us).json().get("items");
        assertThat(gpiJa.size()).isGreaterThan(0);
        assertThat(gpiJa.get(0).get("nation").asString()).isEqualTo("JPN");
        JsonNode interceptors = http.all(API + "?area=MISSILE_DEFENSE.INTERCEPTOR&nation=USA", us);
        List<String> titles = new ArrayList<>();
        interceptors.forEach(r -> titles.add(r.get("titleEn").asString()));
        assertThat(titles).anyMatch(t -> t.contains("Glide Phase Interceptor")).anyMatch(t -> t.contains("PAC-3 MSE"));
        // earliest need first
        List<LocalDate> dates = new ArrayList<>();
        all.forEach(r -> dates.add(LocalDate.parse(r.get("needBy").asString())));
        assertThat(dates).isSorted();
    }

    @Test
    void demoRequirementsHoldSharedNeedsInBothLanguagesAndThreeNations() {
        DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
        List<Requirement> mine = requirements.readable(jpUser);
        assertThat(mine).extracting(Requirement::nation).contains("USA", "JPN", "AUS");
        assertThat(mine).filteredOn(r -> r.nation().equals("JPN")).allMatch(r -> !r.titleJa().isEmpty());
        assertThat(mine).anyMatch(r -> r.descriptionJa().contains("滑空段階迎撃ミサイル（GPI）を令和14年度までに取得する"));
        assertThat(mine).filteredOn(r -> r.capabilityArea().equals("AIR.UNMANNED")).extracting(Requirement::nation)
                .contains("USA", "JPN", "AUS");
        DicasUser au = directory.userByUsername("au.dod").orElseThrow();
        List<Requirement> aus = requirements.readable(au);
        assertThat(aus).as("Australia sees what is released to it, and nothing CUI (its user is UNCLASSIFIED)")
                .isNotEmpty().allMatch(r -> r.marking().level() != org.dicas.shared.AccessLevel.CUI);
        assertThat(aus).anyMatch(r -> r.titleJa().contains("もがみ型"));
        long jpTotal = jdbc.sql("select count(*) from requirement where nation = 'JPN'").query(Long.class).single();
        DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
        assertThat(requirements.readable(usUser).stream().filter(r -> r.nation().equals("JPN")).count())
                .as("the Japanese NOFORN demo requirement is hidden from the US").isLessThan(jpTotal);
    }

    @Test
    void openApiDescribesRequirementsPlansAndImport() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/requirements", "/api/v1/requirements/{id}",
                "/api/v1/requirements/import", "/api/v1/acquisition-plans", "/api/v1/acquisition-plans/{id}",
                "multipart/form-data");
    }

    @Test
    void theRequirementHistoryShowsItsCreationAndChanges() {
        Map<String, Object> b = body("", "APITEST 履歴", "CUI//REL TO JPN, USA");
        long id = http.post(API, jp, b).json().get("id").asLong();
        b.put("status", "FUNDED");
        assertThat(http.put(API + "/" + id, jp, b).status()).isEqualTo(200);
        var history = new Http(port).signIn("us.acq", "demo").get("/records/" + id + "/history?lang=en", null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("APITEST 履歴", "Created", "Requirement status changed", "Draft → Funded");
        var ja = new Http(port).inLanguage("ja").signIn("us.acq", "demo").get("/records/" + id + "/history", null);
        assertThat(ja.body()).contains("運用要求の状態変更", "起案中から予算化済みへ").doesNotContain("DRAFT");
    }
}
