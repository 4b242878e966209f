package org.dicas.coproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.shared.ExportControl;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The co-production forms in a signed-in session: a plan is created and its lines added, changed and removed through
 * the pages; a bad value shows the form again with the error naming the field (in the reader's language) and saves
 * nothing; a stale save shows what changed meanwhile and the current version; industry sees no edit controls and no
 * competitor's cost; a transfer whose export authorization expired is shown as not in force and left out of a run.
 */
@PlatformTest
class CoproductionFormsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CoproductionPlans plans;
    @Autowired
    ExportAuthorizations authorizations;
    @Autowired
    Directory directory;

    Http web;

    @BeforeEach
    void signIn() {
        web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
    }

    long createPlan(String name) {
        String page = web.get("/coproduction/new", null).body();
        Http.Response r = web.form("/coproduction", Http.csrf(page), Map.of("name", name,
                "marking", "CUI//REL TO USA, JPN", "firstYear", "2027", "periods", "2"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.header("Location").replaceAll(".*/coproduction/", ""));
    }

    static List<Map.Entry<String, String>> line(String code, String version, String... capacity) {
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>(List.of(Map.entry("version", version),
                Map.entry("code", code), Map.entry("nation", "USA"), Map.entry("product", "PAC-3 MSE"),
                Map.entry("unitCost", "4.1"), Map.entry("firmId", ""), Map.entry("costMarking", "")));
        for (String c : capacity) {
            f.add(Map.entry("capacity", c));
        }
        return f;
    }

    List<String> capacities(long plan, String code) {
        return jdbc.sql("select array_to_string(capacity, ',') from coproduction_line where plan_id = :p and code = :c")
                .param("p", plan).param("c", code).query(String.class).list();
    }

    @Test
    void aPlanIsBuiltThroughTheFormsAndABadValueNamesItsFieldAndSavesNothing() {
        long plan = createPlan("forms plan");
        String form = web.get("/coproduction/" + plan + "/lines/new", null).body();
        assertThat(Jsoup.parse(form).select("input[name=capacity]")).hasSize(2);

        Http.Response bad = web.form("/coproduction/" + plan + "/lines", Http.csrf(form),
                line("PAC-1", Http.version(form), "10", "ten"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").text()).startsWith("Capacity per year:")
                .contains("'ten' is not a whole number");
        assertThat(capacities(plan, "PAC-1")).isEmpty();

        Http.Response unknownProduct = web.form("/coproduction/" + plan + "/components", Http.csrf(form),
                List.of(Map.entry("version", Http.version(form)), Map.entry("code", "SRM"),
                        Map.entry("capacity", "1"), Map.entry("capacity", "1"),
                        Map.entry("usageProduct", "AMRAAM"), Map.entry("usageUnits", "1")));
        assertThat(Jsoup.parse(unknownProduct.body()).select(".error-summary li").text())
                .as("the engine's own rule, naming the field").startsWith("Units per round:");

        Http.Response good = web.form("/coproduction/" + plan + "/lines", Http.csrf(form),
                line("PAC-1", Http.version(form), "10", "20"));
        assertThat(good.status()).as(good.body()).isEqualTo(302);
        assertThat(capacities(plan, "PAC-1")).containsExactly("10,20");

        String edit = web.get("/coproduction/" + plan + "/lines/PAC-1/edit", null).body();
        assertThat(Http.version(edit)).isEqualTo("2");
        assertThat(web.form("/coproduction/" + plan + "/lines/PAC-1/edit", Http.csrf(edit),
                line("PAC-1", "2", "15", "25")).status()).isEqualTo(302);
        assertThat(capacities(plan, "PAC-1")).containsExactly("15,25");

        String page = web.get("/coproduction/" + plan, null).body();
        assertThat(web.form("/coproduction/" + plan + "/lines/PAC-1/delete", Http.csrf(page),
                Map.of("version", Http.version(page))).status()).isEqualTo(302);
        assertThat(capacities(plan, "PAC-1")).isEmpty();
    }

    @Test
    void aStaleSaveShowsWhatChangedMeanwhileAndTheCurrentVersion() {
        long plan = createPlan("stale forms plan");
        String form = web.get("/coproduction/" + plan + "/lines/new", null).body();
        web.form("/coproduction/" + plan + "/lines", Http.csrf(form), line("L1", "1", "1", "1"));
        String mine = web.get("/coproduction/" + plan + "/lines/L1/edit", null).body();
        Http other = new Http(port).signIn(DemoUsers.JP_ATLA, DemoUsers.PASSWORD);
        String theirs = other.get("/coproduction/" + plan + "/lines/L1/edit", null).body();
        assertThat(other.form("/coproduction/" + plan + "/lines/L1/edit", Http.csrf(theirs),
                line("L1", Http.version(theirs), "7", "7")).status()).isEqualTo(302);

        Http.Response stale = web.form("/coproduction/" + plan + "/lines/L1/edit", Http.csrf(mine),
                line("L1", Http.version(mine), "9", "9"));
        assertThat(stale.status()).isEqualTo(200);
        var doc = Jsoup.parse(stale.body());
        assertThat(doc.select("table.conflict").text()).contains("9, 9").contains("7, 7");
        assertThat(Http.version(stale.body())).isEqualTo("3");
        assertThat(capacities(plan, "L1")).containsExactly("7,7");
    }

    @Test
    void theFormsSpeakJapaneseAndIndustrySeesNoEditControls() {
        long plan = createPlan("forms in Japanese");
        String ja = web.get("/coproduction/" + plan + "/lines/new?lang=ja", null).body();
        assertThat(ja).contains("年間生産能力").contains("企業");
        String form = web.get("/coproduction/" + plan + "/lines/new", null).body();
        Http.Response bad = web.form("/coproduction/" + plan + "/lines", Http.csrf(form),
                line("bad code!", Http.version(form), "1", "1"));
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").text()).startsWith("コード：");
        web.get("/coproduction?lang=en", null);

        Http industry = new Http(port).signIn(DemoUsers.JP_INDUSTRY, DemoUsers.PASSWORD);
        var page = Jsoup.parse(industry.get("/coproduction/" + plan, null).body());
        assertThat(page.select("#edit-plan, #add-line, form[action$=/delete]")).isEmpty();
        assertThat(industry.get("/coproduction/" + plan + "/lines/new", null).status()).isEqualTo(403);

        long demo = jdbc.sql("select id from coproduction_plan where name like 'PAC-3 MSE and AMRAAM%'")
                .query(Long.class).single();
        var demoPage = Jsoup.parse(industry.get("/coproduction/" + demo + "?lang=en", null).body());
        assertThat(demoPage.select("#line-PAC-US-1 .unit-cost").text()).as("a competitor's cost").isEqualTo("withheld");
        assertThat(demoPage.select("#line-PAC-JP-1 .unit-cost").text()).as("the firm's own cost")
                .isEqualTo("(CUI//REL TO USA, JPN//PROPIN) 4.6");
        assertThat(demoPage.select(".banner").first().text()).contains("PROPIN");
    }

    @Test
    void aTransferWhoseAuthorizationExpiredIsLeftOutOfTheRunAndThePagesSayWhy() {
        DicasUser us = directory.userByUsername(DemoUsers.US_ACQ).orElseThrow();
        authorizations.issue(directory.userByUsername(DemoUsers.US_FDO).orElseThrow(),
                new ExportAuthorizations.Command("CP-FORMS-OLD", ExportAuthorization.Kind.LICENCE,
                        ExportControl.Regime.ITAR, List.of("JPN"), List.of(), LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 12, 31), ""));
        long plan = plans.create(us, new CoproductionPlans.NewPlan("expired licence", "CUI//REL TO USA, JPN", 2027, 1,
                List.of(new CoproductionPlans.LineCommand("US", "USA", "P", List.of(5), BigDecimal.ONE, null, null),
                        new CoproductionPlans.LineCommand("JP", "JPN", "P", List.of(0), BigDecimal.ONE, null, null)),
                List.of(), List.of(new CoproductionPlans.TransferCommand("USA", "JPN", List.of("P"), false,
                        "CP-FORMS-OLD")), List.of()));
        String page = web.get("/coproduction/" + plan + "?lang=en", null).body();
        assertThat(Jsoup.parse(page).select("#transfer-1 .transfer-state").text())
                .isEqualTo("Not in force: authorization CP-FORMS-OLD expired on Thu 31 Dec 2020");
        Http.Response run = web.form("/coproduction/" + plan + "/runs", Http.csrf(page), Map.of("seconds", "2"));
        assertThat(run.status()).isEqualTo(302);
        var runPage = Jsoup.parse(web.get(run.header("Location"), null).body());
        assertThat(runPage.select(".dropped-transfers li").text()).isEqualTo("Transfer USA → JPN (P) was not allowed "
                + "in this run: Not in force: authorization CP-FORMS-OLD expired on Thu 31 Dec 2020");
        assertThat(runPage.select("#wi-transfer option").text()).as("a what-if may try it anyway")
                .contains("USA → JPN");
    }
}
