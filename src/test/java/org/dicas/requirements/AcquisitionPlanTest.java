package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Acquisition plans: budget lines stored as real fiscal-year dates and labelled in the plan nation's convention,
 * milestones at fiscal-year boundaries, bad input, who may write, and plans of hidden requirements.
 */
@PlatformTest
class AcquisitionPlanTest {

    static final String API = "/api/v1/acquisition-plans";

    @LocalServerPort
    int port;

    Http http;
    String us;
    String jp;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        us = Tokens.of(port, "us.acq");
        jp = Tokens.of(port, "jp.atla");
    }

    long requirement(String token, String titleEn, String titleJa, String marking) {
        Map<String, Object> b = new HashMap<>();
        b.put("service", "MDA");
        b.put("capabilityArea", "MISSILE_DEFENSE.INTERCEPTOR");
        b.put("titleEn", titleEn);
        b.put("titleJa", titleJa);
        b.put("needBy", "2032-09-30");
        b.put("marking", marking);
        var r = http.post("/api/v1/requirements", token, b);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> plan(long requirementId, List<Map<String, Object>> milestones,
                                    List<Map<String, Object>> budget, String marking) {
        Map<String, Object> p = new HashMap<>();
        p.put("requirementId", requirementId);
        p.put("title", "PLANTEST plan");
        p.put("notes", "illustrative");
        p.put("milestones", milestones);
        p.put("budget", budget);
        p.put("marking", marking);
        return p;
    }

    static Map<String, Object> ms(String name, String due) {
        return Map.of("name", name, "due", due);
    }

    static Map<String, Object> line(int fy, String amount, String currency) {
        return Map.of("fiscalYear", fy, "amount", new java.math.BigDecimal(amount), "currency", currency);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    @Test
    void aUsPlanLabelsBudgetAndMilestonesInUsFiscalYears() {
        long req = requirement(us, "PLANTEST US interceptor", "", "CUI//REL TO USA, JPN");
        var created = http.post(API, us, plan(req,
                List.of(ms("last day of FY2025", "2025-09-30"), ms("first day of FY2026", "2025-10-01"),
                        ms("leap day", "2028-02-29")),
                List.of(line(2026, "1000000", "USD"), line(2027, "2500000.50", "usd")), "CUI//REL TO USA, JPN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(p.get("nation").asString()).isEqualTo("USA");
        assertThat(texts(p.get("milestones"), "fiscalYear")).containsExactly("FY2025", "FY2026", "FY2028");
        JsonNode b = p.get("budget");
        assertThat(texts(b, "label")).containsExactly("FY2026", "FY2027");
        assertThat(texts(b, "start")).containsExactly("2025-10-01", "2026-10-01");
        assertThat(texts(b, "end")).containsExactly("2026-09-30", "2027-09-30");
        assertThat(texts(b, "currency")).containsExactly("USD", "USD");
        assertThat(p.get("totals").get("USD").decimalValue()).isEqualByComparingTo("3500000.50");
        long id = p.get("id").asLong();
        assertThat(http.get(API + "/" + id, jp).json().get("budget").get(0).get("label").asString()).isEqualTo("FY2026");
        assertThat(texts(http.all(API + "?requirement=" + req, us), "title")).containsExactly("PLANTEST plan");
        Http web = new Http(port).signIn("us.acq", "demo");
        assertThat(web.get("/acquisition-plans/" + id + "?lang=en", null).body())
                .contains("FY2026", "2025-10-01", "2026-09-30", "1,000,000 USD", "2,500,000.5 USD", "3,500,000.5 USD")
                .doesNotContain("米国2026会計年度");
        assertThat(web.get("/acquisition-plans/" + id + "?lang=ja", null).body()).contains("米国2026会計年度", "(FY2026)");
        web.get("/?lang=en", null); // the language choice is remembered for the user: leave us.acq in English
    }

    @Test
    void aJapanesePlanLabelsBudgetAndMilestonesInJapaneseFiscalYears() {
        long req = requirement(jp, "", "PLANTEST 滑空段階迎撃", "CUI//REL TO JPN, USA");
        var created = http.post(API, jp, plan(req,
                List.of(ms("JFY2025 最終日", "2026-03-31"), ms("JFY2026 初日", "2026-04-01"),
                        ms("閏日", "2028-02-29"), ms("取得完了", "2033-03-31")),
                List.of(line(2026, "45000000000", "JPY"), line(2032, "1", "JPY")), "CUI//REL TO JPN, USA"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode p = created.json();
        assertThat(texts(p.get("milestones"), "fiscalYear")).containsExactly("JFY2025", "JFY2026", "JFY2027", "JFY2032");
        assertThat(texts(p.get("milestones"), "fiscalYearJa")).containsExactly("令和7年度", "令和8年度", "令和9年度", "令和14年度");
        JsonNode b = p.get("budget");
        assertThat(texts(b, "label")).containsExactly("JFY2026", "JFY2032");
        assertThat(texts(b, "labelJa")).containsExactly("令和8年度", "令和14年度");
        assertThat(texts(b, "start")).containsExactly("2026-04-01", "2032-04-01");
        assertThat(texts(b, "end")).containsExactly("2027-03-31", "2033-03-31");

        Http web = new Http(port).signIn("jp.atla", "demo");
        String ja = web.get("/acquisition-plans/" + p.get("id").asLong() + "?lang=ja", null).body();
        assertThat(ja).contains("令和8年度", "令和14年度", "2026-04-01", "JFY2026");
        String en = web.get("/acquisition-plans/" + p.get("id").asLong() + "?lang=en", null).body();
        assertThat(en).contains("JFY2026", "(令和8年度)", "45,000,000,000 JPY");
    }

    @Test
    void anAustralianPlanUsesJulyToJuneYears() {
        String au = http.token("au.dod", "demo");
        long req = requirement(au, "PLANTEST frigate", "", "UNCLASSIFIED//REL TO AUS, USA, JPN");
        var p = http.post(API, au, plan(req, List.of(ms("first day", "2025-07-01")),
                List.of(line(2026, "10", "AUD")), "UNCLASSIFIED//REL TO AUS, USA, JPN"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        assertThat(p.json().get("budget").get(0).get("label").asString()).isEqualTo("FY2025-26");
        assertThat(p.json().get("budget").get(0).get("start").asString()).isEqualTo("2025-07-01");
        assertThat(p.json().get("milestones").get(0).get("fiscalYear").asString()).isEqualTo("FY2025-26");
    }

    @Test
    void badPlansAreProblemsNamingTheField() {
        long req = requirement(us, "PLANTEST bad input", "", "CUI//REL TO USA, JPN");
        record Case(Map<String, Object> body, String field) {
        }
        Map<String, Object> noTitle = plan(req, List.of(), List.of(), "CUI//REL TO USA, JPN");
        noTitle.put("title", " ");
        List<Case> cases = List.of(
                new Case(noTitle, "title"),
                new Case(plan(req, List.of(), List.of(line(2026, "1", "XYZ")), "UNCLASSIFIED"), "budget[0].currency"),
                new Case(plan(req, List.of(), List.of(line(2026, "-1", "USD")), "UNCLASSIFIED"), "budget[0].amount"),
                new Case(plan(req, List.of(), List.of(line(2026, "1.001", "USD")), "UNCLASSIFIED"), "budget[0].amount"),
                new Case(plan(req, List.of(), List.of(line(2026, "1", "USD"), line(2026, "2", "USD")), "UNCLASSIFIED"),
                        "budget[1].fiscalYear"),
                new Case(plan(req, List.of(), List.of(line(1800, "1", "USD")), "UNCLASSIFIED"), "budget[0].fiscalYear"),
                new Case(plan(req, List.of(Map.of("name", "x")), List.of(), "UNCLASSIFIED"), "milestones[0].due"),
                new Case(plan(req, List.of(ms(" ", "2027-01-01")), List.of(), "UNCLASSIFIED"), "milestones[0].name"),
                new Case(plan(req, List.of(), List.of(), "BOGUS"), "marking"),
                new Case(plan(999_999_999L, List.of(), List.of(), "UNCLASSIFIED"), "requirementId"));
        for (Case c : cases) {
            var res = http.post(API, us, c.body());
            assertThat(res.status()).as(c.field() + " " + res.body()).isEqualTo(400);
            assertThat(res.json().get("field").asString()).as(res.body()).isEqualTo(c.field());
        }
        assertThat(http.post(API, jp, plan(req, List.of(), List.of(), "CUI//REL TO USA, JPN")).status())
                .as("another nation's user does not plan for this requirement").isEqualTo(403);
        long id = http.post(API, us, plan(req, List.of(), List.of(line(2026, "5", "USD")), "CUI//REL TO USA, JPN"))
                .json().get("id").asLong();
        long other = requirement(us, "PLANTEST other", "", "CUI//REL TO USA, JPN");
        var moved = http.put(API + "/" + id, us, plan(other, List.of(), List.of(), "CUI//REL TO USA, JPN"));
        assertThat(moved.json().get("field").asString()).isEqualTo("requirementId");
        var changed = http.put(API + "/" + id, us, plan(req, List.of(ms("award", "2026-10-01")),
                List.of(line(2027, "7", "USD")), "CUI//REL TO USA, JPN"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(texts(changed.json().get("budget"), "label")).containsExactly("FY2027");
        assertThat(texts(changed.json().get("milestones"), "fiscalYear")).containsExactly("FY2027");
    }

    @Test
    void aPlanOfAHiddenRequirementIsHiddenToo() {
        long req = requirement(jp, "", "PLANTEST 国内限定", "CUI//NOFORN");
        // the plan itself is marked releasable, but its requirement is not
        long id = http.post(API, jp, plan(req, List.of(), List.of(), "CUI//REL TO JPN, USA")).json().get("id").asLong();
        assertThat(http.get(API + "/" + id, jp).status()).isEqualTo(200);
        assertThat(http.get(API + "/" + id, us).status()).isEqualTo(404);
        assertThat(http.all(API, us).toString()).doesNotContain("PLANTEST 国内限定");
        assertThat(new Http(port).signIn("us.acq", "demo").get("/acquisition-plans/" + id, null).status()).isEqualTo(404);
        assertThat(http.post(API, us, plan(req, List.of(), List.of(), "CUI//REL TO USA, JPN")).json().get("field")
                .asString()).as("a hidden requirement cannot be planned").isEqualTo("requirementId");
    }
}
