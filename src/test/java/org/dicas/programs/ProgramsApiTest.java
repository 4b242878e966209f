package org.dicas.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Cooperative programs over real HTTP and PostgreSQL: cost shares that must sum to 100, work-share imbalance,
 * releasability (hidden = 404, unreadable linked requirements withheld), who writes, the public API used by the
 * pipeline, the demo programs and the pages.
 */
@PlatformTest
class ProgramsApiTest {

    static final String API = "/api/v1/programs";
    static final String REL = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MarkedRecords records;
    @Autowired
    Directory directory;
    @Autowired
    Programs programs;

    Http http;
    String jp;
    String us;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
    }

    static Map<String, Object> program(String name, String marking, List<Map<String, Object>> partners,
                                       List<Long> requirementIds) {
        return Map.of("nameEn", name, "nameJa", name + "（日本語）", "type", "CO_DEVELOPMENT", "status", "ACTIVE",
                "partners", partners, "milestones", List.of(Map.of("name", "Design review", "date", "2027-03-31")),
                "requirementIds", requirementIds, "marking", marking);
    }

    static Map<String, Object> partner(String nation, Object cost, Object work) {
        return work == null ? Map.of("nation", nation, "costShare", cost)
                : Map.of("nation", nation, "costShare", cost, "workShare", work);
    }

    int programRows() {
        return jdbc.sql("select (select count(*) from program) + (select count(*) from record where kind = 'PROGRAM')")
                .query(Integer.class).single();
    }

    /** A stand-in for a requirement record of another module: the program refers to records by id only. */
    long requirementRecord(String author, String title, String marking) {
        DicasUser u = directory.userByUsername(author).orElseThrow();
        return records.register(Programs.REQUIREMENT_KIND, title, title, Marking.parse(marking), Optional.empty(), u,
                i -> "/records/" + i + "/history");
    }

    @Test
    void costSharesThatDoNotSumTo100AreRefusedNamingTheFieldAndNothingIsSaved() {
        int before = programRows();
        var r = http.post(API, us, program("Short shares", REL, List.of(partner("USA", 60, 50), partner("JPN", 30, 50)),
                List.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo("partners.costShare");
        assertThat(r.json().get("detail").asString()).contains("90");
        var over = http.post(API, us, program("Over shares", REL,
                List.of(partner("USA", "60.5", null), partner("JPN", "40", null)), List.of()));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().get("field").asString()).isEqualTo("partners.costShare");
        var negative = http.post(API, us, program("Negative share", REL,
                List.of(partner("USA", 120, null), partner("JPN", -20, null)), List.of()));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asString()).isEqualTo("partners[0].costShare");
        var twice = http.post(API, us, program("Twice", REL, List.of(partner("USA", 50, null), partner("USA", 50, null)),
                List.of()));
        assertThat(twice.json().get("field").asString()).isEqualTo("partners[1].nation");
        assertThat(programRows()).isEqualTo(before);
    }

    @Test
    void aRefusedProgramIsExplainedInTheCallersLanguageWithTheFieldsLabel() {
        int before = programRows();
        Map<String, Object> shortShares = program("Short shares ja", REL,
                List.of(partner("USA", 60, 50), partner("JPN", 30, 50)), List.of());
        var ja = new Http(port).inLanguage("ja").postIfMatch(API, us, shortShares, null);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("field").asString()).isEqualTo("partners.costShare");
        assertThat(ja.json().get("messageKey").asString()).isEqualTo("prog.error.costSharesSum");
        assertThat(ja.json().get("detail").asString())
                .isEqualTo("経費分担：参加国の経費分担の合計が 90% です。合計はちょうど100%にしてください。");
        var en = new Http(port).inLanguage("en").postIfMatch(API, us, shortShares, null);
        assertThat(en.json().get("detail").asString())
                .isEqualTo("Cost shares: The partners' cost shares sum to 90 %; they must sum to exactly 100 %.");
        var twice = new Http(port).inLanguage("ja").postIfMatch(API, us, program("Twice", REL,
                List.of(partner("USA", 50, null), partner("usa", 50, null)), List.of()), null);
        assertThat(twice.json().get("field").asString()).isEqualTo("partners[1].nation");
        assertThat(twice.json().get("detail").asString()).as("a list element's field has the list field's label")
                .isEqualTo("参加国：2 行目：米国 が重複しています。");
        var unknownParty = new Http(port).inLanguage("ja").postIfMatch("/api/v1/agreements", us, Map.of("type", "MOU", "title", "x",
                "parties", List.of("JPN", "XXX"), "marking", REL), null);
        assertThat(unknownParty.status()).isEqualTo(400);
        assertThat(unknownParty.json().get("detail").asString()).isEqualTo("当事国：国コード「XXX」は登録されていません。");
        assertThat(programRows()).as("nothing saved").isEqualTo(before);
    }

    /** Every program type, status and agreement type has a label in both languages (the pages show labels, not codes). */
    @Test
    void everyProgramTypeStatusAndAgreementTypeHasALabelInBothLanguages() {
        List<String> keys = new java.util.ArrayList<>();
        for (Program.Type t : Program.Type.values()) {
            keys.add("prog.type." + t);
        }
        for (Program.Status st : Program.Status.values()) {
            keys.add("prog.status." + st);
        }
        for (Agreement.Type t : Agreement.Type.values()) {
            keys.add("agr.type." + t);
        }
        for (String key : keys) {
            String en = org.dicas.shared.Sentences.render(org.dicas.shared.Sentence.of(key), java.util.Locale.ENGLISH);
            String ja = org.dicas.shared.Sentences.render(org.dicas.shared.Sentence.of(key), java.util.Locale.JAPANESE);
            assertThat(en).as(key).doesNotContain("??").doesNotContain("_");
            assertThat(ja).as(key).doesNotContain("??").isNotEqualTo(en);
        }
        String page = new Http(port).signIn("jp.atla", "demo").get("/programs?lang=ja", null).body();
        assertThat(page).contains("共同開発").doesNotContain("CO_DEVELOPMENT").doesNotContain("FMS_DCS");
    }

    @Test
    void decimalCostSharesSummingToExactly100AreAccepted() {
        var r = http.post(API, us, program("Thirds", REL, List.of(partner("USA", "33.34", null),
                partner("JPN", "33.33", null), partner("AUS", "33.33", null)), List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("partners").size()).isEqualTo(3);
        assertThat(r.json().get("partners").get(2).get("imbalance").isNull()).isTrue();
    }

    @Test
    void imbalanceIsWorkShareMinusCostSharePerNation() {
        var r = http.post(API, us, program("Balanced interceptor", REL,
                List.of(partner("USA", 60, 55), partner("JPN", 40, "44.5")), List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith(API + "/" + r.json().get("id").asLong());
        JsonNode p = http.get(API + "/" + r.json().get("id").asLong(), jp).json();
        JsonNode usa = p.get("partners").get(0);
        JsonNode jpn = p.get("partners").get(1);
        assertThat(usa.get("nation").asString()).isEqualTo("USA");
        assertThat(usa.get("imbalance").decimalValue()).isEqualByComparingTo("-5");
        assertThat(jpn.get("imbalance").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(p.get("milestones").get(0).get("date").asString()).isEqualTo("2027-03-31");
        assertThat(p.get("type").asString()).isEqualTo("CO_DEVELOPMENT");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = :id and action = 'CREATE'")
                .param("id", p.get("id").asLong()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aHiddenProgramIsNotFoundNotListedAndCannotBeChanged() {
        var r = http.post(API, jp, program("Japan-only study", "CUI//NOFORN",
                List.of(partner("JPN", 100, 100)), List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(http.get(API + "/" + id, jp).status()).isEqualTo(200);
        assertThat(http.get(API + "/" + id, us).status()).isEqualTo(404);
        assertThat(http.put(API + "/" + id, us, program("Taken over", REL, List.of(partner("USA", 100, null)),
                List.of())).status()).isEqualTo(404);
        assertThat(http.all(API, us).toString()).doesNotContain("Japan-only study");
        assertThat(http.all(API, jp).toString()).contains("Japan-only study");
        assertThat(new Http(port).signIn("us.acq", "demo").get("/programs/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void linkedRequirementsTheReaderMayNotReadAreWithheld() {
        long shared = requirementRecord("jp.atla", "PRGTEST shared trainer requirement", REL);
        long japanOnly = requirementRecord("jp.atla", "PRGTEST Japan-only trainer requirement", "CUI//NOFORN");
        var r = http.post(API, jp, program("Trainer with requirements", REL,
                List.of(partner("JPN", 50, 50), partner("USA", 50, 50)), List.of(shared, japanOnly)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        JsonNode mine = http.get(API + "/" + id, jp).json();
        assertThat(mine.get("requirements").size()).isEqualTo(2);
        assertThat(mine.get("withheldRequirements").asInt()).isZero();
        var theirs = http.get(API + "/" + id, us);
        assertThat(theirs.json().get("requirements").size()).isEqualTo(1);
        assertThat(theirs.json().get("requirements").get(0).get("id").asLong()).isEqualTo(shared);
        assertThat(theirs.json().get("withheldRequirements").asInt()).isEqualTo(1);
        assertThat(theirs.body()).doesNotContain("Japan-only trainer requirement");
        String page = new Http(port).signIn("us.acq", "demo").get("/programs/" + id, null).body();
        assertThat(page).contains("PRGTEST shared trainer requirement", "1 linked records withheld")
                .doesNotContain("Japan-only trainer requirement");
        // an editor who cannot see a link cannot remove it
        var edit = http.put(API + "/" + id, us, program("Trainer with requirements", REL,
                List.of(partner("JPN", 50, 50), partner("USA", 50, 50)), List.of(shared)));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().get("withheldRequirements").asInt()).isEqualTo(1);
        assertThat(http.get(API + "/" + id, jp).json().get("requirements").size()).isEqualTo(2);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        String docs = http.get("/v3/api-docs", null).body();
        assertThat(docs).contains("\"/api/v1/programs\"", "\"/api/v1/programs/{id}\"", "\"/api/v1/agreements\"",
                "\"/api/v1/agreements/{id}\"", "ProgramCommand", "AgreementCommand");
    }

    @Test
    void anAuthorCannotLinkARequirementTheyCannotRead() {
        long japanOnly = requirementRecord("jp.atla", "PRGTEST Japan-only need", "CUI//NOFORN");
        int before = programRows();
        var r = http.post(API, us, program("Link refused", REL, List.of(partner("USA", 50, null), partner("JPN", 50, null)),
                List.of(japanOnly)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("requirementIds");
        var missing = http.post(API, us, program("Link missing", REL,
                List.of(partner("USA", 50, null), partner("JPN", 50, null)), List.of(999_999_999L)));
        assertThat(missing.json().get("field").asString()).isEqualTo("requirementIds");
        assertThat(programRows()).isEqualTo(before);
    }

    @Test
    void industryReadsReleasedProgramsButDoesNotWrite() {
        String industry = http.token("jp.industry", "demo");
        var r = http.post(API, industry, program("Industry program", "UNCLASSIFIED",
                List.of(partner("JPN", 100, null)), List.of()));
        assertThat(r.status()).isEqualTo(403);
        var released = http.post(API, us, program("PRGTEST released program", "UNCLASSIFIED",
                List.of(partner("USA", 50, null), partner("JPN", 50, null)), List.of()));
        assertThat(http.all(API, industry).toString()).contains("PRGTEST released program");
        assertThat(http.get(API + "/" + released.json().get("id").asLong(), industry).status()).isEqualTo(200);
    }

    @Test
    void updateReplacesSharesMilestonesAndStatus() {
        long id = http.post(API, us, program("To update", REL, List.of(partner("USA", 50, null), partner("JPN", 50, null)),
                List.of())).json().get("id").asLong();
        var bad = http.put(API + "/" + id, us, program("To update", REL, List.of(partner("USA", 70, null)), List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(http.get(API + "/" + id, us).json().get("partners").size()).isEqualTo(2);
        Map<String, Object> c = new java.util.HashMap<>(program("Updated", REL, List.of(partner("USA", 70, 60),
                partner("JPN", 30, 40)), List.of()));
        c.put("status", "COMPLETED");
        var ok = http.put(API + "/" + id, us, c);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(ok.json().get("partners").get(1).get("imbalance").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void thePublicApiCreatesAndFindsProgramsForThePipeline() {
        DicasUser jpUser = directory.userByUsername("jp.atla").orElseThrow();
        DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
        Program p = programs.create(jpUser, new ProgramCommand("", "パイプライン由来のプログラム",
                Program.Type.JOINT_PROCUREMENT, null, "", List.of(new ProgramCommand.Partner("JPN", new BigDecimal("50"), null),
                new ProgramCommand.Partner("USA", new BigDecimal("50"), null)), List.of(), List.of(), REL));
        assertThat(p.id()).isPositive();
        assertThat(p.status()).isEqualTo(Program.Status.PROPOSED);
        assertThat(p.name()).isEqualTo("パイプライン由来のプログラム");
        assertThat(programs.find(p.id(), usUser)).isPresent();
        assertThat(programs.readable(usUser)).extracting(Program::id).contains(p.id());
    }

    @Test
    void demoProgramsFollowThePublicRecordWithIllustrativeShares() {
        JsonNode all = http.all(API, us);
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        all.forEach(p -> byName.put(p.get("nameEn").asString(), p));
        JsonNode gpi = byName.get("Glide Phase Interceptor (GPI) cooperative development");
        assertThat(gpi).isNotNull();
        assertThat(gpi.get("type").asString()).isEqualTo("CO_DEVELOPMENT");
        assertThat(gpi.get("description").asString()).contains("Japan leads the rocket motors", "illustrative");
        assertThat(byName.get("Trainer aircraft (T-7A path and tactical trainer)").get("status").asString())
                .isEqualTo("PROPOSED");
        assertThat(byName.get("SM-3 Block IIA cooperative development").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(byName.get("CCA AI research — Overwhelming Response through Collaborative Autonomy").get("type")
                .asString()).isEqualTo("RDTE_PROJECT_ARRANGEMENT");
        assertThat(byName).containsKeys("AMRAAM co-production", "PAC-3 MSE co-production");
        // the demo requirements (seeded before the programs) are linked by record id
        assertThat(gpi.get("requirements").size()).isGreaterThanOrEqualTo(1);
        gpi.get("requirements").forEach(r -> assertThat(r.get("kind").asString()).isEqualTo("REQUIREMENT"));
        // GPI's work share is more balanced than SM-3 Block IIA's
        double gpiGap = Math.abs(gpi.get("partners").get(0).get("imbalance").asDouble());
        double sm3Gap = Math.abs(byName.get("SM-3 Block IIA cooperative development").get("partners").get(0)
                .get("imbalance").asDouble());
        assertThat(gpiGap).isLessThan(sm3Gap);
    }

    @Test
    void pagesListShowAndCreatePrograms() {
        Http web = new Http(port).signIn("us.acq", "demo");
        var list = web.get("/programs?size=200", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Glide Phase Interceptor", "class=\"banner");
        var form = web.get("/programs/new", null);
        int before = programRows();
        var bad = web.form("/programs", Http.csrf(form.body()), Map.of("nameEn", "Form program", "type", "CO_PRODUCTION",
                "status", "ACTIVE", "partners", "USA 50\nJPN 40", "marking", REL));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("error-summary", "Cost shares: The partners", "cost shares sum to 90 %");
        assertThat(programRows()).isEqualTo(before);
        var ok = web.form("/programs", Http.csrf(form.body()), Map.of("nameEn", "Form program", "nameJa", "フォームのプログラム",
                "type", "CO_PRODUCTION", "status", "ACTIVE", "partners", "USA 50 45\nJPN 50 55",
                "milestones", "2028-01-31 First lot", "marking", REL));
        assertThat(ok.status()).isEqualTo(302);
        String page = web.get(ok.header("Location"), null).body();
        assertThat(page).contains("Form program", "First lot", "+5 points", "-5 points", "(CUI//REL TO USA, JPN)");
        Http ja = new Http(port).signIn("jp.industry", "demo");
        assertThat(ja.get("/programs/new", null).status()).isEqualTo(403);
    }
}
