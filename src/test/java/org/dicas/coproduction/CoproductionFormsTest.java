package org.dicas.coproduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
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
 * nothing; a stale save shows what changed meanwhile and the current version; industry sees no edit controls.
 */
@PlatformTest
class CoproductionFormsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

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
        assertThat(Jsoup.parse(bad.body()).select(".error-summary li").text()).startsWith("コード:");
        web.get("/coproduction?lang=en", null);

        Http industry = new Http(port).signIn(DemoUsers.JP_INDUSTRY, DemoUsers.PASSWORD);
        var page = Jsoup.parse(industry.get("/coproduction/" + plan, null).body());
        assertThat(page.select("#edit-plan, #add-line, form[action$=/delete]")).isEmpty();
        assertThat(industry.get("/coproduction/" + plan + "/lines/new", null).status()).isEqualTo(403);
    }
}
