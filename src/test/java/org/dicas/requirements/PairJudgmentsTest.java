package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Officials judge pairs of requirements over real HTTP and the real PostgreSQL: confirm "same need", reject with a
 * reason, who may judge (an official of either nation: not industry, not a third nation), who may read a judgment
 * (officials of either nation who may read both requirements; to anyone else it does not exist), its marking (the
 * pair's high-water mark limited to the pair's nations, following its requirements), its audit entry, the history
 * kept and the latest one counting ({@link JudgedPairs}), and the finder's API marking candidates with it.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class PairJudgmentsTest {

    static final String API = RequirementsApiTest.API;
    static final String BOTH_CUI = "CUI//REL TO JPN, USA";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JudgedPairs judgedPairs;
    @Autowired
    PairJudgments pairJudgments;
    @Autowired
    OpportunityFinderService finder;
    @Autowired
    org.dicas.security.Directory directory;

    Http http;
    String us;
    String jp;

    /** The officials' tokens, once for the class (signing in hashes the password, which is slow on purpose). */
    @BeforeAll
    void setUp() {
        http = new Http(port);
        us = http.token("us.acq", "demo");
        jp = http.token("jp.atla", "demo");
    }

    long requirement(String token, String title, String marking) {
        // a Japanese requirement carries a Japanese title, as every demo one does (RequirementsApiTest relies on it)
        return requirement(http, token, title, token.equals(jp) ? "要求 " + title : "", marking);
    }

    /** A requirement entered over the API by the holder of {@code token}: its id. */
    public static long requirement(Http http, String token, String title, String titleJa, String marking) {
        var r = http.post(API, token, RequirementsApiTest.body(title, titleJa, marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Marking markingOf(long requirement) {
        return Marking.parse(http.get(API + "/" + requirement, jp).json().get("marking").asString());
    }

    /** The body of a judgment of the pair of the requirement it is posted to and {@code other}. */
    public static Map<String, Object> judgment(long other, Boolean sameNeed, String reason, String note) {
        Map<String, Object> b = new java.util.HashMap<>();
        b.put("other", other);
        b.put("sameNeed", sameNeed);
        b.put("reason", reason);
        b.put("note", note);
        return b;
    }

    /** The judgments of the pairs of a requirement, where a judgment is posted. */
    public static String judgments(long requirement) {
        return API + "/" + requirement + "/judgments";
    }

    @Test
    void anOfficialConfirmsAPairAndTheOtherNationsOfficialsReadItMarkedAndAudited() {
        long usReq = requirement(us, "JUDGETEST loitering munition for the US Army", "CUI//REL TO USA, JPN, AUS");
        long jpReq = requirement(jp, "JUDGETEST loitering munition for the JGSDF", BOTH_CUI);
        var created = http.post(judgments(jpReq), jp, judgment(usReq, true, null, "same vendor family, same role"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode j = created.json();
        long id = j.get("id").asLong();
        assertThat(j.get("firstRequirementId").asLong()).as("the lower id first").isEqualTo(Math.min(usReq, jpReq));
        assertThat(j.get("secondRequirementId").asLong()).isEqualTo(Math.max(usReq, jpReq));
        assertThat(j.get("sameNeed").asBoolean()).isTrue();
        assertThat(j.get("verdict").asString()).isEqualTo("SAME_NEED");
        assertThat(j.get("verdictLabel").asString()).isEqualTo("Same need");
        assertThat(j.get("reason").isNull()).isTrue();
        assertThat(j.get("nation").asString()).isEqualTo("JPN");
        assertThat(j.get("authorName").asString()).contains("Haruka Mori");
        assertThat(j.get("note").asString()).isEqualTo("same vendor family, same role");

        // the marking is the high-water mark of the two requirements' markings: REL TO narrowed to both lists
        Marking hwm = Marking.highWaterMark(List.of(markingOf(jpReq), markingOf(usReq)));
        assertThat(j.get("marking").asString()).isEqualTo(hwm.banner()).doesNotContain("AUS").contains("JPN", "USA");
        assertThat(Marking.parse(j.get("marking").asString()).relTo()).extracting(Object::toString)
                .containsExactlyInAnyOrder("JPN", "USA");
        Map<String, Object> record = jdbc.sql("select kind, marking, origin_nation, link from record where id = :id")
                .param("id", id).query().singleRow();
        assertThat(record.get("kind")).isEqualTo("PAIR_JUDGMENT");
        assertThat(record.get("marking")).isEqualTo(hwm.banner());
        assertThat(((String) record.get("origin_nation")).strip()).isEqualTo("JPN");
        assertThat(record.get("link")).isEqualTo("/opportunities/pair?a=" + Math.min(usReq, jpReq) + "&b="
                + Math.max(usReq, jpReq));

        // audited: the record's creation with its marking, and the judgment as a sentence
        assertThat(jdbc.sql("select action from audit_entry where record_id = :id order by id").param("id", id)
                .query(String.class).list()).containsExactly("CREATE", "PAIR_JUDGED");
        assertThat(jdbc.sql("select detail_sentence from audit_entry where record_id = :id and action = 'PAIR_JUDGED'")
                .param("id", id).query(String.class).single())
                .contains("audit.detail.pairSameNeed").contains(String.valueOf(Math.min(usReq, jpReq)));

        // officials of both nations read it, from either requirement, in their own language
        JsonNode asUs = http.get(judgments(usReq), us).json();
        assertThat(asUs.get("total").asLong()).isEqualTo(1);
        assertThat(asUs.get("marking").asString()).isEqualTo(hwm.banner());
        assertThat(asUs.get("items").get(0).get("id").asLong()).isEqualTo(id);
        JsonNode inJapanese = new Http(port).inLanguage("ja").get(judgments(jpReq), jp).json().get("items").get(0);
        assertThat(inJapanese.get("verdictLabel").asString()).isEqualTo("同一の要求");
        assertThat(inJapanese.get("nationLabel").asString()).isEqualTo("日本");
    }

    @Test
    void aRejectionNeedsAReasonAndBadInputNamesTheField() {
        long usReq = requirement(us, "JUDGETEST Block IIA interceptor production", BOTH_CUI);
        long jpReq = requirement(jp, "JUDGETEST Block IB interceptor repair", BOTH_CUI);
        record Case(Map<String, Object> body, String field, String key) {
        }
        List<Case> cases = List.of(
                new Case(judgment(usReq, false, null, "no reason"), "reason", "opp.judgment.error.reasonRequired"),
                new Case(judgment(usReq, false, "  ", ""), "reason", "opp.judgment.error.reasonRequired"),
                new Case(judgment(usReq, false, "CHEAPER", ""), "reason", "opp.judgment.error.unknownReason"),
                new Case(judgment(usReq, false, "OTHER", " "), "note", "opp.judgment.error.otherNeedsNote"),
                new Case(judgment(usReq, true, "DIFFERENT_ROLE", ""), "reason",
                        "opp.judgment.error.reasonOnlyOnReject"),
                new Case(judgment(usReq, null, null, ""), "sameNeed", "opp.judgment.error.verdictRequired"),
                new Case(judgment(usReq, false, "OTHER", "x".repeat(2001)), "note", "requirement.error.tooLong"),
                new Case(judgment(jpReq, true, null, ""), "other", "opp.error.samePair"));
        for (Case c : cases) {
            var r = http.post(judgments(jpReq), jp, c.body());
            assertThat(r.status()).as(c + " " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(c.field());
            assertThat(r.json().get("messageKey").asString()).as(r.body()).isEqualTo(c.key());
        }
        Map<String, Object> noOther = judgment(0, true, null, "");
        noOther.remove("other");
        assertThat(http.post(judgments(jpReq), jp, noOther).json().get("field").asString()).isEqualTo("other");
        assertThat(http.get(judgments(jpReq), jp).json().get("total").asLong()).as("nothing half-saved").isZero();

        var rejected = http.post(judgments(jpReq), us, judgment(usReq, false, "buy_vs_repair", "we repair, they buy"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
        assertThat(rejected.json().get("reason").asString()).isEqualTo("BUY_VS_REPAIR");
        assertThat(rejected.json().get("verdict").asString()).isEqualTo("NOT_SAME_NEED");
        assertThat(new Http(port).inLanguage("ja").get(judgments(usReq), jp).json().get("items").get(0)
                .get("reasonLabel").asString()).isEqualTo("取得と、整備・修理又は増産との違い");
        long id = rejected.json().get("id").asLong();
        assertThat(jdbc.sql("select detail_sentence from audit_entry where record_id = :id and action = 'PAIR_JUDGED'")
                .param("id", id).query(String.class).single())
                .contains("audit.detail.pairNotSameNeed", "opp.judgment.reason.BUY_VS_REPAIR");
    }

    @Test
    void twoRequirementsOfOneNationAreNoPair() {
        long a = requirement(jp, "JUDGETEST Japanese one", BOTH_CUI);
        long b = requirement(jp, "JUDGETEST Japanese two", BOTH_CUI);
        var r = new Http(port).inLanguage("ja").post(judgments(a), jp, judgment(b, true, null, ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("other");
        assertThat(r.json().get("detail").asString()).contains("日本", "2か国");
    }

    @Test
    void industryUsersAndOfficialsOfAThirdNationDoNotJudgeNorReadJudgments() {
        long usReq = requirement(us, "JUDGETEST open trainer need", "UNCLASSIFIED");
        long jpReq = requirement(jp, "JUDGETEST open trainer need JP", "UNCLASSIFIED");
        assertThat(http.post(judgments(jpReq), jp, judgment(usReq, true, null, "")).status()).isEqualTo(201);

        String industry = http.token("jp.industry", "demo");
        var byIndustry = http.post(judgments(jpReq), industry, judgment(usReq, true, null, ""));
        assertThat(byIndustry.status()).as(byIndustry.body()).isEqualTo(403);
        assertThat(byIndustry.body()).contains("rule.judgment.governmentOnly");
        String au = http.token("au.dod", "demo");
        assertThat(http.get(API + "/" + jpReq, au).status()).as("the Australian official reads both").isEqualTo(200);
        var byThirdNation = http.post(judgments(jpReq), au, judgment(usReq, false, "DIFFERENT_ROLE", ""));
        assertThat(byThirdNation.status()).as(byThirdNation.body()).isEqualTo(403);
        assertThat(byThirdNation.body()).contains("rule.judgment.pairNations");

        // the judgment is readable by policy (UNCLASSIFIED) but exists only for officials of the pair's nations
        for (String other : List.of(industry, au)) {
            var list = http.get(judgments(jpReq), other);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("total").asLong()).isZero();
            assertThat(list.json().get("marking").asString()).isEqualTo("PUBLIC");
        }
        assertThat(http.get(judgments(usReq), us).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aReaderWhoCannotReadOneRequirementFindsNoJudgmentOfItsPairs() {
        long usReq = requirement(us, "JUDGETEST soon hidden US need", BOTH_CUI);
        long jpHidden = requirement(jp, "JUDGETEST 国内限定の要求", "CUI//NOFORN");
        assertThat(http.post(judgments(usReq), us, judgment(jpHidden, true, null, "")).status())
                .as("a hidden other is missing").isEqualTo(404);
        assertThat(http.post(judgments(usReq), us, judgment(999_999_999L, true, null, "")).status())
                .as("a missing other").isEqualTo(404);
        assertThat(http.get(judgments(jpHidden), us).status()).isEqualTo(404);

        // a pair both could read is judged; then the Japanese requirement is withheld from the US
        long jpReq = requirement(jp, "JUDGETEST shared then withheld", BOTH_CUI);
        assertThat(http.post(judgments(jpReq), jp, judgment(usReq, true, null, "")).status()).isEqualTo(201);
        assertThat(http.get(judgments(usReq), us).json().get("total").asLong()).isEqualTo(1);
        Map<String, Object> withheld = RequirementsApiTest.body("JUDGETEST shared then withheld",
                "要求 JUDGETEST shared then withheld", "CUI//NOFORN");
        assertThat(http.put(API + "/" + jpReq, jp, withheld).status()).isEqualTo(200);
        assertThat(http.get(judgments(jpReq), us).status()).isEqualTo(404);
        var fromOwn = http.get(judgments(usReq), us).json();
        assertThat(fromOwn.get("total").asLong()).as("the judgment of a pair with a hidden member is hidden").isZero();
        assertThat(fromOwn.toString()).doesNotContain(String.valueOf(jpReq));
        assertThat(http.get(judgments(usReq), jp).json().get("total").asLong()).as("Japan still reads it").isEqualTo(1);

        // the judgment's own record followed its requirement, in the same transaction: one nation's now, everywhere
        long judgment = http.get(judgments(usReq), jp).json().get("items").get(0).get("id").asLong();
        assertThat(jdbc.sql("select marking from record where id = :id").param("id", judgment).query(String.class)
                .single()).isEqualTo("CUI//NOFORN");
        assertThat(jdbc.sql("select actor from audit_entry where record_id = :id and action = 'MARKING_CHANGED'")
                .param("id", judgment).query(String.class).list()).containsExactly("system");
        assertThat(http.get("/api/v1/records/" + judgment + "/history", us).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/judgments/" + judgment, us).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/judgments/" + judgment, jp).status()).isEqualTo(200);
    }

    @Test
    void theFindersApiMarksEachCandidateWithTheLatestJudgmentTheCallerMayRead() {
        long usReq = requirement(us, "JUDGETEST api marks airborne early warning radar", "UNCLASSIFIED");
        long jpReq = requirement(jp, "JUDGETEST api marks airborne early warning radar", "UNCLASSIFIED");
        assertThat(http.post(judgments(jpReq), jp, judgment(usReq, true, null, "")).status()).isEqualTo(201);
        var rejected = http.post(judgments(usReq), us, judgment(jpReq, false, "DIFFERENT_ROLE", "radar, not missile"));
        assertThat(rejected.status()).isEqualTo(201);
        long latest = rejected.json().get("id").asLong();
        String matches = API + "/" + jpReq + "/matches?top=50&size=50";

        JsonNode asJp = http.get(matches, jp).json();
        JsonNode candidate = candidate(asJp, usReq);
        JsonNode mark = candidate.get("judgment");
        assertThat(mark.get("id").asLong()).as("the latest of the pair").isEqualTo(latest);
        assertThat(mark.get("verdict").asString()).isEqualTo("NOT_SAME_NEED");
        assertThat(mark.get("verdictLabel").asString()).isEqualTo("Not the same need");
        assertThat(mark.get("reason").asString()).isEqualTo("DIFFERENT_ROLE");
        assertThat(mark.get("judgedAt").isNull()).isFalse();
        assertThat(mark.get("marking").asString()).isEqualTo("UNCLASSIFIED//REL TO JPN, USA");
        assertThat(candidate.get("requirementId").asLong()).as("the finder's fields as they were").isEqualTo(usReq);
        assertThat(candidate.has("score")).isTrue();
        assertThat(Marking.parse(asJp.get("marking").asString())
                .atLeastAsRestrictiveAs(Marking.parse("UNCLASSIFIED//REL TO JPN, USA")))
                .as("the list carries the judgment's marking: " + asJp.get("marking")).isTrue();

        String au = http.token("au.dod", "demo");
        JsonNode asAu = http.get(matches, au).json();
        assertThat(candidate(asAu, usReq).get("judgment").isNull()).as("a third nation reads both, not the judgment")
                .isTrue();
        assertThat(asAu.toString()).doesNotContain("\"id\":" + latest + ",");

        JsonNode finder = http.get("/api/v1/opportunities/finder", jp).json();
        JsonNode pairs = finder.get("pairs");
        assertThat(pairs.isArray()).isTrue();
        for (JsonNode p : pairs) {
            assertThat(p.has("judgment")).as("every pair says whether it is judged").isTrue();
            assertThat(p.has("a") && p.has("b") && p.has("score")).isTrue();
        }
    }

    static JsonNode candidate(JsonNode list, long requirement) {
        for (JsonNode c : list.get("items")) {
            if (c.get("requirementId").asLong() == requirement) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + requirement + " in " + list);
    }

    @Test
    void aJudgmentMarkedBeforeItsMarkingWasLimitedToThePairIsReMarkedAtStart() {
        long usReq = requirement(us, "JUDGETEST older judgment US", "UNCLASSIFIED//REL TO USA, JPN, AUS");
        long jpReq = requirement(jp, "JUDGETEST older judgment JP", "UNCLASSIFIED");
        var created = http.post(judgments(jpReq), jp, judgment(usReq, true, null, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("marking").asString()).as("the high-water mark, limited to the pair")
                .isEqualTo("UNCLASSIFIED//REL TO JPN, USA");
        // as V42 marked it: the bare high-water mark, which Australia's officials could read
        jdbc.sql("update record set marking = 'UNCLASSIFIED//REL TO USA, JPN, AUS', rel_to = '{USA,JPN,AUS}' where id = :id")
                .param("id", id).update();
        String au = http.token("au.dod", "demo");
        assertThat(http.get("/api/v1/records/" + id + "/history", au).status()).as("the hole it closes").isEqualTo(200);

        assertThat(pairJudgments.followRequirements(null)).as("what the start-up runner does").isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select marking from record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("UNCLASSIFIED//REL TO JPN, USA");
        assertThat(http.get("/api/v1/records/" + id + "/history", au).status()).isEqualTo(404);
        assertThat(pairJudgments.followRequirements(null)).as("nothing left to re-mark").isZero();
    }

    @Test
    void everyJudgmentIsKeptAndTheLatestOfEachPairCounts() {
        long usReq = requirement(us, "JUDGETEST counter-UAS interceptor", BOTH_CUI);
        long jpReq = requirement(jp, "JUDGETEST counter-UAS interceptor JP", BOTH_CUI);
        assertThat(http.post(judgments(jpReq), jp, judgment(usReq, true, null, "")).status()).isEqualTo(201);
        assertThat(http.post(judgments(usReq), us, judgment(jpReq, false, "SIBLING_SYSTEM", "rival products"))
                .status()).isEqualTo(201);
        JsonNode history = http.get(judgments(jpReq), jp).json();
        assertThat(history.get("total").asLong()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("verdict").asString()).as("newest first").isEqualTo("NOT_SAME_NEED");
        assertThat(history.get("items").get(1).get("verdict").asString()).isEqualTo("SAME_NEED");
        long lo = Math.min(usReq, jpReq);
        long hi = Math.max(usReq, jpReq);
        assertThat(judgedPairs.latest()).contains(new JudgedPair(lo, hi, false))
                .doesNotContain(new JudgedPair(lo, hi, true))
                .filteredOn(p -> p.firstRequirementId() == lo && p.secondRequirementId() == hi).hasSize(1);
        assertThat(jdbc.sql("select count(*) from pair_judgment where first_requirement_id = :lo and "
                + "second_requirement_id = :hi").param("lo", lo).param("hi", hi).query(Long.class).single())
                .isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------------- the pages

    static String pairPage(long a, long b) {
        return "/opportunities/pair?a=" + a + "&b=" + b;
    }

    @Test
    void onThePairPageAnOfficialConfirmsAndSeesTheJudgmentWithWhoAndWhen() {
        long usReq = requirement(us, "JUDGETEST page confirm US", BOTH_CUI);
        long jpReq = requirement(jp, "JUDGETEST page confirm JP", BOTH_CUI);
        Http web = new Http(port).signIn("jp.atla", "demo");
        var page = web.get(pairPage(jpReq, usReq), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Officials&#39; judgments", "No official has judged this pair yet.",
                "Confirm: same need", "Reject: not the same need", "Different time frame",
                "action=\"/opportunities/pair/judgments\"", "href=\"/opportunities/model\"");
        var posted = web.form("/opportunities/pair/judgments", Http.csrf(page.body()),
                Map.of("a", String.valueOf(jpReq), "b", String.valueOf(usReq), "sameNeed", "true", "reason", "",
                        "note", "", "back", ""));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).contains(pairPage(jpReq, usReq));
        var after = web.get(pairPage(jpReq, usReq), null).body();
        assertThat(after).contains("Confirmed by officials", "Same need", "Haruka Mori", "Japan")
                .doesNotContain("No official has judged this pair yet.");
        Http usWeb = new Http(port).inLanguage("ja").signIn("us.acq", "demo");
        assertThat(usWeb.get(pairPage(usReq, jpReq), null).body()).as("the other nation's official, in Japanese")
                .contains("政府職員が同一と確認", "同一の要求", "日本");
    }

    @Test
    void fromTheMatchesPageAnOfficialRejectsWithAReasonAndARejectionWithoutOneIsRefusedInTheirLanguage() {
        long usReq = requirement(us, "JUDGETEST page reject maritime patrol aircraft", BOTH_CUI);
        long jpReq = requirement(jp, "JUDGETEST page reject maritime patrol aircraft", BOTH_CUI);
        Http web = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        var matches = web.get("/requirements/" + jpReq + "/matches?top=50", null);
        assertThat(matches.status()).isEqualTo(200);
        assertThat(matches.body()).contains("このペアを判定する", "この運用要求のペアはまだ政府職員による判定を受けていません。",
                "name=\"back\" value=\"matches\"");
        var refused = web.form("/opportunities/pair/judgments", Http.csrf(matches.body()),
                Map.of("a", String.valueOf(jpReq), "b", String.valueOf(usReq), "sameNeed", "false", "reason", "",
                        "note", "typed note", "back", "matches"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("「同一の要求ではない」とする判定には理由が必要です", "typed note");
        var rejected = web.form("/opportunities/pair/judgments", Http.csrf(matches.body()),
                Map.of("a", String.valueOf(jpReq), "b", String.valueOf(usReq), "sameNeed", "false",
                        "reason", "DIFFERENT_TIME_FRAME", "note", "令和15年度以降", "back", "matches"));
        assertThat(rejected.status()).isEqualTo(302);
        assertThat(rejected.header("Location")).endsWith("/requirements/" + jpReq + "/matches");
        var after = web.get("/requirements/" + jpReq + "/matches?top=50", null).body();
        assertThat(after).as("the candidate stays, marked").contains("政府職員が同一でないと判定", "所要時期が異なる",
                "令和15年度以降", "JUDGETEST page reject maritime patrol aircraft");
        assertThat(new Http(port).signIn("us.acq", "demo").get(pairPage(usReq, jpReq), null).body())
                .contains("Rejected by officials", "Not the same need", "Different time frame");
    }

    @Test
    void industryUsersSeeNoFormsAndTheirPostIsRefused() {
        long usReq = requirement(us, "JUDGETEST page industry US", "UNCLASSIFIED");
        long jpReq = requirement(jp, "JUDGETEST page industry JP", "UNCLASSIFIED");
        Http web = new Http(port).signIn("jp.industry", "demo");
        var page = web.get(pairPage(jpReq, usReq), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("action=\"/opportunities/pair/judgments\"", "Confirm: same need");
        var posted = web.form("/opportunities/pair/judgments", Http.csrf(page.body()),
                Map.of("a", String.valueOf(jpReq), "b", String.valueOf(usReq), "sameNeed", "true"));
        assertThat(posted.status()).isEqualTo(403);
        assertThat(http.get(judgments(jpReq), jp).json().get("total").asLong()).isZero();
    }

    @Test
    void theFinderMarksEachFlaggedPairWithItsLatestJudgmentAndHidesNone() {
        org.dicas.security.DicasUser me = directory.userByUsername("jp.atla").orElseThrow();
        List<OpportunityFinderService.Pair> flagged = finder.overview(me).pairs();
        assertThat(flagged).isNotEmpty();
        Map<String, PairJudgment> judged = pairJudgments.latestByPair(me, null);
        if (flagged.stream().noneMatch(p -> judged.containsKey(PairJudgment.key(p.a().requirementId(),
                p.b().requirementId())))) {
            OpportunityFinderService.Pair p = flagged.stream().filter(x -> x.a().nation().equals("JPN")
                    || x.b().nation().equals("JPN")).findFirst().orElseThrow();
            assertThat(http.post(judgments(p.a().requirementId()), jp, judgment(p.b().requirementId(), true, null, ""))
                    .status()).isEqualTo(201);
        }
        Map<String, PairJudgment> latest = pairJudgments.latestByPair(me, null);
        long confirmed = flagged.stream().map(p -> latest.get(PairJudgment.key(p.a().requirementId(),
                p.b().requirementId()))).filter(j -> j != null && j.sameNeed()).count();
        long rejected = flagged.stream().map(p -> latest.get(PairJudgment.key(p.a().requirementId(),
                p.b().requirementId()))).filter(j -> j != null && !j.sameNeed()).count();
        assertThat(confirmed + rejected).isPositive();
        String page = new Http(port).signIn("jp.atla", "demo").get("/opportunities/finder?lang=en", null).body();
        assertThat(count(page, "Confirmed by officials")).isEqualTo(confirmed);
        assertThat(count(page, "Rejected by officials")).isEqualTo(rejected);
        assertThat(count(page, "href=\"/opportunities/pair?a=")).as("no pair hidden").isEqualTo(flagged.size());
    }

    static long count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }
}
