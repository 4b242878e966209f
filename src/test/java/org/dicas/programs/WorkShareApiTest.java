package org.dicas.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The work share over real HTTP: the program's packages as each reader may read them (a competitor's cost withheld,
 * a hidden program 404 like a missing one), bad input 400 naming the field with nothing saved, versions (428, 412),
 * the balance and its what-ifs, and the pages in English and Japanese.
 */
@PlatformTest
class WorkShareApiTest {

    static final String REL = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String us;
    String jp;
    String sakura;
    String au;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        us = Tokens.of(port, "us.acq");
        jp = Tokens.of(port, "jp.atla");
        sakura = Tokens.of(port, "jp.industry");
        au = Tokens.of(port, "au.dod");
    }

    long gpi() {
        for (JsonNode p : http.all("/api/v1/programs", us)) {
            if (p.get("nameEn").asString().startsWith("Glide Phase Interceptor")) {
                return p.get("id").asLong();
            }
        }
        throw new IllegalStateException("no GPI");
    }

    long program(String name) {
        Http.Response r = http.post("/api/v1/programs", us, Map.of("nameEn", name, "type", "CO_DEVELOPMENT",
                "status", "ACTIVE", "partners", List.of(Map.of("nation", "USA", "costShare", 50),
                        Map.of("nation", "JPN", "costShare", 50)), "marking", REL));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long firm(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    long rows() {
        return jdbc.sql("select (select count(*) from work_package) + (select count(*) from work_package_option) "
                + "+ (select count(*) from record)").query(Long.class).single();
    }

    @Test
    void eachReaderGetsThePackagesAndCostsTheyMayRead() {
        String path = "/api/v1/programs/" + gpi() + "/work-share";
        Http.Response asUs = http.get(path, us);
        assertThat(asUs.status()).isEqualTo(200);
        assertThat(asUs.header("ETag")).isNotEmpty();
        assertThat(asUs.json().get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN//PROPIN");
        assertThat(asUs.json().get("packages").size()).isEqualTo(12);
        assertThat(asUs.json().get("withheldPackages").asInt()).isZero();
        Http.Response asFirm = http.get(path, sakura);
        List<String> shown = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        asFirm.json().get("packages").forEach(p -> p.get("options").forEach(o ->
                (o.get("costWithheld").asBoolean() ? withheld : shown).add(o.get("performer").asString())));
        assertThat(shown).isNotEmpty().allMatch(n -> n.startsWith("Sakura"));
        assertThat(withheld).isNotEmpty().noneMatch(n -> n.startsWith("Sakura"));
        assertThat(asFirm.body()).doesNotContain("118.5");
        Http.Response hidden = http.get(path, au);
        Http.Response missing = http.get("/api/v1/programs/987654321/work-share", au);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replaceAll("\\d{3,}", "ID")).isEqualTo(missing.body().replaceAll("\\d{3,}", "ID"));
        Http.Response hiddenList = http.get("/api/v1/programs/" + gpi() + "/work-packages", au);
        Http.Response missingList = http.get("/api/v1/programs/987654321/work-packages", au);
        assertThat(hiddenList.status()).isEqualTo(404);
        assertThat(hiddenList.body().replaceAll("\\d{3,}", "ID"))
                .isEqualTo(missingList.body().replaceAll("\\d{3,}", "ID"));
    }

    @Test
    void badInputIs400NamingTheFieldAndSavesNothing() {
        long p = program("API work share refusals");
        String path = "/api/v1/programs/" + p + "/work-packages";
        long before = rows();
        Map<String, Object> bad = Map.of("code", "no spaces allowed", "titleEn", "x", "marking", REL);
        Http.Response r = http.post(path, us, bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("code");
        Http.Response wp = http.post(path, us, Map.of("code", "WP-1", "titleEn", "Motor", "controls",
                List.of("ITAR-USML-IV"), "marking", REL));
        assertThat(wp.status()).as(wp.body()).isEqualTo(201);
        long id = wp.json().get("id").asLong();
        before = rows();
        Http.Response text = http.post(path + "/" + id + "/options", us,
                "{\"performerId\": " + firm("Pacific Missile Works (illustrative)") + ", \"cost\": \"abc\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body()).contains("cost");
        Http.Response negative = http.post(path + "/" + id + "/options", us,
                Map.of("performerId", firm("Pacific Missile Works (illustrative)"), "cost", -5));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asString()).isEqualTo("cost");
        Http.Response release = http.putIfMatch("/api/v1/programs/" + p + "/work-share", us, Map.of("tolerance", 2,
                "releases", List.of(Map.of("control", "ITAR-USML-IV", "nations", List.of("USA", "FRA")))),
                http.etag("/api/v1/programs/" + p + "/work-share", us));
        assertThat(release.status()).isEqualTo(400);
        assertThat(release.json().get("field").asString()).isEqualTo("releases[0].nations");
        assertThat(rows()).isEqualTo(before);
        assertThat(http.post(path, au, Map.of("code", "WP-9", "titleEn", "x", "marking", "UNCLASSIFIED")).status())
                .as("a hidden program takes no packages").isEqualTo(404);
    }

    @Test
    void aRefusedWorkPackageOrOptionIsExplainedInTheCallersLanguage() {
        long p = program("API work share refusals in Japanese");
        String path = "/api/v1/programs/" + p + "/work-packages";
        long before = rows();
        Http ja = new Http(port).inLanguage("ja");
        Http.Response code = ja.postIfMatch(path, us, Map.of("code", "no spaces", "titleEn", "x", "marking", REL), null);
        assertThat(code.status()).isEqualTo(400);
        assertThat(code.json().get("messageKey").asString()).isEqualTo("workShare.error.packageCode");
        assertThat(code.json().get("detail").asString()).startsWith("コード：作業パッケージのコードは")
                .endsWith("「no spaces」は使用できません。");
        assertThat(new Http(port).inLanguage("en").postIfMatch(path, us, Map.of("code", "no spaces", "titleEn", "x",
                "marking", REL), null).json().get("detail").asString()).startsWith("Code: A work-package code is 1 to 32");
        long id = http.post(path, us, Map.of("code", "WP-1", "titleEn", "Motor", "marking", REL)).json().get("id")
                .asLong();
        before = rows();
        Http.Response negative = ja.postIfMatch(path + "/" + id + "/options", us,
                Map.of("performerId", firm("Pacific Missile Works (illustrative)"), "cost", -5), null);
        assertThat(negative.json().get("detail").asString()).isEqualTo("費用：費用に負の値は入力できません（入力値：-5）。");
        Http.Response whatIf = ja.postIfMatch(path + "/balance", us,
                Map.of("whatIf", "ADD_RELEASE", "control", "ITAR-USML-IV"), null);
        assertThat(whatIf.status()).isEqualTo(400);
        assertThat(whatIf.json().get("detail").asString()).isEqualTo("国：輸出管理区分と開示先の国を選択してください。");
        assertThat(rows()).isEqualTo(before);
        // why no split exists: the reason's key as a code, its sentence in the caller's language
        JsonNode why = ja.postIfMatch(path + "/balance", us, Map.of(), null).json().get("baseline").get("infeasibility");
        assertThat(why.get("key").asString()).isEqualTo("workShare.infeasible.NO_OPTION");
        assertThat(why.get("text").asString()).isEqualTo("作業パッケージ WP-1 には実施案がまだありません。実施可能な企業を追加してください。");
        assertThat(new Http(port).inLanguage("en").postIfMatch(path + "/balance", us, Map.of(), null).json().get("baseline")
                .get("infeasibility").get("text").asString())
                .isEqualTo("Work package WP-1 has no option yet: add the firms able to perform it.");
    }

    @Test
    void changesNameTheVersionTheyWereMadeAgainst() {
        long p = program("API work share versions");
        String path = "/api/v1/programs/" + p + "/work-packages";
        long id = http.post(path, us, Map.of("code", "WP-1", "titleEn", "Motor", "marking", REL)).json().get("id")
                .asLong();
        Map<String, Object> change = Map.of("code", "WP-1", "titleEn", "Motor", "titleJa", "モータ", "marking", REL);
        assertThat(http.putIfMatch(path + "/" + id, us, change, null).status()).isEqualTo(428);
        String etag = http.etag(path + "/" + id, us);
        assertThat(http.putIfMatch(path + "/" + id, us, change, etag).status()).isEqualTo(200);
        assertThat(http.putIfMatch(path + "/" + id, us, change, etag).status()).isEqualTo(412);
        Http.Response o = http.post(path + "/" + id + "/options", sakura,
                Map.of("performerId", firm("Sakura Heavy Industries (illustrative)"), "cost", 12.5));
        assertThat(o.status()).as(o.body()).isEqualTo(201);
        assertThat(o.json().get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN//PROPIN");
        String option = path + "/" + id + "/options/" + o.json().get("id").asLong();
        assertThat(http.deleteIfMatch(option, sakura, o.header("ETag")).status()).isEqualTo(204);
        assertThat(http.get(path + "/" + id, us).json().get("options").size()).isZero();
    }

    @Test
    void balanceAndWhatIfsOverJsonForGovernmentsOnly() {
        String path = "/api/v1/programs/" + gpi() + "/work-packages/balance";
        Http.Response base = http.post(path, jp, Map.of());
        assertThat(base.status()).as(base.body()).isEqualTo(200);
        assertThat(base.json().get("baseline").get("status").asString()).isEqualTo("OPTIMAL");
        assertThat(base.json().get("baseline").get("priceOfBalance").decimalValue()).isEqualByComparingTo("8");
        Http.Response wider = http.post(path, jp, Map.of("whatIf", "WIDEN_TOLERANCE", "tolerance", 5));
        assertThat(wider.json().get("whatIfResult").get("priceOfBalance").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(wider.json().get("priceOfBalanceChange").decimalValue()).isEqualByComparingTo("-3.5");
        Http.Response unknown = http.post(path, jp, Map.of("whatIf", "ADD_RELEASE", "control", "ITAR-USML-XV",
                "nation", "JPN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("control");
        assertThat(http.post(path, sakura, Map.of()).status()).as("a firm may not balance").isEqualTo(403);
    }

    @Test
    void theProgramPageAndTheBalancePageInEnglishAndJapanese() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        long gpi = gpi();
        Http.Response page = web.get("/programs/" + gpi + "?lang=en", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"work-packages\"", "WP-04", "Infrared seeker", "balance-work-share");
        Http.Response balance = web.get("/programs/" + gpi + "/work-share?lang=en", null);
        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.body()).contains("proven optimal", "id=\"share-chart\"", "784.5", "Price of balance");
        Http.Response ja = web.get("/programs/" + gpi + "/work-share?whatIf=WIDEN_TOLERANCE&tolerance=5&lang=ja", null);
        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.body()).contains("作業分担の調整", "許容幅を 5 ポイントに拡大", "均衡の代価", "-3.5");
        Http.Response infeasibleWords = web.get("/programs/" + gpi + "/work-share?whatIf=ADD_RELEASE&release=bogus&lang=en",
                null);
        assertThat(infeasibleWords.status()).isEqualTo(200);
        assertThat(infeasibleWords.body()).contains("error-summary", "release");
        Http.Response csv = web.get("/programs/" + gpi + "/work-share.csv?whatIf=WIDEN_TOLERANCE&tolerance=5", null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().replaceFirst("^\uFEFF", "").replace("\"", "").lines().findFirst().orElse(""))
                .as("the export starts with the page's high-water mark").isEqualTo("CUI//REL TO USA, JPN//PROPIN");
        assertThat(csv.body()).contains("WP-04", "Price of balance,,,,4.5")
                .contains("Work package,Title,Firm,Nation,Cost,Target (%),Share (%),Status");
        Http.Response csvJa = web.get("/programs/" + gpi + "/work-share.csv?whatIf=WIDEN_TOLERANCE&tolerance=5&lang=ja",
                null);
        assertThat(csvJa.body()).contains("作業パッケージ,名称,企業,国,費用,目標（%）,割合（%）,状態", "均衡の代価,,,,4.5",
                "第2段ロケットモータ", ",日本,");
        Http firmWeb = new Http(port).signIn("jp.industry", "demo");
        Http.Response firmPage = firmWeb.get("/programs/" + gpi + "?lang=en", null);
        assertThat(firmPage.body()).contains("withheld").doesNotContain("118.5").doesNotContain("balance-work-share");
        Http.Response form = web.form("/programs/" + gpi + "/work-packages", Http.csrf(page.body()),
                Map.of("code", "bad code", "titleEn", "x", "marking", REL));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).as("the refusal names the field by its label in the page's language (Japanese here)")
                .contains("error-summary", "コード：");
        // a firm changes its own cost on the page (in a program of its own, so GPI stays as the demo has it)
        long p = program("Page work share firm cost");
        long wp = http.post("/api/v1/programs/" + p + "/work-packages", us, Map.of("code", "WP-1", "titleEn", "Motor",
                "marking", REL)).json().get("id").asLong();
        JsonNode o = http.post("/api/v1/programs/" + p + "/work-packages/" + wp + "/options", sakura,
                Map.of("performerId", firm("Sakura Heavy Industries (illustrative)"), "cost", 30)).json();
        Http.Response own = firmWeb.get("/programs/" + p, null);
        assertThat(own.body()).contains("option-cost-" + o.get("id").asLong());
        Http.Response changed = firmWeb.form("/programs/" + p + "/work-packages/" + wp + "/options/"
                + o.get("id").asLong(), Http.csrf(own.body()), Map.of("cost", "27.5", "version",
                o.get("version").asString(), "marking", o.get("marking").asString()));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(http.get("/api/v1/programs/" + p + "/work-packages/" + wp, us).json().get("options").get(0)
                .get("cost").decimalValue()).isEqualByComparingTo("27.5");
        // no released nation can perform the package: the page says so in the reader's language
        assertThat(http.putIfMatch("/api/v1/programs/" + p + "/work-share", us, Map.of("tolerance", 2, "releases",
                List.of(Map.of("control", "ITAR-USML-XII", "nations", List.of("USA")))),
                http.etag("/api/v1/programs/" + p + "/work-share", us)).status()).isEqualTo(200);
        long seeker = http.post("/api/v1/programs/" + p + "/work-packages", us, Map.of("code", "WP-S",
                "titleEn", "Seeker", "controls", List.of("ITAR-USML-XII"), "marking", REL)).json().get("id").asLong();
        assertThat(http.post("/api/v1/programs/" + p + "/work-packages/" + seeker + "/options", sakura,
                Map.of("performerId", firm("Sakura Heavy Industries (illustrative)"), "cost", 10)).status())
                .isEqualTo(201);
        Http.Response en = web.get("/programs/" + p + "/work-share?lang=en", null);
        assertThat(en.body()).contains("Work package WP-S has no option whose nation every one of its controls is "
                + "released to.");
        assertThat(web.get("/programs/" + p + "/work-share?lang=ja", null).body())
                .contains("作業パッケージ WP-S には、すべての輸出管理区分の開示先に含まれる国の実施案がありません。");
        // a government user edits the package on the page, against the version the form carries
        Http usWeb = new Http(port).signIn("us.acq", "demo");
        Http.Response edit = usWeb.get("/programs/" + p, null);
        String version = http.get("/api/v1/programs/" + p + "/work-packages/" + wp, us).header("ETag").replace("\"", "");
        Http.Response edited = usWeb.form("/programs/" + p + "/work-packages/" + wp + "/edit", Http.csrf(edit.body()),
                Map.of("code", "WP-1", "titleEn", "Motor", "titleJa", "モータ", "controls", "ITAR-USML-IV ITAR-USML-XI",
                        "marking", REL, "version", version));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(http.get("/api/v1/programs/" + p + "/work-packages/" + wp, us).json().get("controls").size())
                .isEqualTo(2);
        Http.Response stale = usWeb.form("/programs/" + p + "/work-packages/" + wp + "/edit", Http.csrf(edit.body()),
                Map.of("code", "WP-1", "titleEn", "Lost", "marking", REL, "version", version));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("error-summary");
        assertThat(http.get("/api/v1/programs/" + p + "/work-packages/" + wp, us).json().get("titleEn").asString())
                .isEqualTo("Motor");
    }
}
