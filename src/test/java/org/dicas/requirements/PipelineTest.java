package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.forum.PipelineStageDecided;
import org.dicas.programs.Program;
import org.dicas.programs.Programs;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.dicas.support.RequirementCopies;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The opportunity pipeline over the real API and database: stage moves one step at a time (back with a reason), the
 * agreed step creating the cooperative program with the linked requirements (nothing saved when the cost shares do
 * not sum to 100), consultation decisions moving stages, markings at least as restrictive as what is linked, and
 * hidden opportunities answering 404.
 */
@PlatformTest
class PipelineTest {

    static final String API = "/api/v1/opportunities";

    @LocalServerPort
    int port;
    @Autowired
    Requirements requirements;
    @Autowired
    Programs programs;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    Http http;
    String us;
    String jp;
    DicasUser usUser;
    DicasUser jpUser;
    long pac3Us;
    long pac3Jp;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        us = Tokens.of(port, "us.acq");
        jp = Tokens.of(port, "jp.atla");
        usUser = directory.userByUsername("us.acq").orElseThrow();
        jpUser = directory.userByUsername("jp.atla").orElseThrow();
        // each test tracks its own copy of the PAC-3 pair: the pipeline refuses to track one pair twice
        pac3Us = copy(us, requirement("PAC-3 MSE interceptor production ramp-up"));
        pac3Jp = copy(jp, requirement("ペトリオットPAC-3 MSE迎撃ミサイルのライセンス生産能力の増強"));
    }

    long requirement(String title) {
        return requirements.readable(usUser).stream().filter(r -> title.equals(r.titleEn()) || title.equals(r.titleJa()))
                .findFirst().orElseThrow().id();
    }

    long copy(String token, long demoRequirement) {
        return RequirementCopies.copy(http, token, requirements.find(demoRequirement, usUser).orElseThrow());
    }

    JsonNode create(String token, Map<String, Object> body) {
        var r = http.post(API, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    Map<String, Object> pair(String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("requirementIds", List.of(pac3Us, pac3Jp));
        b.put("nextStep", "Compare seeker production schedules");
        return b;
    }

    Http.Response move(String token, long id, Object body) {
        return http.post(API + "/" + id + "/stage", token, body);
    }

    int count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    @Test
    void stagesMoveOneStepAtATimeAndBackOnlyWithAReason() {
        JsonNode o = create(us, pair("PAC-3 MSE seeker line"));
        long id = o.get("id").asLong();
        assertThat(o.get("stage").asString()).isEqualTo("CANDIDATE");
        assertThat(o.get("marking").asString()).as("high-water mark of the linked requirements")
                .isEqualTo("CUI//REL TO USA, JPN");
        assertThat(o.get("firstUnitCost").asDouble()).isEqualTo(1.0);
        assertThat(o.get("learningRate").asDouble()).isEqualTo(0.85);

        var jump = move(us, id, Map.of("toStage", "AGREED"));
        assertThat(jump.status()).isEqualTo(400);
        assertThat(jump.body()).contains("toStage");
        var forward = move(jp, id, Map.of("toStage", "UNDER_STUDY", "reason", "ATLA joins the study"));
        assertThat(forward.status()).as(forward.body()).isEqualTo(200);
        assertThat(forward.json().get("stage").asString()).isEqualTo("UNDER_STUDY");
        var noReason = move(us, id, Map.of("toStage", "CANDIDATE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var back = move(us, id, Map.of("toStage", "CANDIDATE", "reason", "Schedules first"));
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("stage").asString()).isEqualTo("CANDIDATE");
        var twoBack = move(us, id, Map.of("toStage", "LEAD", "reason", "x"));
        assertThat(twoBack.status()).as("one step back from CANDIDATE is LEAD").isEqualTo(200);
        JsonNode history = http.get(API + "/" + id, us).json().get("history");
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(1).get("actor").asString()).isEqualTo(jpUser.displayName());
        assertThat(history.get(1).get("from").asString()).isEqualTo("CANDIDATE");
        assertThat(history.get(1).get("to").asString()).isEqualTo("UNDER_STUDY");
        assertThat(history.get(2).get("note").asString()).isEqualTo("Schedules first");
        assertThat(history.get(2).get("detail").asString()).as("what the system did, in the caller's language")
                .isEqualTo("back");
        assertThat(count("select count(*) from audit_entry where record_id = :id and action = 'OPPORTUNITY_STAGE'", id))
                .isEqualTo(3);
        Map<String, Object> edit = pair("PAC-3 MSE seeker line");
        edit.put("firstUnitCost", 4.0);
        edit.put("learningRate", 0.9);
        var edited = http.put(API + "/" + id, us, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("stage").asString()).isEqualTo("LEAD");
        assertThat(edited.json().get("savings").get("savings").asDouble()).isCloseTo(
                new org.dicas.requirements.engine.LearningCurve(4.0, 0.9).savings(650, 200),
                org.assertj.core.api.Assertions.within(1e-6));
        edit.put("learningRate", 0.0);
        assertThat(http.put(API + "/" + id, us, edit).body()).contains("learningRate");
        edit.put("learningRate", 0.9);
        edit.put("ownerId", directory.userByUsername("jp.industry").orElseThrow().id());
        assertThat(http.put(API + "/" + id, us, edit).body()).contains("ownerId");
        var industry = move(http.token("jp.industry", "demo"), id, Map.of("toStage", "CANDIDATE"));
        assertThat(industry.status()).isIn(403, 404);
    }

    @Test
    void agreedStepCreatesTheProgramWithTheLinkedRequirementsAndStandsAtProgram() {
        long id = create(us, pair("PAC-3 MSE co-production line")).get("id").asLong();
        assertThat(move(us, id, Map.of("toStage", "UNDER_STUDY")).status()).isEqualTo(200);
        var agreed = move(us, id, Map.of("toStage", "AGREED", "reason", "2+2 agreed", "program", Map.of(
                "type", "CO_PRODUCTION", "partners", List.of(Map.of("nation", "USA", "costShare", 55),
                        Map.of("nation", "JPN", "costShare", 45)))));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        JsonNode o = agreed.json();
        assertThat(o.get("stage").asString()).isEqualTo("PROGRAM");
        long programId = o.get("programId").asLong();
        Program p = programs.find(programId, jpUser).orElseThrow();
        assertThat(p.type()).isEqualTo(Program.Type.CO_PRODUCTION);
        assertThat(p.requirements().stream().map(Program.LinkedRecord::id)).containsExactlyInAnyOrder(pac3Us, pac3Jp);
        assertThat(p.partners().stream().map(x -> x.nation() + " " + x.costShare().stripTrailingZeros().toPlainString()))
                .containsExactlyInAnyOrder("USA 55", "JPN 45");
        assertThat(p.marking().banner()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(p.nameEn()).isEqualTo("PAC-3 MSE co-production line");
        assertThat(p.description()).as("the system writes no English into a program both nations read").isEmpty();
        JsonNode history = o.get("history");
        assertThat(history.get(history.size() - 2).get("to").asString()).isEqualTo("AGREED");
        assertThat(history.get(history.size() - 1).get("to").asString()).isEqualTo("PROGRAM");
        var after = move(us, id, Map.of("toStage", "AGREED", "reason", "undo"));
        assertThat(after.status()).as("a program no longer moves").isEqualTo(400);
    }

    @Test
    void costSharesNotSummingToOneHundredAreRefusedAndNothingIsSaved() {
        long id = create(us, pair("PAC-3 MSE rocket motors")).get("id").asLong();
        move(us, id, Map.of("toStage", "UNDER_STUDY"));
        int programsBefore = jdbc.sql("select count(*) from program").query(Integer.class).single();
        int eventsBefore = count("select count(*) from opportunity_event where opportunity_id = :id", id);
        var r = move(us, id, Map.of("toStage", "AGREED", "program", Map.of("type", "CO_PRODUCTION", "partners",
                List.of(Map.of("nation", "USA", "costShare", 60), Map.of("nation", "JPN", "costShare", 30)))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("program.partners").contains("90");
        var noDetails = move(us, id, Map.of("toStage", "AGREED"));
        assertThat(noDetails.status()).isEqualTo(400);
        assertThat(noDetails.body()).contains("program");
        var badType = move(us, id, Map.of("toStage", "AGREED", "program", Map.of("type", "BARTER", "partners",
                List.of(Map.of("nation", "USA", "costShare", 50), Map.of("nation", "JPN", "costShare", 50)))));
        assertThat(badType.body()).contains("program.type");
        var unknownNation = move(us, id, Map.of("toStage", "AGREED", "program", Map.of("type", "CO_PRODUCTION",
                "partners", List.of(Map.of("nation", "USA", "costShare", 50), Map.of("nation", "ZZZ", "costShare", 50)))));
        assertThat(unknownNation.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from program").query(Integer.class).single()).isEqualTo(programsBefore);
        assertThat(count("select count(*) from opportunity_event where opportunity_id = :id", id)).isEqualTo(eventsBefore);
        assertThat(http.get(API + "/" + id, us).json().get("stage").asString()).isEqualTo("UNDER_STUDY");
    }

    @Test
    void consultationDecisionMovesTheStageAsTheDecider() {
        long id = create(jp, pair("PAC-3 MSE consultation")).get("id").asLong();
        publish(new PipelineStageDecided(9001, 9002, id, "UNDER_STUDY", usUser.id()));
        JsonNode o = http.get(API + "/" + id, jp).json();
        assertThat(o.get("stage").asString()).isEqualTo("UNDER_STUDY");
        JsonNode last = o.get("history").get(o.get("history").size() - 1);
        assertThat(last.get("meetingId").asLong()).isEqualTo(9002);
        assertThat(last.get("actor").asString()).isEqualTo(usUser.displayName());
        assertThat(last.get("detail").asString()).contains("meeting #9002").contains("decision #9001");

        DicasUser industry = directory.userByUsername("jp.industry").orElseThrow();
        publish(new PipelineStageDecided(9003, 9002, id, "CANDIDATE", industry.id()));
        assertThat(http.get(API + "/" + id, jp).json().get("stage").asString())
                .as("a decider who may not write moves nothing").isEqualTo("UNDER_STUDY");

        publish(new PipelineStageDecided(9004, 9002, id, "AGREED", usUser.id()));
        JsonNode agreed = http.get(API + "/" + id, jp).json();
        assertThat(agreed.get("stage").asString()).as("AGREED needs the program details").isEqualTo("UNDER_STUDY");
        assertThat(agreed.get("nextStep").asString()).contains("meeting #9002");
    }

    void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
    }

    @Test
    void hiddenOpportunityIsNotFoundAndMarkingMustCoverWhatIsLinked() {
        Map<String, Object> body = pair("PAC-3 MSE Japan-only note");
        body.put("marking", "CUI//NOFORN");
        long id = create(jp, body).get("id").asLong();
        assertThat(http.get(API + "/" + id, jp).status()).isEqualTo(200);
        assertThat(http.get(API + "/" + id, us).status()).isEqualTo(404);
        assertThat(move(us, id, Map.of("toStage", "UNDER_STUDY")).status()).isEqualTo(404);
        assertThat(http.all(API, us).toString()).doesNotContain("PAC-3 MSE Japan-only note");
        assertThat(http.get("/opportunities/" + id, null).status()).isIn(302, 401, 404);

        Map<String, Object> loose = pair("PAC-3 MSE too open");
        loose.put("marking", "UNCLASSIFIED");
        var r = http.post(API, us, loose);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("marking").contains("at least as restrictive");

        Map<String, Object> oneNation = new HashMap<>(pair("one nation"));
        oneNation.put("requirementIds", List.of(pac3Us));
        assertThat(http.post(API, us, oneNation).body()).contains("requirementIds");
        Map<String, Object> badCurve = new HashMap<>(pair("bad curve"));
        badCurve.put("learningRate", 1.2);
        assertThat(http.post(API, us, badCurve).body()).contains("learningRate");
    }

    static java.util.Set<Long> offeredOwners(String page) {
        return org.jsoup.Jsoup.parse(page).select("select#ownerId option").stream().map(o -> o.attr("value"))
                .filter(v -> !v.isEmpty()).map(Long::parseLong).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void ownerPickerOffersOnlyGovernmentUsersWhoMayReadTheOpportunityAndTheApiRefusesOthersLikeUnknownIds() {
        long id = create(us, pair("PAC-3 MSE owner picker")).get("id").asLong();
        long au = directory.userByUsername("au.dod").orElseThrow().id();
        long jpIndustry = directory.userByUsername("jp.industry").orElseThrow().id();
        long unknown = 987654321L;
        var page = new Http(port).signIn("us.acq", "demo").get("/opportunities/" + id, null);
        assertThat(page.body()).contains("CUI//REL TO USA, JPN");
        assertThat(offeredOwners(page.body())).as("the owner picker of a CUI//REL TO USA, JPN opportunity")
                .contains(usUser.id(), jpUser.id())
                .doesNotContain(au, jpIndustry);
        Map<String, Object> edit = pair("PAC-3 MSE owner picker");
        java.util.function.Function<Long, Http.Response> owner = o -> {
            edit.put("ownerId", o);
            return http.put(API + "/" + id, us, edit);
        };
        var hidden = owner.apply(au);
        var missing = owner.apply(unknown);
        var industry = owner.apply(jpIndustry);
        for (var r : List.of(hidden, missing, industry)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("ownerId");
        }
        String shape = missing.json().get("detail").asString().replace(String.valueOf(unknown), "ID");
        assertThat(hidden.json().get("detail").asString().replace(String.valueOf(au), "ID")).isEqualTo(shape);
        assertThat(industry.json().get("detail").asString().replace(String.valueOf(jpIndustry), "ID"))
                .isEqualTo(shape);
        assertThat(shape).isEqualTo("Owner: user ID may not own an opportunity marked CUI//REL TO USA, JPN "
                + "(an owner is a government user who may read it)");
        assertThat(http.get(API + "/" + id, us).json().get("ownerId").asLong()).isEqualTo(usUser.id());
        assertThat(owner.apply(jpUser.id()).json().get("ownerId").asLong()).isEqualTo(jpUser.id());
        // the picker offers the readers at the marking the form holds: a form shown again with NOFORN hides jp.atla
        Http browser = new Http(port).signIn("us.acq", "demo");
        var form = browser.get("/opportunities/" + id, null);
        var again = browser.form("/opportunities/" + id, Http.csrf(form.body()), Map.of("version",
                Http.version(form.body()), "title", "x", "ownerId", String.valueOf(jpUser.id()),
                "learningRate", "7", "marking", "CUI//NOFORN"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(offeredOwners(again.body())).contains(usUser.id()).doesNotContain(jpUser.id(), au);
        var options = org.jsoup.Jsoup.parse(again.body()).select("select#ownerId option");
        assertThat(options.first().attr("value")).as("the owner no longer offered is not replaced silently")
                .isEmpty();
        assertThat(options.select("[selected]")).isEmpty();
    }

    @Test
    void pagesShowEveryStageAndPromoteALeadAndTrackAPair() {
        Http browser = new Http(port).signIn("us.acq", "demo");
        JsonNode all = http.all(API, us);
        assertThat(all.size()).isGreaterThanOrEqualTo(4);
        java.util.Set<String> stages = new java.util.HashSet<>();
        for (JsonNode o : all) {
            stages.add(o.get("stage").asString());
            for (String lang : List.of("en", "ja")) {
                var page = browser.get("/opportunities/" + o.get("id").asLong() + "?lang=" + lang, null);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.body()).contains(o.get("marking").asString());
            }
        }
        assertThat(stages).contains("LEAD", "CANDIDATE", "UNDER_STUDY", "PROGRAM");
        JsonNode leads = http.all("/api/v1/leads", us);
        assertThat(leads.size()).isGreaterThanOrEqualTo(8);
        // a lead of its own: a lead already promoted (by another test) is refused a second opportunity
        long leadId = http.post("/api/v1/leads", us, Map.of("sourceType", "OTHER", "sourceName", "Pipeline test",
                "title", "PAC-3 production lead (pipeline test)", "text", "PAC-3 MSE interceptor production",
                "marking", "CUI//REL TO USA, JPN")).json().get("id").asLong();
        var leadPage = browser.get("/leads/" + leadId + "?lang=ja", null);
        assertThat(leadPage.status()).isEqualTo(200);
        var promoted = browser.form("/leads/" + leadId + "/promote", Http.csrf(leadPage.body()),
                Map.of("requirementIds", String.valueOf(pac3Us)));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(302);
        long oppId = Long.parseLong(promoted.header("Location").replaceAll(".*/opportunities/", ""));
        JsonNode fromLead = http.get(API + "/" + oppId, us).json();
        assertThat(fromLead.get("stage").asString()).as("one nation's requirement: a LEAD").isEqualTo("LEAD");
        assertThat(fromLead.get("leadId").asLong()).isEqualTo(leadId);

        var pairPage = browser.get("/opportunities/pair?a=" + pac3Us + "&b=" + pac3Jp, null);
        var tracked = browser.form("/opportunities", Http.csrf(pairPage.body()), Map.of("requirementIds",
                pac3Us + "," + pac3Jp, "firstUnitCost", "3.5", "learningRate", "0.8"));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(302);
        JsonNode track = http.get(tracked.header("Location").replace("/opportunities/", "/api/v1/opportunities/"), us)
                .json();
        assertThat(track.get("stage").asString()).isEqualTo("CANDIDATE");
        assertThat(track.get("learningRate").asDouble()).isEqualTo(0.8);
        assertThat(track.get("savings").get("savings").asDouble()).isCloseTo(
                new org.dicas.requirements.engine.LearningCurve(3.5, 0.8).savings(650, 200),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(browser.get("/leads?lang=ja", null).status()).isEqualTo(200);
        browser.get("/?lang=en", null); // the language choice is remembered for the user: leave us.acq in English
    }
}
