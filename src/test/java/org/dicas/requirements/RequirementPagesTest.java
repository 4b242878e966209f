package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The requirement and plan pages in both languages: list with filters, detail, forms, releasability. */
@PlatformTest
class RequirementPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long demo(String titleLike) {
        return jdbc.sql("select id from requirement where title_en like :t or title_ja like :t order by id limit 1")
                .param("t", titleLike).query(Long.class).single();
    }

    @Test
    void theListShowsRequirementsWithMarkingsFiscalYearsAndFiltersInBothLanguages() {
        Http web = new Http(port).signIn("us.acq", "demo");
        var en = web.get("/requirements?lang=en", null);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("Requirements", "Glide Phase Interceptor", "滑空段階迎撃用誘導弾",
                "(CUI//REL TO USA, JPN)", "banner", "href=\"/requirements/new\"", "href=\"/requirements/import\"",
                "FY2032", "name=\"area\"", "MISSILE_DEFENSE.INTERCEPTOR");
        var ja = web.get("/requirements?lang=ja&nation=JPN&area=MISSILE_DEFENSE", null);
        assertThat(ja.body()).contains("運用要求", "滑空段階迎撃用誘導弾", "令和14年度")
                .doesNotContain("Glide Phase Interceptor (GPI) against");
        var text = web.get("/requirements?lang=en&text=Red+Hawk", null).body();
        assertThat(text).contains("Advanced pilot training aircraft").doesNotContain("Glide Phase Interceptor (GPI)");
        assertThat(web.get("/requirements?lang=ja&status=LATER", null).body())
                .as("the refusal in the reader's language").contains("状態：「LATER」は状態として使用できません");
        var bad = web.get("/requirements?lang=en&status=LATER", null);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Status: &quot;LATER&quot; is not a status");
    }

    @Test
    void theDetailShowsBothLanguagesPlansAndTheMatchesLink() {
        Http web = new Http(port).signIn("us.acq", "demo");
        long gpi = demo("滑空段階迎撃用誘導弾%");
        var page = web.get("/requirements/" + gpi + "?lang=en", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("滑空段階迎撃ミサイル（GPI）を令和14年度までに取得する", "JFY2032 (Reiwa 14)",
                "href=\"/requirements/" + gpi + "/matches\"", "href=\"/records/" + gpi + "/history\"",
                "日米共同開発計画", "(CUI//REL TO JPN, USA)");
        assertThat(page.body()).as("the US user does not edit a Japanese requirement")
                .doesNotContain("/requirements/" + gpi + "/edit");
        long planId = jdbc.sql("select id from acquisition_plan where requirement_id = :r").param("r", gpi)
                .query(Long.class).single();
        var plan = web.get("/acquisition-plans/" + planId + "?lang=ja", null);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body()).contains("令和7年度", "2025-04-01", "JPY", "取得計画");
        assertThat(web.get("/acquisition-plans?lang=en", null).body()).contains("GPI development and initial procurement");
    }

    @Test
    void aGovernmentUserCreatesAndEditsThroughTheFormsAndErrorsNameTheField() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        var form = web.get("/requirements/new?lang=ja", null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"titleJa\"", "JASDF", "AIR.TRAINER");
        Map<String, String> fields = new HashMap<>(Map.of("nation", "JPN", "service", "航空自衛隊",
                "capabilityArea", "AIR.TRAINER", "titleEn", "", "titleJa", "PAGETEST 練習機", "descriptionEn", "",
                "descriptionJa", "説明", "quantity", "abc", "needBy", "2031-03-31", "status", "DRAFT"));
        fields.put("marking", "CUI//REL TO JPN, USA");
        var bad = web.form("/requirements", Http.csrf(form.body()), fields);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("数量：", "PAGETEST 練習機");
        fields.put("quantity", "40");
        var ok = web.form("/requirements", Http.csrf(form.body()), fields);
        assertThat(ok.status()).isEqualTo(302);
        String location = ok.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(web.get("/requirements/" + id, null).body()).contains("PAGETEST 練習機", "JFY2030");
        var edit = web.get("/requirements/" + id + "/edit", null);
        assertThat(edit.body()).contains("value=\"40\"");
        fields.put("titleEn", "PAGETEST trainer");
        fields.put("version", Http.version(edit.body()));
        assertThat(web.form("/requirements/" + id, Http.csrf(edit.body()), fields).status()).isEqualTo(302);
        assertThat(web.get("/requirements/" + id + "?lang=en", null).body()).contains("PAGETEST trainer");

        var planForm = web.get("/acquisition-plans/new?requirement=" + id, null);
        assertThat(planForm.status()).isEqualTo(200);
        var badPlan = web.form("/acquisition-plans", Http.csrf(planForm.body()), Map.of("requirementId", Long.toString(id),
                "title", "PAGETEST plan", "notes", "", "milestones", "2027-04-01 | 契約", "budget", "2027 | lots | JPY",
                "marking", "CUI//REL TO JPN, USA"));
        assertThat(badPlan.body()).contains("Budget profile: line 1: &quot;lots&quot; is not an amount");
        var okPlan = web.form("/acquisition-plans", Http.csrf(planForm.body()), Map.of("requirementId", Long.toString(id),
                "title", "PAGETEST plan", "notes", "", "milestones", "2027-04-01 | 契約\n2027-03-31 | 準備",
                "budget", "2027 | 1,000,000 | JPY", "marking", "CUI//REL TO JPN, USA"));
        assertThat(okPlan.status()).as(okPlan.body()).isEqualTo(302);
        String planPage = web.get(okPlan.header("Location") + "?lang=en", null).body();
        assertThat(planPage).contains("JFY2027", "JFY2026", "1,000,000 JPY", "2027-04-01", "2028-03-31");
    }

    @Test
    void hiddenRequirementsAreNotFoundAndIndustryDoesNotWrite() {
        Http jpApi = new Http(port);
        String jp = jpApi.token("jp.atla", "demo");
        Map<String, Object> b = new HashMap<>();
        b.put("service", "陸上自衛隊");
        b.put("capabilityArea", "MUNITIONS.ANTI_SHIP");
        b.put("titleJa", "PAGETEST 国内限定");
        b.put("needBy", "2030-03-31");
        b.put("marking", "CUI//NOFORN");
        long id = jpApi.post("/api/v1/requirements", jp, b).json().get("id").asLong();
        Http us = new Http(port).signIn("us.acq", "demo");
        assertThat(us.get("/requirements/" + id, null).status()).isEqualTo(404);
        assertThat(us.get("/requirements/" + id + "/edit", null).status()).isEqualTo(404);
        assertThat(us.get("/requirements?lang=en&size=200", null).body()).doesNotContain("PAGETEST 国内限定");
        assertThat(us.get("/acquisition-plans/new?requirement=" + id, null).status()).isEqualTo(404);
        Http jpWeb = new Http(port).signIn("jp.atla", "demo");
        assertThat(jpWeb.get("/requirements/" + id, null).body()).contains("PAGETEST 国内限定", "CUI//NOFORN");
        Http industry = new Http(port).signIn("us.industry", "demo");
        assertThat(industry.get("/requirements", null).status()).isEqualTo(200);
        assertThat(industry.get("/requirements", null).body()).doesNotContain("href=\"/requirements/new\"");
        assertThat(industry.get("/requirements/new", null).status()).isEqualTo(403);
        for (String path : List.of("/requirements/abc", "/acquisition-plans/999999999")) {
            assertThat(us.get(path, null).status()).as(path).isEqualTo(404);
        }
    }
}
